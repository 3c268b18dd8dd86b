//! An indexed view of one snapshot's AWS data for evaluation: every principal's policies resolved
//! (inline, attached, group, boundary, SCP levels), the functions and their roles, which roles trust
//! which service, and the derived facts of `spec/detection-content.md` §1.0 (ADMIN_EQ, CRED_CAPABLE,
//! PRIV), computed once per principal.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use fnscope_snapshot::{
    AwsIamDetails, CoverageStatus, Identity, IdentityDetails, LambdaDetails, Provider, Snapshot,
    Workload, WorkloadDetails,
};

use super::condition::Ctx;
use super::eval::{Decision, Grant, PrincipalPolicies, Res, Source};
use super::policy::{Effect, Policy, principal_matches_any};
use crate::ResourceRef;

/// How privileged a principal is (§1.0.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priv {
    None,
    High,
    Critical,
}

/// Why a principal is privileged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivFacts {
    pub level: Priv,
    /// One line per reason, naming the statement that grants it.
    pub evidence: Vec<String>,
    pub conditional: bool,
    /// CRED_CAPABLE (§1.0.5) holds (always true for administrative principals).
    pub credentials: bool,
}

/// A principal (IAM user or role) ready for evaluation.
#[derive(Debug)]
pub struct Principal<'a> {
    pub identity: &'a Identity,
    pub iam: &'a AwsIamDetails,
    pub account: String,
    pub policies: PrincipalPolicies,
    /// Roles: the parsed trust policy (`None` when absent or unreadable).
    pub trust: Option<Policy>,
    admin: OnceLock<Option<PrivFacts>>,
    facts: OnceLock<PrivFacts>,
}

impl Principal<'_> {
    pub fn arn(&self) -> &str {
        &self.identity.id
    }

    pub fn is_user(&self) -> bool {
        self.identity.kind == fnscope_snapshot::kinds::AWS_IAM_USER
    }

    pub fn is_role(&self) -> bool {
        self.identity.kind == fnscope_snapshot::kinds::AWS_IAM_ROLE
    }

    /// Service-linked roles are managed by AWS and are never subjects.
    pub fn is_service_linked(&self) -> bool {
        self.iam.path.starts_with("/aws-service-role/")
    }

    pub fn reference(&self) -> ResourceRef {
        ResourceRef {
            id: self.identity.id.clone(),
            kind: self.identity.kind.to_string(),
            name: self.identity.name.clone(),
        }
    }

    /// Is `action` on `resource` allowed for this principal?
    pub fn allowed(&self, action: &str, resource: Res<'_>, ctx: &Ctx) -> Decision {
        let user = self.is_user().then_some(self.identity.name.as_str());
        self.policies.allowed(action, resource, ctx, user)
    }

    /// Does the role's trust policy let `service` assume it?
    pub fn trusts_service(&self, service: &str) -> bool {
        let Some(p) = &self.trust else {
            return false;
        };
        p.statements.iter().any(|st| {
            st.effect == Effect::Allow
                && match &st.actions {
                    super::policy::Patterns::Only(a) => a
                        .iter()
                        .any(|x| super::action::action_matches(x, "sts:AssumeRole")),
                    super::policy::Patterns::Not(a) => !a
                        .iter()
                        .any(|x| super::action::action_matches(x, "sts:AssumeRole")),
                }
                && principal_matches_any(st, |p| {
                    p == "*" || p.eq_ignore_ascii_case(&format!("Service:{service}"))
                })
        })
    }
}

/// A Lambda function with its typed details.
#[derive(Debug)]
pub struct Function<'a> {
    pub workload: &'a Workload,
    pub lambda: &'a LambdaDetails,
    pub account: String,
    pub region: String,
}

impl Function<'_> {
    pub fn arn(&self) -> &str {
        &self.workload.id
    }

    pub fn reference(&self) -> ResourceRef {
        ResourceRef {
            id: self.workload.id.clone(),
            kind: self.workload.kind.to_string(),
            name: self.workload.name.clone(),
        }
    }

    /// Code signing blocks code changes: a config with `UntrustedArtifactOnDeployment = Enforce`.
    pub fn code_signing_enforced(&self) -> bool {
        self.lambda
            .code_signing
            .as_ref()
            .and_then(|c| c.untrusted_artifact_on_deployment.as_deref())
            .is_some_and(|v| v.eq_ignore_ascii_case("Enforce"))
    }
}

