//! Input files that are not what `mkto` reads, caught before anything is sent: a `.json` file holding one
//! JSON array (JSON Lines is expected), a CSV file separated by semicolons or tabs, and CSV headers that are
//! display names ("Email Address") or differ from a REST name only in case, each with the name to use.

use anyhow::bail;
use marketo_client::endpoints::LeadField;
use std::io::Read;
use std::path::Path;

/// Refuse a file whose first character (after a byte order mark and whitespace) opens a JSON array.
pub fn json_array(path: &Path) -> anyhow::Result<()> {
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let text = head[..n]
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&head[..n]);
    if text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        bail!(
            "{}:1: the file holds a JSON array; mkto reads JSON Lines, one object per line \
             (convert it with: jq -c '.[]' {} > leads.jsonl)",
            path.display(),
            path.display()
        );
    }
    Ok(())
}

/// Refuse a CSV header that is one column holding semicolons or tabs: the file is not comma-separated.
pub fn delimiter(file: &str, header: &[String]) -> anyhow::Result<()> {
    if let [only] = header {
        for (sep, name) in [(';', "semicolon"), ('\t', "tab")] {
            if only.contains(sep) {
                bail!(
                    "{file}:1: the header {only:?} is {name}-separated; mkto reads comma-separated CSV \
                     (save the file with commas{})",
                    if sep == '\t' { ", or use `mkto leads import --file-format tsv`" } else { ", or use `mkto leads import --file-format ssv`" }
                );
            }
        }
    }
    Ok(())
}

/// Refuse header columns that are not REST names but name a field another way, with the names to use.
pub fn field_names(file: &str, header: &[String], fields: &[LeadField]) -> anyhow::Result<()> {
    let rest = |f: &LeadField| f.rest.as_ref().map(|r| r.name.clone());
    let squash = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let mut wrong = Vec::new();
    for column in header {
        if fields
            .iter()
            .any(|f| rest(f).as_deref() == Some(column.as_str()))
        {
            continue;
        }
        let want = squash(column);
        let found = fields.iter().find_map(|f| {
            let name = rest(f)?;
            (squash(&f.display_name) == want || squash(&name) == want).then_some(name)
        });
        if let Some(name) = found {
            wrong.push(format!("{column:?} -> {name}"));
        }
    }
    if !wrong.is_empty() {
        bail!(
            "{file}:1: the header uses display names, not the REST API names Marketo expects: {} \
             (rename the columns; `mkto leads describe` lists the names)",
            wrong.join(", ")
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn delimiters() {
        assert!(super::delimiter("f", &["email;firstName".into()]).is_err());
        assert!(super::delimiter("f", &["email\tfirstName".into()]).is_err());
        assert!(super::delimiter("f", &["email".into()]).is_ok());
    }
}
