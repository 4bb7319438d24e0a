//! Loops of every kind found and told where they are entered; uses that
//! end are no loop.

use std::collections::HashMap;
use std::path::Path;

use tera::Template;

use super::check;

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
        ["templates/a.html:1:1 template loop: `a.html` imports `b.html`, which imports `a.html`"]
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
