//! The `dated_by`, `accounts` and `corrections` of dateline's extension,
//! written back into front matter as `dateline build` exported them. Only
//! the keys a note takes are carried, as text; a claim or account naming a
//! source the note does not cite would not build, so it is left out and
//! said.

use serde_json::Value;

use crate::scaffold::quote;

/// The keys of a claim, in the order a note writes them.
const CLAIM_KEYS: &[&str] = &["source", "basis", "words", "says", "before", "after", "by"];

/// `dated_by:` for `claims`, citing only `cited`; "" when none is left.
pub(crate) fn dated_by(claims: &[Value], cited: &[String], lost: &mut Vec<String>) -> String {
    let mut yaml = String::new();
    for (n, claim) in claims.iter().enumerate() {
        let place = format!("claim {}", n + 1);
        let Some(object) = claim.as_object() else {
            lost.push(format!("{place}: not an object, left out"));
            continue;
        };
        if let Some(id) = uncited(object.get("source"), cited) {
            lost.push(format!("{place}: source `{id}` is not cited, left out"));
            continue;
        }
        let mut item = String::new();
        for key in CLAIM_KEYS {
            let Some(value) = object.get(*key) else {
                continue;
            };
            match (value, *key) {
                (Value::String(text), _) => item.push_str(&format!("{key}: {}\n", quote(text))),
                (Value::Array(range), "by") => match &range[..] {
                    [Value::String(a), Value::String(b)] => {
                        item.push_str(&format!("by: [{}, {}]\n", quote(a), quote(b)));
                    }
                    _ => lost.push(format!("{place}: `by` is not two durations, left out")),
                },
                _ => lost.push(format!("{place}: `{key}` is not text, left out")),
            }
        }
        for key in object.keys().filter(|k| !CLAIM_KEYS.contains(&k.as_str())) {
            lost.push(format!("{place}: `{key}` is not a key of a claim"));
        }
        push_item(&mut yaml, &item, "    ");
    }
    section("dated_by", &yaml)
}

/// `accounts:`, each point with what each source says.
pub(crate) fn accounts(accounts: &[Value], cited: &[String], lost: &mut Vec<String>) -> String {
    let mut yaml = String::new();
    for (n, account) in accounts.iter().enumerate() {
        let place = format!("account {}", n + 1);
        let point = account.get("point").and_then(Value::as_str);
        let says = account.get("says").and_then(Value::as_array);
        let (Some(point), Some(says)) = (point, says) else {
            lost.push(format!("{place}: no `point` or `says`, left out"));
            continue;
        };
        let mut item = format!("point: {}\nsays:\n", quote(point));
        let mut complete = true;
        for said in says {
            let source = said.get("source").and_then(Value::as_str);
            let words = said.get("words").and_then(Value::as_str);
            match (source, words) {
                (Some(source), Some(words)) if uncited(said.get("source"), cited).is_none() => {
                    item.push_str(&format!(
                        "  - source: {}\n    words: {}\n",
                        quote(source),
                        quote(words)
                    ));
                }
                _ => complete = false,
            }
        }
        if complete {
            push_item(&mut yaml, &item, "    ");
        } else {
            lost.push(format!(
                "{place} \"{point}\": a source it names is missing or not cited, left out"
            ));
        }
    }
    section("accounts", &yaml)
}

/// `corrections:`, each with its date and text.
pub(crate) fn corrections(corrections: &[Value], lost: &mut Vec<String>) -> String {
    let mut yaml = String::new();
    for (n, correction) in corrections.iter().enumerate() {
        let date = correction.get("date").and_then(Value::as_str);
        let text = correction.get("text").and_then(Value::as_str);
        match (date, text) {
            (Some(date), Some(text)) => push_item(
                &mut yaml,
                &format!("date: {}\ntext: {}\n", quote(date), quote(text)),
                "    ",
            ),
            _ => lost.push(format!(
                "correction {}: no `date` or `text`, left out",
                n + 1
            )),
        }
    }
    section("corrections", &yaml)
}

/// The id of a source that is named but not among `cited`.
fn uncited<'v>(source: Option<&'v Value>, cited: &[String]) -> Option<&'v str> {
    let id = source?.as_str()?;
    (!cited.iter().any(|c| c == id)).then_some(id)
}

/// Adds `item` (lines of `key: value`) as one item of a list, its lines
/// after the first indented by `indent`.
fn push_item(yaml: &mut String, item: &str, indent: &str) {
    for (i, line) in item.lines().enumerate() {
        yaml.push_str(if i == 0 { "  - " } else { indent });
        yaml.push_str(line);
        yaml.push('\n');
    }
}

fn section(key: &str, items: &str) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!("{key}:\n{items}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn claims_come_back_as_written_and_uncited_ones_are_said() {
        let mut lost = Vec::new();
        let claims = [
            json!({"source": "mint", "words": "three days", "before": "x", "by": "P3D"}),
            json!({"basis": "ours", "says": "2022"}),
            json!({"source": "nyt", "words": "w", "says": "2022"}),
            json!({"basis": "ours", "after": "x", "by": ["P1D", "P2D"], "colour": "red"}),
        ];
        let yaml = dated_by(&claims, &["mint".into()], &mut lost);
        assert_eq!(
            yaml,
            "dated_by:\n  - source: \"mint\"\n    words: \"three days\"\n    before: \"x\"\n    by: \"P3D\"\n  - basis: \"ours\"\n    says: \"2022\"\n  - basis: \"ours\"\n    after: \"x\"\n    by: [\"P1D\", \"P2D\"]\n"
        );
        assert_eq!(
            lost,
            [
                "claim 3: source `nyt` is not cited, left out",
                "claim 4: `colour` is not a key of a claim"
            ]
        );
    }

    #[test]
    fn accounts_and_corrections_nest_as_notes_write_them() {
        let mut lost = Vec::new();
        let yaml = accounts(
            &[
                json!({"point": "who", "says": [{"source": "a", "words": "A"}, {"source": "b", "words": "B"}]}),
            ],
            &["a".into(), "b".into()],
            &mut lost,
        );
        assert_eq!(
            yaml,
            "accounts:\n  - point: \"who\"\n    says:\n      - source: \"a\"\n        words: \"A\"\n      - source: \"b\"\n        words: \"B\"\n"
        );
        let yaml = corrections(
            &[json!({"date": "2026-12-06", "text": "T"}), json!({})],
            &mut lost,
        );
        assert_eq!(
            yaml,
            "corrections:\n  - date: \"2026-12-06\"\n    text: \"T\"\n"
        );
        assert_eq!(lost, ["correction 2: no `date` or `text`, left out"]);
    }
}
