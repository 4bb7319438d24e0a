//! A linear pass over YAML text that sees its tokens as the YAML library
//! will, without making them: how deeply its collections nest, and where
//! each scalar is written.
//!
//! The nesting is bounded here, before the library parses anything: its
//! scanner does work in proportion to the depth for every token (libyaml
//! re-examines one possible key per open `[` or `{`), so a note of nothing
//! but nested brackets costs it time in the square of its length before its
//! own depth limit applies, after the scan. The scalars' places let a text field keep the
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
//!
//! The characters are read in [`reader`], the scalars, anchors and tags in
//! [`scalars`]; this file holds the tokens that open and close collections.

mod reader;
mod scalars;

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
        self.forget_stale_key();
        self.unroll_indent(isize::try_from(self.column).unwrap_or(isize::MAX));
        if self.is_z(0) {
            return Ok(false);
        }
        if self.column == 0 && self.at(b'%') {
            // A directive: the rest of its line.
            self.end_blocks();
            while !self.is_breakz(0) {
                self.skip();
            }
        } else if self.at_document_marker() {
            self.end_blocks();
            for _ in 0..3 {
                self.skip();
            }
        } else {
            self.fetch(self.byte(0))?;
        }
        Ok(true)
    }

    /// libyaml's `stale_simple_keys`: a simple key must end on its line
    /// and within 1024 characters.
    fn forget_stale_key(&mut self) {
        if let Some(key) = self.key
            && (key.line < self.line || key.index + 1024 < self.index)
        {
            self.key = None;
        }
    }

    /// A directive or document marker ends every block collection.
    fn end_blocks(&mut self) {
        self.unroll_indent(-1);
        self.key = None;
        self.key_allowed = false;
    }

    /// Scans the token that starts with `c`, as libyaml's
    /// `fetch_next_token` tells them apart.
    fn fetch(&mut self, c: u8) -> Result<(), Stop> {
        let next_blankz = self.is_blankz(1);
        match c {
            b'[' | b'{' => self.flow_start()?,
            b']' | b'}' => self.flow_end(),
            b',' => self.flow_entry(),
            b'-' if next_blankz => self.block_entry()?,
            b'?' if self.flow > 0 || next_blankz => self.key_indicator()?,
            b':' if self.flow > 0 || next_blankz => self.value_indicator()?,
            b'*' | b'&' => {
                self.key_candidate();
                self.anchor()?;
            }
            b'!' => {
                self.key_candidate();
                self.tag()?;
            }
            b'|' | b'>' if self.flow == 0 => {
                self.remove_key();
                self.key_allowed = true;
                self.block_scalar()?;
            }
            b'\'' | b'"' => {
                self.key_candidate();
                self.quoted_scalar(c)?;
            }
            _ if self.starts_plain(c) => {
                self.key_candidate();
                self.plain_scalar()?;
            }
            _ => return Err(Stop::Error),
        }
        Ok(())
    }

    /// The token starting here may be a simple key, and no key can start
    /// right after it.
    fn key_candidate(&mut self) {
        self.save_key();
        self.key_allowed = false;
    }

    /// `[` or `{`.
    fn flow_start(&mut self) -> Result<(), TooDeep> {
        self.save_key();
        self.flow += 1;
        self.check_depth(self.pos)?;
        self.key_allowed = true;
        self.skip();
        Ok(())
    }

    /// `]` or `}`.
    fn flow_end(&mut self) {
        self.remove_key();
        self.flow = self.flow.saturating_sub(1);
        self.key_allowed = false;
        self.skip();
    }

    /// `,` between the entries of a flow collection.
    fn flow_entry(&mut self) {
        self.remove_key();
        self.key_allowed = true;
        self.skip();
    }

    /// `- ` before an item of a block list.
    fn block_entry(&mut self) -> Result<(), TooDeep> {
        self.roll_indent(self.column, self.pos)?;
        self.remove_key();
        self.key_allowed = true;
        self.skip();
        Ok(())
    }

    /// `? ` before a complex key.
    fn key_indicator(&mut self) -> Result<(), TooDeep> {
        self.roll_indent(self.column, self.pos)?;
        self.remove_key();
        self.key_allowed = self.flow == 0;
        self.skip();
        Ok(())
    }

    /// `: ` after a key: a simple key saved before it opens a block mapping
    /// at the key's column.
    fn value_indicator(&mut self) -> Result<(), TooDeep> {
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
        Ok(())
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
}

#[cfg(test)]
mod tests;