/// The AWS part of a snapshot, indexed.
#[derive(Debug)]
pub struct View<'a> {
    pub snapshot: &'a Snapshot,
    pub principals: Vec<Principal<'a>>,
    by_arn: HashMap<&'a str, usize>,
    /// `AWS:` principal strings named in trust policies (and `*`) → the roles that trust them.
    trusted_by: HashMap<String, Vec<usize>>,
    pub functions: Vec<Function<'a>>,
    /// Accounts whose IAM data was read.
    pub accounts_with_iam: Vec<String>,
    /// Accounts whose IAM data is missing (rules cannot be evaluated there).
    pub accounts_without_iam: Vec<String>,
    /// Functions (indices) that run as an administrative role without enforced code signing:
    /// computed once, for the take-over hop of every principal's privilege.
    admin_functions: OnceLock<Vec<usize>>,
}

const CRED_ACTIONS: &[(&str, &str)] = &[
    ("iam:CreateAccessKey", "user"),
    ("iam:CreateLoginProfile", "user"),
    ("iam:UpdateLoginProfile", "user"),
    ("iam:UpdateAccessKey", "user"),
    ("iam:CreateServiceSpecificCredential", "user"),
    ("iam:ResetServiceSpecificCredential", "user"),
    ("iam:UploadSSHPublicKey", "user"),
    ("iam:UploadSigningCertificate", "user"),
    ("iam:UpdateAssumeRolePolicy", "role"),
    ("iam:CreateOpenIDConnectProvider", "oidc-provider"),
    ("iam:CreateSAMLProvider", "saml-provider"),
    ("iam:UpdateSAMLProvider", "saml-provider"),
    ("sts:GetFederationToken", "federated-user"),
    ("iam:AddUserToGroup", "group"),
    ("iam:AttachUserPolicy", "user"),
    ("iam:AttachGroupPolicy", "group"),
    ("iam:AttachRolePolicy", "role"),
    ("iam:PutUserPolicy", "user"),
    ("iam:PutGroupPolicy", "group"),
    ("iam:PutRolePolicy", "role"),
    ("iam:CreatePolicyVersion", "policy"),
    ("iam:SetDefaultPolicyVersion", "policy"),
];

/// The credential-creating and permission-granting actions of §1.3(b).
pub fn credential_actions() -> impl Iterator<Item = &'static str> {
    CRED_ACTIONS.iter().map(|(a, _)| *a)
}

fn account_of(arn: &str) -> String {
    arn.split(':').nth(4).unwrap_or_default().to_string()
}

fn partition_of(arn: &str) -> &str {
    arn.split(':').nth(1).unwrap_or("aws")
}

