//! Azure RBAC semantics: a role assignment applies at its scope and every scope below it (management
//! group → subscription → resource group → resource); within one permission block an action is allowed
//! when an `actions` pattern matches it and no `notActions` pattern does (patterns are case-insensitive
//! with `*` wildcards); a deny assignment that covers the scope, names the principal (or everyone) and
//! matches the action overrides every allow. AZ_MI_PRIV (§3.3) classifies managed identities from their
//! role assignments, Microsoft Graph app roles and Entra directory roles.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use fnscope_snapshot::{
    AzureIdentityDetails, AzureResourceDetails, Binding, IdentityDetails, Provider, Snapshot,
    Workload, WorkloadDetails,
};
use serde::Deserialize;
use serde_json::Value;

const DATA: &str = include_str!("../../data/azure_tiering.json");

/// The Owner role.
const OWNER: &str = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

/// The principal id Azure uses for "everyone" in deny assignments.
const EVERYONE: &str = "00000000-0000-0000-0000-000000000000";

#[derive(Debug, Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Permission {
    #[serde(default)]
    pub actions: Vec<String>,
    #[serde(default)]
    pub not_actions: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct DataRole {
    name: String,
    class: String,
    permissions: Option<Vec<Permission>>,
}

#[derive(Debug, Deserialize)]
struct GraphRole {
    name: String,
    tier: u8,
}

#[derive(Debug, Deserialize)]
struct Data {
    roles: BTreeMap<String, DataRole>,
    graph_app_roles: BTreeMap<String, GraphRole>,
    directory_roles: BTreeMap<String, String>,
}

fn data() -> &'static Result<Data, String> {
    static D: OnceLock<Result<Data, String>> = OnceLock::new();
    D.get_or_init(|| serde_json::from_str(DATA).map_err(|e| format!("azure_tiering.json: {e}")))
}

/// Case-insensitive Azure action match with `*` wildcards; `a/*/b` also matches `a/b` (the
/// Managed Identity Operator's `userAssignedIdentities/*/assign/action` grants
/// `userAssignedIdentities/assign/action`).
pub fn action_matches(pattern: &str, action: &str) -> bool {
    fn glob(p: &[u8], a: &[u8]) -> bool {
        let (mut pi, mut ai) = (0, 0);
        let (mut star, mut mark) = (None, 0);
        while ai < a.len() {
            if pi < p.len() && p[pi] != b'*' && p[pi].eq_ignore_ascii_case(&a[ai]) {
                pi += 1;
                ai += 1;
            } else if pi < p.len() && p[pi] == b'*' {
                star = Some(pi);
                mark = ai;
                pi += 1;
            } else if let Some(s) = star {
                pi = s + 1;
                mark += 1;
                ai = mark;
            } else {
                return false;
            }
        }
        while pi < p.len() && p[pi] == b'*' {
            pi += 1;
        }
        pi == p.len()
    }
    if glob(pattern.as_bytes(), action.as_bytes()) {
        return true;
    }
    pattern.contains("/*/")
        && glob(
            pattern.replacen("/*/", "/", 1).as_bytes(),
            action.as_bytes(),
        )
}

fn block_allows(p: &Permission, action: &str) -> bool {
    p.actions.iter().any(|a| action_matches(a, action))
        && !p.not_actions.iter().any(|n| action_matches(n, action))
}

/// True when `scope` is `resource` or above it. Management groups and `/` cover every resource of the
/// subscriptions below them (`ancestors` of the resource's subscription).
pub fn covers(scope: &str, resource: &str, ancestors: &[String]) -> bool {
    let s = scope.trim_end_matches('/').to_ascii_lowercase();
    let r = resource.trim_end_matches('/').to_ascii_lowercase();
    if s.is_empty() || r == s || r.starts_with(&format!("{s}/")) {
        return true;
    }
    ancestors
        .iter()
        .any(|a| a.trim_end_matches('/').eq_ignore_ascii_case(&s))
}

/// Whether a scope is broad (management group, subscription or root).
pub fn broad(scope: &str) -> bool {
    let s = scope.trim_end_matches('/').to_ascii_lowercase();
    s.is_empty()
        || s.contains("/providers/microsoft.management/managementgroups/")
        || (s.starts_with("/subscriptions/") && s.matches('/').count() == 2)
}

/// How privileged a managed identity is (§3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AzPriv {
    None,
    High,
    Critical,
}

