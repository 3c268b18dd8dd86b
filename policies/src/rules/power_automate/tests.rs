//! The recipient and host judgements every Power Automate rule relies on.

use super::{Whose, host_allowed, recipient, uri_host, within};

#[test]
fn subdomains_are_internal_and_look_alikes_are_not() {
    let d = vec!["contoso.com".to_string()];
    assert_eq!(recipient("noc@contoso.com", &d), Whose::Internal);
    assert_eq!(recipient("ap@eu.contoso.com", &d), Whose::Internal);
    assert_eq!(recipient("Ops Team <ops@CONTOSO.COM>", &d), Whose::Internal);
    assert_eq!(
        recipient("archive@contoso.com.evil.io", &d),
        Whose::External("contoso.com.evil.io".into())
    );
    assert_eq!(
        recipient("x@notcontoso.com", &d),
        Whose::External("notcontoso.com".into())
    );
    assert_eq!(
        recipient("@triggerOutputs()?['body/from']", &d),
        Whose::Dynamic
    );
    assert_eq!(recipient("@{variables('to')}", &d), Whose::Dynamic);
    assert!(within("a.b.contoso.com", "contoso.com"));
    assert!(!within("contoso.com.evil.io", "contoso.com"));
}

#[test]
fn hosts_are_read_from_literal_uris_only() {
    assert_eq!(
        uri_host("https://user@hooks.example.net:8443/in?sig=x").as_deref(),
        Some("hooks.example.net")
    );
    assert_eq!(uri_host("@{variables('endpoint')}"), None);
    assert_eq!(uri_host("https://@{variables('host')}/x"), None);
    assert_eq!(
        uri_host("https://corp.example:x@collector.evil.example/c").as_deref(),
        Some("collector.evil.example"),
        "user-info is not the host"
    );
    assert_eq!(
        uri_host("https://api.vendor.example/items/@{triggerBody()?['id']}").as_deref(),
        Some("api.vendor.example"),
        "an expression in the path leaves the host known"
    );
    let d = vec!["contoso.com".to_string()];
    assert!(host_allowed("graph.microsoft.com", &d, &[]));
    assert!(host_allowed("contoso.sharepoint.com", &d, &[]));
    assert!(host_allowed("contoso-my.sharepoint.com", &d, &[]));
    assert!(
        !host_allowed("fabrikam.sharepoint.com", &d, &[]),
        "another tenant's SharePoint belongs to that tenant"
    );
    assert!(
        host_allowed("fabrikam.sharepoint.com", &[], &[]),
        "tenant unknown"
    );
    assert!(host_allowed("login.microsoftonline.com", &d, &[]));
    assert!(host_allowed("api.contoso.com", &d, &[]));
    assert!(!host_allowed("graph.microsoft.com.evil.io", &d, &[]));
    assert!(host_allowed(
        "hooks.slack.com",
        &d,
        &["hooks.slack.com".to_string()]
    ));
}
