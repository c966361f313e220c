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
            assert_eq!(
                original,
                &[b"a@x.com".to_vec(), b"Ann".to_vec(), b"extra".to_vec()]
            );
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

/// Each case: a file, and the line every row must report, in order (records and bad rows alike).
const LINE_CASES: &[(&str, &[u8], &[u64])] = &[
    ("LF", b"email,n\na@x.com,1\nb@x.com,2\n", &[2, 3]),
    ("CRLF", b"email,n\r\na@x.com,1\r\nb@x.com,2\r\n", &[2, 3]),
    ("CR", b"email,n\ra@x.com,1\rb@x.com,2\r", &[2, 3]),
    ("CR, no final break", b"email,n\ra@x.com,1\rb@x.com,2", &[2, 3]),
    (
        "mixed",
        b"email,n\r\na@x.com,1\rb@x.com,2\nc@x.com,3\r\nd@x.com,4",
        &[2, 3, 4, 5],
    ),
    ("LF, blank lines", b"email,n\n\na@x.com,1\n\n\nb@x.com,2\n", &[3, 6]),
    (
        "CRLF, blank lines",
        b"email,n\r\n\r\na@x.com,1\r\n\r\nb@x.com,2\r\n",
        &[3, 5],
    ),
    ("CR, blank lines", b"email,n\r\ra@x.com,1\r\r\rb@x.com,2\r", &[3, 6]),
    (
        "quoted newlines",
        b"email,n\na@x.com,\"one\ntwo\nthree\"\nb@x.com,\"x\r\ny\"\r\nc@x.com,\"p\rq\"\rd@x.com,4\n",
        &[2, 5, 7, 9],
    ),
    (
        "bad rows in CR",
        b"email,n\ra@x.com,1,extra\rb@x.com\rc@x.com,3\r",
        &[2, 3, 4],
    ),
];

#[test]
fn csv_lines_are_physical_lines_for_every_kind_of_ending() {
    for (name, text, want) in LINE_CASES {
        let lines: Vec<u64> = csv(text).iter().map(Row::line).collect();
        assert_eq!(&lines, want, "{name}");
    }
}

#[test]
fn jsonl_lines_are_physical_lines_for_every_kind_of_ending() {
    let cases: &[(&str, &[u8], &[u64])] = &[
        ("LF", b"{\"a\":1}\n{\"a\":2}\n", &[1, 2]),
        ("CRLF", b"{\"a\":1}\r\n{\"a\":2}\r\n", &[1, 2]),
        ("CR", b"{\"a\":1}\r{\"a\":2}\r", &[1, 2]),
        (
            "mixed, blank",
            b"{\"a\":1}\r\n\r{\"a\":2}\n\n{\"a\":3}",
            &[1, 3, 5],
        ),
        ("bad in CR", b"{\"a\":1}\roops\r{\"a\":3}\r", &[1, 2, 3]),
    ];
    for (name, text, want) in cases {
        let lines: Vec<u64> = JsonlRows::new(Cursor::new(text.to_vec()))
            .map(|r| r.unwrap().line())
            .collect();
        assert_eq!(&lines, want, "{name}");
    }
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
fn bad_rows_keep_their_original_bytes() {
    let rows = csv(b"email,firstName\na@x.com,G\xe9rard\n");
    match &rows[0] {
        Row::Bad { original, .. } => {
            assert_eq!(original, &[b"a@x.com".to_vec(), b"G\xe9rard".to_vec()])
        }
        other => panic!("{other:?}"),
    }
    let rows: Vec<Row> = JsonlRows::new(Cursor::new(b"{\"email\":\"G\xe9rard\"}\n".to_vec()))
        .map(|r| r.unwrap())
        .collect();
    match &rows[0] {
        Row::Bad { original, .. } => assert_eq!(original, &[b"{\"email\":\"G\xe9rard\"}".to_vec()]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn jsonl_skips_a_byte_order_mark() {
    let rows: Vec<Row> = JsonlRows::new(Cursor::new(
        b"\xef\xbb\xbf{\"email\":\"a@x.com\"}\r\n{\"email\":\"b@x.com\"}\r\n".to_vec(),
    ))
    .map(|r| r.unwrap())
    .collect();
    assert!(matches!(&rows[0], Row::Record { line: 1, fields } if fields["email"] == "a@x.com"));
    assert!(matches!(&rows[1], Row::Record { line: 2, .. }));
}

#[test]
fn a_csv_rejects_file_reads_as_its_input() {
    let mut rows = CsvRows::new(Cursor::new(
        b"line,code,reason,email,firstName\n2,1003,\"Invalid value, x\",a@x.com,Ann\n3,input,short,b@x.com\n"
            .to_vec(),
    ))
    .unwrap();
    assert!(rows.is_rejects_file());
    assert_eq!(rows.header(), ["email", "firstName"]);
    match rows.next().unwrap().unwrap() {
        Row::Record { line: 2, fields } => {
            assert_eq!(fields.keys().collect::<Vec<_>>(), ["email", "firstName"]);
        }
        other => panic!("{other:?}"),
    }
    match rows.next().unwrap().unwrap() {
        Row::Bad {
            line: 3,
            reason,
            original,
        } => {
            assert_eq!(reason, "row has 1 fields, the header has 2");
            assert_eq!(original, [b"b@x.com".to_vec()]);
        }
        other => panic!("{other:?}"),
    }
    // A file whose columns only start the same way is an ordinary input.
    let rows = CsvRows::new(Cursor::new(b"line,code,email\n1,2,a@x.com\n".to_vec())).unwrap();
    assert!(!rows.is_rejects_file());
}

#[test]
fn a_jsonl_rejects_file_reads_as_its_input() {
    let text = concat!(
        "{\"line\":2,\"code\":\"1003\",\"reason\":\"x\",\"record\":{\"email\":\"a@x.com\"}}\n",
        "{\"line\":3,\"code\":\"input\",\"reason\":\"x\",\"original\":\"{oops\"}\n",
        "{\"line\":4,\"code\":\"input\",\"reason\":\"x\",\"original_base64\":\"R+ly\"}\n",
        "{\"line\":5,\"code\":\"x\",\"reason\":\"y\",\"email\":\"c@x.com\"}\n",
    );
    let rows: Vec<Row> = JsonlRows::new(Cursor::new(text.as_bytes().to_vec()))
        .map(|r| r.unwrap())
        .collect();
    assert!(
        matches!(&rows[0], Row::Record { line: 1, fields } if fields.len() == 1 && fields["email"] == "a@x.com")
    );
    assert!(
        matches!(&rows[1], Row::Bad { line: 2, reason, original } if reason.starts_with("invalid JSON") && original == &[b"{oops".to_vec()])
    );
    assert!(
        matches!(&rows[2], Row::Bad { line: 3, reason, original } if reason.contains("UTF-8") && original == &[b"G\xe9r".to_vec()])
    );
    // Not a rejects line (a lead with fields of those names): sent as it is.
    assert!(matches!(&rows[3], Row::Record { line: 4, fields } if fields.len() == 4));
}

#[test]
fn a_directory_is_named_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let e = Rows::open(dir.path().to_str().unwrap(), InputFormat::Csv)
        .err()
        .unwrap();
    assert!(format!("{e:#}").contains("is a directory"), "{e:#}");
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
