//! Turns one environment's flows, connections, owners and the tenant's DLP policies into snapshot
//! records. Definitions are analysed here, at the edge: the snapshot keeps facts, not definitions, so a
//! credential written into a flow never reaches it.

use std::collections::BTreeMap;

use fnscope_snapshot::{
    Binding, Coverage, Exposure, FlowConnection, FlowDetails, Identity, IdentityDetails,
    PolicyRecord, Provider, Snapshot, Target, Usage, Workload, WorkloadDetails,
};
use serde_json::Value;

use super::analyse;

/// One flow as exported: the REST object's `name`, `id` and `properties`.
#[derive(Debug, Default, Clone)]
pub struct Flow {
    pub name: String,
    pub id: Option<String>,
    pub properties: Value,
    /// From a solution package.
    pub solution: bool,
}

/// Flow audit events (user, operation, time) and the window (from, to) they cover.
pub type FlowActivity = (String, String, Vec<(String, String, String)>);

/// Everything read for one environment. `None` = not read (a coverage record says why).
#[derive(Debug, Default)]
pub struct EnvironmentData {
    pub name: String,
    pub display_name: Option<String>,
    pub tenant_id: Option<String>,
    pub flows: Option<Vec<Flow>>,
    /// Flow name → owner principals (`None` = not read).
    pub owners: BTreeMap<String, Option<Vec<String>>>,
    /// Connection name → the identity that created it (UPN, else e-mail, else object id).
    pub connections: Option<BTreeMap<String, String>>,
    /// Connection name → the machine or machine group a desktop-flow connection runs on.
    pub connection_targets: BTreeMap<String, String>,
    /// The tenant's DLP policies (v2 objects), shared by every environment of the scan.
    pub dlp: Option<Vec<Value>>,
    /// Environment Maker role holders: (object id, sign-in name).
    pub makers: Option<Vec<(String, Option<String>)>>,
    /// Flow audit events with the window they cover.
    pub activity: Option<FlowActivity>,
    pub coverage: Vec<Coverage>,
}

/// The machine or machine group a desktop-flow (`shared_uiflow`) connection runs on: the
/// `targetId` of its parameters (`connectionParametersSet.values.targetId.value` as the Power Apps
/// API takes and returns it, or the flat `connectionParameters.targetId`). Never the machine
/// account's password, which the API does not return and fnscope does not read.
pub fn connection_target(c: &Value) -> Option<String> {
    let props = c.get("properties").unwrap_or(c);
    props
        .pointer("/connectionParametersSet/values/targetId/value")
        .or_else(|| props.pointer("/connectionParameters/targetId"))
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    let mut cur = v;
    for p in path {
        cur = cur.get(*p)?;
    }
    cur.as_str()
}

/// Adds one environment's records to `snap`.
pub fn add_environment(snap: &mut Snapshot, d: EnvironmentData) {
    let env = d.name.clone();
    snap.targets.push(Target {
        provider: Provider::PowerAutomate,
        id: env.clone(),
        name: d.display_name.clone(),
        regions: Vec::new(),
        organization: d.tenant_id.clone(),
        ancestors: Vec::new(),
    });
    add_flows(snap, &env, &d);
    add_dlp(snap, &d);
    add_makers(snap, &env, &d);
    add_activity(snap, &env, &d);
    snap.coverage.extend(d.coverage);
}

/// Each flow with its trigger, steps, connections and owners.
fn add_flows(snap: &mut Snapshot, env: &str, d: &EnvironmentData) {
    for f in d.flows.iter().flatten() {
        let p = &f.properties;
        let definition = p.get("definition").cloned().unwrap_or(Value::Null);
        let refs = p
            .get("connectionReferences")
            .cloned()
            .unwrap_or(Value::Null);
        let trigger = analyse::trigger(&definition, &refs);
        let steps = analyse::steps(&definition, &refs);
        let mut connections = Vec::new();
        for (key, r) in refs.as_object().into_iter().flatten() {
            let connector = r
                .get("id")
                .or_else(|| r.get("apiId"))
                .and_then(Value::as_str)
                .or_else(|| str_at(r, &["api", "name"]))
                .map(|id| id.rsplit('/').next().unwrap_or(id).to_string())
                .unwrap_or_else(|| key.clone());
            let connection = r
                .get("connectionName")
                .and_then(Value::as_str)
                .or_else(|| str_at(r, &["connection", "connectionReferenceLogicalName"]))
                .map(str::to_string);
            let owner = connection
                .as_ref()
                .and_then(|c| d.connections.as_ref()?.get(c).cloned());
            let target = connection
                .as_ref()
                .and_then(|c| d.connection_targets.get(c).cloned());
            connections.push(FlowConnection {
                key: key.clone(),
                connector,
                connection,
                owner,
                target,
            });
        }
        let owners = d.owners.get(&f.name).cloned().flatten();
        let state = p.get("state").and_then(Value::as_str).map(str::to_string);
        let http_trigger = trigger.class == "http";
        let exposure = Exposure {
            public: http_trigger,
            notes: if http_trigger {
                vec!["HTTP request trigger: anyone holding its signed URL can start it".into()]
            } else {
                Vec::new()
            },
        };
        // The admin API's id names the environment; a package's (`/providers/Microsoft.Flow/flows/<name>`)
        // does not, and the same package imported into two environments is two flows.
        let id =
            f.id.clone()
                .filter(|id| id.contains("/environments/"))
                .unwrap_or_else(|| {
                    format!(
                        "/providers/Microsoft.ProcessSimple/environments/{env}/flows/{}",
                        f.name
                    )
                });
        snap.workloads.push(Workload {
            id,
            provider: Provider::PowerAutomate,
            kind: fnscope_snapshot::kinds::POWER_AUTOMATE_FLOW,
            name: p
                .get("displayName")
                .and_then(Value::as_str)
                .unwrap_or(&f.name)
                .to_string(),
            target: env.to_string(),
            location: None,
            runtime: None,
            state,
            owner: str_at(p, &["creator", "objectId"]).map(str::to_string),
            created: p
                .get("createdTime")
                .and_then(Value::as_str)
                .map(str::to_string),
            modified: p
                .get("lastModifiedTime")
                .and_then(Value::as_str)
                .map(str::to_string),
            identities: connections.iter().filter_map(|c| c.owner.clone()).collect(),
            scopes: Vec::new(),
            env_var_names: Vec::new(),
            secret_like_env_vars: Vec::new(),
            code_hash: None,
            exposure,
            details: WorkloadDetails::Flow(Box::new(FlowDetails {
                environment: env.to_string(),
                trigger,
                steps,
                connections,
                owners_read: owners.is_some(),
                owners: owners.unwrap_or_default(),
                solution: f.solution,
            })),
        });
    }
}

