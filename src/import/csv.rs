//! Reading the CSV of a spreadsheet (RFC 4180, as spreadsheets export it)
//! with the `csv` crate: fields in double quotes may hold the separator,
//! line breaks and doubled quotes; records end with LF or CRLF.
//!
//! Two things are ours. The separator is a comma, or a semicolon or tab when
//! the header line has more of those (spreadsheets in some locales export
//! so; the crate takes the separator as given). And a quoted field that is
//! never closed is an error: the crate reads it to the end of the file as
//! one field (rust-csv issues #252 and #289), which would turn the rest of a
//! sheet into one cell of one slide without a word.

/// One record and the line of the file it starts on (1-based).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Record {
    /// The fields, unquoted.
    pub fields: Vec<String>,
    /// The line the record starts on.
    pub line: usize,
    /// Its row, as a spreadsheet shows the file: empty lines are rows too.
    pub row: usize,
}

/// Why a file is not CSV.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct CsvError {
    /// What is wrong.
    pub message: String,
    /// The line it starts on.
    pub line: usize,
}

/// The separator the header line uses most, outside quotes.
fn separator(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                for (sep, count) in &mut counts {
                    if c == *sep {
                        *count += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties (and no separator at all) go to the comma, which comes first.
    counts
        .iter()
        .fold(
            (',', 0),
            |best, &(sep, count)| {
                if count > best.1 { (sep, count) } else { best }
            },
        )
        .0
}

/// Reads every record. A quote inside an unquoted field is kept as text; a
/// quoted field that never closes is an error.
pub(crate) fn read(text: &str) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(text) as u8)
        .from_reader(text.as_bytes());
    let mut records: Vec<Record> = Vec::new();
    let mut lines = Lines::default();
    let mut breaks_before = 0;
    let mut last_start = 0;
    for record in reader.records() {
        let record = record.map_err(|err| CsvError {
            message: err.to_string(),
            line: err
                .position()
                .map_or(1, |p| lines.at(text, offset(p.byte()))),
        })?;
        // The crate's position is just past the previous record's first
        // line-break byte: the record itself starts after any more of them
        // (a CRLF's LF, and the empty lines the crate skips).
        let after = record.position().map_or(0, |p| offset(p.byte()));
        let start = text
            .get(after..)
            .and_then(|rest| rest.find(|c| c != '\r' && c != '\n'))
            .map_or(text.len(), |skip| after + skip);
        let line = lines.at(text, start);
        let breaks: usize = record.iter().map(|f| f.matches('\n').count()).sum();
        records.push(Record {
            fields: record.iter().map(|f| f.replace("\r\n", "\n")).collect(),
            line,
            // A spreadsheet shows each line as a row, but for line breaks
            // inside a field; empty lines included.
            row: line - breaks_before,
        });
        breaks_before += breaks;
        last_start = start;
    }
    if let Some(last) = records.last()
        && never_closed(last, text.get(last_start..).unwrap_or_default())
    {
        return Err(CsvError {
            message: "a quoted field is never closed".to_string(),
            line: last.line,
        });
    }
    Ok(records)
}

fn offset(byte: u64) -> usize {
    usize::try_from(byte).unwrap_or(usize::MAX)
}

/// Line numbers of byte offsets asked for in order, counted once.
#[derive(Default)]
struct Lines {
    at: usize,
    line: usize,
}

impl Lines {
    /// The 1-based line of `offset` in `text` (at or after the last asked).
    fn at(&mut self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        if offset > self.at {
            self.line += text.as_bytes()[self.at..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.at = offset;
        }
        self.line + 1
    }
}

/// Whether the last record, whose text runs from `raw` to the end of the
/// file, holds a quoted field the crate read to the end of the file: such a
/// record spans lines and has an odd number of quotes (a quoted field has
/// two, and two for each quote inside it).
fn never_closed(last: &Record, raw: &str) -> bool {
    last.fields.iter().any(|f| f.contains('\n')) && raw.matches('"').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        read(text)
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn plain_and_quoted_fields() {
        assert_eq!(fields("a,b,c\n1,2,3\n"), [["a", "b", "c"], ["1", "2", "3"]]);
        assert_eq!(
            fields("\"a, b\",\"say \"\"hi\"\"\",c"),
            [["a, b", "say \"hi\"", "c"]]
        );
        assert_eq!(fields("a,,\n"), [["a", "", ""]]);
        assert_eq!(fields("x,y\"z,\"\""), [["x", "y\"z", ""]]);
    }

    #[test]
    fn line_breaks_inside_quotes_and_crlf() {
        let records = read("h1,h2\r\n\"two\r\nlines\",b\r\nc,d").unwrap_or_default();
        assert_eq!(records.len(), 3);
        assert_eq!(records[1].fields, ["two\nlines", "b"]);
        assert_eq!(records[1].line, 2);
        assert_eq!(records[2].fields, ["c", "d"]);
        assert_eq!(records[2].line, 4);
        assert_eq!(records[2].row, 3);
    }

    #[test]
    fn the_parser_test_fixture_reads() {
        let text = "title,count,description\na good day,5,\"let's just pile it  all in here,  commas, \"\"quoted strings\"\" and \nnew lines!\"\nan ok day,3,this is less ambitious\n\"a day, i guess\",2,what else could go wrong?";
        let records = read(text).unwrap_or_default();
        assert_eq!(records.len(), 4);
        assert_eq!(
            records[1].fields[2],
            "let's just pile it  all in here,  commas, \"quoted strings\" and \nnew lines!"
        );
        assert_eq!(records[3].fields[0], "a day, i guess");
    }

    #[test]
    fn other_separators_and_bom() {
        assert_eq!(
            fields("\u{feff}a;b;c\n1;2,5;3"),
            [["a", "b", "c"], ["1", "2,5", "3"]]
        );
        assert_eq!(fields("a\tb\n1\t2"), [["a", "b"], ["1", "2"]]);
    }

    #[test]
    fn empty_lines_are_rows_of_their_own() {
        let records = read("h\n\na\n\"b\nc\"\n\n\nd\n").unwrap_or_default();
        let rows: Vec<(usize, &str)> = records
            .iter()
            .map(|r| (r.row, r.fields[0].as_str()))
            .collect();
        assert_eq!(rows, [(1, "h"), (3, "a"), (4, "b\nc"), (7, "d")]);
    }

    #[test]
    fn unclosed_quotes_are_an_error() {
        assert_eq!(
            read("a,b\n1,\"open\n2,3"),
            Err(CsvError {
                message: "a quoted field is never closed".into(),
                line: 2
            })
        );
    }

    #[test]
    fn junk_never_panics() {
        for junk in [
            "",
            "\"",
            "\"\"\"",
            ",",
            "\r",
            "\r\r\n\n",
            "\u{feff}",
            "é\"é,\"é",
        ] {
            let _ = read(junk);
        }
        assert_eq!(fields(""), Vec::<Vec<String>>::new());
    }
}
