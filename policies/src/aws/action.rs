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
    fn hostile_patterns_finish() {
        let p = "*a".repeat(200);
        let t = "a".repeat(5000) + "b";
        assert!(!glob_match(&p, &t, true));
    }
}
