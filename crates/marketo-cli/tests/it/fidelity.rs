use crate::support::{mkto, stdout};

/// docs/fidelity.md must be what `mkto errors fidelity` prints today.
#[test]
fn docs_fidelity_is_up_to_date() {
    let generated = stdout(&mkto(&["errors", "fidelity"]));
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/fidelity.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/fidelity.md is stale: run `cargo run -q -- errors fidelity > docs/fidelity.md` and commit it"
    );
    for c in marketo_types::codes::CATALOGUE {
        assert!(
            generated.contains(&format!("| {} |", c.code)),
            "{} missing",
            c.code
        );
    }
}
