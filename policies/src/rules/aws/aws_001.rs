//! T1648-AWS-001: a principal can run code as a privileged role through a new function (Lambda, and the
//! same shape for App Runner and Bedrock AgentCore): `iam:PassRole` on a role trusting the service, the
//! create action, and a way to trigger it.

use crate::aws::Priv;
use crate::aws::condition::Ctx;
use crate::aws::eval::{Decision, Res};
use crate::aws::paths::serverless_passrole_paths;
use crate::{Context, Outcome, RuleKind, RuleMeta};
use fnscope_snapshot::Provider;

use super::{partition, probe, severity_of, start, subjects, with_grant, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-001",
    title: "Principal can run code as a privileged role through a new Lambda function",
    finds: "a principal that can pass a privileged role to a new Lambda function (or App Runner service, Bedrock AgentCore interpreter, runtime or browser, Step Functions state machine, EventBridge Scheduler schedule, Amplify app, SSM Automation document, EMR Serverless application: the serverless paths of `policies/data/aws_privesc_paths.json`), create it and trigger it",
    provider: Provider::Aws,
    kind: RuleKind::Posture,
    severity: "critical if the role is administrative, high if it can create credentials",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &["AN1053"],
    rationale: "With iam:PassRole on a role that trusts lambda.amazonaws.com, lambda:CreateFunction and any way to trigger the function (invoke, event source mapping, resource-policy grant, function URL), a principal runs its own code with that role's permissions.",
    remediation: "Scope iam:PassRole to the roles the principal must pass (Resource) and to the service (iam:PassedToService); reduce the privileged role so it no longer grants administrative or credential-creating actions; or remove lambda:CreateFunction from principals that do not deploy.",
    references: &[
        "https://attack.mitre.org/techniques/T1648/",
        "pathfinding.cloud lambda-001, lambda-002, lambda-006",
        "Rhino Security Labs AWS IAM privilege escalation methods 15-17",
    ],
};

crate::declare_rule!(Aws001, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let paths = match serverless_passrole_paths() {
        Ok(p) => p,
        Err(e) => return Outcome::not_evaluated(e.clone()),
    };
    let (view, mut out) = start(ctx);
    for s in subjects(view) {
        let part = partition(s.arn());
        let none = Ctx::new();
        // Which paths' non-PassRole actions the subject holds, with the granting decisions.
        let mut usable: Vec<(&crate::aws::paths::PassRolePath, Vec<(String, Decision)>)> =
            Vec::new();
        for path in paths {
            let mut grants = Vec::new();
            let mut ok = true;
            for group in &path.required {
                let found = group.iter().find_map(|action| {
                    let d = s.allowed(action, Res::AnyOf(&probe(action, part, &s.account)), &none);
                    d.allowed.then(|| (action.clone(), d))
                });
                match found {
                    Some(g) => grants.push(g),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                usable.push((path, grants));
            }
        }
        if usable.is_empty() {
            continue;
        }
        let mut services: Vec<&str> = usable.iter().map(|(p, _)| p.service.as_str()).collect();
        services.sort_unstable();
        services.dedup();
        for service in services {
            for role in view.roles_trusting(service) {
                if role.arn() == s.arn() || role.account != s.account {
                    continue;
                }
                let facts = view.privilege(role);
                let Some(severity) = severity_of(facts.level) else {
                    continue;
                };
                let probe_resource = format!(
                    "arn:{part}:{}:us-east-1:{}:{}",
                    service.split('.').next().unwrap_or("lambda"),
                    s.account,
                    if service == "lambda.amazonaws.com" {
                        "function:fnscope-probe"
                    } else {
                        "fnscope-probe"
                    }
                );
                let pass_ctx = Ctx::new()
                    .with("iam:PassedToService", &[service])
                    .with("iam:AssociatedResourceArn", &[&probe_resource]);
                let pass = s.allowed("iam:PassRole", Res::Arn(role.arn()), &pass_ctx);
                if !pass.allowed {
                    continue;
                }
                let matched: Vec<_> = usable
                    .iter()
                    .filter(|(p, _)| p.service == service)
                    .collect();
                let ids: Vec<&str> = matched.iter().map(|(p, _)| p.id.as_str()).collect();
                let mut b = META
                    .finding()
                    .severity(severity)
                    .subject(s.reference())
                    .target(role.reference())
                    .evidence(
                        "path",
                        format!(
                            "{} can pass {} to {service}, create code there and trigger it",
                            s.identity.name, role.identity.name
                        ),
                        ids.join(","),
                    );
                b = with_grant(
                    b,
                    &format!("iam:PassRole on {} to {service}", role.arn()),
                    &pass,
                );
                let mut seen = Vec::new();
                for (_, grants) in &matched {
                    for (action, d) in grants {
                        if !seen.contains(action) {
                            seen.push(action.clone());
                            b = with_grant(b, action, d);
                        }
                    }
                }
                b = with_privilege(b, role.arn(), facts);
                if facts.level == Priv::High && !facts.credentials {
                    b = b.evidence(
                        "note",
                        "the role is privileged because it can assume an administrative role",
                        role.arn().to_string(),
                    );
                }
                match b.build() {
                    Ok(f) => out.findings.push(f),
                    Err(e) => out.not_evaluated.push(e.to_string()),
                }
            }
        }
    }
    out
}