impl<'a> View<'a> {
    pub fn new(snapshot: &'a Snapshot) -> View<'a> {
        let policy_docs: HashMap<&str, &fnscope_snapshot::PolicyRecord> = snapshot
            .policies
            .iter()
            .filter(|p| p.provider == Provider::Aws)
            .map(|p| (p.id.as_str(), p))
            .collect();
        let identities: HashMap<&str, &Identity> = snapshot
            .identities
            .iter()
            .filter(|i| i.provider == Provider::Aws)
            .map(|i| (i.id.as_str(), i))
            .collect();
        let mut accounts_with_iam = Vec::new();
        let mut accounts_without_iam = Vec::new();
        for t in snapshot
            .targets
            .iter()
            .filter(|t| t.provider == Provider::Aws)
        {
            let iam_ok = snapshot.coverage.iter().any(|c| {
                c.provider == Provider::Aws
                    && c.target == t.id
                    && c.api == "iam:GetAccountAuthorizationDetails"
                    && c.status == CoverageStatus::Complete
            });
            if iam_ok {
                accounts_with_iam.push(t.id.clone());
            } else {
                accounts_without_iam.push(t.id.clone());
            }
        }
        let scps = scp_levels(snapshot, &policy_docs);

        let mut principals = Vec::new();
        for ident in identities.values() {
            if ident.kind != fnscope_snapshot::kinds::AWS_IAM_USER
                && ident.kind != fnscope_snapshot::kinds::AWS_IAM_ROLE
            {
                continue;
            }
            let IdentityDetails::AwsIam(iam) = &ident.details else {
                continue;
            };
            let account = ident.target.clone();
            let mut unreadable = Vec::new();
            let mut identity_sources = Vec::new();
            let add = |label: String,
                       doc: &serde_json::Value,
                       out: &mut Vec<Source>,
                       unreadable: &mut Vec<(String, String)>| {
                match Policy::parse(doc) {
                    Ok(policy) => out.push(Source { label, policy }),
                    Err(e) => unreadable.push((label, e)),
                }
            };
            for p in &iam.inline_policies {
                add(
                    format!("inline policy `{}` of {}", p.name, ident.id),
                    &p.document,
                    &mut identity_sources,
                    &mut unreadable,
                );
            }
            let mut attached: Vec<(String, Option<String>)> = iam
                .attached_policies
                .iter()
                .map(|a| (a.clone(), None))
                .collect();
            for g in &iam.groups {
                if let Some(Identity {
                    details: IdentityDetails::AwsIam(gd),
                    ..
                }) = identities.get(g.as_str())
                {
                    for p in &gd.inline_policies {
                        add(
                            format!("inline policy `{}` of group {g}", p.name),
                            &p.document,
                            &mut identity_sources,
                            &mut unreadable,
                        );
                    }
                    attached.extend(
                        gd.attached_policies
                            .iter()
                            .map(|a| (a.clone(), Some(g.clone()))),
                    );
                }
            }
            for (arn, via) in attached {
                let label = match &via {
                    Some(g) => format!("{arn} (via group {g})"),
                    None => arn.clone(),
                };
                match policy_docs.get(arn.as_str()) {
                    Some(p) => add(label, &p.document, &mut identity_sources, &mut unreadable),
                    None => {
                        unreadable.push((label, "the policy document was not collected".into()))
                    }
                }
            }
            let mut boundary = None;
            if let Some(b) = &iam.permissions_boundary {
                let mut tmp = Vec::new();
                match policy_docs.get(b.as_str()) {
                    Some(p) => add(
                        format!("permissions boundary {b}"),
                        &p.document,
                        &mut tmp,
                        &mut unreadable,
                    ),
                    None => unreadable.push((
                        format!("permissions boundary {b}"),
                        "the policy document was not collected".into(),
                    )),
                }
                boundary = tmp.pop().or_else(|| {
                    // An unreadable boundary allows nothing we can prove; keep it as an empty policy
                    // so nothing is assumed allowed through it.
                    Some(Source {
                        label: format!("permissions boundary {b} (unreadable)"),
                        policy: Policy::default(),
                    })
                });
            }
            let trust = match iam.trust_policy.as_ref().map(Policy::parse) {
                Some(Ok(t)) => Some(t),
                Some(Err(e)) => {
                    unreadable.push((format!("trust policy of {}", ident.id), e));
                    None
                }
                None => None,
            };
            principals.push(Principal {
                trust,
                identity: ident,
                iam,
                policies: PrincipalPolicies {
                    identity: identity_sources,
                    boundary,
                    scps: scps.get(&account).cloned().flatten(),
                    unreadable,
                },
                account,
                admin: OnceLock::new(),
                facts: OnceLock::new(),
            });
        }
        principals.sort_by(|a, b| a.identity.id.cmp(&b.identity.id));
        let by_arn = principals
            .iter()
            .enumerate()
            .map(|(i, p)| (p.identity.id.as_str(), i))
            .collect();
        let mut trusted_by: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in principals.iter().enumerate() {
            for st in p.trust.iter().flat_map(|t| t.statements.iter()) {
                if st.effect != Effect::Allow {
                    continue;
                }
                if let Some(super::policy::Patterns::Only(list)) = &st.principals {
                    for name in list {
                        let key = name.strip_prefix("AWS:").unwrap_or(name);
                        if name == "*" || name.starts_with("AWS:") {
                            trusted_by.entry(key.to_string()).or_default().push(i);
                        }
                    }
                }
            }
        }
        let mut functions: Vec<Function<'a>> = snapshot
            .workloads
            .iter()
            .filter_map(|w| match &w.details {
                WorkloadDetails::AwsLambda(l) => Some(Function {
                    workload: w,
                    lambda: l,
                    account: w.target.clone(),
                    region: w.location.clone().unwrap_or_default(),
                }),
                _ => None,
            })
            .collect();
        functions.sort_by(|a, b| a.workload.id.cmp(&b.workload.id));
        View {
            snapshot,
            principals,
            by_arn,
            trusted_by,
            functions,
            accounts_with_iam,
            accounts_without_iam,
            admin_functions: OnceLock::new(),
        }
    }

    pub fn principal(&self, arn: &str) -> Option<&Principal<'a>> {
        self.by_arn.get(arn).map(|&i| &self.principals[i])
    }

