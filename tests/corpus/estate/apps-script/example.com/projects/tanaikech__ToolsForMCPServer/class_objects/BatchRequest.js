// Please use the latest version.
// https://github.com/tanaikech/BatchRequest/blob/master/BatchRequests.js
