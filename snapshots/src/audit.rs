//! The audit-log vocabulary the collectors (which events to keep) and the detection rules (what they
//! mean) share, so the two cannot drift apart.

use crate::AuditEvent;

#[path = "aws_iam_writes.rs"]
mod aws_iam_writes;
pub use aws_iam_writes::{AWS_IAM_CREDENTIAL, AWS_IAM_GRANT, AWS_IAM_WRITE};

/// What an IAM write hands out (the classes of `tools/aws_iam_writes.py`, from the IAM API model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum IamWrite {
    /// Any other change (a delete, a detach, a rename).
    Write,
    /// Widens what a principal may do or who may become it.
    Grant,
    /// Creates or revives a credential of a principal.
    Credential,
}

/// The class of an IAM operation that changes something (base event name); `None` for reads, tag
/// changes and names that are not IAM operations.
pub fn aws_iam_write(name: &str) -> Option<IamWrite> {
    if AWS_IAM_CREDENTIAL.contains(&name) {
        Some(IamWrite::Credential)
    } else if AWS_IAM_GRANT.contains(&name) {
        Some(IamWrite::Grant)
    } else if AWS_IAM_WRITE.contains(&name) {
        Some(IamWrite::Write)
    } else {
        None
    }
}

/// IAM writes on a role that widen what it may do (AWS-008's escalation follow-up).
pub const AWS_ROLE_WRITES: [&str; 5] = [
    "AttachRolePolicy",
    "PutRolePolicy",
    "UpdateAssumeRolePolicy",
    "DeleteRolePermissionsBoundary",
    "PutRolePermissionsBoundary",
];

/// Lambda operations that deploy code or change what runs (AWS-008's first event).
pub const AWS_LAMBDA_DEPLOYS: [&str; 3] = [
    "CreateFunction",
    "UpdateFunctionCode",
    "UpdateFunctionConfiguration",
];

/// Lambda operations that make a deployed function run (AWS-008's follow-ups).
pub const AWS_LAMBDA_USES: [&str; 5] = [
    "AddPermission",
    "CreateEventSourceMapping",
    "CreateFunctionUrlConfig",
    "UpdateFunctionUrlConfig",
    "Invoke",
];

/// Lambda operations that change who or what may run a function, or what code a layer hands out:
/// rare, and read on their own (AWS-011).
pub const AWS_LAMBDA_EXPOSURES: [&str; 6] = [
    "AddPermission",
    "CreateEventSourceMapping",
    "CreateFunctionUrlConfig",
    "UpdateFunctionUrlConfig",
    "AddLayerVersionPermission",
    "PublishLayerVersion",
];

/// A CloudTrail event name without its API-version suffix (`CreateFunction20150331` →
/// `CreateFunction`, `UpdateFunctionCode20150331v2` → `UpdateFunctionCode`).
pub fn aws_base_name(name: &str) -> &str {
    name.trim_end_matches(|c: char| c.is_ascii_digit() || c == 'v')
}

/// `(service, base event name)` of a CloudTrail event's action (`lambda:CreateFunction20150331`).
pub fn aws_action(e: &AuditEvent) -> (&str, &str) {
    let (service, name) = e.action.split_once(':').unwrap_or(("", e.action.as_str()));
    (service, aws_base_name(name))
}

/// The last component of a Cloud Audit Logs method name
/// (`google.cloud.functions.v1.CloudFunctionsService.CreateFunction` → `CreateFunction`).
pub fn gcp_method(full: &str) -> &str {
    full.rsplit('.').next().unwrap_or(full)
}

/// A function or Cloud Run service created, updated or replaced (GCP-006's first event).
pub fn gcp_is_deploy(e: &AuditEvent) -> bool {
    let service = e.attr("service").unwrap_or_default();
    let m = gcp_method(&e.action);
    (service == "cloudfunctions.googleapis.com" && matches!(m, "CreateFunction" | "UpdateFunction"))
        || (service == "run.googleapis.com"
            && matches!(m, "CreateService" | "UpdateService" | "ReplaceService"))
}

/// A key, token or IAM write (GCP-007's list; GCP-006's IAM follow-up).
pub fn gcp_is_credential_write(e: &AuditEvent) -> bool {
    let m = gcp_method(&e.action);
    match e.attr("service").unwrap_or_default() {
        "iam.googleapis.com" => matches!(
            m,
            "CreateServiceAccountKey"
                | "UploadServiceAccountKey"
                | "CreateServiceAccount"
                | "SetIamPolicy"
        ),
        "iamcredentials.googleapis.com" => {
            matches!(
                m,
                "GenerateAccessToken" | "GenerateIdToken" | "SignBlob" | "SignJwt"
            )
        }
        "cloudresourcemanager.googleapis.com" => m == "SetIamPolicy",
        _ => false,
    }
}

/// Activity Log operations that change what a serverless resource runs (AZ-008's first event), lower
/// case.
pub const AZ_CODE_CHANGES: [&str; 15] = [
    "microsoft.web/sites/write",
    "microsoft.web/sites/publish/action",
    "microsoft.web/sites/config/write",
    "microsoft.web/sites/functions/write",
    "microsoft.web/sites/extensions/write",
    "microsoft.web/sites/slots/write",
    "microsoft.web/sites/publishxml/action",
    "microsoft.logic/workflows/write",
    "microsoft.automation/automationaccounts/runbooks/write",
    "microsoft.automation/automationaccounts/runbooks/draft/write",
    "microsoft.automation/automationaccounts/runbooks/publish/action",
    "microsoft.automation/automationaccounts/jobs/write",
    "microsoft.automation/automationaccounts/webhooks/write",
    "microsoft.automation/automationaccounts/python2packages/write",
    "microsoft.automation/automationaccounts/python3packages/write",
];

pub const AZ_ROLE_ASSIGNMENT_WRITE: &str = "microsoft.authorization/roleassignments/write";

/// Purview operations that create or change a flow.
pub const PA_FLOW_WRITES: [&str; 2] = ["CreateFlow", "EditFlow"];

/// Drive visibilities that expose a file beyond the domain.
pub const WS_EXPOSED: [&str; 4] = [
    "people_with_link",
    "public_on_the_web",
    "anyone_with_link",
    "public",
];

/// Reports events that turn on mail forwarding out of the domain.
pub const WS_FORWARDING: [&str; 2] = [
    "user_accounts:email_forwarding_out_of_domain",
    "gmail:email_forwarding_change",
];

/// The new visibility of a Drive visibility change.
pub fn ws_new_visibility(e: &AuditEvent) -> Option<&str> {
    e.attr("visibility")
        .or_else(|| e.attrs_of("new_value").first().map(String::as_str))
}

/// A Drive change that exposes a file beyond the domain.
pub fn ws_is_exposure(e: &AuditEvent) -> bool {
    matches!(
        e.action.as_str(),
        "drive:change_document_visibility" | "drive:change_document_access_scope"
    ) && ws_new_visibility(e).is_some_and(|v| WS_EXPOSED.contains(&v))
}
