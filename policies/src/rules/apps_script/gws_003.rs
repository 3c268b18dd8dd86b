//! T1648-GWS-003: a script makes files public or shares them outside the domain.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, ResourceRef, RuleKind, RuleMeta, Severity};

use super::{addresses, domains, external, in_trigger, parse_gaps, push, script_finding, scripts};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-GWS-003",
    title: "Script makes files public or shares them externally",
    finds: "`setSharing(DriveApp.Access.ANYONE[_WITH_LINK])` or a level chosen at run time (`DriveApp.Access[x]`), `Drive.Permissions` with `anyone`, outside editors/viewers",
    provider: Provider::AppsScript,
    kind: RuleKind::Posture,
    severity: "high; critical when started unattended over a loop of files",
    technique: "T1648",
    mitigations: &["M1036"],
    analytics: &["AN1055"],
    rationale: "A script that sets ANYONE / ANYONE_WITH_LINK sharing (or a level chosen at run time, DriveApp.Access[x]) or adds outside editors publishes the user's files; in a trigger over an iterator it publishes folders.",
    remediation: "Remove the sharing call; restrict external sharing in the Admin console and limit the script to drive.file.",
    references: &["ATT&CK AN1055"],
};

crate::declare_rule!(Gws003, META, evaluate);

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = Outcome::default();
    parse_gaps(ctx, &mut out);
    for (w, d) in scripts(ctx) {
        let own = domains(ctx, w);
        for c in &d.calls {
            // `DriveApp.Access[access]`: a level chosen at run time may be ANYONE.
            let public = c.api == "*.setSharing"
                && c.refs.iter().any(|r| {
                    r == "DriveApp.Access.ANYONE"
                        || r == "DriveApp.Access.ANYONE_WITH_LINK"
                        || r == "DriveApp.Access.*"
                });
            let anyone_permission = (c.api == "Drive.Permissions.create"
                || c.api == "Drive.Permissions.insert")
                && c.literals.iter().any(|l| l.eq_ignore_ascii_case("anyone"));
            let outside: Vec<String> = if [
                "*.addEditor",
                "*.addViewer",
                "*.addCommenter",
                "*.addEditors",
                "*.addViewers",
            ]
            .contains(&c.api.as_str())
            {
                addresses(c)
                    .into_iter()
                    .filter(|a| external(&own, a))
                    .collect()
            } else {
                Vec::new()
            };
            if !(public || anyone_permission || !outside.is_empty()) {
                continue;
            }
            let sev = if in_trigger(d, c) && c.in_loop {
                Severity::Critical
            } else {
                Severity::High
            };
            let (t, what) = if outside.is_empty() {
                (
                    ResourceRef {
                        id: format!("{}#{}:{}", w.id, c.file, c.line),
                        kind: "public_sharing".into(),
                        name: "anyone / anyone with the link".into(),
                    },
                    format!(
                        "{} with {}",
                        c.api.trim_start_matches('*'),
                        c.refs
                            .iter()
                            .chain(c.literals.iter())
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            } else {
                (
                    ResourceRef {
                        id: format!("mailto:{}", outside.join(";")),
                        kind: "external_recipient".into(),
                        name: outside.join("; "),
                    },
                    format!(
                        "{} to {}",
                        c.api.trim_start_matches('*'),
                        outside.join(", ")
                    ),
                )
            };
            push(&mut out, script_finding(&META, w, d, c, sev, t, what));
        }
    }
    out
}
