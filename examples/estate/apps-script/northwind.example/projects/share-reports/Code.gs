function publishAll() {
  var files = DriveApp.getFolderById('0BReportsFolder').getFiles();
  while (files.hasNext()) {
    var f = files.next();
    f.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
  }
}
