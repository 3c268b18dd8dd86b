//! What every collector shares: the one error a call ends with, the page guard every listing loop
//! uses, the shard and deadline a scan is split and bounded by, and the coverage record they all
//! write. A provider's collector is its own only in what it asks and how it reads the answers.

use std::collections::BTreeSet;

use fnscope_snapshot::{Coverage, CoverageStatus, Provider};

/// Why a call failed, in coverage terms — the same for the SDK (AWS) and REST (Google, Microsoft)
/// collectors.
#[derive(Debug, Clone)]
pub struct CallError {
    pub status: CoverageStatus,
    /// The service's error code, when it sent one (AWS: `AccessDeniedException`, …).
    pub code: Option<String>,
    pub message: String,
}

impl CallError {
    pub fn new(status: CoverageStatus, message: impl Into<String>) -> CallError {
        CallError {
            status,
            code: None,
            message: message.into(),
        }
    }

    /// True for "this resource does not exist" answers, which mean absent rather than unread.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self.code.as_deref(),
            Some("ResourceNotFoundException" | "NoSuchEntity" | "NotFoundException")
        )
    }
}

/// Follows a listing's page tokens (or next links) and refuses one seen before: an SDK paginator
/// stops there silently (a listing that looks complete), a hand loop would page for ever. Feed it
/// each page's next token, in order.
#[derive(Debug)]
pub struct Pages {
    what: &'static str,
    status: CoverageStatus,
    seen: BTreeSet<String>,
    pages: usize,
}

impl Pages {
    /// A guard for `what` ("page token", "next link"); a repeat is a record of `status`.
    pub fn new(what: &'static str, status: CoverageStatus) -> Pages {
        Pages {
            what,
            status,
            seen: BTreeSet::new(),
            pages: 0,
        }
    }

    /// Also refuses `first` (the listing's own URL) coming back as a next link.
    pub fn starting_at(mut self, first: &str) -> Pages {
        self.seen.insert(first.to_string());
        self
    }

    /// Pages read so far.
    pub fn pages(&self) -> usize {
        self.pages
    }

    /// The token to ask the next page with (`None`: that was the last page), or the error when the
    /// service handed back one it had handed out before.
    pub fn next(&mut self, next: Option<&str>) -> Result<Option<String>, CallError> {
        self.pages += 1;
        let Some(next) = next.filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        if !self.seen.insert(next.to_string()) {
            return Err(CallError::new(
                self.status,
                format!(
                    "the {} repeated on page {}; the listing stopped there and may be incomplete",
                    self.what, self.pages
                ),
            ));
        }
        Ok(Some(next.to_string()))
    }
}

/// True when the unit of work at `index` (in a sorted list) belongs to `shard` (`i/n`, 1-based): units
/// are dealt round-robin, so every shard gets a similar share.
pub fn in_shard(index: usize, shard: Option<(usize, usize)>) -> bool {
    shard.is_none_or(|(i, n)| n == 0 || index % n == i.saturating_sub(1))
}

/// `work`, unless `stop_at` (`--deadline` less a margin) comes first: `None` then. How every collector
/// stops part-way and hands over the accounts, projects, subscriptions, environments or users it read
/// whole, each unread one a "cut off by --deadline" record.
pub async fn until_stop<T>(
    stop_at: Option<tokio::time::Instant>,
    work: impl std::future::Future<Output = T>,
) -> Option<T> {
    match stop_at {
        Some(at) => tokio::time::timeout_at(at, work).await.ok(),
        None => Some(work.await),
    }
}

/// The detail of a record for a unit of work `--deadline` cut off.
pub fn cut_off_detail(missing: &str) -> String {
    format!("cut off by --deadline; {missing} missing")
}

/// A coverage record.
pub fn record(
    provider: Provider,
    target: &str,
    region: Option<&str>,
    api: &str,
    status: CoverageStatus,
    detail: impl Into<String>,
) -> Coverage {
    Coverage {
        provider,
        target: target.to_string(),
        region: region.map(str::to_string),
        api: api.to_string(),
        status,
        detail: detail.into(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_repeated_token_stops_the_listing_with_a_record() {
        let mut p = Pages::new("page token", CoverageStatus::Failed);
        assert_eq!(p.next(Some("a")).unwrap().as_deref(), Some("a"));
        assert_eq!(p.next(Some("b")).unwrap().as_deref(), Some("b"));
        let e = p.next(Some("a")).unwrap_err();
        assert_eq!(e.status, CoverageStatus::Failed);
        assert!(
            e.message.contains("page token repeated on page 3"),
            "{}",
            e.message
        );
        // An empty token is the last page, not a token.
        assert_eq!(
            Pages::new("t", CoverageStatus::Partial)
                .next(Some(""))
                .unwrap(),
            None
        );
        // A next link that is the listing's own URL again.
        let mut p = Pages::new("next link", CoverageStatus::Failed).starting_at("https://x/list");
        assert!(p.next(Some("https://x/list")).is_err());
    }

    #[test]
    fn shards_deal_units_round_robin() {
        let part = |i| {
            (0..7)
                .filter(|u| in_shard(*u, Some((i, 3))))
                .collect::<Vec<_>>()
        };
        assert_eq!(part(1), [0, 3, 6]);
        assert_eq!(part(2), [1, 4]);
        assert_eq!(part(3), [2, 5]);
        assert!((0..7).all(|u| in_shard(u, None)));
    }
}
