//! The privilege-escalation paths of `spec/detection-content.md` §1.1, loaded from the versioned data
//! file `policies/data/aws_privesc_paths.json` (the same rows as the table). Logic that interprets them
//! lives in the rules; the rows live in data.

use std::sync::OnceLock;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct RawPath {
    id: String,
    category: String,
    required: Vec<String>,
    target: String,
    serverless: bool,
}

/// A "new resource + PassRole" path: pass a role trusting `service` to a new resource, then run it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassRolePath {
    pub id: String,
    /// The service principal the passed role must trust, e.g. `lambda.amazonaws.com`.
    pub service: String,
    /// Actions besides `iam:PassRole`: every group is needed, any action of a group suffices.
    pub required: Vec<Vec<String>>,
}

const DATA: &str = include_str!("../../data/aws_privesc_paths.json");

/// Every action named in a `required` entry: `lambda:InvokeFunction`, or the alternatives of
/// `(lambda:AddPermission for AuthType NONE OR lambda:InvokeFunctionUrl for AWS_IAM)`.
fn actions_in(entry: &str) -> Vec<String> {
    entry
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|t| {
            t.split_once(':').is_some_and(|(svc, act)| {
                !svc.is_empty()
                    && !act.is_empty()
                    && svc
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit())
                    && act.bytes().all(|b| b.is_ascii_alphanumeric())
            })
        })
        .map(str::to_string)
        .collect()
}

fn parse(existing: bool) -> Result<Vec<PassRolePath>, String> {
    let raw: Vec<RawPath> =
        serde_json::from_str(DATA).map_err(|e| format!("aws_privesc_paths.json: {e}"))?;
    let mut out = Vec::new();
    let kind = if existing {
        "existing-passrole"
    } else {
        "new-passrole"
    };
    for r in raw {
        if !r.serverless || !r.category.starts_with(kind) {
            continue;
        }
        let Some(service) = r
            .target
            .split('`')
            .nth(1)
            .filter(|s| s.ends_with(".amazonaws.com"))
        else {
            if existing {
                // An existing-resource path that names no service (the Lambda ones name the function's
                // role) is evaluated against the inventory by its own rule (AWS-002, AWS-003).
                continue;
            }
            return Err(format!(
                "aws_privesc_paths.json: path `{}` names no trusted service",
                r.id
            ));
        };
        if existing && service == "lambda.amazonaws.com" {
            continue; // Lambda functions are inventoried: AWS-002 and AWS-003 check each one.
        }
        let service = service.to_string();
        let mut required = Vec::new();
        for entry in &r.required {
            let acts = actions_in(entry);
            if acts.is_empty() {
                return Err(format!(
                    "aws_privesc_paths.json: path `{}`: cannot read `{entry}`",
                    r.id
                ));
            }
            if acts != ["iam:PassRole"] {
                required.push(acts);
            }
        }
        out.push(PassRolePath {
            id: r.id,
            service,
            required,
        });
    }
    Ok(out)
}

/// The serverless "new resource + PassRole" paths (lambda-001/002/006, X-lambda-furl, apprunner-001,
/// bedrock-001, stepfunctions-001, scheduler-001, amplify-001, …).
pub fn serverless_passrole_paths() -> &'static Result<Vec<PassRolePath>, String> {
    static PATHS: OnceLock<Result<Vec<PassRolePath>, String>> = OnceLock::new();
    PATHS.get_or_init(|| parse(false))
}

/// The serverless "take over an existing resource" paths of services fnscope does not inventory
/// (apprunner-002, bedrock-002/004/007, stepfunctions-002): the resource runs as a role trusting
/// `service`; `required` are the actions on it.
pub fn serverless_existing_paths() -> &'static Result<Vec<PassRolePath>, String> {
    static PATHS: OnceLock<Result<Vec<PassRolePath>, String>> = OnceLock::new();
    PATHS.get_or_init(|| parse(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_parses_into_the_expected_paths() {
        let paths = serverless_passrole_paths().as_ref().unwrap();
        let get = |id: &str| paths.iter().find(|p| p.id == id).unwrap();
        assert_eq!(get("lambda-001").service, "lambda.amazonaws.com");
        assert_eq!(
            get("lambda-001").required,
            vec![
                vec!["lambda:CreateFunction".to_string()],
                vec!["lambda:InvokeFunction".to_string()]
            ]
        );
        assert_eq!(
            get("X-lambda-furl").required[2],
            vec![
                "lambda:AddPermission".to_string(),
                "lambda:InvokeFunctionUrl".to_string()
            ]
        );
        assert_eq!(
            get("apprunner-001").service,
            "tasks.apprunner.amazonaws.com"
        );
        assert_eq!(get("bedrock-001").required.len(), 3);
        assert!(paths.iter().all(|p| !p.required.is_empty()));
        assert!(
            !paths.iter().any(|p| p.id == "lambda-003"),
            "existing-resource paths are not PassRole paths"
        );
        // The newer catalogue's serverless paths.
        assert_eq!(get("stepfunctions-001").service, "states.amazonaws.com");
        assert_eq!(
            get("scheduler-001").required,
            vec![vec!["scheduler:CreateSchedule".to_string()]]
        );
        assert_eq!(get("amplify-001").service, "amplify.amazonaws.com");
        assert!(
            !paths.iter().any(|p| p.id == "ecs-008"),
            "ECS is not serverless"
        );
    }

    #[test]
    fn existing_resource_paths_name_their_service_and_leave_lambda_to_the_inventory() {
        let paths = serverless_existing_paths().as_ref().unwrap();
        let get = |id: &str| paths.iter().find(|p| p.id == id).unwrap();
        assert_eq!(get("stepfunctions-002").service, "states.amazonaws.com");
        assert_eq!(
            get("stepfunctions-002").required,
            vec![
                vec!["states:UpdateStateMachine".to_string()],
                vec!["states:StartExecution".to_string()]
            ]
        );
        assert_eq!(
            get("apprunner-002").service,
            "tasks.apprunner.amazonaws.com"
        );
        assert_eq!(get("bedrock-007").required.len(), 2);
        assert!(!paths.iter().any(|p| p.id.starts_with("lambda-")));
    }
}
