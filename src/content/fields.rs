//! Strict, located reading of a YAML mapping: front matter and `dateline.yaml`.
//!
//! Each key is taken by name and type; what is missing, mistyped or unknown
//! becomes a [`Diagnostic`] at the key's own line and column in the file, and
//! reading goes on so one run reports every problem of a file.
//!
//! A text field keeps the characters the author typed: YAML reads
//! `title: 3.10` as the number 3.1 and `tags: [010]` as 10, so where a text
//! is wanted and YAML found a number or true/false, the scalar's own text is
//! taken from the file. A date, likewise, is read from what was typed, so
//! `date: 0x7E6` is not the year 2022.

use std::path::Path;

use crate::content::yaml::{self, Scalar, Value};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// One key of the mapping with where it stands in the file.
struct Entry {
    key: String,
    value: Value,
    /// Byte offset of the key in the file (or of the mapping when unknown).
    key_offset: usize,
    /// Byte offset of the value's text in the file, and the end of its region.
    value_offset: usize,
    value_end: usize,
    taken: bool,
}

/// A mapping read from `yaml`, which starts at `offset` in the file `text`.
pub(crate) struct Fields<'a> {
    path: &'a Path,
    text: &'a str,
    offset: usize,
    entries: Vec<Entry>,
    /// Every scalar written in the mapping, at byte offsets in the file.
    scalars: Vec<Scalar>,
    /// Every problem found while taking keys.
    pub(crate) diagnostics: Diagnostics,
}

