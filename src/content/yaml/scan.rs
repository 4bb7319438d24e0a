//! A linear pass over YAML text that sees its tokens as the YAML library
//! will, without making them: how deeply its collections nest, and where
//! each scalar is written.
//!
//! The nesting is bounded here, before the library parses anything: its
//! scanner does work in proportion to the depth for every token (libyaml
//! re-examines one possible key per open `[` or `{`), so 64,000 nested
//! brackets in a 128 KB note took ten seconds before its own depth limit
//! applied, after the scan. The scalars' places let a text field keep the
//! characters the author typed where YAML would read a number (`3.10`).
//!
//! Hand-written, because what counts is agreeing with *this* library: a
//! bracket inside a quoted string, a comment or a block of text is no
//! nesting, and only libyaml's own rules say which is which (`#` after `,`
//! starts a comment; a plain scalar continues on a more indented line; the
//! indentation of a block of text is found from its first line). Another
//! YAML crate disagrees on such corners, and libyaml's scanner is the part
//! whose cost this pass exists to avoid. The pass follows libyaml's
//! `scanner.c` (as ported in `libyaml-rs`, which `yaml_serde` runs) token by
//! token; where libyaml would stop with an error, the pass stops too and
//! leaves the error to the library, which meets it before any deeper input.

/// How many collections may be open at once, the top-level mapping
/// included. Front matter and settings need two (a list under a key).
pub(crate) const MAX_DEPTH: usize = 32;

/// Where a scalar is written: byte offsets of its first character and just
/// past its last (quotes included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scalar {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Plain (unquoted, not a block of text): the only kind YAML can read
    /// as a number or true/false.
    pub(crate) plain: bool,
}

/// The nesting passed [`MAX_DEPTH`]: the byte offset of the token that
/// opened one collection too many.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct TooDeep {
    pub(crate) offset: usize,
}

/// Scans `text`; every scalar in the order written, or where it nests too deep.
pub(crate) fn scan(text: &str) -> Result<Vec<Scalar>, TooDeep> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        index: 0,
        line: 0,
        column: 0,
        flow: 0,
        indent: -1,
        indents: Vec::new(),
        key_allowed: true,
        key: None,
        scalars: Vec::new(),
    };
    scanner.run()?;
    Ok(scanner.scalars)
}

/// libyaml's mark: characters from the start, line, column (in characters).
#[derive(Clone, Copy)]
struct Mark {
    index: usize,
    line: usize,
    column: usize,
    offset: usize,
}

/// Why the pass ended early.
enum Stop {
    /// libyaml would report a syntax error here: it reads no further.
    Error,
    Deep(TooDeep),
}

impl From<TooDeep> for Stop {
    fn from(deep: TooDeep) -> Stop {
        Stop::Deep(deep)
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// libyaml's `mark`: characters read, line, column in characters.
    index: usize,
    line: usize,
    column: usize,
    /// Open `[` and `{`.
    flow: usize,
    /// The column of the innermost block collection, -1 outside all.
    indent: isize,
    indents: Vec<isize>,
    /// libyaml's `simple_key_allowed`.
    key_allowed: bool,
    /// The possible simple key of the block context (flow level 0): the
    /// token a `:` would make a key of, which opens a mapping at its column.
    key: Option<Mark>,
    scalars: Vec<Scalar>,
}

impl Scanner<'_> {
    fn run(&mut self) -> Result<(), TooDeep> {
        loop {
            match self.next_token() {
                Ok(true) => {}
                Ok(false) | Err(Stop::Error) => return Ok(()),
                Err(Stop::Deep(deep)) => return Err(deep),
            }
        }
    }

    // Characters.

