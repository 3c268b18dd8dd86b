import mjml2html from 'mjml-browser';

// @ts-ignore
globalThis.mjml2html = mjml2html;
