//! `marketo_client::fidelity` names only tests that exist.

#[test]
fn every_test_named_by_the_fidelity_table_exists() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    let mut named = 0;
    for info in marketo_types::codes::CATALOGUE {
        let Some(text) = marketo_client::fidelity::handling(info.code) else {
            continue;
        };
        let list = text.rsplit_once("(test").expect("names a test").1;
        let list = list
            .trim_start_matches("s")
            .trim_start_matches(": ")
            .trim_end_matches(')');
        for name in list.split(", ") {
            let (module, func) = name.split_once("::").expect("module::test");
            let source =
                std::fs::read_to_string(dir.join(format!("{module}.rs"))).expect("module file");
            assert!(
                source.contains(&format!("async fn {func}()")),
                "{}: no test {name}",
                info.code
            );
            named += 1;
        }
    }
    assert!(named >= 37);
}
