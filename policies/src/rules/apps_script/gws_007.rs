//! T1648-GWS-007: a script modifies directory accounts or admin roles.

use fnscope_snapshot::{Provider, ScriptCall};

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{automatic, parse_gaps, push, script_finding, scripts};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-007",
    title: "Script modifies directory accounts or admin roles",
    finds: "`AdminDirectory` user, membership or role writes",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "critical when started unattended (a trigger, the web app), else high",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1055"],
    rationale: "A script run by an administrator that creates users, makes admins or assigns roles is an account-manipulation backdoor whenever it fires.",
    remediation: "Move provisioning to a reviewed service; remove admin.directory scopes from scripts that do not need them.",
    references: &["ATT&CK AN1055 (account modifications)"],
};

crate::declare_rule!(Gws007, META, evaluate);

const WRITES: &[&str] = &[
    "AdminDirectory.Users.insert",
    "AdminDirectory.Users.update",
    "AdminDirectory.Users.makeAdmin",
    "AdminDirectory.Users.remove",
    "AdminDirectory.Users.undelete",
    "AdminDirectory.Members.insert",
    "AdminDirectory.RoleAssignments.insert",
];

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    parse_gaps(ctx, &mut out);
    for (w, d) in scripts(ctx) {
        let sev = |c: &ScriptCall| {
            if automatic(d, c) {
                Severity::Critical
            } else {
                Severity::High
            }
        };
        for c in d.calls.iter().filter(|c| WRITES.contains(&c.api.as_str())) {
            let t = ResourceRef {
                id: format!("{}#{}", w.id, c.api),
                kind: "directory_write".into(),
                name: c.api.clone(),
            };
            push(
                &mut out,
                script_finding(
                    &META,
                    w,
                    d,
                    c,
                    sev(c),
                    t,
                    format!("{} changes the directory", c.api),
                ),
            );
        }
    }
    out
}
