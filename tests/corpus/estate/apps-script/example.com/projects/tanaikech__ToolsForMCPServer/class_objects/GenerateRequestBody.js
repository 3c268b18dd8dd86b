// Please use the latest version.
// https://github.com/tanaikech/Generating-Request-Body-for-APIs-using-Gemini/blob/master/GenerateRequestBody.js
