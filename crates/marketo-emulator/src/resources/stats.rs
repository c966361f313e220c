//! `/rest/v1/stats/usage.json`, `/usage/last7days.json`, `/errors.json`, `/errors/last7days.json`, answered
//! from the emulator's own counts (per quota day, midnight America/Chicago).

use super::{ok, Call};
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::state::AppState;
use crate::usage::DayUsage;
use chrono::{Days, NaiveDate};
use marketo_types::quota_day::quota_day;
use serde::Serialize;

/// Usage and error stats, from the emulator's own counts.
pub const ROUTES: &[Route] = &[
    Route::get("/rest/v1/stats/usage.json", "Get Daily Usage", usage),
    Route::get(
        "/rest/v1/stats/usage/last7days.json",
        "Get Last 7 Days Usage",
        usage7,
    ),
    Route::get("/rest/v1/stats/errors.json", "Get Daily Errors", errors),
    Route::get(
        "/rest/v1/stats/errors/last7days.json",
        "Get Last 7 Days Errors",
        errors7,
    ),
];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UserCount {
    user_id: String,
    count: u64,
}

#[derive(Serialize)]
struct UsageDay {
    date: String,
    total: u64,
    users: Vec<UserCount>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ErrorCount {
    error_code: String,
    count: u64,
}

#[derive(Serialize)]
struct ErrorDay {
    date: String,
    total: u64,
    errors: Vec<ErrorCount>,
}

/// Today, or the last seven days oldest first.
fn days(call: &Call, last7: bool) -> Vec<NaiveDate> {
    let today = quota_day(call.now);
    if !last7 {
        return vec![today];
    }
    (0..7u64)
        .rev()
        .filter_map(|back| today.checked_sub_days(Days::new(back)))
        .collect()
}

fn usage_day(date: NaiveDate, d: DayUsage) -> UsageDay {
    UsageDay {
        date: date.to_string(),
        total: d.total,
        users: d
            .users
            .into_iter()
            .map(|(user_id, count)| UserCount { user_id, count })
            .collect(),
    }
}

fn error_day(date: NaiveDate, d: DayUsage) -> ErrorDay {
    ErrorDay {
        date: date.to_string(),
        total: d.errors.values().sum(),
        errors: d
            .errors
            .into_iter()
            .map(|(code, count)| ErrorCount {
                error_code: code.to_string(),
                count,
            })
            .collect(),
    }
}

/// Calls counted per day and user.
fn usage_days(state: &AppState, call: Call, last7: bool) -> Result<Reply, Failure> {
    let book = state.usage_book();
    let result: Vec<UsageDay> = days(&call, last7)
        .into_iter()
        .map(|d| usage_day(d, book.day(d)))
        .collect();
    Ok(ok(&call, result))
}

/// Errors answered per day and code.
fn error_days(state: &AppState, call: Call, last7: bool) -> Result<Reply, Failure> {
    let book = state.usage_book();
    let result: Vec<ErrorDay> = days(&call, last7)
        .into_iter()
        .map(|d| error_day(d, book.day(d)))
        .collect();
    Ok(ok(&call, result))
}

fn usage(state: &AppState, call: Call) -> Result<Reply, Failure> {
    usage_days(state, call, false)
}

fn usage7(state: &AppState, call: Call) -> Result<Reply, Failure> {
    usage_days(state, call, true)
}

fn errors(state: &AppState, call: Call) -> Result<Reply, Failure> {
    error_days(state, call, false)
}

fn errors7(state: &AppState, call: Call) -> Result<Reply, Failure> {
    error_days(state, call, true)
}