impl<'a> Fields<'a> {
    /// Parses the YAML `text[offset..offset + len]` of the file at `path`.
    ///
    /// A syntax error is returned as the only diagnostic.
    pub(crate) fn parse(
        path: &'a Path,
        text: &'a str,
        offset: usize,
        len: usize,
    ) -> Result<Fields<'a>, Diagnostic> {
        let yaml_text = &text[offset..offset + len];
        let document = yaml::parse_document(yaml_text).map_err(|err| {
            let first_line = crate::diagnostic::line_column(text, offset).0;
            let (code, message, hint) = if err.too_deep {
                ("yaml-too-deep", err.message, DEPTH_HINT)
            } else {
                let hint = yaml_hint(&err.message);
                (
                    "yaml-syntax",
                    format!("invalid YAML: {}", err.message),
                    hint,
                )
            };
            Diagnostic::error(code, path, message)
                .at(text, first_line + err.line - 1, err.column, 1)
                .with_hint(hint)
        })?;
        let pairs = document.pairs;
        let scalars = document
            .scalars
            .into_iter()
            .map(|s| Scalar {
                start: offset + s.start,
                end: offset + s.end,
                ..s
            })
            .collect();
        let places = key_places(yaml_text);
        let mut entries = Vec::with_capacity(pairs.len());
        let mut diagnostics = Diagnostics::new();
        for (key, value) in pairs {
            let Some(key) = yaml::scalar_text(&key) else {
                diagnostics.push(
                    Diagnostic::error(
                        "yaml-key",
                        path,
                        "a key of the front matter is not plain text",
                    )
                    .at_offset(text, offset, 3),
                );
                continue;
            };
            let (key_at, value_at, value_end) = places
                .iter()
                .find(|p| p.0 == key)
                .map_or((0, 0, len), |p| (p.1, p.2, p.3));
            entries.push(Entry {
                key,
                value,
                key_offset: offset + key_at,
                value_offset: offset + value_at,
                value_end: offset + value_end,
                taken: false,
            });
        }
        Ok(Fields {
            path,
            text,
            offset,
            entries,
            scalars,
            diagnostics,
        })
    }

    /// The scalars written in an entry's value, in order.
    fn written(&self, index: usize) -> &[Scalar] {
        let entry = &self.entries[index];
        let from = self
            .scalars
            .partition_point(|s| s.start < entry.value_offset);
        let to = self.scalars.partition_point(|s| s.start < entry.value_end);
        &self.scalars[from..to.max(from)]
    }

    /// A scalar value as text: a number or true/false as the author wrote
    /// it when `written` is where it stands, else as YAML gives it back.
    fn as_text(&self, value: &Value, written: Option<&Scalar>) -> Option<String> {
        match (value, written) {
            (Value::Number(_) | Value::Bool(_), Some(scalar)) if scalar.plain => {
                Some(self.text[scalar.start..scalar.end].to_string())
            }
            _ => yaml::scalar_text(value),
        }
    }

    /// The items of an entry's value (a scalar is a list of one), each as
    /// text with the offset of its first character, when every item is a
    /// scalar. Offsets come from the scalars written when there is one for
    /// each item (an alias, say, has none), else from a search of the text.
    fn items(&self, index: usize) -> Option<Vec<(String, usize)>> {
        let entry = &self.entries[index];
        let values: Vec<&Value> = match &entry.value {
            Value::Null => Vec::new(),
            Value::Sequence(seq) => seq.iter().collect(),
            other => vec![other],
        };
        let written = self.written(index);
        if written.len() == values.len() {
            return values
                .into_iter()
                .zip(written)
                .map(|(value, scalar)| {
                    let at = scalar.start + usize::from(!scalar.plain);
                    Some((self.as_text(value, Some(scalar))?, at))
                })
                .collect();
        }
        let region = &self.text[entry.value_offset..entry.value_end];
        let mut search_from = 0;
        values
            .into_iter()
            .map(|value| {
                let item = self.as_text(value, None)?.trim().to_string();
                let at = match region[search_from..].find(item.as_str()) {
                    Some(i) => {
                        search_from += i + item.len();
                        entry.value_offset + search_from - item.len()
                    }
                    None => entry.value_offset,
                };
                Some((item, at))
            })
            .collect()
    }

    fn error_at(
        &self,
        code: &'static str,
        offset: usize,
        len: usize,
        message: String,
    ) -> Diagnostic {
        Diagnostic::error(code, self.path, message).at_offset(self.text, offset, len)
    }

    /// Takes a key's value, marking it known. `None` when absent.
    fn take(&mut self, key: &str) -> Option<usize> {
        let index = self.entries.iter().position(|e| e.key == key)?;
        self.entries[index].taken = true;
        Some(index)
    }

    fn missing(&mut self, key: &str, hint: &str) {
        let diagnostic = Diagnostic::error(
            "missing-key",
            self.path,
            format!("the required key `{key}` is missing"),
        )
        .at_offset(self.text, self.offset.saturating_sub(4), 3)
        .with_hint(hint.to_string());
        self.diagnostics.push(diagnostic);
    }

    fn wrong_type(&mut self, index: usize, expected: &str) {
        let entry = &self.entries[index];
        let message = format!(
            "`{}` should be {expected}, not {}",
            entry.key,
            yaml::describe(&entry.value)
        );
        let diagnostic = self.error_at("wrong-type", entry.value_offset, 1, message);
        self.diagnostics.push(diagnostic);
    }

    /// A text value. A number or true/false is read as its text.
    pub(crate) fn text(&mut self, key: &str, required: Option<&str>) -> Option<String> {
        let Some(index) = self.take(key) else {
            if let Some(hint) = required {
                self.missing(key, hint);
            }
            return None;
        };
        let written = match self.written(index) {
            [one] => Some(one),
            _ => None,
        };
        let text = self
            .as_text(&self.entries[index].value, written)
            .map(|s| self.clean(index, s));
        match text {
            Some(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(_) | None
                if matches!(self.entries[index].value, Value::Null | Value::String(_)) =>
            {
                if required.is_some() {
                    let entry = &self.entries[index];
                    let diagnostic = self
                        .error_at(
                            "empty-value",
                            entry.key_offset,
                            key.len(),
                            format!("`{key}` is empty"),
                        )
                        .with_hint(format!("write a value after `{key}:`"));
                    self.diagnostics.push(diagnostic);
                }
                None
            }
            _ => {
                self.wrong_type(index, "text");
                None
            }
        }
    }

    /// A list of texts, each with its byte offset in the file.
    /// A single text is taken as a list of one.
    pub(crate) fn list(&mut self, key: &str) -> Vec<(String, usize)> {
        let Some(index) = self.take(key) else {
            return Vec::new();
        };
        let Some(items) = self.items(index) else {
            self.wrong_type(index, "a list of texts, like `[a, b]`");
            return Vec::new();
        };
        items
            .into_iter()
            .map(|(item, at)| (self.clean(index, item).trim().to_string(), at))
            .collect()
    }

    /// `value`, read from entry `index`, without the characters no page can
    /// hold; each value holding some gets a warning, at the first of them
    /// when it is written as such, else where the value starts.
    fn clean(&mut self, index: usize, value: String) -> String {
        let Some(found) = crate::chars::find(&value) else {
            return value;
        };
        let entry = &self.entries[index];
        let at = self.text[entry.value_offset..entry.value_end]
            .find(found.c)
            .map_or(entry.value_offset, |i| entry.value_offset + i);
        let warning = crate::chars::warning(self.path, self.text, at, found);
        self.diagnostics.push(warning);
        crate::chars::strip(&value).into_owned()
    }

    /// A true/false value.
    pub(crate) fn flag(&mut self, key: &str) -> Option<bool> {
        let index = self.take(key)?;
        match self.entries[index].value {
            Value::Bool(b) => Some(b),
            Value::Null => None,
            _ => {
                self.wrong_type(index, "`true` or `false`");
                None
            }
        }
    }

    /// A whole number of at least 1. Text, fractions, zero and negative
    /// numbers are refused with the value's place in the file.
    pub(crate) fn positive(&mut self, key: &str) -> Option<usize> {
        let index = self.take(key)?;
        let entry = &self.entries[index];
        let problem = match &entry.value {
            Value::Null => return None,
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(0), _) => format!("`{key}` must be at least 1, not 0"),
                (Some(v), _) => return Some(usize::try_from(v).unwrap_or(usize::MAX)),
                (None, Some(v)) => format!("`{key}` must be a positive whole number, not {v}"),
                (None, None) => format!("`{key}` must be a whole number, not {n}"),
            },
            other => format!(
                "`{key}` should be a whole number, not {}",
                yaml::describe(other)
            ),
        };
        let len = self.text[entry.value_offset..entry.value_end]
            .split(char::is_whitespace)
            .next()
            .map_or(1, str::len)
            .max(1);
        let diagnostic = self
            .error_at("wrong-type", entry.value_offset, len, problem)
            .with_hint(format!(
                "write a whole number of at least 1, like `{key}: 1000`, or leave `{key}` out"
            ));
        self.diagnostics.push(diagnostic);
        None
    }

    /// An EDTF date. YAML's readings of unquoted dates are undone: `2023` (a
    /// number) is the year, and `[2023-10..2024-03]` (a list) is the "one of" set.
    pub(crate) fn date(&mut self, key: &str, required: Option<&str>) -> Option<Date> {
        let Some(index) = self.take(key) else {
            if let Some(hint) = required {
                self.missing(key, hint);
            }
            return None;
        };
        let items = self.items(index).map(|items| {
            let texts: Vec<String> = items.into_iter().map(|(text, _)| text).collect();
            texts
        });
        let written = match (&self.entries[index].value, items) {
            (Value::Sequence(_), Some(items)) => Some(format!("[{}]", items.join(", "))),
            (Value::Null, _) => None,
            (_, Some(mut items)) => items.pop(),
            (_, None) => None,
        };
        let Some(written) = written else {
            self.wrong_type(index, "an EDTF date such as `2022-02-21`");
            return None;
        };
        match Date::parse(&written) {
            Ok(date) => Some(date),
            Err(err) => {
                let entry = &self.entries[index];
                let region = &self.text[entry.value_offset..entry.value_end];
                let at = region
                    .find(written.trim())
                    .map_or(entry.value_offset, |i| entry.value_offset + i + err.offset);
                let mut diagnostic =
                    self.error_at("invalid-date", at, err.len.max(1), err.message.clone());
                if let Some(hint) = &err.hint {
                    diagnostic = diagnostic.with_hint(hint.clone());
                }
                self.diagnostics.push(diagnostic);
                None
            }
        }
    }

    /// Byte offset of a key in the file, for errors found later (in the model).
    pub(crate) fn key_offset(&self, key: &str) -> Option<usize> {
        self.entries
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.value_offset)
    }

    /// Reports every key not taken as unknown, suggesting the nearest known one.
    pub(crate) fn finish(mut self, known: &[&str]) -> Diagnostics {
        for entry in self.entries.iter().filter(|e| !e.taken) {
            let mut diagnostic = Diagnostic::error(
                "unknown-key",
                self.path,
                format!("unknown key `{}`", entry.key),
            )
            .at_offset(self.text, entry.key_offset, entry.key.len());
            diagnostic = match nearest(&entry.key, known) {
                Some(near) => diagnostic.with_hint(format!("did you mean `{near}`?")),
                None => diagnostic.with_hint(format!("known keys: {}", known.join(", "))),
            };
            self.diagnostics.push(diagnostic);
        }
        self.diagnostics
    }
}

