//! Lead ids from the command line: `1,2,3`, or a file with one id per line (a CSV with an `id` column works
//! too). A value that is not an id is an error naming the file and line.

use anyhow::{bail, Context};
use std::path::Path;

/// Parse ids from an argument that is a comma-separated list or a file path.
pub fn parse(arg: &str) -> anyhow::Result<Vec<i64>> {
    let path = Path::new(arg);
    if path.is_file() {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {arg}"))?;
        return from_lines(arg, &text);
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

fn from_lines(name: &str, text: &str) -> anyhow::Result<Vec<i64>> {
    let mut lines = text.lines().enumerate().peekable();
    // A CSV header: take the `id` column.
    let mut column = 0usize;
    if let Some((_, first)) = lines.peek() {
        if first.parse::<i64>().is_err() {
            let header: Vec<&str> = first.split(',').map(str::trim).collect();
            match header.iter().position(|h| h.eq_ignore_ascii_case("id")) {
                Some(c) => column = c,
                None => bail!("{name}:1: expected lead ids, one per line, or a CSV header with an `id` column"),
            }
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
        assert_eq!(parse("1, 2,3").unwrap(), vec![1, 2, 3]);
        assert!(parse("1,x").unwrap_err().to_string().contains("\"x\""));
        assert_eq!(from_lines("f", "5\n6\n\n7\n").unwrap(), vec![5, 6, 7]);
        assert_eq!(
            from_lines("f", "email,id\na@x,9\nb@x,10\n").unwrap(),
            vec![9, 10]
        );
        let e = from_lines("f.csv", "id\n1\nabc\n").unwrap_err();
        assert_eq!(e.to_string(), "f.csv:3: \"abc\" is not a lead id");
        assert!(from_lines("f", "email\na@x\n").is_err());
    }
}
