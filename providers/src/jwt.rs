//! RS256 JSON Web Tokens signed with a key from a PEM file: the client assertion of an Entra
//! certificate credential, and the JWT-bearer grant of a Google service account acting for a
//! Workspace user (domain-wide delegation). The key never leaves the [`RsaKeyPair`].

use base64::Engine;
use ring::signature::RsaKeyPair;

/// The blocks of a PEM text: (label, DER bytes).
pub fn pem_blocks(text: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start + 11..];
        let Some(label_end) = after.find("-----") else {
            break;
        };
        let label = after[..label_end].to_string();
        let body = &after[label_end + 5..];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = body.find(&end_marker) else {
            break;
        };
        let b64: String = body[..end].chars().filter(|c| !c.is_whitespace()).collect();
        if let Ok(der) = base64::engine::general_purpose::STANDARD.decode(b64) {
            out.push((label, der));
        }
        rest = &body[end + end_marker.len()..];
    }
    out
}

/// The first RSA private key of a PEM text (`PRIVATE KEY`, PKCS#8, or `RSA PRIVATE KEY`, PKCS#1).
pub fn rsa_key(text: &str) -> Option<RsaKeyPair> {
    pem_blocks(text)
        .iter()
        .find_map(|(label, der)| match label.as_str() {
            "PRIVATE KEY" => RsaKeyPair::from_pkcs8(der).ok(),
            "RSA PRIVATE KEY" => RsaKeyPair::from_der(der).ok(),
            _ => None,
        })
}

/// Base64url without padding, as JWTs encode.
pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// `header.claims.signature`, RS256; `None` when signing fails.
pub fn sign(
    key: &RsaKeyPair,
    header: &serde_json::Value,
    claims: &serde_json::Value,
) -> Option<String> {
    let signing = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let mut sig = vec![0u8; key.public().modulus_len()];
    key.sign(
        &ring::signature::RSA_PKCS1_SHA256,
        &ring::rand::SystemRandom::new(),
        signing.as_bytes(),
        &mut sig,
    )
    .ok()?;
    Some(format!("{signing}.{}", b64(&sig)))
}

/// Seconds since the epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
