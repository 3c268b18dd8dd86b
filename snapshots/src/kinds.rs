//! The kinds of the snapshot's records and of the things findings name: one [`Kind`] each, so a
//! collector and a rule cannot disagree on a spelling (a typo is a compile error, not a rule that
//! silently never matches). The strings are the snapshot format and do not change: a kind is written
//! and read as its string, and a kind this build does not know (a snapshot from a newer fnscope) is
//! kept as [`Kind::Unknown`] and written back unchanged. The constants below name the variants the way
//! the code always has (`kinds::AWS_IAM_ROLE`); a test in `tests/e2e` fails when a kind's string is
//! written as a literal anywhere else in the code.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! kinds {
    ($($konst:ident = $variant:ident => $name:literal,)*) => {
        /// What a record is. Ordered, compared and written as its string.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($variant,)*
            /// A kind this build does not know, kept as written.
            Unknown(String),
        }

        $(pub const $konst: Kind = Kind::$variant;)*

        /// Every kind this build knows, for the test that holds the code to them.
        pub const ALL: &[Kind] = &[$(Kind::$variant,)*];

        impl Kind {
            /// The kind as the snapshot format spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Kind::$variant => $name,)*
                    Kind::Unknown(s) => s,
                }
            }

            /// The kind a string names ([`Kind::Unknown`] when this build does not know it).
            pub fn parse(s: &str) -> Kind {
                match s {
                    $($name => Kind::$variant,)*
                    other => Kind::Unknown(other.to_string()),
                }
            }
        }
    };
}

kinds! {
    APPS_SCRIPT_PROJECT = AppsScriptProject => "apps_script_project",
    AWS_EVENT_SOURCE_MAPPING = AwsEventSourceMapping => "aws_event_source_mapping",
    AWS_EVENTBRIDGE_RULE = AwsEventbridgeRule => "aws_eventbridge_rule",
    AWS_IAM_GROUP = AwsIamGroup => "aws_iam_group",
    AWS_IAM_PRINCIPAL = AwsIamPrincipal => "aws_iam_principal",
    AWS_IAM_ROLE = AwsIamRole => "aws_iam_role",
    AWS_IAM_ROLE_SET = AwsIamRoleSet => "aws_iam_role_set",
    AWS_IAM_UNNAMED = AwsIamUnnamed => "aws_iam_unnamed",
    AWS_IAM_USER = AwsIamUser => "aws_iam_user",
    AWS_LAMBDA_FUNCTION = AwsLambdaFunction => "aws_lambda_function",
    AWS_LAMBDA_LAYER = AwsLambdaLayer => "aws_lambda_layer",
    AWS_MANAGED_POLICY = AwsManagedPolicy => "aws_managed_policy",
    AWS_PRINCIPAL = AwsPrincipal => "aws_principal",
    AWS_SCP = AwsScp => "aws_scp",
    AWS_SCP_ATTACHMENT = AwsScpAttachment => "aws_scp_attachment",
    AZURE_APP_SERVICE = AzureAppService => "azure_app_service",
    AZURE_AUTOMATION_ACCOUNT = AzureAutomationAccount => "azure_automation_account",
    AZURE_AUTOMATION_RUNBOOK = AzureAutomationRunbook => "azure_automation_runbook",
    AZURE_DENY_ASSIGNMENT = AzureDenyAssignment => "azure_deny_assignment",
    AZURE_DIRECTORY_ROLE = AzureDirectoryRole => "azure_directory_role",
    AZURE_FUNCTION_APP = AzureFunctionApp => "azure_function_app",
    AZURE_GRAPH_APP_ROLE = AzureGraphAppRole => "azure_graph_app_role",
    AZURE_LOGIC_APP = AzureLogicApp => "azure_logic_app",
    AZURE_LOGIC_APP_STANDARD = AzureLogicAppStandard => "azure_logic_app_standard",
    AZURE_MANAGED_IDENTITY = AzureManagedIdentity => "azure_managed_identity",
    AZURE_PRINCIPAL = AzurePrincipal => "azure_principal",
    AZURE_ROLE_ASSIGNMENT = AzureRoleAssignment => "azure_role_assignment",
    AZURE_ROLE_DEFINITION = AzureRoleDefinition => "azure_role_definition",
    GCP_CLOUD_FUNCTION = GcpCloudFunction => "gcp_cloud_function",
    GCP_CLOUD_RUN_JOB = GcpCloudRunJob => "gcp_cloud_run_job",
    GCP_CLOUD_RUN_SERVICE = GcpCloudRunService => "gcp_cloud_run_service",
    GCP_IAM_BINDING = GcpIamBinding => "gcp_iam_binding",
    GCP_RESOURCE = GcpResource => "gcp_resource",
    GCP_ROLE = GcpRole => "gcp_role",
    GCP_SERVICE_ACCOUNT = GcpServiceAccount => "gcp_service_account",
    POWER_AUTOMATE_FLOW = PowerAutomateFlow => "power_automate_flow",
    POWER_PLATFORM_DLP_POLICY = PowerPlatformDlpPolicy => "power_platform_dlp_policy",
    POWER_PLATFORM_ENVIRONMENT = PowerPlatformEnvironment => "power_platform_environment",
    POWER_PLATFORM_MAKER = PowerPlatformMaker => "power_platform_maker",
    POWER_PLATFORM_USER = PowerPlatformUser => "power_platform_user",
    WORKSPACE_USER = WorkspaceUser => "workspace_user",
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Ord for Kind {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Kind {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl From<Kind> for String {
    fn from(k: Kind) -> String {
        k.as_str().to_string()
    }
}

impl Serialize for Kind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Kind::parse(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_as_itself_and_unknown_kinds_survive() {
        for k in ALL {
            assert_eq!(Kind::parse(k.as_str()), *k);
            let json = serde_json::to_string(k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.as_str()));
            assert_eq!(serde_json::from_str::<Kind>(&json).unwrap(), *k);
        }
        let newer: Kind = serde_json::from_str("\"aws_step_function\"").unwrap();
        assert_eq!(newer, Kind::Unknown("aws_step_function".into()));
        assert_eq!(
            serde_json::to_string(&newer).unwrap(),
            "\"aws_step_function\""
        );
    }

    #[test]
    fn kinds_order_as_their_strings() {
        let mut by_kind = ALL.to_vec();
        by_kind.push(Kind::Unknown("aws_a".into()));
        by_kind.sort();
        let mut by_name: Vec<String> = by_kind.iter().map(|k| k.as_str().to_string()).collect();
        by_name.sort();
        let got: Vec<&str> = by_kind.iter().map(Kind::as_str).collect();
        assert_eq!(got, by_name);
    }
}
