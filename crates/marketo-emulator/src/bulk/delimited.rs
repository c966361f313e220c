//! Delimited files: reading an import file into rows and writing rows of an export, failures or warnings file.
//! Quoting follows RFC 4180 with the format's delimiter ([`marketo_types::bulk::BulkFormat`] says which).

/// Append one row (ending in `\n`), quoting fields that hold the delimiter, a quote or a line break.
pub fn write_row<S: AsRef<str>>(out: &mut Vec<u8>, fields: &[S], delim: u8) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delim);
        }
        let f = f.as_ref();
        let needs = f
            .bytes()
            .any(|b| b == delim || b == b'"' || b == b'\n' || b == b'\r');
        if needs {
            out.push(b'"');
            for b in f.bytes() {
                if b == b'"' {
                    out.push(b'"');
                }
                out.push(b);
            }
            out.push(b'"');
        } else {
            out.extend_from_slice(f.as_bytes());
        }
    }
    out.push(b'\n');
}

/// Every row of `data` (a UTF-8 BOM is skipped; invalid UTF-8 is replaced; blank lines are dropped). Never
/// fails: an unterminated quote runs to the end of the input.
pub fn parse(data: &[u8], delim: u8) -> Vec<Vec<String>> {
    let data = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut quoted = false;
    let mut i = 0;
    let end_field = |field: &mut Vec<u8>, row: &mut Vec<String>| {
        row.push(String::from_utf8_lossy(field).into_owned());
        field.clear();
    };
    while i < data.len() {
        let b = data[i];
        if quoted {
            if b == b'"' {
                if data.get(i + 1) == Some(&b'"') {
                    field.push(b'"');
                    i += 1;
                } else {
                    quoted = false;
                }
            } else {
                field.push(b);
            }
        } else if b == b'"' && field.is_empty() {
            quoted = true;
        } else if b == delim {
            end_field(&mut field, &mut row);
        } else if b == b'\n' || b == b'\r' {
            if b == b'\r' && data.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            end_field(&mut field, &mut row);
            if !(row.len() == 1 && row[0].is_empty()) {
                rows.push(std::mem::take(&mut row));
            }
            row.clear();
        } else {
            field.push(b);
        }
        i += 1;
    }
    if !field.is_empty() || !row.is_empty() {
        end_field(&mut field, &mut row);
        if !(row.len() == 1 && row[0].is_empty()) {
            rows.push(row);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_quotes() {
        let mut out = Vec::new();
        write_row(&mut out, &["a", "b,c", "say \"hi\"", "line\nbreak"], b',');
        write_row(&mut out, &["", "x"], b',');
        let rows = parse(&out, b',');
        assert_eq!(rows[0], vec!["a", "b,c", "say \"hi\"", "line\nbreak"]);
        assert_eq!(rows[1], vec!["", "x"]);
    }

    #[test]
    fn crlf_bom_blank_lines_and_garbage() {
        let rows = parse(b"\xef\xbb\xbfemail;name\r\n\r\na@x.com;A\r\n\"open", b';');
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], vec!["email", "name"]);
        assert_eq!(rows[2], vec!["open"]);
        assert!(parse(b"", b',').is_empty());
        assert_eq!(parse(b"\xff\xfe", b',')[0].len(), 1);
    }
}
