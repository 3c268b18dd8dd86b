//! The kinds of the snapshot's records and of the things findings name: one constant each, so a
//! collector and a rule cannot disagree on a spelling (a typo is a compile error, not a rule that
//! silently never matches). The strings are the snapshot format and do not change; a test in
//! `tests/e2e` fails when a kind is written as a literal anywhere else in the code.

pub const APPS_SCRIPT_PROJECT: &str = "apps_script_project";
pub const AWS_EVENT_SOURCE_MAPPING: &str = "aws_event_source_mapping";
pub const AWS_EVENTBRIDGE_RULE: &str = "aws_eventbridge_rule";
pub const AWS_IAM_GROUP: &str = "aws_iam_group";
pub const AWS_IAM_PRINCIPAL: &str = "aws_iam_principal";
pub const AWS_IAM_ROLE: &str = "aws_iam_role";
pub const AWS_IAM_ROLE_SET: &str = "aws_iam_role_set";
pub const AWS_IAM_UNNAMED: &str = "aws_iam_unnamed";
pub const AWS_IAM_USER: &str = "aws_iam_user";
pub const AWS_LAMBDA_FUNCTION: &str = "aws_lambda_function";
pub const AWS_LAMBDA_LAYER: &str = "aws_lambda_layer";
pub const AWS_MANAGED_POLICY: &str = "aws_managed_policy";
pub const AWS_PRINCIPAL: &str = "aws_principal";
pub const AWS_SCP: &str = "aws_scp";
pub const AWS_SCP_ATTACHMENT: &str = "aws_scp_attachment";
pub const AZURE_APP_SERVICE: &str = "azure_app_service";
pub const AZURE_AUTOMATION_ACCOUNT: &str = "azure_automation_account";
pub const AZURE_AUTOMATION_RUNBOOK: &str = "azure_automation_runbook";
pub const AZURE_DENY_ASSIGNMENT: &str = "azure_deny_assignment";
pub const AZURE_DIRECTORY_ROLE: &str = "azure_directory_role";
pub const AZURE_FUNCTION_APP: &str = "azure_function_app";
pub const AZURE_GRAPH_APP_ROLE: &str = "azure_graph_app_role";
pub const AZURE_LOGIC_APP: &str = "azure_logic_app";
pub const AZURE_LOGIC_APP_STANDARD: &str = "azure_logic_app_standard";
pub const AZURE_MANAGED_IDENTITY: &str = "azure_managed_identity";
pub const AZURE_PRINCIPAL: &str = "azure_principal";
pub const AZURE_ROLE_ASSIGNMENT: &str = "azure_role_assignment";
pub const AZURE_ROLE_DEFINITION: &str = "azure_role_definition";
pub const GCP_CLOUD_FUNCTION: &str = "gcp_cloud_function";
pub const GCP_CLOUD_RUN_JOB: &str = "gcp_cloud_run_job";
pub const GCP_CLOUD_RUN_SERVICE: &str = "gcp_cloud_run_service";
pub const GCP_IAM_BINDING: &str = "gcp_iam_binding";
pub const GCP_RESOURCE: &str = "gcp_resource";
pub const GCP_ROLE: &str = "gcp_role";
pub const GCP_SERVICE_ACCOUNT: &str = "gcp_service_account";
pub const POWER_AUTOMATE_FLOW: &str = "power_automate_flow";
pub const POWER_PLATFORM_DLP_POLICY: &str = "power_platform_dlp_policy";
pub const POWER_PLATFORM_ENVIRONMENT: &str = "power_platform_environment";
pub const POWER_PLATFORM_MAKER: &str = "power_platform_maker";
pub const POWER_PLATFORM_USER: &str = "power_platform_user";
pub const WORKSPACE_USER: &str = "workspace_user";

/// Every kind above, for the test that holds the code to them.
pub const ALL: [&str; 41] = [
    APPS_SCRIPT_PROJECT,
    AWS_EVENT_SOURCE_MAPPING,
    AWS_EVENTBRIDGE_RULE,
    AWS_IAM_GROUP,
    AWS_IAM_PRINCIPAL,
    AWS_IAM_ROLE,
    AWS_IAM_ROLE_SET,
    AWS_IAM_UNNAMED,
    AWS_IAM_USER,
    AWS_LAMBDA_FUNCTION,
    AWS_LAMBDA_LAYER,
    AWS_MANAGED_POLICY,
    AWS_PRINCIPAL,
    AWS_SCP,
    AWS_SCP_ATTACHMENT,
    AZURE_APP_SERVICE,
    AZURE_AUTOMATION_ACCOUNT,
    AZURE_AUTOMATION_RUNBOOK,
    AZURE_DENY_ASSIGNMENT,
    AZURE_DIRECTORY_ROLE,
    AZURE_FUNCTION_APP,
    AZURE_GRAPH_APP_ROLE,
    AZURE_LOGIC_APP,
    AZURE_LOGIC_APP_STANDARD,
    AZURE_MANAGED_IDENTITY,
    AZURE_PRINCIPAL,
    AZURE_ROLE_ASSIGNMENT,
    AZURE_ROLE_DEFINITION,
    GCP_CLOUD_FUNCTION,
    GCP_CLOUD_RUN_JOB,
    GCP_CLOUD_RUN_SERVICE,
    GCP_IAM_BINDING,
    GCP_RESOURCE,
    GCP_ROLE,
    GCP_SERVICE_ACCOUNT,
    POWER_AUTOMATE_FLOW,
    POWER_PLATFORM_DLP_POLICY,
    POWER_PLATFORM_ENVIRONMENT,
    POWER_PLATFORM_MAKER,
    POWER_PLATFORM_USER,
    WORKSPACE_USER,
];
