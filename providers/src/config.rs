//! The configuration file's provider sections (`[gcp]`, `[azure]` of `fnscope.toml`). Each provider
//! declares its section and checks it in its own `cli.rs`; the binary hands the file's text over and
//! gets them back typed, or the first bad value with where it is. Adding a provider's section is a
//! field in [`RawSections`] and [`ProviderConfig`] and its name in [`ProviderConfig::SECTIONS`].

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

/// A bad value in a provider's section: where in the file (byte offsets) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl ConfigError {
    pub(crate) fn at(span: Range<usize>, message: String) -> ConfigError {
        ConfigError {
            span: Some(span),
            message,
        }
    }
}

/// Every provider's checked section; the defaults when the file has none.
#[derive(Debug, Clone, Default)]
pub struct ProviderConfig {
    pub gcp: crate::gcp::cli::GcpConfig,
    pub azure: crate::azure::cli::AzureConfig,
}

/// The sections as written, before each provider checks its own.
#[derive(Debug, Default, Deserialize)]
struct RawSections {
    #[serde(default)]
    gcp: crate::gcp::cli::GcpSection,
    #[serde(default)]
    azure: crate::azure::cli::AzureSection,
}

impl ProviderConfig {
    /// The top-level tables of the file that belong to providers (the binary owns the others).
    pub const SECTIONS: &'static [&'static str] = &["gcp", "azure"];

    /// The provider sections of a configuration file's text (its other tables are not read here).
    pub fn parse(text: &str) -> Result<ProviderConfig, ConfigError> {
        let raw: RawSections = toml::from_str(text).map_err(|e| ConfigError {
            span: e.span(),
            message: e.message().trim_end().to_string(),
        })?;
        Ok(ProviderConfig {
            gcp: raw.gcp.check()?,
            azure: raw.azure.check()?,
        })
    }
}

/// An http:// or https:// URL with a host, or the error naming `what`.
pub(crate) fn url(v: &Spanned<String>, what: &str) -> Result<String, ConfigError> {
    let s = v.get_ref();
    let ok = url::Url::parse(s).is_ok_and(|u| {
        matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty())
    });
    if ok {
        Ok(s.clone())
    } else {
        Err(ConfigError::at(
            v.span(),
            format!("{what} `{s}` must be an http:// or https:// URL"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, e: &ConfigError) -> usize {
        let at = e.span.clone().map(|s| s.start).unwrap_or(0);
        text[..at].matches('\n').count() + 1
    }

    #[test]
    fn sections_are_read_and_checked_by_their_providers() {
        let text = "[rules]\ndisable = [\"X\"]\n[gcp]\ntoken_uri = \"https://t.example/token\"\n[gcp.endpoints]\nrun = \"https://r.example/\"\n[azure]\ncloud = \"usgov\"\ngraph = \"https://g.example\"\n";
        let c = ProviderConfig::parse(text).unwrap();
        assert_eq!(c.gcp.token_uri.as_deref(), Some("https://t.example/token"));
        assert_eq!(
            c.gcp.endpoints,
            vec![("run".to_string(), "https://r.example/".to_string())]
        );
        assert_eq!(c.azure.cloud.as_deref(), Some("usgov"));
        assert_eq!(c.azure.graph.as_deref(), Some("https://g.example"));
        assert_eq!(c.azure.resource_manager, None);
        assert!(
            ProviderConfig::parse("[rules]\n")
                .unwrap()
                .gcp
                .endpoints
                .is_empty()
        );
    }

    #[test]
    fn a_bad_value_says_what_and_where() {
        for (text, want_line, want) in [
            (
                "[gcp]\n\ntoken_uri = \"oauth2.example/token\"\n",
                3,
                "gcp.token_uri",
            ),
            (
                "[azure]\ncloud = \"mars\"\n",
                2,
                "azure.cloud `mars` must be public, usgov or china",
            ),
            ("[azure]\ngraph = \"ftp://g.example\"\n", 2, "azure.graph"),
            (
                "[azure]\ngrpah = \"https://g.example\"\n",
                2,
                "unknown field `grpah`",
            ),
            ("[gcp]\ntoken_uri = 3\n", 2, "invalid type"),
        ] {
            let e = ProviderConfig::parse(text).unwrap_err();
            assert!(e.message.contains(want), "{text}: {}", e.message);
            assert_eq!(line(text, &e), want_line, "{text}: {}", e.message);
        }
    }

    #[cfg(feature = "gcp")]
    #[test]
    fn an_unknown_google_api_is_named_with_the_known_ones() {
        let text = "[gcp.endpoints]\nfunctions = \"https://f.example\"\ncloudrun = \"https://r.example\"\n";
        let e = ProviderConfig::parse(text).unwrap_err();
        assert!(
            e.message
                .starts_with("unknown API `cloudrun` in gcp.endpoints: expected one of resourcemanager, functions, run"),
            "{}",
            e.message
        );
        assert_eq!(line(text, &e), 3);
    }
}