    /// Roles (in accounts with IAM data) that `service` can assume.
    pub fn roles_trusting<'s>(
        &'s self,
        service: &'s str,
    ) -> impl Iterator<Item = &'s Principal<'a>> {
        self.principals
            .iter()
            .filter(move |p| p.is_role() && p.trusts_service(service))
    }

    /// Roles (other than `arn` itself) whose trust policy names `arn`, its account root or id, or `*`.
    pub fn roles_trusting_principal<'s>(
        &'s self,
        arn: &str,
        account: &str,
    ) -> Vec<&'s Principal<'a>> {
        let root = format!("arn:{}:iam::{account}:root", partition_of(arn));
        let mut idx: Vec<usize> = [arn, root.as_str(), account, "*"]
            .iter()
            .filter_map(|k| self.trusted_by.get(*k))
            .flatten()
            .copied()
            .collect();
        idx.sort_unstable();
        idx.dedup();
        idx.into_iter()
            .map(|i| &self.principals[i])
            .filter(|r| r.is_role() && r.arn() != arn)
            .collect()
    }

    /// PRIV with its evidence, computed once per principal.
    /// Functions that run as an administrative role and may be re-coded (no enforced code signing).
    fn admin_functions(&self) -> &[usize] {
        self.admin_functions.get_or_init(|| {
            self.functions
                .iter()
                .enumerate()
                .filter(|(_, f)| !f.code_signing_enforced())
                .filter(|(_, f)| {
                    self.principal(&f.lambda.role)
                        .is_some_and(|r| self.admin(r).is_some())
                })
                .map(|(i, _)| i)
                .collect()
        })
    }

    pub fn privilege<'s>(&'s self, p: &'s Principal<'a>) -> &'s PrivFacts {
        p.facts.get_or_init(|| compute_priv(self, p))
    }

    /// ADMIN_EQ evidence, when the principal is administrative. Never consults other principals'
    /// privilege, so the memoisation cannot recurse.
    pub fn admin<'s>(&'s self, p: &'s Principal<'a>) -> Option<&'s PrivFacts> {
        p.admin.get_or_init(|| compute_admin(self, p)).as_ref()
    }
}

/// SCP levels per account: `Some(levels)` when known (empty = none apply), `None` when unreadable.
fn scp_levels(
    snapshot: &Snapshot,
    docs: &HashMap<&str, &fnscope_snapshot::PolicyRecord>,
) -> BTreeMap<String, Option<Vec<Vec<Source>>>> {
    let mut out = BTreeMap::new();
    for t in snapshot
        .targets
        .iter()
        .filter(|t| t.provider == Provider::Aws)
    {
        let org_cov: Vec<_> = snapshot
            .coverage
            .iter()
            .filter(|c| {
                c.provider == Provider::Aws
                    && c.target == t.id
                    && c.api.starts_with("organizations:")
            })
            .collect();
        let known =
            !org_cov.is_empty() && org_cov.iter().all(|c| c.status == CoverageStatus::Complete);
        if !known {
            out.insert(t.id.clone(), None);
            continue;
        }
        let mut levels: BTreeMap<u32, Vec<Source>> = BTreeMap::new();
        let mut broken = false;
        for b in snapshot.bindings.iter().filter(|b| {
            b.provider == Provider::Aws
                && b.kind == fnscope_snapshot::kinds::AWS_SCP_ATTACHMENT
                && b.principal == t.id
        }) {
            let level = levels.entry(b.order.unwrap_or(0)).or_default();
            match docs
                .get(b.grant.as_str())
                .map(|p| Policy::parse(&p.document))
            {
                Some(Ok(policy)) => level.push(Source {
                    label: format!("SCP {} at {}", b.grant, b.scope),
                    policy,
                }),
                _ => broken = true,
            }
        }
        out.insert(
            t.id.clone(),
            (!broken).then(|| levels.into_values().collect()),
        );
    }
    out
}

