//! The inventory model. The snapshot *is* the model: collectors fill it, rules read it, and it is what
//! goes to disk. Every list is kept sorted by id (see [`Snapshot::normalize`]) so two scans of the same
//! estate serialize to the same bytes apart from timestamps.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The wire name of this format. Bumped (with a loader for the old one) on any breaking change.
pub const SNAPSHOT_SCHEMA: &str = "fnscope.snapshot/v1";
/// The numeric schema version written into every snapshot.
pub const SCHEMA_VERSION: u32 = 1;

/// One provider the scanner knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Provider {
    #[serde(rename = "aws")]
    Aws,
    #[serde(rename = "gcp")]
    Gcp,
    #[serde(rename = "azure")]
    Azure,
    #[serde(rename = "power-automate")]
    PowerAutomate,
    #[serde(rename = "apps-script")]
    AppsScript,
}

impl Provider {
    /// Every provider, in catalogue order.
    pub const ALL: [Provider; 5] = [
        Provider::Aws,
        Provider::Gcp,
        Provider::Azure,
        Provider::PowerAutomate,
        Provider::AppsScript,
    ];

    /// The name used on the command line and in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Aws => "aws",
            Provider::Gcp => "gcp",
            Provider::Azure => "azure",
            Provider::PowerAutomate => "power-automate",
            Provider::AppsScript => "apps-script",
        }
    }

    /// Parses a command-line provider name.
    pub fn parse(name: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.as_str() == name)
    }

    /// Every provider's name, for messages: `aws, gcp, azure, power-automate, apps-script`.
    pub fn names() -> String {
        Provider::ALL.map(Provider::as_str).join(", ")
    }

    /// The cloud whose identities the provider's workloads run as (OCSF's `cloud.provider`): Power
    /// Automate signs in with Entra ID, Apps Script with Google accounts.
    pub fn cloud(self) -> &'static str {
        match self {
            Provider::Aws => "AWS",
            Provider::Gcp | Provider::AppsScript => "GCP",
            Provider::Azure | Provider::PowerAutomate => "Azure",
        }
    }
}

impl std::fmt::Display for Provider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A whole scan: what was looked at, what could not be, and everything found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub schema: String,
    pub schema_version: u32,
    pub tool_version: String,
    pub taken_at: DateTime<Utc>,
    pub source: ScanSource,
    /// Accounts, projects, subscriptions, environments, domains that were scanned.
    pub targets: Vec<Target>,
    /// One record per (provider, target, region, api); nothing complete is implied by absence.
    pub coverage: Vec<Coverage>,
    pub workloads: Vec<Workload>,
    pub identities: Vec<Identity>,
    /// Reusable permission documents: AWS managed policies, SCPs, GCP roles, Azure role definitions.
    pub policies: Vec<PolicyRecord>,
    /// Grants that are not part of an identity's own documents (GCP bindings, Azure role assignments,
    /// SCP attachments).
    pub bindings: Vec<Binding>,
    pub triggers: Vec<Trigger>,
    /// Last-used data that the rules about unused permissions need.
    pub usage: Vec<Usage>,
    /// The audit logs read, one record per (provider, target, log): the detection rules judge only
    /// inside these windows; without one they say `not_evaluated`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub log_windows: Vec<LogWindow>,
    /// The audit events a detection can use (anchors and the events near them), normalised; the rest of
    /// the logs is not kept.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<AuditEvent>,
}

impl Snapshot {
    /// Appends the records of `part`, another part of the same scan (one provider's).
    pub fn absorb(&mut self, part: Snapshot) {
        // Every field named: a new one must be decided on here.
        let Snapshot {
            schema: _,
            schema_version: _,
            tool_version: _,
            taken_at: _,
            source: _,
            targets,
            coverage,
            workloads,
            identities,
            policies,
            bindings,
            triggers,
            usage,
            log_windows,
            events,
        } = part;
        self.targets.extend(targets);
        self.coverage.extend(coverage);
        self.workloads.extend(workloads);
        self.identities.extend(identities);
        self.policies.extend(policies);
        self.bindings.extend(bindings);
        self.triggers.extend(triggers);
        self.usage.extend(usage);
        self.log_windows.extend(log_windows);
        self.events.extend(events);
    }

