//! Templates that would render themselves forever, refused when the theme
//! loads.
//!
//! Tera follows `{% include %}`, `{% extends %}`, `{% import %}` and macro
//! calls as deep as they lead, with no limit: a template that includes
//! itself, a `base.html` that extends itself, a macro that calls itself or
//! two macro files that import each other overflow the stack, and the
//! process aborts (`build` with exit 134, `serve` dies). Tera has no depth
//! to bound, and a site's pages have no trees to recurse over, so every
//! loop is refused, even one an `{% if %}` would end: among the templates'
//! includes, extends and macro calls, and among their imports (which Tera
//! follows when it gathers macros, before anything renders).
//!
//! A macro call `ns::name` is resolved the way Tera resolves it, from the
//! namespaces (`self`, imports, and those of imported and parent templates)
//! of a template. Which template Tera looks from depends on where the call
//! renders (the block being rendered, the top of the page's inheritance
//! chain, or the macro's own file), so a call is taken to reach every macro
//! it could resolve to from any template: no loop goes unseen, and a
//! namesake in another file (a `card` macro wrapping `macros::card`) is
//! still told apart from the macro itself.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use tera::Template;
use tera::ast::{Expr, ExprVal, FunctionCall, Node};

use crate::diagnostic::{Diagnostic, Diagnostics};

/// What renders: a template file, or a macro of one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Unit<'a> {
    File(&'a str),
    Macro(&'a str, &'a str),
}

impl Unit<'_> {
    fn file(&self) -> &str {
        match self {
            Unit::File(file) | Unit::Macro(file, _) => file,
        }
    }

    fn label(&self) -> String {
        match self {
            Unit::File(file) => format!("`{file}`"),
            Unit::Macro(file, name) => format!("the macro `{name}` of `{file}`"),
        }
    }
}

/// How one unit leads to another.
#[derive(Clone, Copy, Debug)]
enum Step<'a> {
    Includes,
    Extends,
    Imports,
    /// A call written `namespace::name(...)`.
    Calls(&'a str, &'a str),
}

impl Step<'_> {
    fn verb(&self) -> &'static str {
        match self {
            Step::Includes => "includes",
            Step::Extends => "extends",
            Step::Imports => "imports",
            Step::Calls(..) => "calls",
        }
    }
}

type Graph<'a> = BTreeMap<Unit<'a>, Vec<(Unit<'a>, Step<'a>)>>;

/// Every loop among `templates` (parsed, not yet linked by Tera), as an
/// error at the template (and, where it can be found, the line) where the
/// loop is entered. `texts` holds each template's source; `site` tells the
/// site's own templates from the default theme's, which are named first.
pub(super) fn check(
    templates: &HashMap<String, Template>,
    texts: &HashMap<&str, &str>,
    site: &dyn Fn(&str) -> bool,
    dir: &Path,
) -> Diagnostics {
    let mut renders = Graph::new();
    let mut imports = Graph::new();
    let namespaces = Namespaces::new(templates);
    for (name, template) in templates {
        let file = Unit::File(name.as_str());
        let mut edges = Vec::new();
        if let Some(parent) = template
            .parent
            .as_deref()
            .filter(|p| templates.contains_key(*p))
        {
            edges.push((Unit::File(parent), Step::Extends));
        }
        let mut uses = Vec::new();
        walk_nodes(&template.ast, &mut uses);
        edges.extend(namespaces.targets(&uses));
        renders.insert(file.clone(), edges);
        for (macro_name, definition) in &template.macros {
            let mut uses = Vec::new();
            walk_nodes(&definition.body, &mut uses);
            for default in definition.args.values().flatten() {
                walk_expr(default, &mut uses);
            }
            renders.insert(
                Unit::Macro(name.as_str(), macro_name.as_str()),
                namespaces.targets(&uses),
            );
        }
        let imported = template
            .imported_macro_files
            .iter()
            .filter(|(other, _)| templates.contains_key(other))
            .map(|(other, _)| (Unit::File(other.as_str()), Step::Imports))
            .collect();
        imports.insert(file, imported);
    }
    let mut diagnostics = Diagnostics::new();
    for cycle in cycles(&renders).into_iter().chain(cycles(&imports)) {
        diagnostics.push(report(&cycle, texts, site, dir));
    }
    diagnostics
}

/// Something a template or macro uses as it renders.
enum Use<'a> {
    /// `{% include [names] %}`: the first of them that exists.
    Include(&'a [String]),
    Call(&'a str, &'a str),
}

