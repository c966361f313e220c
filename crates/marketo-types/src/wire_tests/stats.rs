//! The usage and error statistics bodies of `usage.md` (wire-facts 2.14).

use super::round_trip;
use crate::stats::{ErrorDay, UsageDay};

#[test]
fn daily_usage() {
    let env = round_trip::<UsageDay>(
        r#"{"requestId":"5f7f#17d7d8f2b6f","success":true,"result":[{"date":"2015-10-17","total":1120,"users":[{"userId":"some.body@yahoo.com","count":200},{"userId":"some.body@marketo.com","count":200},{"userId":"some.body@gmail.com","count":720}]}]}"#,
    );
    let day = &env.results()[0];
    assert_eq!((day.date.as_str(), day.total), ("2015-10-17", 1120));
    assert_eq!(day.users.iter().map(|u| u.count).sum::<u64>(), day.total);
    assert_eq!(day.users[2].user_id, "some.body@gmail.com");
}

#[test]
fn daily_errors() {
    let env = round_trip::<ErrorDay>(
        r#"{"requestId":"5f7f#17d7d8f2b6f","success":true,"result":[{"date":"2015-10-17","total":73,"errors":[{"errorCode":"604","count":1},{"errorCode":"609","count":56},{"errorCode":"610","count":16}]}]}"#,
    );
    let day = &env.results()[0];
    assert_eq!(day.total, 73);
    assert_eq!(day.errors[1].error_code, "609");
    assert_eq!(day.errors.iter().map(|e| e.count).sum::<u64>(), day.total);
}

#[test]
fn a_day_without_calls_may_leave_out_its_lists() {
    let day: UsageDay = serde_json::from_str(r#"{"date":"2015-10-18"}"#).unwrap();
    assert_eq!((day.total, day.users.len()), (0, 0));
}
