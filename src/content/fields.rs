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
//! `date: 0x7E6` is not the year 2022. Finding what was typed, and where,
//! is the work of [`written`].

mod items;
mod nested;
mod written;

use std::path::Path;

use crate::content::yaml::{self, Scalar, Value};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};
pub(crate) use items::Item;
pub(crate) use nested::{Kind, Node};
use written::key_places;

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
        let document = yaml::parse_document(&text[offset..offset + len])
            .map_err(|err| syntax_error(path, text, offset, err))?;
        let scalars = document
            .scalars
            .into_iter()
            .map(|s| Scalar {
                start: offset + s.start,
                end: offset + s.end,
                ..s
            })
            .collect();
        let mut fields = Fields {
            path,
            text,
            offset,
            entries: Vec::with_capacity(document.pairs.len()),
            scalars,
            diagnostics: Diagnostics::new(),
        };
        fields.enter(document.pairs, len);
        Ok(fields)
    }

    /// Takes in the mapping's pairs, each with its place in the YAML text of
    /// `len` bytes; a key that is not plain text is an error.
    fn enter(&mut self, pairs: Vec<(Value, Value)>, len: usize) {
        let places = key_places(&self.text[self.offset..self.offset + len]);
        for (key, value) in pairs {
            let Some(key) = yaml::scalar_text(&key) else {
                self.diagnostics.push(
                    Diagnostic::error(
                        "yaml-key",
                        self.path,
                        "a key of the front matter is not plain text",
                    )
                    .at_offset(self.text, self.offset, 3),
                );
                continue;
            };
            let (key_at, value_at, value_end) = places
                .iter()
                .find(|p| p.0 == key)
                .map_or((0, 0, len), |p| (p.1, p.2, p.3));
            self.entries.push(Entry {
                key,
                value,
                key_offset: self.offset + key_at,
                value_offset: self.offset + value_at,
                value_end: self.offset + value_end,
                taken: false,
            });
        }
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

    /// A mapping of anything (`extra:`), as YAML reads it, for templates:
    /// the newsroom's own fields, which dateline does not check.
    pub(crate) fn extra(&mut self, key: &str) -> Option<std::sync::Arc<serde_json::Value>> {
        let index = self.take(key)?;
        match &self.entries[index].value {
            Value::Null => None,
            value @ Value::Mapping(_) => match serde_json::to_value(value) {
                Ok(json) => Some(json.into()),
                Err(_) => {
                    let entry = &self.entries[index];
                    let diagnostic = self
                        .error_at(
                            "wrong-type",
                            entry.key_offset,
                            key.len(),
                            format!("`{key}` holds a key that is not text"),
                        )
                        .with_hint("name every field of `extra` with text, like `desk: Politics`");
                    self.diagnostics.push(diagnostic);
                    None
                }
            },
            _ => {
                self.wrong_type(
                    index,
                    "a mapping of your own fields, like `extra: {desk: Politics}`",
                );
                None
            }
        }
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
            // EDTF allows no spaces in a set: YAML's `, ` is not the author's EDTF.
            (Value::Sequence(_), Some(items)) => Some(format!("[{}]", items.join(","))),
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

    /// Takes each of `keys` written and not yet taken, unread: each key
    /// with its offset, for a note that may not have them to say so.
    pub(crate) fn set_aside(&mut self, keys: &[&str]) -> Vec<(String, usize)> {
        self.entries
            .iter_mut()
            .filter(|e| !e.taken && keys.contains(&e.key.as_str()))
            .map(|e| {
                e.taken = true;
                (e.key.clone(), e.key_offset)
            })
            .collect()
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

/// The diagnostic for YAML that could not be parsed, at its place in the
/// file (the YAML starting at `offset` in `text`).
fn syntax_error(path: &Path, text: &str, offset: usize, err: yaml::SyntaxError) -> Diagnostic {
    let first_line = crate::diagnostic::line_column(text, offset).0;
    if !err.too_deep
        && let Some(at) = apostrophe(&text[offset..])
    {
        return Diagnostic::error(
            "yaml-syntax",
            path,
            format!("invalid YAML: an apostrophe ends the single-quoted text early ({})", err.message),
        )
        .at_offset(text, offset + at, 1)
        .with_hint("use double quotes around text with an apostrophe, like `title: \"Apollo 11: the mission's report\"`, or write the apostrophe twice (`''`)");
    }
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
}

/// Where, in `yaml`, an apostrophe ends a single-quoted value before the
/// author meant it to (`title: 'the mission's report'`): a quote, not
/// doubled, followed on its line by more than a comment or punctuation.
fn apostrophe(yaml: &str) -> Option<usize> {
    let mut line_start = 0;
    for line in yaml.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let opening = match line.find(": '") {
            Some(i) => i + 2,
            None => match line.trim_start().strip_prefix("- '") {
                Some(_) => line.find("- '")? + 2,
                None => continue,
            },
        };
        let value = &line[opening + 1..];
        let mut chars = value.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c != '\'' {
                continue;
            }
            if chars.peek().is_some_and(|&(_, next)| next == '\'') {
                chars.next();
                continue;
            }
            let rest = value[i + 1..].trim();
            if !rest.is_empty() && !rest.starts_with(['#', ',', ']', '}']) {
                return Some(start + opening + 1 + i);
            }
            break;
        }
    }
    None
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
mod tests;