fn grant_line(what: &str, g: &Option<Grant>) -> String {
    match g {
        Some(g) => format!("{what}: {}", g.describe()),
        None => what.to_string(),
    }
}

const ADMIN_POLICY: &str = "policy/AdministratorAccess";

/// PRIV (§1.0.6): ADMIN_EQ, else CRED_CAPABLE (§1.0.5), `sts:AssumeRole` into an administrative role,
/// or `lambda:UpdateFunctionCode` on a function that runs as one (one hop, like the assume-role case).
fn compute_priv<'a>(view: &View<'a>, p: &Principal<'a>) -> PrivFacts {
    if let Some(a) = view.admin(p) {
        return a.clone();
    }
    let arn = p.arn();
    let acct = &p.account;
    let part = partition_of(arn);
    let none = Ctx::new();
    let mut evidence = Vec::new();
    let mut conditional = false;
    // CRED_CAPABLE: any credential action on some principal/resource of the account.
    for (action, kind) in CRED_ACTIONS {
        let probe = match *kind {
            "federated-user" => format!("arn:{part}:sts::{acct}:federated-user/*"),
            k => format!("arn:{part}:iam::{acct}:{k}/*"),
        };
        let d = p.allowed(action, Res::AnyOf(&probe), &none);
        if d.allowed {
            conditional |= d.conditional;
            // Name what the statement allows, not the probe: "on …:user/alice", not "on …:user/*".
            let on = d
                .grant
                .as_ref()
                .map(|g| g.allows())
                .filter(|a| !a.is_empty())
                .unwrap_or(probe);
            evidence.push(grant_line(&format!("can {action} on {on}"), &d.grant));
            return PrivFacts {
                level: Priv::High,
                evidence,
                conditional,
                credentials: true,
            };
        }
    }
    // sts-001: assume a role whose trust names this principal or its account and that is administrative.
    for r in view.roles_trusting_principal(arn, acct) {
        let d = p.allowed("sts:AssumeRole", Res::Arn(r.arn()), &none);
        if d.allowed && view.admin(r).is_some() {
            conditional |= d.conditional;
            evidence.push(grant_line(
                &format!("can sts:AssumeRole into administrative role {}", r.arn()),
                &d.grant,
            ));
            return PrivFacts {
                level: Priv::High,
                evidence,
                conditional,
                credentials: false,
            };
        }
    }
    // Take over a function that runs as an administrative role: replace its code (its own triggers
    // run it). The same class as assuming an administrative role; not followed further.
    // Most principals cannot re-code any function: one check against "some function" first.
    let some_function = format!("arn:{part}:lambda:*:{acct}:function:*");
    let may = p.allowed(
        "lambda:UpdateFunctionCode",
        Res::AnyOf(&some_function),
        &none,
    );
    let candidates: &[usize] = if may.allowed || may.conditional {
        view.admin_functions()
    } else {
        &[]
    };
    for f in candidates.iter().map(|&i| &view.functions[i]) {
        if f.account != *acct {
            continue;
        }
        let Some(role) = view.principal(&f.lambda.role) else {
            continue;
        };
        if role.arn() == arn {
            continue;
        }
        let fctx = Ctx::new().with("aws:RequestedRegion", &[&f.region]);
        let d = p.allowed("lambda:UpdateFunctionCode", Res::Arn(f.arn()), &fctx);
        if d.allowed {
            conditional |= d.conditional;
            evidence.push(grant_line(
                &format!(
                    "can lambda:UpdateFunctionCode on {}, which runs as administrative role {}",
                    f.arn(),
                    role.arn()
                ),
                &d.grant,
            ));
            return PrivFacts {
                level: Priv::High,
                evidence,
                conditional,
                credentials: false,
            };
        }
    }
    PrivFacts {
        level: Priv::None,
        evidence: Vec::new(),
        conditional: false,
        credentials: false,
    }
}

