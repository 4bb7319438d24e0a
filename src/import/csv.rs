//! A small CSV reader (RFC 4180, as spreadsheets export it): fields in
//! double quotes may hold the separator, line breaks and doubled quotes;
//! records end with LF or CRLF. The separator is a comma, or a semicolon or
//! tab when the header line has more of those (spreadsheets in some locales).

/// One record and the line of the file it starts on (1-based).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Record {
    /// The fields, unquoted.
    pub fields: Vec<String>,
    /// The line the record starts on.
    pub line: usize,
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
    let sep = separator(text);
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut quoted_from = None;
    // Whether the current field began with a quote (and so is quoted).
    let mut in_quotes = false;
    let mut field_started = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if !field_started => {
                in_quotes = true;
                field_started = true;
                quoted_from = Some(line);
            }
            c if c == sep => {
                fields.push(std::mem::take(&mut field));
                field_started = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                records.push(Record {
                    fields: std::mem::take(&mut fields),
                    line: record_line,
                });
                line += 1;
                record_line = line;
                field_started = false;
            }
            _ => {
                field.push(c);
                field_started = true;
            }
        }
    }
    if in_quotes {
        return Err(CsvError {
            message: "a quoted field is never closed".to_string(),
            line: quoted_from.unwrap_or(line),
        });
    }
    if field_started || !fields.is_empty() {
        fields.push(field);
        records.push(Record {
            fields,
            line: record_line,
        });
    }
    Ok(records)
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
