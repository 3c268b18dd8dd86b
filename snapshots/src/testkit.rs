//! Estate builders for tests and benchmarks (the `test-util` feature): the records an offline import
//! of an AWS account, a GCP project or an Azure subscription produces, built in a line each, so the rules' unit fixtures and the bench's
//! synthetic estates build the same shapes the collector does.

use serde_json::{Value, json};

use crate::{
    AwsIamDetails, AzureIdentityDetails, AzureResourceDetails, Binding, Coverage, CoverageStatus,
    EventBridgeRule, Exposure, GcpFunctionDetails, GcpServiceAccountDetails, Identity,
    IdentityDetails, InlinePolicy, LambdaDetails, PolicyRecord, Provider, RuleTarget, ScanMode,
    ScanSource, Snapshot, Target, Trigger, TriggerDetails, Workload, WorkloadDetails, kinds,
};

/// An empty snapshot as an offline scan starts it.
pub fn offline_snapshot() -> Snapshot {
    Snapshot::new(
        "test",
        ScanSource {
            mode: ScanMode::Offline,
            location: None,
        },
    )
}

/// AWS's own administrator policy.
pub const ADMIN: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

/// A policy document of one Allow statement.
pub fn allow(action: Value, resource: Value) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}]})
}

/// A trust policy letting `service` assume the role.
pub fn trust(service: &str) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]})
}

/// One AWS account as an offline import records it: the account with its regions, IAM read
/// completely, AWS's AdministratorAccess policy; identities, functions, rules and SCPs added by the
/// methods.
pub struct AwsEstate {
    pub snapshot: Snapshot,
    pub account: String,
}

impl AwsEstate {
    pub fn new(account: &str, regions: &[&str]) -> AwsEstate {
        let mut s = offline_snapshot();
        s.targets.push(Target {
            provider: Provider::Aws,
            id: account.into(),
            name: None,
            regions: regions.iter().map(|r| r.to_string()).collect(),
            organization: None,
            ancestors: Vec::new(),
        });
        for api in [
            "iam:GetAccountAuthorizationDetails",
            "organizations:DescribeOrganization",
        ] {
            s.coverage.push(Coverage {
                provider: Provider::Aws,
                target: account.into(),
                region: None,
                api: api.into(),
                status: CoverageStatus::Complete,
                detail: String::new(),
            });
        }
        s.policies.push(PolicyRecord {
            id: ADMIN.into(),
            provider: Provider::Aws,
            kind: kinds::AWS_MANAGED_POLICY,
            name: "AdministratorAccess".into(),
            target: "aws".into(),
            document: allow(json!("*"), json!("*")),
            version: Some("v1".into()),
        });
        AwsEstate {
            snapshot: s,
            account: account.into(),
        }
    }

    pub fn role_arn(&self, name: &str) -> String {
        format!("arn:aws:iam::{}:role/{name}", self.account)
    }

    pub fn fn_arn(&self, region: &str, name: &str) -> String {
        format!("arn:aws:lambda:{region}:{}:function:{name}", self.account)
    }

    /// An IAM user, group or role (`kind`) with its details.
    pub fn identity(&mut self, kind: kinds::Kind, name: &str, details: AwsIamDetails) -> &mut Self {
        let seg = match kind {
            kinds::AWS_IAM_USER => "user",
            kinds::AWS_IAM_GROUP => "group",
            _ => "role",
        };
        self.snapshot.identities.push(Identity {
            id: format!("arn:aws:iam::{}:{seg}/{name}", self.account),
            provider: Provider::Aws,
            kind,
            name: name.into(),
            target: self.account.clone(),
            created: Some("2020-01-01T00:00:00Z".into()),
            details: IdentityDetails::AwsIam(Box::new(details)),
        });
        self
    }

    /// A role `service` may assume, with an inline policy, attached managed policies and a boundary.
    pub fn role(
        &mut self,
        name: &str,
        service: &str,
        inline: Option<Value>,
        attached: &[&str],
        boundary: Option<&str>,
    ) -> &mut Self {
        self.identity(
            kinds::AWS_IAM_ROLE,
            name,
            AwsIamDetails {
                path: "/".into(),
                trust_policy: Some(trust(service)),
                inline_policies: inline
                    .into_iter()
                    .map(|d| InlinePolicy {
                        name: "inline".into(),
                        document: d,
                    })
                    .collect(),
                attached_policies: attached.iter().map(|s| s.to_string()).collect(),
                permissions_boundary: boundary.map(str::to_string),
                ..AwsIamDetails::default()
            },
        )
    }

