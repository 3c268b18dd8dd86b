//! The live Apps Script collector: a service account with domain-wide delegation impersonates an admin
//! (users, their OAuth grants) and then each user (their standalone scripts in Drive) and each script's
//! owner (Apps Script API: project, content, deployments, processes). gcp_auth's `with_subject` caches
//! tokens per scope set, so there is one token source per impersonated user. Every call is a GET;
//! failures are coverage records; scripts users granted but that could not be read are named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};
use futures::StreamExt;
use futures::stream;
use serde_json::Value;

use super::build::{DomainData, Project, visibility};
use crate::CollectError;
use crate::progress::Progress;
use crate::rest::{CallError, urlencode};

/// The delegated scopes to allow-list for the service account's client id in the Admin console.
pub const SCOPES: &[&str] = &[
    "https://www.googleapis.com/auth/admin.directory.user.readonly",
    "https://www.googleapis.com/auth/admin.directory.user.security",
    "https://www.googleapis.com/auth/drive.metadata.readonly",
    "https://www.googleapis.com/auth/script.projects.readonly",
    "https://www.googleapis.com/auth/script.deployments.readonly",
    "https://www.googleapis.com/auth/script.processes",
    // Only with `--since`: the Reports API's token, Drive and account activity (GWS-008).
    "https://www.googleapis.com/auth/admin.reports.audit.readonly",
];

/// The Reports API activities the detections read: (application, event name).
pub const REPORTS: &[(&str, &str)] = &[
    ("token", "authorize"),
    ("drive", "change_document_visibility"),
    ("user_accounts", "email_forwarding_out_of_domain"),
];

#[derive(Debug, Clone)]
pub struct Endpoints {
    pub admin: String,
    pub drive: String,
    pub script: String,
}

impl Default for Endpoints {
    fn default() -> Self {
        Endpoints {
            admin: "https://admin.googleapis.com".into(),
            drive: "https://www.googleapis.com".into(),
            script: "https://script.googleapis.com".into(),
        }
    }
}

impl Endpoints {
    pub fn all_at(base: &str) -> Endpoints {
        let b = base.trim_end_matches('/').to_string();
        Endpoints {
            admin: b.clone(),
            drive: b.clone(),
            script: b,
        }
    }
}

#[derive(Debug, Clone)]
pub struct LiveOptions {
    pub domain: String,
    /// The admin to impersonate for the directory calls.
    pub admin: String,
    /// The service-account key (JSON) with domain-wide delegation.
    pub key_file: PathBuf,
    pub endpoints: Endpoints,
    pub token_uri: Option<String>,
    pub concurrency: usize,
    pub max_attempts: u32,
    pub call_timeout: Duration,
    /// Resumable per-user enumeration: each user whose grants and scripts were read is appended here
    /// (JSON lines) and skipped by the next run with the same file.
    pub checkpoint: Option<PathBuf>,
    /// Read this much of the Reports API activity for the detections (`None`: not read).
    pub log_since: Option<chrono::Duration>,
    /// `i/n`: only every n-th user (sorted) from the i-th; the domain's Reports API activity is read by
    /// part 1.
    pub shard: Option<(usize, usize)>,
    /// Stop reading here (`--deadline` less a margin): the users and projects read so far are kept.
    pub stop_at: Option<tokio::time::Instant>,
}

/// Users already enumerated by an earlier, interrupted run: email → (grants, Drive files).
fn load_checkpoint(path: &std::path::Path) -> Result<UserLog, CollectError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(source) => {
            return Err(CollectError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut out = BTreeMap::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        match serde_json::from_str::<Value>(line) {
            Ok(v) => {
                if let Some(u) = v.get("user").and_then(Value::as_str) {
                    let list = |k: &str| {
                        v.get(k)
                            .and_then(Value::as_array)
                            .cloned()
                            .unwrap_or_default()
                    };
                    out.insert(u.to_string(), (list("tokens"), list("files")));
                }
            }
            // The last line of an interrupted run may be cut short: that user is read again.
            Err(_) if i + 1 == lines.len() => {}
            Err(e) => {
                return Err(CollectError::Malformed {
                    path: path.to_path_buf(),
                    field: format!("line {}", i + 1),
                    message: e.to_string(),
                });
            }
        }
    }
    Ok(out)
}

/// Users read so far: email → (grants, Drive files).
type UserLog = BTreeMap<String, (Vec<Value>, Vec<Value>)>;

