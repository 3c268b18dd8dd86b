//! The live GCP collector: application default credentials through gcp_auth (a service-account key
//! from `GOOGLE_APPLICATION_CREDENTIALS`, the gcloud user, the metadata server), REST calls with
//! reqwest, every base URL and the token URI overridable, pagination, retries with backoff and jitter
//! on 429/5xx (honouring `Retry-After`), bounded concurrency, and a coverage record for every API that
//! could not be read. Read-only: only the calls in [`READ_ONLY_PERMISSIONS`].

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
use futures::StreamExt;
use futures::stream;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::build::ProjectData;
use super::wire;
use crate::CollectError;
use crate::progress::Progress;

/// The IAM permissions the scanner's calls need; `fnscope permissions gcp` prints them.
pub const READ_ONLY_PERMISSIONS: &[&str] = &[
    "cloudasset.assets.listIamPolicy",
    "cloudasset.assets.listResource",
    "cloudfunctions.functions.getIamPolicy",
    "cloudfunctions.functions.list",
    "iam.roles.get",
    "iam.serviceAccounts.getIamPolicy",
    "iam.serviceAccounts.list",
    "logging.logEntries.list",
    "policyanalyzer.serviceAccountLastAuthenticationActivities.query",
    "recommender.iamPolicyInsights.list",
    "resourcemanager.folders.get",
    "resourcemanager.folders.list",
    "resourcemanager.folders.getIamPolicy",
    "resourcemanager.organizations.getIamPolicy",
    "resourcemanager.projects.get",
    "resourcemanager.projects.getIamPolicy",
    "resourcemanager.projects.list",
    "run.locations.list",
    "run.services.getIamPolicy",
    "run.services.list",
    "run.jobs.list",
];

const SCOPE: &str = "https://www.googleapis.com/auth/cloud-platform";

/// Base URLs of the APIs (sovereign clouds, emulators and tests override them).
#[derive(Debug, Clone)]
pub struct Endpoints {
    pub resourcemanager: String,
    pub functions: String,
    pub run: String,
    pub iam: String,
    pub recommender: String,
    pub policyanalyzer: String,
    pub logging: String,
    /// Cloud Storage (a log sink's bucket, `--gcp-log-bucket`).
    pub storage: String,
    /// Cloud Asset Inventory (the fast path).
    pub cloudasset: String,
}

impl Default for Endpoints {
    fn default() -> Self {
        Endpoints {
            resourcemanager: "https://cloudresourcemanager.googleapis.com".into(),
            functions: "https://cloudfunctions.googleapis.com".into(),
            run: "https://run.googleapis.com".into(),
            iam: "https://iam.googleapis.com".into(),
            recommender: "https://recommender.googleapis.com".into(),
            policyanalyzer: "https://policyanalyzer.googleapis.com".into(),
            logging: "https://logging.googleapis.com".into(),
            storage: "https://storage.googleapis.com".into(),
            cloudasset: "https://cloudasset.googleapis.com".into(),
        }
    }
}

impl Endpoints {
    /// The names `set` accepts (the `[gcp.endpoints]` keys of `fnscope.toml`).
    pub const NAMES: &'static [&'static str] = &[
        "resourcemanager",
        "functions",
        "run",
        "iam",
        "recommender",
        "policyanalyzer",
        "logging",
        "storage",
        "cloudasset",
    ];

    /// Points one API at `url`; false for an unknown API name.
    pub fn set(&mut self, api: &str, url: &str) -> bool {
        let slot = match api {
            "resourcemanager" => &mut self.resourcemanager,
            "functions" => &mut self.functions,
            "run" => &mut self.run,
            "iam" => &mut self.iam,
            "recommender" => &mut self.recommender,
            "policyanalyzer" => &mut self.policyanalyzer,
            "logging" => &mut self.logging,
            "storage" => &mut self.storage,
            "cloudasset" => &mut self.cloudasset,
            _ => return false,
        };
        *slot = url.trim_end_matches('/').to_string();
        true
    }

    /// Every API at one base URL (an emulator or a test server).
    pub fn all_at(base: &str) -> Endpoints {
        let b = base.trim_end_matches('/').to_string();
        Endpoints {
            resourcemanager: b.clone(),
            functions: b.clone(),
            run: b.clone(),
            iam: b.clone(),
            recommender: b.clone(),
            policyanalyzer: b.clone(),
            logging: b.clone(),
            storage: b.clone(),
            cloudasset: b,
        }
    }
}

/// How a live GCP scan runs.
#[derive(Debug, Clone)]
pub struct LiveOptions {
    pub projects: Vec<String>,
    /// `organizations/O` or `folders/F`: every active project below them is scanned too.
    pub scopes: Vec<String>,
    pub endpoints: Endpoints,
    /// Replaces the key file's `token_uri`.
    pub token_uri: Option<String>,
    pub concurrency: usize,
    pub max_attempts: u32,
    pub call_timeout: Duration,
    /// Read this much of the Cloud Audit Logs for the detections (`None`: not read).
    pub log_since: Option<chrono::Duration>,
    /// `i/n`: only every n-th project (sorted) from the i-th.
    pub shard: Option<(usize, usize)>,
    /// When to stop reading (`--deadline`, less a margin to report in): a project not read whole by
    /// then is a coverage record, the projects read are kept.
    pub stop_at: Option<tokio::time::Instant>,
    /// Read the projects' functions, services, accounts and policies from Cloud Asset Inventory
    /// where it answers (`--gcp-no-asset-inventory` turns it off).
    pub asset_inventory: bool,
    /// Projects read at once.
    pub parallel_projects: usize,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions {
            projects: Vec::new(),
            scopes: Vec::new(),
            endpoints: Endpoints::default(),
            token_uri: None,
            concurrency: 16,
            max_attempts: 6,
            call_timeout: Duration::from_secs(60),
            log_since: None,
            shard: None,
            stop_at: None,
            asset_inventory: true,
            parallel_projects: 8,
        }
    }
}

