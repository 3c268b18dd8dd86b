//! One authenticated HTTP client for Microsoft's APIs (ARM, Graph, Power Platform): azure_identity
//! credentials whose token flow goes through the scanner's own reqwest client (one TLS configuration,
//! extra roots included), the shared retry discipline, and `nextLink` paging that is followed only
//! within the endpoint it started from, so a token is never sent to another host.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use azure_core::credentials::TokenCredential;
use fnscope_snapshot::CoverageStatus;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::wire;
use crate::CollectError;
use crate::rest::CallError;

/// Which credential to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialKind {
    /// A client secret when `AZURE_CLIENT_ID`, `AZURE_TENANT_ID` and `AZURE_CLIENT_SECRET` are set,
    /// else the Azure CLI's login. Never probes the instance metadata service.
    Auto,
    Secret,
    /// A certificate (PEM with an RSA private key and the certificate) from
    /// `AZURE_CLIENT_CERTIFICATE_PATH`, signed into a client assertion.
    Certificate,
    Cli,
    ManagedIdentity,
}

impl CredentialKind {
    pub fn parse(s: &str) -> Option<CredentialKind> {
        Some(match s {
            "auto" => CredentialKind::Auto,
            "secret" => CredentialKind::Secret,
            "certificate" => CredentialKind::Certificate,
            "cli" => CredentialKind::Cli,
            "managed-identity" => CredentialKind::ManagedIdentity,
            _ => return None,
        })
    }
}

/// azure_core's transport over the scanner's own reqwest client (one TLS configuration for the token
/// flow and the API calls, extra roots included).
#[derive(Debug)]
struct Transport(reqwest::Client);

#[async_trait::async_trait]
impl azure_core::http::HttpClient for Transport {
    async fn execute_request(
        &self,
        request: &azure_core::http::Request,
    ) -> azure_core::Result<azure_core::http::AsyncRawResponse> {
        use azure_core::error::{Error, ErrorKind};
        let method = reqwest::Method::from_bytes(request.method().as_str().as_bytes())
            .map_err(|e| Error::with_message(ErrorKind::Other, format!("method: {e}")))?;
        let mut req = self.0.request(method, request.url().as_str());
        for (name, value) in request.headers().iter() {
            req = req.header(name.as_str(), value.as_str());
        }
        let body = match request.body() {
            azure_core::http::Body::Bytes(b) => b.clone(),
            #[allow(unreachable_patterns)]
            _ => {
                return Err(Error::with_message(
                    ErrorKind::Other,
                    "streamed request bodies are not used by fnscope",
                ));
            }
        };
        let rsp = req.body(body).send().await.map_err(|e| {
            Error::with_message(ErrorKind::Io, format!("token request failed: {e}"))
        })?;
        let status = rsp.status().as_u16();
        let mut headers = std::collections::HashMap::new();
        for (k, v) in rsp.headers() {
            if let Ok(v) = v.to_str() {
                headers.insert(
                    azure_core::http::headers::HeaderName::from(k.as_str().to_owned()),
                    azure_core::http::headers::HeaderValue::from(v.to_owned()),
                );
            }
        }
        let bytes = crate::rest::read_capped(rsp, crate::MAX_ANSWER_BYTES)
            .await
            .map_err(|e| {
                let why = match e {
                    crate::rest::BodyError::TooLarge => {
                        format!("larger than {} MiB", crate::MAX_ANSWER_BYTES >> 20)
                    }
                    crate::rest::BodyError::Transfer(e) => crate::rest::without_url(&e),
                };
                Error::with_message(ErrorKind::Io, format!("token response: {why}"))
            })?;
        Ok(azure_core::http::AsyncRawResponse::from_bytes(
            status.into(),
            azure_core::http::headers::Headers::from(headers),
            bytes,
        ))
    }
}

/// An authenticated client.
pub struct Client {
    http: reqwest::Client,
    credential: Arc<dyn TokenCredential>,
    max_attempts: u32,
}

pub(crate) fn setup(message: impl Into<String>) -> CollectError {
    CollectError::Setup {
        provider: "azure",
        message: message.into(),
    }
}

/// An azure_identity error without anything that could be a secret (its text names the failing
/// credential and Entra's error code).
pub(crate) fn auth_error(e: &azure_core::Error) -> String {
    e.to_string().lines().take(3).collect::<Vec<_>>().join(" ")
}

