//! Lines of code already parsed, kept by each thread while a build runs.
//!
//! Parsing a line with syntect is regex searching, and the result depends
//! only on the line's text and the parser's state before it. Code repeats
//! lines (closing braces, `return result`, a loop header copied from block
//! to block), and a repeat in the same state is looked up here instead of
//! parsed again. The first parse is the same code path as
//! before, so a memoised line yields exactly the same spans.

use rustc_hash::FxHashMap;
use syntect::parsing::{ParseState, ParsingError, ScopeStackOp, SyntaxSet};

/// At most this many lines are kept; the table starts afresh when full, so
/// its memory a thread (each line's states and scope operations) stays the
/// same whatever the site's size.
const CAPACITY: usize = 2048;

/// One parse of a line: the state it began in, what it found, and the
/// state it left.
struct Parsed {
    before: ParseState,
    ops: Vec<(usize, ScopeStackOp)>,
    after: ParseState,
}

/// Parses of lines, by their text; a line parsed in several states keeps
/// one entry for each.
#[derive(Default)]
pub(super) struct ParsedLines {
    by_text: FxHashMap<Box<str>, Vec<Parsed>>,
    len: usize,
}

impl ParsedLines {
    /// The scope operations of `line` parsed from `state`, which is moved
    /// on to the state after the line, as [`ParseState::parse_line`] does.
    pub(super) fn parse(
        &mut self,
        state: &mut ParseState,
        line: &str,
        syntaxes: &SyntaxSet,
    ) -> Result<&[(usize, ScopeStackOp)], ParsingError> {
        let known = self
            .by_text
            .get(line)
            .and_then(|parses| parses.iter().position(|parsed| parsed.before == *state));
        if let Some(at) = known {
            let parsed = &self.by_text[line][at];
            state.clone_from(&parsed.after);
            return Ok(&parsed.ops);
        }
        let before = state.clone();
        let ops = state.parse_line(line, syntaxes)?;
        if self.len == CAPACITY {
            self.by_text.clear();
            self.len = 0;
        }
        self.len += 1;
        let parses = self.by_text.entry(line.into()).or_default();
        parses.push(Parsed {
            before,
            ops,
            after: state.clone(),
        });
        Ok(&parses[parses.len() - 1].ops)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops_of(lines: &[&str], memo: &mut Option<ParsedLines>) -> Vec<Vec<(usize, ScopeStackOp)>> {
        let syntaxes = SyntaxSet::load_defaults_newlines();
        let syntax = syntaxes
            .find_syntax_by_token("rust")
            .expect("Rust is a default syntax");
        let mut state = ParseState::new(syntax);
        lines
            .iter()
            .map(|line| match memo {
                Some(memo) => memo.parse(&mut state, line, &syntaxes).map(<[_]>::to_vec),
                None => state.parse_line(line, &syntaxes),
            })
            .collect::<Result<_, _>>()
            .expect("the lines parse")
    }

    #[test]
    fn a_repeated_line_gets_the_same_spans_as_a_fresh_parse_in_each_state() {
        // `}` and `x` recur inside and outside a string and a block comment:
        // the same text in another state must not take the first one's parse.
        let lines = [
            "fn main() {\n",
            "    let s = \"\n",
            "}\n",
            "x\n",
            "\";\n",
            "}\n",
            "/*\n",
            "x\n",
            "}\n",
            "*/\n",
            "x\n",
            "}\n",
        ];
        let mut memo = Some(ParsedLines::default());
        assert_eq!(ops_of(&lines, &mut memo), ops_of(&lines, &mut None));
        let memo = memo.expect("kept");
        assert!(
            memo.by_text["}\n"].len() >= 3,
            "a parse for each state of the brace"
        );
    }

    #[test]
    fn the_table_starts_afresh_when_full() {
        let lines: Vec<String> = (0..CAPACITY + 3)
            .map(|n| format!("let v{n} = {n};\n"))
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let mut memo = Some(ParsedLines::default());
        assert_eq!(ops_of(&lines, &mut memo), ops_of(&lines, &mut None));
        assert_eq!(memo.expect("kept").len, 3);
    }
}
