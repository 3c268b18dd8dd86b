//! Azure: Function Apps (and every `Microsoft.Web/sites`, Logic Apps Standard among them), Logic Apps
//! (Consumption) and Automation accounts with their managed identities; role assignments, role and deny
//! definitions at every scope; the identities' Microsoft Graph app roles and Entra directory roles; the
//! Activity Log. The offline importer reads the Azure CLI's JSON; the live collector shares [`build`].

pub mod build;
pub mod cli;
#[cfg(feature = "azure")]
pub mod client;
#[cfg(feature = "azure")]
pub mod live;
pub mod offline;
pub mod wire;

pub use build::{SubscriptionData, add_subscription};
#[cfg(feature = "azure")]
pub use client::CredentialKind;
#[cfg(feature = "azure")]
pub use live::{Cloud, LiveOptions, Session};

/// The Azure RBAC actions the scanner's calls need; `fnscope permissions azure` prints them as a custom
/// role. Reader (`acdd72a7-3385-48ef-bd42-f606fba81ae7`) covers them all.
pub const READ_ONLY_ACTIONS: &[&str] = &[
    "Microsoft.Authorization/denyAssignments/read",
    "Microsoft.Authorization/roleAssignments/read",
    "Microsoft.Authorization/roleDefinitions/read",
    "Microsoft.Automation/automationAccounts/read",
    "Microsoft.Automation/automationAccounts/runbooks/read",
    "Microsoft.Automation/automationAccounts/webhooks/read",
    "Microsoft.Insights/eventtypes/values/read",
    "Microsoft.Logic/workflows/read",
    "Microsoft.ManagedIdentity/userAssignedIdentities/read",
    "Microsoft.ResourceGraph/resources/read",
    "Microsoft.Resources/subscriptions/read",
    "Microsoft.Web/sites/functions/read",
    "Microsoft.Web/sites/read",
];

/// Microsoft Graph application permissions for the managed identities' app roles and directory roles.
pub const GRAPH_PERMISSIONS: &[&str] = &["Application.Read.All", "RoleManagement.Read.Directory"];