    /// A user with one inline policy.
    pub fn user(&mut self, name: &str, inline: Value) -> &mut Self {
        self.identity(
            kinds::AWS_IAM_USER,
            name,
            AwsIamDetails {
                path: "/".into(),
                inline_policies: vec![InlinePolicy {
                    name: "inline".into(),
                    document: inline,
                }],
                ..AwsIamDetails::default()
            },
        )
    }

    /// A customer-managed policy.
    pub fn managed(&mut self, name: &str, doc: Value) -> &mut Self {
        self.snapshot.policies.push(PolicyRecord {
            id: format!("arn:aws:iam::{}:policy/{name}", self.account),
            provider: Provider::Aws,
            kind: kinds::AWS_MANAGED_POLICY,
            name: name.into(),
            target: self.account.clone(),
            document: doc,
            version: Some("v1".into()),
        });
        self
    }

    /// A Python function running as `role`, its resource policy and URL read (none).
    pub fn function(&mut self, region: &str, name: &str, role: &str) -> &mut Self {
        let role = self.role_arn(role);
        self.snapshot.workloads.push(Workload {
            id: self.fn_arn(region, name),
            provider: Provider::Aws,
            kind: kinds::AWS_LAMBDA_FUNCTION,
            name: name.into(),
            target: self.account.clone(),
            location: Some(region.into()),
            runtime: Some("python3.12".into()),
            state: None,
            owner: None,
            created: None,
            modified: None,
            identities: vec![role.clone()],
            scopes: Vec::new(),
            env_var_names: Vec::new(),
            secret_like_env_vars: Vec::new(),
            code_hash: None,
            exposure: Exposure::default(),
            details: WorkloadDetails::AwsLambda(Box::new(LambdaDetails {
                role,
                resource_policy_read: true,
                url_read: true,
                ..LambdaDetails::default()
            })),
        });
        self
    }

    /// The Lambda details of the function called `name`, to set a resource policy, URL or layers.
    pub fn lambda_mut(&mut self, name: &str) -> Option<&mut LambdaDetails> {
        let w = self
            .snapshot
            .workloads
            .iter_mut()
            .find(|w| w.name == name)?;
        match &mut w.details {
            WorkloadDetails::AwsLambda(d) => Some(d),
            _ => None,
        }
    }

    /// An enabled EventBridge rule on the default bus with `pattern`, targeting the function `target`.
    pub fn rule(&mut self, region: &str, name: &str, pattern: Value, target: &str) -> &mut Self {
        let target_arn = self.fn_arn(region, target);
        self.snapshot.triggers.push(Trigger {
            id: format!("arn:aws:events:{region}:{}:rule/{name}", self.account),
            provider: Provider::Aws,
            kind: kinds::AWS_EVENTBRIDGE_RULE,
            name: name.into(),
            target: self.account.clone(),
            location: Some(region.into()),
            state: Some("ENABLED".into()),
            workloads: vec![target_arn.clone()],
            details: TriggerDetails::AwsEventbridgeRule(Box::new(EventBridgeRule {
                event_bus: "default".into(),
                event_pattern: Some(pattern),
                targets: vec![RuleTarget {
                    id: "1".into(),
                    arn: target_arn,
                    role_arn: None,
                }],
                targets_read: true,
                ..EventBridgeRule::default()
            })),
        });
        self
    }

    /// Service control policies on the account's path: `levels[0]` the root's, then each OU's.
    pub fn scps(&mut self, levels: &[&[Value]]) -> &mut Self {
        for (depth, docs) in levels.iter().enumerate() {
            for (i, d) in docs.iter().enumerate() {
                let id = format!("p-{depth}-{i}");
                self.snapshot.policies.push(PolicyRecord {
                    id: id.clone(),
                    provider: Provider::Aws,
                    kind: kinds::AWS_SCP,
                    name: id.clone(),
                    target: "o-1".into(),
                    document: d.clone(),
                    version: None,
                });
                self.snapshot.bindings.push(Binding {
                    provider: Provider::Aws,
                    scope: format!("level-{depth}"),
                    principal: self.account.clone(),
                    grant: id,
                    kind: kinds::AWS_SCP_ATTACHMENT,
                    order: Some(u32::try_from(depth).unwrap_or(u32::MAX)),
                    condition: None,
                    principal_type: None,
                    created: None,
                    principal_name: None,
                });
            }
        }
        self
    }
}

/// A fixture's JSON as the model's type: a fixture that does not fit the model is a bug in the test.
#[allow(
    clippy::expect_used,
    reason = "test builder: a fixture that does not fit the model must fail the test that wrote it"
)]
fn typed<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("the fixture fits the model")
}

