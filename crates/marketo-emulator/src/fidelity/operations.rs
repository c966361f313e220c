//! Which operations of Marketo's official specs the emulator serves: every operation of `swagger-mapi.json`
//! (Lead Database) and `swagger-asset.json` (Asset), embedded as `operations.tsv` (written by
//! `scripts/spec-operations`), looked up in the route table.
//!
//! ```
//! let ops = marketo_emulator::fidelity::operations::spec();
//! assert_eq!(ops.iter().filter(|o| o.api == "mapi").count(), 147);
//! assert!(ops.iter().any(|o| o.summary == "Sync Leads" && o.served()));
//! ```

use crate::http::router::{self, Found};

const SPEC: &str = include_str!("operations.tsv");

/// One operation of the specs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecOperation {
    /// `mapi` or `asset`.
    pub api: &'static str,
    /// The spec's tag (`Leads`, `Static Lists`, `Folders`, ...).
    pub tag: &'static str,
    /// The method.
    pub method: &'static str,
    /// The path pattern as the spec spells it.
    pub path: &'static str,
    /// The operation's name.
    pub summary: &'static str,
}

impl SpecOperation {
    /// Whether the route table has it (its path with `1` for every parameter finds a route).
    pub fn served(&self) -> bool {
        let sample: String = self
            .path
            .split('/')
            .map(|seg| match seg.find('{') {
                Some(open) => {
                    let close = seg.find('}').unwrap_or(seg.len() - 1);
                    format!("{}1{}", &seg[..open], &seg[close + 1..])
                }
                None => seg.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("/");
        matches!(router::find(self.method, &sample), Found::Route(..))
    }
}

/// Every operation of the two specs, in the spec's tag order.
pub fn spec() -> Vec<SpecOperation> {
    SPEC.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.splitn(5, '\t');
            Some(SpecOperation {
                api: cols.next()?,
                tag: cols.next()?,
                method: cols.next()?,
                path: cols.next()?,
                summary: cols.next().unwrap_or(""),
            })
        })
        .collect()
}

/// The coverage table in Markdown: served out of the spec's total, per API and tag.
pub fn markdown() -> String {
    let ops = spec();
    let mut out = String::new();
    for (api, title) in [("mapi", "Lead Database"), ("asset", "Asset")] {
        let of_api: Vec<&SpecOperation> = ops.iter().filter(|o| o.api == api).collect();
        let served = of_api.iter().filter(|o| o.served()).count();
        out.push_str(&format!(
            "\n### {title} API: {served} of {} operations\n\n| tag | served | not yet |\n|---|---|---|\n",
            of_api.len()
        ));
        let mut tags: Vec<&str> = of_api.iter().map(|o| o.tag).collect();
        tags.dedup();
        for tag in tags {
            let in_tag: Vec<&&SpecOperation> = of_api.iter().filter(|o| o.tag == tag).collect();
            let done = in_tag.iter().filter(|o| o.served()).count();
            let missing: Vec<&str> = in_tag
                .iter()
                .filter(|o| !o.served())
                .map(|o| o.summary)
                .collect();
            out.push_str(&format!(
                "| {tag} | {done} / {} | {} |\n",
                in_tag.len(),
                missing.join(", ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_specs_hold_147_and_199_operations() {
        let ops = spec();
        assert_eq!(ops.iter().filter(|o| o.api == "mapi").count(), 147);
        assert_eq!(ops.iter().filter(|o| o.api == "asset").count(), 199);
    }

    #[test]
    fn every_spec_operation_the_emulator_declares_is_found() {
        // Every route whose path is a spec path must be served under the spec's own spelling.
        let ops = spec();
        for route in crate::resources::routes() {
            let norm = |p: &str| -> String {
                p.split('/')
                    .map(|s| {
                        if s.contains('{') {
                            "{}".to_owned()
                        } else {
                            s.to_owned()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("/")
            };
            if let Some(op) = ops
                .iter()
                .find(|o| o.method == route.verb.as_str() && norm(o.path) == norm(route.path))
            {
                assert!(op.served(), "{} {}", op.method, op.path);
            }
        }
    }
}
