//! IAM: the authorization details, the SCPs on the account's path, and the last-accessed reports.

use super::*;

impl Session {
    pub(super) async fn iam(
        &self,
        coverage: &mut Vec<Coverage>,
    ) -> Option<wire::AuthorizationDetails> {
        let client = self.iam_client();
        let mut pages = client
            .get_account_authorization_details()
            // The largest page IAM allows: ten times fewer sequential calls than the default.
            .max_items(1000)
            .into_paginator()
            .send();
        let mut all = wire::AuthorizationDetails::default();
        let mut count = 0usize;
        let mut tokens = page_tokens();
        while let Some(page) = pages.next().await {
            let read = page.map_err(|e| classify(&e)).and_then(|p| {
                count += 1;
                all.extend(convert::auth_details(&p));
                tokens.next(p.is_truncated().then(|| p.marker()).flatten())
            });
            if let Err(e) = read {
                // What was read is dropped: rules judged on part of IAM would pass what they cannot see.
                let status = match e.status {
                    CoverageStatus::Partial => CoverageStatus::Failed,
                    s => s,
                };
                coverage.push(self.coverage(
                    None,
                    "iam:GetAccountAuthorizationDetails",
                    status,
                    format!("{} (after {count} pages); IAM data is missing", e.message),
                ));
                return None;
            }
        }
        coverage.push(self.coverage(
            None,
            "iam:GetAccountAuthorizationDetails",
            CoverageStatus::Complete,
            format!(
                "{} roles, {} users, {} groups, {} managed policies in {count} pages",
                all.role_detail_list.len(),
                all.user_detail_list.len(),
                all.group_detail_list.len(),
                all.policies.len()
            ),
        ));
        Some(all)
    }

