//! IAM action and ARN pattern matching: `*` matches any run of characters, `?` exactly one. Actions
//! compare case-insensitively (`IAM:Pass*` matches `iam:PassRole`); resources case-sensitively.

/// Glob match with `*` and `?`, iterative (no recursion, linear-ish on hostile input).
pub fn glob_match(pattern: &str, text: &str, case_insensitive: bool) -> bool {
    let eq = |a: u8, b: u8| {
        if case_insensitive {
            a.eq_ignore_ascii_case(&b)
        } else {
            a == b
        }
    };
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == b'?' || (p[pi] != b'*' && eq(p[pi], t[ti]))) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == b'*' {
        pi += 1;
    }
    pi == p.len()
}

/// True when some string matches both glob patterns (`*`, `?`), compared case-sensitively. Used for
/// "can this Resource pattern match *some* ARN of that type" (create actions, where the caller chooses
/// the name). Breadth-first over pairs of positions: O(len(a) × len(b)).
pub fn glob_intersects(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let width = b.len() + 1;
    let mut seen = vec![false; (a.len() + 1) * width];
    let mut stack = vec![(0usize, 0usize)];
    while let Some((i, j)) = stack.pop() {
        let idx = i * width + j;
        if seen[idx] {
            continue;
        }
        seen[idx] = true;
        if i == a.len() && j == b.len() {
            return true;
        }
        let mut push = |x: usize, y: usize| {
            if x <= a.len() && y <= b.len() && !seen[x * width + y] {
                stack.push((x, y));
            }
        };
        let (ca, cb) = (a.get(i).copied(), b.get(j).copied());
        if ca == Some(b'*') {
            push(i + 1, j);
            if j < b.len() {
                push(i, j + 1);
            }
        }
        if cb == Some(b'*') {
            push(i, j + 1);
            if i < a.len() {
                push(i + 1, j);
            }
        }
        if let (Some(x), Some(y)) = (ca, cb)
            && x != b'*'
            && y != b'*'
            && (x == b'?' || y == b'?' || x == y)
        {
            push(i + 1, j + 1);
        }
    }
    false
}

/// Like [`glob_intersects`], for ARN patterns: when both have all six `:`-separated parts, each part
/// must intersect on its own, so a wildcard in one part of the probe (`arn:aws:lambda:*:…`) does not
/// stretch across the account part of the other.
pub fn arn_intersects(a: &str, b: &str) -> bool {
    let pa: Vec<&str> = a.splitn(6, ':').collect();
    let pb: Vec<&str> = b.splitn(6, ':').collect();
    if pa.len() == 6 && pb.len() == 6 {
        pa.iter().zip(&pb).all(|(x, y)| glob_intersects(x, y))
    } else {
        glob_intersects(a, b)
    }
}

/// True when the IAM action pattern matches `action` (`service:Name`).
pub fn action_matches(pattern: &str, action: &str) -> bool {
    glob_match(pattern.trim(), action, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_patterns() {
        let cases = [
            ("*", "iam:PassRole", true),
            ("iam:*", "iam:PassRole", true),
            ("IAM:Pass*", "iam:PassRole", true),
            ("iam:passrole", "iam:PassRole", true),
            ("iam:Pass?ole", "iam:PassRole", true),
            ("iam:Pass?", "iam:PassRole", false),
            ("lambda:*Function*", "lambda:UpdateFunctionCode", true),
            ("lambda:Create*", "lambda:UpdateFunctionCode", false),
            ("s3:*", "iam:PassRole", false),
            ("", "iam:PassRole", false),
        ];
        for (p, a, want) in cases {
            assert_eq!(action_matches(p, a), want, "{p} vs {a}");
        }
    }

    #[test]
    fn resources_are_case_sensitive() {
        assert!(glob_match(
            "arn:aws:iam::1:role/dev-*",
            "arn:aws:iam::1:role/dev-x",
            false
        ));
        assert!(!glob_match(
            "arn:aws:iam::1:role/Dev-*",
            "arn:aws:iam::1:role/dev-x",
            false
        ));
    }

    #[test]
    fn pattern_intersection() {
        let probe = "arn:aws:lambda:*:111122223333:function:*";
        let cases = [
            ("*", true),
            ("arn:aws:lambda:us-east-1:111122223333:function:dev-*", true),
            ("arn:aws:lambda:*:*:function:*", true),
            ("arn:aws:lambda:us-east-1:444455556666:function:*", false),
            ("arn:aws:lambda:us-east-1:111122223333:layer:*", false),
            ("arn:aws:lambda:us-east-1:111122223333:function:exact", true),
            ("arn:aws:s3:::bucket/*", false),
            ("arn:aws:lambda:us-east-?:111122223333:function:x", true),
        ];
        for (p, want) in cases {
            assert_eq!(arn_intersects(p, probe), want, "{p}");
            assert_eq!(arn_intersects(probe, p), want, "{p} (swapped)");
        }
        assert!(!glob_intersects("a?c", "ab"));
        assert!(glob_intersects("a*", "*b"));
    }

    #[test]
    fn hostile_patterns_finish() {
        let p = "*a".repeat(200);
        let t = "a".repeat(5000) + "b";
        assert!(!glob_match(&p, &t, true));
    }
}
