//! The EventBridge pattern matcher: a pattern against the synthetic IAM events it is asked about.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(pattern) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    for name in ["CreateUser", "CreateAccessKey", "AttachRolePolicy"] {
        let event = fnscope_policies::aws::pattern::iam_api_event("111122223333", name);
        let _ = fnscope_policies::aws::pattern::matches(&pattern, &event);
    }
    // And the input as an event for a fixed pattern.
    let fixed = serde_json::json!({"source": ["aws.iam"], "detail": {"eventName": [{"prefix": "Create"}]}});
    let _ = fnscope_policies::aws::pattern::matches(&fixed, &pattern);
});
