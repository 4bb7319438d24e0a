//! Every call into the YAML library lives here, so the choice of crate is one file.
//!
//! The crate is `yaml_serde` (the maintained continuation of `serde_yaml`),
//! depended on under the name `serde_yaml`. Front matter and `dateline.yaml`
//! are read as a plain mapping first; the [`crate::content::fields`] module then takes
//! key by key, so one file can report several problems at once.
//!
//! Before the library sees a document, [`scan`] passes over it once: it
//! refuses nesting deeper than [`scan::MAX_DEPTH`] (which would cost the
//! library time in proportion to the depth for every token), and it finds
//! where each scalar is written, so a text field can keep what the author
//! typed where YAML reads a number.

mod scan;

pub(crate) use scan::{MAX_DEPTH, Scalar};
pub(crate) use serde_yaml::Value;

/// A YAML document that failed to parse: where (1-based, relative to the
/// document) and what.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: String,
    /// The document nests deeper than [`MAX_DEPTH`]; it was not parsed.
    pub(crate) too_deep: bool,
}

/// A mapping read from YAML, and where its scalars are written.
#[derive(Debug)]
pub(crate) struct Document {
    /// Keys and values, in the order written.
    pub(crate) pairs: Vec<(Value, Value)>,
    /// Every scalar of the text (keys and values alike), in the order
    /// written, at byte offsets in the text.
    pub(crate) scalars: Vec<Scalar>,
}

/// Parses a YAML document whose top level must be a mapping of keys to values.
///
/// An empty document is an empty mapping.
pub(crate) fn parse_document(text: &str) -> Result<Document, SyntaxError> {
    let empty = Document {
        pairs: Vec::new(),
        scalars: Vec::new(),
    };
    if text.trim().is_empty() {
        return Ok(empty);
    }
    let scalars = scan::scan(text).map_err(|deep| {
        let (line, column) = crate::diagnostic::line_column(text, deep.offset);
        SyntaxError {
            line,
            column,
            message: format!("the YAML is nested more than {MAX_DEPTH} levels deep"),
            too_deep: true,
        }
    })?;
    let value: Value = serde_yaml::from_str(text).map_err(|err| {
        let (line, column) = err
            .location()
            .map_or((1, 1), |loc| (loc.line(), loc.column()));
        SyntaxError {
            line,
            column,
            message: strip_location(&err.to_string()),
            too_deep: false,
        }
    })?;
    match value {
        Value::Mapping(map) => Ok(Document {
            pairs: map.into_iter().collect(),
            scalars,
        }),
        Value::Null => Ok(empty),
        other => Err(SyntaxError {
            line: 1,
            column: 1,
            message: format!("expected `key: value` lines, found {}", describe(&other)),
            too_deep: false,
        }),
    }
}

/// A short English name for the kind of a YAML value, for error messages.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping (`key: value` pairs)",
        Value::Tagged(_) => "a tagged value",
    }
}

/// The value as text when it is a scalar an author would read as text:
/// `title: 2023` means the text "2023", not a number.
pub(crate) fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The library's messages carry " at line N column M"; we print our own location.
fn strip_location(message: &str) -> String {
    let mut message = message.to_string();
    while let Some(start) = message.find(" at line ") {
        let rest = &message[start..];
        let end = rest
            .find(" column ")
            .map(|c| {
                let digits = rest[c + 8..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .count();
                c + 8 + digits
            })
            .unwrap_or(rest.len());
        message.replace_range(start..start + end, "");
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_keeps_order_and_reports_syntax_errors_with_location() {
        let map = parse_document("b: 1\na: [x, y]\n").unwrap().pairs;
        assert_eq!(map.len(), 2);
        assert_eq!(map[0].0, Value::String("b".into()));

        let err = parse_document("title: ok\ntags: [a, b\n").unwrap_err();
        assert!(err.line >= 2, "{err:?}");
        assert!(!err.message.contains(" at line "), "{}", err.message);
    }

    #[test]
    fn a_top_level_list_is_refused() {
        let err = parse_document("- a\n- b\n").unwrap_err();
        assert!(err.message.contains("a list"));
    }

    #[test]
    fn alias_bombs_are_refused_not_expanded() {
        let mut doc = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in 'b'..='k' {
            doc.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = name;
        }
        assert!(parse_document(&doc).is_err());
    }

    #[test]
    fn nesting_past_the_limit_is_refused_where_it_passes() {
        let doc = format!("a: 1\nb: {}\n", "{k: ".repeat(40));
        let err = parse_document(&doc).expect_err("too deep");
        assert!(err.too_deep);
        assert_eq!((err.line, err.column), (2, 4 + 4 * 31));
        assert_eq!(err.message, "the YAML is nested more than 32 levels deep");
        let doc = format!("a: {}1{}\n", "[".repeat(31), "]".repeat(31));
        assert!(parse_document(&doc).is_ok());
    }
}
