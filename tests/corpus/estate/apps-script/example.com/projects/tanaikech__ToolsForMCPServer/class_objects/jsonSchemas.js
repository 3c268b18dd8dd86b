// Please use the latest version.
// https://github.com/tanaikech/Generating-Request-Body-for-APIs-using-Gemini/blob/master/jsonSchemaForDocs.js
// https://github.com/tanaikech/Generating-Request-Body-for-APIs-using-Gemini/blob/master/jsonSchemaForSheets.js
// https://github.com/tanaikech/Generating-Request-Body-for-APIs-using-Gemini/blob/master/jsonSchemaForSlides.js