    /// An empty snapshot stamped now.
    pub fn new(tool_version: &str, source: ScanSource) -> Snapshot {
        Snapshot {
            schema: SNAPSHOT_SCHEMA.to_string(),
            schema_version: SCHEMA_VERSION,
            tool_version: tool_version.to_string(),
            taken_at: Utc::now(),
            source,
            targets: Vec::new(),
            coverage: Vec::new(),
            workloads: Vec::new(),
            identities: Vec::new(),
            policies: Vec::new(),
            bindings: Vec::new(),
            triggers: Vec::new(),
            usage: Vec::new(),
            log_windows: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Sorts every list into its canonical order and removes exact duplicates, so equal estates give equal
    /// snapshots whatever order the APIs answered in.
    pub fn normalize(&mut self) {
        fn sort_dedup<T: PartialEq, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
            v.sort_by_key(&key);
            v.dedup();
        }
        sort_dedup(&mut self.targets, |t| (t.provider, t.id.clone()));
        for t in &mut self.targets {
            t.regions.sort();
            t.regions.dedup();
        }
        sort_dedup(&mut self.coverage, |c| {
            (
                c.provider,
                c.target.clone(),
                c.region.clone(),
                c.api.clone(),
                c.detail.clone(),
            )
        });
        for w in &mut self.workloads {
            w.normalize();
        }
        sort_dedup(&mut self.workloads, |w| (w.provider, w.id.clone()));
        for i in &mut self.identities {
            i.normalize();
        }
        sort_dedup(&mut self.identities, |i| (i.provider, i.id.clone()));
        sort_dedup(&mut self.policies, |p| (p.provider, p.id.clone()));
        sort_dedup(&mut self.bindings, |b| {
            (
                b.provider,
                b.scope.clone(),
                b.principal.clone(),
                b.grant.clone(),
            )
        });
        for t in &mut self.triggers {
            t.workloads.sort();
            t.workloads.dedup();
        }
        sort_dedup(&mut self.triggers, |t| (t.provider, t.id.clone()));
        sort_dedup(&mut self.usage, |u| {
            (
                u.provider,
                u.principal.clone(),
                u.service.clone(),
                u.action.clone(),
            )
        });
        sort_dedup(&mut self.log_windows, |l| {
            (l.provider, l.target.clone(), l.log.clone(), l.from, l.to)
        });
        sort_dedup(&mut self.events, |e| {
            (e.provider, e.time, e.id.clone(), e.action.clone())
        });
    }

    /// True when every coverage record is `complete`.
    pub fn is_complete(&self) -> bool {
        self.coverage
            .iter()
            .all(|c| c.status == CoverageStatus::Complete)
    }

    /// Looks up a workload by id.
    pub fn workload(&self, id: &str) -> Option<&Workload> {
        self.workloads.iter().find(|w| w.id == id)
    }

    /// Looks up an identity by id.
    pub fn identity(&self, id: &str) -> Option<&Identity> {
        self.identities.iter().find(|i| i.id == id)
    }
}

/// Where the data came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanSource {
    pub mode: ScanMode,
    /// The folder of an offline scan; absent for a live one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanMode {
    Live,
    Offline,
    Merged,
}

/// A unit of scanning: an AWS account, a GCP project, an Azure subscription, a Power Platform
/// environment, a Workspace domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub provider: Provider,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Regions or locations that were scanned in this target.
    #[serde(default)]
    pub regions: Vec<String>,
    /// The organization the target belongs to, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Resource-hierarchy ancestors, nearest first (GCP: `folders/…`, `organizations/…`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<String>,
}

/// How completely one API could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageStatus {
    Complete,
    Partial,
    Denied,
    Throttled,
    Failed,
    Skipped,
}

impl CoverageStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CoverageStatus::Complete => "complete",
            CoverageStatus::Partial => "partial",
            CoverageStatus::Denied => "denied",
            CoverageStatus::Throttled => "throttled",
            CoverageStatus::Failed => "failed",
            CoverageStatus::Skipped => "skipped",
        }
    }
}

