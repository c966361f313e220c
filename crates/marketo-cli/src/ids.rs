//! Lead ids from the command line: `1,2,3`, a file with one id per line, a CSV with an `id` column, or `-`
//! for any of these on stdin. A value that is not an id is an error naming the file and line.

use anyhow::{bail, Context};
use std::io::Read;
use std::path::Path;

/// How strict to be about a CSV file of ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns<'a> {
    /// Take the `id` column of any CSV (list membership: an export file is a fine source).
    AnyCsv,
    /// Only a bare list of ids or a one-column CSV, unless the column is named (deletes: an export file
    /// given by mistake must not delete every lead in it).
    Named(Option<&'a str>),
}

/// The text of a file, or of stdin for `-`.
pub fn read_text(path: &str) -> anyhow::Result<String> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read stdin")?;
        return Ok(text);
    }
    std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))
}

/// Parse ids from an argument that is a comma-separated list, a file path or `-` (stdin).
pub fn parse(arg: &str) -> anyhow::Result<Vec<i64>> {
    parse_with(arg, Columns::AnyCsv)
}

/// [`parse`], with a choice of how strict to be about CSV files.
pub fn parse_with(arg: &str, columns: Columns<'_>) -> anyhow::Result<Vec<i64>> {
    if arg == "-" {
        return from_lines("stdin", &read_text(arg)?, columns);
    }
    if Path::new(arg).is_file() {
        return from_lines(arg, &read_text(arg)?, columns);
    }
    let mut ids = Vec::new();
    for (i, part) in arg.split(',').enumerate() {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        match part.parse::<i64>() {
            Ok(id) if id > 0 => ids.push(id),
            _ => bail!(
                "{part:?} (item {} of {arg:?}) is not a lead id, and {arg:?} is not a file",
                i + 1
            ),
        }
    }
    if ids.is_empty() {
        bail!("no lead ids given");
    }
    Ok(ids)
}

fn header_column(name: &str, first: &str, columns: Columns<'_>) -> anyhow::Result<usize> {
    let header: Vec<&str> = first.split(',').map(str::trim).collect();
    let want = match columns {
        Columns::Named(Some(c)) => c,
        _ => "id",
    };
    let Some(at) = header.iter().position(|h| h.eq_ignore_ascii_case(want)) else {
        bail!(
            "{name}:1: expected lead ids, one per line, or a CSV header with an `{want}` column (found {})",
            header.join(",")
        );
    };
    if columns == Columns::Named(None) && header.len() > 1 {
        bail!(
            "{name} has the columns {}: it looks like a data file (an export?), not a list of lead ids to \
             delete; pass --column {} to take the ids of that column",
            header.join(","),
            header[at]
        );
    }
    Ok(at)
}

fn from_lines(name: &str, text: &str, columns: Columns<'_>) -> anyhow::Result<Vec<i64>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().peekable();
    let mut column = 0usize;
    if let Some((_, first)) = lines.peek() {
        if first.trim().parse::<i64>().is_err() {
            column = header_column(name, first, columns)?;
            lines.next();
        }
    }
    let mut ids = Vec::new();
    for (i, line) in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let cell = line.split(',').nth(column).unwrap_or("").trim();
        match cell.parse::<i64>() {
            Ok(id) if id > 0 => ids.push(id),
            _ => bail!("{name}:{}: {cell:?} is not a lead id", i + 1),
        }
    }
    if ids.is_empty() {
        bail!("{name}: no lead ids in the file");
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_files() {
        let any = Columns::AnyCsv;
        assert_eq!(parse("1, 2,3").unwrap(), vec![1, 2, 3]);
        assert!(parse("1,x").unwrap_err().to_string().contains("\"x\""));
        assert_eq!(from_lines("f", "5\n6\n\n7\n", any).unwrap(), vec![5, 6, 7]);
        assert_eq!(
            from_lines("f", "email,id\na@x,9\nb@x,10\n", any).unwrap(),
            vec![9, 10]
        );
        let e = from_lines("f.csv", "id\n1\nabc\n", any).unwrap_err();
        assert_eq!(e.to_string(), "f.csv:3: \"abc\" is not a lead id");
        assert!(from_lines("f", "email\na@x\n", any).is_err());
    }

    #[test]
    fn deletes_take_a_data_file_only_when_told() {
        let strict = Columns::Named(None);
        assert_eq!(from_lines("f", "id\n4\n", strict).unwrap(), vec![4]);
        let e = from_lines("x.csv", "id,email\n4,a@x\n", strict).unwrap_err();
        assert!(e.to_string().contains("--column id"), "{e}");
        let named = Columns::Named(Some("leadId"));
        assert_eq!(
            from_lines("f", "email,leadId\na@x,8\n", named).unwrap(),
            vec![8]
        );
    }
}
