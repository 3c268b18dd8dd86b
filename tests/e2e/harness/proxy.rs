//! A small proxy in front of moto. It forwards every request, records which operation each one was,
//! serves what moto lacks (IAM last-accessed reports, `lambda:ListCodeSigningConfigs`,
//! `account:ListRegions`), pages `lambda:ListFunctions` (moto answers it in one page), and injects faults.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, HeaderValue, Method, Request, Response, StatusCode};

/// A fault to inject: every request for `operation` (as [`Op::name`] spells it) in `region` (or any
/// region when `None`) is answered with `error_code` and `status`.
#[derive(Debug, Clone)]
pub struct Fault {
    pub operation: String,
    pub region: Option<String>,
    pub error_code: String,
    pub status: u16,
    /// Answer with the fault only this many times, then forward (`None` = always).
    /// Two codes are not errors but broken transfers: `RESET` sends the headers, then drops the
    /// connection mid-body; `TRUNCATED` forwards the request and answers with the first half of
    /// the body (a consistent, short `Content-Length`: malformed XML or JSON). `EMPTY_PAGE` answers
    /// a listing (see [`empty_page`]) with no items and a next token: the one it was asked with (a
    /// repeat), or `0` on a first page. `HUGE` answers `lambda:ListFunctions` with 130 MiB of
    /// well-formed JSON, its length declared; `HUGE_CHUNKED` the same without a length; `SLOW` holds the request two minutes, then forwards it.
    pub times: Option<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct ProxyConfig {
    pub faults: Vec<Fault>,
    /// Regions `account:ListRegions` reports.
    pub regions: Vec<String>,
    /// Page size imposed on `lambda:ListFunctions`.
    pub list_functions_page: Option<usize>,
    /// Principal ARN substring → lambda last-used time; principals not matched never used lambda.
    pub lambda_last_used: Vec<(String, String)>,
    /// CloudTrail records `cloudtrail:LookupEvents` answers from, one event a page.
    pub cloudtrail: Vec<serde_json::Value>,
}

/// One recorded request: `service:Operation` and region.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Op {
    pub name: String,
    pub region: String,
}

#[derive(Default)]
struct State {
    config: ProxyConfig,
    log: Vec<Op>,
    fault_hits: BTreeMap<usize, usize>,
    jobs: BTreeMap<String, (String, u32)>,
}

pub struct Proxy {
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl Proxy {
    /// Starts a proxy for `upstream` on a free loopback port, served from its own thread.
    pub fn start(upstream: &str, config: ProxyConfig) -> Proxy {
        let state = Arc::new(Mutex::new(State {
            config,
            ..State::default()
        }));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr: SocketAddr = listener.local_addr().expect("addr");
        let upstream = upstream.to_string();
        let st = state.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("proxy runtime");
            rt.block_on(async move {
                let client = reqwest::Client::new();
                let app = axum::Router::new().fallback(move |req: Request<Body>| {
                    let client = client.clone();
                    let upstream = upstream.clone();
                    let st = st.clone();
                    async move { handle(req, &client, &upstream, &st).await }
                });
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                axum::serve(listener, app).await.expect("serve");
            });
        });
        Proxy {
            url: format!("http://{addr}"),
            state,
        }
    }

    /// Every operation seen so far, in arrival order.
    pub fn log(&self) -> Vec<Op> {
        self.state.lock().expect("lock").log.clone()
    }
}

/// `Credential=AKID/date/REGION/SERVICE/aws4_request` → (region, service).
fn scope(headers: &HeaderMap) -> (String, String) {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let cred = auth
        .split("Credential=")
        .nth(1)
        .and_then(|s| s.split(',').next())
        .unwrap_or_default();
    let parts: Vec<&str> = cred.split('/').collect();
    if parts.len() >= 4 {
        (parts[2].to_string(), parts[3].to_string())
    } else {
        (String::new(), String::new())
    }
}

fn form_value(body: &str, key: &str) -> Option<String> {
    body.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| percent_decode(v))
    })
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(&s.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}