/// One coverage record: (provider, target, region, api) → status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    pub provider: Provider,
    pub target: String,
    pub region: Option<String>,
    /// `service:Operation`, e.g. `lambda:ListFunctions`.
    pub api: String,
    pub status: CoverageStatus,
    /// What was read or why not; for per-resource calls, how many succeeded and which failed.
    pub detail: String,
}

/// Anything that runs code or automation on someone's behalf.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    /// Canonical provider id (ARN, full resource name, flow id, script id).
    pub id: String,
    pub provider: Provider,
    /// `aws_lambda_function`, `gcp_cloud_function`, `azure_function_app`, …
    pub kind: crate::kinds::Kind,
    pub name: String,
    /// The target (account, project, …) it belongs to.
    pub target: String,
    /// Region or location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// Identities the workload runs as (ids into `Snapshot::identities`).
    #[serde(default)]
    pub identities: Vec<String>,
    /// OAuth scopes it holds (Apps Script, flows' connections).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scopes: Vec<String>,
    /// Environment variable / app setting **names**; values are never stored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env_var_names: Vec<String>,
    /// Names among `env_var_names` whose value looked like a secret when it was read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secret_like_env_vars: Vec<String>,
    /// A hash of the deployed code (Lambda `CodeSha256`, a version id): detects code changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_hash: Option<String>,
    pub exposure: Exposure,
    /// Provider-specific facts.
    pub details: WorkloadDetails,
}

impl Workload {
    fn normalize(&mut self) {
        self.identities.sort();
        self.identities.dedup();
        self.scopes.sort();
        self.scopes.dedup();
        self.env_var_names.sort();
        self.env_var_names.dedup();
        self.secret_like_env_vars.sort();
        self.secret_like_env_vars.dedup();
    }
}

/// Who can reach the workload from outside.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exposure {
    /// Anyone on the internet can invoke it without credentials.
    pub public: bool,
    /// A short human-readable description of every exposure, e.g. `function URL (auth NONE)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Provider-specific workload facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum WorkloadDetails {
    AwsLambda(Box<LambdaDetails>),
    GcpFunction(Box<GcpFunctionDetails>),
    Azure(Box<AzureResourceDetails>),
    Flow(Box<FlowDetails>),
    Script(Box<ScriptDetails>),
    /// For kinds whose typed details are not modelled yet: provider fields kept as they came.
    Other {
        fields: BTreeMap<String, Value>,
    },
}

/// What the scanner keeps of a Lambda function.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LambdaDetails {
    /// Execution role ARN.
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_type: Option<String>,
    #[serde(default)]
    pub architectures: Vec<String>,
    /// Layer version ARNs.
    #[serde(default)]
    pub layers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_signing: Option<CodeSigning>,
    /// The function's resource-based policy, decoded; `None` when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_policy: Option<Value>,
    /// Whether `resource_policy` / `url` could be read: `None` fields are only trustworthy when true.
    pub resource_policy_read: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<FunctionUrl>,
    pub url_read: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
}

/// A Google Cloud IAM policy (a resource's, a service account's), typed so the rules read its bindings
/// without walking JSON. Its keys are written in the order the snapshot has always had them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GcpIamPolicy {
    #[serde(default)]
    pub bindings: Vec<GcpIamBinding>,
    #[serde(default)]
    pub etag: Option<String>,
    #[serde(default)]
    pub version: Option<i64>,
}

/// One binding of a [`GcpIamPolicy`]: a role, its members, and the condition that limits it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GcpIamBinding {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Value>,
    #[serde(default)]
    pub members: Vec<String>,
    pub role: String,
}

