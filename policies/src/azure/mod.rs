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
    #[serde(default)]
    pub data_actions: Vec<String>,
    #[serde(default)]
    pub not_data_actions: Vec<String>,
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

/// Whether a permission block allows `action`; `data:` before an action names a data action
/// (`dataActions` / `notDataActions`).
fn block_allows(p: &Permission, action: &str) -> bool {
    let (allow, deny, action) = match action.strip_prefix("data:") {
        Some(a) => (&p.data_actions, &p.not_data_actions, a),
        None => (&p.actions, &p.not_actions, action),
    };
    allow.iter().any(|a| action_matches(a, action))
        && !deny.iter().any(|n| action_matches(n, action))
}

/// What a role assignment lets its holder do, in the classes that make an identity privileged
/// (§3.3), least first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Power {
    /// Read what others keep secret: Key Vault secret values, apps' settings, storage keys.
    Secrets,
    /// Take over compute and the identities it runs as: run commands on machines, change apps',
    /// workflows' and runbooks' code, attach identities, mint tokens for them.
    Control,
    /// Grant roles.
    RbacWrite,
}

impl Power {
    fn describe(self) -> &'static str {
        match self {
            Power::Secrets => "read secrets",
            Power::Control => "take over compute and its identities",
            Power::RbacWrite => "grant roles",
        }
    }
}

/// The actions that show a role's power (`data:` = a data action). A role has a power when it allows
/// one of them; a deployer gains what the identity may do there and the deployer may not.
const PROBES: &[(Power, &str)] = &[
    (
        Power::RbacWrite,
        "Microsoft.Authorization/roleAssignments/write",
    ),
    (
        Power::Control,
        "Microsoft.Compute/virtualMachines/runCommand/action",
    ),
    (Power::Control, "Microsoft.Compute/virtualMachines/write"),
    (Power::Control, "Microsoft.Web/sites/write"),
    (Power::Control, "Microsoft.Web/sites/publishxml/Action"),
    (Power::Control, "Microsoft.Logic/workflows/write"),
    (
        Power::Control,
        "Microsoft.Automation/automationAccounts/runbooks/write",
    ),
    (
        Power::Control,
        "Microsoft.ManagedIdentity/userAssignedIdentities/assign/action",
    ),
    (
        Power::Control,
        "Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials/write",
    ),
    (
        Power::Control,
        "Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action",
    ),
    (
        Power::Secrets,
        "data:Microsoft.KeyVault/vaults/secrets/getSecret/action",
    ),
    (Power::Secrets, "Microsoft.KeyVault/vaults/write"),
    (Power::Secrets, "Microsoft.Web/sites/config/list/Action"),
    (
        Power::Secrets,
        "Microsoft.Storage/storageAccounts/listKeys/action",
    ),
];

/// Where a scope sits: a management group, subscription or `/`; a resource group; a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Broad,
    Group,
    Resource,
}

pub fn scope_kind(scope: &str) -> ScopeKind {
    if broad(scope) {
        return ScopeKind::Broad;
    }
    let s = scope.trim_end_matches('/').to_ascii_lowercase();
    let parts: Vec<&str> = s.split('/').collect();
    if parts.len() == 5 && parts[1] == "subscriptions" && parts[3] == "resourcegroups" {
        ScopeKind::Group
    } else {
        ScopeKind::Resource
    }
}

/// The privilege a power confers at a scope (§3.3, with resource-group and resource scopes).
pub fn level(power: Power, scope: &str) -> AzPriv {
    match (power, scope_kind(scope)) {
        (Power::RbacWrite, ScopeKind::Broad) => AzPriv::Critical,
        (Power::RbacWrite, ScopeKind::Group) | (_, ScopeKind::Broad) => AzPriv::High,
        _ => AzPriv::Medium,
    }
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

/// How privileged a managed identity is (§3.3): critical and high at broad scope (and role grants at
/// a resource group), medium below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AzPriv {
    None,
    Medium,
    High,
    Critical,
}

/// What grants an action or makes an identity privileged, for evidence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Grant {
    /// `azure_role_assignment`, `azure_graph_app_role` or `azure_directory_role`.
    pub kind: fnscope_snapshot::kinds::Kind,
    pub scope: String,
    /// Role definition GUID, app role id or directory role template id.
    pub role_id: String,
    pub role_name: String,
    pub principal: String,
    pub conditional: bool,
}

