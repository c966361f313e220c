//! `mkto errors list|explain|fidelity`: the error-code catalogue for people and for pipes.

use crate::global::Ctx;
use crate::output::{write_stdout, Format};
use anyhow::bail;
use clap::{Args, Subcommand, ValueEnum};
use marketo_types::codes::{self, CodeInfo, Level};
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

/// Arguments of `mkto errors`.
#[derive(Debug, Args)]
pub struct ErrorsArgs {
    #[command(subcommand)]
    action: ErrorsAction,
}

#[derive(Debug, Subcommand)]
enum ErrorsAction {
    /// List the catalogued codes.
    List {
        /// Only codes of this level.
        #[arg(long, value_enum)]
        level: Option<LevelArg>,
    },
    /// Explain one code: what it means, whether it counts against the quota, what the client does.
    Explain {
        /// The code, e.g. 606 or 1029.
        code: String,
    },
    /// Print docs/fidelity.md: for each code, how the emulator produces it and how the client handles it.
    Fidelity,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LevelArg {
    Http,
    Response,
    Record,
}

impl From<LevelArg> for Level {
    fn from(l: LevelArg) -> Level {
        match l {
            LevelArg::Http => Level::Http,
            LevelArg::Response => Level::Response,
            LevelArg::Record => Level::Record,
        }
    }
}

/// Run `mkto errors`.
pub fn run(args: ErrorsArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    match args.action {
        ErrorsAction::List { level } => {
            let level = level.map(Level::from);
            let rows: Vec<&CodeInfo> = codes::CATALOGUE
                .iter()
                .filter(|c| level.is_none_or(|l| c.level == l))
                .collect();
            print_codes(ctx.format(), &rows)?;
            Ok(ExitCode::SUCCESS)
        }
        ErrorsAction::Explain { code } => {
            let Ok(num) = code.trim().parse::<u16>() else {
                bail!(
                    "{code:?} is not an error code: Marketo codes are numbers such as 606 or 1029"
                );
            };
            let Some(info) = codes::lookup(num) else {
                bail!(
                    "{num} is not a documented Marketo error code; `mkto errors list` shows the {} that are",
                    codes::CATALOGUE.len()
                );
            };
            match ctx.format() {
                Format::Table => write_stdout(&explain(info))?,
                Format::Json => {
                    write_stdout(&(serde_json::to_string_pretty(&CodeJson::from(info))? + "\n"))?
                }
                other => print_codes(other, &[info])?,
            }
            Ok(ExitCode::SUCCESS)
        }
        ErrorsAction::Fidelity => {
            write_stdout(&crate::fidelity::render())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The codes as records: JSON keeps every key of the catalogue, table and CSV the columns people scan.
fn print_codes(format: Format, rows: &[&'static CodeInfo]) -> anyhow::Result<()> {
    if format == Format::Json {
        let json: Vec<CodeJson> = rows.iter().map(|c| CodeJson::from(*c)).collect();
        write_stdout(&(serde_json::to_string_pretty(&json)? + "\n"))?;
        return Ok(());
    }
    let records: Vec<serde_json::Map<String, serde_json::Value>> = rows
        .iter()
        .map(|c| match format {
            Format::Jsonl => serde_json::to_value(CodeJson::from(*c)),
            _ => Ok(serde_json::json!({
                "code": c.code,
                "level": c.level.as_str(),
                "quota": if c.counted { "counted" } else { "free" },
                "handling": serde_json::to_value(c.handling).ok(),
                "message": c.message,
            })),
        })
        .map(|v| v.map(|v| v.as_object().cloned().unwrap_or_default()))
        .collect::<Result<_, _>>()?;
    crate::output::records(
        format,
        &["code", "level", "quota", "handling", "message"],
        &records,
    )?;
    Ok(())
}

/// The JSON form of one code.
#[derive(Serialize)]
struct CodeJson {
    #[serde(flatten)]
    info: &'static CodeInfo,
    handling_description: &'static str,
    emulator: Option<&'static str>,
    client: Option<&'static str>,
}

impl From<&'static CodeInfo> for CodeJson {
    fn from(info: &'static CodeInfo) -> Self {
        CodeJson {
            info,
            handling_description: info.handling.describe(),
            emulator: marketo_emulator::fidelity::production(info.code),
            client: marketo_client::fidelity::handling(info.code),
        }
    }
}

fn explain(c: &CodeInfo) -> String {
    let mut s = String::new();
    let level = match c.level {
        Level::Http => "HTTP status",
        Level::Response => "response level: in errors[] of a success:false body that arrives with HTTP 200",
        Level::Record => "record level: in reasons[] of a skipped record (some bulk calls send it at response level)",
    };
    let _ = writeln!(s, "{}  {}", c.code, c.message);
    let _ = writeln!(s);
    let _ = writeln!(s, "level:     {level}");
    let _ = writeln!(s, "meaning:   {}", c.meaning);
    if c.docs_message != c.message {
        let _ = writeln!(s, "docs call it: {}", c.docs_message);
    }
    let counted = if c.counted {
        "yes: a call answered with it counts against the daily quota and the rate limit"
    } else if c.code == 401 {
        "no: Identity calls never count"
    } else {
        "no: a call answered with it counts against neither the daily quota nor the rate limit"
    };
    let _ = writeln!(s, "counted:   {counted}");
    let _ = writeln!(s, "handling:  {}", c.handling.describe());
    let _ = writeln!(s, "evidence:  {}", c.evidence);
    if !c.meanings.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "This code has {} meanings, told apart by the message:",
            c.meanings.len()
        );
        for m in c.meanings {
            let _ = writeln!(s);
            let _ = writeln!(s, "  {} — message like {:?}", m.name, m.message);
            let _ = writeln!(s, "    recognised by: {}", m.matches.join(" | "));
            let _ = writeln!(s, "    meaning:  {}", m.description);
            let _ = writeln!(s, "    handling: {}", m.handling.describe());
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "emulator:  {}",
        marketo_emulator::fidelity::production(c.code).unwrap_or("not produced yet")
    );
    let _ = writeln!(
        s,
        "client:    {}",
        marketo_client::fidelity::handling(c.code).unwrap_or("no tested handling yet")
    );
    s
}
