//! EventBridge: the rules of every bus and their targets.

use super::*;

impl Session {
    pub(super) async fn rules(
        &self,
        events: &aws_sdk_eventbridge::Client,
        gate: &Gate,
        region: &str,
        cov: &mut Vec<Coverage>,
    ) -> Vec<(wire::Rule, Option<Vec<wire::RuleTarget>>)> {
        // Buses (EventBridge has no SDK paginators: loop on NextToken).
        let mut buses = Vec::new();
        let mut token: Option<String> = None;
        let mut tokens = page_tokens();
        loop {
            let read = events
                .list_event_buses()
                .limit(100)
                .set_next_token(token.clone())
                .send()
                .await
                .map_err(|e| classify(&e))
                .and_then(|p| {
                    buses.extend(
                        p.event_buses()
                            .iter()
                            .filter_map(|b| b.name().map(str::to_string)),
                    );
                    tokens.next(p.next_token())
                });
            match read {
                Ok(Some(next)) => token = Some(next),
                Ok(None) => break,
                Err(e) => {
                    cov.push(self.coverage(
                        Some(region),
                        "events:ListEventBuses",
                        e.status,
                        format!("{}; only the default bus was read", e.message),
                    ));
                    buses = vec!["default".to_string()];
                    break;
                }
            }
        }
        if buses.is_empty() {
            buses.push("default".into());
        }
        let mut rules = Vec::new();
        let mut rule_errors = Vec::new();
        for bus in &buses {
            let mut token: Option<String> = None;
            let mut tokens = page_tokens();
            loop {
                let read = events
                    .list_rules()
                    .event_bus_name(bus)
                    .limit(100)
                    .set_next_token(token.clone())
                    .send()
                    .await
                    .map_err(|e| classify(&e))
                    .and_then(|p| {
                        rules.extend(p.rules().iter().map(|r| convert::rule(r, bus)));
                        tokens.next(p.next_token())
                    });
                match read {
                    Ok(Some(next)) => token = Some(next),
                    Ok(None) => break,
                    Err(e) => {
                        rule_errors.push((bus.clone(), e));
                        break;
                    }
                }
            }
        }
        cov.push(per_call_coverage_named(
            self,
            region,
            "events:ListRules",
            "event buses",
            buses.len(),
            &rule_errors,
        ));
        let targets_breaker = self.breaker("events:ListTargetsByRule");
        let targets_breaker = &targets_breaker;
        let results: Vec<(wire::Rule, Result<Vec<wire::RuleTarget>, CallError>)> =
            stream::iter(rules)
                .map(|rule| async move {
                    if let Some(e) = targets_breaker.refuse() {
                        return (rule, Err(e));
                    }
                    let mut targets = Vec::new();
                    let mut token: Option<String> = None;
                    let mut tokens = page_tokens();
                    loop {
                        let _place = gate.enter().await;
                        let read = events
                            .list_targets_by_rule()
                            .rule(&rule.name)
                            .event_bus_name(rule.event_bus_name.as_deref().unwrap_or("default"))
                            .limit(100)
                            .set_next_token(token.clone())
                            .send()
                            .await
                            .map_err(|e| classify(&e))
                            .and_then(|p| {
                                targets.extend(p.targets().iter().map(|t| wire::RuleTarget {
                                    id: t.id().to_string(),
                                    arn: t.arn().to_string(),
                                    role_arn: t.role_arn().map(str::to_string),
                                }));
                                tokens.next(p.next_token())
                            });
                        match read {
                            Ok(Some(next)) => token = Some(next),
                            Ok(None) => break,
                            Err(e) => {
                                trip(targets_breaker, &e);
                                return (rule, Err(e));
                            }
                        }
                    }
                    targets_breaker.success();
                    (rule, Ok(targets))
                })
                .buffer_unordered(self.opts.concurrency.max(1))
                .collect()
                .await;
        let n = results.len();
        let mut out = Vec::new();
        let mut target_errors = Vec::new();
        for (rule, targets) in results {
            match targets {
                Ok(t) => out.push((rule, Some(t))),
                Err(e) => {
                    target_errors.push((rule.arn.clone(), e));
                    out.push((rule, None));
                }
            }
        }
        cov.push(per_call_coverage_named(
            self,
            region,
            "events:ListTargetsByRule",
            "rules",
            n,
            &target_errors,
        ));
        out.sort_by(|a, b| a.0.arn.cmp(&b.0.arn));
        out
    }
}
