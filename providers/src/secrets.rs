//! Deciding, at the edge, whether a configuration value looks like a secret. Only the verdict is kept;
//! the value itself is dropped as soon as it has been looked at.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Environment variables with their values already dropped.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct EnvVars {
    pub names: Vec<String>,
    pub secret_like: Vec<String>,
}

impl EnvVars {
    /// Keeps the names of `vars` and which of them look like secrets; the values go no further.
    pub fn from_pairs<'a>(vars: impl IntoIterator<Item = (&'a str, &'a str)>) -> EnvVars {
        let mut out = EnvVars::default();
        for (name, value) in vars {
            if looks_like_secret(name, value) {
                out.secret_like.push(name.to_string());
            }
            out.names.push(name.to_string());
        }
        out.names.sort();
        out.secret_like.sort();
        out
    }
}

impl<'de> Deserialize<'de> for EnvVars {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map: Option<BTreeMap<String, Value>> = Option::deserialize(d)?;
        let map = map.unwrap_or_default();
        Ok(EnvVars::from_pairs(map.iter().map(|(k, v)| {
            (k.as_str(), v.as_str().unwrap_or_default())
        })))
    }
}

/// Name fragments that mark a variable as carrying a credential.
const SECRET_NAME_HINTS: &[&str] = &[
    "SECRET",
    "PASSWORD",
    "PASSWD",
    "PWD",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "ACCESS_KEY",
    "PRIVATE_KEY",
    "CREDENTIAL",
    "CONNECTION_STRING",
    "CONNECTIONSTRING",
    "AUTH",
    "SAS",
];

/// Value prefixes of well-known credential formats.
const SECRET_VALUE_PREFIXES: &[&str] = &[
    "AKIA",
    "ASIA",
    "-----BEGIN",
    "ghp_",
    "gho_",
    "github_pat_",
    "xoxb-",
    "xoxp-",
    "sk_live_",
    "sk-",
    "AIza",
    "ya29.",
    "eyJ",
];

/// True when a variable named `name` with value `value` probably holds a secret: a credential-like name
/// with a non-trivial value, a known credential format, a connection string with a password, or a long
/// high-entropy token.
pub fn looks_like_secret(name: &str, value: &str) -> bool {
    let value = value.trim();
    if value.is_empty() {
        return false;
    }
    let upper = name.to_ascii_uppercase();
    let name_hint = SECRET_NAME_HINTS.iter().any(|h| upper.contains(h));
    // A reference to a secret store is not itself a secret.
    let is_reference = value.starts_with("arn:aws:secretsmanager:")
        || value.starts_with("arn:aws:ssm:")
        || value.starts_with("@Microsoft.KeyVault(")
        || value.starts_with("projects/") && value.contains("/secrets/");
    if is_reference {
        return false;
    }
    if name_hint && value.len() >= 6 {
        return true;
    }
    if SECRET_VALUE_PREFIXES.iter().any(|p| value.starts_with(p)) && value.len() >= 16 {
        return true;
    }
    let lower = value.to_ascii_lowercase();
    if (lower.contains("password=") || lower.contains("pwd=") || lower.contains("accountkey="))
        && value.contains(';')
    {
        return true;
    }
    // scheme://user:password@host
    if let Some((userinfo, _)) = value.split("://").nth(1).and_then(|r| r.split_once('@'))
        && userinfo.contains(':')
        && !userinfo.contains('/')
    {
        return true;
    }
    high_entropy_token(value)
}

/// A long run of mixed characters without spaces: random keys, hex or base64 blobs.
fn high_entropy_token(value: &str) -> bool {
    if value.len() < 32 || value.contains(char::is_whitespace) || value.contains("://") {
        return false;
    }
    let mut counts = [0u32; 256];
    for b in value.bytes() {
        counts[usize::from(b)] += 1;
    }
    let len = value.len() as f64;
    let entropy: f64 = counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / len;
            -p * p.log2()
        })
        .sum();
    let classes = [
        value.bytes().any(|b| b.is_ascii_lowercase()),
        value.bytes().any(|b| b.is_ascii_uppercase()),
        value.bytes().any(|b| b.is_ascii_digit()),
    ]
    .iter()
    .filter(|&&x| x)
    .count();
    entropy > 4.0 && classes >= 2
}

