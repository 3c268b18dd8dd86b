//! Lambda, one region at a time: functions and what each exposes, event source mappings, code signing.

use super::*;

impl Session {
    pub(super) async fn region(&self, region: &str) -> (RegionData, Vec<Coverage>) {
        let config = self.regional(region);
        // One adaptive gate per service here: the fan-out below waits on it, the client's answers move it.
        let lambda_gate = Gate::new(self.opts.concurrency);
        let events_gate = Gate::new(self.opts.concurrency);
        let lambda = aws_sdk_lambda::Client::from_conf(
            aws_sdk_lambda::config::Builder::from(&config)
                .retry_classifier(crate::aws::errors::MalformedAnswer)
                .retry_partition(self.limits("lambda", region))
                .interceptor(Observe(lambda_gate.clone()))
                .build(),
        );
        let events = aws_sdk_eventbridge::Client::from_conf(
            aws_sdk_eventbridge::config::Builder::from(&config)
                .retry_classifier(crate::aws::errors::MalformedAnswer)
                .retry_partition(self.limits("events", region))
                .interceptor(Observe(events_gate.clone()))
                .build(),
        );
        let mut cov = Vec::new();
        let mut data = RegionData {
            region: region.to_string(),
            ..RegionData::default()
        };

        // Functions.
        let mut pages = lambda
            .list_functions()
            .max_items(50)
            .into_paginator()
            .send();
        let mut listed = true;
        let mut tokens = page_tokens();
        while let Some(page) = pages.next().await {
            let read = page.map_err(|e| classify(&e)).and_then(|p| {
                data.functions
                    .extend(p.functions().iter().filter_map(convert::function));
                tokens.next(p.next_marker())
            });
            if let Err(e) = read {
                cov.push(self.coverage(
                    Some(region),
                    "lambda:ListFunctions",
                    e.status,
                    format!("{} ({} functions read)", e.message, data.functions.len()),
                ));
                listed = false;
                break;
            }
        }
        if listed {
            cov.push(self.coverage(
                Some(region),
                "lambda:ListFunctions",
                CoverageStatus::Complete,
                format!("{} functions", data.functions.len()),
            ));
        }

        self.per_function(&lambda, lambda_gate.as_ref(), region, &mut data, &mut cov)
            .await;
        self.event_source_mappings(&lambda, region, &mut data, &mut cov)
            .await;
        // Code signing: the region's configs, then which functions use each (fewer calls than per function).
        data.code_signing = self.code_signing(&lambda, region, &mut cov).await;

        // EventBridge.
        data.rules = self.rules(&events, &events_gate, region, &mut cov).await;
        (data, cov)
    }

    /// Per function, bounded by the gate: its resource policy and its URL configuration.
    async fn per_function(
        &self,
        lambda: &aws_sdk_lambda::Client,
        gate: &Gate,
        region: &str,
        data: &mut RegionData,
        cov: &mut Vec<Coverage>,
    ) {
        // Per-function reads, bounded.
        let arns: Vec<(String, String)> = data
            .functions
            .iter()
            .map(|f| (f.function_arn.clone(), f.function_name.clone()))
            .collect();
        let lambda_ref = lambda;
        let policy_breaker = self.breaker("lambda:GetPolicy");
        let url_breaker = self.breaker("lambda:GetFunctionUrlConfig");
        let (policy_breaker, url_breaker) = (&policy_breaker, &url_breaker);
        let per_function: Vec<(
            String,
            Lookup<wire::GetPolicy>,
            Lookup<wire::FunctionUrlConfig>,
        )> = stream::iter(arns)
            .map(|(arn, _name)| async move {
                let arn_ref = &arn;
                let policy = guarded(policy_breaker, async move {
                    let _place = gate.enter().await;
                    match lambda_ref.get_policy().function_name(arn_ref).send().await {
                        Ok(p) => Ok(Some(wire::GetPolicy {
                            policy: p.policy().unwrap_or_default().to_string(),
                        })),
                        Err(e) => {
                            let e = classify(&e);
                            if e.is_not_found() { Ok(None) } else { Err(e) }
                        }
                    }
                })
                .await;
                let url = guarded(url_breaker, async move {
                    let _place = gate.enter().await;
                    match lambda_ref
                        .get_function_url_config()
                        .function_name(arn_ref)
                        .send()
                        .await
                    {
                        Ok(u) => Ok(Some(wire::FunctionUrlConfig {
                            function_url: u.function_url().to_string(),
                            auth_type: u.auth_type().as_str().to_string(),
                        })),
                        Err(e) => {
                            let e = classify(&e);
                            if e.is_not_found() { Ok(None) } else { Err(e) }
                        }
                    }
                })
                .await;
                (arn, policy, url)
            })
            .buffer_unordered(self.opts.concurrency.max(1))
            .collect()
            .await;
        let mut policy_errors = Vec::new();
        let mut url_errors = Vec::new();
        for (arn, policy, url) in per_function {
            data.policies.insert(
                arn.clone(),
                match policy {
                    Ok(Some(p)) => Fetched::Found(p),
                    Ok(None) => Fetched::Absent,
                    Err(e) => {
                        policy_errors.push((arn.clone(), e));
                        Fetched::NotRead
                    }
                },
            );
            data.urls.insert(
                arn.clone(),
                match url {
                    Ok(Some(u)) => Fetched::Found(u),
                    Ok(None) => Fetched::Absent,
                    Err(e) => {
                        url_errors.push((arn, e));
                        Fetched::NotRead
                    }
                },
            );
        }
        let n = data.functions.len();
        cov.push(per_call_coverage(
            self,
            region,
            "lambda:GetPolicy",
            n,
            &policy_errors,
        ));
        cov.push(per_call_coverage(
            self,
            region,
            "lambda:GetFunctionUrlConfig",
            n,
            &url_errors,
        ));
    }

