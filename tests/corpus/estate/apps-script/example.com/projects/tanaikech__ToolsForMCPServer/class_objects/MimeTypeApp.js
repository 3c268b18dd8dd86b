// Please use the latest version.
// https://github.com/tanaikech/MimeTypeApp/blob/master/MimeTypeApp.js