/// What the scanner keeps of a Cloud Function (1st or 2nd gen) or a function deployed as a Cloud Run
/// service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GcpFunctionDetails {
    /// `GEN_1`, `GEN_2`, `RUN` (a Cloud Run service built from function source), or `JOB` (a Cloud
    /// Run job: runs when run, no HTTP endpoint).
    pub generation: String,
    /// The runtime service account email (the default account when the function names none).
    pub service_account: String,
    /// True when the function named no account and runs as the project's default one.
    pub service_account_defaulted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ingress: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// HTTP-triggered (else event-triggered).
    pub http_trigger: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    /// Eventarc filters as `attribute=value`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_filters: Vec<String>,
    /// 2nd gen: the Cloud Run service that serves it (its IAM policy decides who may invoke).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run_service: Option<String>,
    /// The IAM policy that decides who may invoke (the function's for 1st gen, the Run service's for
    /// 2nd gen), when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoker_policy: Option<GcpIamPolicy>,
    pub invoker_policy_read: bool,
    /// Cloud Run `invokerIamDisabled`: no IAM check at all, anyone who can reach it can call it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub invoker_iam_disabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build_service_account: Option<String>,
}

/// A code-signing configuration attached to a function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeSigning {
    pub config_arn: String,
    /// `Enforce` or `Warn`; `None` when the config itself could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub untrusted_artifact_on_deployment: Option<String>,
}

/// A Lambda function URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionUrl {
    pub url: String,
    /// `NONE` or `AWS_IAM`.
    pub auth_type: String,
}

/// A principal: a role, user, group, service account, managed identity, maker, OAuth client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    pub id: String,
    pub provider: Provider,
    /// `aws_iam_role`, `aws_iam_user`, `aws_iam_group`, `gcp_service_account`, …
    pub kind: crate::kinds::Kind,
    pub name: String,
    pub target: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    pub details: IdentityDetails,
}

impl Identity {
    fn normalize(&mut self) {
        if let IdentityDetails::AwsIam(d) = &mut self.details {
            d.inline_policies.sort_by(|a, b| a.name.cmp(&b.name));
            d.attached_policies.sort();
            d.attached_policies.dedup();
            d.groups.sort();
            d.groups.dedup();
        }
    }
}

/// Provider-specific identity facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum IdentityDetails {
    AwsIam(Box<AwsIamDetails>),
    GcpServiceAccount(Box<GcpServiceAccountDetails>),
    AzureManagedIdentity(Box<AzureIdentityDetails>),
    Other { fields: BTreeMap<String, Value> },
}

/// An Apps Script project as the source analyser sees it: its scopes, entry points and the calls that
/// matter, each with file and line. Source text is not kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptDetails {
    /// The container (Sheet, Doc, Form) a bound script belongs to; `None` = standalone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// The scopes came from the services the code uses (the manifest declares none).
    pub scopes_inferred: bool,
    /// `webapp.access` / `webapp.executeAs` of the manifest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webapp_access: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webapp_execute_as: Option<String>,
    /// Reserved simple-trigger functions defined (`onOpen`, `onEdit`, `doGet`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub simple_triggers: Vec<String>,
    /// Installable triggers known from the inventory (processes, trigger listings).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub installable_triggers: Vec<String>,
    /// Google services the code reads user data through (`GmailApp`, `DriveApp`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<ScriptCall>,
    /// Files that did not parse (file:line:column: message); their calls are unknown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parse_errors: Vec<String>,
    /// Each call's `reach` was computed from the project's call graph (left out when not, as in
    /// snapshots written before call graphs, so they read and write back unchanged).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reach_computed: bool,
    /// Entry points found: `name (kind)`, e.g. `sendReport (ui: menu item)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry_points: Vec<String>,
}

/// One call in a script's source.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptCall {
    pub file: String,
    pub line: u32,
    /// The enclosing top-level function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// The callee with aliases resolved: `UrlFetchApp.fetch`, `GmailApp.sendEmail`, `*.setSharing`,
    /// `ScriptApp.newTrigger().timeBased().everyHours().create`.
    pub api: String,
    /// String values of the arguments (literals, constants, static prefixes of concatenations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub literals: Vec<String>,
    /// Dotted references among the arguments (`DriveApp.Access.ANYONE_WITH_LINK`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
    /// The first argument is not a constant.
    pub dynamic: bool,
    /// An argument carries the user's OAuth token (`ScriptApp.getOAuthToken()`).
    pub carries_token: bool,
    /// Inside a loop.
    pub in_loop: bool,
    /// For `UrlFetchApp` calls: where each value the URL can take goes (constants, template
    /// literals and concatenations resolved across files and through the arguments callers pass).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<UrlFact>,
    /// For `UrlFetchApp.fetch`: the options carry a `payload` that is not a constant (`fetchAll`:
    /// always taken to). `None`: not a fetch, or a snapshot written before this was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<bool>,
    /// The HTTP method from the options argument, lower case, where it is a constant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// How the enclosing function is reached: the most automatic entry point that calls it, with
    /// the path of calls from it. `None` in snapshots written before call graphs were built.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<Reach>,
}

