//! `/rest/v1/stats/usage.json`, `/usage/last7days.json`, `/errors.json`, `/errors/last7days.json`, answered
//! from the emulator's own counts (per quota day, midnight America/Chicago).

use super::{ok, Call};
use crate::http::error::{Failure, Reply};
use crate::http::router::Route;
use crate::state::AppState;
use chrono::{Days, NaiveDate};
use marketo_types::quota_day::quota_day;
use marketo_types::stats::{ErrorDay, UsageDay};

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

/// Calls counted per day and user.
fn usage_days(state: &AppState, call: Call, last7: bool) -> Result<Reply, Failure> {
    let book = state.usage_book();
    let result: Vec<UsageDay> = days(&call, last7)
        .into_iter()
        .map(|d| book.day(d).usage_day(d))
        .collect();
    Ok(ok(&call, result))
}

/// Errors answered per day and code.
fn error_days(state: &AppState, call: Call, last7: bool) -> Result<Reply, Failure> {
    let book = state.usage_book();
    let result: Vec<ErrorDay> = days(&call, last7)
        .into_iter()
        .map(|d| book.day(d).error_day(d))
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
