//! `fnscope.toml`: rule settings, thresholds, allow-lists and suppressions. Parsed strictly (unknown
//! keys are errors), then validated with the line of each problem: a typo in a suppression is an error
//! at its line, never a silently ignored entry.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use globset::{Glob, GlobMatcher};
use serde::Deserialize;
use toml::Spanned;

use fnscope_policies::{Finding, Settings, Severity, Suppressed};

use crate::CliError;

/// The binary's own tables; the providers' (`[gcp]`, `[azure]`) are read by the providers, and a
/// table that is neither is an error at its line ([`check_tables`]).
#[derive(Debug, Default, Deserialize)]
struct RawConfig {
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    thresholds: RawThresholds,
    #[serde(default)]
    aws: RawAws,
    #[serde(default)]
    power_automate: RawPowerAutomate,
    #[serde(default)]
    detect: RawDetect,
    #[serde(default)]
    suppress: Vec<RawSuppression>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThresholds {
    unused_days: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAws {
    #[serde(default)]
    trusted_accounts: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPowerAutomate {
    #[serde(default)]
    tenant_domains: Vec<Spanned<String>>,
    #[serde(default)]
    http_allow: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDetect {
    #[serde(default)]
    allow_actors: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuppression {
    rule: Spanned<String>,
    resource: Spanned<String>,
    reason: Spanned<String>,
    expires: Option<Spanned<String>>,
    provider: Option<Spanned<String>>,
    target: Option<Spanned<String>>,
}

/// One suppression entry, validated.
#[derive(Debug)]
pub struct Suppression {
    pub rule: String,
    pub resource: String,
    pub reason: String,
    pub expires: Option<NaiveDate>,
    pub provider: Option<String>,
    pub target: Option<String>,
    pub line: usize,
    rule_glob: GlobMatcher,
    resource_glob: GlobMatcher,
}

/// What became of a suppression in one evaluation.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SuppressionStatus {
    pub rule: String,
    pub resource: String,
    pub reason: String,
    pub expires: Option<String>,
    /// `active`, `expired` or `unmatched`.
    pub status: &'static str,
    pub matched: usize,
    pub line: usize,
}

/// The validated configuration.
#[derive(Debug, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub settings: Settings,
    pub disabled: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub suppressions: Vec<Suppression>,
    /// `[gcp]`, `[azure]`: each provider's section, checked by the provider.
    pub providers: fnscope_providers::scan::ProviderConfig,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

impl Config {
    /// `--config FILE`, else `fnscope.toml` in the working directory if present, else defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, CliError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => {
                let p = PathBuf::from("fnscope.toml");
                if !p.exists() {
                    return Ok(Config::default());
                }
                p
            }
        };
        let text = std::fs::read_to_string(&path).map_err(|e| {
            CliError::Input(format!(
                "cannot read configuration `{}`: {e}",
                path.display()
            ))
        })?;
        Config::parse(&text, &path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config, CliError> {
        let src = Source { text, path };
        check_tables(&src)?;
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
            CliError::Input(format!(
                "{}:{line}: {}",
                path.display(),
                e.message().trim_end()
            ))
        })?;
        let known: Vec<&str> = fnscope_policies::catalogue()
            .iter()
            .map(|r| r.meta().id)
            .collect();
        let mut cfg = Config {
            path: Some(path.to_path_buf()),
            ..Config::default()
        };
        let RawConfig {
            rules,
            thresholds,
            aws,
            power_automate,
            detect,
            suppress,
        } = raw;
        parse_rules(&src, rules, &known, &mut cfg)?;
        parse_settings(&src, thresholds, aws, &power_automate, &detect, &mut cfg)?;
        cfg.providers = fnscope_providers::scan::ProviderConfig::parse(text).map_err(|e| {
            let line = e.span.map(|s| line_of(text, s.start)).unwrap_or(0);
            CliError::Input(format!("{}:{line}: {}", path.display(), e.message))
        })?;
        parse_suppressions(&src, suppress, &known, &mut cfg)?;
        Ok(cfg)
    }

    /// Applies severity overrides and suppressions to `findings`; returns what each suppression did.
    pub fn apply(&self, findings: &mut [Finding], today: NaiveDate) -> Vec<SuppressionStatus> {
        for f in findings.iter_mut() {
            if let Some(s) = self.severity.get(&f.rule_id) {
                f.severity = *s;
            }
        }
        let mut out = Vec::new();
        for s in &self.suppressions {
            let expired = s.expires.is_some_and(|d| d < today);
            let mut matched = 0;
            for f in findings.iter_mut() {
                if !s.rule_glob.is_match(&f.rule_id) {
                    continue;
                }
                if s.provider
                    .as_deref()
                    .is_some_and(|p| p != f.provider.as_str())
                {
                    continue;
                }
                let ids = [Some(&f.subject), f.target.as_ref(), f.resource.as_ref()];
                if let Some(t) = &s.target {
                    // The target scope: an account, project, subscription… contained in an id.
                    if !ids.iter().flatten().any(|r| r.id.contains(t.as_str())) {
                        continue;
                    }
                }
                if !ids
                    .iter()
                    .flatten()
                    .any(|r| s.resource_glob.is_match(&r.id))
                {
                    continue;
                }
                matched += 1;
                if !expired && f.suppressed.is_none() {
                    f.suppressed = Some(Suppressed {
                        reason: s.reason.clone(),
                        expires: s.expires.map(|d| d.to_string()),
                    });
                }
            }
            out.push(SuppressionStatus {
                rule: s.rule.clone(),
                resource: s.resource.clone(),
                reason: s.reason.clone(),
                expires: s.expires.map(|d| d.to_string()),
                status: if expired {
                    "expired"
                } else if matched == 0 {
                    "unmatched"
                } else {
                    "active"
                },
                matched,
                line: s.line,
            });
        }
        out
    }
}

/// The text of a configuration file and where it is, for messages that name the line.
struct Source<'t> {
    text: &'t str,
    path: &'t Path,
}

