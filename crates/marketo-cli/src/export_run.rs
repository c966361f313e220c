//! Running a bulk export into one file for `mkto leads export`, `mkto activities export` and
//! `mkto objects TYPE export`: the plan of 31-day jobs is saved beside the output (`OUT.export.json`) after
//! every step, so a run that stops (Ctrl-C, a cut connection, the daily export allowance) continues where it
//! was with the same command: finished jobs are not exported again and a half-downloaded file resumes with
//! `Range`.

use crate::bulk_progress::{tick, RecordCounter};
use crate::global::Ctx;
use crate::output::Format;
use crate::progress::Reporter;
use crate::session::Session;
use anyhow::{bail, Context};
use chrono::{DateTime, NaiveDate, Utc};
use marketo_client::endpoints::{BulkOptions, ExportFilter, ExportKind, ExportPlan, ExportRequest};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// The saved state of an export.
#[derive(Debug, Serialize, Deserialize)]
struct State {
    /// What was asked (a rerun with other arguments must not reuse the jobs).
    request: String,
    plan: ExportPlan,
}

/// Where the state of an export to `output` is kept.
pub fn state_path(output: &Path) -> PathBuf {
    let mut name = output.as_os_str().to_owned();
    name.push(".export.json");
    PathBuf::from(name)
}

/// A datetime flag: RFC 3339 (`2024-05-01T00:00:00Z`) or a date (`2024-05-01`, midnight UTC).
pub fn parse_datetime(flag: &str, value: &str) -> anyhow::Result<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(d) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        if let Some(t) = d.and_hms_opt(0, 0, 0) {
            return Ok(t.and_utc());
        }
    }
    bail!("{flag} {value}: not a date (2024-05-01) or an RFC 3339 datetime (2024-05-01T00:00:00Z)")
}

/// Now, rounded up to the next whole second: the default end of a range. Marketo compares whole seconds and
/// the end is exclusive, so a lead created earlier in this very second is still in.
pub fn now() -> DateTime<Utc> {
    use chrono::{DurationRound, TimeDelta};
    use marketo_types::clock::Clock;
    let t = marketo_types::clock::SystemClock.now();
    t.duration_trunc(TimeDelta::seconds(1))
        .map_or(t, |s| s + TimeDelta::seconds(1))
}

/// `--fields` as given (comma-separated, so cells may carry spaces or be empty): the field names, or an
/// error when none is left.
pub fn field_list(given: &[String]) -> anyhow::Result<Vec<String>> {
    let fields: Vec<String> = given
        .iter()
        .map(|f| f.trim().to_owned())
        .filter(|f| !f.is_empty())
        .collect();
    if fields.is_empty() {
        bail!("--fields: give at least one field name (e.g. --fields id,email)");
    }
    Ok(fields)
}

/// The filter flags of an export command, as given.
#[derive(Debug, Default)]
pub struct FilterFlags<'a> {
    /// `--created-since` (leads and activities).
    pub created_since: Option<&'a str>,
    /// `--updated-since`.
    pub updated_since: Option<&'a str>,
    /// `--list`: a static list's id or name.
    pub list: Option<&'a str>,
    /// `--smart-list`: a smart list's id or name.
    pub smart_list: Option<&'a str>,
    /// `--until`: the end of a date range (default: now).
    pub until: Option<&'a str>,
}