fn walk_nodes<'a>(nodes: &'a [Node], uses: &mut Vec<Use<'a>>) {
    for node in nodes {
        match node {
            Node::VariableBlock(_, expr) => walk_expr(expr, uses),
            Node::Include(_, names, _) => uses.push(Use::Include(names)),
            Node::Set(_, set) => walk_expr(&set.value, uses),
            Node::FilterSection(_, section, _) => {
                walk_call(&section.filter, uses);
                walk_nodes(&section.body, uses);
            }
            Node::Block(_, block, _) => walk_nodes(&block.body, uses),
            Node::Forloop(_, forloop, _) => {
                walk_expr(&forloop.container, uses);
                walk_nodes(&forloop.body, uses);
                walk_nodes(forloop.empty_body.as_deref().unwrap_or_default(), uses);
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    walk_expr(condition, uses);
                    walk_nodes(body, uses);
                }
                if let Some((_, body)) = &branches.otherwise {
                    walk_nodes(body, uses);
                }
            }
            // A macro's body is a unit of its own, walked by `check`.
            Node::MacroDefinition(..)
            | Node::Super
            | Node::Text(_)
            | Node::Extends(..)
            | Node::ImportMacro(..)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
    }
}

fn walk_expr<'a>(expr: &'a Expr, uses: &mut Vec<Use<'a>>) {
    walk_value(&expr.val, uses);
    for filter in &expr.filters {
        walk_call(filter, uses);
    }
}

fn walk_call<'a>(call: &'a FunctionCall, uses: &mut Vec<Use<'a>>) {
    for arg in call.args.values() {
        walk_expr(arg, uses);
    }
}

fn walk_value<'a>(value: &'a ExprVal, uses: &mut Vec<Use<'a>>) {
    match value {
        ExprVal::MacroCall(call) => {
            uses.push(Use::Call(&call.namespace, &call.name));
            for arg in call.args.values() {
                walk_expr(arg, uses);
            }
        }
        ExprVal::Math(math) => {
            walk_expr(&math.lhs, uses);
            walk_expr(&math.rhs, uses);
        }
        ExprVal::Logic(logic) => {
            walk_expr(&logic.lhs, uses);
            walk_expr(&logic.rhs, uses);
        }
        ExprVal::In(within) => {
            walk_expr(&within.lhs, uses);
            walk_expr(&within.rhs, uses);
        }
        ExprVal::Test(test) => test.args.iter().for_each(|arg| walk_expr(arg, uses)),
        ExprVal::FunctionCall(call) => walk_call(call, uses),
        ExprVal::Array(items) => items.iter().for_each(|item| walk_expr(item, uses)),
        ExprVal::StringConcat(concat) => {
            concat.values.iter().for_each(|v| walk_value(v, uses));
        }
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => {}
    }
}

/// Each template's macro namespaces, gathered as Tera gathers them.
struct Namespaces<'a> {
    templates: &'a HashMap<String, Template>,
    /// Template -> namespace -> the file its macros come from.
    maps: BTreeMap<&'a str, HashMap<&'a str, &'a str>>,
}