impl Grant {
    pub fn describe(&self) -> String {
        match self.kind {
            fnscope_snapshot::kinds::AZURE_GRAPH_APP_ROLE => format!(
                "Microsoft Graph app role {} ({}) granted to {}",
                self.role_name, self.role_id, self.principal
            ),
            fnscope_snapshot::kinds::AZURE_DIRECTORY_ROLE => format!(
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
    /// Principal → its name from the export (a UPN, a group's or application's display name); a
    /// service principal's application id is not kept, it names nothing a reader knows.
    pub names: BTreeMap<&'a str, &'a str>,
    denies: Vec<Deny>,
    /// Subscription id (lower case) → its management groups and `/`.
    ancestors: HashMap<String, &'a [String]>,
    /// Role-assignment scope (lower case, no trailing `/`) → the principals assigned there.
    by_scope: HashMap<String, BTreeSet<&'a str>>,
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
            match p.kind {
                fnscope_snapshot::kinds::AZURE_ROLE_DEFINITION => {
                    roles.insert(p.id.to_ascii_lowercase(), (p.name.clone(), perms));
                }
                fnscope_snapshot::kinds::AZURE_DENY_ASSIGNMENT => {
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
        let mut by_scope: HashMap<String, BTreeSet<&str>> = HashMap::new();
        let mut principals = BTreeMap::new();
        let mut unknown_roles = BTreeSet::new();
        let mut names = BTreeMap::new();
        for b in snapshot
            .bindings
            .iter()
            .filter(|b| b.provider == Provider::Azure)
        {
            by_principal
                .entry(b.principal.as_str())
                .or_default()
                .push(b);
            if let Some(n) = b.principal_name.as_deref().filter(|n| !is_guid(n)) {
                names.entry(b.principal.as_str()).or_insert(n);
            }
            if b.kind == fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT {
                principals
                    .entry(b.principal.as_str())
                    .or_insert(b.principal_type.as_deref());
                by_scope
                    .entry(b.scope.trim_end_matches('/').to_ascii_lowercase())
                    .or_default()
                    .insert(b.principal.as_str());
                if !roles.contains_key(&b.grant) {
                    unknown_roles.insert(b.grant.clone());
                }
            }
        }
        let ancestors = snapshot
            .targets
            .iter()
            .filter(|t| t.provider == Provider::Azure)
            .map(|t| (t.id.to_ascii_lowercase(), t.ancestors.as_slice()))
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
            names,
            denies,
            ancestors,
            by_scope,
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
        self.ancestors.get(&sub).copied().unwrap_or(&[])
    }

    /// Every principal with a role assignment at `resource` or a scope above it (what
    /// [`View::allowed`] needs before it can say yes), in order: the candidates of a rule that asks
    /// who can act on one resource, instead of every principal of every subscription.
    pub fn principals_covering(&self, resource: &str) -> BTreeSet<&'a str> {
        let r = resource.trim_end_matches('/').to_ascii_lowercase();
        let mut scopes: Vec<String> = vec![String::new()];
        scopes.extend(
            r.match_indices('/')
                .map(|(i, _)| r[..i].to_string())
                .filter(|p| !p.is_empty()),
        );
        scopes.push(r.clone());
        scopes.extend(
            self.ancestors_of(resource)
                .iter()
                .map(|a| a.trim_end_matches('/').to_ascii_lowercase()),
        );
        scopes
            .iter()
            .filter_map(|s| self.by_scope.get(s))
            .flatten()
            .copied()
            .collect()
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
            .filter(|b| b.kind == fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT)
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

    /// The powers a role confers, each with the action that shows it; the action is empty when only
    /// the data file's class says so (the role's permissions are unknown).
    fn powers(&self, role: &str) -> Vec<(Power, &'static str)> {
        if self.roles.contains_key(role) {
            return PROBES
                .iter()
                .filter(|(_, a)| self.role_allows(role, a) == Some(true))
                .copied()
                .collect();
        }
        match data()
            .as_ref()
            .ok()
            .and_then(|d| d.roles.get(role))
            .map(|r| r.class.as_str())
        {
            Some("rbac_write") => vec![(Power::RbacWrite, "")],
            Some("tier0") => vec![(Power::Control, "")],
            _ => Vec::new(),
        }
    }

    /// The privilege one grant confers (§3.3).
    fn level_of(&self, kind: &fnscope_snapshot::kinds::Kind, scope: &str, role: &str) -> AzPriv {
        let d = data().as_ref().ok();
        match *kind {
            fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT => self
                .powers(role)
                .iter()
                .map(|(p, _)| level(*p, scope))
                .max()
                .unwrap_or(AzPriv::None),
            fnscope_snapshot::kinds::AZURE_GRAPH_APP_ROLE => {
                match d.and_then(|d| d.graph_app_roles.get(role)) {
                    Some(r) if r.tier == 0 => AzPriv::Critical,
                    Some(_) => AzPriv::High,
                    None => AzPriv::None,
                }
            }
            fnscope_snapshot::kinds::AZURE_DIRECTORY_ROLE => {
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

    /// The powers a grant confers (empty for Graph app roles and directory roles).
    pub fn grant_powers(&self, g: &Grant) -> Vec<Power> {
        if g.kind != fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT {
            return Vec::new();
        }
        let mut p: Vec<Power> = self.powers(&g.role_id).into_iter().map(|x| x.0).collect();
        p.sort();
        p.dedup();
        p
    }

    /// True when `principal` may `action` at `scope` through an unconditional assignment at that
    /// scope or above it, and no deny assignment stops it.
    fn holds(&self, principal: &str, action: &str, scope: &str) -> bool {
        let anc = self.ancestors_of(scope);
        self.assignments(principal).any(|b| {
            b.condition.is_none()
                && covers(&b.scope, scope, anc)
                && self.role_allows(&b.grant, action) == Some(true)
        }) && !self.denied(principal, action, scope)
    }

    /// True when `principal` holds the grant itself: the same role at the same or a broader scope
    /// (or Owner there), the same app role, the same directory role.
    fn holds_grant(&self, principal: &str, g: &Grant) -> bool {
        self.by_principal
            .get(principal)
            .into_iter()
            .flatten()
            .any(|b| {
                b.kind == g.kind
                    && (b.grant == g.role_id
                        || (g.kind == fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT
                            && b.grant == OWNER))
                    && (g.kind != fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT
                        || covers(&b.scope, &g.scope, self.ancestors_of(&g.scope)))
                    && b.condition.is_none()
            })
    }

    /// What running code as an identity gives `principal` beyond what it may already do: each of the
    /// identity's privileged grants (`why`, from [`View::privilege`]) with what `principal` may not
    /// do at its scope. Empty when nothing is gained.
    pub fn gain(&self, principal: &str, why: &[Grant]) -> Vec<Gain> {
        why.iter()
            .filter_map(|g| {
                if g.kind != fnscope_snapshot::kinds::AZURE_ROLE_ASSIGNMENT {
                    return (!self.holds_grant(principal, g)).then(|| Gain {
                        grant: g.clone(),
                        level: self.grant_level(g),
                        lacks: Vec::new(),
                    });
                }
                let mut level_gained = AzPriv::None;
                let mut lacks = Vec::new();
                for (power, action) in self.powers(&g.role_id) {
                    let held = if action.is_empty() {
                        self.holds_grant(principal, g)
                    } else {
                        self.holds(principal, action, &g.scope)
                    };
                    if !held {
                        level_gained = level_gained.max(level(power, &g.scope));
                        if !action.is_empty() {
                            lacks.push(action.trim_start_matches("data:").to_string());
                        } else {
                            lacks.push(format!(
                                "what {} may do ({})",
                                g.role_name,
                                power.describe()
                            ));
                        }
                    }
                }
                (level_gained > AzPriv::None).then(|| Gain {
                    grant: g.clone(),
                    level: level_gained,
                    lacks,
                })
            })
            .collect()
    }
}

/// A privileged grant of an identity, as gained by someone who can run code as it.
#[derive(Debug, Clone)]
pub struct Gain {
    pub grant: Grant,
    /// The privilege of what is gained (below the grant's own when the principal already holds part).
    pub level: AzPriv,
    /// The actions the identity may perform at the grant's scope and the principal may not.
    pub lacks: Vec<String>,
}

/// True for a bare GUID (`xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`).
pub fn is_guid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
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
