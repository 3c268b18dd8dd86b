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

/// What an SDK call failed with, in the scanner's terms.
#[derive(Debug, Clone)]
pub struct CallError {
    pub status: CoverageStatus,
    /// The service's error code, when it sent one.
    pub code: Option<String>,
    pub message: String,
}

impl CallError {
    /// True for "this resource does not exist" answers, which mean absent rather than unread.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self.code.as_deref(),
            Some("ResourceNotFoundException" | "NoSuchEntity" | "NotFoundException")
        )
    }
}

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
