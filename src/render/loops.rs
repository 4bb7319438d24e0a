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

mod namespaces;
mod report;
#[cfg(test)]
mod tests;
mod uses;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use tera::Template;

use crate::diagnostic::Diagnostics;
use namespaces::Namespaces;
use report::report;
use uses::{walk_expr, walk_nodes};

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
