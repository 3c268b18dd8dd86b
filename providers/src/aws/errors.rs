//! Classifying SDK errors into coverage statuses.

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::display::DisplayErrorContext;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use fnscope_snapshot::CoverageStatus;

const THROTTLE_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
    "ProvisionedThroughputExceededException",
];

const DENIED_CODES: &[&str] = &[
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "UnauthorizedException",
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "AuthFailure",
    "ExpiredToken",
    "ExpiredTokenException",
    "OptInRequired",
    "SignatureDoesNotMatch",
];

/// What an SDK call failed with, in the scanner's terms: the one error of every collector.
pub use crate::kit::CallError;

/// Classifies any SDK error.
pub fn classify<E>(err: &SdkError<E, HttpResponse>) -> CallError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match err {
        SdkError::ServiceError(ctx) => {
            let e = ctx.err();
            let code = e.code().map(str::to_string);
            let http = ctx.raw().status().as_u16();
            let message = match e.message() {
                Some(m) => format!("{m} (HTTP {http})"),
                // A success status with an error: the answer could not be parsed.
                None if (200..300).contains(&http) => {
                    format!("malformed answer (HTTP {http}): the body could not be parsed")
                }
                None => format!("HTTP {http} without an error message"),
            };
            let status = match code.as_deref() {
                Some(c) if THROTTLE_CODES.contains(&c) => CoverageStatus::Throttled,
                Some(c) if DENIED_CODES.contains(&c) => CoverageStatus::Denied,
                _ if http == 429 => CoverageStatus::Throttled,
                _ if http == 401 || http == 403 => CoverageStatus::Denied,
                _ => CoverageStatus::Failed,
            };
            let message = match &code {
                Some(c) => format!("{c}: {message}"),
                None => message,
            };
            CallError {
                status,
                code,
                message,
            }
        }
        SdkError::TimeoutError(_) => CallError {
            status: CoverageStatus::Failed,
            code: None,
            message: "the call timed out".into(),
        },
        SdkError::DispatchFailure(d) => CallError {
            status: CoverageStatus::Failed,
            code: None,
            message: format!(
                "could not reach the endpoint: {}",
                DisplayErrorContext(err)
                    .to_string()
                    .lines()
                    .next()
                    .unwrap_or_default()
            )
            .replace("dispatch failure: ", "")
                + if d.is_timeout() { " (timeout)" } else { "" },
        },
        SdkError::ResponseError(_) if over_cap(err) => CallError {
            status: CoverageStatus::Failed,
            code: None,
            message: format!(
                "the answer is larger than {} MiB; not read",
                crate::MAX_ANSWER_BYTES >> 20
            ),
        },
        SdkError::ResponseError(_) => CallError {
            status: CoverageStatus::Failed,
            code: None,
            message: format!("malformed response: {}", DisplayErrorContext(err)),
        },
        _ => CallError {
            status: CoverageStatus::Failed,
            code: None,
            message: DisplayErrorContext(err).to_string(),
        },
    }
}

/// Retries an answer with a success status that could not be parsed (cut short, garbled): the SDK
/// gives up on those at once, though the next attempt usually reads fine.
#[derive(Debug)]
pub struct MalformedAnswer;

impl aws_smithy_runtime_api::client::retries::classifiers::ClassifyRetry for MalformedAnswer {
    fn classify_retry(
        &self,
        ctx: &aws_smithy_runtime_api::client::interceptors::context::InterceptorContext,
    ) -> aws_smithy_runtime_api::client::retries::classifiers::RetryAction {
        use aws_smithy_runtime_api::client::retries::classifiers::RetryAction;
        if matches!(ctx.output_or_error(), Some(Err(e)) if over_cap(e)) {
            // The same answer again would be as large.
            return RetryAction::RetryForbidden;
        }
        let failed = matches!(ctx.output_or_error(), Some(Err(_)));
        let success = ctx.response().is_some_and(|r| r.status().is_success());
        if failed && success {
            RetryAction::transient_error()
        } else {
            RetryAction::NoActionIndicated
        }
    }

    fn name(&self) -> &'static str {
        "fnscope: malformed answer"
    }
}

/// The SDK's HTTP client with every answer's body limited to [`crate::MAX_ANSWER_BYTES`]: one that
/// declares more fails on its first bytes, one sent without a length (chunked) once it passes the
/// cap, instead of being read whole. Not retried (see [`MalformedAnswer`]).
#[derive(Debug)]
pub struct CappedClient(pub aws_smithy_runtime_api::client::http::SharedHttpClient);

impl aws_smithy_runtime_api::client::http::HttpClient for CappedClient {
    fn http_connector(
        &self,
        settings: &aws_smithy_runtime_api::client::http::HttpConnectorSettings,
        components: &aws_smithy_runtime_api::client::runtime_components::RuntimeComponents,
    ) -> aws_smithy_runtime_api::client::http::SharedHttpConnector {
        aws_smithy_runtime_api::client::http::SharedHttpConnector::new(CappedConnector(
            self.0.http_connector(settings, components),
        ))
    }

