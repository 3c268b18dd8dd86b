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
        #[cfg(feature = "gcp")]
        "gcp" => {
            // A custom role to grant at the organization (or per project), e.g.
            // gcloud iam roles create fnscopeReader --organization=ORG --file=role.yaml
            let mut out = String::from(
                "# fnscope read-only custom role (gcloud iam roles create … --file=this.yaml)\ntitle: fnscope reader\nstage: GA\nincludedPermissions:\n",
            );
            for p in fnscope_providers::gcp::READ_ONLY_PERMISSIONS {
                out.push_str(&format!("- {p}\n"));
            }
            Ok(out)
        }
        "azure" => {
            let role = serde_json::json!({
                "Name": "fnscope reader",
                "IsCustom": true,
                "Description": "Read-only access for fnscope (az role definition create --role-definition @this.json). Reader covers the same. Microsoft Graph application permissions, for the managed identities' app roles and directory roles: Application.Read.All, RoleManagement.Read.Directory.",
                "Actions": fnscope_providers::azure::READ_ONLY_ACTIONS,
                "NotActions": [],
                "DataActions": [],
                "NotDataActions": [],
                "AssignableScopes": ["/subscriptions/<subscription-id>"]
            });
            serde_json::to_string_pretty(&role)
                .map(|s| s + "\n")
                .map_err(|e| CliError::Internal(e.to_string()))
        }
        #[cfg(feature = "azure")]
        "power-automate" => {
            let mut out = String::from(
                "# fnscope reads Power Automate through the Power Platform admin APIs, which have no read-only role:\n\
                 # sign in as (or register the app as a management application for) a Power Platform Administrator.\n\
                 #   New-PowerAppManagementApp -ApplicationId <client-id>\n\
                 # Token audiences: https://service.flow.microsoft.com/ and https://service.powerapps.com/\n\
                 # Every call fnscope makes is a GET:\n",
            );
            for c in fnscope_providers::power_automate::live::READ_ONLY_CALLS {
                out.push_str(&format!("{c}\n"));
            }
            Ok(out)
        }
        #[cfg(feature = "gcp")]
        "apps-script" => {
            let mut out = String::from(
                "# Domain-wide delegation for fnscope's service account (Admin console > Security > API controls >\n\
                 # Domain-wide delegation): the service account's client id with exactly these scopes, comma-separated.\n\
                 # fnscope only reads; admin.directory.user.security has no read-only variant.\n",
            );
            out.push_str(&fnscope_providers::apps_script::live::SCOPES.join(","));
            out.push('\n');
            Ok(out)
        }
        other => Err(CliError::Input(format!(
            "unknown provider `{other}`: expected one of aws, gcp, azure, power-automate, apps-script"
        ))),
    }
}
