//! Estate builders for tests and benchmarks (the `test-util` feature): the records an offline import
//! of an AWS account produces, built in a line each, so the rules' unit fixtures and the bench's
//! synthetic estates build the same shapes the collector does.

use serde_json::{Value, json};

use crate::{
    AwsIamDetails, Binding, Coverage, CoverageStatus, EventBridgeRule, Exposure, Identity,
    IdentityDetails, InlinePolicy, LambdaDetails, PolicyRecord, Provider, RuleTarget, ScanMode,
    ScanSource, Snapshot, Target, Trigger, TriggerDetails, Workload, WorkloadDetails, kinds,
};

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
        let mut s = Snapshot::new(
            "test",
            ScanSource {
                mode: ScanMode::Offline,
                location: None,
            },
        );
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