/// One user's OAuth grants and standalone scripts, as read.
type UserRead = (
    String,
    Result<Vec<Value>, CallError>,
    Result<Vec<Value>, CallError>,
);

pub struct Session {
    http: reqwest::Client,
    delegation: Delegation,
    /// The Directory API's calls, all the admin's: its quota is per user (2,400 a minute).
    directory: std::sync::Arc<crate::pace::Gate>,
    opts: LiveOptions,
}

/// The service account that acts for the domain's users: its key, and the tokens it was given.
struct Delegation {
    email: String,
    token_uri: String,
    key: ring::signature::RsaKeyPair,
    /// (subject, scope) → (token, expiry in seconds since the epoch).
    tokens: Mutex<std::collections::HashMap<(String, String), (String, u64)>>,
}

impl Delegation {
    fn new(key: &Value) -> Result<Delegation, String> {
        let field = |k: &str| {
            key[k]
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("not a service-account key: no `{k}`"))
        };
        let pem = field("private_key")?;
        Ok(Delegation {
            email: field("client_email")?,
            token_uri: field("token_uri")?,
            key: crate::jwt::rsa_key(&pem)
                .ok_or("`private_key` is not an RSA private key in PEM")?,
            tokens: Mutex::new(std::collections::HashMap::new()),
        })
    }

    fn cached(&self, key: &(String, String)) -> Option<(String, u64)> {
        self.tokens.lock().ok()?.get(key).cloned()
    }

    fn keep(&self, key: (String, String), token: String, until: u64) {
        if let Ok(mut t) = self.tokens.lock() {
            t.insert(key, (token, until));
        }
    }

    /// The signed JWT-bearer assertion for `scope` as `subject`.
    fn assertion(&self, subject: &str, scope: &str, now: u64) -> Option<String> {
        let header = serde_json::json!({"alg": "RS256", "typ": "JWT"});
        let claims = serde_json::json!({
            "iss": self.email, "sub": subject, "scope": scope, "aud": self.token_uri,
            "iat": now, "exp": now + 3600,
        });
        crate::jwt::sign(&self.key, &header, &claims)
    }
}

fn setup(m: impl Into<String>) -> CollectError {
    CollectError::Setup {
        provider: "apps-script",
        message: m.into(),
    }
}

fn cov(domain: &str, api: &str, status: CoverageStatus, detail: String) -> Coverage {
    Coverage {
        provider: Provider::AppsScript,
        target: domain.to_string(),
        region: None,
        api: api.to_string(),
        status,
        detail,
    }
}

