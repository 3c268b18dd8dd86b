//! T1648-AWS-003: a principal can change the configuration of a function so that its code runs with a
//! privileged role: (a) inject a layer into a privileged function (Rhino #26), honouring `lambda:Layer`
//! conditions; (b) swap the role of a function it can re-code for a privileged one (PMapper).

use fnscope_snapshot::Provider;

use crate::aws::condition::Ctx;
use crate::aws::eval::Res;
use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::{may_hold, partition, probe, severity_of, start, subjects, with_grant, with_privilege};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AWS-003",
    title: "Principal can change the configuration of a privileged function (layer injection or role swap)",
    finds: "a principal that can inject a layer into a privileged function (honouring `lambda:Layer` conditions), or re-code a function and swap its role for a privileged one",
    provider: Provider::Aws,
    kind: RuleKind::Posture,
    severity: "the privilege of the role that ends up executing",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &["AN1053"],
    rationale: "lambda:UpdateFunctionConfiguration can add a layer whose code runs inside the function (with its role), or, together with lambda:UpdateFunctionCode and iam:PassRole, point a function the caller controls at a more privileged role.",
    remediation: "Scope lambda:UpdateFunctionConfiguration to the principal's own functions and restrict layers with a `ForAllValues:StringLike` condition on `lambda:Layer`; scope iam:PassRole; enforce code signing on privileged functions.",
    references: &[
        "Rhino Security Labs AWS IAM privilege escalation method 26",
        "PMapper lambda_edges.py",
    ],
};

crate::declare_rule!(Aws003, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let (view, mut out) = start(ctx);
    let configurers: Vec<_> = subjects(view)
        .filter(|s| may_hold(s, "lambda:UpdateFunctionConfiguration"))
        .collect();
    for s in configurers {
        let part = partition(s.arn());
        // Role-swap targets: privileged roles trusting Lambda that s can pass, found once per subject.
        let pass_ctx = Ctx::new().with("iam:PassedToService", &["lambda.amazonaws.com"]);
        let swap_roles: Vec<_> = view
            .roles_trusting("lambda.amazonaws.com")
            .filter(|r| r.account == s.account && r.arn() != s.arn())
            .filter_map(|r| {
                let facts = view.privilege(r);
                severity_of(facts.level)?;
                let d = s.allowed("iam:PassRole", Res::Arn(r.arn()), &pass_ctx);
                d.allowed.then_some((r, facts, d))
            })
            .collect();
        let mut swapped_to: Vec<&str> = Vec::new();
        for f in view.functions.iter().filter(|f| f.account == s.account) {
            if f.code_signing_enforced() {
                continue;
            }
            let region = f.region.as_str();
            let own_layer = format!(
                "arn:{part}:lambda:{region}:{}:layer:fnscope-probe:1",
                s.account
            );
            let foreign_layer =
                format!("arn:{part}:lambda:{region}:999999999999:layer:fnscope-probe:1");
            let fn_role = view.principal(&f.lambda.role);
            // (a) Layer injection into a privileged function.
            if let Some(role) = fn_role.filter(|r| r.arn() != s.arn()) {
                let facts = view.privilege(role);
                if let Some(severity) = severity_of(facts.level) {
                    let base = Ctx::new().with("aws:RequestedRegion", &[region]);
                    let foreign = s.allowed(
                        "lambda:UpdateFunctionConfiguration",
                        Res::Arn(f.arn()),
                        &base.clone().with("lambda:Layer", &[&foreign_layer]),
                    );
                    let own = || {
                        let cfg = s.allowed(
                            "lambda:UpdateFunctionConfiguration",
                            Res::Arn(f.arn()),
                            &base.clone().with("lambda:Layer", &[&own_layer]),
                        );
                        let publish = s.allowed(
                            "lambda:PublishLayerVersion",
                            Res::AnyOf(&probe("lambda:PublishLayerVersion", part, &s.account)),
                            &Ctx::new(),
                        );
                        (cfg.allowed && publish.allowed).then_some((cfg, publish))
                    };
                    let mut b = None;
                    if foreign.allowed {
                        b = Some(with_grant(
                            META.finding().evidence(
                                "path",
                                format!(
                                    "{} can add a layer from another account to {}",
                                    s.identity.name, f.workload.name
                                ),
                                "X-rhino-26",
                            ),
                            &format!(
                                "lambda:UpdateFunctionConfiguration on {} with a foreign layer",
                                f.arn()
                            ),
                            &foreign,
                        ));
                    } else if let Some((cfg, publish)) = own() {
                        let x = META.finding().evidence(
                            "path",
                            format!(
                                "{} can publish a layer and add it to {}",
                                s.identity.name, f.workload.name
                            ),
                            "X-rhino-26",
                        );
                        let x = with_grant(
                            x,
                            &format!("lambda:UpdateFunctionConfiguration on {}", f.arn()),
                            &cfg,
                        );
                        b = Some(with_grant(x, "lambda:PublishLayerVersion", &publish));
                    }
                    if let Some(b) = b {
                        let b = with_privilege(
                            b.severity(severity)
                                .subject(s.reference())
                                .target(role.reference())
                                .resource(f.reference())
                                .evidence_key("layer"),
                            role.arn(),
                            facts,
                        );
                        match b.build() {
                            Ok(x) => out.findings.push(x),
                            Err(e) => out.not_evaluated.push(e.to_string()),
                        }
                    }
                }
            }
            // (b) Role swap: re-code and re-point any function s controls at a privileged role.
            if swap_roles.is_empty() {
                continue;
            }
            let fctx = Ctx::new().with("aws:RequestedRegion", &[region]);
            let cfg = s.allowed(
                "lambda:UpdateFunctionConfiguration",
                Res::Arn(f.arn()),
                &fctx,
            );
            if !cfg.allowed {
                continue;
            }
            let code = s.allowed("lambda:UpdateFunctionCode", Res::Arn(f.arn()), &fctx);
            if !code.allowed {
                continue;
            }
            for (r, facts, pass) in &swap_roles {
                // One finding per (subject, role): the first function (by ARN) that opens the path.
                if swapped_to.contains(&r.arn()) || fn_role.is_some_and(|fr| fr.arn() == r.arn()) {
                    continue;
                }
                swapped_to.push(r.arn());
                let Some(severity) = severity_of(facts.level) else {
                    continue;
                };
                let b = META
                    .finding()
                    .severity(severity)
                    .subject(s.reference())
                    .target(r.reference())
                    .resource(f.reference())
                    .evidence_key("role-swap")
                    .evidence(
                        "path",
                        format!(
                            "{} can re-code {} and switch its role to {}",
                            s.identity.name, f.workload.name, r.identity.name
                        ),
                        "X-pmapper-lambda-swap",
                    );
                let b = with_grant(
                    b,
                    &format!("lambda:UpdateFunctionConfiguration on {}", f.arn()),
                    &cfg,
                );
                let b = with_grant(
                    b,
                    &format!("lambda:UpdateFunctionCode on {}", f.arn()),
                    &code,
                );
                let b = with_grant(
                    b,
                    &format!("iam:PassRole on {} to lambda.amazonaws.com", r.arn()),
                    pass,
                );
                let b = with_privilege(b, r.arn(), facts);
                match b.build() {
                    Ok(x) => out.findings.push(x),
                    Err(e) => out.not_evaluated.push(e.to_string()),
                }
            }
        }
    }
    out
}
