//! The characters of the text as libyaml's reader sees them: what stands
//! ahead, and moving past it while keeping libyaml's mark (characters,
//! line and column).

use super::{Mark, Scanner};

impl Scanner<'_> {
    pub(super) fn byte(&self, ahead: usize) -> u8 {
        self.bytes.get(self.pos + ahead).copied().unwrap_or(0)
    }

    pub(super) fn at(&self, c: u8) -> bool {
        self.byte(0) == c
    }

    /// libyaml's `IS_Z`: the end (or a NUL, which its reader refuses).
    pub(super) fn is_z(&self, ahead: usize) -> bool {
        self.byte(ahead) == 0
    }

    pub(super) fn is_blank(&self, ahead: usize) -> bool {
        matches!(self.byte(ahead), b' ' | b'\t')
    }

    /// CR, LF, NEL, LS or PS.
    pub(super) fn is_break(&self, ahead: usize) -> bool {
        match self.byte(ahead) {
            b'\r' | b'\n' => true,
            0xC2 => self.byte(ahead + 1) == 0x85,
            0xE2 => self.byte(ahead + 1) == 0x80 && matches!(self.byte(ahead + 2), 0xA8 | 0xA9),
            _ => false,
        }
    }

    pub(super) fn is_breakz(&self, ahead: usize) -> bool {
        self.is_break(ahead) || self.is_z(ahead)
    }

    pub(super) fn is_blankz(&self, ahead: usize) -> bool {
        self.is_blank(ahead) || self.is_breakz(ahead)
    }

    /// libyaml's `IS_ALPHA`: what an anchor's name is made of.
    pub(super) fn is_alpha(&self) -> bool {
        let c = self.byte(0);
        c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
    }

    /// `---` or `...` alone at the start of a line.
    pub(super) fn at_document_marker(&self) -> bool {
        self.column == 0
            && ((self.byte(0) == b'-' && self.byte(1) == b'-' && self.byte(2) == b'-')
                || (self.byte(0) == b'.' && self.byte(1) == b'.' && self.byte(2) == b'.'))
            && self.is_blankz(3)
    }

    /// Moves past one character that is not a line break.
    pub(super) fn skip(&mut self) {
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
    pub(super) fn skip_line(&mut self) {
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

    pub(super) fn mark(&self) -> Mark {
        Mark {
            index: self.index,
            line: self.line,
            column: self.column,
            offset: self.pos,
        }
    }
    pub(super) fn column_is(&self, indent: isize) -> bool {
        isize::try_from(self.column).is_ok_and(|c| c == indent)
    }

    pub(super) fn column_below(&self, indent: isize) -> bool {
        isize::try_from(self.column).is_ok_and(|c| c < indent)
    }
}