/// Names the operation of a request the way IAM actions are spelt.
fn operation(
    service: &str,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
    body: &str,
) -> String {
    if let Some(target) = headers.get("x-amz-target").and_then(|v| v.to_str().ok()) {
        let op = target.rsplit('.').next().unwrap_or(target);
        return format!("{service}:{op}");
    }
    if let Some(action) = form_value(body, "Action") {
        return format!("{service}:{action}");
    }
    let p = path.trim_end_matches('/');
    let segs: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
    let op = match (service, method.as_str(), segs.as_slice()) {
        ("lambda", "GET", [_, "functions"]) => "ListFunctions",
        ("lambda", "GET", [_, "functions", _, "policy"]) => "GetPolicy",
        ("lambda", "GET", [_, "functions", _, "url"]) => "GetFunctionUrlConfig",
        ("lambda", "GET", [_, "functions", _]) => "GetFunction",
        ("lambda", "GET", [_, "event-source-mappings"]) => "ListEventSourceMappings",
        ("lambda", "GET", [_, "code-signing-configs"]) => "ListCodeSigningConfigs",
        ("lambda", "GET", [_, "code-signing-configs", _, "functions"]) => {
            "ListFunctionsByCodeSigningConfig"
        }
        ("lambda", "POST", [_, "functions"]) => "CreateFunction",
        ("lambda", "POST", [_, "functions", _, "policy"]) => "AddPermission",
        ("lambda", "POST", [_, "functions", _, "url"]) => "CreateFunctionUrlConfig",
        ("lambda", "POST", [_, "event-source-mappings"]) => "CreateEventSourceMapping",
        ("account", "POST", ["listRegions"]) => "ListRegions",
        // S3, path-style: `HeadBucket` and `ListObjectsV2` are both `s3:ListBucket` in IAM.
        ("s3", "HEAD" | "GET", [_]) => "ListBucket",
        ("s3", "GET", [_, _, ..]) => "GetObject",
        ("s3", "PUT", [_]) => "CreateBucket",
        ("s3", "PUT", [_, _, ..]) => "PutObject",
        _ => return format!("{service}:{} {p}", method.as_str()),
    };
    format!("{service}:{op}")
}

fn xml(status: StatusCode, body: String) -> Response<Body> {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    r.headers_mut()
        .insert("content-type", HeaderValue::from_static("text/xml"));
    r
}

fn json(status: StatusCode, body: serde_json::Value) -> Response<Body> {
    let mut r = Response::new(Body::from(body.to_string()));
    *r.status_mut() = status;
    r.headers_mut()
        .insert("content-type", HeaderValue::from_static("application/json"));
    r
}

fn fault_response(service: &str, f: &Fault) -> Response<Body> {
    let status = StatusCode::from_u16(f.status).unwrap_or(StatusCode::FORBIDDEN);
    match service {
        "s3" => xml(
            status,
            format!(
                "<Error><Code>{}</Code><Message>injected by the test proxy</Message><RequestId>0</RequestId></Error>",
                f.error_code
            ),
        ),
        "iam" | "sts" => xml(
            status,
            format!(
                "<ErrorResponse><Error><Type>Sender</Type><Code>{}</Code><Message>injected by the test proxy</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>",
                f.error_code
            ),
        ),
        _ => {
            let mut r = json(
                status,
                serde_json::json!({"Type": "User", "message": "injected by the test proxy"}),
            );
            r.headers_mut().insert(
                "x-amzn-errortype",
                HeaderValue::from_str(&f.error_code).expect("header"),
            );
            r
        }
    }
}

