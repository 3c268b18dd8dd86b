//! T1648-AZ-001: a principal can deploy code to a Function App / App Service (Logic Apps Standard
//! included) whose managed identity is privileged.

use fnscope_snapshot::Provider;

use crate::{Context, Outcome, RuleKind, RuleMeta};

use super::{any_of, code_paths};

pub static META: RuleMeta = RuleMeta {
    id: "T1648-AZ-001",
    title: "Principal can deploy code to a Function App whose managed identity is privileged",
    finds: "a principal that can deploy code to a Function App / App Service / Logic App Standard (`sites/write`, `config/write`, `publish`, `publishxml`, host keys, `functions/write`, slots) whose managed identity can do what the principal cannot",
    provider: Provider::Azure,
    kind: RuleKind::Posture,
    severity: "the level of what the principal gains (the identity's grants beyond its own): critical, high or medium",
    technique: "T1648",
    mitigations: &["M1018"],
    analytics: &["AN1053"],
    rationale: "New code in the app reads IDENTITY_ENDPOINT / IDENTITY_HEADER and gets tokens for its managed identity: whoever can deploy to the app holds the identity's rights.",
    remediation: "Narrow the identity's role assignments, or remove the deploy, publishing-profile and host-key rights from principals that should not hold the identity's power.",
    references: &[
        "Storm-2949 publishing-profile abuse; NetSPI Function App host keys",
        "spec §3.1 AZ-P1, AZ-P2, AZ-P5",
    ],
};

crate::declare_rule!(Az001, META, evaluate);

/// Writes that put new code in a site (and its slots).
pub const DEPLOY: &[&str] = &[
    "Microsoft.Web/sites/write",
    "Microsoft.Web/sites/config/write",
    "Microsoft.Web/sites/publish/Action",
    "Microsoft.Web/sites/publishxml/Action",
    "Microsoft.Web/sites/host/listkeys/action",
    "Microsoft.Web/sites/functions/write",
    "Microsoft.Web/sites/extensions/write",
    "Microsoft.Web/sites/slots/write",
    "Microsoft.Web/sites/slots/config/write",
    "Microsoft.Web/sites/slots/publishxml/Action",
];

fn evaluate(ctx: &Context<'_>) -> Outcome {
    let mut out = code_paths(
        ctx,
        &META,
        &[
            fnscope_snapshot::kinds::AZURE_FUNCTION_APP,
            fnscope_snapshot::kinds::AZURE_LOGIC_APP_STANDARD,
            fnscope_snapshot::kinds::AZURE_APP_SERVICE,
        ],
        |view, p, r| any_of(view, p, r, DEPLOY).map(|x| vec![x]),
    );
    if ctx
        .azure()
        .resources
        .iter()
        .any(|r| r.workload.kind == fnscope_snapshot::kinds::AZURE_FUNCTION_APP)
    {
        out.not_evaluated.push(
            "the storage leg (listKeys on the account in AzureWebJobsStorage) is not evaluated: app settings are not read, because POST …/config/appsettings/list returns secrets and Reader cannot call it".into(),
        );
    }
    out
}
