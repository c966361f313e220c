//! `mkto activities add FILE`: custom activities from CSV or JSON Lines (see [`crate::activity_input`]).
//! Rows that cannot be sent and activities Marketo skipped go to the rejects file with their line and
//! reason, as with `leads sync`. Exit 0 when every activity was answered and at least one added; 2 when a call
//! failed or nothing was added.

use crate::global::Ctx;
use crate::input::{InputFormat, Row, Rows};
use crate::rejects::{self, Original, Rejects};
use crate::session::Session;
use anyhow::Context;
use clap::Args;
use marketo_client::RecordOutcome;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `mkto activities add`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// CSV (header row) or JSON Lines file of activities; `-` reads stdin.
    pub file: String,
    /// Input format; by default from the file's extension (stdin: csv).
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// The custom activity type (API name or id) of rows without an `activityTypeId`.
    #[arg(long = "type", value_name = "TYPE")]
    pub activity_type: Option<String>,
    /// Where rows not added go (default: beside the input, NAME.rejects.csv|jsonl).
    #[arg(long)]
    pub rejects: Option<PathBuf>,
}

/// The id of `--type`: a number, or the API name of a custom activity type.
async fn type_id(session: &Session, given: &str) -> anyhow::Result<i64> {
    if let Ok(id) = given.parse::<i64>() {
        return Ok(id);
    }
    let types = session
        .client
        .custom_activities()
        .types()
        .await
        .context("Get Custom Activity Types")?;
    types
        .iter()
        .find(|t| t.api_name == given || t.name == given)
        .map(|t| t.id)
        .with_context(|| {
            let names: Vec<&str> = types.iter().map(|t| t.api_name.as_str()).collect();
            format!(
                "--type {given}: no custom activity type of that name (there are: {})",
                names.join(", ")
            )
        })
}

/// The rows not added: the rejects file, the counts by code, the first 20 on stderr.
struct Tally {
    rejects: Rejects,
    skipped: BTreeMap<String, u64>,
    shown: usize,
    file: String,
    quiet: bool,
}

impl Tally {
    fn reject(
        &mut self,
        line: u64,
        code: &str,
        reason: &str,
        original: &Original,
    ) -> anyhow::Result<()> {
        *self.skipped.entry(code.to_owned()).or_default() += 1;
        if self.shown < 20 && !self.quiet {
            eprintln!("{}:{line}: {reason}", self.file);
            self.shown += 1;
        }
        self.rejects.write(line, code, reason, original)
    }
}

/// Run `mkto activities add`.
pub fn run(a: AddArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let format = InputFormat::resolve(a.input_format, &a.file)?;
    if a.file != "-" {
        crate::input::check_input(std::path::Path::new(&a.file))?;
        if format == InputFormat::Jsonl {
            crate::sniff::json_array(std::path::Path::new(&a.file))?;
        }
    }
    let rejects_path = a
        .rejects
        .clone()
        .unwrap_or_else(|| rejects::default_path(&a.file, format == InputFormat::Jsonl));
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let session = Session::open(&ctx.connect, ctx.quiet()).await?;
        let result = add(&session, &a, format, &rejects_path, ctx).await;
        session.close().await;
        result
    })
}

async fn add(
    session: &Session,
    a: &AddArgs,
    format: InputFormat,
    rejects_path: &std::path::Path,
    ctx: &Ctx,
) -> anyhow::Result<ExitCode> {
    let default_type = match &a.activity_type {
        Some(t) => Some(type_id(session, t).await?),
        None => None,
    };
    let rows = Rows::open(&a.file, format)?;
    if let Some(h) = rows.header() {
        crate::sniff::delimiter(&a.file, h)?;
    }
    let mut t = Tally {
        rejects: Rejects::open(rejects_path, rows.header(), None)?,
        skipped: BTreeMap::new(),
        shown: 0,
        file: a.file.clone(),
        quiet: ctx.quiet(),
    };
    let mut read = 0u64;
    let mut pending = Vec::new();
    for row in rows {
        read += 1;
        match row.with_context(|| format!("reading {}", a.file))? {
            Row::Bad {
                line,
                reason,
                original,
            } => t.reject(line, "input", &reason, &Original::Raw(original))?,
            Row::Record { line, fields } => {
                match crate::activity_input::activity(&fields, default_type) {
                    Ok(activity) => pending.push((line, fields, activity)),
                    Err(reason) => t.reject(line, "input", &reason, &Original::Fields(fields))?,
                }
            }
        }
    }
    let activities = pending.iter().map(|(_, _, act)| act.clone()).collect();
    let outcomes = session
        .client
        .custom_activities()
        .add(activities)
        .await
        .context("Add Custom Activities")?;
    let (mut added, mut failed) = (0u64, 0u64);
    for ((line, fields, _), outcome) in pending.into_iter().zip(&outcomes) {
        let original = Original::Fields(fields);
        match outcome {
            RecordOutcome::Skipped { reasons, .. } => {
                let r = reasons.first();
                let code = r.map_or_else(|| "skipped".to_owned(), |r| r.code.to_string());
                let why = r.map_or_else(String::new, |r| r.message.clone());
                t.reject(line, &code, &why, &original)?;
            }
            RecordOutcome::Failed { error } => {
                failed += 1;
                t.rejects
                    .write(line, "failed", &error.to_string(), &original)?;
            }
            _ => added += 1,
        }
    }
    let Tally {
        mut rejects,
        skipped,
        ..
    } = t;
    rejects.sync()?;
    let skipped_total: u64 = skipped.values().sum();
    if skipped_total + failed == 0 {
        let _ = std::fs::remove_file(rejects_path);
    }
    let summary = json!({
        "read": read, "added": added, "skipped": skipped_total, "skipped_by_reason": skipped,
        "failed": failed, "calls": session.client.usage_snapshot().calls_sent,
        "rejects_file": rejects_path.display().to_string(),
    });
    let mut people = format!("added    {added}\nskipped  {skipped_total}\n");
    for (code, n) in &skipped {
        people += &format!("  {code:<6} {n:>8}\n");
    }
    people += &format!("failed   {failed}\n");
    if skipped_total + failed > 0 {
        people += &format!("rejects  {}\n", rejects_path.display());
    }
    crate::output::summary(ctx.format(), &summary, &people)?;
    if read > 0 && added == 0 && failed == 0 {
        eprintln!(
            "mkto: nothing was added: all {read} rows were rejected (see {})",
            rejects_path.display()
        );
    }
    Ok(if failed > 0 || (added == 0 && read > 0) || read == 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
