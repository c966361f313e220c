//! The config file, `$XDG_CONFIG_HOME/mkto/config.toml` or `~/.config/mkto/config.toml`: named profiles of
//! endpoint, client id and client secret.
//!
//! The file holds secrets, so no error about it may quote it: the TOML parser's own message shows the line it
//! failed on, secret included. A malformed file is reported as its path, the line and column, and what was
//! wrong, with any value the parser's message quotes masked, and every `client_secret` value of the file
//! masked again should one slip through.

use anyhow::bail;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The keys of a profile, the only names an error message shows as they are (with `profiles`).
const KEYS: [&str; 8] = [
    "profiles",
    "endpoint",
    "client_id",
    "client_secret",
    "limiter",
    "limiter_prefix",
    "limiter_fallback",
    "limiter_daily_quota",
];
const MASK: &str = "…";

#[derive(Debug, Default, Deserialize)]
struct ConfigFile {
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
}

/// One profile of the config file.
#[derive(Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// REST endpoint.
    pub endpoint: Option<String>,
    /// Client id.
    pub client_id: Option<String>,
    /// Client secret.
    pub client_secret: Option<String>,
    /// The shared limiter's Redis URL (may hold a password).
    pub limiter: Option<String>,
    /// The shared limiter's key prefix.
    pub limiter_prefix: Option<String>,
    /// What to do when the shared limiter cannot be reached.
    pub limiter_fallback: Option<String>,
    /// The subscription's daily quota, for the shared limiter.
    pub limiter_daily_quota: Option<u64>,
}

impl Profile {
    /// The profile's shared-limiter settings.
    pub fn limiter(self) -> crate::limiter::ProfileLimiter {
        crate::limiter::ProfileLimiter {
            url: self.limiter,
            prefix: self.limiter_prefix,
            fallback: self.limiter_fallback,
            daily_quota: self.limiter_daily_quota,
        }
    }
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("endpoint", &self.endpoint)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("limiter", &self.limiter.as_ref().map(|_| "[redacted]"))
            .field("limiter_prefix", &self.limiter_prefix)
            .field("limiter_fallback", &self.limiter_fallback)
            .field("limiter_daily_quota", &self.limiter_daily_quota)
            .finish()
    }
}

/// The config file path: `$XDG_CONFIG_HOME/mkto/config.toml`, else `~/.config/mkto/config.toml`.
pub fn config_path() -> Option<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_CONFIG_HOME").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(x).join("mkto/config.toml"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config/mkto/config.toml"))
}

/// The profile `name` (default: the one named `default`, if any) from the config file.
pub fn load_profile(name: Option<&str>) -> anyhow::Result<Profile> {
    let Some(path) = config_path() else {
        if let Some(n) = name {
            bail!("profile {n:?} asked for, but there is no HOME to find ~/.config/mkto/config.toml in");
        }
        return Ok(Profile::default());
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(n) = name {
                bail!(
                    "profile {n:?} asked for, but {} does not exist",
                    path.display()
                );
            }
            return Ok(Profile::default());
        }
        // The I/O error's text names no content.
        Err(e) => bail!("cannot read {}: {e}", path.display()),
    };
    let file = parse(&path, &bytes)?;
    match name {
        Some(n) => match file.profiles.get(n) {
            Some(p) => Ok(p.clone()),
            None => bail!(
                "no profile {n:?} in {} (it has: {})",
                path.display(),
                file.profiles.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
        },
        None => Ok(file.profiles.get("default").cloned().unwrap_or_default()),
    }
}

fn parse(path: &Path, bytes: &[u8]) -> anyhow::Result<ConfigFile> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            bail!(
                "{} is not a valid mkto config: line {line}: not valid UTF-8",
                path.display()
            );
        }
    };
    toml::from_str(text).map_err(|e| {
        anyhow::anyhow!(
            "{} is not a valid mkto config: {}",
            path.display(),
            describe(&e, text)
        )
    })
}

/// Where and what, without quoting the file: `line 3, column 17: invalid type: integer `…`, expected a string
/// (key client_secret)`.
fn describe(e: &toml::de::Error, text: &str) -> String {
    let what = mask_quoted(&e.message().replace('\n', "; "));
    let out = match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let key = key_on_line(text.lines().nth(line - 1).unwrap_or(""))
                .map_or_else(String::new, |k| format!(" (key {k})"));
            format!("line {line}, column {column}: {what}{key}")
        }
        None => what,
    };
    mask_secrets(&out, text)
}

/// The key a line sets, when it is one of [`KEYS`].
fn key_on_line(line: &str) -> Option<&'static str> {
    let head = line.trim_start();
    KEYS.into_iter().find(|k| {
        head.strip_prefix(k)
            .is_some_and(|rest| rest.trim_start().starts_with('=') || rest.trim().is_empty())
    })
}

/// `message` with what the parser quotes masked: every `"..."` (a value) and every `` `...` `` that is neither
/// a grammar token (one or two characters), nor a name made of letters, digits, `_`, `-` and `.` that does not
/// start with a digit (a key, a type, a table).
fn mask_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(['"', '`']) {
        out.push_str(&rest[..i]);
        let quote = rest.as_bytes()[i] as char;
        let after = &rest[i + 1..];
        let end = if quote == '"' {
            closing_quote(after)
        } else {
            after.find('`')
        };
        let Some(end) = end else {
            // No closing quote: mask the rest.
            out.push(quote);
            out.push_str(MASK);
            return out;
        };
        let inner = &after[..end];
        let shown = quote == '`' && (inner.chars().count() <= 2 || is_name(inner));
        out.push(quote);
        out.push_str(if shown { inner } else { MASK });
        out.push(quote);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The end of a Rust-escaped string body (`\"` does not end it).
fn closing_quote(s: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

fn is_name(s: &str) -> bool {
    s.len() <= 64
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// `out` with the value of every `client_secret` and `limiter` (a Redis URL may hold a password) line of
/// `text` masked (a safety net under [`mask_quoted`]).
fn mask_secrets(out: &str, text: &str) -> String {
    let mut out = out.to_owned();
    for line in text.lines() {
        let trimmed = line.trim_start();
        let rest = trimmed.strip_prefix("client_secret").or_else(|| {
            trimmed
                .strip_prefix("limiter")
                .filter(|r| r.trim_start().starts_with('='))
        });
        let Some(rest) = rest else {
            continue;
        };
        let value = rest.trim_start().trim_start_matches('=').trim();
        let bare = value.trim_matches(['"', '\'']).trim();
        for v in [value, bare] {
            if v.chars().count() >= 3 && out.contains(v) {
                out = out.replace(v, MASK);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
