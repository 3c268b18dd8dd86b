//! `fnscope permissions PROVIDER`: the minimal read-only grant. The list is the collector's own
//! (`READ_ONLY_ACTIONS`), so what is printed and what is called cannot drift apart.

use crate::CliError;

pub fn render(provider: &str) -> Result<String, CliError> {
    match provider {
        #[cfg(feature = "aws")]
        "aws" => {
            let policy = serde_json::json!({
                "Version": "2012-10-17",
                "Statement": [{
                    "Sid": "FnscopeReadOnly",
                    "Effect": "Allow",
                    "Action": fnscope_providers::aws::READ_ONLY_ACTIONS,
                    "Resource": "*"
                }]
            });
            serde_json::to_string_pretty(&policy)
                .map(|s| s + "\n")
                .map_err(|e| CliError::Internal(e.to_string()))
        }
        "gcp" | "azure" | "power-automate" | "apps-script" => Err(CliError::Input(format!(
            "provider `{provider}` is not supported by this version of fnscope yet"
        ))),
        other => Err(CliError::Input(format!(
            "unknown provider `{other}`: expected one of aws, gcp, azure, power-automate, apps-script"
        ))),
    }
}