impl<'a> Namespaces<'a> {
    fn new(templates: &'a HashMap<String, Template>) -> Namespaces<'a> {
        let mut namespaces = Namespaces {
            templates,
            maps: BTreeMap::new(),
        };
        for name in templates.keys() {
            namespaces.gather(name, &mut BTreeSet::new());
        }
        namespaces
    }

    /// `self`, then each import's name and the namespaces it brings, then
    /// those of the parent templates, the first of a name kept. A loop of
    /// imports or parents is cut short here; it is reported on its own.
    fn gather(&mut self, name: &'a str, visiting: &mut BTreeSet<&'a str>) {
        if self.maps.contains_key(name) || !visiting.insert(name) {
            return;
        }
        let templates: &'a HashMap<String, Template> = self.templates;
        let Some(template) = templates.get(name) else {
            return;
        };
        let mut map: HashMap<&'a str, &'a str> = HashMap::new();
        if !template.macros.is_empty() {
            map.insert("self", name);
        }
        let imported = template.imported_macro_files.iter();
        let parents = std::iter::successors(template.parent.as_deref(), |p| {
            templates.get(*p).and_then(|t| t.parent.as_deref())
        })
        .take(templates.len());
        let mut inherited = Vec::new();
        for (file, namespace) in imported {
            if let Some((file, _)) = templates.get_key_value(file) {
                map.insert(namespace.as_str(), file.as_str());
                inherited.push(file.as_str());
            }
        }
        inherited.extend(parents.filter(|p| templates.contains_key(*p)));
        for other in inherited {
            self.gather(other, visiting);
            if let Some(theirs) = self.maps.get(other) {
                for (namespace, file) in theirs {
                    map.entry(namespace).or_insert(file);
                }
            }
        }
        self.maps.insert(name, map);
    }

    /// Where each use leads.
    fn targets(&self, uses: &[Use<'a>]) -> Vec<(Unit<'a>, Step<'a>)> {
        let mut targets = Vec::new();
        for used in uses {
            match *used {
                Use::Include(names) => {
                    if let Some((name, _)) =
                        names.iter().find_map(|n| self.templates.get_key_value(n))
                    {
                        targets.push((Unit::File(name.as_str()), Step::Includes));
                    }
                }
                Use::Call(namespace, name) => {
                    let files: BTreeSet<&str> = self
                        .maps
                        .values()
                        .filter_map(|map| map.get(namespace).copied())
                        .filter(|file| {
                            self.templates
                                .get(*file)
                                .is_some_and(|t| t.macros.contains_key(name))
                        })
                        .collect();
                    for file in files {
                        let Some((name, _)) = self.templates[file].macros.get_key_value(name)
                        else {
                            continue;
                        };
                        targets.push((
                            Unit::Macro(file, name.as_str()),
                            Step::Calls(namespace, name.as_str()),
                        ));
                    }
                }
            }
        }
        targets
    }
}

/// A loop: each unit with the step that leads to the next, the last
/// leading back to the first.
type Cycle<'a> = Vec<(Unit<'a>, Step<'a>)>;

/// The loops of a graph, each once (whatever unit it is entered from).
fn cycles<'a>(graph: &Graph<'a>) -> Vec<Cycle<'a>> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Open,
        Done,
    }
    let mut state: HashMap<&Unit<'a>, State> = HashMap::new();
    let mut found: Vec<Cycle<'a>> = Vec::new();
    let mut seen: BTreeSet<BTreeSet<Unit<'a>>> = BTreeSet::new();
    for start in graph.keys() {
        if state.contains_key(start) {
            continue;
        }
        // The path being explored: each unit and how many of its edges are done.
        let mut path: Vec<(&Unit<'a>, usize)> = vec![(start, 0)];
        state.insert(start, State::Open);
        while let Some((unit, next)) = path.last().copied() {
            let edges = graph.get(unit).map_or(&[][..], Vec::as_slice);
            let Some((to, _)) = edges.get(next) else {
                state.insert(unit, State::Done);
                path.pop();
                continue;
            };
            if let Some(last) = path.last_mut() {
                last.1 += 1;
            }
            match state.get(to) {
                None => {
                    let Some((to, _)) = graph.get_key_value(to) else {
                        continue;
                    };
                    state.insert(to, State::Open);
                    path.push((to, 0));
                }
                Some(State::Open) => {
                    let Some(from) = path.iter().position(|(u, _)| *u == to) else {
                        continue;
                    };
                    let cycle: Cycle<'a> = path[from..]
                        .iter()
                        .map(|(u, taken)| {
                            let step = graph
                                .get(*u)
                                .and_then(|edges| edges.get(taken - 1))
                                .map_or(Step::Includes, |(_, step)| *step);
                            ((*u).clone(), step)
                        })
                        .collect();
                    if seen.insert(cycle.iter().map(|(u, _)| u.clone()).collect()) {
                        found.push(cycle);
                    }
                }
                Some(State::Done) => {}
            }
        }
    }
    found
}

/// The error for one loop, told from the unit it is best entered at: the
/// site's own templates before the default theme's, then by name.
fn report(
    cycle: &Cycle<'_>,
    texts: &HashMap<&str, &str>,
    site: &dyn Fn(&str) -> bool,
    dir: &Path,
) -> Diagnostic {
    let first = (0..cycle.len())
        .min_by_key(|&i| (!site(cycle[i].0.file()), &cycle[i].0))
        .unwrap_or(0);
    let mut cycle = cycle.clone();
    cycle.rotate_left(first);
    let mut message = format!("template loop: {}", cycle[0].0.label());
    for (i, (_, step)) in cycle.iter().enumerate() {
        let (next, _) = &cycle[(i + 1) % cycle.len()];
        if i > 0 {
            message.push_str(", which");
        }
        message.push_str(&format!(" {} {}", step.verb(), next.label()));
    }
    let (unit, step) = &cycle[0];
    let next = &cycle[1 % cycle.len()].0;
    let file = unit.file();
    let mut diagnostic = Diagnostic::error("template-loop", dir.join(file), message).with_hint(
        "a template cannot include, extend or import itself, directly or through others, and a macro cannot call itself: dateline's pages have no nested data to recurse over, so break the loop",
    );
    if let Some(text) = texts.get(file)
        && let Some((at, len)) = locate(text, unit, *step, next)
    {
        diagnostic = diagnostic.at_offset(text, at, len);
    }
    diagnostic
}