/// One value a fetched URL can take, judged by its parts: the host when it is written out, else the
/// fixed end of a host that is computed (`-aiplatform.googleapis.com` of
/// `'https://' + LOCATION + '-aiplatform.googleapis.com'`); both absent when the host is unknown.
/// Never the query string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrlFact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// The host as a URL parser reads it (user-info and port removed, IDNs in ASCII, lower case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_suffix: Option<String>,
    /// The path as far as it is fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Some part of the URL is computed (a path, a query, or the host).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub computed: bool,
    /// A computed part comes from the user's data (read from Gmail, Drive, Sheets, …).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub user_data: bool,
    /// The user's OAuth token goes with this URL (for a helper that callers hand the URL and the
    /// token, only the URLs of the callers that pass the token).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub token: bool,
}

/// What starts the code a call is in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reach {
    /// `installable` (an installable trigger, runs as its creator), `web_app` (`doGet`/`doPost`),
    /// `add_on` (a trigger declared in the manifest), `simple` (`onOpen`, `onEdit`, … — no
    /// authorization), `web_client` (`google.script.run` from a web app's page), `ui` (a menu
    /// item, button or sidebar: a person starts it), `none` (reached from no entry point: run from
    /// the editor, or as a library).
    pub kind: String,
    /// The entry function (empty for `none`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub entry: String,
    /// Functions from the entry to the call's function, both included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
}

impl Reach {
    /// Runs without a person choosing to run it.
    pub fn automatic(&self) -> bool {
        matches!(
            self.kind.as_str(),
            "installable" | "web_app" | "add_on" | "simple" | "web_client"
        )
    }
}

/// A Power Automate cloud flow as the definition analyser sees it: what starts it, every step at every
/// depth with the facts the rules need (recipients, link scope, HTTP host, what data it carries), the
/// connections it acts through and who owns it. Parameter values that are credentials never get here.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlowDetails {
    pub environment: String,
    pub trigger: FlowTrigger,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<FlowStep>,
    /// Connection reference key → the connection and who created it (the flow acts as that person).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub connections: Vec<FlowConnection>,
    /// Owners and co-owners (principal ids or names), where read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<String>,
    pub owners_read: bool,
    /// Part of a solution (exported from a solution package or listed as solution-aware).
    #[serde(default)]
    pub solution: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlowTrigger {
    pub name: String,
    /// The step type (`OpenApiConnectionNotification`, `Request`, `Recurrence`, …) and its `kind`.
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// `mail`, `file`, `item`, `recurrence`, `manual`, `http`, `other`.
    pub class: String,
    /// Fires without a person starting it.
    pub automatic: bool,
    /// Filter parameters as set (`from`, `to`, `subjectFilter`, `fetchOnlyWithAttachment`, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub filters: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlowStep {
    /// Nesting path, e.g. `Apply_to_each/Condition/Forward_an_email_(V2)`.
    pub path: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// Mail recipients as written: literal addresses or expressions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    /// Sharing-link scope (`anonymous`, `organization`, …) as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_scope: Option<String>,
    /// HTTP destination (`uri`) as written, query string removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// What the step's inputs carry: `trigger`, `attachments`, `file_content`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carries: Vec<String>,
    /// Steps whose outputs its inputs reference (`body('X')`, `outputs('X')`, `items('X')`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<String>,
    /// Credential fields written into the definition (names only, never values).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hardcoded_secrets: Vec<String>,
    /// What the step acts on, where its parameters name it: the desktop flow and run mode of a
    /// desktop-flow run (`desktop flow <id> (unattended)`), the flow of a flow-management step
    /// (`flow <name>`), the Dataverse table of a record step (`table <name>`); an expression as
    /// written when the caller chooses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acts_on: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlowConnection {
    pub key: String,
    pub connector: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection: Option<String>,
    /// Who created the connection, where known: the identity the flow acts as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// For a desktop-flow connection: the machine or machine group it runs on (its id), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

/// A managed identity: the service principal an Azure resource runs as.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AzureIdentityDetails {
    /// The object id of its service principal (the join key of role assignments).
    pub principal_id: String,
    /// `system_assigned` or `user_assigned`.
    pub assignment: String,
    /// The user-assigned identity's own resource id, or the resource a system-assigned one belongs to.
    pub resource_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Microsoft Graph app roles and Entra directory roles were read for it.
    pub graph_read: bool,
}

