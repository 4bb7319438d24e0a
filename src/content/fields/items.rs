//! Lists of mappings under a key (`dated_by`, `accounts`, `corrections`),
//! read as strictly as the top-level keys: each item's keys taken by name
//! and type, what is missing, mistyped or unknown reported at its place.

use super::Fields;
use super::nested::{Kind, Node};
use crate::date::Date;
use crate::diagnostic::Diagnostic;

/// One mapping of a list, its keys taken one by one.
#[derive(Debug)]
pub(crate) struct Item {
    /// Where its first key is written.
    pub(crate) offset: usize,
    pairs: Vec<(String, usize, Option<Node>)>,
}

impl Fields<'_> {
    /// The mappings listed under `key` (none when it is absent); a value
    /// that is not a list, an empty list and an item that is not a mapping
    /// are errors. `example` shows one item, for hints.
    pub(crate) fn mappings(&mut self, key: &str, example: &str) -> Vec<Item> {
        match self.nested(key) {
            Some(node) => self.mappings_in(key, node, example),
            None => Vec::new(),
        }
    }

    /// The one mapping under `key` (`None` when it is absent); a value
    /// that is not a mapping is an error. `example` shows one, for hints.
    pub(crate) fn mapping(&mut self, key: &str, example: &str) -> Option<Item> {
        let node = self.nested(key)?;
        match node.kind {
            Kind::Map(pairs) => Some(Item {
                offset: node.offset,
                pairs: pairs
                    .into_iter()
                    .map(|(name, at, value)| (name, at, Some(value)))
                    .collect(),
            }),
            other => {
                self.report(
                    "wrong-type",
                    node.offset,
                    1,
                    format!(
                        "`{key}` should be a mapping (`key: value` lines), not {}",
                        other.describe()
                    ),
                    format!("write it like `{example}`"),
                );
                None
            }
        }
    }

    /// [`Fields::mappings`] of a value already taken.
    pub(crate) fn mappings_in(&mut self, key: &str, node: Node, example: &str) -> Vec<Item> {
        let items = match node.kind {
            Kind::List(items) if items.is_empty() => {
                self.report(
                    "empty-list",
                    node.offset,
                    1,
                    format!("`{key}` is an empty list"),
                    format!("list at least one item under `{key}`, like `{example}`, or leave `{key}` out"),
                );
                return Vec::new();
            }
            Kind::List(items) => items,
            other => {
                self.report(
                    "wrong-type",
                    node.offset,
                    1,
                    format!("`{key}` should be a list, not {}", other.describe()),
                    format!(
                        "write each item on a line of its own starting with `- `, like `{example}`"
                    ),
                );
                return Vec::new();
            }
        };
        let mut found = Vec::with_capacity(items.len());
        for item in items {
            match item.kind {
                Kind::Map(pairs) => found.push(Item {
                    offset: item.offset,
                    pairs: pairs
                        .into_iter()
                        .map(|(name, at, value)| (name, at, Some(value)))
                        .collect(),
                }),
                other => self.report(
                    "wrong-type",
                    item.offset,
                    1,
                    format!(
                        "an item of `{key}` should be a mapping (`key: value` lines), not {}",
                        other.describe()
                    ),
                    format!("write it like `{example}`"),
                ),
            }
        }
        found
    }

    /// Reports an error at `offset`.
    pub(crate) fn report(
        &mut self,
        code: &'static str,
        offset: usize,
        len: usize,
        message: String,
        hint: String,
    ) {
        let diagnostic = self.error_at(code, offset, len, message).with_hint(hint);
        self.diagnostics.push(diagnostic);
    }
}

impl Item {
    /// Where `key` is written, if it is, without taking it.
    pub(crate) fn key_at(&self, key: &str) -> Option<usize> {
        self.pairs
            .iter()
            .find(|(name, ..)| name == key)
            .map(|(_, at, _)| *at)
    }

    /// Takes `key`'s value and the offset of the key.
    pub(crate) fn take(&mut self, key: &str) -> Option<(usize, Node)> {
        let (_, at, node) = self.pairs.iter_mut().find(|(name, ..)| name == key)?;
        Some((*at, node.take()?))
    }