/// A workload with every optional field empty, as the collectors build one before its details.
fn bare_workload(
    id: &str,
    provider: Provider,
    kind: kinds::Kind,
    name: &str,
    target: &str,
    details: WorkloadDetails,
) -> Workload {
    Workload {
        id: id.into(),
        provider,
        kind,
        name: name.into(),
        target: target.into(),
        location: None,
        runtime: None,
        state: None,
        owner: None,
        created: None,
        modified: None,
        identities: Vec::new(),
        scopes: Vec::new(),
        env_var_names: Vec::new(),
        secret_like_env_vars: Vec::new(),
        code_hash: None,
        exposure: Exposure::default(),
        details,
    }
}

/// One GCP project as an offline import records it: the project under a folder and an organization,
/// the Recommender's insights read completely; service accounts, bindings, custom roles and functions
/// added by the methods.
pub struct GcpEstate {
    pub snapshot: Snapshot,
    pub project: String,
}

impl GcpEstate {
    pub fn new(project: &str) -> GcpEstate {
        let mut s = offline_snapshot();
        s.targets.push(Target {
            provider: Provider::Gcp,
            id: project.into(),
            name: Some("418213377911".into()),
            regions: vec!["us-central1".into()],
            organization: Some("organizations/1".into()),
            ancestors: vec!["folders/77".into(), "organizations/1".into()],
        });
        s.coverage.push(Coverage {
            provider: Provider::Gcp,
            target: project.into(),
            region: None,
            api: "recommender:insights.list".into(),
            status: CoverageStatus::Complete,
            detail: String::new(),
        });
        GcpEstate {
            snapshot: s,
            project: project.into(),
        }
    }

    /// `member` holds `role` at `scope` (`projects/…`, `folders/…`, `organizations/…`).
    pub fn bind(&mut self, scope: &str, member: &str, role: &str) -> &mut Self {
        self.snapshot.bindings.push(Binding {
            provider: Provider::Gcp,
            scope: scope.into(),
            principal: member.into(),
            grant: role.into(),
            kind: kinds::GCP_IAM_BINDING,
            order: None,
            condition: None,
            principal_type: None,
            created: None,
            principal_name: None,
        });
        self
    }

    /// A service account of the project, with its own IAM policy when `policy` is given.
    pub fn sa(&mut self, email: &str, policy: Option<Value>) -> &mut Self {
        self.snapshot.identities.push(Identity {
            id: format!("serviceAccount:{email}"),
            provider: Provider::Gcp,
            kind: kinds::GCP_SERVICE_ACCOUNT,
            name: email.into(),
            target: self.project.clone(),
            created: None,
            details: IdentityDetails::GcpServiceAccount(Box::new(GcpServiceAccountDetails {
                email: email.into(),
                project: self.project.clone(),
                iam_policy_read: true,
                iam_policy: policy.map(typed),
                ..GcpServiceAccountDetails::default()
            })),
        });
        self
    }

    /// A custom role with these permissions.
    pub fn role(&mut self, id: &str, perms: &[&str]) -> &mut Self {
        self.snapshot.policies.push(PolicyRecord {
            id: id.into(),
            provider: Provider::Gcp,
            kind: kinds::GCP_ROLE,
            name: id.into(),
            target: self.project.clone(),
            document: json!({"includedPermissions": perms}),
            version: None,
        });
        self
    }

    /// An HTTP-triggered function in us-central1 running as `sa` (`defaulted`: the runtime's default
    /// account, not one chosen), with its invoker policy when `invoker` is given.
    pub fn function(
        &mut self,
        name: &str,
        generation: &str,
        sa: &str,
        defaulted: bool,
        invoker: Option<Value>,
    ) -> &mut Self {
        let mut w = bare_workload(
            &format!(
                "projects/{}/locations/us-central1/functions/{name}",
                self.project
            ),
            Provider::Gcp,
            kinds::GCP_CLOUD_FUNCTION,
            name,
            &self.project,
            WorkloadDetails::GcpFunction(Box::new(GcpFunctionDetails {
                generation: generation.into(),
                service_account: sa.into(),
                service_account_defaulted: defaulted,
                http_trigger: true,
                invoker_policy_read: invoker.is_some(),
                invoker_iam_disabled: false,
                invoker_policy: invoker.map(typed),
                ..GcpFunctionDetails::default()
            })),
        );
        w.location = Some("us-central1".into());
        w.identities = vec![format!("serviceAccount:{sa}")];
        self.snapshot.workloads.push(w);
        self
    }
}