/// How to mend YAML nested past [`yaml::MAX_DEPTH`].
const DEPTH_HINT: &str = "front matter and dateline.yaml need no more than a list under a key: remove the extra `[`, `{`, `-` or indentation";

/// A hint for a YAML syntax error: the parser notices an unclosed list or
/// mapping only where the next key starts, so say what to look for above.
fn yaml_hint(message: &str) -> &'static str {
    if message.contains("flow sequence") {
        "a list opened with `[` above this line is not closed with `]`"
    } else if message.contains("flow mapping") {
        "a mapping opened with `{` above this line is not closed with `}`"
    } else if message.contains("mapping values are not allowed") {
        "text containing `: ` must be quoted, like `title: \"Memo: the leak\"`"
    } else if message.contains("quoted scalar") {
        "a quotation mark opened above is not closed"
    } else {
        "check the indentation and quoting; text containing `: ` or starting with `[`, `{`, `*`, `&` or `@` needs quotes"
    }
}

/// For each top-level key: (key, key offset, value offset, end of the value's
/// region), all relative to the YAML text. Front matter is flat, so a line
/// starting in column one with `key:` starts a key.
fn key_places(yaml: &str) -> Vec<(String, usize, usize, usize)> {
    let mut places: Vec<(String, usize, usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in yaml.split_inclusive('\n') {
        let starts_key = line
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '#' | '-' | '[' | '{' | ']' | '}'));
        if starts_key && let Some(colon) = line.find(':') {
            let key = line[..colon].trim().trim_matches(|c| c == '"' || c == '\'');
            let after = &line[colon + 1..];
            let value_at = colon + 1 + (after.len() - after.trim_start_matches([' ', '\t']).len());
            if let Some(last) = places.last_mut() {
                last.3 = pos;
            }
            places.push((key.to_string(), pos, pos + value_at, yaml.len()));
        }
        pos += line.len();
    }
    places
}