/// What grants an action or makes an identity privileged, for evidence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Grant {
    /// `azure_role_assignment`, `azure_graph_app_role` or `azure_directory_role`.
    pub kind: String,
    pub scope: String,
    /// Role definition GUID, app role id or directory role template id.
    pub role_id: String,
    pub role_name: String,
    pub principal: String,
    pub conditional: bool,
}

impl Grant {
    pub fn describe(&self) -> String {
        match self.kind.as_str() {
            "azure_graph_app_role" => format!(
                "Microsoft Graph app role {} ({}) granted to {}",
                self.role_name, self.role_id, self.principal
            ),
            "azure_directory_role" => format!(
                "Entra directory role {} ({}) held by {}",
                self.role_name, self.role_id, self.principal
            ),
            _ => format!(
                "{} ({}) assigned to {} at {}{}",
                self.role_name,
                self.role_id,
                self.principal,
                self.scope,
                if self.conditional {
                    " with a condition"
                } else {
                    ""
                }
            ),
        }
    }
}

/// A serverless resource and its details.
pub struct Resource<'a> {
    pub workload: &'a Workload,
    pub details: &'a AzureResourceDetails,
}

struct Deny {
    scope: String,
    permissions: Vec<Permission>,
    principals: BTreeSet<String>,
    excluded: BTreeSet<String>,
    children: bool,
}

/// The indexed Azure part of a snapshot.
pub struct View<'a> {
    roles: HashMap<String, (String, Vec<Permission>)>,
    /// Role GUIDs in assignments whose permissions are unknown.
    pub unknown_roles: BTreeSet<String>,
    by_principal: HashMap<&'a str, Vec<&'a Binding>>,
    /// Every principal with a role assignment, with its type where known.
    pub principals: BTreeMap<&'a str, Option<&'a str>>,
    denies: Vec<Deny>,
    /// Subscription id → its management groups and `/`.
    ancestors: HashMap<&'a str, &'a [String]>,
    pub resources: Vec<Resource<'a>>,
    /// Managed identity principal → its details.
    pub identities: BTreeMap<&'a str, (&'a str, &'a AzureIdentityDetails)>,
}