async fn handle(
    req: Request<Body>,
    client: &reqwest::Client,
    upstream: &str,
    st: &Arc<Mutex<State>>,
) -> Response<Body> {
    let (parts, body) = req.into_parts();
    let body = to_bytes(body, 64 << 20).await.unwrap_or_default();
    let body_text = String::from_utf8_lossy(&body).into_owned();
    let (region, service) = scope(&parts.headers);
    let op = operation(
        &service,
        &parts.method,
        parts.uri.path(),
        &parts.headers,
        &body_text,
    );
    let fault = {
        let mut s = st.lock().expect("lock");
        s.log.push(Op {
            name: op.clone(),
            region: region.clone(),
        });
        let mut hit = None;
        for (i, f) in s.config.faults.clone().iter().enumerate() {
            if f.operation == op && f.region.as_deref().is_none_or(|r| r == region) {
                let n = s.fault_hits.entry(i).or_default();
                if f.times.is_none_or(|t| *n < t) {
                    *n += 1;
                    hit = Some(f.clone());
                    break;
                }
            }
        }
        hit
    };
    let mut truncate = false;
    match fault {
        Some(f) if f.error_code == "RESET" => {
            let stream = futures::stream::iter([
                Ok(axum::body::Bytes::from_static(b"<partial")),
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "injected by the test proxy",
                )),
            ]);
            let mut r = Response::new(Body::from_stream(stream));
            r.headers_mut()
                .insert("content-length", HeaderValue::from_static("4096"));
            return r;
        }
        Some(f) if f.error_code == "TRUNCATED" => truncate = true,
        // A well-formed `ListFunctions` answer of 130 MiB, its length declared or not (chunked).
        Some(f) if f.error_code == "HUGE" => return super::fault::huge_declared("Functions"),
        Some(f) if f.error_code == "HUGE_CHUNKED" => return super::fault::huge("Functions"),
        // Hold the request two minutes, then forward it.
        Some(f) if f.error_code == "SLOW" => {
            tokio::time::sleep(std::time::Duration::from_secs(120)).await
        }
        Some(f) if f.error_code == "EMPTY_PAGE" => {
            if let Some(r) = empty_page(&op, parts.uri.query().unwrap_or_default(), &body_text) {
                return r;
            }
            return fault_response(&service, &f);
        }
        Some(f) => return fault_response(&service, &f),
        None => {}
    }
    match op.as_str() {
        "cloudtrail:LookupEvents" => {
            // The CloudTrail JSON 1.1 shape: one lookup attribute, NextToken paging, each event with
            // its record as the `CloudTrailEvent` string.
            let req: serde_json::Value = serde_json::from_str(&body_text).unwrap_or_default();
            let attr = &req["LookupAttributes"][0];
            if attr["AttributeKey"] != "EventSource" || req["StartTime"].is_null() {
                return fault_response(
                    "cloudtrail",
                    &Fault {
                        operation: op,
                        region: None,
                        error_code: "InvalidLookupAttributesException".into(),
                        status: 400,
                        times: None,
                    },
                );
            }
            let records: Vec<serde_json::Value> = st
                .lock()
                .expect("lock")
                .config
                .cloudtrail
                .iter()
                .filter(|r| {
                    r["eventSource"] == attr["AttributeValue"] && r["awsRegion"] == region.as_str()
                })
                .cloned()
                .collect();
            let start: usize = req["NextToken"]
                .as_str()
                .and_then(|t| t.parse().ok())
                .unwrap_or(0);
            let mut page = serde_json::json!({"Events": records.get(start).map(|r| vec![serde_json::json!({
                "EventId": r["eventID"], "EventName": r["eventName"], "EventSource": r["eventSource"],
                "EventTime": 1_763_632_800, "ReadOnly": "false", "CloudTrailEvent": r.to_string(),
            })]).unwrap_or_default()});
            if start + 1 < records.len() {
                page["NextToken"] = (start + 1).to_string().into();
            }
            return json(StatusCode::OK, page);
        }
        "iam:GenerateServiceLastAccessedDetails" => {
            let arn = form_value(&body_text, "Arn").unwrap_or_default();
            let mut s = st.lock().expect("lock");
            let id = format!("job-{:04}", s.jobs.len());
            s.jobs.insert(id.clone(), (arn, 0));
            return xml(
                StatusCode::OK,
                format!(
                    "<GenerateServiceLastAccessedDetailsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GenerateServiceLastAccessedDetailsResult><JobId>{id}</JobId></GenerateServiceLastAccessedDetailsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GenerateServiceLastAccessedDetailsResponse>"
                ),
            );
        }
        "iam:GetServiceLastAccessedDetails" => {
            let id = form_value(&body_text, "JobId").unwrap_or_default();
            let mut s = st.lock().expect("lock");
            let used = s.config.lambda_last_used.clone();
            let Some(job) = s.jobs.get_mut(&id) else {
                return fault_response(
                    "iam",
                    &Fault {
                        operation: op,
                        region: None,
                        error_code: "NoSuchEntity".into(),
                        status: 404,
                        times: None,
                    },
                );
            };
            job.1 += 1;
            // The first poll answers IN_PROGRESS, as the real API does for a fresh job.
            let status = if job.1 < 2 {
                "IN_PROGRESS"
            } else {
                "COMPLETED"
            };
            let last = used
                .iter()
                .find(|(k, _)| job.0.contains(k.as_str()))
                .map(|(_, t)| t.clone());
            let service = if status == "COMPLETED" {
                let (svc_last, actions) = match &last {
                    Some(t) => (
                        format!("<LastAuthenticated>{t}</LastAuthenticated><TotalAuthenticatedEntities>1</TotalAuthenticatedEntities>"),
                        format!("<member><ActionName>CreateFunction</ActionName><LastAccessedTime>{t}</LastAccessedTime></member><member><ActionName>UpdateFunctionCode</ActionName></member>"),
                    ),
                    None => (
                        "<TotalAuthenticatedEntities>0</TotalAuthenticatedEntities>".to_string(),
                        "<member><ActionName>CreateFunction</ActionName></member><member><ActionName>UpdateFunctionCode</ActionName></member>".to_string(),
                    ),
                };
                format!(
                    "<ServicesLastAccessed><member><ServiceName>AWS Lambda</ServiceName><ServiceNamespace>lambda</ServiceNamespace>{svc_last}<TrackedActionsLastAccessed>{actions}</TrackedActionsLastAccessed></member><member><ServiceName>Amazon S3</ServiceName><ServiceNamespace>s3</ServiceNamespace><TotalAuthenticatedEntities>0</TotalAuthenticatedEntities></member></ServicesLastAccessed><JobCompletionDate>2026-11-20T08:00:05Z</JobCompletionDate>"
                )
            } else {
                "<ServicesLastAccessed/>".to_string()
            };
            return xml(
                StatusCode::OK,
                format!(
                    "<GetServiceLastAccessedDetailsResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetServiceLastAccessedDetailsResult><JobStatus>{status}</JobStatus><JobType>ACTION_LEVEL</JobType><JobCreationDate>2026-11-20T08:00:00Z</JobCreationDate>{service}<IsTruncated>false</IsTruncated></GetServiceLastAccessedDetailsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetServiceLastAccessedDetailsResponse>"
                ),
            );
        }
        "lambda:ListCodeSigningConfigs" => {
            return json(
                StatusCode::OK,
                serde_json::json!({"CodeSigningConfigs": []}),
            );
        }
        "account:ListRegions" => {
            let regions = st.lock().expect("lock").config.regions.clone();
            let list: Vec<_> = regions
                .iter()
                .map(|r| serde_json::json!({"RegionName": r, "RegionOptStatus": "ENABLED_BY_DEFAULT"}))
                .collect();
            return json(StatusCode::OK, serde_json::json!({"Regions": list}));
        }
        _ => {}
    }

    // Forward to moto.
    let url = format!(
        "{upstream}{}",
        parts
            .uri
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/")
    );
    let mut rb = client
        .request(parts.method.clone(), &url)
        .body(body.to_vec());
    for (k, v) in &parts.headers {
        if k != "host" && k != "content-length" {
            rb = rb.header(k, v);
        }
    }
    let resp = match rb.send().await {
        Ok(r) => r,
        Err(e) => {
            return json(
                StatusCode::BAD_GATEWAY,
                serde_json::json!({"message": e.to_string()}),
            );
        }
    };
    let status = resp.status();
    let headers = resp.headers().clone();
    let bytes = resp.bytes().await.unwrap_or_default();
    let page = st.lock().expect("lock").config.list_functions_page;
    let bytes = match (op.as_str(), page) {
        ("lambda:ListFunctions", Some(size)) if status.is_success() => {
            page_functions(&bytes, parts.uri.query().unwrap_or_default(), size)
        }
        _ => bytes.to_vec(),
    };
    let bytes = if truncate {
        bytes[..bytes.len() / 2].to_vec()
    } else {
        bytes
    };
    let mut out = Response::new(Body::from(bytes));
    *out.status_mut() = StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::OK);
    for (k, v) in &headers {
        if k != "content-length" && k != "transfer-encoding" {
            out.headers_mut().insert(k.clone(), v.clone());
        }
    }
    out
}

