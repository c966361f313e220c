use super::*;

/// Every code the seed document lists (plus 600 observed and 1079/1080 from the current docs).
fn required_codes() -> Vec<u16> {
    let mut v = vec![401, 413, 414, 502, 600];
    v.extend(601..=616);
    v.extend(701..=704);
    v.extend(709..=714);
    v.extend([718, 719]);
    v.extend(1001..=1022);
    v.extend(1025..=1029);
    v.extend([
        1035, 1036, 1037, 1042, 1048, 1049, 1076, 1077, 1078, 1079, 1080,
    ]);
    v
}

#[test]
fn every_listed_code_is_catalogued_with_message_meaning_and_handling() {
    for code in required_codes() {
        let info = lookup(code).unwrap_or_else(|| panic!("code {code} missing from the catalogue"));
        assert!(!info.message.trim().is_empty(), "{code}: empty message");
        assert!(
            !info.docs_message.trim().is_empty(),
            "{code}: empty docs message"
        );
        assert!(!info.meaning.trim().is_empty(), "{code}: empty meaning");
        assert!(
            !info.handling.describe().is_empty(),
            "{code}: empty handling"
        );
        assert!(!info.evidence.is_empty(), "{code}: no evidence level");
    }
    assert_eq!(
        CATALOGUE.len(),
        required_codes().len(),
        "catalogue has codes the list does not"
    );
}

#[test]
fn catalogue_is_sorted_and_unique() {
    for pair in CATALOGUE.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
    }
}

#[test]
fn levels_follow_the_code_ranges() {
    for info in CATALOGUE {
        let expected = match info.code {
            401 | 413 | 414 => Level::Http,
            502..=799 => Level::Response,
            _ => Level::Record,
        };
        assert_eq!(info.level, expected, "{}", info.code);
    }
}

#[test]
fn starred_codes_are_not_counted_and_the_rest_are() {
    let uncounted: Vec<u16> = CATALOGUE
        .iter()
        .filter(|c| !c.counted)
        .map(|c| c.code)
        .collect();
    // 401 is the Identity endpoint, which is never counted.
    assert_eq!(uncounted, vec![401, 601, 602, 604, 605, 608, 611]);
}

#[test]
fn rate_limit_message_renders_as_observed() {
    let info = lookup(606).unwrap();
    assert_eq!(
        info.render(&["100", "20"]),
        "Max rate limit '100' exceeded with in '20' secs"
    );
    assert_eq!(
        lookup(615).unwrap().render(&["10"]),
        "Concurrent access limit '10' reached"
    );
}

#[test]
fn render_leaves_missing_placeholders() {
    assert_eq!(
        render_template("%s cannot be blank", &[]),
        "%s cannot be blank"
    );
    assert_eq!(render_template("a %s b %s", &["1"]), "a 1 b %s");
    assert_eq!(render_template("plain", &["x"]), "plain");
}

#[test]
fn classify_1029_by_message() {
    let full = classify(1029, "Too many jobs (10) in queue");
    assert_eq!(full.handling, Handling::RetryWithBackoff);
    assert_eq!(full.meaning.unwrap().name, "queue-full");
    let quota = classify(1029, "Export daily quota 500MB exceeded.");
    assert_eq!(quota.handling, Handling::StopUntilQuotaReset);
    assert_eq!(quota.meaning.unwrap().name, "export-daily-quota");
    let documented = classify(1029, "Export daily quota exceeded");
    assert_eq!(documented.handling, Handling::StopUntilQuotaReset);
    let queued = classify(1029, "Job already queued");
    assert_eq!(queued.meaning.unwrap().name, "job-already-queued");
    // An unrecognised message falls back to the code's default: wait and retry.
    assert_eq!(
        classify(1029, "something else").handling,
        Handling::RetryWithBackoff
    );
}

#[test]
fn classify_702_and_1003_and_1006_by_message() {
    assert_eq!(
        classify(702, "No data found for given search scenario").handling,
        Handling::TreatAsEmpty
    );
    assert_eq!(
        classify(702, "Email not found").handling,
        Handling::FixRequest
    );
    assert_eq!(
        classify(1003, "Too many results match the filter").handling,
        Handling::SplitRequest
    );
    assert_eq!(
        classify(1003, "Invalid value for field 'boolean_field'").handling,
        Handling::RecordSkipped
    );
    assert_eq!(
        classify(1006, "Lookup field 'userId' not found").handling,
        Handling::FixRequest
    );
    assert_eq!(
        classify(1006, "Field 'foo' not found").handling,
        Handling::RecordSkipped
    );
}

#[test]
fn every_meaning_message_classifies_to_itself() {
    for info in CATALOGUE {
        for m in info.meanings {
            let msg = render_template(m.message, &["x", "y"]);
            let got = info.meaning_of(&msg).map(|g| g.name);
            assert_eq!(got, Some(m.name), "{}: {msg}", info.code);
        }
    }
}

#[test]
fn unknown_codes_are_never_retried_blindly() {
    assert_eq!(classify(999, "").handling, Handling::FixRequest);
    assert!(classify(999, "").info.is_none());
    assert_eq!(classify(503, "").handling, Handling::RetryWithBackoff);
}

#[test]
fn handling_of_the_limit_codes() {
    assert_eq!(lookup(601).unwrap().handling, Handling::Reauthenticate);
    assert_eq!(lookup(602).unwrap().handling, Handling::Reauthenticate);
    assert_eq!(lookup(607).unwrap().handling, Handling::StopUntilQuotaReset);
    assert_eq!(
        lookup(615).unwrap().handling,
        Handling::WaitForConcurrencySlot
    );
    assert_eq!(lookup(413).unwrap().handling, Handling::SplitRequest);
    assert_eq!(
        lookup(414).unwrap().handling,
        Handling::ResendAsPostWithMethodGet
    );
    assert!(Handling::RetryWithBackoff.is_transient());
    assert!(!Handling::StopUntilQuotaReset.is_transient());
}
