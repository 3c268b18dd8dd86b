//! The Resource Graph fast path: one query lists the sites, Logic Apps, Automation accounts and
//! user-assigned identities of every subscription at once (a page of 1,000 rows a call) instead of
//! four listings per subscription. Resource Graph answers from an index ARM keeps current, with
//! each resource's `properties` as ARM returns them; it silently leaves out what the credential
//! cannot read, so a second query asks which subscriptions it sees, and any other subscription is
//! listed per subscription as before. A Logic App row without its `definition` sends its subscription
//! back to the per-subscription listing too: no field the rules read is traded for speed.
//!
//! Role assignments, role and deny definitions, each site's functions, each account's runbooks and
//! webhooks, Graph and the Activity Log are still read per subscription or resource.

use super::*;

use serde_json::{Value, json};

const API: &str = "2022-10-01";
const PAGE: usize = 1000;
/// Subscriptions named in one query.
const BATCH: usize = 1000;

const INVENTORY: &str = "resources \
| where type in~ ('microsoft.web/sites', 'microsoft.logic/workflows', 'microsoft.automation/automationaccounts', 'microsoft.managedidentity/userassignedidentities') \
| project id, name, type, kind, location, subscriptionId, identity, properties";

const SUBSCRIPTIONS: &str = "resourcecontainers \
| where type =~ 'microsoft.resources/subscriptions' \
| project id, subscriptionId";

/// One subscription's four listings, from Resource Graph.
#[derive(Debug, Default)]
pub(super) struct Inventory {
    pub sites: Vec<wire::Site>,
    pub workflows: Vec<wire::Workflow>,
    pub automation_accounts: Vec<wire::AutomationAccount>,
    pub user_assigned: Vec<wire::UserAssignedIdentity>,
}

fn typed<T: DeserializeOwned>(row: &Value, i: usize) -> Result<T, CallError> {
    serde_path_to_error::deserialize(wire::flatten(row.clone())).map_err(|e| {
        CallError::new(
            CoverageStatus::Failed,
            format!(
                "malformed Resource Graph row at `data[{i}].{}`: {}",
                e.path(),
                crate::secrets::without_values(&e.inner().to_string())
            ),
        )
    })
}

impl Session {
    /// Every row of one query over `subs`, paged to the end.
    async fn graph_rows(&self, subs: &[String], query: &str) -> Result<Vec<Value>, CallError> {
        let base = &self.opts.cloud.resource_manager;
        let url = format!("{base}/providers/Microsoft.ResourceGraph/resources?api-version={API}");
        let mut rows = Vec::new();
        let mut token: Option<String> = None;
        let mut guard = crate::kit::Pages::new("$skipToken", CoverageStatus::Failed);
        loop {
            let mut options = json!({"$top": PAGE, "resultFormat": "objectArray"});
            if let Some(t) = &token {
                options["$skipToken"] = json!(t);
            }
            let body = json!({"subscriptions": subs, "query": query, "options": options});
            let answer = self
                .client
                .post_json(&url, &self.arm_scope(), &body)
                .await?;
            if answer["resultTruncated"]
                .as_str()
                .is_some_and(|t| t.eq_ignore_ascii_case("true"))
                && answer.get("$skipToken").is_none()
            {
                return Err(CallError::new(
                    CoverageStatus::Partial,
                    "Resource Graph truncated the answer without a page token",
                ));
            }
            let Some(data) = answer["data"].as_array() else {
                return Err(CallError::new(
                    CoverageStatus::Failed,
                    "Resource Graph answered without a `data` array of objects",
                ));
            };
            rows.extend(data.iter().cloned());
            token = guard.next(answer.get("$skipToken").and_then(Value::as_str))?;
            if token.is_none() {
                return Ok(rows);
            }
        }
    }

    /// The four listings of every subscription of `subs` that Resource Graph sees, and the record of
    /// the fast path (which subscriptions it supplied, which are left to the per-subscription path).
    pub(super) async fn graph_inventory(
        &self,
        subs: &[String],
    ) -> (BTreeMap<String, Inventory>, Coverage) {
        let record = |status: CoverageStatus, detail: String| Coverage {
            provider: Provider::Azure,
            target: "tenant".into(),
            region: None,
            api: "resourcegraph:resources".into(),
            status,
            detail,
        };
        let mut out: BTreeMap<String, Inventory> = BTreeMap::new();
        let mut rows_read = 0usize;
        let mut incomplete: Vec<String> = Vec::new();
        for batch in subs.chunks(BATCH) {
            let read = async {
                let seen = self.graph_rows(batch, SUBSCRIPTIONS).await?;
                let rows = self.graph_rows(batch, INVENTORY).await?;
                Ok::<_, CallError>((seen, rows))
            }
            .await;
            let (seen, rows) = match read {
                Ok(r) => r,
                Err(e) => {
                    return (
                        BTreeMap::new(),
                        // Nothing is missing for it: the subscriptions' own listings stand in,
                        // each with its record.
                        record(
                            CoverageStatus::Complete,
                            format!(
                                "not used ({}): every subscription listed on its own",
                                e.message
                            ),
                        ),
                    );
                }
            };
            for s in &seen {
                if let Some(id) = s["subscriptionId"].as_str()
                    && batch.iter().any(|b| b.eq_ignore_ascii_case(id))
                {
                    out.entry(id.to_ascii_lowercase()).or_default();
                }
            }
            rows_read += rows.len();
            for (i, row) in rows.iter().enumerate() {
                let sub = row["subscriptionId"]
                    .as_str()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let Some(inv) = out.get_mut(&sub) else {
                    continue;
                };
                let kind = row["type"]
                    .as_str()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let added = match kind.as_str() {
                    "microsoft.web/sites" => typed(row, i).map(|s| inv.sites.push(s)),
                    "microsoft.logic/workflows" => typed::<wire::Workflow>(row, i).map(|w| {
                        if w.definition.is_none() {
                            incomplete.push(sub.clone());
                        }
                        inv.workflows.push(w)
                    }),
                    "microsoft.automation/automationaccounts" => {
                        typed(row, i).map(|a| inv.automation_accounts.push(a))
                    }
                    "microsoft.managedidentity/userassignedidentities" => {
                        typed(row, i).map(|u| inv.user_assigned.push(u))
                    }
                    _ => Ok(()),
                };
                if let Err(e) = added {
                    // The whole subscription goes back to its own listings.
                    tracing::warn!(subscription = %sub, "{}", e.message);
                    incomplete.push(sub.clone());
                }
            }
        }
        incomplete.sort();
        incomplete.dedup();
        for s in &incomplete {
            out.remove(s);
        }
        let left = subs.len() - out.len();
        let mut detail = format!(
            "{} resources of {} of {} subscriptions in one query per {BATCH} subscriptions ({PAGE} rows a page)",
            rows_read,
            out.len(),
            subs.len()
        );
        if left > 0 {
            detail.push_str(&format!(
                "; {left} listed on their own (not visible to Resource Graph, or a Logic App without its definition or a row that could not be read{})",
                if incomplete.is_empty() {
                    String::new()
                } else {
                    format!(": {}", incomplete.join(", "))
                }
            ));
        }
        (out, record(CoverageStatus::Complete, detail))
    }
}