/// The one export filter the flags name.
pub fn filter(f: &FilterFlags<'_>) -> anyhow::Result<ExportFilter> {
    let until = match f.until {
        Some(u) => parse_datetime("--until", u)?,
        None => now(),
    };
    let range = |flag: &str, since: &str| -> anyhow::Result<_> {
        let start = parse_datetime(flag, since)?;
        if start >= until {
            bail!("{flag} {since}: must be before --until ({until})");
        }
        Ok((start, until))
    };
    let by_id_or_name = |l: &str, id: fn(i64) -> ExportFilter, name: fn(String) -> ExportFilter| {
        l.parse::<i64>().map_or_else(|_| name(l.to_owned()), id)
    };
    Ok(if let Some(s) = f.created_since {
        let (x, y) = range("--created-since", s)?;
        ExportFilter::CreatedAt(x, y)
    } else if let Some(s) = f.updated_since {
        let (x, y) = range("--updated-since", s)?;
        ExportFilter::UpdatedAt(x, y)
    } else if let Some(l) = f.list {
        by_id_or_name(l, ExportFilter::StaticListId, ExportFilter::StaticListName)
    } else if let Some(l) = f.smart_list {
        by_id_or_name(l, ExportFilter::SmartListId, ExportFilter::SmartListName)
    } else {
        bail!("a filter is required (a date range, --list or --smart-list)");
    })
}

/// One export run.
pub struct ExportRun {
    /// Leads, activities or a custom object's records.
    pub kind: ExportKind,
    /// What to export.
    pub request: ExportRequest,
    /// The arguments as given (an unset `--until` stays unset), so a rerun of the same command resumes.
    pub key: String,
    /// The output file.
    pub output: PathBuf,
    /// First poll wait.
    pub poll: Duration,
    /// Summary format.
    pub format: Format,
    /// No progress.
    pub quiet: bool,
}

fn save(path: &Path, state: &State) {
    let text = match serde_json::to_vec_pretty(state) {
        Ok(t) => t,
        Err(_) => return,
    };
    let tmp = path.with_extension("tmp");
    if std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .is_err()
    {
        eprintln!("mkto: cannot save the export state {}", path.display());
    }
}