impl Source<'_> {
    fn at(&self, span: std::ops::Range<usize>, msg: String) -> CliError {
        CliError::Input(format!(
            "{}:{}: {msg}",
            self.path.display(),
            line_of(self.text, span.start)
        ))
    }

    /// A domain (`*.` and case dropped), or the error naming `what` and its line.
    fn host(&self, v: &Spanned<String>, what: &str) -> Result<String, CliError> {
        let h = v
            .get_ref()
            .trim()
            .trim_start_matches("*.")
            .to_ascii_lowercase();
        if h.is_empty() || h.contains(['/', ':', '@', ' ']) || !h.contains('.') {
            Err(self.at(
                v.span(),
                format!(
                    "{what} `{}` must be a domain such as contoso.com",
                    v.get_ref()
                ),
            ))
        } else {
            Ok(h)
        }
    }
}

/// The top-level tables the binary reads itself; the providers' are
/// [`fnscope_providers::scan::ProviderConfig::SECTIONS`].
const OWN_TABLES: &[&str] = &[
    "rules",
    "thresholds",
    "aws",
    "power_automate",
    "detect",
    "suppress",
];

/// Every top-level key names a table the binary or a provider reads: a misspelt table is an error at
/// its line, never a section silently ignored.
fn check_tables(src: &Source<'_>) -> Result<(), CliError> {
    let doc = toml::de::DeTable::parse(src.text).map_err(|e| {
        let line = e.span().map(|s| line_of(src.text, s.start)).unwrap_or(0);
        CliError::Input(format!(
            "{}:{line}: {}",
            src.path.display(),
            e.message().trim_end()
        ))
    })?;
    let providers = fnscope_providers::scan::ProviderConfig::SECTIONS;
    for key in doc.get_ref().keys() {
        let name: &str = key.get_ref();
        if !OWN_TABLES.contains(&name) && !providers.contains(&name) {
            let known: Vec<String> = OWN_TABLES
                .iter()
                .chain(providers)
                .map(|t| format!("`{t}`"))
                .collect();
            return Err(src.at(
                key.span(),
                format!(
                    "unknown field `{name}`, expected one of {}",
                    known.join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// `[rules]`: rules disabled and severities overridden, each naming a rule that exists.
fn parse_rules(
    src: &Source<'_>,
    raw: RawRules,
    known: &[&str],
    cfg: &mut Config,
) -> Result<(), CliError> {
    for d in raw.disable {
        if !known.contains(&d.get_ref().as_str()) {
            return Err(src.at(
                d.span(),
                format!("unknown rule `{}` in rules.disable", d.get_ref()),
            ));
        }
        cfg.disabled.push(d.into_inner());
    }
    for (rule, sev) in raw.severity {
        if !known.contains(&rule.as_str()) {
            return Err(src.at(
                sev.span(),
                format!("unknown rule `{rule}` in rules.severity"),
            ));
        }
        let s = Severity::parse(sev.get_ref()).ok_or_else(|| {
            src.at(
                sev.span(),
                format!(
                    "severity `{}` must be critical, high, medium or low",
                    sev.get_ref()
                ),
            )
        })?;
        cfg.severity.insert(rule, s);
    }
    Ok(())
}

/// `[thresholds]`, `[aws]`, `[power_automate]` and `[detect]`: the evaluation settings.
fn parse_settings(
    src: &Source<'_>,
    thresholds: RawThresholds,
    aws: RawAws,
    power_automate: &RawPowerAutomate,
    detect: &RawDetect,
    cfg: &mut Config,
) -> Result<(), CliError> {
    if let Some(d) = thresholds.unused_days {
        if *d.get_ref() < 1 {
            return Err(src.at(d.span(), "thresholds.unused_days must be at least 1".into()));
        }
        cfg.settings.unused_days = d.into_inner();
    }
    for a in aws.trusted_accounts {
        if a.get_ref().len() != 12 || !a.get_ref().bytes().all(|b| b.is_ascii_digit()) {
            return Err(src.at(
                a.span(),
                format!("`{}` is not a 12-digit AWS account id", a.get_ref()),
            ));
        }
        cfg.settings.trusted_accounts.push(a.into_inner());
    }
    for d in &power_automate.tenant_domains {
        cfg.settings
            .tenant_domains
            .push(src.host(d, "power_automate.tenant_domains")?);
    }
    for d in &power_automate.http_allow {
        cfg.settings
            .egress_allow
            .push(src.host(d, "power_automate.http_allow")?);
    }
    for a in &detect.allow_actors {
        Glob::new(a.get_ref()).map_err(|e| {
            src.at(
                a.span(),
                format!("detect.allow_actors `{}` is not a glob: {e}", a.get_ref()),
            )
        })?;
        cfg.settings.detect_allow.push(a.get_ref().clone());
    }
    Ok(())
}

/// `[[suppress]]`: each with a reason, a rule pattern that matches a rule, and a valid date.
fn parse_suppressions(
    src: &Source<'_>,
    raw: Vec<RawSuppression>,
    known: &[&str],
    cfg: &mut Config,
) -> Result<(), CliError> {
    for s in raw {
        let line = line_of(src.text, s.rule.span().start);
        if s.reason.get_ref().trim().is_empty() {
            return Err(src.at(
                s.reason.span(),
                "a suppression needs a non-empty reason".into(),
            ));
        }
        let glob = |v: &Spanned<String>| {
            Glob::new(v.get_ref())
                .map(|g| g.compile_matcher())
                .map_err(|e| src.at(v.span(), format!("invalid pattern `{}`: {e}", v.get_ref())))
        };
        let rule_glob = glob(&s.rule)?;
        if !known.iter().any(|k| rule_glob.is_match(k)) {
            return Err(src.at(
                s.rule.span(),
                format!("`{}` matches no rule", s.rule.get_ref()),
            ));
        }
        let resource_glob = glob(&s.resource)?;
        let expires = match &s.expires {
            Some(e) => Some(
                NaiveDate::parse_from_str(e.get_ref(), "%Y-%m-%d").map_err(|_| {
                    src.at(
                        e.span(),
                        format!("expires `{}` must be a date like 2027-01-31", e.get_ref()),
                    )
                })?,
            ),
            None => None,
        };
        if let Some(p) = &s.provider
            && fnscope_snapshot::Provider::parse(p.get_ref()).is_none()
        {
            return Err(src.at(p.span(), format!("unknown provider `{}`", p.get_ref())));
        }
        cfg.suppressions.push(Suppression {
            rule: s.rule.into_inner(),
            resource: s.resource.into_inner(),
            reason: s.reason.into_inner(),
            expires,
            provider: s.provider.map(Spanned::into_inner),
            target: s.target.map(Spanned::into_inner),
            line,
            rule_glob,
            resource_glob,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(text, Path::new("fnscope.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn parses_a_full_config() {
        let c = parse(
            r#"
[rules]
disable = ["T1648-AWS-010"]
severity = { "T1648-AWS-005" = "medium" }

[thresholds]
unused_days = 30

[aws]
trusted_accounts = ["444455556666"]

[[suppress]]
rule = "T1648-AWS-00*"
resource = "arn:aws:lambda:*:function:public-webhook"
reason = "public by design"
expires = "2027-01-31"
"#,
        )
        .unwrap();
        assert_eq!(c.disabled, ["T1648-AWS-010"]);
        assert_eq!(c.severity["T1648-AWS-005"], Severity::Medium);
        assert_eq!(c.settings.unused_days, 30);
        assert_eq!(c.suppressions[0].line, 13);
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            (
                "[[suppress]]\nrule = \"T1648-AWS-001\"\nresource = \"*\"\n",
                "reason",
            ),
            (
                "[[suppress]]\nrule = \"T1648-AWS-001\"\nresource = \"*\"\nreason = \"x\"\nexpire = \"2027-01-01\"\n",
                "fnscope.toml:5",
            ),
            (
                "[[suppress]]\nrule = \"T1648-XYZ-*\"\nresource = \"*\"\nreason = \"x\"\n",
                "fnscope.toml:2: `T1648-XYZ-*` matches no rule",
            ),
            (
                "[[suppress]]\nrule = \"T1648-AWS-001\"\nresource = \"*\"\nreason = \"x\"\nexpires = \"soon\"\n",
                "fnscope.toml:5: expires",
            ),
            (
                "[rules]\ndisable = [\"T1648-AWS-999\"]\n",
                "fnscope.toml:2: unknown rule",
            ),
            (
                "[rules.severity]\n\"T1648-AWS-001\" = \"severe\"\n",
                "fnscope.toml:2: severity `severe`",
            ),
            ("[thresholds]\nunused_days = 0\n", "fnscope.toml:2"),
            ("[aws]\ntrusted_accounts = [\"12\"]\n", "12-digit"),
            (
                "[gcp.endpoints]\nfunctions = \"https://f.example\"\ncloudrun = \"https://r.example\"\n",
                "fnscope.toml:3: unknown API `cloudrun`",
            ),
            (
                "[gcp]\ntoken_uri = \"oauth2.example/token\"\n",
                "fnscope.toml:2: gcp.token_uri",
            ),
            (
                "[rules]\ndisable = []\n\n[gpc]\ntoken_uri = \"https://t.example\"\n",
                "fnscope.toml:4: unknown field `gpc`, expected one of `rules`",
            ),
            (
                "[azure]\ncloud = \"mars\"\n",
                "fnscope.toml:2: azure.cloud `mars`",
            ),
        ];
        for (text, want) in cases {
            let err = parse(text).unwrap_err();
            assert!(err.contains(want), "{want} not in {err}");
        }
    }
}