    /// A text value, trimmed, with its offset. Missing (with `required`,
    /// the hint), empty or not text: an error.
    pub(crate) fn text(
        &mut self,
        fields: &mut Fields<'_>,
        key: &str,
        required: Option<&str>,
    ) -> Option<(String, usize)> {
        let Some((at, node)) = self.take(key) else {
            if let Some(hint) = required {
                self.missing(fields, key, hint);
            }
            return None;
        };
        match node.kind {
            Kind::Text(text) if !text.trim().is_empty() => {
                let text = match crate::chars::find(&text) {
                    Some(found) => {
                        let warning =
                            crate::chars::warning(fields.path, fields.text, node.offset, found);
                        fields.diagnostics.push(warning);
                        crate::chars::strip(&text).into_owned()
                    }
                    None => text,
                };
                Some((text.trim().to_string(), node.offset))
            }
            Kind::Text(..) | Kind::Null => {
                fields.report(
                    "empty-value",
                    at,
                    key.len(),
                    format!("`{key}` is empty"),
                    format!("write a value after `{key}:`"),
                );
                None
            }
            other => {
                fields.report(
                    "wrong-type",
                    node.offset,
                    1,
                    format!("`{key}` should be text, not {}", other.describe()),
                    format!("write one line of text after `{key}:`"),
                );
                None
            }
        }
    }

    /// A true/false value, with the offset of its key.
    pub(crate) fn flag(&mut self, fields: &mut Fields<'_>, key: &str) -> Option<(bool, usize)> {
        let (at, node) = self.take(key)?;
        match node.kind {
            Kind::Text(text) if text == "true" || text == "false" => Some((text == "true", at)),
            Kind::Null => None,
            other => {
                fields.report(
                    "wrong-type",
                    node.offset,
                    1,
                    format!(
                        "`{key}` should be `true` or `false`, not {}",
                        match other {
                            Kind::Text(_) => "other text",
                            other => other.describe(),
                        }
                    ),
                    format!("write `{key}: true`, or leave `{key}` out"),
                );
                None
            }
        }
    }

    /// An EDTF date, as [`Fields::date`] reads one, with its offset.
    pub(crate) fn date(
        &mut self,
        fields: &mut Fields<'_>,
        key: &str,
        required: Option<&str>,
    ) -> Option<(Date, usize)> {
        let Some((at, node)) = self.take(key) else {
            if let Some(hint) = required {
                self.missing(fields, key, hint);
            }
            return None;
        };
        // YAML reads an unquoted `[2023-10..2024-03]` as a list.
        let written = match &node.kind {
            Kind::Text(text) => Some(text.clone()),
            Kind::List(items) => items
                .iter()
                .map(|item| match &item.kind {
                    Kind::Text(text) => Some(text.clone()),
                    _ => None,
                })
                .collect::<Option<Vec<String>>>()
                .map(|items| format!("[{}]", items.join(", "))),
            _ => None,
        };
        let Some(written) = written else {
            fields.report(
                "wrong-type",
                if matches!(node.kind, Kind::Null) {
                    at
                } else {
                    node.offset
                },
                key.len(),
                format!(
                    "`{key}` should be an EDTF date, not {}",
                    node.kind.describe()
                ),
                "write a date such as `2022-02-21`".into(),
            );
            return None;
        };
        match Date::parse(&written) {
            Ok(date) => Some((date, node.offset)),
            Err(err) => {
                // A list's text was put together here: point at its start.
                let shift = if matches!(node.kind, Kind::List(_)) {
                    0
                } else {
                    err.offset
                };
                let mut diagnostic = fields.error_at(
                    "invalid-date",
                    node.offset + shift,
                    err.len.max(1),
                    err.message,
                );
                if let Some(hint) = err.hint {
                    diagnostic = diagnostic.with_hint(hint);
                }
                fields.diagnostics.push(diagnostic);
                None
            }
        }
    }

    /// The required `key` is missing: said at the item's first key.
    pub(crate) fn missing(&self, fields: &mut Fields<'_>, key: &str, hint: &str) {
        fields.report(
            "missing-key",
            self.offset,
            1,
            format!("this item lacks the required key `{key}`"),
            hint.to_string(),
        );
    }

    /// Reports every key not taken as unknown, suggesting the nearest of `known`.
    pub(crate) fn finish(self, fields: &mut Fields<'_>, known: &[&str]) {
        for (name, at, node) in self.pairs {
            if node.is_none() {
                continue;
            }
            let mut diagnostic =
                Diagnostic::error("unknown-key", fields.path, format!("unknown key `{name}`"))
                    .at_offset(fields.text, at, name.len().max(1));
            diagnostic = match super::nearest(&name, known) {
                Some(near) => diagnostic.with_hint(format!("did you mean `{near}`?")),
                None => diagnostic.with_hint(format!("known keys here: {}", known.join(", "))),
            };
            fields.diagnostics.push(diagnostic);
        }
    }
}
