// Please use the latest version.
// https://github.com/tanaikech/MoveFolder/blob/master/MoveFolder.js
