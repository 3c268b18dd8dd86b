//! One account, or an organization: every active account scanned through a role assumed from the
//! caller's (the caller's own with its own credentials), each added to the snapshot as it finishes so
//! a `--deadline` keeps the finished ones; CloudTrail with `since`; the last-accessed reports after
//! the whole inventory, because which principals to ask about depends on it.

use super::*;

use chrono::Duration as Span;
use fnscope_snapshot::{AuditEvent, LogWindow, Snapshot};

/// What a live AWS scan reads beyond the inventory, and how an organization is walked.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Read this much CloudTrail (`LookupEvents`) for the detections.
    pub since: Option<Span>,
    /// Scan every active account of the organization through this role.
    pub org_role: Option<String>,
    /// `i/n`: with `org_role`, only every n-th account (sorted) from the i-th.
    pub shard: Option<(usize, usize)>,
    /// Accounts read at once.
    pub parallel_accounts: usize,
    /// Read the IAM last-accessed reports.
    pub last_accessed: bool,
    /// Read CloudTrail from the trail's files in S3 (with the caller's credentials, for every
    /// account) instead of `LookupEvents`.
    pub trail: Option<super::TrailFiles>,
}

/// The principals (ARNs) of a snapshot whose last-accessed reports are worth reading: the evaluator
/// decides, the collector asks.
pub type Candidates<'a> = &'a (dyn Fn(&Snapshot) -> Vec<String> + Sync);

type AuditPart = (Vec<AuditEvent>, Vec<LogWindow>, Vec<Coverage>);

/// Scans the account of `session` — or, with `plan.org_role`, its organization — into `snapshot`.
pub async fn scan_into(
    mut session: Session,
    plan: &Plan,
    progress: &dyn Progress,
    snapshot: &mut Snapshot,
    candidates: Candidates<'_>,
) {
    let Some(role) = &plan.org_role else {
        let scanned = account(plan, progress, &session, &session).await;
        add(snapshot, scanned, None);
        last_accessed(plan, progress, &session, snapshot, candidates).await;
        return;
    };
    progress.phase("aws: organization accounts", None);
    let (mut accounts, listed) = session.organization_accounts().await;
    snapshot.coverage.push(listed);
    if !accounts.iter().any(|a| a.id == session.account_id) {
        accounts.push(OrgAccount {
            id: session.account_id.clone(),
            name: String::new(),
        });
        accounts.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let accounts: Vec<_> = accounts
        .into_iter()
        .enumerate()
        .filter(|(i, _)| crate::in_shard(*i, plan.shard))
        .map(|(_, a)| a)
        .collect();
    let org = session.org_reads();
    let base = &session;
    let mut scanned = stream::iter(accounts)
        .map(|acct| {
            let org = org.clone();
            async move {
                let member = if acct.id == base.account_id {
                    None
                } else {
                    match base.assume(&acct.id, role, org).await {
                        Ok(s) => Some(s),
                        Err(e) => return (acct, Err(e)),
                    }
                };
                let s = member.as_ref().unwrap_or(base);
                let out = account(plan, progress, s, base).await;
                (acct, Ok((member, out)))
            }
        })
        .buffer_unordered(plan.parallel_accounts.max(1));
    let mut sessions = Vec::new();
    while let Some((acct, result)) = scanned.next().await {
        match result {
            Ok((member, scanned)) => {
                add(snapshot, scanned, Some(acct.name).filter(|n| !n.is_empty()));
                sessions.push(member);
            }
            Err(e) => snapshot.coverage.push(Coverage {
                provider: Provider::Aws,
                target: acct.id.clone(),
                region: None,
                api: "sts:AssumeRole".into(),
                status: e.status,
                detail: format!("{}; account `{}` not scanned", e.message, acct.id),
            }),
        }
    }
    for member in &sessions {
        let s = member.as_ref().unwrap_or(base);
        last_accessed(plan, progress, s, snapshot, candidates).await;
    }
}

/// Adds one account's inventory and CloudTrail events; `name` is its organization name.
fn add(
    snapshot: &mut Snapshot,
    (data, (events, windows, coverage)): (AccountData, AuditPart),
    name: Option<String>,
) {
    let id = data.account_id.clone();
    crate::aws::build::add_account(snapshot, data);
    if let Some(t) = snapshot
        .targets
        .iter_mut()
        .rev()
        .find(|t| t.provider == Provider::Aws && t.id == id)
    {
        t.name = name;
    }
    snapshot.events.extend(events);
    snapshot.log_windows.extend(windows);
    snapshot.coverage.extend(coverage);
}

/// One account's inventory and (with `since`) its CloudTrail events: from `LookupEvents`, or from
/// the trail's files read with `reader`'s credentials (the caller's: a log archive is seldom readable
/// by the member accounts' roles).
async fn account(
    plan: &Plan,
    progress: &dyn Progress,
    session: &Session,
    reader: &Session,
) -> (AccountData, AuditPart) {
    let data = session.collect(progress).await;
    let mut audit = (Vec::new(), Vec::new(), Vec::new());
    if let Some(since) = plan.since {
        let regions: Vec<String> = data.regions.iter().map(|r| r.region.clone()).collect();
        progress.phase("aws: CloudTrail events", None);
        let (read, api) = match &plan.trail {
            Some(t) => (
                session
                    .until_stop(reader.trail_log(t, &session.account_id, &regions, since, progress))
                    .await,
                "cloudtrail:trail-files",
            ),
            None => (
                session.until_stop(session.audit_log(&regions, since)).await,
                "cloudtrail:LookupEvents",
            ),
        };
        audit = read.unwrap_or_else(|| {
            (
                Vec::new(),
                Vec::new(),
                vec![session.cut_off(None, api, "no CloudTrail event was read")],
            )
        });
    }
    (data, audit)
}

/// IAM last-accessed reports for the account's principals that `candidates` names.
async fn last_accessed(
    plan: &Plan,
    progress: &dyn Progress,
    session: &Session,
    snapshot: &mut Snapshot,
    candidates: Candidates<'_>,
) {
    if !plan.last_accessed {
        snapshot.coverage.push(Coverage {
            provider: Provider::Aws,
            target: session.account_id.clone(),
            region: None,
            api: "iam:GetServiceLastAccessedDetails".into(),
            status: CoverageStatus::Skipped,
            detail: "not requested (--no-last-accessed)".into(),
        });
        return;
    }
    let own = format!(":{}:", session.account_id);
    let wanted: Vec<String> = candidates(snapshot)
        .into_iter()
        .filter(|arn| arn.contains(&own))
        .collect();
    match session
        .until_stop(session.last_accessed(&wanted, progress))
        .await
    {
        Some((reports, coverage)) => {
            crate::aws::build::add_last_accessed(snapshot, &reports);
            snapshot.coverage.extend(coverage);
        }
        None => snapshot.coverage.push(session.cut_off(
            None,
            "iam:GetServiceLastAccessedDetails",
            "no last-accessed report was read",
        )),
    }
}
