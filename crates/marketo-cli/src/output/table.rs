//! Space-aligned tables: each column as wide as its widest cell (in characters), two spaces between
//! columns, the last column not padded, a header row of the column names.

/// A table of `rows` under `header`, each line ending in a newline.
pub fn align(header: &[String], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, c) in row.iter().enumerate() {
            let w = c.chars().count();
            match widths.get_mut(i) {
                Some(width) => *width = (*width).max(w),
                None => widths.push(w),
            }
        }
    }
    let mut out = String::new();
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let mut line = String::new();
        for (i, c) in row.iter().enumerate() {
            // Newlines and tabs inside a cell would break the columns.
            let c = c.replace(['\n', '\r', '\t'], " ");
            if i + 1 < row.len() {
                let pad = widths[i].saturating_sub(c.chars().count());
                line += &c;
                line.extend(std::iter::repeat_n(' ', pad + 2));
            } else {
                line += &c;
            }
        }
        out += line.trim_end();
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_line_up() {
        let h = vec!["id".to_owned(), "status".to_owned(), "reason".to_owned()];
        let rows = vec![
            vec!["5".to_owned(), "deleted".to_owned(), String::new()],
            vec![
                "12345".to_owned(),
                "skipped".to_owned(),
                "1004 Lead not found".to_owned(),
            ],
        ];
        assert_eq!(
            super::align(&h, &rows),
            "id     status   reason\n5      deleted\n12345  skipped  1004 Lead not found\n"
        );
    }
}