impl Client {
    /// Builds the credential (`authority_host` for the token flows) and the HTTP client.
    pub fn new(
        authority_host: &str,
        kind: CredentialKind,
        ca_bundle: Option<&Path>,
        call_timeout: Duration,
        max_attempts: u32,
    ) -> Result<Client, CollectError> {
        let mut builder = reqwest::Client::builder()
            .timeout(call_timeout)
            .connect_timeout(Duration::from_secs(10));
        if let Some(path) = ca_bundle {
            let pem = std::fs::read(path).map_err(|source| CollectError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            let certs =
                reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| CollectError::Invalid {
                    path: path.to_path_buf(),
                    message: format!("not a PEM certificate bundle: {e}"),
                })?;
            for c in certs {
                builder = builder.add_root_certificate(c);
            }
        }
        let http = builder
            .build()
            .map_err(|e| setup(format!("cannot build the HTTP client: {e}")))?;
        let mut client_options = azure_core::http::ClientOptions {
            transport: Some(azure_core::http::Transport::new(Arc::new(Transport(
                http.clone(),
            )))),
            ..Default::default()
        };
        let mut custom = azure_core::cloud::CustomConfiguration::default();
        custom.authority_host = authority_host.to_string();
        client_options.cloud = Some(Arc::new(custom.into()));
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let secret_vars = (
            env("AZURE_TENANT_ID"),
            env("AZURE_CLIENT_ID"),
            env("AZURE_CLIENT_SECRET"),
        );
        let kind = match kind {
            CredentialKind::Auto if secret_vars.2.is_some() => CredentialKind::Secret,
            CredentialKind::Auto if env("AZURE_CLIENT_CERTIFICATE_PATH").is_some() => {
                CredentialKind::Certificate
            }
            CredentialKind::Auto => CredentialKind::Cli,
            k => k,
        };
        let credential: Arc<dyn TokenCredential> = match kind {
            CredentialKind::Secret => {
                let (Some(tenant), Some(client), Some(secret)) = secret_vars else {
                    return Err(setup(
                        "a client-secret credential needs AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET",
                    ));
                };
                azure_identity::ClientSecretCredential::new(
                    &tenant,
                    client,
                    secret.into(),
                    Some(azure_identity::ClientSecretCredentialOptions { client_options }),
                )
                .map_err(|e| setup(format!("client-secret credential: {}", auth_error(&e))))?
            }
            CredentialKind::Certificate => {
                let (Some(tenant), Some(client), Some(path)) = (
                    secret_vars.0,
                    secret_vars.1,
                    env("AZURE_CLIENT_CERTIFICATE_PATH"),
                ) else {
                    return Err(setup(
                        "a certificate credential needs AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_CERTIFICATE_PATH",
                    ));
                };
                let assertion = CertificateAssertion::load(
                    Path::new(&path),
                    &client,
                    &format!(
                        "{}/{tenant}/oauth2/v2.0/token",
                        authority_host.trim_end_matches('/')
                    ),
                )?;
                azure_identity::ClientAssertionCredential::new(
                    tenant,
                    client,
                    assertion,
                    Some(azure_identity::ClientAssertionCredentialOptions { client_options }),
                )
                .map_err(|e| setup(format!("certificate credential: {}", auth_error(&e))))?
            }
            CredentialKind::ManagedIdentity => azure_identity::ManagedIdentityCredential::new(
                Some(azure_identity::ManagedIdentityCredentialOptions {
                    client_options,
                    ..Default::default()
                }),
            )
            .map_err(|e| setup(format!("managed identity: {}", auth_error(&e))))?,
            _ => azure_identity::AzureCliCredential::new(None)
                .map_err(|e| setup(format!("Azure CLI credential: {}", auth_error(&e))))?,
        };
        Ok(Client {
            http,
            credential,
            max_attempts,
        })
    }

    pub async fn token(&self, scope: &str) -> Result<String, CallError> {
        self.credential
            .get_token(&[scope], None)
            .await
            .map(|t| t.token.secret().to_string())
            .map_err(|e| CallError::new(CoverageStatus::Denied, auth_error(&e)))
    }

    pub async fn get<T: DeserializeOwned>(&self, url: &str, scope: &str) -> Result<T, CallError> {
        crate::rest::call(self.max_attempts, || async move {
            let token = self.token(scope).await?;
            Ok(self.http.get(url).bearer_auth(token))
        })
        .await
    }

    /// A read that is a POST with a JSON body (a Resource Graph query): the answer as JSON.
    pub async fn post_json(
        &self,
        url: &str,
        scope: &str,
        body: &Value,
    ) -> Result<Value, CallError> {
        let body = body.to_string();
        crate::rest::call(self.max_attempts, || {
            let body = body.clone();
            async move {
                let token = self.token(scope).await?;
                Ok(self
                    .http
                    .post(url)
                    .bearer_auth(token)
                    .header("content-type", "application/json")
                    .body(body))
            }
        })
        .await
    }

    /// Every item of a paged list (`value` + `nextLink` / `@odata.nextLink`), flattened and typed.
    pub async fn list<T: DeserializeOwned>(
        &self,
        url: &str,
        scope: &str,
        base: &str,
    ) -> Result<Vec<T>, CallError> {
        self.pages(url, scope, base, true).await
    }

    /// Every item of a paged list as it came (`properties` kept nested).
    pub async fn list_raw(
        &self,
        url: &str,
        scope: &str,
        base: &str,
    ) -> Result<Vec<Value>, CallError> {
        self.pages(url, scope, base, false).await
    }

