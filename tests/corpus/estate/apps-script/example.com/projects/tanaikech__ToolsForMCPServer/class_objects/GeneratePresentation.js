// Please use the latest version.
// https://github.com/tanaikech/Integrating-Gemini-and-Google-Apps-Script-for-Automated-Google-Slides-Presentations/blob/master/GeneratePresentation.js
