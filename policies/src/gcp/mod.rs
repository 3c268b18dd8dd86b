//! Google Cloud IAM semantics: effective permissions of a member on a project through the bindings of
//! the project and every ancestor (folders, organization), resolved through role definitions (the
//! snapshot's, else the path-relevant facts of `data/gcp_perm_to_roles.json`); `actAs` on a service
//! account from those bindings or the account's own policy; and GCP_PRIV (§2.3).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use fnscope_snapshot::{
    Binding, GcpFunctionDetails, GcpServiceAccountDetails, IdentityDetails, Provider, Snapshot,
    Workload, WorkloadDetails,
};
use serde_json::Value;

/// Roles that make a runtime service account critical (§2.3).
const CRITICAL_ROLES: &[&str] = &[
    "roles/owner",
    "roles/editor",
    "roles/admin",
    "roles/resourcemanager.projectIamAdmin",
    "roles/iam.securityAdmin",
    "roles/resourcemanager.folderAdmin",
    "roles/resourcemanager.organizationAdmin",
];
/// Permissions that make a custom role critical.
const CRITICAL_PERMS: &[&str] = &[
    "resourcemanager.projects.setIamPolicy",
    "resourcemanager.folders.setIamPolicy",
    "resourcemanager.organizations.setIamPolicy",
    "iam.roles.update",
];
/// Roles that make a runtime service account high (§2.3).
const HIGH_ROLES: &[&str] = &[
    "roles/iam.serviceAccountKeyAdmin",
    "roles/iam.serviceAccountTokenCreator",
    "roles/iam.serviceAccountAdmin",
    "roles/iam.serviceAccountUser",
    "roles/iam.workloadIdentityUser",
    "roles/cloudfunctions.admin",
    "roles/run.admin",
    "roles/cloudbuild.builds.editor",
    "roles/deploymentmanager.editor",
    "roles/cloudscheduler.admin",
];
/// Credential-minting and IAM-changing permissions (Rhino's G-SA-* / G-IAM-* sets).
const HIGH_PERMS: &[&str] = &[
    "iam.serviceAccountKeys.create",
    "iam.serviceAccounts.getAccessToken",
    "iam.serviceAccounts.signBlob",
    "iam.serviceAccounts.signJwt",
    "iam.serviceAccounts.implicitDelegation",
    "iam.serviceAccounts.setIamPolicy",
    "iam.serviceAccounts.actAs",
    "storage.hmacKeys.create",
    "serviceusage.apiKeys.create",
    "orgpolicy.policy.set",
];

/// Basic roles (§2.3).
pub const BASIC_ROLES: &[&str] = &["roles/owner", "roles/editor", "roles/admin", "roles/writer"];

const DATA: &str = include_str!("../../data/gcp_perm_to_roles.json");
const AGENTS: &str = include_str!("../../data/gcp_service_agents.json");

#[derive(serde::Deserialize)]
struct AgentList {
    agents: Vec<Agent>,
}

#[derive(serde::Deserialize)]
struct Agent {
    domain: String,
    name: String,
}

fn agent_domains() -> &'static HashMap<String, String> {
    static A: OnceLock<HashMap<String, String>> = OnceLock::new();
    A.get_or_init(|| {
        serde_json::from_str::<AgentList>(AGENTS)
            .map(|l| l.agents.into_iter().map(|a| (a.domain, a.name)).collect())
            .unwrap_or_default()
    })
}