    async fn pages<T: DeserializeOwned>(
        &self,
        url: &str,
        scope: &str,
        base: &str,
        flatten: bool,
    ) -> Result<Vec<T>, CallError> {
        let mut out = Vec::new();
        let mut next = Some(url.to_string());
        let mut guard =
            crate::kit::Pages::new("next link", CoverageStatus::Failed).starting_at(url);
        while let Some(u) = next.take() {
            let page: Value = self.get(&u, scope).await?;
            for (i, item) in page
                .get("value")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                let item = if flatten {
                    wire::flatten(item.clone())
                } else {
                    item.clone()
                };
                let t = serde_path_to_error::deserialize(item).map_err(|e| {
                    CallError::new(
                        CoverageStatus::Failed,
                        format!(
                            "malformed response at `value[{i}].{}`: {}",
                            e.path(),
                            crate::secrets::without_values(&e.inner().to_string())
                        ),
                    )
                })?;
                out.push(t);
            }
            let link = guard.next(
                page.get("nextLink")
                    .or_else(|| page.get("@odata.nextLink"))
                    .and_then(Value::as_str),
            )?;
            if let Some(l) = link {
                if !same_origin(base, &l) {
                    return Err(CallError::new(
                        CoverageStatus::Failed,
                        format!(
                            "a next link points outside {base}; not followed (the token is never sent elsewhere)"
                        ),
                    ));
                }
                next = Some(l);
            }
        }
        Ok(out)
    }
}

/// True when `link` is on the same scheme, host and port as `base`, compared as parsed URLs: a
/// string prefix would let `https://management.azure.com.evil.example/` through.
pub(crate) fn same_origin(base: &str, link: &str) -> bool {
    match (url::Url::parse(base), url::Url::parse(link)) {
        (Ok(b), Ok(l)) => b.origin() == l.origin() && b.origin().is_tuple(),
        _ => false,
    }
}

/// A client assertion signed with a certificate's RSA key (RS256, `x5t` = the certificate's SHA-1
/// thumbprint), as Entra expects from a certificate credential. The key never leaves this struct.
struct CertificateAssertion {
    key: ring::signature::RsaKeyPair,
    thumbprint: String,
    client_id: String,
    audience: String,
}

impl std::fmt::Debug for CertificateAssertion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CertificateAssertion")
            .field("thumbprint", &self.thumbprint)
            .finish_non_exhaustive()
    }
}

impl CertificateAssertion {
    fn load(
        path: &Path,
        client_id: &str,
        audience: &str,
    ) -> Result<CertificateAssertion, CollectError> {
        let text = std::fs::read_to_string(path).map_err(|source| CollectError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let invalid = |m: &str| CollectError::Invalid {
            path: path.to_path_buf(),
            message: m.to_string(),
        };
        let blocks = crate::jwt::pem_blocks(&text);
        let key = crate::jwt::rsa_key(&text)
            .ok_or_else(|| invalid("no RSA private key (PEM `PRIVATE KEY` or `RSA PRIVATE KEY`) in the certificate file"))?;
        let cert = blocks
            .iter()
            .find(|(label, _)| label == "CERTIFICATE")
            .ok_or_else(|| invalid("no `CERTIFICATE` block in the certificate file"))?;
        let digest = ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, &cert.1);
        Ok(CertificateAssertion {
            key,
            thumbprint: crate::jwt::b64(digest.as_ref()),
            client_id: client_id.to_string(),
            audience: audience.to_string(),
        })
    }
}

#[async_trait::async_trait]
impl azure_identity::ClientAssertion for CertificateAssertion {
    async fn secret(
        &self,
        _: Option<azure_core::http::ClientMethodOptions<'_>>,
    ) -> azure_core::Result<String> {
        let now = crate::jwt::now();
        let header = serde_json::json!({"alg": "RS256", "typ": "JWT", "x5t": self.thumbprint});
        let claims = serde_json::json!({
            "aud": self.audience, "iss": self.client_id, "sub": self.client_id,
            "jti": format!("{:032x}", rand::random::<u128>()), "nbf": now, "exp": now + 600,
        });
        crate::jwt::sign(&self.key, &header, &claims).ok_or_else(|| {
            azure_core::Error::with_message(
                azure_core::error::ErrorKind::Credential,
                "signing the client assertion failed",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::same_origin;

    #[test]
    fn next_links_stay_on_the_same_origin() {
        let base = "https://management.azure.com";
        assert!(same_origin(
            base,
            "https://management.azure.com/subscriptions?$skiptoken=x"
        ));
        for bad in [
            "https://management.azure.com.evil.example/subscriptions",
            "https://management.azure.com@evil.example/",
            "http://management.azure.com/subscriptions",
            "https://management.azure.com:8443/x",
            "not a url",
        ] {
            assert!(!same_origin(base, bad), "{bad}");
        }
    }
}
