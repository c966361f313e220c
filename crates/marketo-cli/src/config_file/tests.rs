use super::*;

const SECRET: &str = "s3cr3t-Xy9Zq";

/// Every way a config file can be malformed, each with the secret in it: the error names the file, the line
/// and what is wrong, and never the secret.
#[test]
fn no_config_error_shows_the_secret() {
    let cases: Vec<(&str, String, &str, &str)> = vec![
        (
            "unterminated string on the secret line",
            format!("[profiles.default]\nclient_id = \"id\"\nclient_secret = \"{SECRET}\n"),
            "line 3",
            "invalid basic string",
        ),
        (
            "unterminated literal string",
            format!("[profiles.default]\nclient_secret = '{SECRET}\n"),
            "line 2",
            "invalid literal string",
        ),
        (
            "unterminated multi-line string",
            format!("[profiles.default]\nclient_secret = \"\"\"{SECRET}\n"),
            // The parser reads to the end of the file looking for the closing quotes.
            "line 3",
            "invalid multiline basic string",
        ),
        (
            "bare value",
            format!("[profiles.default]\nclient_secret = {SECRET}\n"),
            "line 2",
            "invalid string",
        ),
        (
            "missing equals sign",
            format!("[profiles.default]\nclient_secret {SECRET}\n"),
            "line 2",
            "expected `.`, `=`",
        ),
        (
            "bad escape",
            format!("[profiles.default]\nclient_secret = \"{SECRET}\\q\"\n"),
            "line 2",
            "invalid escape sequence",
        ),
        (
            "wrong type: a number",
            "[profiles.default]\nclient_secret = 4815162342\n".to_owned(),
            "line 2",
            "invalid type: integer `…`, expected a string (key client_secret)",
        ),
        (
            "wrong type: an array",
            format!("[profiles.default]\nclient_secret = [\"{SECRET}\"]\n"),
            "line 2",
            "invalid type: sequence, expected a string",
        ),
        (
            "unknown key",
            format!("[profiles.default]\nclient_secrett = \"{SECRET}\"\n"),
            "line 2",
            "unknown field `client_secrett`",
        ),
        (
            "duplicate key",
            format!("[profiles.default]\nclient_secret = \"a\"\nclient_secret = \"{SECRET}\"\n"),
            "line 3",
            "duplicate key `client_secret`",
        ),
        (
            "profiles is a string",
            format!("profiles = \"{SECRET}\"\n"),
            "line 1",
            "invalid type: string \"…\", expected a map",
        ),
        (
            "a profile is a string",
            format!("[profiles]\ndefault = \"{SECRET}\"\n"),
            "line 2",
            "invalid type: string \"…\"",
        ),
    ];
    let path = Path::new("/home/u/.config/mkto/config.toml");
    for (name, text, line, what) in cases {
        let e = parse(path, text.as_bytes()).expect_err(name);
        let shown = format!("{e:#} {e:?}");
        assert!(!shown.contains(SECRET), "{name}: {shown}");
        assert!(!shown.contains("4815162342"), "{name}: {shown}");
        assert!(
            shown.contains("/home/u/.config/mkto/config.toml is not a valid mkto config: "),
            "{name}: {shown}"
        );
        assert!(shown.contains(line), "{name}: {shown}");
        assert!(shown.contains(what), "{name}: {shown}");
    }
}

#[test]
fn a_file_that_is_not_utf8_names_the_line_and_not_the_bytes() {
    let mut bytes = b"[profiles.default]\nclient_secret = \"ab".to_vec();
    bytes.extend_from_slice(b"\xff\xfe-secret-tail\"\n");
    let e = parse(Path::new("c.toml"), &bytes).unwrap_err();
    let shown = format!("{e:#}");
    assert_eq!(
        shown,
        "c.toml is not a valid mkto config: line 2: not valid UTF-8"
    );
}

#[test]
fn quoted_parts_of_a_message_are_masked_unless_they_are_names_or_tokens() {
    assert_eq!(
        mask_quoted("invalid type: string \"a\\\"b`c\", expected struct Profile"),
        "invalid type: string \"…\", expected struct Profile"
    );
    assert_eq!(
        mask_quoted("expected `\"`, `'`; unknown field `x_1`, value `12ab`"),
        "expected `\"`, `'`; unknown field `x_1`, value `…`"
    );
    assert_eq!(mask_quoted("cut \"open"), "cut \"…");
}

#[test]
fn a_profile_debug_hides_its_secret() {
    let p = Profile {
        client_secret: Some(SECRET.into()),
        ..Profile::default()
    };
    assert!(!format!("{p:?}").contains(SECRET));
}