/// What stands in for a secret that is not stored: the first 8 hex digits of its SHA-256, so a
/// change of the value still shows in a diff (`<redacted:1a2b3c4d>`).
pub fn redacted(value: &str) -> String {
    use sha2::Digest;
    let d = sha2::Sha256::digest(value.as_bytes());
    let hex: String = d.iter().take(4).map(|b| format!("{b:02x}")).collect();
    format!("<redacted:{hex}>")
}

/// Parameter names whose values are credentials wherever they appear (`key=…`, `sig=…`).
const SECRET_PARAMS: &[&str] = &[
    "key",
    "apikey",
    "api_key",
    "token",
    "access_token",
    "id_token",
    "refresh_token",
    "code",
    "sig",
    "signature",
    "password",
    "passwd",
    "pwd",
    "secret",
    "client_secret",
    "auth",
    "authorization",
];

/// A URL (or any text with a `?query`) with its user-info and every query and fragment value
/// redacted; scheme, host, path and parameter names stay. Signed URLs (SAS, presigned, Logic App
/// callback `sig=`) keep nothing that signs.
pub fn redact_url(s: &str) -> String {
    let (head, tail) = match s.find(['?', '#']) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    // scheme://user:password@host → scheme://<redacted>@host; token-like path segments (the secret
    // of a Slack, Discord, Teams or Telegram webhook URL is in its path) → <redacted:…>
    let head = match head.split_once("://") {
        Some((scheme, rest)) => {
            let end = rest.find('/').unwrap_or(rest.len());
            let authority = match rest[..end].rsplit_once('@') {
                Some((userinfo, host)) => format!("{}@{host}", redacted(userinfo)),
                None => rest[..end].to_string(),
            };
            format!("{scheme}://{authority}{}", redact_path(&rest[end..]))
        }
        None => head.to_string(),
    };
    let mut out = head;
    let mut rest = tail;
    while let Some(sep) = rest.chars().next() {
        out.push(sep);
        let body = &rest[1..];
        let end = body
            .find(['#', '?'])
            .filter(|_| sep == '?')
            .unwrap_or(body.len());
        let (part, next) = body.split_at(end);
        let pairs: Vec<String> = part
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, "")) => format!("{k}="),
                Some((k, v)) => format!("{k}={}", redacted(v)),
                None if p.is_empty() => String::new(),
                None => redacted(p),
            })
            .collect();
        out.push_str(&pairs.join("&"));
        rest = next;
    }
    out
}

