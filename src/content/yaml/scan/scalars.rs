//! The scalars, anchors and tags, read as libyaml's scanner reads them: where
//! each one ends, and where each scalar is written.

use super::{Scalar, Scanner, Stop};

impl Scanner<'_> {
    pub(super) fn anchor(&mut self) -> Result<(), Stop> {
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
    pub(super) fn tag(&mut self) -> Result<(), Stop> {
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

    pub(super) fn block_scalar(&mut self) -> Result<(), Stop> {
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

    pub(super) fn quoted_scalar(&mut self, quote: u8) -> Result<(), Stop> {
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

    pub(super) fn plain_scalar(&mut self) -> Result<(), Stop> {
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