/// What the scanner keeps of a Function App / App Service, a Logic App or an Automation account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AzureResourceDetails {
    pub resource_group: String,
    /// The ARM `kind` (`functionapp,linux`, `functionapp,workflowapp`, …) where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arm_kind: Option<String>,
    /// Object id of the system-assigned identity's service principal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_identity: Option<String>,
    /// User-assigned identity resource id → its principal id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub user_identities: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub https_only: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_network_access: Option<String>,
    /// Functions of a Function App: `name: trigger (authLevel)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<String>,
    /// Logic App: trigger kinds; Automation: runbooks as `name (type, state)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entry_points: Vec<String>,
    /// Logic App actions as `name: type [connector/path]` at every nesting depth.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// Automation webhooks (anonymous entry points) as `name -> runbook`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub webhooks: Vec<String>,
}

/// An IAM role, user or group with every document that shapes its permissions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AwsIamDetails {
    #[serde(default)]
    pub path: String,
    /// Stable unique id (`AROA…`, `AIDA…`, `AGPA…`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
    /// Roles: the trust policy, decoded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust_policy: Option<Value>,
    #[serde(default)]
    pub inline_policies: Vec<InlinePolicy>,
    /// ARNs of attached managed policies (documents in `Snapshot::policies`).
    #[serde(default)]
    pub attached_policies: Vec<String>,
    /// ARN of the permissions boundary policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    /// Users: the groups they belong to (group ARNs).
    #[serde(default)]
    pub groups: Vec<String>,
    /// Roles: when the role was last used, when AWS reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used: Option<String>,
}

/// A GCP service account and who may act as it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GcpServiceAccountDetails {
    pub email: String,
    pub project: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
    pub disabled: bool,
    /// The account's own IAM policy (who holds actAs / token creation on it), when it could be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iam_policy: Option<GcpIamPolicy>,
    pub iam_policy_read: bool,
}

/// A policy embedded in one principal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InlinePolicy {
    pub name: String,
    pub document: Value,
}

/// A reusable permission document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyRecord {
    pub id: String,
    pub provider: Provider,
    /// `aws_managed_policy`, `aws_scp`, `gcp_role`, `azure_role_definition`.
    pub kind: crate::kinds::Kind,
    pub name: String,
    /// The target it was read in (`aws` for AWS-managed policies).
    pub target: String,
    /// The default (effective) version's document, decoded.
    pub document: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// A grant of a policy or role to a principal at a scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    pub provider: Provider,
    /// Where it applies: an AWS account / OU / root id, a GCP resource name, an Azure scope.
    pub scope: String,
    /// Who receives it (identity id, member string, or the scope itself for SCPs).
    pub principal: String,
    /// What is granted: policy id, role name, role definition id.
    pub grant: String,
    pub kind: crate::kinds::Kind,
    /// Depth of `scope` in its hierarchy (0 = organization root), where the order matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Value>,
    /// Azure: `User`, `Group`, `ServicePrincipal`, … (the principal id alone does not say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_type: Option<String>,
    /// When the grant was made, where the provider says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// The principal's name where the export gives it (Azure: `principalName` of `az role assignment
    /// list`, `principalDisplayName` of a Graph app-role assignment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_name: Option<String>,
}