/// One Azure subscription as an offline import records it: the subscription under the tenant root;
/// role assignments, deny assignments and resources with their managed identities added by the
/// methods.
pub struct AzureEstate {
    pub snapshot: Snapshot,
    pub subscription: String,
}

impl AzureEstate {
    /// `subscription` is the id (`s1`), its scope `/subscriptions/s1`.
    pub fn new(subscription: &str) -> AzureEstate {
        let mut s = offline_snapshot();
        s.targets.push(Target {
            provider: Provider::Azure,
            id: subscription.into(),
            name: None,
            regions: Vec::new(),
            organization: None,
            ancestors: vec!["/".into()],
        });
        AzureEstate {
            snapshot: s,
            subscription: subscription.into(),
        }
    }

    /// A role assignment of the role definition id `role` to a user at `scope` ([`azure_assign`]).
    pub fn assign(
        &mut self,
        principal: &str,
        role: &str,
        scope: &str,
        condition: Option<&str>,
    ) -> &mut Self {
        azure_assign(&mut self.snapshot, principal, role, scope, condition);
        self
    }

    /// A resource of `kind` (its full ARM id) with a system-assigned identity whose principal id is
    /// `identity`.
    pub fn resource(&mut self, kind: kinds::Kind, id: &str, identity: &str) -> &mut Self {
        let name = id.rsplit('/').next().unwrap_or(id).to_string();
        let mut w = bare_workload(
            id,
            Provider::Azure,
            kind,
            &name,
            &self.subscription,
            WorkloadDetails::Azure(Box::new(AzureResourceDetails {
                resource_group: id
                    .split('/')
                    .skip_while(|p| !p.eq_ignore_ascii_case("resourceGroups"))
                    .nth(1)
                    .unwrap_or_default()
                    .to_string(),
                system_identity: Some(identity.into()),
                ..Default::default()
            })),
        );
        w.identities = vec![identity.into()];
        self.snapshot.workloads.push(w);
        self.snapshot.identities.push(Identity {
            id: identity.into(),
            provider: Provider::Azure,
            kind: kinds::AZURE_MANAGED_IDENTITY,
            name: format!("{name} (system-assigned)"),
            target: self.subscription.clone(),
            created: None,
            details: IdentityDetails::AzureManagedIdentity(Box::new(AzureIdentityDetails {
                principal_id: identity.into(),
                assignment: "system_assigned".into(),
                resource_id: id.into(),
                client_id: None,
                graph_read: true,
            })),
        });
        self
    }

    /// A deny assignment at `scope` ([`azure_deny`]).
    pub fn deny(&mut self, scope: &str, exclude: &[&str], children: bool) -> &mut Self {
        let target = self.subscription.clone();
        azure_deny(&mut self.snapshot, &target, scope, exclude, children);
        self
    }
}

/// A role assignment of the role definition id `role` to a user at `scope`, with its ABAC condition
/// when given.
pub fn azure_assign(
    s: &mut Snapshot,
    principal: &str,
    role: &str,
    scope: &str,
    condition: Option<&str>,
) {
    s.bindings.push(Binding {
        provider: Provider::Azure,
        scope: scope.into(),
        principal: principal.into(),
        grant: role.into(),
        kind: kinds::AZURE_ROLE_ASSIGNMENT,
        order: None,
        condition: condition.map(|c| json!(c)),
        principal_type: Some("User".into()),
        created: None,
        principal_name: None,
    });
}

/// A deny assignment read in subscription `target`, at `scope`, on `Microsoft.Web/sites/*` for
/// everyone but `exclude`; `children`: whether it applies below `scope` too.
pub fn azure_deny(s: &mut Snapshot, target: &str, scope: &str, exclude: &[&str], children: bool) {
    s.policies.push(PolicyRecord {
        id: format!("deny{}", s.policies.len() + 1),
        provider: Provider::Azure,
        kind: kinds::AZURE_DENY_ASSIGNMENT,
        name: "deny".into(),
        target: target.into(),
        document: json!({
            "scope": scope,
            "permissions": [{"actions": ["Microsoft.Web/sites/*"], "notActions": []}],
            "principals": [{"id": "00000000-0000-0000-0000-000000000000", "type": "SystemDefined"}],
            "excludePrincipals": exclude.iter().map(|p| json!({"id": p, "type": "User"})).collect::<Vec<_>>(),
            "doesNotApplyToChildScopes": !children,
        }),
        version: None,
    });
}
