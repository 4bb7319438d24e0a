//! What the author wrote, and where: the place of each key and value in
//! the file, the scalars a value is written as, and a value as the text
//! typed where YAML would read it as a number or true/false.

use super::Fields;
use crate::content::yaml::{self, Scalar, Value};

impl Fields<'_> {
    /// The scalars written in an entry's value, in order.
    pub(super) fn written(&self, index: usize) -> &[Scalar] {
        let entry = &self.entries[index];
        let from = self
            .scalars
            .partition_point(|s| s.start < entry.value_offset);
        let to = self.scalars.partition_point(|s| s.start < entry.value_end);
        &self.scalars[from..to.max(from)]
    }

    /// A scalar value as text: a number or true/false as the author wrote
    /// it when `written` is where it stands, else as YAML gives it back.
    pub(super) fn as_text(&self, value: &Value, written: Option<&Scalar>) -> Option<String> {
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
    pub(super) fn items(&self, index: usize) -> Option<Vec<(String, usize)>> {
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
}

/// For each top-level key: (key, key offset, value offset, end of the value's
/// region), all relative to the YAML text. Front matter is flat, so a line
/// starting in column one with `key:` starts a key.
pub(super) fn key_places(yaml: &str) -> Vec<(String, usize, usize, usize)> {
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
