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

fn parse() -> Result<Vec<PassRolePath>, String> {
    let raw: Vec<RawPath> =
        serde_json::from_str(DATA).map_err(|e| format!("aws_privesc_paths.json: {e}"))?;
    let mut out = Vec::new();
    for r in raw {
        if !r.serverless || !r.category.starts_with("new-passrole") {
            continue;
        }
        let service = r
            .target
            .split('`')
            .nth(1)
            .filter(|s| s.ends_with(".amazonaws.com"))
            .ok_or_else(|| {
                format!(
                    "aws_privesc_paths.json: path `{}` names no trusted service",
                    r.id
                )
            })?
            .to_string();
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
/// bedrock-001, …).
pub fn serverless_passrole_paths() -> &'static Result<Vec<PassRolePath>, String> {
    static PATHS: OnceLock<Result<Vec<PassRolePath>, String>> = OnceLock::new();
    PATHS.get_or_init(parse)
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
    }
}
