function doGet(e) {
  var t = ScriptApp.getOAuthToken();
  return ContentService.createTextOutput(t);
}
