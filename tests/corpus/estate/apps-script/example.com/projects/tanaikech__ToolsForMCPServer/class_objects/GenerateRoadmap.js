// Please use the latest version.
// https://github.com/tanaikech/Roadmap-Generator-as-Gemini/blob/master/GenerateRoadmap.js