/// Run an export to completion, or until it must stop (then the state is kept for the next run).
pub fn execute(mut r: ExportRun, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let connect = &ctx.connect;
    // `-o -`: export into a file of our own, then copy it to stdout; nothing is kept to resume.
    let to_stdout = r.output.as_os_str() == "-";
    if to_stdout {
        r.output = std::env::temp_dir().join(format!("mkto-export-{}.csv", std::process::id()));
    }
    let key = r.key.clone();
    let state_file = state_path(&r.output);
    let leftover = match std::fs::read(&state_file) {
        Ok(bytes) => {
            let s: State = serde_json::from_slice(&bytes)
                .with_context(|| format!("{}: unreadable export state", state_file.display()))?;
            // A plan that never got as far as creating a job in Marketo holds nothing worth keeping.
            let started = s.plan.jobs.iter().any(|j| j.export_id.is_some());
            (started || s.request == key).then_some(s)
        }
        Err(_) => None,
    };
    let mut state = match leftover {
        Some(s) => {
            if s.request != key {
                bail!(
                    "{} holds an unfinished export with other arguments: run that command again to finish it, \
                     or delete {} to start over",
                    r.output.display(),
                    state_file.display()
                );
            }
            if !r.quiet {
                eprintln!(
                    "mkto: resuming the export into {} ({} of {} jobs done)",
                    r.output.display(),
                    s.plan.jobs.iter().filter(|j| j.appended).count(),
                    s.plan.jobs.len()
                );
            }
            s
        }
        None => State {
            request: key,
            plan: ExportPlan::new(r.kind.clone(), &r.request),
        },
    };
    if !r.quiet && state.plan.jobs.len() > 1 {
        eprintln!(
            "mkto: the range is split into {} export jobs of at most 31 days",
            state.plan.jobs.len()
        );
    }
    save(&state_file, &state);
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let counter = Arc::new(RecordCounter::default());
        let session = Session::open_observed(connect, r.quiet, Some(counter.clone()), None).await?;
        let reporter = Arc::new(Reporter::new(None, Some(session.client.clone()), r.quiet));
        let ticker = tick(counter.clone(), reporter.clone(), session.wire.clone());
        let options = BulkOptions { poll_first: r.poll, ..BulkOptions::default() };
        let request_key = state.request.clone();
        let mut plan = state.plan.clone();
        let result = {
            let bulk = session.client.bulk().with_options(options);
            let mut on_change = |p: &ExportPlan| {
                save(&state_file, &State { request: request_key.clone(), plan: p.clone() });
            };
            tokio::select! {
                r = bulk.run_export_plan(&r.request, &mut plan, &r.output, &mut on_change) => r.map_err(anyhow::Error::from),
                () = crate::signals::interrupted() => Err(anyhow::anyhow!("interrupted")),
            }
        };
        state.plan = plan;
        ticker.stop();
        reporter.set_done(state.plan.records());
        reporter.finish();
        let calls = session.client.usage_snapshot().calls_sent;
        session.close().await;
        let permanent = result.as_ref().err().and_then(permanent_error);
        let done = state.plan.is_done();
        if done || permanent.is_some() {
            let _ = std::fs::remove_file(&state_file);
        } else {
            save(&state_file, &state);
        }
        let summary = json!({
            "output": r.output.display().to_string(),
            "records": state.plan.records(),
            "jobs": state.plan.jobs.len(),
            "jobs_done": state.plan.jobs.iter().filter(|j| j.appended).count(),
            "bytes": state.plan.output_len,
            "calls": calls,
            "state_file": (!done && permanent.is_none()).then(|| state_file.display().to_string()),
            "stopped": result.as_ref().err().map(|e| format!("{e:#}")),
        });
        let people = format!(
            "records  {}\njobs     {}/{}\nbytes    {}\ncalls    {}\noutput   {}\n",
            summary["records"], summary["jobs_done"], summary["jobs"], summary["bytes"], calls,
            r.output.display()
        );
        if to_stdout {
            let _ = std::fs::remove_file(&state_file);
            return crate::export_stdout::finish(&r.output, result, permanent, &people, r.quiet);
        }
        if permanent.is_none() {
            crate::output::summary(r.format, &summary, &people)?;
        }
        match result {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(_) if permanent.is_some() => {
                // Nothing to continue: the same arguments would fail the same way.
                anyhow::bail!(
                    "{}; fix the command and run it again (nothing is kept to resume)",
                    permanent.unwrap_or_default()
                )
            }
            Err(e) => {
                eprintln!("mkto: stopped: {e:#}");
                eprintln!(
                    "mkto: run the same command again to continue (state: {})",
                    state_file.display()
                );
                Ok(ExitCode::from(2))
            }
        }
    })
}

/// The codes an export answers when its arguments are wrong: a field (1006), a list (1013), a filter the
/// subscription does not support (1035), a value (1003).
const PERMANENT_CODES: &[u16] = &[1003, 1006, 1013, 1035];

/// The reason, when an export stopped on an error that a rerun of the same command would meet again.
fn permanent_error(e: &anyhow::Error) -> Option<String> {
    use marketo_client::ErrorKind;
    let client = e
        .chain()
        .find_map(|c| c.downcast_ref::<marketo_client::Error>())?;
    let permanent = client.code().is_some_and(|c| PERMANENT_CODES.contains(&c))
        || matches!(
            client.kind(),
            ErrorKind::Request | ErrorKind::TooLarge | ErrorKind::Credentials | ErrorKind::Config
        );
    permanent.then(|| {
        let explained = client
            .code()
            .and_then(marketo_types::codes::lookup)
            .filter(|i| !client.message().contains(i.docs_message))
            .map(|i| format!(" ({})", i.docs_message))
            .unwrap_or_default();
        format!("{client}{explained}")
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn datetimes() {
        assert!(super::parse_datetime("--since", "2024-05-01").is_ok());
        assert!(super::parse_datetime("--since", "2024-05-01T10:00:00+02:00").is_ok());
        let e = super::parse_datetime("--since", "yesterday").unwrap_err();
        assert!(e.to_string().contains("--since yesterday"));
    }
}