impl<'a> View<'a> {
    pub fn new(snapshot: &'a Snapshot) -> View<'a> {
        let mut roles: HashMap<String, (String, Vec<Permission>)> = HashMap::new();
        if let Ok(d) = data() {
            for (guid, r) in &d.roles {
                if let Some(p) = &r.permissions {
                    roles.insert(guid.clone(), (r.name.clone(), p.clone()));
                }
            }
        }
        let mut denies = Vec::new();
        for p in snapshot
            .policies
            .iter()
            .filter(|p| p.provider == Provider::Azure)
        {
            let perms: Vec<Permission> = p
                .document
                .get("permissions")
                .cloned()
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default();
            match p.kind.as_str() {
                "azure_role_definition" => {
                    roles.insert(p.id.to_ascii_lowercase(), (p.name.clone(), perms));
                }
                "azure_deny_assignment" => {
                    let ids = |k: &str| -> BTreeSet<String> {
                        p.document
                            .get(k)
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .filter_map(|x| x.get("id")?.as_str())
                            .map(str::to_ascii_lowercase)
                            .collect()
                    };
                    denies.push(Deny {
                        scope: p
                            .document
                            .get("scope")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_string(),
                        permissions: perms,
                        principals: ids("principals"),
                        excluded: ids("excludePrincipals"),
                        children: !p
                            .document
                            .get("doesNotApplyToChildScopes")
                            .and_then(Value::as_bool)
                            .unwrap_or(false),
                    });
                }
                _ => {}
            }
        }
        let mut by_principal: HashMap<&str, Vec<&Binding>> = HashMap::new();
        let mut principals = BTreeMap::new();
        let mut unknown_roles = BTreeSet::new();
        for b in snapshot
            .bindings
            .iter()
            .filter(|b| b.provider == Provider::Azure)
        {
            by_principal
                .entry(b.principal.as_str())
                .or_default()
                .push(b);
            if b.kind == "azure_role_assignment" {
                principals
                    .entry(b.principal.as_str())
                    .or_insert(b.principal_type.as_deref());
                if !roles.contains_key(&b.grant) {
                    unknown_roles.insert(b.grant.clone());
                }
            }
        }
        let ancestors = snapshot
            .targets
            .iter()
            .filter(|t| t.provider == Provider::Azure)
            .map(|t| (t.id.as_str(), t.ancestors.as_slice()))
            .collect();
        let resources = snapshot
            .workloads
            .iter()
            .filter_map(|w| match &w.details {
                WorkloadDetails::Azure(d) => Some(Resource {
                    workload: w,
                    details: d,
                }),
                _ => None,
            })
            .collect();
        let identities = snapshot
            .identities
            .iter()
            .filter_map(|i| match &i.details {
                IdentityDetails::AzureManagedIdentity(d) => {
                    Some((i.id.as_str(), (i.name.as_str(), d.as_ref())))
                }
                _ => None,
            })
            .collect();
        View {
            roles,
            unknown_roles,
            by_principal,
            principals,
            denies,
            ancestors,
            resources,
            identities,
        }
    }

    fn ancestors_of(&self, resource: &str) -> &[String] {
        let sub = resource
            .split('/')
            .nth(2)
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        self.ancestors
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&sub))
            .map(|(_, v)| *v)
            .unwrap_or(&[])
    }

    pub fn role_name(&self, guid: &str) -> String {
        self.roles
            .get(guid)
            .map(|(n, _)| n.clone())
            .or_else(|| {
                data()
                    .as_ref()
                    .ok()
                    .and_then(|d| d.roles.get(guid).map(|r| r.name.clone()))
            })
            .unwrap_or_else(|| guid.to_string())
    }

    /// Whether a role's permissions allow `action` (`None` = the role is unknown).
    pub fn role_allows(&self, guid: &str, action: &str) -> Option<bool> {
        self.roles
            .get(guid)
            .map(|(_, perms)| perms.iter().any(|p| block_allows(p, action)))
    }

    /// True when a deny assignment stops `principal` doing `action` on `resource`.
    pub fn denied(&self, principal: &str, action: &str, resource: &str) -> bool {
        let anc = self.ancestors_of(resource);
        self.denies.iter().any(|d| {
            let at = if d.children {
                covers(&d.scope, resource, anc)
            } else {
                d.scope.trim_end_matches('/').eq_ignore_ascii_case(resource)
            };
            at && (d.principals.contains(principal) || d.principals.contains(EVERYONE))
                && !d.excluded.contains(principal)
                && d.permissions.iter().any(|p| block_allows(p, action))
        })
    }

    /// Role assignments of `principal` (any scope).
    pub fn assignments(&self, principal: &str) -> impl Iterator<Item = &'a Binding> + '_ {
        self.by_principal
            .get(principal)
            .into_iter()
            .flatten()
            .copied()
            .filter(|b| b.kind == "azure_role_assignment")
    }

    fn grant(&self, b: &Binding) -> Grant {
        Grant {
            kind: b.kind.clone(),
            scope: b.scope.clone(),
            role_id: b.grant.clone(),
            role_name: self.role_name(&b.grant),
            principal: b.principal.clone(),
            conditional: b.condition.is_some(),
        }
    }

    /// The assignment through which `principal` may perform `action` on `resource`, unless denied.
    pub fn allowed(&self, principal: &str, action: &str, resource: &str) -> Option<Grant> {
        let anc = self.ancestors_of(resource);
        let g = self
            .assignments(principal)
            .filter(|b| covers(&b.scope, resource, anc))
            .filter(|b| self.role_allows(&b.grant, action) == Some(true))
            .min_by_key(|b| b.condition.is_some())?;
        (!self.denied(principal, action, resource)).then(|| self.grant(g))
    }

    /// An assignment at any scope through which `principal` may perform `action` somewhere (the scope
    /// itself when it is a resource, else any resource below it), unless denied at that scope.
    pub fn allowed_anywhere(&self, principal: &str, action: &str) -> Option<Grant> {
        self.assignments(principal)
            .filter(|b| self.role_allows(&b.grant, action) == Some(true))
            .filter(|b| !self.denied(principal, action, &b.scope))
            .min_by_key(|b| b.condition.is_some())
            .map(|b| self.grant(b))
    }

    /// AZ_MI_PRIV of a principal, with what makes it so.
    pub fn privilege(&self, principal: &str) -> (AzPriv, Vec<Grant>) {
        let mut level = AzPriv::None;
        let mut why = Vec::new();
        let d = data().as_ref().ok();
        for b in self.by_principal.get(principal).into_iter().flatten() {
            let this = self.level_of(&b.kind, &b.scope, &b.grant);
            if this > AzPriv::None {
                level = level.max(this);
                let mut g = self.grant(b);
                if let Some(d) = d {
                    if let Some(r) = d.graph_app_roles.get(&b.grant) {
                        g.role_name = r.name.clone();
                    }
                    if let Some(n) = d.directory_roles.get(&b.grant) {
                        g.role_name = n.clone();
                    }
                }
                why.push(g);
            }
        }
        why.sort();
        (level, why)
    }

    /// The privilege one grant confers (§3.3).
    fn level_of(&self, kind: &str, scope: &str, role: &str) -> AzPriv {
        let d = data().as_ref().ok();
        match kind {
            "azure_role_assignment" if broad(scope) => {
                let class = d.and_then(|d| d.roles.get(role)).map(|r| r.class.as_str());
                if class == Some("rbac_write")
                    || self.role_allows(role, "Microsoft.Authorization/roleAssignments/write")
                        == Some(true)
                {
                    AzPriv::Critical
                } else if class == Some("tier0") {
                    AzPriv::High
                } else {
                    AzPriv::None
                }
            }
            "azure_graph_app_role" => match d.and_then(|d| d.graph_app_roles.get(role)) {
                Some(r) if r.tier == 0 => AzPriv::Critical,
                Some(_) => AzPriv::High,
                None => AzPriv::None,
            },
            "azure_directory_role" => {
                if d.is_some_and(|d| d.directory_roles.contains_key(role)) {
                    AzPriv::Critical
                } else {
                    AzPriv::None
                }
            }
            _ => AzPriv::None,
        }
    }

    /// The privilege a grant (from [`View::privilege`]) confers.
    pub fn grant_level(&self, g: &Grant) -> AzPriv {
        self.level_of(&g.kind, &g.scope, &g.role_id)
    }

    /// True when `principal` already holds every grant in `why` (same role at the same or a broader
    /// scope, same app role, same directory role): running code as the identity gains it nothing.
    /// Owner at the same or a broader scope holds every Azure role there.
    pub fn already_holds(&self, principal: &str, why: &[Grant]) -> bool {
        why.iter().all(|g| {
            self.by_principal
                .get(principal)
                .into_iter()
                .flatten()
                .any(|b| {
                    b.kind == g.kind
                        && (b.grant == g.role_id
                            || (g.kind == "azure_role_assignment" && b.grant == OWNER))
                        && (g.kind != "azure_role_assignment"
                            || covers(&b.scope, &g.scope, self.ancestors_of(&g.scope)))
                        && b.condition.is_none()
                })
        })
    }
}

