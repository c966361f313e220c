use crate::support::{mkto, stderr, stdout};

#[test]
fn explain_1029_shows_both_meanings() {
    let out = mkto(&["errors", "explain", "1029"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("queue-full"), "{text}");
    assert!(text.contains("export-daily-quota"), "{text}");
    assert!(text.contains("Too many jobs"), "{text}");
    assert!(text.contains("Export daily quota"), "{text}");
    assert!(text.contains("midnight America/Chicago"), "{text}");
}

#[test]
fn explain_606_says_it_counts_and_waits() {
    let out = mkto(&["errors", "explain", "606"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("Max rate limit '%s' exceeded with in '%s' secs"),
        "{text}"
    );
    assert!(text.contains("counted:   yes"), "{text}");
    assert!(text.contains("20-second rate window"), "{text}");
}

#[test]
fn explain_a_starred_code_says_it_is_free() {
    let text = stdout(&mkto(&["errors", "explain", "602"]));
    assert!(text.contains("counted:   no"), "{text}");
    assert!(text.contains("reauthenticate"), "{text}");
}

#[test]
fn unknown_code_fails_with_a_clear_message() {
    let out = mkto(&["errors", "explain", "9999"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("9999 is not a documented Marketo error code"),
        "{}",
        stderr(&out)
    );
    let out = mkto(&["errors", "explain", "abc"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not an error code"));
}

#[test]
fn list_json_is_valid_and_has_every_code() {
    let out = mkto(&["errors", "list", "--format", "json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let codes: Vec<u64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_u64().unwrap())
        .collect();
    let expected: Vec<u64> = marketo_types::codes::CATALOGUE
        .iter()
        .map(|c| c.code as u64)
        .collect();
    assert_eq!(codes, expected);
    for c in v.as_array().unwrap() {
        assert!(!c["message"].as_str().unwrap().is_empty());
        assert!(!c["handling"].as_str().unwrap().is_empty());
    }
}

#[test]
fn list_filters_by_level() {
    let text = stdout(&mkto(&["errors", "list", "--level", "http"]));
    let codes: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(codes, ["401", "413", "414"]);
}