    /// The region's event source mappings.
    async fn event_source_mappings(
        &self,
        lambda: &aws_sdk_lambda::Client,
        region: &str,
        data: &mut RegionData,
        cov: &mut Vec<Coverage>,
    ) {
        // Event source mappings, region-wide.
        let mut pages = lambda
            .list_event_source_mappings()
            .max_items(10_000)
            .into_paginator()
            .send();
        let mut ok = true;
        let mut tokens = page_tokens();
        while let Some(page) = pages.next().await {
            let read = page.map_err(|e| classify(&e)).and_then(|p| {
                data.event_source_mappings.extend(
                    p.event_source_mappings()
                        .iter()
                        .map(convert::event_source_mapping),
                );
                tokens.next(p.next_marker())
            });
            if let Err(e) = read {
                cov.push(self.coverage(
                    Some(region),
                    "lambda:ListEventSourceMappings",
                    e.status,
                    e.message,
                ));
                ok = false;
                break;
            }
        }
        if ok {
            cov.push(self.coverage(
                Some(region),
                "lambda:ListEventSourceMappings",
                CoverageStatus::Complete,
                format!("{} mappings", data.event_source_mappings.len()),
            ));
        }
    }

    pub(super) async fn code_signing(
        &self,
        lambda: &aws_sdk_lambda::Client,
        region: &str,
        cov: &mut Vec<Coverage>,
    ) -> Option<BTreeMap<String, wire::CodeSigningConfig>> {
        let mut configs = Vec::new();
        let mut pages = lambda
            .list_code_signing_configs()
            .max_items(10_000)
            .into_paginator()
            .send();
        let mut tokens = page_tokens();
        while let Some(page) = pages.next().await {
            let read =
                page.map_err(|e| classify(&e)).and_then(|p| {
                    configs.extend(p.code_signing_configs().iter().map(|c| {
                        wire::CodeSigningConfig {
                            code_signing_config_arn: c.code_signing_config_arn().to_string(),
                            code_signing_policies: c.code_signing_policies().map(|p| {
                                wire::CodeSigningPolicies {
                                    untrusted_artifact_on_deployment: p
                                        .untrusted_artifact_on_deployment()
                                        .map(|v| v.as_str().to_string()),
                                }
                            }),
                        }
                    }));
                    tokens.next(p.next_marker())
                });
            if let Err(e) = read {
                cov.push(self.coverage(
                    Some(region),
                    "lambda:ListCodeSigningConfigs",
                    e.status,
                    format!("{}; code-signing enforcement unknown", e.message),
                ));
                return None;
            }
        }
        cov.push(self.coverage(
            Some(region),
            "lambda:ListCodeSigningConfigs",
            CoverageStatus::Complete,
            format!("{} code-signing configs", configs.len()),
        ));
        let mut out = BTreeMap::new();
        for c in configs {
            let mut pages = lambda
                .list_functions_by_code_signing_config()
                .code_signing_config_arn(&c.code_signing_config_arn)
                .into_paginator()
                .send();
            let mut tokens = page_tokens();
            while let Some(page) = pages.next().await {
                let read = page.map_err(|e| classify(&e)).and_then(|p| {
                    for arn in p.function_arns() {
                        out.insert(arn.clone(), c.clone());
                    }
                    tokens.next(p.next_marker())
                });
                if let Err(e) = read {
                    cov.push(self.coverage(
                        Some(region),
                        "lambda:ListFunctionsByCodeSigningConfig",
                        e.status,
                        format!(
                            "{} for `{}`; code-signing enforcement unknown",
                            e.message, c.code_signing_config_arn
                        ),
                    ));
                    return None;
                }
            }
        }
        Some(out)
    }
}
