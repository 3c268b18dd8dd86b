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
    use super::{looks_like_secret, without_values};

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