/// ADMIN_EQ (§1.0.4), evaluated after boundary, SCPs and Deny.
fn compute_admin(view: &View<'_>, p: &Principal<'_>) -> Option<PrivFacts> {
    let arn = p.arn();
    let acct = &p.account;
    let part = partition_of(arn);
    let admin_arn = format!("arn:{part}:iam::aws:{ADMIN_POLICY}");
    let none = Ctx::new();
    let with_admin = Ctx::new().with("iam:PolicyARN", &[&admin_arn]);
    let (put_self, attach_self, delete_boundary) = if p.is_user() {
        (
            "iam:PutUserPolicy",
            "iam:AttachUserPolicy",
            "iam:DeleteUserPermissionsBoundary",
        )
    } else {
        (
            "iam:PutRolePolicy",
            "iam:AttachRolePolicy",
            "iam:DeleteRolePermissionsBoundary",
        )
    };
    let mut evidence = Vec::new();
    let mut conditional = false;
    let mut admin = false;
    let note = |d: &Decision, what: String, evidence: &mut Vec<String>, conditional: &mut bool| {
        *conditional |= d.conditional;
        evidence.push(grant_line(&what, &d.grant));
    };
    // With a boundary, editing one's own policies does not escape it unless the boundary can go too.
    let boundary_removable =
        p.policies.boundary.is_none() || p.allowed(delete_boundary, Res::Arn(arn), &none).allowed;
    if boundary_removable {
        let d = p.allowed(put_self, Res::Arn(arn), &none);
        if d.allowed {
            admin = true;
            note(
                &d,
                format!("can {put_self} on itself"),
                &mut evidence,
                &mut conditional,
            );
        }
        if !admin {
            let d = p.allowed(attach_self, Res::Arn(arn), &with_admin);
            if d.allowed {
                admin = true;
                note(
                    &d,
                    format!("can {attach_self} AdministratorAccess to itself"),
                    &mut evidence,
                    &mut conditional,
                );
            }
        }
        if !admin {
            let probe = format!("arn:{part}:iam::{acct}:role/*");
            let create = p.allowed("iam:CreateRole", Res::AnyOf(&probe), &none);
            if create.allowed {
                let attach = p.allowed("iam:AttachRolePolicy", Res::AnyOf(&probe), &with_admin);
                let put = p.allowed("iam:PutRolePolicy", Res::AnyOf(&probe), &none);
                if let Some(d) = [attach, put].into_iter().find(|d| d.allowed) {
                    admin = true;
                    conditional |= create.conditional;
                    note(
                        &d,
                        "can create a role and grant it administrator access".into(),
                        &mut evidence,
                        &mut conditional,
                    );
                }
            }
        }
        if !admin {
            let mut policies: Vec<&String> = p.iam.attached_policies.iter().collect();
            let mut group_targets = Vec::new();
            for g in &p.iam.groups {
                if let Some(Identity {
                    details: IdentityDetails::AwsIam(gd),
                    ..
                }) = view.snapshot.identity(g)
                {
                    policies.extend(gd.attached_policies.iter());
                    group_targets.push(g.clone());
                }
            }
            for pol in policies {
                if pol.contains(":iam::aws:") {
                    continue; // AWS-managed policies cannot be versioned by customers.
                }
                let d = p.allowed("iam:CreatePolicyVersion", Res::Arn(pol), &none);
                if d.allowed {
                    admin = true;
                    note(
                        &d,
                        format!("can iam:CreatePolicyVersion on its own policy {pol}"),
                        &mut evidence,
                        &mut conditional,
                    );
                    break;
                }
            }
            if !admin {
                for g in &group_targets {
                    for (action, ctx) in [
                        ("iam:PutGroupPolicy", &none),
                        ("iam:AttachGroupPolicy", &with_admin),
                    ] {
                        let d = p.allowed(action, Res::Arn(g), ctx);
                        if d.allowed && !admin {
                            admin = true;
                            note(
                                &d,
                                format!("can {action} on its group {g}"),
                                &mut evidence,
                                &mut conditional,
                            );
                        }
                    }
                }
            }
        }
    }
    admin.then_some(PrivFacts {
        level: Priv::Critical,
        evidence,
        conditional,
        credentials: true,
    })
}

/// The account id part of an ARN (exposed for rules).
pub fn arn_account(arn: &str) -> String {
    account_of(arn)
}
