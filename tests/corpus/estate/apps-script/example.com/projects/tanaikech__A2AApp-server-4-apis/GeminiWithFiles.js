// Please use the latest version.
// https://github.com/tanaikech/GeminiWithFiles/blob/master/classGeminiWithFiles.js
