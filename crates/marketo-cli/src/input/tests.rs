use super::*;
use std::io::Cursor;

fn csv(text: &[u8]) -> Vec<Row> {
    CsvRows::new(Cursor::new(text.to_vec()))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn csv_rows_keep_line_numbers_and_skip_empty_cells() {
    let rows = csv(b"email,firstName\na@x.com,Ann\nb@x.com,\n");
    assert_eq!(rows.len(), 2);
    match &rows[0] {
        Row::Record { line, fields } => {
            assert_eq!(*line, 2);
            assert_eq!(fields["firstName"], "Ann");
        }
        other => panic!("{other:?}"),
    }
    match &rows[1] {
        Row::Record { line, fields } => {
            assert_eq!(*line, 3);
            assert!(!fields.contains_key("firstName"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn csv_wrong_field_count_and_bad_utf8_are_bad_rows_and_reading_goes_on() {
    let rows = csv(b"email,firstName\na@x.com,Ann,extra\nb@x.com,\xff\xfe\nc@x.com,Cy\n");
    assert_eq!(rows.len(), 3);
    match &rows[0] {
        Row::Bad {
            line,
            reason,
            original,
        } => {
            assert_eq!(*line, 2);
            assert_eq!(reason, "row has 3 fields, the header has 2");
            assert_eq!(original, &["a@x.com", "Ann", "extra"]);
        }
        other => panic!("{other:?}"),
    }
    match &rows[1] {
        Row::Bad { line, reason, .. } => {
            assert_eq!(*line, 3);
            assert!(
                reason.contains("firstName") && reason.contains("UTF-8"),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(rows[2].line(), 4);
}

#[test]
fn csv_quoted_newlines_count_lines_from_the_row_start() {
    let rows = csv(b"email,notes\na@x.com,\"two\nlines\"\nb@x.com,x\n");
    assert_eq!(rows[0].line(), 2);
    assert_eq!(rows[1].line(), 4);
}

#[test]
fn csv_header_problems_fail_at_once() {
    assert!(CsvRows::new(Cursor::new(b"".to_vec())).is_err());
    let e = CsvRows::new(Cursor::new(b"email,email\n".to_vec()))
        .err()
        .unwrap();
    assert!(e.to_string().contains("appears twice"), "{e}");
    let e = CsvRows::new(Cursor::new(b"email,\n".to_vec()))
        .err()
        .unwrap();
    assert!(e.to_string().contains("column 2"), "{e}");
}

#[test]
fn jsonl_rows() {
    let text = b"{\"email\":\"a@x.com\",\"score\":3}\n\nnot json\n[1]\n{\"email\":\"b@x.com\",\"tags\":[1]}\n\xff\n";
    let rows: Vec<Row> = JsonlRows::new(Cursor::new(text.to_vec()))
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), 5);
    assert!(matches!(&rows[0], Row::Record { line: 1, fields } if fields["score"] == 3));
    assert!(
        matches!(&rows[1], Row::Bad { line: 3, reason, .. } if reason.starts_with("invalid JSON"))
    );
    assert!(
        matches!(&rows[2], Row::Bad { line: 4, reason, .. } if reason == "line is not a JSON object")
    );
    assert!(matches!(&rows[3], Row::Bad { line: 5, reason, .. } if reason.contains("tags")));
    assert!(matches!(&rows[4], Row::Bad { line: 6, reason, .. } if reason.contains("UTF-8")));
}

#[test]
fn format_from_name_or_flag() {
    assert_eq!(
        InputFormat::resolve(None, "a.CSV").unwrap(),
        InputFormat::Csv
    );
    assert_eq!(
        InputFormat::resolve(None, "a.jsonl").unwrap(),
        InputFormat::Jsonl
    );
    assert_eq!(
        InputFormat::resolve(Some(InputFormat::Jsonl), "a.csv").unwrap(),
        InputFormat::Jsonl
    );
    let e = InputFormat::resolve(None, "a.txt").unwrap_err();
    assert!(e.to_string().contains("--input-format"));
}

#[test]
fn unreadable_file_fails_with_its_name() {
    let e = Rows::open("/nonexistent/leads.csv", InputFormat::Csv)
        .err()
        .unwrap();
    assert!(format!("{e:#}").contains("/nonexistent/leads.csv"));
}