/// An empty page of the listing `op` whose next token is the one the request carried (a repeat), or
/// `0` when it carried none; `None` for an operation this does not know.
fn empty_page(op: &str, query: &str, body: &str) -> Option<Response<Body>> {
    // Lambda (REST: `Marker` in the query, `NextMarker` back).
    let lambda = |items: &str| {
        let marker = form_value(query, "Marker").unwrap_or_else(|| "0".into());
        json(
            StatusCode::OK,
            serde_json::json!({items: [], "NextMarker": marker}),
        )
    };
    // JSON 1.1 and REST-JSON bodies: `NextToken` both ways.
    let token = || {
        serde_json::from_str::<serde_json::Value>(body)
            .ok()
            .and_then(|v| v["NextToken"].as_str().map(str::to_string))
            .unwrap_or_else(|| "0".into())
    };
    let json11 = |items: &str| {
        json(
            StatusCode::OK,
            serde_json::json!({items: [], "NextToken": token()}),
        )
    };
    // IAM (query protocol: `Marker` in the form body, `IsTruncated` and `Marker` back).
    let iam = |action: &str, result: &str| {
        let marker = form_value(body, "Marker").unwrap_or_else(|| "0".into());
        xml(
            StatusCode::OK,
            format!(
                "<{action}Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><{action}Result>{result}<IsTruncated>true</IsTruncated><Marker>{marker}</Marker></{action}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></{action}Response>"
            ),
        )
    };
    Some(match op {
        "lambda:ListFunctions" => lambda("Functions"),
        "lambda:ListEventSourceMappings" => lambda("EventSourceMappings"),
        "lambda:ListCodeSigningConfigs" => lambda("CodeSigningConfigs"),
        "lambda:ListFunctionsByCodeSigningConfig" => lambda("FunctionArns"),
        "events:ListEventBuses" => json11("EventBuses"),
        "events:ListRules" => json11("Rules"),
        "events:ListTargetsByRule" => json11("Targets"),
        "organizations:ListAccounts" => json11("Accounts"),
        "organizations:ListPoliciesForTarget" => json11("Policies"),
        "account:ListRegions" => json11("Regions"),
        "cloudtrail:LookupEvents" => json11("Events"),
        "iam:GetAccountAuthorizationDetails" => iam(
            "GetAccountAuthorizationDetails",
            "<UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>",
        ),
        "iam:GetServiceLastAccessedDetails" => iam(
            "GetServiceLastAccessedDetails",
            "<JobStatus>COMPLETED</JobStatus><JobType>ACTION_LEVEL</JobType><JobCreationDate>2026-11-20T08:00:00Z</JobCreationDate><ServicesLastAccessed/><JobCompletionDate>2026-11-20T08:00:05Z</JobCompletionDate>",
        ),
        _ => return None,
    })
}

/// Slices moto's one-page `ListFunctions` answer into pages of `size`, with `NextMarker` = offset.
fn page_functions(bytes: &[u8], query: &str, size: usize) -> Vec<u8> {
    let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return bytes.to_vec();
    };
    let start: usize = query
        .split('&')
        .find_map(|kv| kv.strip_prefix("Marker="))
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    let all = v["Functions"].as_array().cloned().unwrap_or_default();
    let end = (start + size).min(all.len());
    v["Functions"] = serde_json::Value::Array(all[start.min(end)..end].to_vec());
    v["NextMarker"] = if end < all.len() {
        serde_json::Value::String(end.to_string())
    } else {
        serde_json::Value::Null
    };
    serde_json::to_vec(&v).unwrap_or_default()
}
