//! AWS's side of adaptive concurrency ([`crate::pace::Gate`], one per service and region, the unit
//! AWS throttles by): which answers are throttling, and the SDK interceptor that tells a gate about
//! every answer of its client.

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeDeserializationInterceptorContextRef;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use std::sync::Arc;

pub use crate::pace::Gate;

/// Whether an HTTP answer is AWS saying "slow down": 429, or an error type naming throttling (the JSON
/// protocols' `x-amzn-ErrorType` header; Lambda answers 429 with `TooManyRequestsException`).
pub fn is_throttling(status: u16, error_type: Option<&str>) -> bool {
    status == 429
        || error_type.is_some_and(|t| {
            let t = t.split(':').next().unwrap_or(t);
            matches!(
                t,
                "ThrottlingException"
                    | "Throttling"
                    | "TooManyRequestsException"
                    | "RequestLimitExceeded"
                    | "ThrottledException"
                    | "SlowDown"
            )
        })
}

/// The SDK interceptor that tells a gate about every answer of its client, retries included.
#[derive(Debug)]
pub struct Observe(pub Arc<Gate>);

impl Intercept for Observe {
    fn name(&self) -> &'static str {
        "fnscope-pace"
    }

    fn read_before_deserialization(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let response = context.response();
        if is_throttling(
            response.status().as_u16(),
            response.headers().get("x-amzn-errortype"),
        ) {
            self.0.throttled();
        } else {
            self.0.answered();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_is_recognised_by_status_and_error_type() {
        assert!(is_throttling(429, None));
        assert!(is_throttling(400, Some("ThrottlingException")));
        assert!(is_throttling(
            400,
            Some("ThrottlingException:http://internal.amazon.com/coral/")
        ));
        assert!(!is_throttling(400, Some("ValidationException")));
        assert!(!is_throttling(404, Some("ResourceNotFoundException")));
        assert!(!is_throttling(200, None));
    }
}
