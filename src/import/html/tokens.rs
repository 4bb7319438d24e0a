//! HTML split into tokens: text, tags with their attributes, and anything
//! else between `<` and `>` (comments, doctypes), kept as written. A `<`
//! that starts no tag is text.

use super::decode;

/// The longest tag read as one, in bytes.
const MAX_TAG: usize = 4096;

/// One piece of HTML.
#[derive(Debug, PartialEq)]
pub(super) enum Token<'a> {
    /// Text, character references not yet decoded.
    Text(&'a str),
    /// An opening or self-closing tag: lower-case name, attributes, the raw text.
    Open(String, Vec<(String, String)>, &'a str),
    /// A closing tag: lower-case name and the raw text.
    Close(String, &'a str),
    /// A comment, doctype or anything else between `<` and `>` kept as is.
    Other(&'a str),
}

/// Splits HTML into tokens. A `<` that starts no tag is text.
pub(super) fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push(Token::Text(rest));
            break;
        };
        if lt > 0 {
            out.push(Token::Text(&rest[..lt]));
            rest = &rest[lt..];
        }
        match tag(rest) {
            Some((token, len)) => {
                out.push(token);
                rest = &rest[len..];
            }
            None => {
                out.push(Token::Text("<"));
                rest = &rest[1..];
            }
        }
    }
    out
}

/// Reads one tag at the start of `text` (which starts with `<`); returns it
/// and its length in bytes.
fn tag(text: &str) -> Option<(Token<'_>, usize)> {
    if text.starts_with("<!--") {
        let end = text.find("-->").map_or(text.len(), |i| i + 3);
        return Some((Token::Other(&text[..end]), end));
    }
    let body = &text[1..];
    let closing = body.starts_with('/');
    let name_from = usize::from(closing);
    let first = body[name_from..].chars().next()?;
    if !(first.is_ascii_alphabetic() || (first == '!' && !closing)) {
        return None;
    }
    // The tag ends at the first `>` outside quotes.
    let mut quote = None;
    let mut end = None;
    // A tag longer than this is taken for text: a stray `<` must not make
    // every later one scan to the end of the input.
    for (i, c) in body.char_indices().take_while(|(i, _)| *i < MAX_TAG) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if i > name_from => quote = Some(c),
            (None, '<') => return None,
            (None, '>') => {
                end = Some(i);
                break;
            }
            _ => {}
        }
    }
    let end = end?;
    let raw = &text[..end + 2];
    let inner = &body[name_from..end];
    if first == '!' {
        return Some((Token::Other(raw), raw.len()));
    }
    let name_len = inner
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(inner.len());
    let name = inner[..name_len].to_ascii_lowercase();
    if closing {
        return Some((Token::Close(name, raw), raw.len()));
    }
    Some((
        Token::Open(name, attributes(&inner[name_len..]), raw),
        raw.len(),
    ))
}

/// Parses `a="1" b='2' c=3 d` into pairs, names lower-cased, values decoded.
fn attributes(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
    while !rest.is_empty() {
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    (&inner[..close], inner.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let len = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..len], &after[len..])
                }
            };
            value = decode(raw);
            rest = tail;
        }
        if !name.is_empty() {
            out.push((name, value));
        }
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if name_len == 0 && !rest.is_empty() {
            // A stray character (`=` alone): skip it.
            let skip = rest.chars().next().map_or(1, char::len_utf8);
            rest = &rest[skip..];
        }
    }
    out
}

pub(super) fn attribute<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}
