function exportNotes() {
  var f = DriveApp.createFile('notes.txt', 'weekly notes');
  MailApp.sendEmail('team@northwind.example', 'Notes exported', f.getUrl());
}