impl Session {
    pub async fn connect(opts: LiveOptions) -> Result<Session, CollectError> {
        let text = std::fs::read_to_string(&opts.key_file).map_err(|source| CollectError::Io {
            path: opts.key_file.clone(),
            source,
        })?;
        let mut key: Value = serde_json::from_str(&text).map_err(|e| CollectError::Malformed {
            path: opts.key_file.clone(),
            field: "the top level".into(),
            message: e.to_string(),
        })?;
        if let Some(uri) = &opts.token_uri {
            key["token_uri"] = Value::String(uri.clone());
        }
        let http = reqwest::Client::builder()
            .timeout(opts.call_timeout)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| setup(format!("cannot build the HTTP client: {e}")))?;
        let delegation = Delegation::new(&key)
            .map_err(|m| setup(format!("{}: {m}", opts.key_file.display())))?;
        let s = Session {
            http,
            delegation,
            directory: crate::pace::Gate::new(opts.concurrency),
            opts,
        };
        let admin = s.opts.admin.clone();
        s.token(&admin, SCOPES[0]).await.map_err(|e| {
            setup(format!(
                "cannot impersonate {admin} ({}); allow-list the service account's client id for the scopes `fnscope permissions apps-script` prints",
                e.message
            ))
        })?;
        Ok(s)
    }

    /// A token for `scope` as `subject`: the service account's JWT-bearer grant for that user
    /// (domain-wide delegation), through the session's one HTTP client, cached until shortly
    /// before it expires. (A token source per subject, as gcp_auth builds one, loads the system's
    /// root certificates and opens its own connections for each of a domain's users.)
    async fn token(&self, subject: &str, scope: &str) -> Result<String, CallError> {
        let key = (subject.to_string(), scope.to_string());
        let now = crate::jwt::now();
        if let Some((t, until)) = self.delegation.cached(&key)
            && until > now + 60
        {
            return Ok(t);
        }
        let assertion = self
            .delegation
            .assertion(subject, scope, now)
            .ok_or_else(|| {
                CallError::new(
                    CoverageStatus::Failed,
                    "signing the JWT-bearer assertion failed",
                )
            })?;
        let form = format!(
            "grant_type={}&assertion={assertion}",
            urlencode("urn:ietf:params:oauth:grant-type:jwt-bearer")
        );
        let uri = &self.delegation.token_uri;
        let answer: Value = crate::rest::call(self.opts.max_attempts, || async {
            Ok(self
                .http
                .post(uri)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form.clone()))
        })
        .await
        .map_err(|e| {
            CallError::new(
                CoverageStatus::Denied,
                format!("no token as {subject}: {}", e.message),
            )
        })?;
        let Some(token) = answer["access_token"].as_str() else {
            return Err(CallError::new(
                CoverageStatus::Denied,
                format!(
                    "no token as {subject}: the token endpoint answered without `access_token`"
                ),
            ));
        };
        let until = now + answer["expires_in"].as_u64().unwrap_or(3600);
        self.delegation.keep(key, token.to_string(), until);
        Ok(token.to_string())
    }

    async fn get(&self, url: &str, subject: &str, scope: &str) -> Result<Value, CallError> {
        let request = || async move {
            let t = self.token(subject, scope).await?;
            Ok(self.http.get(url).bearer_auth(t))
        };
        if url.starts_with(&format!("{}/admin/directory/", self.opts.endpoints.admin)) {
            crate::rest::call_gated(&self.directory, self.opts.max_attempts, request).await
        } else {
            crate::rest::call(self.opts.max_attempts, request).await
        }
    }

    /// Every page's `key` items (`nextPageToken` paging, a repeated token is an error).
    async fn pages(
        &self,
        url: &str,
        key: &str,
        subject: &str,
        scope: &str,
    ) -> Result<Vec<Value>, CallError> {
        let mut out = Vec::new();
        let mut guard = crate::kit::Pages::new("page token", CoverageStatus::Failed);
        let mut token: Option<String> = None;
        loop {
            let full = match &token {
                Some(t) => format!("{url}&pageToken={}", urlencode(t)),
                None => url.to_string(),
            };
            let page = self.get(&full, subject, scope).await?;
            out.extend(
                page.get(key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
            match guard.next(page.get("nextPageToken").and_then(Value::as_str))? {
                Some(t) => token = Some(t),
                None => return Ok(out),
            }
        }
    }

    pub async fn collect(&self, progress: &dyn Progress) -> DomainData {
        let domain = self.opts.domain.clone();
        let mut d = DomainData {
            domain: domain.clone(),
            ..DomainData::default()
        };
        let Some(users) = self.users(&mut d, progress).await else {
            return d;
        };
        progress.phase(
            &format!("apps script: {} users", users.len()),
            Some(users.len() as u64),
        );
        let per_user = self.per_user(&users, &mut d, progress).await;
        let (tokens, scripts) = tally(&mut d, per_user, users.len());
        self.projects(&mut d, scripts).await;
        d.coverage.push(visibility(&domain, &tokens, &d.projects));
        if let Some(since) = self.opts.log_since {
            match self.opts.shard {
                // The domain's activity is one query: part 1 reads it.
                Some((i, n)) if i != 1 => d.coverage.push(cov(
                    &domain,
                    "reports:activities.list",
                    CoverageStatus::Skipped,
                    format!("read by shard 1/{n}"),
                )),
                _ => {
                    progress.phase("apps script: Reports API activity", None);
                    // Read into its own part, so a cut-off loses only the activity.
                    let mut part = DomainData {
                        domain: domain.clone(),
                        ..DomainData::default()
                    };
                    let read = crate::until_stop(self.opts.stop_at, async {
                        self.reports(&mut part, since).await;
                    })
                    .await;
                    match read {
                        Some(()) => {
                            d.coverage.extend(part.coverage);
                            d.audit = part.audit;
                        }
                        None => d.coverage.push(cov(
                            &domain,
                            "reports:activities.list",
                            CoverageStatus::Failed,
                            crate::cut_off_detail("the Reports API activity is"),
                        )),
                    }
                }
            }
        }
        d
    }

    /// The domain's active users (as the admin), dealt to this shard; `None` (and a record) when the
    /// listing failed.
    async fn users(&self, d: &mut DomainData, progress: &dyn Progress) -> Option<Vec<String>> {
        let e = &self.opts.endpoints;
        let domain = self.opts.domain.clone();
        let admin = self.opts.admin.clone();
        progress.phase("apps script: listing users", None);
        let users: Vec<String> = match self
            .pages(
                &format!("{}/admin/directory/v1/users?customer=my_customer&maxResults=500&projection=basic", e.admin),
                "users",
                &admin,
                SCOPES[0],
            )
            .await
        {
            Ok(list) => {
                let mut u: Vec<String> = list
                    .iter()
                    .filter(|u| u.get("suspended").and_then(Value::as_bool) != Some(true))
                    .filter_map(|u| u.get("primaryEmail").and_then(Value::as_str).map(str::to_string))
                    .collect();
                u.sort();
                let all = u.len();
                let shard = self.opts.shard;
                let u: Vec<String> = u
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| crate::in_shard(*i, shard))
                    .map(|(_, u)| u)
                    .collect();
                let detail = match shard {
                    Some((i, n)) => format!("{all} active users; {} read by shard {i}/{n}", u.len()),
                    None => format!("{all} active users"),
                };
                d.coverage.push(cov(&domain, "directory:users.list", CoverageStatus::Complete, detail));
                u
            }
            Err(err) => {
                d.coverage.push(cov(&domain, "directory:users.list", err.status, err.message));
                return None;
            }
        };
        Some(users)
    }

    /// Per user: their grants (as the admin) and their standalone scripts (as the user), resumable
    /// from the checkpoint and bounded by the deadline.
    async fn per_user(
        &self,
        users: &[String],
        d: &mut DomainData,
        progress: &dyn Progress,
    ) -> Vec<UserRead> {
        let e = &self.opts.endpoints;
        let domain = self.opts.domain.clone();
        let admin = self.opts.admin.clone();
        // Per user: their grants (as the admin) and their standalone scripts (as the user).
        let done = match &self.opts.checkpoint {
            Some(p) => match load_checkpoint(p) {
                Ok(m) => m,
                Err(err) => {
                    d.coverage.push(cov(
                        &domain,
                        "fnscope:checkpoint",
                        CoverageStatus::Failed,
                        err.to_string(),
                    ));
                    BTreeMap::new()
                }
            },
            None => BTreeMap::new(),
        };
        let journal = self.opts.checkpoint.as_ref().and_then(|p| {
            let mut o = std::fs::OpenOptions::new();
            o.create(true).append(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                o.mode(0o600);
            }
            match o.open(p) {
                Ok(f) => Some(Mutex::new(f)),
                Err(e) => {
                    tracing::warn!(path = %p.display(), error = %e, "cannot open the checkpoint; this run will not be resumable");
                    None
                }
            }
        });
        let journal = &journal;
        let done = &done;
        let stop_at = self.opts.stop_at;
        let token_breaker = crate::rest::breaker("admin:tokens.list");
        let drive_breaker = crate::rest::breaker("drive:files.list");
        let (token_breaker, drive_breaker) = (&token_breaker, &drive_breaker);
        let per_user: Vec<UserRead> =
            stream::iter(users.to_vec())
                .map(|u| {
                    let admin = admin.clone();
                    async move {
                        if let Some((t, f)) = done.get(&u) {
                            progress.advance(1);
                            return (u, Ok(t.clone()), Ok(f.clone()));
                        }
                        let read = async {
                            let tokens = crate::rest::guarded(token_breaker, self
                                .get(&format!("{}/admin/directory/v1/users/{}/tokens", e.admin, urlencode(&u)), &admin, SCOPES[1]))
                                .await
                                .map(|v| v.get("items").and_then(Value::as_array).cloned().unwrap_or_default());
                            let q = urlencode("mimeType='application/vnd.google-apps.script' and trashed=false");
                            let files = crate::rest::guarded(drive_breaker, self
                                .pages(
                                    &format!("{}/drive/v3/files?q={q}&corpora=user&pageSize=1000&fields=nextPageToken,files(id,name,owners(emailAddress))", e.drive),
                                    "files",
                                    &u,
                                    SCOPES[2],
                                ))
                                .await;
                            (tokens, files)
                        };
                        let cut = || CallError::new(CoverageStatus::Failed, crate::cut_off_detail("the user's grants and scripts are"));
                        let (tokens, files) = crate::until_stop(stop_at, read)
                            .await
                            .unwrap_or_else(|| (Err(cut()), Err(cut())));
                        if let (Some(j), Ok(t), Ok(f)) = (journal, &tokens, &files) {
                            use std::io::Write;
                            let line = serde_json::json!({"user": u, "tokens": t, "files": f})
                                .to_string();
                            if let Ok(mut w) = j.lock()
                                && let Err(e) = writeln!(w, "{line}").and_then(|()| w.flush())
                            {
                                tracing::warn!(error = %e, "cannot extend the checkpoint; this user will be read again next time");
                            }
                        }
                        progress.advance(1);
                        (u, tokens, files)
                    }
                })
                .buffer_unordered(self.opts.concurrency.max(1))
                .collect()
                .await;
        per_user
    }

    /// Per script, as its owner: project, content, deployments, trigger processes.
    async fn projects(&self, d: &mut DomainData, scripts: BTreeMap<String, String>) {
        let domain = self.opts.domain.clone();
        // Per script, as its owner: project, content, deployments, trigger processes.
        let breaker = crate::rest::breaker("script:projects.get");
        let breaker = &breaker;
        let results: Vec<(String, Result<Project, CallError>)> = stream::iter(scripts)
            .map(|(id, owner)| async move {
                let r = crate::until_stop(
                    self.opts.stop_at,
                    crate::rest::guarded(breaker, self.project(&id, &owner)),
                )
                .await
                .unwrap_or_else(|| {
                    Err(CallError::new(
                        CoverageStatus::Failed,
                        crate::cut_off_detail("the project is"),
                    ))
                });
                (id, r)
            })
            .buffer_unordered(self.opts.concurrency.max(1))
            .collect()
            .await;
        let mut failed = Vec::new();
        for (id, r) in results {
            match r {
                Ok(p) => d.projects.push(p),
                Err(err) => failed.push(format!("{id}: {}", err.message)),
            }
        }
        d.projects.sort_by(|a, b| a.id.cmp(&b.id));
        failed.sort();
        d.coverage.push(match failed.first() {
            None => cov(&domain, "script:projects.getContent", CoverageStatus::Complete, format!("{} projects with source", d.projects.len())),
            Some(first) => cov(
                &domain,
                "script:projects.getContent",
                CoverageStatus::Partial,
                format!("{} projects not read (the owner may not have the Apps Script API turned on); first: {first}", failed.len()),
            ),
        });
    }

    /// The Reports API activity of every user, as the admin: OAuth grants, Drive visibility changes,
    /// mail forwarding out of the domain, `since` back from now.
    async fn reports(&self, d: &mut DomainData, since: chrono::Duration) {
        let to = chrono::Utc::now();
        let from = to - since;
        let start = urlencode(&from.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        let mut items = Vec::new();
        for (app, event) in REPORTS {
            let url = format!(
                "{}/admin/reports/v1/activity/users/all/applications/{app}?eventName={event}&startTime={start}&maxResults=1000",
                self.opts.endpoints.admin
            );
            match self.pages(&url, "items", &self.opts.admin, SCOPES[6]).await {
                Ok(list) => {
                    d.coverage.push(cov(
                        &d.domain,
                        "reports:activities.list",
                        CoverageStatus::Complete,
                        format!("{} {app} {event} activities", list.len()),
                    ));
                    items.extend(list);
                }
                Err(err) => {
                    d.coverage.push(cov(
                        &d.domain,
                        "reports:activities.list",
                        err.status,
                        format!("{app} {event}: {}", err.message),
                    ));
                    return;
                }
            }
        }
        match crate::logs::reduce_api(
            Provider::AppsScript,
            "*",
            (from, to),
            "reports:activities.list",
            &items,
        ) {
            Ok(audit) => d.audit = Some(audit),
            Err(m) => d.coverage.push(cov(
                &d.domain,
                "reports:activities.list",
                CoverageStatus::Failed,
                m,
            )),
        }
    }

    async fn project(&self, id: &str, owner: &str) -> Result<Project, CallError> {
        let s = &self.opts.endpoints.script;
        let meta = self
            .get(&format!("{s}/v1/projects/{id}"), owner, SCOPES[3])
            .await?;
        let content = self
            .get(&format!("{s}/v1/projects/{id}/content"), owner, SCOPES[3])
            .await?;
        let mut manifest: Option<Value> = None;
        let mut files = Vec::new();
        let mut unread = Vec::new();
        for f in content
            .get("files")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = f.get("name").and_then(Value::as_str).unwrap_or_default();
            let source = f.get("source").and_then(Value::as_str).unwrap_or_default();
            match f.get("type").and_then(Value::as_str) {
                Some("JSON") if name == "appsscript" => match serde_json::from_str(source) {
                    Ok(m) => manifest = Some(m),
                    Err(e) => unread.push(format!(
                        "appsscript.json is not JSON at line {} column {} (its scopes, web app and add-on settings are unknown)",
                        e.line(),
                        e.column()
                    )),
                },
                Some("SERVER_JS") => files.push((format!("{name}.gs"), source.to_string())),
                Some("HTML") => files.push((format!("{name}.html"), source.to_string())),
                _ => {}
            }
        }
        // A web-app deployment's settings are what is live, whatever the manifest says now.
        if let Ok(deps) = self
            .pages(
                &format!("{s}/v1/projects/{id}/deployments?pageSize=50"),
                "deployments",
                owner,
                SCOPES[4],
            )
            .await
        {
            for dep in deps {
                for ep in dep
                    .get("entryPoints")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    if let Some(cfg) = ep.pointer("/webApp/entryPointConfig") {
                        let m = manifest.get_or_insert_with(|| serde_json::json!({}));
                        m["webapp"] = cfg.clone();
                    }
                }
            }
        }
        let mut triggers = BTreeSet::new();
        if let Ok(procs) = self
            .pages(
                &format!("{s}/v1/processes:listScriptProcesses?scriptId={id}&pageSize=200"),
                "processes",
                owner,
                SCOPES[5],
            )
            .await
        {
            for p in procs {
                let kind = p
                    .get("processType")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                if (kind == "TIME_DRIVEN" || kind == "TRIGGER")
                    && let Some(f) = p.get("functionName").and_then(Value::as_str)
                {
                    triggers.insert(format!("{f} ({kind})"));
                }
            }
        }
        Ok(Project {
            id: id.to_string(),
            title: meta
                .get("title")
                .and_then(Value::as_str)
                .map(str::to_string),
            owner: meta
                .pointer("/creator/email")
                .and_then(Value::as_str)
                .map(str::to_string)
                .or_else(|| Some(owner.to_string())),
            container: meta
                .get("parentId")
                .and_then(Value::as_str)
                .map(str::to_string),
            manifest,
            files,
            installable_triggers: triggers.into_iter().collect(),
            unread,
        })
    }
}