    pub(super) async fn scps(&self, coverage: &mut Vec<Coverage>) -> Option<wire::ScpChain> {
        // Outside an organization scan the caches are this call's own: each answer is still read once.
        let shared = self
            .org
            .clone()
            .unwrap_or_else(|| std::sync::Arc::new(OrgReads::new(self.config.clone())));
        let client = aws_sdk_organizations::Client::new(&shared.config);
        let described = shared
            .organization
            .get_or_try_init(|| async {
                match client.describe_organization().send().await {
                    Ok(o) => Ok(o.organization().map(|o| {
                        (
                            o.id().map(str::to_string),
                            o.master_account_id().map(str::to_string),
                        )
                    })),
                    Err(e) => {
                        let e = classify(&e);
                        if e.code.as_deref() == Some("AWSOrganizationsNotInUseException") {
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                }
            })
            .await;
        let (org_id, master) = match described {
            Ok(Some(o)) => o.clone(),
            Ok(None) => {
                coverage.push(self.coverage(
                    None,
                    "organizations:DescribeOrganization",
                    CoverageStatus::Complete,
                    "the account is not in an organization: no SCPs apply".into(),
                ));
                return Some(wire::ScpChain::default());
            }
            Err(e) => {
                coverage.push(self.coverage(
                    None,
                    "organizations:DescribeOrganization",
                    e.status,
                    format!("{}; SCPs unknown", e.message),
                ));
                return None;
            }
        };
        if master.as_deref() == Some(self.account_id.as_str()) {
            coverage.push(self.coverage(
                None,
                "organizations:DescribeOrganization",
                CoverageStatus::Complete,
                "the management account: SCPs do not apply to it".into(),
            ));
            return Some(wire::ScpChain {
                organization_id: org_id,
                levels: Vec::new(),
            });
        }
        let path = self.path_to_root(&shared, &client, coverage).await?;
        let (levels, distinct) = self.levels(&shared, &client, path, coverage).await?;
        coverage.push(self.coverage(
            None,
            "organizations:ListPoliciesForTarget",
            CoverageStatus::Complete,
            format!("{} levels, {distinct} distinct SCPs", levels.len()),
        ));
        Some(wire::ScpChain {
            organization_id: org_id,
            levels,
        })
    }

    /// The account's path in the organization, from the root down to the account.
    async fn path_to_root(
        &self,
        shared: &OrgReads,
        client: &aws_sdk_organizations::Client,
        coverage: &mut Vec<Coverage>,
    ) -> Option<Vec<String>> {
        // Walk from the account up to the root.
        let mut path = vec![self.account_id.clone()];
        let mut current = self.account_id.clone();
        for _ in 0..10 {
            let parent = shared::cell(&shared.parents, &current)
                .get_or_try_init(|| async {
                    let p = client
                        .list_parents()
                        .child_id(&current)
                        .send()
                        .await
                        .map_err(|e| classify(&e))?;
                    Ok::<_, CallError>(p.parents().first().map(|parent| {
                        (
                            parent.id().unwrap_or_default().to_string(),
                            matches!(
                                parent.r#type(),
                                Some(aws_sdk_organizations::types::ParentType::Root)
                            ),
                        )
                    }))
                })
                .await
                .cloned();
            match parent {
                Ok(Some((id, is_root))) => {
                    path.push(id.clone());
                    current = id;
                    if is_root {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    coverage.push(self.coverage(
                        None,
                        "organizations:ListParents",
                        e.status,
                        format!("{}; SCPs unknown", e.message),
                    ));
                    return None;
                }
            }
        }
        path.reverse();
        Some(path)
    }

    /// The SCPs attached at each level of `path`, and how many distinct ones there are.
    async fn levels(
        &self,
        shared: &OrgReads,
        client: &aws_sdk_organizations::Client,
        path: Vec<String>,
        coverage: &mut Vec<Coverage>,
    ) -> Option<(Vec<wire::ScpLevel>, usize)> {
        let mut levels = Vec::new();
        let mut distinct = std::collections::BTreeSet::new();
        for target in path {
            let listed = shared::cell(&shared.targets, &target)
                .get_or_try_init(|| async {
                    let mut ids = Vec::new();
                    let mut pages = client
                        .list_policies_for_target()
                        .target_id(&target)
                        .filter(aws_sdk_organizations::types::PolicyType::ServiceControlPolicy)
                        .into_paginator()
                        .send();
                    let mut tokens = page_tokens();
                    while let Some(page) = pages.next().await {
                        let p = page.map_err(|e| classify(&e))?;
                        ids.extend(
                            p.policies()
                                .iter()
                                .filter_map(|s| s.id().map(str::to_string)),
                        );
                        tokens.next(p.next_token())?;
                    }
                    Ok::<_, CallError>(ids)
                })
                .await
                .cloned();
            let ids = match listed {
                Ok(ids) => ids,
                Err(e) => {
                    coverage.push(self.coverage(
                        None,
                        "organizations:ListPoliciesForTarget",
                        e.status,
                        format!("{} for `{target}`; SCPs unknown", e.message),
                    ));
                    return None;
                }
            };
            let mut policies = Vec::new();
            for id in ids {
                let document = shared::cell(&shared.documents, &id)
                    .get_or_try_init(|| async {
                        let d = client
                            .describe_policy()
                            .policy_id(&id)
                            .send()
                            .await
                            .map_err(|e| classify(&e))?;
                        Ok::<_, CallError>(d.policy().map(|p| {
                            let summary = p.policy_summary();
                            wire::OrgPolicy {
                                policy_summary: wire::OrgPolicySummary {
                                    id: id.clone(),
                                    arn: summary.and_then(|s| s.arn()).map(str::to_string),
                                    name: summary
                                        .and_then(|s| s.name())
                                        .unwrap_or_default()
                                        .to_string(),
                                },
                                content: p.content().unwrap_or_default().to_string(),
                            }
                        }))
                    })
                    .await
                    .cloned();
                match document {
                    Ok(Some(policy)) => {
                        distinct.insert(id);
                        policies.push(policy);
                    }
                    Ok(None) => {}
                    Err(e) => {
                        coverage.push(self.coverage(
                            None,
                            "organizations:DescribePolicy",
                            e.status,
                            format!("{} for `{id}`; SCPs unknown", e.message),
                        ));
                        return None;
                    }
                }
            }
            levels.push(wire::ScpLevel {
                target_id: target,
                policies,
            });
        }
        Some((levels, distinct.len()))
    }

    /// Generates and reads IAM last-accessed reports (action level) for `principals`, bounded and polled.
    pub async fn last_accessed(
        &self,
        principals: &[String],
        progress: &dyn Progress,
    ) -> (Vec<(String, wire::ServiceLastAccessed)>, Vec<Coverage>) {
        let client = self.iam_client();
        progress.phase(
            "aws: IAM last-accessed reports",
            Some(principals.len() as u64),
        );
        let client_ref = &client;
        let breaker = self.breaker("iam:GenerateServiceLastAccessedDetails");
        let breaker = &breaker;
        let results: Vec<(String, Result<wire::ServiceLastAccessed, CallError>)> =
            stream::iter(principals.iter().cloned())
                .map(|arn| async move {
                    let r = guarded(breaker, self.one_last_accessed(client_ref, &arn)).await;
                    progress.advance(1);
                    (arn, r)
                })
                .buffer_unordered(self.opts.concurrency.clamp(1, 8))
                .collect()
                .await;
        let mut ok = Vec::new();
        let mut errors = Vec::new();
        for (arn, r) in results {
            match r {
                Ok(report) => ok.push((arn, report)),
                Err(e) => errors.push((arn, e)),
            }
        }
        let cov = vec![per_call_coverage_named(
            self,
            "",
            "iam:GetServiceLastAccessedDetails",
            "principals",
            principals.len(),
            &errors,
        )];
        ok.sort_by(|a, b| a.0.cmp(&b.0));
        (ok, cov)
    }

    pub(super) async fn one_last_accessed(
        &self,
        client: &aws_sdk_iam::Client,
        arn: &str,
    ) -> Result<wire::ServiceLastAccessed, CallError> {
        let job = client
            .generate_service_last_accessed_details()
            .arn(arn)
            .granularity(aws_sdk_iam::types::AccessAdvisorUsageGranularityType::ActionLevel)
            .send()
            .await
            .map_err(|e| classify(&e))?;
        let job_id = job.job_id().unwrap_or_default().to_string();
        let started = tokio::time::Instant::now();
        let mut delay = Duration::from_millis(200);
        loop {
            let mut report = wire::ServiceLastAccessed::default();
            let mut marker: Option<String> = None;
            let mut tokens = page_tokens();
            let mut status;
            loop {
                let page = client
                    .get_service_last_accessed_details()
                    .job_id(&job_id)
                    .set_marker(marker.clone())
                    .send()
                    .await
                    .map_err(|e| classify(&e))?;
                status = page.job_status().as_str().to_string();
                if status != "COMPLETED" {
                    break;
                }
                report.job_completion_date = convert::time(page.job_completion_date());
                report.services_last_accessed.extend(
                    page.services_last_accessed()
                        .iter()
                        .map(convert::service_access),
                );
                marker = tokens.next(page.is_truncated().then(|| page.marker()).flatten())?;
                if marker.is_none() {
                    break;
                }
            }
            match status.as_str() {
                "COMPLETED" => {
                    report.job_status = Some(status);
                    return Ok(report);
                }
                "FAILED" => {
                    return Err(CallError {
                        status: CoverageStatus::Failed,
                        code: None,
                        message: format!("the last-accessed job for `{arn}` failed"),
                    });
                }
                _ => {}
            }
            if started.elapsed() > self.opts.last_accessed_timeout {
                return Err(CallError {
                    status: CoverageStatus::Failed,
                    code: None,
                    message: format!(
                        "the last-accessed job for `{arn}` did not complete within {}s",
                        self.opts.last_accessed_timeout.as_secs()
                    ),
                });
            }
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(5));
        }
    }
}