    fn connector_metadata(
        &self,
    ) -> Option<aws_smithy_runtime_api::client::connector_metadata::ConnectorMetadata> {
        self.0.connector_metadata()
    }
}

/// The HTTPS client the SDK would make for itself.
pub fn default_http_client() -> Option<aws_smithy_runtime_api::client::http::SharedHttpClient> {
    use aws_smithy_runtime_api::client::runtime_components::RuntimeComponentsBuilder;
    use aws_smithy_runtime_api::client::runtime_plugin::RuntimePlugin;
    let plugin = aws_smithy_runtime::client::defaults::default_http_client_plugin_v2(
        aws_smithy_runtime_api::client::behavior_version::BehaviorVersion::latest(),
    )?;
    plugin
        .runtime_components(&RuntimeComponentsBuilder::new("fnscope"))
        .http_client()
}

#[derive(Debug)]
struct CappedConnector(aws_smithy_runtime_api::client::http::SharedHttpConnector);

impl aws_smithy_runtime_api::client::http::HttpConnector for CappedConnector {
    fn call(
        &self,
        request: aws_smithy_runtime_api::client::orchestrator::HttpRequest,
    ) -> aws_smithy_runtime_api::client::http::HttpConnectorFuture {
        let answer = self.0.call(request);
        aws_smithy_runtime_api::client::http::HttpConnectorFuture::new(async move {
            let answer = answer.await?;
            // An answer that declares more than the cap fails on its first bytes, not after 128 MiB.
            let declared = answer
                .headers()
                .get("content-length")
                .and_then(|v| v.parse::<u64>().ok());
            let limit = match declared {
                Some(n) if n > crate::MAX_ANSWER_BYTES as u64 => 0,
                _ => crate::MAX_ANSWER_BYTES,
            };
            Ok(answer.map(|body| {
                aws_smithy_types::body::SdkBody::from_body_1_x(http_body_util::Limited::new(
                    body, limit,
                ))
            }))
        })
    }
}

/// True when `err`'s chain says the body passed the cap of [`CappedClient`].
fn over_cap(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut e: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(x) = e {
        if x.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        e = x.source();
    }
    false
}

/// Refuses an XML answer (IAM, STS: the query protocol) that is cut short. The SDK's XML reader stops
/// at the end of the bytes without an error, so half a `GetAccountAuthorizationDetails` page would
/// read as a whole one — missing policies and, with the paging marker lost, every later page.
#[derive(Debug)]
pub struct WholeXml;

impl aws_smithy_runtime_api::client::interceptors::Intercept for WholeXml {
    fn name(&self) -> &'static str {
        "fnscope: whole XML"
    }

    fn read_after_deserialization(
        &self,
        context: &aws_smithy_runtime_api::client::interceptors::context::AfterDeserializationInterceptorContextRef<'_>,
        _runtime_components: &aws_smithy_runtime_api::client::runtime_components::RuntimeComponents,
        _cfg: &mut aws_smithy_types::config_bag::ConfigBag,
    ) -> Result<(), aws_smithy_runtime_api::box_error::BoxError> {
        let response = context.response();
        if !response.status().is_success() {
            return Ok(());
        }
        match response.body().bytes() {
            Some(body) if !xml_is_whole(body) => {
                Err("malformed answer: the XML document is cut short".into())
            }
            _ => Ok(()),
        }
    }
}

/// True when `body` ends with the closing tag of its first element (or is not XML at all).
pub fn xml_is_whole(body: &[u8]) -> bool {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    let mut rest = text;
    // Skip the prolog and comments: the root is the first `<name` that is not `<?` or `<!`.
    let root = loop {
        let Some(i) = rest.find('<') else {
            return !text.starts_with('<');
        };
        rest = &rest[i + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        break &rest[..end];
    };
    if root.is_empty() {
        return false;
    }
    if text.ends_with(&format!("</{root}>")) {
        return true;
    }
    // A self-closing root, `<Root/>`, and nothing after it.
    let after = &rest[root.len()..];
    let trimmed = after.trim_start();
    trimmed.starts_with("/>") && trimmed.len() == 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_xml_answer_is_told_from_a_whole_one() {
        let whole = br#"<?xml version="1.0"?><GetAccountAuthorizationDetailsResponse xmlns="x"><R><M>1</M></R></GetAccountAuthorizationDetailsResponse>"#;
        assert!(xml_is_whole(whole));
        assert!(xml_is_whole(b"  <A/>\n"));
        for cut in [20, 60, whole.len() - 1] {
            assert!(!xml_is_whole(&whole[..cut]), "{cut}");
        }
        assert!(!xml_is_whole(b"<A><B/>"));
        // Not XML (JSON protocols): not this check's business.
        assert!(xml_is_whole(br#"{"Functions": []}"#));
    }
}