/// The name of the Google-managed service agent a member is, if it is one: by the domains Google
/// documents (`data/gcp_service_agents.json`), and by the shape every agent email has
/// (`service-<number>@…`, `service-folder-…`, `service-org-…`, `…@gcp-sa-*.iam.gserviceaccount.com`)
/// unless its domain is one of the scanned projects (a user-created account there). No person can
/// authenticate as an agent; members act through some of them (Deployment Manager, Cloud Build).
pub fn service_agent(member: &str, projects: &BTreeSet<String>) -> Option<String> {
    let email = member.strip_prefix("serviceAccount:").unwrap_or(member);
    let (local, domain) = email.rsplit_once('@')?;
    let domain = domain.to_ascii_lowercase();
    if let Some(name) = agent_domains().get(&domain) {
        return Some(name.clone());
    }
    let sub = domain.strip_suffix(".iam.gserviceaccount.com")?;
    if projects.contains(sub) {
        return None;
    }
    let numbered = ["service-", "service-folder-", "service-org-", "service-p"]
        .iter()
        .any(|p| {
            local
                .strip_prefix(p)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
        });
    (numbered || sub.starts_with("gcp-sa-"))
        .then(|| format!("Google-managed service agent ({domain})"))
}

/// Role → the path-relevant permissions it holds, from the data file.
fn data_roles() -> &'static Result<HashMap<String, BTreeSet<String>>, String> {
    static ROLES: OnceLock<Result<HashMap<String, BTreeSet<String>>, String>> = OnceLock::new();
    ROLES.get_or_init(|| {
        let map: BTreeMap<String, Vec<String>> =
            serde_json::from_str(DATA).map_err(|e| format!("gcp_perm_to_roles.json: {e}"))?;
        let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
        for (perm, roles) in map {
            for r in roles {
                out.entry(format!("roles/{r}"))
                    .or_default()
                    .insert(perm.clone());
            }
        }
        Ok(out)
    })
}

/// How privileged a service account is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GcpPriv {
    None,
    High,
    Critical,
}

/// A binding that grants something, for evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub scope: String,
    pub role: String,
    pub member: String,
    pub conditional: bool,
}

impl Grant {
    pub fn describe(&self) -> String {
        let cond = if self.conditional {
            " (conditional binding)"
        } else {
            ""
        };
        format!("{} on {} to {}{cond}", self.role, self.scope, self.member)
    }
}

/// A Cloud Function with its typed details.
pub struct Function<'a> {
    pub workload: &'a Workload,
    pub details: &'a GcpFunctionDetails,
}

/// The GCP part of a snapshot, indexed.
pub struct View<'a> {
    pub snapshot: &'a Snapshot,
    /// Project → its scopes from the organization down to the project.
    pub chains: BTreeMap<String, Vec<String>>,
    by_scope: HashMap<&'a str, Vec<&'a Binding>>,
    snapshot_roles: HashMap<&'a str, BTreeSet<String>>,
    pub service_accounts: BTreeMap<String, (&'a str, &'a GcpServiceAccountDetails)>,
    pub functions: Vec<Function<'a>>,
    /// Roles used in bindings whose permissions are unknown.
    pub unknown_roles: BTreeSet<String>,
}

fn policy_bindings(policy: &fnscope_snapshot::GcpIamPolicy) -> Vec<(String, Vec<String>, bool)> {
    policy
        .bindings
        .iter()
        .map(|b| (b.role.clone(), b.members.clone(), b.condition.is_some()))
        .collect()
}

