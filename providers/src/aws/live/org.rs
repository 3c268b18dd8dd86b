//! Organizations: the accounts of an organization, and the sessions assumed into them.

use super::*;

impl Session {
    /// Every active account of the organization (management or delegated-administrator credentials),
    /// sorted by id; a coverage record either way.
    pub async fn organization_accounts(&self) -> (Vec<OrgAccount>, Coverage) {
        let client = aws_sdk_organizations::Client::new(&self.config);
        let mut pages = client.list_accounts().into_paginator().send();
        let mut tokens = page_tokens();
        let mut out = Vec::new();
        let mut inactive = 0usize;
        while let Some(page) = pages.next().await {
            let read = page.map_err(|e| classify(&e)).and_then(|p| {
                for a in p.accounts() {
                    #[allow(deprecated)]
                    let active = matches!(
                        a.status(),
                        Some(aws_sdk_organizations::types::AccountStatus::Active) | None
                    );
                    match (a.id(), active) {
                        (Some(id), true) => out.push(OrgAccount {
                            id: id.to_string(),
                            name: a.name().unwrap_or_default().to_string(),
                        }),
                        _ => inactive += 1,
                    }
                }
                tokens.next(p.next_token())
            });
            if let Err(e) = read {
                let n = out.len();
                return (
                    out,
                    self.coverage(
                        None,
                        "organizations:ListAccounts",
                        e.status,
                        format!(
                            "{} (after {n} accounts); the organization's other accounts are not scanned (run from the management or a delegated-administrator account)",
                            e.message
                        ),
                    ),
                );
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        let detail = format!(
            "{} active accounts ({inactive} suspended or closed, not scanned)",
            out.len()
        );
        (
            out,
            self.coverage(
                None,
                "organizations:ListAccounts",
                CoverageStatus::Complete,
                detail,
            ),
        )
    }

    /// This session's Organizations reads, to be shared with the member sessions made from it (and
    /// used by this session too from now on).
    pub fn org_reads(&mut self) -> std::sync::Arc<OrgReads> {
        let config = self.config.clone();
        self.org
            .get_or_insert_with(|| std::sync::Arc::new(OrgReads::new(config)))
            .clone()
    }

    /// A session in a member account: `role` (a name, with its path if it has one) assumed there with
    /// this session's credentials, checked with `sts:GetCallerIdentity`. Regions are not sharded within
    /// the member (an organization scan shards by account).
    pub async fn assume(
        &self,
        account_id: &str,
        role: &str,
        org: std::sync::Arc<OrgReads>,
    ) -> Result<Session, CallError> {
        let role = role.trim_matches('/');
        let role_arn = format!("arn:{}:iam::{account_id}:role/{role}", self.partition);
        let provider = aws_config::sts::AssumeRoleProvider::builder(role_arn.clone())
            .session_name("fnscope")
            .configure(&self.config)
            .build()
            .await;
        let config = self
            .config
            .to_builder()
            .credentials_provider(aws_types::sdk_config::SharedCredentialsProvider::new(
                provider,
            ))
            .build();
        let who = aws_sdk_sts::Client::new(&config)
            .get_caller_identity()
            .send()
            .await
            .map_err(|e| {
                let mut e = classify(&e);
                e.message = format!("cannot assume `{role_arn}`: {}", e.message);
                e
            })?;
        if who.account() != Some(account_id) {
            return Err(CallError {
                status: CoverageStatus::Failed,
                code: None,
                message: format!(
                    "assumed `{role_arn}` but sts:GetCallerIdentity names account {}",
                    who.account().unwrap_or("(none)")
                ),
            });
        }
        Ok(Session {
            config,
            opts: LiveOptions {
                shard: None,
                ..self.opts.clone()
            },
            account_id: account_id.to_string(),
            partition: self.partition.clone(),
            limits: Mutex::new(HashMap::new()),
            org: Some(org),
        })
    }
}