/// The known name closest to `unknown`, when close enough to be a typo.
pub(crate) fn nearest<'k>(unknown: &str, known: &[&'k str]) -> Option<&'k str> {
    let unknown = unknown.to_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&unknown, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Fields<'_> {
        let split = crate::content::frontmatter::split(text).unwrap();
        Fields::parse(Path::new("n.md"), text, split.yaml_offset, split.yaml.len()).unwrap()
    }

    #[test]
    fn suggests_the_nearest_known_key() {
        assert_eq!(nearest("titel", &["title", "date"]), Some("title"));
        assert_eq!(nearest("sorces", &["sources", "summary"]), Some("sources"));
        assert_eq!(nearest("zzzzzz", &["title", "date"]), None);
    }

    #[test]
    fn unknown_and_missing_keys_are_located_in_the_file() {
        let text = "---\ndate: 2022\ntitel: A\n---\n";
        let mut f = fields(text);
        assert!(f.text("title", Some("add a title")).is_none());
        assert!(f.date("date", Some("add a date")).is_some());
        let diags = f.finish(&["title", "date"]);
        let all = diags.sorted();
        assert_eq!(all.len(), 2);
        assert_eq!((all[0].line, all[0].column), (1, 1));
        assert!(all[0].message.contains("`title` is missing"));
        assert_eq!((all[1].line, all[1].column), (3, 1));
        assert_eq!(all[1].hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn yaml_readings_of_dates_are_undone() {
        let text = "---\na: 2023\nb: [2023-10..2024-03]\nc: [..2025-06-07]\n---\n";
        let mut f = fields(text);
        assert_eq!(f.date("a", None).unwrap().edtf(), "2023");
        assert_eq!(f.date("b", None).unwrap().edtf(), "[2023-10..2024-03]");
        assert_eq!(f.date("c", None).unwrap().edtf(), "[..2025-06-07]");
        assert!(f.finish(&["a", "b", "c"]).is_empty());
    }

    #[test]
    fn a_bad_date_points_into_the_value() {
        let text = "---\ntitle: A\ndate: 2023-02-30\n---\n";
        let mut f = fields(text);
        assert!(f.text("title", None).is_some());
        assert!(f.date("date", None).is_none());
        let diags = f.finish(&["title", "date"]);
        let d = diags.sorted()[0].clone();
        assert_eq!(d.line, 3, "{d}");
        assert!(d.column >= 7, "{d}");
    }

    #[test]
    fn text_keeps_what_the_author_typed_where_yaml_reads_a_number() {
        let text = "---\na: 3.10\nb: 1e3 # note\nc: 0x1F\nd: yes\ne: .inf\nf: true\ng: -0\nh: \"3.10\"\n---\n";
        let mut f = fields(text);
        for (key, expected) in [
            ("a", "3.10"),
            ("b", "1e3"),
            ("c", "0x1F"),
            ("d", "yes"),
            ("e", ".inf"),
            ("f", "true"),
            ("g", "-0"),
            ("h", "3.10"),
        ] {
            assert_eq!(f.text(key, None).as_deref(), Some(expected), "{key}");
        }
        assert!(
            f.finish(&["a", "b", "c", "d", "e", "f", "g", "h"])
                .is_empty()
        );
    }

    #[test]
    fn list_items_keep_what_the_author_typed() {
        let text = "---\na: [3.10, 010, x, '1e3']\nb:\n  - 0o17\n  - false # no\nc: 2.50\nd: [&n 1.0, *n]\n---\n";
        let mut f = fields(text);
        let a = f.list("a");
        let names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["3.10", "010", "x", "1e3"]);
        assert_eq!(&text[a[1].1..a[1].1 + 3], "010");
        assert_eq!(&text[a[3].1..a[3].1 + 3], "1e3");
        let b: Vec<String> = f.list("b").into_iter().map(|(n, _)| n).collect();
        assert_eq!(b, ["0o17", "false"]);
        assert_eq!(f.list("c")[0].0, "2.50");
        // An alias has no text of its own: YAML's reading is all there is.
        let d: Vec<String> = f.list("d").into_iter().map(|(n, _)| n).collect();
        assert_eq!(d, ["1.0", "1.0"]);
    }

    #[test]
    fn dates_are_read_from_the_text_not_from_yaml_numbers() {
        let text = "---\na: 0x7E6\nb: 0o3746\nc: 2022.0\nd: 2022\ne: [2022, 2023]\n---\n";
        let mut f = fields(text);
        for key in ["a", "b", "c"] {
            assert!(f.date(key, None).is_none(), "{key}");
        }
        assert_eq!(f.date("d", None).unwrap().edtf(), "2022");
        assert_eq!(f.date("e", None).unwrap().edtf(), "[2022, 2023]");
        let diags = f.finish(&["a", "b", "c", "d", "e"]);
        let all = diags.sorted();
        assert_eq!(all.len(), 3, "{all:?}");
        assert!(all.iter().all(|d| d.code == "invalid-date"));
        assert_eq!(all[0].line, 2);
    }

    #[test]
    fn nesting_past_the_limit_is_an_error_at_its_place_in_the_file() {
        let text = format!("---\ntitle: A\ntags: {}\n---\n", "[".repeat(40));
        let split = crate::content::frontmatter::split(&text).unwrap();
        let err = Fields::parse(
            Path::new("n.md"),
            &text,
            split.yaml_offset,
            split.yaml.len(),
        )
        .err()
        .expect("too deep");
        assert_eq!(err.code, "yaml-too-deep");
        assert_eq!((err.line, err.column), (3, 6 + 32));
        assert!(
            err.hint
                .as_deref()
                .unwrap_or_default()
                .contains("a list under a key")
        );
    }

    #[test]
    fn list_items_carry_their_offsets_and_wrong_types_are_reported() {
        let text = "---\nsources: [nyt, mint]\ntags: {a: 1}\n---\n";
        let mut f = fields(text);
        let sources = f.list("sources");
        assert_eq!(sources[1].0, "mint");
        assert_eq!(&text[sources[1].1..sources[1].1 + 4], "mint");
        assert!(f.list("tags").is_empty());
        let diags = f.finish(&["sources", "tags"]);
        assert!(
            diags.sorted()[0]
                .message
                .contains("should be a list of texts")
        );
    }
}
