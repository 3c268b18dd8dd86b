//! Hosts as a URL parser reads them, and which of them are first-party. Every rule that judges where
//! data goes reads the host here: with the `url` crate (WHATWG parsing, as browsers and HTTP clients
//! do), so user-info (`https://corp.example:x@collector.evil.example/`), ports, percent-encoding,
//! upper case, trailing dots and IDNs cannot make one host pass for another.

/// True when `host` is `domain` or below it (`a.contoso.com` is within `contoso.com`,
/// `contoso.com.evil.io` is not).
pub fn within(host: &str, domain: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    let d = domain.trim_end_matches('.').to_ascii_lowercase();
    !d.is_empty() && (h == d || h.ends_with(&format!(".{d}")))
}

/// The host of a written URL (`scheme://…`, or `//…`), lower case, IDNs in ASCII; `None` when it
/// has none or does not parse.
pub fn url_host(text: &str) -> Option<String> {
    let t = text.trim();
    let t = if t.starts_with("//") {
        format!("https:{t}")
    } else {
        t.to_string()
    };
    let u = url::Url::parse(&t).ok()?;
    u.host_str()
        .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
        .filter(|h| !h.is_empty())
}

/// Whether a call to `host` (with the path and HTTP method as far as known) stays with Google acting
/// for the user (`spec/real-exports.md`, "Which hosts are first-party"): Google's APIs
/// (`*.googleapis.com`, including computed hosts that end there) and Google's own sites. Not
/// first-party although Google serves them: another party's Apps Script web app
/// (`script.google.com/macros/…`), a Google Form's answers (`docs.google.com/forms/…`), script and
/// user content (`*.googleusercontent.com`), writes to a Cloud Storage bucket, and Cloud Functions,
/// Cloud Run, Firebase and App Engine endpoints — each delivers data to whoever owns that resource.
pub fn google_first_party(host: &str, path: Option<&str>, method: Option<&str>) -> bool {
    let path = path.unwrap_or_default();
    let writes = method.is_some_and(|m| {
        matches!(
            m.to_ascii_lowercase().as_str(),
            "post" | "put" | "patch" | "delete"
        )
    });
    if within(host, "storage.googleapis.com") {
        return !writes;
    }
    if within(host, "googleapis.com") {
        return true;
    }
    if within(host, "script.google.com") {
        return !(path.starts_with("/macros") || path.starts_with("/a/"));
    }
    if within(host, "docs.google.com") {
        return !path.contains("/forms/");
    }
    within(host, "google.com")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_as_a_parser_reads_them() {
        for (u, h) in [
            (
                "https://corp.example:x@collector.evil.example/c",
                Some("collector.evil.example"),
            ),
            (
                "https://user@hooks.example.net:8443/in?sig=x",
                Some("hooks.example.net"),
            ),
            (
                "HTTPS://Graph.Microsoft.COM./v1.0/me",
                Some("graph.microsoft.com"),
            ),
            ("https://%65vil.example/", Some("evil.example")),
            ("//cdn.example/x", Some("cdn.example")),
            ("https://bücher.example/", Some("xn--bcher-kva.example")),
            ("https://evil.example\\@contoso.com/", Some("evil.example")),
            ("not a url", None),
        ] {
            assert_eq!(url_host(u).as_deref(), h, "{u}");
        }
        assert!(within("a.b.contoso.com", "contoso.com"));
        assert!(!within("contoso.com.evil.io", "contoso.com"));
        assert!(!within("evilcontoso.com", "contoso.com"));
        assert!(!within("contoso.com", ""));
    }

    #[test]
    fn google_apis_are_first_party_but_not_what_others_own() {
        assert!(google_first_party(
            "x-aiplatform.googleapis.com",
            Some("/v1/projects/"),
            Some("post")
        ));
        assert!(google_first_party("forms.googleapis.com", None, None));
        assert!(google_first_party(
            "docs.google.com",
            Some("/spreadsheets/d/"),
            None
        ));
        assert!(google_first_party(
            "www.google.com",
            Some("/m8/feeds"),
            None
        ));
        assert!(!google_first_party(
            "script.google.com",
            Some("/macros/s/AKfy/exec"),
            Some("post")
        ));
        assert!(!google_first_party(
            "docs.google.com",
            Some("/forms/d/e/1FAIp/formResponse"),
            None
        ));
        assert!(!google_first_party(
            "script.googleusercontent.com",
            None,
            None
        ));
        assert!(!google_first_party(
            "storage.googleapis.com",
            Some("/bucket/o"),
            Some("put")
        ));
        assert!(google_first_party(
            "storage.googleapis.com",
            Some("/bucket/o"),
            None
        ));
        assert!(!google_first_party("fn-abc.cloudfunctions.net", None, None));
        assert!(!google_first_party(
            "googleapis.com.evil.example",
            None,
            None
        ));
    }
}