/// Where in `text` the step from `unit` to `next` is written: the tag of an
/// include, extends or import naming it, or the call; found by searching
/// the text, as Tera keeps no positions.
fn locate(text: &str, unit: &Unit<'_>, step: Step<'_>, next: &Unit<'_>) -> Option<(usize, usize)> {
    // A macro's uses are looked for after the tag that opens it.
    let from = match unit {
        Unit::Macro(_, name) => tags(text, 0)
            .find(|(_, tag)| {
                let words: Vec<&str> = inside(tag).split_whitespace().collect();
                words.first() == Some(&"macro")
                    && words
                        .get(1)
                        .is_some_and(|w| w.split('(').next() == Some(*name))
            })
            .map_or(0, |(at, _)| at),
        Unit::File(_) => 0,
    };
    match step {
        Step::Calls(namespace, name) => {
            let call = format!("{namespace}::{name}");
            text[from..].find(&call).map(|i| (from + i, call.len()))
        }
        Step::Includes | Step::Extends | Step::Imports => {
            let keyword = match step {
                Step::Includes => "include",
                Step::Extends => "extends",
                _ => "import",
            };
            let target = next.file();
            tags(text, from)
                .find(|(_, tag)| {
                    inside(tag).starts_with(keyword)
                        && (tag.contains(&format!("\"{target}\""))
                            || tag.contains(&format!("'{target}'"))
                            || tag.contains(&format!("`{target}`")))
                })
                .map(|(at, tag)| (at, tag.len()))
        }
    }
}

/// Each `{% ... %}` tag of `text` from byte `from`: its offset, and the
/// tag with its delimiters.
fn tags(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = from;
    std::iter::from_fn(move || {
        let start = pos + text.get(pos..)?.find("{%")?;
        let end = start + 2 + text[start + 2..].find("%}")? + 2;
        pos = end;
        Some((start, &text[start..end]))
    })
}

/// What a tag says, without its delimiters and the `-` that trims spaces.
fn inside(tag: &str) -> &str {
    let inner = tag.trim_start_matches("{%").trim_end_matches("%}");
    inner.trim_start_matches('-').trim_end_matches('-').trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loops(files: &[(&str, &str)]) -> Vec<String> {
        let templates: HashMap<String, Template> = files
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    Template::new(name, None, text).expect("a template"),
                )
            })
            .collect();
        let texts: HashMap<&str, &str> = files.iter().copied().collect();
        check(&templates, &texts, &|_| true, Path::new("templates"))
            .sorted()
            .iter()
            .map(|d| format!("{}:{}:{} {}", d.path.display(), d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn finds_loops_of_every_kind() {
        assert_eq!(
            loops(&[("a.html", "x\n  {%- include \"a.html\" -%}")]),
            ["templates/a.html:2:3 template loop: `a.html` includes `a.html`"]
        );
        assert_eq!(
            loops(&[
                ("a.html", "{% import \"b.html\" as b %}"),
                ("b.html", "{% import \"a.html\" as a %}")
            ]),
            [
                "templates/a.html:1:1 template loop: `a.html` imports `b.html`, which imports `a.html`"
            ]
        );
        assert_eq!(
            loops(&[(
                "m.html",
                "{% macro a() %}{{ self::b() }}{% endmacro a %}\n{% macro b() %}{{ 1 + self::a() | upper }}{% endmacro b %}"
            )]),
            [
                "templates/m.html:1:19 template loop: the macro `a` of `m.html` calls the macro `b` of `m.html`, which calls the macro `a` of `m.html`"
            ]
        );
        assert_eq!(
            loops(&[
                (
                    "base.html",
                    "{% block x %}{% include \"page.html\" %}{% endblock x %}"
                ),
                ("page.html", "{% extends \"base.html\" %}")
            ]),
            [
                "templates/base.html:1:14 template loop: `base.html` includes `page.html`, which extends `base.html`"
            ]
        );
    }

    #[test]
    fn uses_that_end_are_no_loop() {
        assert!(
            loops(&[
                (
                    "a.html",
                    "{% include [\"missing.html\", \"b.html\"] %}{{ m::x() }}"
                ),
                (
                    "b.html",
                    "{% import \"m.html\" as m %}{% include \"c.html\" ignore missing %}"
                ),
                (
                    "m.html",
                    "{% macro x() %}{{ self::y() }}{% endmacro x %}{% macro y() %}y{% endmacro y %}"
                ),
                (
                    "w.html",
                    "{% import \"m.html\" as m %}{% macro x() %}[{{ m::x() }}]{% endmacro x %}"
                ),
            ])
            .is_empty()
        );
    }
}