/// Something that starts a workload: an EventBridge rule, an event source mapping, a schedule, a mail
/// arrival.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    pub id: String,
    pub provider: Provider,
    /// `aws_eventbridge_rule`, `aws_event_source_mapping`, …
    pub kind: crate::kinds::Kind,
    pub name: String,
    pub target: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Workload ids it starts.
    #[serde(default)]
    pub workloads: Vec<String>,
    pub details: TriggerDetails,
}

/// Provider-specific trigger facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TriggerDetails {
    AwsEventbridgeRule(Box<EventBridgeRule>),
    AwsEventSourceMapping(Box<EventSourceMapping>),
    Other { fields: BTreeMap<String, Value> },
}

/// An EventBridge (CloudWatch Events) rule with its targets.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventBridgeRule {
    pub event_bus: String,
    /// The event pattern, decoded; `None` for scheduled rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_pattern: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_expression: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
    #[serde(default)]
    pub targets: Vec<RuleTarget>,
    /// Whether the targets could be read.
    pub targets_read: bool,
}

/// One target of an EventBridge rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTarget {
    pub id: String,
    pub arn: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// A Lambda event source mapping.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSourceMapping {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_source_arn: Option<String>,
    pub function_arn: String,
}

/// Last-used data for one principal and one service (or action).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Usage {
    pub provider: Provider,
    pub principal: String,
    /// Service namespace, e.g. `lambda`.
    pub service: String,
    /// Action name when the data is action-level, e.g. `CreateFunction`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// When the principal last authenticated to it; `None` = never within the tracking period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used: Option<String>,
    /// The time the data is as of (the report's generation time).
    pub as_of: String,
    /// Which API produced it, e.g. `iam:GetServiceLastAccessedDetails`.
    pub source: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Snapshot {
        let mut s = Snapshot::new(
            "0.0.0",
            ScanSource {
                mode: ScanMode::Offline,
                location: Some("x".into()),
            },
        );
        for name in ["b", "a"] {
            s.workloads.push(Workload {
                id: format!("arn:aws:lambda:us-east-1:1:function:{name}"),
                provider: Provider::Aws,
                kind: crate::kinds::AWS_LAMBDA_FUNCTION,
                name: name.into(),
                target: "1".into(),
                location: Some("us-east-1".into()),
                runtime: None,
                state: None,
                owner: None,
                created: None,
                modified: None,
                identities: vec!["r2".into(), "r1".into(), "r1".into()],
                scopes: Vec::new(),
                env_var_names: vec!["B".into(), "A".into()],
                secret_like_env_vars: Vec::new(),
                code_hash: None,
                exposure: Exposure::default(),
                details: WorkloadDetails::AwsLambda(Box::default()),
            });
        }
        s.coverage.push(Coverage {
            provider: Provider::Aws,
            target: "1".into(),
            region: None,
            api: "iam:GetAccountAuthorizationDetails".into(),
            status: CoverageStatus::Denied,
            detail: "AccessDenied".into(),
        });
        s
    }

    #[test]
    fn normalize_orders_everything_and_json_round_trips() {
        let mut s = sample();
        s.normalize();
        assert_eq!(s.workloads[0].name, "a");
        assert_eq!(s.workloads[0].identities, vec!["r1", "r2"]);
        assert_eq!(s.workloads[0].env_var_names, vec!["A", "B"]);
        let text = serde_json::to_string(&s).unwrap();
        let back: Snapshot = serde_json::from_str(&text).unwrap();
        assert_eq!(back, s);
        assert!(!s.is_complete());
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let mut v = serde_json::to_value(sample()).unwrap();
        v["workloads"][0]["exposure"]["publik"] = serde_json::Value::Bool(true);
        let err = serde_json::from_value::<Snapshot>(v)
            .unwrap_err()
            .to_string();
        assert!(err.contains("publik"), "{err}");
    }

    #[test]
    fn provider_names_match_the_contract() {
        let names: Vec<_> = Provider::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(
            names,
            ["aws", "gcp", "azure", "power-automate", "apps-script"]
        );
        for p in Provider::ALL {
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
            assert_eq!(Provider::parse(p.as_str()), Some(p));
        }
    }
}