/// DLP policies, as policy records.
fn add_dlp(snap: &mut Snapshot, d: &EnvironmentData) {
    for pol in d.dlp.iter().flatten() {
        let def = pol.get("policyDefinition").unwrap_or(pol);
        let Some(name) = def.get("name").and_then(Value::as_str) else {
            continue;
        };
        if snap
            .policies
            .iter()
            .any(|p| p.kind == fnscope_snapshot::kinds::POWER_PLATFORM_DLP_POLICY && p.id == name)
        {
            continue;
        }
        snap.policies.push(PolicyRecord {
            id: name.to_string(),
            provider: Provider::PowerAutomate,
            kind: fnscope_snapshot::kinds::POWER_PLATFORM_DLP_POLICY,
            name: def
                .get("displayName")
                .and_then(Value::as_str)
                .unwrap_or(name)
                .to_string(),
            target: "tenant".into(),
            document: pol.clone(),
            version: None,
        });
    }
}

/// Environment Makers, as users and bindings.
fn add_makers(snap: &mut Snapshot, env: &str, d: &EnvironmentData) {
    for (id, email) in d.makers.iter().flatten() {
        snap.bindings.push(Binding {
            provider: Provider::PowerAutomate,
            scope: env.to_string(),
            principal: id.clone(),
            grant: "Environment Maker".into(),
            kind: fnscope_snapshot::kinds::POWER_PLATFORM_MAKER,
            order: None,
            condition: None,
            principal_type: Some("User".into()),
            created: None,
            principal_name: None,
        });
        if let Some(e) = email
            && !snap.identities.iter().any(|i| i.id == *id)
        {
            snap.identities.push(Identity {
                id: id.clone(),
                provider: Provider::PowerAutomate,
                kind: fnscope_snapshot::kinds::POWER_PLATFORM_USER,
                name: e.clone(),
                target: env.to_string(),
                created: None,
                details: IdentityDetails::Other {
                    fields: BTreeMap::new(),
                },
            });
        }
    }
}

/// The Purview flow activity: per maker, the last flow written, and the window read.
fn add_activity(snap: &mut Snapshot, env: &str, d: &EnvironmentData) {
    if let Some((from, to, events)) = &d.activity {
        let source = format!("purview flow audit {env} window {from}..{to}");
        snap.usage.push(Usage {
            provider: Provider::PowerAutomate,
            principal: format!("environment:{env}"),
            service: "flow".into(),
            action: None,
            last_used: None,
            as_of: to.clone(),
            source: source.clone(),
        });
        let mut latest: BTreeMap<(String, String), String> = BTreeMap::new();
        for (user, op, at) in events {
            let slot = latest
                .entry((user.to_ascii_lowercase(), op.clone()))
                .or_default();
            if at > slot {
                *slot = at.clone();
            }
        }
        for ((user, op), at) in latest {
            snap.usage.push(Usage {
                provider: Provider::PowerAutomate,
                principal: user,
                service: "flow".into(),
                action: Some(op),
                last_used: Some(at),
                as_of: to.clone(),
                source: source.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::connection_target;
    use serde_json::json;

    #[test]
    fn a_desktop_flow_connection_names_its_machine_group_and_nothing_secret() {
        // As the Power Apps API takes it (and the admin listing returns it): the parameter set.
        let set = json!({"name": "shared-uiflow-1", "properties": {"apiId": "/providers/Microsoft.PowerApps/apis/shared_uiflow",
            "connectionParametersSet": {"name": "azureRelay", "values": {
                "username": {"value": "CONTOSO\\\\rpa"}, "targetId": {"value": "0c1f5c2e-group"}}}}});
        assert_eq!(connection_target(&set).as_deref(), Some("0c1f5c2e-group"));
        // The flat shape of older connections.
        let flat = json!({"properties": {"connectionParameters": {"targetId": "m-1"}}});
        assert_eq!(connection_target(&flat).as_deref(), Some("m-1"));
        // Other connections have none.
        let mail = json!({"properties": {"apiId": "/providers/Microsoft.PowerApps/apis/shared_office365"}});
        assert_eq!(connection_target(&mail), None);
    }
}
