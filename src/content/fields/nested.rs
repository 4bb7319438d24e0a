//! Values below a key (a list of mappings, such as `dated_by`), each part
//! with its place in the file, so an error inside can point at its line.
//!
//! The YAML library gives the values without places; the scan gives the
//! places of the scalars without values. Both are in the order written, so
//! walking the value in order pairs each scalar with its place. Where the
//! two part (an alias repeats values written once, a tag), the rest of the
//! value is placed at its key: an error is then reported a little early,
//! never lost.

use super::Fields;
use crate::content::yaml::{self, Scalar, Value};

/// A value below a key, with the byte offset in the file where it is
/// written (for a list or mapping: where its first scalar is).
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) offset: usize,
    pub(crate) kind: Kind,
}

/// What a [`Node`] holds.
#[derive(Debug)]
pub(crate) enum Kind {
    /// Nothing written (`key:` alone, or `~`).
    Null,
    /// A scalar, as the author typed it where YAML reads a number or
    /// true/false.
    Text(String),
    /// A list.
    List(Vec<Node>),
    /// A mapping: each key with its offset, and its value.
    Map(Vec<(String, usize, Node)>),
    /// Anything else (a tagged value), described for an error.
    Other(&'static str),
}

impl Kind {
    /// A short English name of the kind, for errors.
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "nothing",
            Kind::Text(..) => "text",
            Kind::List(_) => "a list",
            Kind::Map(_) => "a mapping (`key: value` pairs)",
            Kind::Other(what) => what,
        }
    }
}

/// Pairs the values of one entry with the scalars written in it.
struct Walk<'s> {
    text: &'s str,
    scalars: &'s [Scalar],
    next: usize,
    /// Where the last placed scalar ends: the place of an empty value.
    last_end: usize,
    /// The values and the scalars have parted; every place from here on is
    /// `fallback`.
    lost: bool,
    fallback: usize,
}

impl Fields<'_> {
    /// Takes a key whose value may nest, with the place of every part.
    /// `None` when absent.
    pub(crate) fn nested(&mut self, key: &str) -> Option<Node> {
        let index = self.take(key)?;
        let entry = &self.entries[index];
        let mut walk = Walk {
            text: self.text,
            scalars: self.written(index),
            next: 0,
            last_end: entry.value_offset,
            lost: false,
            fallback: entry.value_offset,
        };
        let mut node = walk.node(&entry.value);
        node.offset = entry.value_offset;
        Some(node)
    }
}

impl Walk<'_> {
    fn node(&mut self, value: &Value) -> Node {
        match value {
            Value::Null => {
                let offset = match self.peek() {
                    Some(s) if s.plain && is_null(&self.text[s.start..s.end]) => {
                        self.advance().map_or(self.fallback, |s| s.start)
                    }
                    _ => self.place(self.last_end),
                };
                Node {
                    offset,
                    kind: Kind::Null,
                }
            }
            Value::String(_) | Value::Number(_) | Value::Bool(_) => self.scalar(value),
            Value::Sequence(items) => {
                let offset = self.upcoming();
                let items = items.iter().map(|item| self.node(item)).collect();
                Node {
                    offset,
                    kind: Kind::List(items),
                }
            }
            Value::Mapping(map) => {
                let offset = self.upcoming();
                let mut pairs = Vec::with_capacity(map.len());
                for (key, value) in map {
                    let key_node = self.scalar(key);
                    let name = match key_node.kind {
                        Kind::Text(name) => name,
                        _ => String::new(),
                    };
                    pairs.push((name, key_node.offset, self.node(value)));
                }
                Node {
                    offset,
                    kind: Kind::Map(pairs),
                }
            }
            Value::Tagged(_) => {
                // A tag's scalars are not paired: the places after it are lost.
                let offset = self.upcoming();
                self.lost = true;
                Node {
                    offset,
                    kind: Kind::Other(yaml::describe(value)),
                }
            }
        }
    }

    /// A scalar value (or key), paired with the next scalar written when
    /// they agree.
    fn scalar(&mut self, value: &Value) -> Node {
        let typed = self.peek().and_then(|s| {
            let written = &self.text[s.start..s.end];
            let agrees = match value {
                Value::String(text) => !s.plain || written == text,
                _ => s.plain,
            };
            agrees.then_some((s, written))
        });
        match typed {
            Some((s, written)) if !self.lost => {
                self.advance();
                let text = match value {
                    Value::Number(_) | Value::Bool(_) => written.to_string(),
                    _ => yaml::scalar_text(value).unwrap_or_default(),
                };
                Node {
                    offset: s.start + usize::from(!s.plain),
                    kind: Kind::Text(text),
                }
            }
            _ => {
                self.lost = true;
                Node {
                    offset: self.fallback,
                    kind: Kind::Text(yaml::scalar_text(value).unwrap_or_default()),
                }
            }
        }
    }

    fn peek(&self) -> Option<Scalar> {
        if self.lost {
            return None;
        }
        self.scalars.get(self.next).copied()
    }

    fn advance(&mut self) -> Option<Scalar> {
        let s = self.peek()?;
        self.next += 1;
        self.last_end = s.end;
        Some(s)
    }

    /// Where the next scalar starts: the place of a list or mapping.
    fn upcoming(&self) -> usize {
        let at = self.peek().map_or(self.last_end, |s| s.start);
        self.place(at)
    }

    fn place(&self, at: usize) -> usize {
        if self.lost { self.fallback } else { at }
    }
}

/// YAML's spellings of nothing.
fn is_null(written: &str) -> bool {
    matches!(written, "~" | "null" | "Null" | "NULL")
}