/// The audit logs read for one target. `target` is `*` for tenant-wide logs (Purview, Workspace
/// Reports) that do not name the unit they belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogWindow {
    pub provider: Provider,
    pub target: String,
    /// `cloudtrail`, `cloud-audit-logs`, `activity-log`, `purview`, `reports`.
    pub log: String,
    /// The first and last event time seen (or the window the export states).
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// Events read, events of failed calls (ignored), events kept in the snapshot.
    pub read: u64,
    pub failed: u64,
    pub kept: u64,
    /// The files or API the events came from.
    pub source: String,
}

impl LogWindow {
    /// True when this window belongs to `provider` and covers `target`.
    pub fn covers(&self, provider: Provider, target: &str) -> bool {
        self.provider == provider
            && (self.target == "*" || self.target.eq_ignore_ascii_case(target))
    }
}

/// One audit event, normalised to the shape every log shares. Only successful calls are kept (failed
/// ones are counted in their [`LogWindow`]); no request or response body is copied, only the fields the
/// detections read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditEvent {
    pub provider: Provider,
    /// The account, project, subscription or environment it was recorded in (`*` if the log does not say).
    pub target: String,
    /// The log's own id: CloudTrail `eventID`, `insertId`, `eventDataId`, the Purview `Id`, the Reports
    /// `uniqueQualifier` (with the event's index).
    pub id: String,
    pub time: DateTime<Utc>,
    /// Who: `userIdentity.arn`, `principalEmail`, `caller`, `UserId`, `actor.email`.
    pub actor: String,
    /// What: `lambda:CreateFunction20150331`, the `methodName`, the `operationName`, the Purview
    /// `Operation`, `token:authorize`.
    pub action: String,
    /// On what: a function ARN, a resource name or ID, a flow ID, a document ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ip: Option<String>,
    /// The detail fields the detections read (`role`, `session_issuer`, `service_account`, `added`,
    /// `scope`, `visibility`, …).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, Vec<String>>,
    /// Where it was read: `file#record` or the API.
    pub source: String,
}

impl AuditEvent {
    /// True when `other` is this very record: the log's id alone is not enough (copies of one
    /// recording, and test events, repeat ids), so where it was read and what it did count too.
    pub fn same(&self, other: &AuditEvent) -> bool {
        self.id == other.id
            && self.source == other.source
            && self.action == other.action
            && self.time == other.time
    }

    /// The first value of a detail field.
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .get(key)
            .and_then(|v| v.first())
            .map(String::as_str)
    }

    /// Every value of a detail field.
    pub fn attrs_of(&self, key: &str) -> &[String] {
        self.attrs.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

#[cfg(test)]
mod gcp_policy_format {
    #![allow(clippy::unwrap_used)]
    use super::GcpIamPolicy;

    #[test]
    fn a_policy_reads_and_writes_back_exactly_as_snapshots_hold_it() {
        // The shape snapshots have always written (the keys sorted, as a JSON value writes them).
        let text = r#"{"bindings":[{"condition":{"expression":"request.time < timestamp(\"2027-01-01T00:00:00Z\")","title":"until 2027"},"members":["allUsers"],"role":"roles/run.invoker"},{"members":["serviceAccount:a@p.iam.gserviceaccount.com"],"role":"roles/iam.serviceAccountUser"}],"etag":"BwX1","version":3}"#;
        let p: GcpIamPolicy = serde_json::from_str(text).unwrap();
        assert_eq!(p.bindings[0].members, ["allUsers"]);
        assert!(p.bindings[0].condition.is_some() && p.bindings[1].condition.is_none());
        assert_eq!(serde_json::to_string(&p).unwrap(), text);
        // Without etag and version: written as null, as before.
        let text = r#"{"bindings":[],"etag":null,"version":null}"#;
        let p: GcpIamPolicy = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), text);
    }
}