/// The Graph app-role name and tier for an id (from the data file).
pub fn graph_role(id: &str) -> Option<(String, u8)> {
    data()
        .as_ref()
        .ok()?
        .graph_app_roles
        .get(id)
        .map(|r| (r.name.clone(), r.tier))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_match_like_azure() {
        assert!(action_matches("*", "Microsoft.Web/sites/write"));
        assert!(action_matches(
            "microsoft.web/sites/*",
            "Microsoft.Web/sites/config/write"
        ));
        assert!(!action_matches(
            "Microsoft.Web/sites/*",
            "Microsoft.Web/serverfarms/write"
        ));
        assert!(action_matches(
            "Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action",
            "Microsoft.ManagedIdentity/userAssignedIdentities/assign/action"
        ));
        assert!(action_matches(
            "Microsoft.Authorization/*/Write",
            "Microsoft.Authorization/roleAssignments/write"
        ));
        assert!(!action_matches("*/read", "Microsoft.Web/sites/write"));
    }

    #[test]
    fn scopes_cover_what_is_below_them() {
        let sub = "/subscriptions/s1";
        let site = "/subscriptions/S1/resourceGroups/rg/providers/Microsoft.Web/sites/a";
        assert!(covers(sub, site, &[]));
        assert!(covers("/subscriptions/s1/resourcegroups/rg", site, &[]));
        assert!(!covers("/subscriptions/s1/resourceGroups/rg2", site, &[]));
        assert!(
            !covers("/subscriptions/s1/resourceGroups/r", site, &[]),
            "segment boundary"
        );
        let mg = "/providers/Microsoft.Management/managementGroups/corp".to_string();
        assert!(covers(&mg, site, std::slice::from_ref(&mg)));
        assert!(covers("/", site, &[]));
        assert!(broad(sub) && broad("/") && broad(&mg));
        assert!(!broad("/subscriptions/s1/resourceGroups/rg"));
    }
}