impl<'a> View<'a> {
    pub fn new(snapshot: &'a Snapshot) -> View<'a> {
        let mut chains = BTreeMap::new();
        for t in snapshot
            .targets
            .iter()
            .filter(|t| t.provider == Provider::Gcp)
        {
            let mut chain: Vec<String> = t.ancestors.iter().rev().cloned().collect();
            chain.push(format!("projects/{}", t.id));
            chains.insert(t.id.clone(), chain);
        }
        let mut by_scope: HashMap<&str, Vec<&Binding>> = HashMap::new();
        for b in snapshot
            .bindings
            .iter()
            .filter(|b| b.provider == Provider::Gcp)
        {
            by_scope.entry(b.scope.as_str()).or_default().push(b);
        }
        let snapshot_roles = snapshot
            .policies
            .iter()
            .filter(|p| p.provider == Provider::Gcp && p.kind == fnscope_snapshot::kinds::GCP_ROLE)
            .map(|p| {
                let perms = p
                    .document
                    .get("includedPermissions")
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                (p.id.as_str(), perms)
            })
            .collect();
        let service_accounts = snapshot
            .identities
            .iter()
            .filter_map(|i| match &i.details {
                IdentityDetails::GcpServiceAccount(d) => {
                    Some((d.email.clone(), (i.target.as_str(), d.as_ref())))
                }
                _ => None,
            })
            .collect();
        let functions = snapshot
            .workloads
            .iter()
            .filter_map(|w| match &w.details {
                WorkloadDetails::GcpFunction(d) => Some(Function {
                    workload: w,
                    details: d,
                }),
                _ => None,
            })
            .collect();
        let mut v = View {
            snapshot,
            chains,
            by_scope,
            snapshot_roles,
            service_accounts,
            functions,
            unknown_roles: BTreeSet::new(),
        };
        let used: BTreeSet<&str> = snapshot
            .bindings
            .iter()
            .filter(|b| b.provider == Provider::Gcp)
            .map(|b| b.grant.as_str())
            .collect();
        v.unknown_roles = used
            .into_iter()
            .filter(|r| v.role_permissions(r).is_none())
            .map(str::to_string)
            .collect();
        v
    }

    /// The permissions of a role: the snapshot's definition, else the data file's path-relevant facts.
    pub fn role_permissions(&self, role: &str) -> Option<BTreeSet<String>> {
        if let Some(p) = self.snapshot_roles.get(role) {
            return Some(p.clone());
        }
        // A role neither described in the snapshot nor listed in the data file is unknown: it may
        // hold anything, and the rules say so instead of assuming it holds nothing.
        data_roles()
            .as_ref()
            .ok()
            .and_then(|m| m.get(role).cloned())
    }

    /// True when the snapshot holds the role's full definition (the data file only lists the
    /// path-relevant permissions, so absence there proves nothing).
    pub fn fully_known(&self, role: &str) -> bool {
        self.snapshot_roles.contains_key(role)
    }

    /// The members bound at one scope (`projects/p`, `folders/f`, `organizations/o`).
    pub fn members_at(&self, scope: &str) -> impl Iterator<Item = &'a str> + '_ {
        self.by_scope
            .get(scope)
            .into_iter()
            .flatten()
            .map(|b| b.principal.as_str())
    }

    /// Every binding on the project's chain that names `member` (or everyone).
    pub fn grants(&self, project: &str, member: &str) -> Vec<Grant> {
        let mut out = Vec::new();
        for scope in self.chains.get(project).into_iter().flatten() {
            for b in self.by_scope.get(scope.as_str()).into_iter().flatten() {
                if b.principal == member
                    || b.principal == "allUsers"
                    || b.principal == "allAuthenticatedUsers"
                {
                    out.push(Grant {
                        scope: scope.clone(),
                        role: b.grant.clone(),
                        member: b.principal.clone(),
                        conditional: b.condition.is_some(),
                    });
                }
            }
        }
        out
    }

    /// The binding through which `member` holds `perm` on the project, if any.
    pub fn has(&self, project: &str, member: &str, perm: &str) -> Option<Grant> {
        self.grants(project, member).into_iter().find(|g| {
            g.role == "roles/owner"
                || self
                    .role_permissions(&g.role)
                    .is_some_and(|p| p.contains(perm))
        })
    }

    /// `iam.serviceAccounts.actAs` on `email`: from the project chain or the account's own policy.
    pub fn act_as(&self, project: &str, member: &str, email: &str) -> Option<Grant> {
        if let Some(g) = self.has(project, member, "iam.serviceAccounts.actAs") {
            return Some(g);
        }
        let (_, sa) = self.service_accounts.get(email)?;
        let policy = sa.iam_policy.as_ref()?;
        for (role, members, cond) in policy_bindings(policy) {
            if members.iter().any(|m| m == member)
                && self
                    .role_permissions(&role)
                    .is_some_and(|p| p.contains("iam.serviceAccounts.actAs"))
            {
                return Some(Grant {
                    scope: format!("serviceAccounts/{email}"),
                    role,
                    member: member.to_string(),
                    conditional: cond,
                });
            }
        }
        None
    }

    /// True when `member` already holds every grant in `why` (the same role, or Owner, at the same
    /// or a broader scope of the project's chain, unconditionally): reaching an account whose
    /// privilege is `why` gains it nothing.
    pub fn already_holds(&self, project: &str, member: &str, why: &[Grant]) -> bool {
        let chain = self.chains.get(project).map(Vec::as_slice).unwrap_or(&[]);
        let depth = |scope: &str| chain.iter().position(|s| s == scope);
        let covers = |mine: &str, theirs: &str| match (depth(mine), depth(theirs)) {
            (Some(a), Some(b)) => a <= b,
            // The account's own policy or a resource: only the same scope.
            _ => mine == theirs,
        };
        let mine = self.grants(project, member);
        why.iter().all(|g| {
            let here: Vec<&Grant> = mine
                .iter()
                .filter(|m| !m.conditional && covers(&m.scope, &g.scope))
                .collect();
            if here
                .iter()
                .any(|m| m.role == g.role || m.role == "roles/owner")
            {
                return true;
            }
            // Another role that holds every permission of theirs (Editor holds Cloud Build
            // Editor's): compared on what is known of both.
            if g.role == "roles/owner" {
                return false;
            }
            let Some(theirs) = self.role_permissions(&g.role) else {
                return false;
            };
            let held: BTreeSet<String> = here
                .iter()
                .filter_map(|m| self.role_permissions(&m.role))
                .flatten()
                .collect();
            !theirs.is_empty() && theirs.is_subset(&held)
        })
    }

    /// True when the project's IAM policy was read whole (its coverage record is complete): only then
    /// does "no grant" mean no privilege.
    pub fn iam_read(&self, project: &str) -> bool {
        self.snapshot.coverage.iter().any(|c| {
            c.provider == Provider::Gcp
                && c.target == project
                && c.api == "cloudresourcemanager:projects.getIamPolicy"
                && c.status == fnscope_snapshot::CoverageStatus::Complete
        })
    }

    /// The scanned projects' ids.
    pub fn project_ids(&self) -> BTreeSet<String> {
        self.chains.keys().cloned().collect()
    }

    /// GCP_PRIV of a service account in its project, with the grants that make it so.
    pub fn privilege(&self, project: &str, email: &str) -> (GcpPriv, Vec<Grant>) {
        let member = format!("serviceAccount:{email}");
        let grants = self.grants(project, &member);
        let mut level = GcpPriv::None;
        let mut why = Vec::new();
        for g in grants {
            let perms = self.role_permissions(&g.role).unwrap_or_default();
            let project_level = g.scope.starts_with("projects/")
                || g.scope.starts_with("folders/")
                || g.scope.starts_with("organizations/");
            let this = if CRITICAL_ROLES.contains(&g.role.as_str())
                || CRITICAL_PERMS.iter().any(|p| perms.contains(*p))
            {
                GcpPriv::Critical
            } else if (HIGH_ROLES.contains(&g.role.as_str()) && project_level)
                || HIGH_PERMS.iter().any(|p| perms.contains(*p))
            {
                GcpPriv::High
            } else {
                GcpPriv::None
            };
            if this > GcpPriv::None {
                level = level.max(this);
                why.push(g);
            }
        }
        (level, why)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_file_inverts_to_roles() {
        let m = data_roles().as_ref().unwrap();
        assert!(m["roles/editor"].contains("iam.serviceAccounts.actAs"));
        assert!(m["roles/iam.serviceAccountUser"].contains("iam.serviceAccounts.actAs"));
        assert!(!m["roles/cloudfunctions.developer"].contains("iam.serviceAccounts.actAs"));
    }
}
