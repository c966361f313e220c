//! `mkto configure`: write a profile to the config file (see [`crate::config_file`]). The endpoint and the
//! client id come from `--endpoint` and `--client-id` or are asked for; the secret is asked for with echo off
//! on a terminal, or read as one line from stdin (`printf '%s\n' "$SECRET" | mkto configure ...`), so it stays
//! out of shell history and `ps`. The file is written with mode 0600; its other profiles are kept (comments
//! are not).

use crate::global::Ctx;
use anyhow::{bail, Context};
use clap::Args;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

/// Arguments of `mkto configure`.
#[derive(Debug, Args)]
pub struct ConfigureArgs {}

fn ask(question: &str, secret: bool) -> anyhow::Result<String> {
    let terminal = std::io::stdin().is_terminal();
    if terminal {
        eprint!("{question}: ");
        std::io::stderr().flush().ok();
    }
    let echo_off = secret && terminal && set_echo(false);
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line);
    if echo_off {
        set_echo(true);
        eprintln!();
    }
    read.with_context(|| format!("cannot read the {question}"))?;
    let value = line.trim().to_owned();
    if value.is_empty() {
        bail!("no {question} given");
    }
    Ok(value)
}

/// Turn the terminal's echo on or off (for the secret); false when it could not be changed.
fn set_echo(on: bool) -> bool {
    std::process::Command::new("stty")
        .arg(if on { "echo" } else { "-echo" })
        .stdin(std::process::Stdio::inherit())
        .status()
        .is_ok_and(|s| s.success())
}

/// The endpoint as the client wants it: no trailing `/` or `/rest`, https (or http on loopback).
pub fn normalise_endpoint(given: &str) -> anyhow::Result<String> {
    let e = given.trim().trim_end_matches('/');
    let e = e.strip_suffix("/rest").unwrap_or(e);
    let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|p| e.starts_with(p));
    if !(e.starts_with("https://") || loopback) {
        bail!(
            "endpoint {given:?}: expected https://123-ABC-456.mktorest.com (Admin > Web Services > REST API)"
        );
    }
    Ok(e.to_owned())
}

/// Run `mkto configure`.
pub fn run(_a: ConfigureArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let c = &ctx.connect;
    let name = c.profile.clone().unwrap_or_else(|| "default".into());
    let path = crate::config_file::config_path()
        .context("no HOME or XDG_CONFIG_HOME to put the config file in")?;
    let endpoint = match &c.endpoint {
        Some(e) => e.clone(),
        None => ask("REST endpoint (https://123-ABC-456.mktorest.com)", false)?,
    };
    let endpoint = normalise_endpoint(&endpoint)?;
    let client_id = match &c.client_id {
        Some(i) => i.clone(),
        None => ask("Client id", false)?,
    };
    let secret = match &c.client_secret {
        Some(s) => {
            eprintln!("mkto: --client-secret is in your shell history now; mkto configure asks for it when it is not given");
            s.clone()
        }
        None => ask("Client secret", true)?,
    };
    let mut table: toml::Table = match std::fs::read_to_string(&path) {
        Ok(text) => {
            // Checked by the same reader as every command, so no error quotes a secret.
            crate::config_file::load_profile(None)?;
            text.parse()
                .with_context(|| format!("{} is not valid TOML", path.display()))?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => toml::Table::new(),
        Err(e) => bail!("cannot read {}: {e}", path.display()),
    };
    let profiles = table
        .entry("profiles")
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    let Some(profiles) = profiles.as_table_mut() else {
        bail!("{}: `profiles` is not a table", path.display());
    };
    let profile = profiles
        .entry(name.clone())
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    let Some(profile) = profile.as_table_mut() else {
        bail!("{}: profile {name} is not a table", path.display());
    };
    profile.insert("endpoint".into(), endpoint.clone().into());
    profile.insert("client_id".into(), client_id.into());
    profile.insert("client_secret".into(), secret.into());
    write_private(&path, &toml::to_string(&table).context("the config file")?)?;
    if !ctx.quiet() {
        eprintln!(
            "mkto: profile {name} ({endpoint}) written to {}; check it with `mkto whoami{}`",
            path.display(),
            if name == "default" {
                String::new()
            } else {
                format!(" --profile {name}")
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Write `text` to `path` readable by its owner only, atomically.
fn write_private(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let tmp = path.with_extension("toml.tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options
        .open(&tmp)
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path))
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn endpoints() {
        let n = super::normalise_endpoint;
        assert_eq!(
            n("https://1-A-2.mktorest.com/rest/").unwrap(),
            "https://1-A-2.mktorest.com"
        );
        assert_eq!(n("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
        assert!(n("http://example.com").is_err());
        assert!(n("1-A-2.mktorest.com").is_err());
    }
}
