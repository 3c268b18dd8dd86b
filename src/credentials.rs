//! Which providers `fnscope scan` scans when none is named: every provider whose credentials are
//! configured on this machine, found from the environment and the providers' own credential files —
//! never by a network call (an instance's metadata service is not probed; name the provider there).

use std::path::{Path, PathBuf};

use fnscope_snapshot::Provider;

use crate::cli::ScanArgs;

/// A provider to scan, and what showed its credentials (a variable or file name, never a value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub provider: Provider,
    pub source: String,
}

/// A provider whose credentials are there but which cannot be scanned as asked: a coverage record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    pub provider: Provider,
    pub source: String,
    pub why: String,
}

/// What was looked at, for the error when nothing is found.
pub const LOOKED_AT: &str = fnscope_providers::scan::LOOKED_AT;

/// The providers with credentials, from `env` (a variable lookup) and the home folder: each
/// provider's own check (`fnscope_providers::scan::PROVIDERS`), for the providers built in.
pub fn configured(
    args: &ScanArgs,
    env: &dyn Fn(&str) -> Option<String>,
    home: Option<&Path>,
) -> (Vec<Found>, Vec<Unusable>) {
    use fnscope_providers::scan::{Detected, Machine, PROVIDERS, built_in};
    let machine = Machine { env, home };
    let mut found = Vec::new();
    let mut unusable = Vec::new();
    for entry in PROVIDERS.iter().filter(|e| built_in(e.provider)) {
        match (entry.detect)(&args.live, &machine) {
            Detected::Nothing => {}
            Detected::Found(source) => found.push(Found {
                provider: entry.provider,
                source,
            }),
            Detected::Unusable(source, why) => unusable.push(Unusable {
                provider: entry.provider,
                source,
                why,
            }),
        }
    }
    (found, unusable)
}

/// The home folder, as the providers' own tools find it.
pub fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use fnscope_providers::gcp::cli::gcloud_project;
    use std::collections::HashMap;

    fn args(extra: &[&str]) -> ScanArgs {
        let mut argv = vec!["fnscope", "scan"];
        argv.extend_from_slice(extra);
        match crate::cli::Cli::parse_from(argv).command {
            crate::cli::Command::Scan(a) => *a,
            _ => unreachable!("scan"),
        }
    }

    fn run(
        extra: &[&str],
        vars: &[(&str, &str)],
        home: Option<&Path>,
    ) -> (Vec<Provider>, Vec<Provider>) {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let (found, unusable) = configured(&args(extra), &|k| vars.get(k).cloned(), home);
        (
            found.iter().map(|f| f.provider).collect(),
            unusable.iter().map(|u| u.provider).collect(),
        )
    }

    #[test]
    fn nothing_configured_finds_nothing() {
        let home = tempfile::tempdir().unwrap();
        assert_eq!(run(&[], &[], Some(home.path())), (vec![], vec![]));
        // An empty variable is not a credential.
        assert_eq!(
            run(&[], &[("AWS_ACCESS_KEY_ID", "")], Some(home.path())),
            (vec![], vec![])
        );
    }

    #[test]
    fn each_provider_from_its_own_sources() {
        let home = tempfile::tempdir().unwrap();
        assert_eq!(
            run(&[], &[("AWS_PROFILE", "audit")], Some(home.path())).0,
            [Provider::Aws]
        );
        std::fs::create_dir_all(home.path().join(".aws")).unwrap();
        std::fs::write(home.path().join(".aws/config"), "[default]\n").unwrap();
        assert_eq!(run(&[], &[], Some(home.path())).0, [Provider::Aws]);

        let home = tempfile::tempdir().unwrap();
        let az = [("AZURE_CLIENT_ID", "c"), ("AZURE_TENANT_ID", "t")];
        assert_eq!(
            run(&[], &az, Some(home.path())).0,
            [Provider::Azure, Provider::PowerAutomate]
        );
        // A client id alone is not a credential.
        assert_eq!(run(&[], &az[..1], Some(home.path())), (vec![], vec![]));
        std::fs::create_dir_all(home.path().join(".azure")).unwrap();
        std::fs::write(home.path().join(".azure/azureProfile.json"), "{}").unwrap();
        assert_eq!(run(&[], &[], Some(home.path())).0.len(), 2);
    }

    #[test]
    fn google_needs_something_to_scan() {
        let home = tempfile::tempdir().unwrap();
        let g = [("GOOGLE_APPLICATION_CREDENTIALS", "/k.json")];
        assert_eq!(
            run(&[], &g, Some(home.path())),
            (vec![], vec![Provider::Gcp])
        );
        assert_eq!(
            run(&["--gcp-project", "p"], &g, Some(home.path())),
            (vec![Provider::Gcp], vec![])
        );
        assert_eq!(
            run(
                &["--workspace-domain", "example.com"],
                &g,
                Some(home.path())
            ),
            (vec![Provider::AppsScript], vec![Provider::Gcp])
        );
        let adc = home.path().join(".config/gcloud");
        std::fs::create_dir_all(&adc).unwrap();
        std::fs::write(adc.join("application_default_credentials.json"), "{}").unwrap();
        assert_eq!(
            run(&["--gcp-scope", "organizations/1"], &[], Some(home.path())).0,
            [Provider::Gcp]
        );
    }

    #[test]
    fn gcloud_configured_project_is_the_default_gcp_project() {
        let home = tempfile::tempdir().unwrap();
        let g = [("GOOGLE_APPLICATION_CREDENTIALS", "/k.json")];
        assert_eq!(run(&[], &g, Some(home.path())).1, vec![Provider::Gcp]);
        let conf = home.path().join(".config/gcloud");
        std::fs::create_dir_all(conf.join("configurations")).unwrap();
        std::fs::write(conf.join("active_config"), "work\n").unwrap();
        std::fs::write(
            conf.join("configurations/config_work"),
            "[compute]\nregion = europe-west1\n[core]\naccount = me@example.com\nproject = acme-prod\n",
        )
        .unwrap();
        let none = |_: &str| None;
        let (p, from) = gcloud_project(&none, Some(home.path())).unwrap();
        assert_eq!(p, "acme-prod");
        assert!(from.ends_with("config_work"), "{from}");
        assert_eq!(run(&[], &g, Some(home.path())).0, vec![Provider::Gcp]);
        // The variable wins over the file.
        let var = |k: &str| (k == "CLOUDSDK_CORE_PROJECT").then(|| "other".to_string());
        assert_eq!(gcloud_project(&var, Some(home.path())).unwrap().0, "other");
    }
}
