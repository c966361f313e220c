//! The daily quota turns at midnight America/Chicago, on 23- and 25-hour days too (DST changes).

use crate::support::*;
use axum::body::Body;
use chrono::{TimeZone, Utc};
use std::time::Duration;

async fn describe(state: &marketo_emulator::AppState, token: &str) -> String {
    let req = http::Request::get("/rest/v1/leads/describe.json")
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap();
    let (_, body) = oneshot(state, req).await;
    if body["success"] == true {
        "ok".into()
    } else {
        body["errors"][0]["code"].as_str().unwrap().to_owned()
    }
}

/// Use the day's one call just before `reset`, check 607 one second before it and success at it.
async fn turns_at(reset: chrono::DateTime<Utc>) {
    let (state, clock) =
        state_with(|b| b.daily_quota(1).token_ttl(Duration::from_secs(10 * 86_400)));
    clock.set(reset - chrono::Duration::hours(2));
    let token = oneshot_token(&state).await;
    assert_eq!(describe(&state, &token).await, "ok");
    clock.set(reset - chrono::Duration::seconds(1));
    assert_eq!(describe(&state, &token).await, "607");
    clock.set(reset);
    assert_eq!(
        describe(&state, &token).await,
        "ok",
        "quota resets at {reset}"
    );
    assert_eq!(describe(&state, &token).await, "607");
}

#[tokio::test]
async fn quota_day_turns_at_chicago_midnight_across_dst() {
    // Standard time: midnight CST is 06:00 UTC.
    turns_at(Utc.with_ymd_and_hms(2026, 3, 8, 6, 0, 0).unwrap()).await;
    // 2026-03-08 is 23 hours long: the next midnight (CDT) is 05:00 UTC.
    turns_at(Utc.with_ymd_and_hms(2026, 3, 9, 5, 0, 0).unwrap()).await;
    // 2026-11-01 is 25 hours long: it starts at 05:00 UTC (CDT) and ends at 06:00 UTC (CST).
    turns_at(Utc.with_ymd_and_hms(2026, 11, 1, 5, 0, 0).unwrap()).await;
    turns_at(Utc.with_ymd_and_hms(2026, 11, 2, 6, 0, 0).unwrap()).await;
}