    fn byte(&self, ahead: usize) -> u8 {
        self.bytes.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn at(&self, c: u8) -> bool {
        self.byte(0) == c
    }

    /// libyaml's `IS_Z`: the end (or a NUL, which its reader refuses).
    fn is_z(&self, ahead: usize) -> bool {
        self.byte(ahead) == 0
    }

    fn is_blank(&self, ahead: usize) -> bool {
        matches!(self.byte(ahead), b' ' | b'\t')
    }

    /// CR, LF, NEL, LS or PS.
    fn is_break(&self, ahead: usize) -> bool {
        match self.byte(ahead) {
            b'\r' | b'\n' => true,
            0xC2 => self.byte(ahead + 1) == 0x85,
            0xE2 => self.byte(ahead + 1) == 0x80 && matches!(self.byte(ahead + 2), 0xA8 | 0xA9),
            _ => false,
        }
    }

    fn is_breakz(&self, ahead: usize) -> bool {
        self.is_break(ahead) || self.is_z(ahead)
    }

    fn is_blankz(&self, ahead: usize) -> bool {
        self.is_blank(ahead) || self.is_breakz(ahead)
    }

    /// libyaml's `IS_ALPHA`: what an anchor's name is made of.
    fn is_alpha(&self) -> bool {
        let c = self.byte(0);
        c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
    }

    /// `---` or `...` alone at the start of a line.
    fn at_document_marker(&self) -> bool {
        self.column == 0
            && ((self.byte(0) == b'-' && self.byte(1) == b'-' && self.byte(2) == b'-')
                || (self.byte(0) == b'.' && self.byte(1) == b'.' && self.byte(2) == b'.'))
            && self.is_blankz(3)
    }

    /// Moves past one character that is not a line break.
    fn skip(&mut self) {
        let width = match self.byte(0) {
            0 => return,
            b if b < 0x80 => 1,
            b if b >= 0xF0 => 4,
            b if b >= 0xE0 => 3,
            _ => 2,
        };
        self.pos = (self.pos + width).min(self.bytes.len());
        self.index += 1;
        self.column += 1;
    }

    /// Moves past a line break (CR LF counts as one, of two characters).
    fn skip_line(&mut self) {
        if self.at(b'\r') && self.byte(1) == b'\n' {
            self.pos += 2;
            self.index += 2;
        } else if self.is_break(0) {
            self.pos += match self.byte(0) {
                0xC2 => 2,
                0xE2 => 3,
                _ => 1,
            };
            self.index += 1;
        } else {
            return;
        }
        self.column = 0;
        self.line += 1;
    }

    fn mark(&self) -> Mark {
        Mark {
            index: self.index,
            line: self.line,
            column: self.column,
            offset: self.pos,
        }
    }

    // Nesting.

    fn check_depth(&self, offset: usize) -> Result<(), TooDeep> {
        if self.indents.len() + self.flow > MAX_DEPTH {
            return Err(TooDeep { offset });
        }
        Ok(())
    }

    /// A block collection starts at `column`, unless one already does.
    fn roll_indent(&mut self, column: usize, offset: usize) -> Result<(), TooDeep> {
        let column = isize::try_from(column).unwrap_or(isize::MAX);
        if self.flow == 0 && self.indent < column {
            self.indents.push(self.indent);
            self.indent = column;
            self.check_depth(offset)?;
        }
        Ok(())
    }

    /// Block collections indented more than `column` end.
    fn unroll_indent(&mut self, column: isize) {
        if self.flow != 0 {
            return;
        }
        while self.indent > column {
            self.indent = self.indents.pop().unwrap_or(-1);
        }
    }

    fn save_key(&mut self) {
        if self.key_allowed && self.flow == 0 {
            self.key = Some(self.mark());
        }
    }

    fn remove_key(&mut self) {
        if self.flow == 0 {
            self.key = None;
        }
    }

    // Tokens.

    /// Scans one token; false at the end of the text.
    fn next_token(&mut self) -> Result<bool, Stop> {
        self.skip_to_next_token();
        if let Some(key) = self.key
            && (key.line < self.line || key.index + 1024 < self.index)
        {
            self.key = None;
        }
        self.unroll_indent(isize::try_from(self.column).unwrap_or(isize::MAX));
        if self.is_z(0) {
            return Ok(false);
        }
        let c = self.byte(0);
        if self.column == 0 && c == b'%' {
            // A directive: the rest of its line.
            self.unroll_indent(-1);
            self.key = None;
            self.key_allowed = false;
            while !self.is_breakz(0) {
                self.skip();
            }
            return Ok(true);
        }
        if self.at_document_marker() {
            self.unroll_indent(-1);
            self.key = None;
            self.key_allowed = false;
            for _ in 0..3 {
                self.skip();
            }
            return Ok(true);
        }
        let next_blankz = self.is_blankz(1);
        match c {
            b'[' | b'{' => {
                self.save_key();
                self.flow += 1;
                self.check_depth(self.pos)?;
                self.key_allowed = true;
                self.skip();
            }
            b']' | b'}' => {
                self.remove_key();
                self.flow = self.flow.saturating_sub(1);
                self.key_allowed = false;
                self.skip();
            }
            b',' => {
                self.remove_key();
                self.key_allowed = true;
                self.skip();
            }
            b'-' if next_blankz => {
                self.roll_indent(self.column, self.pos)?;
                self.remove_key();
                self.key_allowed = true;
                self.skip();
            }
            b'?' if self.flow > 0 || next_blankz => {
                self.roll_indent(self.column, self.pos)?;
                self.remove_key();
                self.key_allowed = self.flow == 0;
                self.skip();
            }
            b':' if self.flow > 0 || next_blankz => {
                match self.key.take() {
                    Some(key) if self.flow == 0 => {
                        self.roll_indent(key.column, key.offset)?;
                        self.key_allowed = false;
                    }
                    _ if self.flow == 0 => {
                        self.roll_indent(self.column, self.pos)?;
                        self.key_allowed = true;
                    }
                    _ => self.key_allowed = false,
                }
                self.skip();
            }
            b'*' | b'&' => {
                self.save_key();
                self.key_allowed = false;
                self.anchor()?;
            }
            b'!' => {
                self.save_key();
                self.key_allowed = false;
                self.tag()?;
            }
            b'|' | b'>' if self.flow == 0 => {
                self.remove_key();
                self.key_allowed = true;
                self.block_scalar()?;
            }
            b'\'' | b'"' => {
                self.save_key();
                self.key_allowed = false;
                self.quoted_scalar(c)?;
            }
            _ if self.starts_plain(c) => {
                self.save_key();
                self.key_allowed = false;
                self.plain_scalar()?;
            }
            _ => return Err(Stop::Error),
        }
        Ok(true)
    }

    /// Skips spaces, comments and line breaks up to the next token.
    fn skip_to_next_token(&mut self) {
        loop {
            if self.column == 0 && self.bytes[self.pos..].starts_with("\u{feff}".as_bytes()) {
                self.skip();
            }
            while self.at(b' ') || ((self.flow > 0 || !self.key_allowed) && self.at(b'\t')) {
                self.skip();
            }
            if self.at(b'#') {
                while !self.is_breakz(0) {
                    self.skip();
                }
            }
            if !self.is_break(0) {
                return;
            }
            self.skip_line();
            if self.flow == 0 {
                self.key_allowed = true;
            }
        }
    }

    /// Whether a plain scalar starts at `c` (libyaml's test, word for word).
    fn starts_plain(&self, c: u8) -> bool {
        let indicator = self.is_blankz(0)
            || matches!(
                c,
                b'-' | b'?'
                    | b':'
                    | b','
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b'#'
                    | b'&'
                    | b'*'
                    | b'!'
                    | b'|'
                    | b'>'
                    | b'\''
                    | b'"'
                    | b'%'
                    | b'@'
                    | b'`'
            );
        !indicator
            || (c == b'-' && !self.is_blank(1))
            || (self.flow == 0 && matches!(c, b'?' | b':') && !self.is_blankz(1))
    }

    fn anchor(&mut self) -> Result<(), Stop> {
        self.skip();
        let mut length = 0;
        while self.is_alpha() {
            self.skip();
            length += 1;
        }
        let follows = self.is_blankz(0)
            || matches!(
                self.byte(0),
                b'?' | b':' | b',' | b']' | b'}' | b'%' | b'@' | b'`'
            );
        if length == 0 || !follows {
            return Err(Stop::Error);
        }
        Ok(())
    }

    /// A tag runs to a blank (or, in a flow collection, a comma); libyaml
    /// refuses any tag that stops elsewhere.
    fn tag(&mut self) -> Result<(), Stop> {
        if self.byte(1) == b'<' {
            self.skip();
            self.skip();
            while !self.at(b'>') {
                if self.is_blankz(0) {
                    return Err(Stop::Error);
                }
                self.skip();
            }
            self.skip();
        } else {
            while !(self.is_blankz(0) || (self.flow > 0 && self.at(b','))) {
                self.skip();
            }
        }
        Ok(())
    }

    fn block_scalar(&mut self) -> Result<(), Stop> {
        let start = self.pos;
        self.skip();
        let mut increment = 0;
        if self.at(b'+') || self.at(b'-') {
            self.skip();
            if self.byte(0).is_ascii_digit() {
                increment = self.indentation_indicator()?;
            }
        } else if self.byte(0).is_ascii_digit() {
            increment = self.indentation_indicator()?;
            if self.at(b'+') || self.at(b'-') {
                self.skip();
            }
        }
        while self.is_blank(0) {
            self.skip();
        }
        if self.at(b'#') {
            while !self.is_breakz(0) {
                self.skip();
            }
        }
        if !self.is_breakz(0) {
            return Err(Stop::Error);
        }
        self.skip_line();
        let mut end = self.pos;
        let mut indent = match increment {
            0 => 0,
            n if self.indent >= 0 => self.indent + n,
            n => n,
        };
        self.block_breaks(&mut indent)?;
        while self.column_is(indent) && !self.is_z(0) {
            while !self.is_breakz(0) {
                self.skip();
            }
            self.skip_line();
            end = self.pos;
            self.block_breaks(&mut indent)?;
        }
        self.scalars.push(Scalar {
            start,
            end,
            plain: false,
        });
        Ok(())
    }

    fn indentation_indicator(&mut self) -> Result<isize, Stop> {
        if self.at(b'0') {
            return Err(Stop::Error);
        }
        let digit = isize::from(self.byte(0) - b'0');
        self.skip();
        Ok(digit)
    }

    fn column_is(&self, indent: isize) -> bool {
        isize::try_from(self.column).is_ok_and(|c| c == indent)
    }

    fn column_below(&self, indent: isize) -> bool {
        isize::try_from(self.column).is_ok_and(|c| c < indent)
    }

    /// The empty lines and indentation of a block of text; finds its
    /// indentation from the first line with text when not given.
    fn block_breaks(&mut self, indent: &mut isize) -> Result<(), Stop> {
        let mut max_indent = 0;
        loop {
            while (*indent == 0 || self.column_below(*indent)) && self.at(b' ') {
                self.skip();
            }
            max_indent = max_indent.max(isize::try_from(self.column).unwrap_or(isize::MAX));
            if (*indent == 0 || self.column_below(*indent)) && self.at(b'\t') {
                return Err(Stop::Error);
            }
            if !self.is_break(0) {
                break;
            }
            self.skip_line();
        }
        if *indent == 0 {
            *indent = max_indent.max(self.indent + 1).max(1);
        }
        Ok(())
    }

    fn quoted_scalar(&mut self, quote: u8) -> Result<(), Stop> {
        let single = quote == b'\'';
        let start = self.pos;
        self.skip();
        loop {
            if self.at_document_marker() || self.is_z(0) {
                return Err(Stop::Error);
            }
            while !self.is_blankz(0) {
                if single && self.at(b'\'') && self.byte(1) == b'\'' {
                    self.skip();
                    self.skip();
                } else if self.at(quote) {
                    break;
                } else if !single && self.at(b'\\') && self.is_break(1) {
                    self.skip();
                    self.skip_line();
                    break;
                } else if !single && self.at(b'\\') {
                    // The escaped character; hex digits that may follow
                    // are read as any other character.
                    self.skip();
                    self.skip();
                } else {
                    self.skip();
                }
            }
            if self.at(quote) {
                break;
            }
            while self.is_blank(0) || self.is_break(0) {
                if self.is_blank(0) {
                    self.skip();
                } else {
                    self.skip_line();
                }
            }
        }
        self.skip();
        self.scalars.push(Scalar {
            start,
            end: self.pos,
            plain: false,
        });
        Ok(())
    }

    fn plain_scalar(&mut self) -> Result<(), Stop> {
        let indent = self.indent + 1;
        let start = self.pos;
        let mut end = self.pos;
        let mut leading_blanks = false;
        loop {
            if self.at_document_marker() || self.at(b'#') {
                break;
            }
            while !self.is_blankz(0) {
                let c = self.byte(0);
                if self.flow > 0
                    && c == b':'
                    && matches!(self.byte(1), b',' | b'?' | b'[' | b']' | b'{' | b'}')
                {
                    return Err(Stop::Error);
                }
                if (c == b':' && self.is_blankz(1))
                    || (self.flow > 0 && matches!(c, b',' | b'[' | b']' | b'{' | b'}'))
                {
                    break;
                }
                leading_blanks = false;
                self.skip();
                end = self.pos;
            }
            if !(self.is_blank(0) || self.is_break(0)) {
                break;
            }
            while self.is_blank(0) || self.is_break(0) {
                if self.is_blank(0) {
                    if leading_blanks && self.column_below(indent) && self.at(b'\t') {
                        return Err(Stop::Error);
                    }
                    self.skip();
                } else {
                    self.skip_line();
                    leading_blanks = true;
                }
            }
            if self.flow == 0 && self.column_below(indent) {
                break;
            }
        }
        self.scalars.push(Scalar {
            start,
            end,
            plain: true,
        });
        if leading_blanks {
            self.key_allowed = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(yaml: &str) -> Vec<&str> {
        scan(yaml)
            .unwrap()
            .iter()
            .map(|s| &yaml[s.start..s.end])
            .collect()
    }

    fn deep_at(yaml: &str) -> Option<usize> {
        scan(yaml).err().map(|d| d.offset)
    }

    #[test]
    fn finds_every_scalar_where_written() {
        assert_eq!(
            texts(
                "title: 3.10 # c\ntags: [3.10, '010', \"a\\\"b\"]\nlist:\n  - 0x1F\n  - two words\n"
            ),
            [
                "title",
                "3.10",
                "tags",
                "3.10",
                "'010'",
                "\"a\\\"b\"",
                "list",
                "0x1F",
                "two words"
            ]
        );
        assert_eq!(
            texts("a: plain\n  continued\nb: |\n  [block\nc: x\n"),
            ["a", "plain\n  continued", "b", "|\n  [block\n", "c", "x"]
        );
        assert_eq!(
            texts("k: [a,#b]\n  ]\n"),
            ["k", "a"],
            "`#` after `,` is a comment to libyaml"
        );
        assert_eq!(texts("k: &x a:b\n"), ["k", "a:b"]);
    }

    #[test]
    fn counts_flow_and_block_nesting() {
        let ok = format!("k: {}{}\n", "[".repeat(31), "]".repeat(31));
        assert_eq!(deep_at(&ok), None);
        let deep = format!("k: {}{}\n", "[".repeat(32), "]".repeat(32));
        assert_eq!(deep_at(&deep), Some(3 + 31));
        let dashes = format!("k:\n{}x\n", "- ".repeat(40));
        // The first dash shares the mapping's column: an indentless list.
        assert_eq!(deep_at(&dashes), Some(3 + 2 * 32));
        let mut keys = String::new();
        for level in 0..40 {
            keys.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
        }
        let at = deep_at(&keys).unwrap();
        assert_eq!(&keys[at..at + 4], "k32:");
    }

    #[test]
    fn brackets_in_scalars_and_comments_do_not_nest() {
        let deep = "[".repeat(100);
        for yaml in [
            format!("a: \"{deep}\"\n"),
            format!("a: '{deep}'\n"),
            format!("a: x{deep}\n"),
            format!("a: 1 # {deep}\n"),
            format!("a: |\n  {deep}\n"),
            format!("a: >2\n   {deep}\n"),
            format!("a: \"x\n{deep}\"\n"),
            format!("a: b\n  {deep}\n"),
            format!("# {deep}\na: b\n"),
            format!("a: !t{deep} b\n"),
        ] {
            assert_eq!(deep_at(&yaml), None, "{yaml}");
        }
    }

    #[test]
    fn text_that_only_looks_quoted_is_still_counted() {
        // `'` inside a plain scalar opens nothing: the brackets after it count.
        let yaml = format!("a: it's\nb: {}\n", "[".repeat(40));
        assert!(deep_at(&yaml).is_some());
        // A block of text ends at the first less indented line.
        let yaml = format!("a: |\n  text\nb: {}\n", "[".repeat(40));
        assert!(deep_at(&yaml).is_some());
        // A continuation line of a plain scalar that starts with a quote.
        let yaml = format!("a: x\n  \"y\nb: {}\n", "[".repeat(40));
        assert!(deep_at(&yaml).is_some());
    }

    #[test]
    fn the_trials_input_stops_at_the_limit() {
        let n = 64 * 1024;
        let yaml = format!("tags: {}{}\n", "[".repeat(n), "]".repeat(n));
        assert_eq!(deep_at(&yaml), Some(6 + 31));
        let yaml = format!("tags: \"{}\"\n", "[".repeat(n));
        assert_eq!(texts(&yaml).len(), 2);
    }
}
