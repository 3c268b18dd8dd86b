import { getGmailAliases } from './server/gmail.js';
import { createQueryString, makeQueryString } from './server/http.js';
import { doGet } from './server/webapp.js';

export { createQueryString, doGet, getGmailAliases, makeQueryString };