/// A URL path with every segment that looks like a credential redacted (see [`token_segment`]).
pub fn redact_path(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if token_segment(seg) {
                redacted(seg)
            } else {
                seg.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A path segment that is a credential rather than a name: 20 or more characters mixing upper
/// case, lower case and digits (Slack `…/services/T…/B…/<token>`, Discord `…/webhooks/<id>/<token>`,
/// Telegram `…/bot<id>:<token>/…`), or 32 or more hex digits (Teams `…/IncomingWebhook/<hex>/…`).
/// Names people give (`send-report`, `v1.0`, `sendMail`) and GUIDs stay.
fn token_segment(seg: &str) -> bool {
    let core = seg.split(':').next_back().unwrap_or(seg);
    if core.len() >= 20
        && core.bytes().any(|b| b.is_ascii_uppercase())
        && core.bytes().any(|b| b.is_ascii_lowercase())
        && core.bytes().any(|b| b.is_ascii_digit())
        && core
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return true;
    }
    seg.len() >= 32 && seg.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Free text (a string literal, a header value, an action's input) with what looks like a
/// credential redacted: URLs' queries and user-info, `Bearer`/`Basic` values, `name=value` and
/// `name: value` pairs whose name says credential, known token shapes, long high-entropy words.
/// Ordinary words, addresses, identifiers and hosts stay.
pub fn redact_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut after_scheme = false;
    for word in s.split_inclusive(char::is_whitespace) {
        let trimmed = word.trim_end();
        let ws = &word[trimmed.len()..];
        let lower = trimmed.to_ascii_lowercase();
        let redacted_word = if after_scheme && !trimmed.is_empty() {
            after_scheme = false;
            redacted(trimmed)
        } else if lower == "bearer" || lower == "basic" || lower == "token" {
            after_scheme = true;
            trimmed.to_string()
        } else if trimmed.contains("://") || trimmed.contains('?') {
            redact_url(trimmed)
        } else if let Some((k, v)) = trimmed.split_once(['=', ':'])
            && !v.is_empty()
            && SECRET_PARAMS
                .iter()
                .any(|p| k.trim_matches(['"', '\'', ' ']).eq_ignore_ascii_case(p))
        {
            let sep = &trimmed[k.len()..k.len() + 1];
            format!("{k}{sep}{}", redacted(v))
        } else if SECRET_VALUE_PREFIXES
            .iter()
            .any(|p| trimmed.starts_with(p) && trimmed.len() >= 16)
            || high_entropy_token(trimmed)
        {
            redacted(trimmed)
        } else {
            trimmed.to_string()
        };
        out.push_str(&redacted_word);
        out.push_str(ws);
    }
    out
}

/// A parse error's text without the values it quotes (`invalid type: string "…"`, `unknown variant
/// `…``): a value of the wrong type may be a secret (an environment variable, a credential).
pub fn without_values(message: &str) -> String {
    mask(&mask(message, "string \"", '"'), "variant `", '`')
}

/// `message` with whatever follows each `open`, up to the unescaped `close`, replaced by `…`.
fn mask(message: &str, open: &str, close: char) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i + open.len()]);
        out.push('…');
        rest = &rest[i + open.len()..];
        let mut escaped = false;
        let end = rest.char_indices().find_map(|(j, c)| {
            let closes = c == close && !escaped;
            escaped = c == '\\' && !escaped;
            closes.then_some(j)
        });
        rest = end.map_or("", |j| &rest[j..]);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{looks_like_secret, redact_text, redact_url, redacted, without_values};

    #[test]
    fn urls_keep_their_shape_and_lose_what_signs() {
        let sas = "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01&sp=%2Ftriggers&sv=1.0&sig=Zm9vYmFyYmF6cXV4";
        let r = redact_url(sas);
        assert!(r.starts_with("https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=<redacted:"), "{r}");
        assert!(
            !r.contains("Zm9vYmFyYmF6cXV4") && r.contains("&sig=<redacted:"),
            "{r}"
        );
        assert_eq!(
            redact_url("https://example.com/a/b"),
            "https://example.com/a/b"
        );
        // Webhook URLs whose path is the credential lose it; names, versions and GUIDs stay.
        for (url, secret) in [
            (
                "https://hooks.slack.com/services/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",
                "q8Zr3kLmN2pXw7Yt5VbC9dFs",
            ),
            (
                "https://discord.com/api/webhooks/112233445566778899/Xk9_aB3dEf-GhIjK7LmNoPq2RsTuVwXyZ0a1b2c3d4e5F6g7H8i9J0kLmNoPqRsTuVwXy",
                "Xk9_aB3dEf-GhIjK7LmNoPq2RsTuVwXyZ0a1b2c3d4e5F6g7H8i9J0kLmNoPqRsTuVwXy",
            ),
            (
                "https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage",
                "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
            ),
            (
                "https://contoso.webhook.office.com/webhookb2/0b1c2d3e-0000-4000-8000-111122223333@72f988bf-0000-4000-8000-2d7cd011db47/IncomingWebhook/9f8e7d6c5b4a39281706f5e4d3c2b1a0/0b1c2d3e-0000-4000-8000-444455556666",
                "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            ),
        ] {
            let r = redact_url(url);
            assert!(!r.contains(secret) && r.contains("<redacted:"), "{r}");
        }
        for keep in [
            "https://graph.microsoft.com/v1.0/users/0b1c2d3e-0000-4000-8000-111122223333/sendMail",
            "https://api.partner.example/v2/reports/monthly-summary-export",
            "https://storage.googleapis.com/upload/storage/v1/b/acme-fn-prod-exports/o",
        ] {
            assert_eq!(redact_url(keep), keep);
        }
        let u = redact_url("postgres://app:s3cr3t@db.internal:5432/app");
        assert!(
            !u.contains("s3cr3t") && u.ends_with("@db.internal:5432/app"),
            "{u}"
        );
        let f = redact_url("https://x.example/cb#access_token=abc123&state=1");
        assert!(!f.contains("abc123"), "{f}");
        // A change of the value shows; the same value gives the same stand-in.
        assert_ne!(redacted("a"), redacted("b"));
        assert_eq!(redacted("a"), redacted("a"));
    }

    #[test]
    fn text_keeps_words_and_loses_credentials() {
        for (text, secret) in [
            (
                "Bearer ya29.a0AfH6SMBx-secret-value",
                "ya29.a0AfH6SMBx-secret-value",
            ),
            ("https://api.example.com/v1?token=tok_12345", "tok_12345"),
            (
                "api_key=sk_live_51H8xyzABCDEFGHIJ",
                "sk_live_51H8xyzABCDEFGHIJ",
            ),
            (
                "xoxb-2214-88812-Zk7Qw3Er5Ty7Ui9Op1As3Df5",
                "Zk7Qw3Er5Ty7Ui9Op1As3Df5",
            ),
            ("AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ] {
            let r = redact_text(text);
            assert!(!r.contains(secret), "{text} → {r}");
            assert!(r.contains("<redacted:"), "{r}");
        }
        for plain in [
            "anyone",
            "ops@example.com",
            "onEdit",
            "https://example.com/path",
            "Weekly report",
        ] {
            assert_eq!(redact_text(plain), plain);
        }
    }

    #[test]
    fn flags_credentials_and_not_ordinary_settings() {
        let cases = [
            ("DB_PASSWORD", "hunter22", true),
            ("API_TOKEN", "abcdef123", true),
            ("AWS_KEY", "AKIAIOSFODNN7EXAMPLE", true),
            (
                "DATABASE_URL",
                "postgres://app:s3cr3t@db.internal:5432/app",
                true,
            ),
            (
                "STORAGE",
                "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc==;",
                true,
            ),
            ("BLOB", "q8Zr2Lx0Vb7Nw4Tf1Kp9Hs3Jd6Gm5Ca0Ye2Ui8Oo", true),
            ("LOG_LEVEL", "debug", false),
            ("TABLE_NAME", "orders-prod", false),
            ("ENDPOINT", "https://api.example.com/v1/items", false),
            (
                "DB_PASSWORD_ARN",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:db",
                false,
            ),
            ("API_TOKEN", "", false),
        ];
        for (name, value, want) in cases {
            assert_eq!(looks_like_secret(name, value), want, "{name}={value}");
        }
    }

    #[test]
    fn parse_errors_lose_the_values_they_quote() {
        let m = without_values(
            r#"invalid type: string "AKIA\"SECRET", expected a map at line 1 column 40"#,
        );
        assert_eq!(
            m,
            r#"invalid type: string "…", expected a map at line 1 column 40"#
        );
        let m = without_values("unknown variant `hunter2`, expected one of `A`, `B`");
        assert_eq!(m, "unknown variant `…`, expected one of `A`, `B`");
        let m = without_values("missing field `name` at line 3 column 1");
        assert_eq!(m, "missing field `name` at line 3 column 1");
        // A real serde_json error, through the same path as an answer.
        let e = serde_json::from_str::<std::collections::BTreeMap<String, u32>>(
            r#"{"a": "s3cr3t-value"}"#,
        )
        .unwrap_err();
        let m = without_values(&e.to_string());
        assert!(!m.contains("s3cr3t"), "{m}");
        assert!(m.contains("invalid type"), "{m}");
    }
}