/// The grants of every user read, and the standalone scripts found with their owners; a record for
/// each listing some users' reads failed in.
fn tally(
    d: &mut DomainData,
    per_user: Vec<UserRead>,
    n_users: usize,
) -> (Vec<Value>, BTreeMap<String, String>) {
    let domain = d.domain.clone();
    let mut tokens = Vec::new();
    let mut token_errors = Vec::new();
    let mut drive_errors = Vec::new();
    let mut scripts: BTreeMap<String, String> = BTreeMap::new();
    for (u, t, f) in per_user {
        match t {
            Ok(list) => tokens.extend(list),
            Err(err) => token_errors.push(format!("{u}: {}", err.message)),
        }
        match f {
            Ok(files) => {
                for file in files {
                    let Some(id) = file.get("id").and_then(Value::as_str) else {
                        continue;
                    };
                    let owner = file
                        .pointer("/owners/0/emailAddress")
                        .and_then(Value::as_str)
                        .unwrap_or(&u)
                        .to_string();
                    scripts.entry(id.to_string()).or_insert(owner);
                }
            }
            Err(err) => drive_errors.push(format!("{u}: {}", err.message)),
        }
    }
    for (api, mut errors, n) in [
        ("directory:tokens.list", token_errors, n_users),
        ("drive:files.list", drive_errors, n_users),
    ] {
        errors.sort();
        if let Some(first) = errors.first() {
            d.coverage.push(cov(
                &domain,
                api,
                CoverageStatus::Partial,
                format!("{} of {n} users not read; first: {first}", errors.len()),
            ));
        } else if api == "drive:files.list" {
            d.coverage.push(cov(
                &domain,
                api,
                CoverageStatus::Complete,
                format!("{} standalone scripts in {n} users' Drives", scripts.len()),
            ));
        }
    }
    (tokens, scripts)
}