use crate::rest::{CallError, fan_out, urlencode};

#[path = "sink.rs"]
mod sink;
pub use sink::SinkBucket;

/// A connected client.
pub struct Session {
    http: reqwest::Client,
    auth: Arc<dyn gcp_auth::TokenProvider>,
    opts: LiveOptions,
    /// IAM policy insights refused once (no Security Command Center Premium, which is the
    /// organization's): the project and answer, and the other projects are not asked again.
    insights_refused: std::sync::Mutex<Option<(String, String)>>,
    /// Folder and organization policies read so far: every project below them shares them.
    scope_policies: std::sync::Mutex<BTreeMap<String, wire::Policy>>,
    /// Each folder's parent, once read.
    folder_parents: std::sync::Mutex<BTreeMap<String, Option<String>>>,
    /// Role definitions read so far (`None`: could not be).
    role_cache: std::sync::Mutex<BTreeMap<String, Option<wire::Role>>>,
    /// One project at a time fetches the roles the cache lacks, so no role is read twice.
    role_fetch: tokio::sync::Mutex<()>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FunctionsPage {
    #[serde(default)]
    functions: Vec<wire::Function>,
    #[serde(default)]
    next_page_token: Option<String>,
    #[serde(default)]
    unreachable: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AccountsPage {
    #[serde(default)]
    accounts: Vec<wire::ServiceAccount>,
    #[serde(default)]
    next_page_token: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct InsightsPage {
    #[serde(default)]
    insights: Vec<wire::Insight>,
    #[serde(default)]
    next_page_token: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RunServicesPage {
    #[serde(default)]
    services: Vec<wire::RunService>,
    #[serde(default)]
    next_page_token: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RunJobsPage {
    #[serde(default)]
    jobs: Vec<wire::RunJob>,
    #[serde(default)]
    next_page_token: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LocationsPage {
    #[serde(default)]
    locations: Vec<wire::Location>,
    #[serde(default)]
    next_page_token: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ActivitiesPage {
    #[serde(default)]
    activities: Vec<wire::Activity>,
    #[serde(default)]
    next_page_token: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProjectsPage {
    #[serde(default)]
    projects: Vec<ListedProject>,
    #[serde(default)]
    next_page_token: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListedProject {
    #[serde(default)]
    project_id: Option<String>,
    #[serde(default)]
    state: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FoldersPage {
    #[serde(default)]
    folders: Vec<Node>,
    #[serde(default)]
    next_page_token: Option<String>,
}

/// A list response with a `nextPageToken`.
trait Page: DeserializeOwned {
    fn next_token(&self) -> Option<&str>;
}

macro_rules! page {
    ($($t:ty),*) => {$(
        impl Page for $t {
            fn next_token(&self) -> Option<&str> {
                self.next_page_token.as_deref()
            }
        }
    )*};
}
page!(
    ProjectsPage,
    FoldersPage,
    FunctionsPage,
    AccountsPage,
    InsightsPage,
    RunServicesPage,
    RunJobsPage,
    LocationsPage,
    ActivitiesPage
);

#[path = "asset_inventory.rs"]
mod asset_inventory;

#[derive(Deserialize)]
struct Node {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    parent: Option<String>,
}

fn auth_error(e: impl std::fmt::Display) -> CollectError {
    CollectError::Setup {
        provider: "gcp",
        message: format!(
            "cannot obtain Google credentials ({e}); set GOOGLE_APPLICATION_CREDENTIALS to a service-account key or run `gcloud auth application-default login`"
        ),
    }
}

impl Session {
    /// Resolves credentials: a service-account key (with `token_uri` replaced when configured), else
    /// gcp_auth's default chain.
    pub async fn connect(opts: LiveOptions) -> Result<Session, CollectError> {
        let auth: Arc<dyn gcp_auth::TokenProvider> = match (
            std::env::var("GOOGLE_APPLICATION_CREDENTIALS").ok(),
            &opts.token_uri,
        ) {
            (Some(path), Some(uri)) => {
                let text = std::fs::read_to_string(&path).map_err(|source| CollectError::Io {
                    path: path.clone().into(),
                    source,
                })?;
                let mut key: serde_json::Value =
                    serde_json::from_str(&text).map_err(|e| CollectError::Malformed {
                        path: path.clone().into(),
                        field: "the top level".into(),
                        message: e.to_string(),
                    })?;
                key["token_uri"] = serde_json::Value::String(uri.clone());
                Arc::new(
                    gcp_auth::CustomServiceAccount::from_json(&key.to_string())
                        .map_err(auth_error)?,
                )
            }
            _ => gcp_auth::provider().await.map_err(auth_error)?,
        };
        // Fail early, with a clear message, when no token can be had.
        auth.token(&[SCOPE]).await.map_err(auth_error)?;
        let http = reqwest::Client::builder()
            .timeout(opts.call_timeout)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| CollectError::Setup {
                provider: "gcp",
                message: format!("cannot build the HTTP client: {e}"),
            })?;
        Ok(Session {
            http,
            auth,
            opts,
            insights_refused: std::sync::Mutex::new(None),
            scope_policies: std::sync::Mutex::new(BTreeMap::new()),
            folder_parents: std::sync::Mutex::new(BTreeMap::new()),
            role_cache: std::sync::Mutex::new(BTreeMap::new()),
            role_fetch: tokio::sync::Mutex::new(()),
        })
    }

    async fn call<T: DeserializeOwned>(&self, post: bool, url: &str) -> Result<T, CallError> {
        let body = post.then(|| serde_json::json!({"options": {"requestedPolicyVersion": 3}}));
        self.call_with(url, body.as_ref()).await
    }

    /// A GET, or a POST of `body` (list and query methods that take their parameters in the body).
    async fn call_with<T: DeserializeOwned>(
        &self,
        url: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<T, CallError> {
        crate::rest::call(self.opts.max_attempts, || async move {
            self.authorized(match body {
                Some(b) => self.http.post(url).json(b),
                None => self.http.get(url),
            })
            .await
        })
        .await
    }

    /// `req` with a fresh access token.
    async fn authorized(
        &self,
        req: reqwest::RequestBuilder,
    ) -> Result<reqwest::RequestBuilder, CallError> {
        let token =
            self.auth.token(&[SCOPE]).await.map_err(|e| {
                CallError::new(CoverageStatus::Denied, format!("no access token: {e}"))
            })?;
        Ok(req.bearer_auth(token.as_str()))
    }

    async fn get<T: DeserializeOwned>(&self, url: &str) -> Result<T, CallError> {
        self.call(false, url).await
    }

    /// Every page of a list call (`url` already has a query string). A token seen before would loop
    /// for ever: that ends the listing as a failure (the data may be incomplete), never silently.
    async fn pages<P: Page>(&self, url: &str) -> Result<Vec<P>, CallError> {
        let mut out: Vec<P> = Vec::new();
        let mut guard = crate::kit::Pages::new("page token", CoverageStatus::Failed);
        let mut token: Option<String> = None;
        loop {
            let full = match &token {
                Some(t) => format!("{url}&pageToken={}", urlencode(t)),
                None => url.to_string(),
            };
            let page: P = self.get(&full).await?;
            let next = guard.next(page.next_token())?;
            out.push(page);
            match next {
                Some(t) => token = Some(t),
                None => return Ok(out),
            }
        }
    }

    /// Cloud Audit Log entries of the project the detections read: Admin Activity (and Data Access,
    /// when enabled) of the serverless and IAM services, `since` back from now. `entries.list` takes
    /// its parameters in the body; the page token goes with identical other fields.
    async fn audit_log(
        &self,
        project: &str,
        since: chrono::Duration,
    ) -> Result<
        (
            Vec<serde_json::Value>,
            chrono::DateTime<chrono::Utc>,
            chrono::DateTime<chrono::Utc>,
        ),
        CallError,
    > {
        let to = chrono::Utc::now();
        let from = to - since;
        let services = [
            "cloudfunctions.googleapis.com",
            "run.googleapis.com",
            "iam.googleapis.com",
            "iamcredentials.googleapis.com",
            "cloudresourcemanager.googleapis.com",
        ]
        .map(|s| format!("protoPayload.serviceName=\"{s}\""))
        .join(" OR ");
        let filter = format!(
            "logName:\"cloudaudit.googleapis.com\" AND timestamp>=\"{}\" AND ({services})",
            from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        );
        let url = format!("{}/v2/entries:list", self.opts.endpoints.logging);
        let mut body = serde_json::json!({
            "resourceNames": [format!("projects/{project}")],
            "filter": filter,
            "orderBy": "timestamp asc",
            "pageSize": 1000,
        });
        let mut out = Vec::new();
        let mut guard = crate::kit::Pages::new("page token", CoverageStatus::Failed);
        loop {
            let page: serde_json::Value = self.call_with(&url, Some(&body)).await?;
            let pages = guard.pages() + 1;
            match page.get("entries") {
                Some(serde_json::Value::Array(a)) => out.extend(a.iter().cloned()),
                None | Some(serde_json::Value::Null) => {}
                Some(_) => {
                    return Err(CallError::new(
                        CoverageStatus::Failed,
                        format!("page {pages}: `entries` is not an array"),
                    ));
                }
            }
            match guard.next(
                page.get("nextPageToken")
                    .and_then(serde_json::Value::as_str),
            )? {
                Some(t) => body["pageToken"] = t.into(),
                None => return Ok((out, from, to)),
            }
        }
    }

    /// The IAM policy of the project and of each ancestor into `d`, with a record each: `listed`
    /// gives one already read (with a note saying where from), else it is read with `getIamPolicy`.
    async fn chain_policies(
        &self,
        d: &mut ProjectData,
        mut listed: impl FnMut(&str) -> Option<(wire::Policy, String)>,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let mut scopes = vec![format!("projects/{}", d.project_id)];
        scopes.extend(d.ancestors.iter().cloned());
        for scope in scopes {
            let api = match scope.split('/').next() {
                Some("folders") => "cloudresourcemanager:folders.getIamPolicy",
                Some("organizations") => "cloudresourcemanager:organizations.getIamPolicy",
                _ => "cloudresourcemanager:projects.getIamPolicy",
            };
            let policy = match listed(&scope) {
                Some(p) => Ok(p),
                None => self.scope_policy(&scope).await.map(|p| (p, String::new())),
            };
            match policy {
                Ok((p, note)) => {
                    push(
                        api,
                        CoverageStatus::Complete,
                        format!("{scope}: {} bindings{note}", p.bindings.len()),
                    );
                    d.policies.insert(scope, p);
                }
                Err(err) => push(api, err.status, format!("{scope}: {}", err.message)),
            }
        }
    }

    /// A folder's parent, read once for every project below it.
    async fn folder_parent(&self, folder: &str) -> Result<Option<String>, CallError> {
        if let Some(p) = self
            .folder_parents
            .lock()
            .ok()
            .and_then(|c| c.get(folder).cloned())
        {
            return Ok(p);
        }
        let url = format!("{}/v3/{folder}", self.opts.endpoints.resourcemanager);
        let parent = self.get::<Node>(&url).await?.parent;
        if let Ok(mut c) = self.folder_parents.lock() {
            c.insert(folder.to_string(), parent.clone());
        }
        Ok(parent)
    }

    /// The IAM policy of `scope` (a project, folder or organization); a folder's or organization's
    /// is read once for all the projects below it.
    async fn scope_policy(&self, scope: &str) -> Result<wire::Policy, CallError> {
        let shared = !scope.starts_with("projects/");
        if shared
            && let Some(p) = self
                .scope_policies
                .lock()
                .ok()
                .and_then(|c| c.get(scope).cloned())
        {
            return Ok(p);
        }
        let url = format!(
            "{}/v3/{scope}:getIamPolicy",
            self.opts.endpoints.resourcemanager
        );
        let p = self.policy_post(&url).await?;
        if shared && let Ok(mut c) = self.scope_policies.lock() {
            c.insert(scope.to_string(), p.clone());
        }
        Ok(p)
    }

    async fn policy_post(&self, url: &str) -> Result<wire::Policy, CallError> {
        self.call(true, url).await
    }

    /// Every active project below the configured organizations and folders (direct children, then
    /// each sub-folder), with a coverage record per scope.
    async fn discover(&self) -> (Vec<String>, Vec<Coverage>) {
        let e = &self.opts.endpoints;
        let mut projects = Vec::new();
        let mut coverage = Vec::new();
        for scope in &self.opts.scopes {
            let mut queue = vec![scope.clone()];
            let mut seen = BTreeSet::new();
            let mut errors = Vec::new();
            while let Some(parent) = queue.pop() {
                if !seen.insert(parent.clone()) || seen.len() > 10_000 {
                    continue;
                }
                let url = format!(
                    "{}/v3/projects?parent={parent}&pageSize=1000",
                    e.resourcemanager
                );
                match self.pages::<ProjectsPage>(&url).await {
                    Ok(pages) => projects.extend(
                        pages
                            .into_iter()
                            .flat_map(|p| p.projects)
                            .filter(|p| p.state.as_deref().is_none_or(|s| s == "ACTIVE"))
                            .filter_map(|p| p.project_id),
                    ),
                    Err(err) => errors.push((
                        err.status,
                        format!("projects under {parent}: {}", err.message),
                    )),
                }
                let url = format!(
                    "{}/v3/folders?parent={parent}&pageSize=1000",
                    e.resourcemanager
                );
                match self.pages::<FoldersPage>(&url).await {
                    Ok(pages) => queue.extend(
                        pages
                            .into_iter()
                            .flat_map(|p| p.folders)
                            .filter_map(|f| f.name),
                    ),
                    Err(err) => errors.push((
                        err.status,
                        format!("folders under {parent}: {}", err.message),
                    )),
                }
            }
            coverage.push(Coverage {
                provider: Provider::Gcp,
                target: scope.clone(),
                region: None,
                api: "cloudresourcemanager:projects.list".into(),
                status: errors.first().map_or(CoverageStatus::Complete, |(s, _)| *s),
                detail: match errors.first() {
                    None => format!("{} folders and their projects listed", seen.len()),
                    Some((_, m)) => format!("{} listings failed; first: {m}", errors.len()),
                },
            });
        }
        (projects, coverage)
    }

    /// Collects every configured project and every project below the configured scopes; the second
    /// part is the coverage of the discovery itself.
    pub async fn collect(&self, progress: &dyn Progress) -> (Vec<ProjectData>, Vec<Coverage>) {
        progress.phase("gcp: discovering projects", None);
        let (found, discovery) = self.discover().await;
        let mut projects: Vec<String> = self.opts.projects.iter().cloned().chain(found).collect();
        projects.sort();
        projects.dedup();
        let shard = self.opts.shard;
        projects = projects
            .into_iter()
            .enumerate()
            .filter(|(i, _)| crate::in_shard(*i, shard))
            .map(|(_, p)| p)
            .collect();
        progress.phase(
            &format!("gcp: {} projects", projects.len()),
            Some(projects.len() as u64),
        );
        let mut out = Vec::new();
        let mut discovery = discovery;
        let mut inventory = asset_inventory::Inventory::default();
        if self.opts.asset_inventory && !projects.is_empty() {
            progress.phase("gcp: Cloud Asset Inventory", None);
            let named: Vec<String> = projects
                .iter()
                .filter(|p| self.opts.projects.contains(p))
                .cloned()
                .collect();
            let read = self.asset_inventory(&self.opts.scopes, &named);
            match crate::until_stop(self.opts.stop_at, read).await {
                Some(inv) => inventory = inv,
                None => discovery.push(crate::kit::record(
                    Provider::Gcp,
                    "organization",
                    None,
                    "cloudasset:assets.list",
                    CoverageStatus::Failed,
                    crate::cut_off_detail("the Cloud Asset Inventory listing is"),
                )),
            }
            discovery.append(&mut inventory.coverage);
        }
        // Projects are read `parallel_projects` at once (each its own calls `concurrency` wide),
        // the role definitions through a cache they share.
        let scope_policies = &inventory.scope_policies;
        let work: Vec<(String, Option<asset_inventory::ProjectAssets>)> = projects
            .iter()
            .map(|p| (p.clone(), inventory.projects.remove(p)))
            .collect();
        let read: Vec<(String, Option<ProjectData>)> = stream::iter(work)
            .map(|(p, pre)| async move {
                let read = async {
                    let mut d = self.project(&p, pre, scope_policies).await;
                    self.roles(&mut d).await;
                    d
                };
                let d = crate::until_stop(self.opts.stop_at, read).await;
                progress.advance(1);
                (p, d)
            })
            .buffered(self.opts.parallel_projects.max(1))
            .collect()
            .await;
        for (p, d) in read {
            match d {
                Some(d) => out.push(d),
                None => discovery.push(Coverage {
                    provider: Provider::Gcp,
                    target: p.clone(),
                    region: None,
                    api: "cloudfunctions:projects.locations.functions.list".into(),
                    status: CoverageStatus::Failed,
                    detail: crate::cut_off_detail("the project's functions and policies are"),
                }),
            }
        }
        (out, discovery)
    }

    async fn project(
        &self,
        project: &str,
        pre: Option<asset_inventory::ProjectAssets>,
        scope_policies: &BTreeMap<String, wire::Policy>,
    ) -> ProjectData {
        let mut d = ProjectData {
            project_id: project.to_string(),
            ..ProjectData::default()
        };
        let mut cov: Vec<Coverage> = Vec::new();
        let mut push = |api: &str, status: CoverageStatus, detail: String| {
            cov.push(Coverage {
                provider: Provider::Gcp,
                target: project.to_string(),
                region: None,
                api: api.to_string(),
                status,
                detail,
            });
        };

        match pre {
            Some(pre) => {
                self.fill_from_inventory(pre, scope_policies, &mut d, &mut push)
                    .await
            }
            None => {
                self.ancestry(project, &mut d, &mut push).await;
                self.functions(project, &mut d, &mut push).await;
                self.run_services(project, &mut d, &mut push).await;
                self.service_accounts(project, &mut d, &mut push).await;
            }
        }
        self.usage(project, &mut d, &mut push).await;
        self.audit(project, &mut d, &mut push).await;
        d.coverage = cov;
        d
    }

    /// The project, its ancestors, and the IAM policy of each.
    async fn ancestry(
        &self,
        project: &str,
        d: &mut ProjectData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let e = &self.opts.endpoints;
        // The project and its ancestors.
        match self
            .get::<Node>(&format!("{}/v3/projects/{project}", e.resourcemanager))
            .await
        {
            Ok(n) => {
                d.project_number = n
                    .name
                    .as_deref()
                    .and_then(|s| s.strip_prefix("projects/"))
                    .map(str::to_string);
                push(
                    "cloudresourcemanager:projects.get",
                    CoverageStatus::Complete,
                    "project read".into(),
                );
                let mut parent = n.parent;
                let mut depth = 0;
                while let Some(p) = parent.take() {
                    d.ancestors.push(p.clone());
                    depth += 1;
                    if !p.starts_with("folders/") || depth > 20 {
                        break;
                    }
                    match self.folder_parent(&p).await {
                        Ok(f) => parent = f,
                        Err(err) => {
                            push(
                                "cloudresourcemanager:folders.get",
                                err.status,
                                format!("{p}: {}; ancestors above it unknown", err.message),
                            );
                            break;
                        }
                    }
                }
            }
            Err(err) => push(
                "cloudresourcemanager:projects.get",
                err.status,
                format!("{}; ancestors unknown", err.message),
            ),
        }
        self.chain_policies(d, |_| None, push).await;
    }

    /// Functions of both generations in every location, and who may invoke each.
    async fn functions(
        &self,
        project: &str,
        d: &mut ProjectData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let e = &self.opts.endpoints;
        // Functions, both generations, every location.
        let url = format!(
            "{}/v2/projects/{project}/locations/-/functions?pageSize=1000",
            e.functions
        );
        let mut functions = Vec::new();
        let mut unreachable: Vec<String> = Vec::new();
        let listed = match self.pages::<FunctionsPage>(&url).await {
            Ok(pages) => {
                for page in pages {
                    unreachable.extend(page.unreachable);
                    functions.extend(page.functions);
                }
                true
            }
            Err(err) => {
                push(
                    "cloudfunctions:projects.locations.functions.list",
                    err.status,
                    err.message,
                );
                false
            }
        };
        if listed {
            if unreachable.is_empty() {
                push(
                    "cloudfunctions:projects.locations.functions.list",
                    CoverageStatus::Complete,
                    format!("{} functions", functions.len()),
                );
            } else {
                push(
                    "cloudfunctions:projects.locations.functions.list",
                    CoverageStatus::Partial,
                    format!(
                        "{} functions; unreachable locations: {}",
                        functions.len(),
                        unreachable.join(", ")
                    ),
                );
            }
            // Invoker policies: the function's (1st gen) or its Cloud Run service's (2nd gen).
            let keys: Vec<(String, String)> = functions
                .iter()
                .map(|f| {
                    let key = f.invoker_key();
                    // A Run service's policy is Cloud Run's to give, a function's Cloud Functions'.
                    let api = if key == f.name { &e.functions } else { &e.run };
                    let url =
                        format!("{api}/v2/{key}:getIamPolicy?options.requestedPolicyVersion=3");
                    (key, url)
                })
                .collect();
            let breaker = crate::rest::breaker("cloudfunctions/run:getIamPolicy");
            let breaker = &breaker;
            let results: Vec<(String, Result<wire::Policy, CallError>)> = stream::iter(keys)
                .map(|(key, url)| async move {
                    (
                        key,
                        crate::rest::guarded(breaker, self.get::<wire::Policy>(&url)).await,
                    )
                })
                .buffer_unordered(self.opts.concurrency.max(1))
                .collect()
                .await;
            let mut errors = Vec::new();
            for (key, r) in results {
                match r {
                    Ok(p) => {
                        d.invoker_policies.insert(key, Some(p));
                    }
                    Err(err) => {
                        errors.push(format!("{key}: {}", err.message));
                        d.invoker_policies.insert(key, None);
                    }
                }
            }
            let (status, detail) =
                fan_out(errors, format!("read for {} functions", functions.len()));
            push("cloudfunctions:functions.getIamPolicy", status, detail);
            d.functions = Some(functions);
        }
    }

    /// Service accounts and who may act as them.
    async fn service_accounts(
        &self,
        project: &str,
        d: &mut ProjectData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let e = &self.opts.endpoints;
        // Service accounts and who may act as them.
        let url = format!(
            "{}/v1/projects/{project}/serviceAccounts?pageSize=100",
            e.iam
        );
        let (accounts, ok) = match self.pages::<AccountsPage>(&url).await {
            Ok(pages) => (
                pages
                    .into_iter()
                    .flat_map(|p| p.accounts)
                    .collect::<Vec<_>>(),
                true,
            ),
            Err(err) => {
                push("iam:projects.serviceAccounts.list", err.status, err.message);
                (Vec::new(), false)
            }
        };
        if ok {
            push(
                "iam:projects.serviceAccounts.list",
                CoverageStatus::Complete,
                format!("{} service accounts", accounts.len()),
            );
            let emails: Vec<String> = accounts.iter().map(|a| a.email.clone()).collect();
            let breaker = crate::rest::breaker("iam:projects.serviceAccounts.getIamPolicy");
            let breaker = &breaker;
            let results: Vec<(String, Result<wire::Policy, CallError>)> = stream::iter(emails)
                .map(|email| async move {
                    let url = format!("{}/v1/projects/{project}/serviceAccounts/{email}:getIamPolicy?options.requestedPolicyVersion=3", e.iam);
                    (email, crate::rest::guarded(breaker, self.policy_post(&url)).await)
                })
                .buffer_unordered(self.opts.concurrency.max(1))
                .collect()
                .await;
            let mut errors = Vec::new();
            for (email, r) in results {
                match r {
                    Ok(p) => {
                        d.service_account_policies.insert(email, Some(p));
                    }
                    Err(err) => {
                        errors.push(format!("{email}: {}", err.message));
                        d.service_account_policies.insert(email, None);
                    }
                }
            }
            if !accounts.is_empty() {
                let (status, detail) =
                    fan_out(errors, format!("read for {} accounts", accounts.len()));
                push("iam:projects.serviceAccounts.getIamPolicy", status, detail);
            }
            d.service_accounts = Some(accounts);
        }
    }

    /// IAM policy insights, else Activity Analyzer: usage data for GCP-008.
    async fn usage(
        &self,
        project: &str,
        d: &mut ProjectData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let e = &self.opts.endpoints;
        // IAM policy insights (Security Command Center Premium): usage data for GCP-008.
        let url = format!(
            "{}/v1/projects/{project}/locations/global/insightTypes/google.iam.policy.Insight/insights?pageSize=1000",
            e.recommender
        );
        let refused = self
            .insights_refused
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default();
        let answer = match refused {
            Some((first, message)) => Err(CallError::new(
                CoverageStatus::Denied,
                format!("not asked: refused for {first} ({message})"),
            )),
            None => self.pages::<InsightsPage>(&url).await,
        };
        if let Err(e) = &answer
            && e.status == CoverageStatus::Denied
            && let Ok(mut r) = self.insights_refused.lock()
            && r.is_none()
        {
            *r = Some((project.to_string(), e.message.clone()));
        }
        let have_insights = match answer {
            Ok(pages) => {
                let insights: Vec<_> = pages.into_iter().flat_map(|p| p.insights).collect();
                push(
                    "recommender:insights.list",
                    CoverageStatus::Complete,
                    format!("{} IAM policy insights", insights.len()),
                );
                let any = !insights.is_empty();
                d.insights = Some(insights);
                any
            }
            Err(err) => {
                push(
                    "recommender:insights.list",
                    err.status,
                    format!(
                        "{} (IAM policy insights need Security Command Center Premium or Enterprise; falling back to Activity Analyzer)",
                        err.message
                    ),
                );
                false
            }
        };
        // Without insights: Activity Analyzer (no Premium needed), service accounts only.
        if !have_insights {
            let url = format!(
                "{}/v1/projects/{project}/locations/global/activityTypes/serviceAccountLastAuthentication/activities:query?pageSize=1000",
                e.policyanalyzer
            );
            match self.pages::<ActivitiesPage>(&url).await {
                Ok(pages) => {
                    let list: Vec<_> = pages.into_iter().flat_map(|p| p.activities).collect();
                    push(
                        "policyanalyzer:activities.query",
                        CoverageStatus::Complete,
                        format!(
                            "last authentication of {} service accounts (Activity Analyzer)",
                            list.len()
                        ),
                    );
                    d.sa_last_auth = Some(list);
                }
                Err(err) => push("policyanalyzer:activities.query", err.status, err.message),
            }
        }
    }

    /// With `log_since`, the Cloud Audit Logs the detections read.
    async fn audit(
        &self,
        project: &str,
        d: &mut ProjectData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        if let Some(since) = self.opts.log_since {
            match self.audit_log(project, since).await {
                Ok((entries, from, to)) => {
                    match crate::logs::reduce_api(
                        Provider::Gcp,
                        project,
                        (from, to),
                        "logging:entries.list",
                        &entries,
                    ) {
                        Ok(audit) => {
                            push(
                                "logging:entries.list",
                                CoverageStatus::Complete,
                                format!(
                                    "{} audit entries since {}",
                                    entries.len(),
                                    from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                                ),
                            );
                            d.audit = Some(audit);
                        }
                        Err(m) => push("logging:entries.list", CoverageStatus::Failed, m),
                    }
                }
                Err(err) => push("logging:entries.list", err.status, err.message),
            }
        }
    }

    /// Cloud Run services, location by location (`services.list` rejects `-`), and the IAM policy of
    /// each one built from function source that no listed function already covers.
    async fn run_services(
        &self,
        project: &str,
        d: &mut ProjectData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let e = &self.opts.endpoints;
        let url = format!("{}/v2/projects/{project}/locations?pageSize=1000", e.run);
        let locations: Vec<String> = match self.pages::<LocationsPage>(&url).await {
            Ok(pages) => pages
                .into_iter()
                .flat_map(|p| p.locations)
                .filter_map(|l| {
                    l.location_id.or_else(|| {
                        l.name
                            .as_deref()
                            .and_then(|n| n.rsplit('/').next())
                            .map(str::to_string)
                    })
                })
                .collect(),
            Err(err) => {
                push(
                    "run:projects.locations.list",
                    err.status,
                    format!("{}; Cloud Run functions not listed", err.message),
                );
                return;
            }
        };
        self.run_jobs(project, &locations, d, push).await;
        let results: Vec<(String, Result<Vec<RunServicesPage>, CallError>)> =
            stream::iter(locations)
                .map(|loc| async move {
                    let url = format!(
                        "{}/v2/projects/{project}/locations/{loc}/services?pageSize=1000",
                        e.run
                    );
                    (loc, self.pages::<RunServicesPage>(&url).await)
                })
                .buffer_unordered(self.opts.concurrency.max(1))
                .collect()
                .await;
        let mut services = Vec::new();
        let mut errors: Vec<(CoverageStatus, String)> = Vec::new();
        let regions = results.len();
        for (loc, r) in results {
            match r {
                Ok(pages) => services.extend(pages.into_iter().flat_map(|p| p.services)),
                Err(err) => errors.push((err.status, format!("{loc}: {}", err.message))),
            }
        }
        errors.sort_by(|a, b| a.1.cmp(&b.1));
        services.sort_by(|a, b| a.name.cmp(&b.name));
        let functions = services.iter().filter(|s| s.build_config.is_some()).count();
        push(
            "run:projects.locations.services.list",
            match errors.first() {
                None => CoverageStatus::Complete,
                Some(_) if errors.len() < regions => CoverageStatus::Partial,
                Some((s, _)) => *s,
            },
            match errors.first() {
                None => format!(
                    "{} services in {regions} locations, {functions} built from function source",
                    services.len()
                ),
                Some((_, m)) => format!(
                    "{} of {regions} locations not read; first: {m}",
                    errors.len()
                ),
            },
        );
        let served: BTreeSet<String> = d
            .functions
            .iter()
            .flatten()
            .filter_map(|f| f.service_config.as_ref()?.service.clone())
            .collect();
        let wanted: Vec<String> = services
            .iter()
            .filter(|s| s.build_config.is_some() && !served.contains(&s.name))
            .map(|s| s.name.clone())
            .collect();
        let breaker = crate::rest::breaker("run:services.getIamPolicy");
        let breaker = &breaker;
        let results: Vec<(String, Result<wire::Policy, CallError>)> = stream::iter(wanted)
            .map(|name| async move {
                let url = format!(
                    "{}/v2/{name}:getIamPolicy?options.requestedPolicyVersion=3",
                    e.run
                );
                let r = crate::rest::guarded(breaker, self.get::<wire::Policy>(&url)).await;
                (name.clone(), r)
            })
            .buffer_unordered(self.opts.concurrency.max(1))
            .collect()
            .await;
        let mut failed = Vec::new();
        let read = results.len();
        for (name, r) in results {
            match r {
                Ok(p) => {
                    d.invoker_policies.insert(name, Some(p));
                }
                Err(err) => {
                    failed.push(format!("{name}: {}", err.message));
                    d.invoker_policies.insert(name, None);
                }
            }
        }
        if read > 0 {
            let (status, detail) = fan_out(failed, format!("read for {read} Cloud Run functions"));
            push("run:services.getIamPolicy", status, detail);
        }
        d.run_services = Some(services);
    }

    /// Cloud Run jobs, location by location: code that runs as its account when it is run.
    async fn run_jobs(
        &self,
        project: &str,
        locations: &[String],
        d: &mut ProjectData,
        push: &mut impl FnMut(&str, CoverageStatus, String),
    ) {
        let e = &self.opts.endpoints;
        let results: Vec<(String, Result<Vec<RunJobsPage>, CallError>)> =
            stream::iter(locations.iter().cloned())
                .map(|loc| async move {
                    let url = format!(
                        "{}/v2/projects/{project}/locations/{loc}/jobs?pageSize=1000",
                        e.run
                    );
                    (loc, self.pages::<RunJobsPage>(&url).await)
                })
                .buffer_unordered(self.opts.concurrency.max(1))
                .collect()
                .await;
        let mut jobs = Vec::new();
        let mut errors: Vec<(CoverageStatus, String)> = Vec::new();
        let regions = results.len();
        for (loc, r) in results {
            match r {
                Ok(pages) => jobs.extend(pages.into_iter().flat_map(|p| p.jobs)),
                Err(err) => errors.push((err.status, format!("{loc}: {}", err.message))),
            }
        }
        errors.sort_by(|a, b| a.1.cmp(&b.1));
        jobs.sort_by(|a, b| a.name.cmp(&b.name));
        push(
            "run:projects.locations.jobs.list",
            match errors.first() {
                None => CoverageStatus::Complete,
                Some(_) if errors.len() < regions => CoverageStatus::Partial,
                Some((s, _)) => *s,
            },
            match errors.first() {
                None => format!("{} Cloud Run jobs in {regions} locations", jobs.len()),
                Some((_, m)) => format!(
                    "{} of {regions} locations not read; first: {m}",
                    errors.len()
                ),
            },
        );
        d.run_jobs = Some(jobs);
    }

    /// Reads the definition of every role named in a binding (cached across projects).
    async fn roles(&self, d: &mut ProjectData) {
        let _one_at_a_time = self.role_fetch.lock().await;
        let mut names: BTreeSet<String> = d
            .policies
            .values()
            .chain(d.invoker_policies.values().flatten())
            .chain(d.service_account_policies.values().flatten())
            .flat_map(|p| p.bindings.iter().map(|b| b.role.clone()))
            .collect();
        if let Ok(cache) = self.role_cache.lock() {
            names.retain(|n| !cache.contains_key(n));
        }
        let e = &self.opts.endpoints;
        let breaker = crate::rest::breaker("iam:roles.get");
        let breaker = &breaker;
        let results: Vec<(String, Result<wire::Role, CallError>)> = stream::iter(names)
            .map(|name| async move {
                let url = format!("{}/v1/{name}", e.iam);
                let r = crate::rest::guarded(breaker, self.get::<wire::Role>(&url)).await;
                (name, r)
            })
            .buffer_unordered(self.opts.concurrency.max(1))
            .collect()
            .await;
        let mut errors = Vec::new();
        let mut read = Vec::new();
        for (name, r) in results {
            match r {
                Ok(role) => {
                    read.push((name, Some(role)));
                }
                Err(err) => {
                    errors.push(format!("{name}: {}", err.message));
                    read.push((name, None));
                }
            }
        }
        let mut cache = self
            .role_cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cache.extend(read);
        let used: BTreeSet<&String> = d
            .policies
            .values()
            .chain(d.invoker_policies.values().flatten())
            .chain(d.service_account_policies.values().flatten())
            .flat_map(|p| p.bindings.iter().map(|b| &b.role))
            .collect();
        for name in used {
            if let Some(Some(role)) = cache.get(name.as_str()) {
                d.roles.push(wire::Role {
                    name: role.name.clone(),
                    title: role.title.clone(),
                    included_permissions: role.included_permissions.clone(),
                    deleted: role.deleted,
                });
            }
        }
        let (status, detail) = fan_out(errors, format!("{} role definitions", d.roles.len()));
        d.coverage.push(Coverage {
            provider: Provider::Gcp,
            target: d.project_id.clone(),
            region: None,
            api: "iam:roles.get".into(),
            status,
            detail,
        });
    }
}
