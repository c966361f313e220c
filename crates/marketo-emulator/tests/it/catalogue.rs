//! Catalogued codes the emulator has no natural cause for (the endpoint that sends them is not emulated, or
//! the cause is Marketo's own state): each produced by a fault rule, exactly as Marketo sends it. Response-level
//! codes in a `success:false` envelope with the catalogue's message; record-level codes as `skipped` records of
//! a successful answer, through the `record_error` effect. Each test also checks the counting rule.

use crate::support::*;
use marketo_emulator::FaultRule;
use marketo_types::codes::{self, Level};
use serde_json::{json, Value};

const SYNC: &str = "/rest/v1/leads.json";

fn input(prefix: &str, n: usize) -> Value {
    let records: Vec<Value> = (0..n)
        .map(|i| json!({"email": format!("{prefix}{i}@example.com")}))
        .collect();
    json!({ "input": records })
}

/// How much one call took from the daily quota and the rate window.
fn taken(before: &marketo_emulator::Usage, after: &marketo_emulator::Usage) -> (u64, u32) {
    (after.today - before.today, after.window - before.window)
}

/// A response-level `code` injected once on `path` answers Marketo's exact failure envelope, counts as the
/// catalogue says, and retires: the next call goes through.
async fn response_fault(code: u16, via: Via) {
    let info = codes::lookup(code).expect("catalogued");
    assert_eq!(info.level, Level::Response);
    let env = start().await;
    env.emu
        .add_fault(FaultRule::error("*", SYNC, code).times(1));
    let before = env.emu.usage();
    let r = send(&env, via).await;
    assert_marketo_error(&r, code, info.message);
    let after = env.emu.usage();
    let n = u64::from(info.counted);
    assert_eq!(
        taken(&before, &after),
        (n, n as u32),
        "counting rule for {code}"
    );
    let call = env
        .emu
        .calls()
        .into_iter()
        .rev()
        .find(|c| c.path == SYNC)
        .unwrap();
    assert_eq!(
        (call.status, call.code, call.counted),
        (200, Some(code), info.counted)
    );
    assert_success(&send(&env, via).await);
}

/// The call a response-level fault answers.
#[derive(Clone, Copy)]
enum Via {
    /// Sync Leads with three new leads.
    Sync,
    /// A search: Get Leads by Filter Type.
    Search,
}

async fn send(env: &Env, via: Via) -> Resp {
    match via {
        Via::Sync => env.post_json(SYNC, &input("r", 3)).await,
        Via::Search => {
            env.get("/rest/v1/leads.json?filterType=email&filterValues=nobody@example.com")
                .await
        }
    }
}

/// A record-level `code` on the first record of a Sync Leads call of three: that record comes back skipped with
/// the code and the catalogue's message and no id; the others stand; the call counts; the rule retires.
async fn record_fault(code: u16) {
    let info = codes::lookup(code).expect("catalogued");
    assert_eq!(info.level, Level::Record);
    let env = start().await;
    env.emu.add_fault(
        FaultRule::record_error("POST", SYNC, code)
            .records(1)
            .times(1),
    );
    let before = env.emu.usage();
    let r = env.post_json(SYNC, &input("r", 3)).await;
    let result = assert_success(&r);
    assert_eq!(result.len(), 3);
    assert_eq!(
        result[0],
        json!({"status": "skipped", "reasons": [{"code": code.to_string(), "message": info.message}]})
    );
    for record in &result[1..] {
        assert_eq!(record["status"], "created", "{record}");
        assert!(record["id"].is_i64(), "{record}");
    }
    assert!(r.json.get("errors").is_none(), "{}", r.text);
    assert_eq!(taken(&before, &env.emu.usage()), (1, 1), "counted");
    assert!(info.counted);
    let call = env
        .emu
        .calls()
        .into_iter()
        .rev()
        .find(|c| c.path == SYNC)
        .unwrap();
    assert_eq!((call.status, call.code, call.counted), (200, None, true));
    let again = assert_success(&env.post_json(SYNC, &input("s", 3)).await);
    assert!(
        again.iter().all(|r| r["status"] == "created"),
        "retired: {again:?}"
    );
}

#[tokio::test]
async fn code_616_by_fault_rule() {
    response_fault(616, Via::Sync).await;
}

#[tokio::test]
async fn code_702_by_fault_rule() {
    response_fault(702, Via::Search).await;
}

#[tokio::test]
async fn code_703_by_fault_rule() {
    response_fault(703, Via::Sync).await;
}

#[tokio::test]
async fn code_709_by_fault_rule() {
    response_fault(709, Via::Sync).await;
}

#[tokio::test]
async fn code_710_by_fault_rule() {
    response_fault(710, Via::Sync).await;
}

#[tokio::test]
async fn code_711_by_fault_rule() {
    response_fault(711, Via::Sync).await;
}

#[tokio::test]
async fn code_712_by_fault_rule() {
    response_fault(712, Via::Sync).await;
}

#[tokio::test]
async fn code_714_by_fault_rule() {
    response_fault(714, Via::Sync).await;
}

#[tokio::test]
async fn code_718_by_fault_rule() {
    response_fault(718, Via::Sync).await;
}

#[tokio::test]
async fn code_1014_record_level_by_fault_rule() {
    record_fault(1014).await;
}

#[tokio::test]
async fn code_1017_record_level_by_fault_rule() {
    record_fault(1017).await;
}

#[tokio::test]
async fn code_1018_record_level_by_fault_rule() {
    record_fault(1018).await;
}

#[tokio::test]
async fn code_1020_record_level_by_fault_rule() {
    record_fault(1020).await;
}

#[tokio::test]
async fn code_1022_record_level_by_fault_rule() {
    record_fault(1022).await;
}

#[tokio::test]
async fn code_1025_record_level_by_fault_rule() {
    record_fault(1025).await;
}

#[tokio::test]
async fn code_1026_record_level_by_fault_rule() {
    record_fault(1026).await;
}

#[tokio::test]
async fn code_1027_record_level_by_fault_rule() {
    record_fault(1027).await;
}

#[tokio::test]
async fn code_1028_record_level_by_fault_rule() {
    record_fault(1028).await;
}

#[tokio::test]
async fn code_1036_record_level_by_fault_rule() {
    record_fault(1036).await;
}

#[tokio::test]
async fn code_1037_record_level_by_fault_rule() {
    record_fault(1037).await;
}

#[tokio::test]
async fn code_1042_record_level_by_fault_rule() {
    record_fault(1042).await;
}

#[tokio::test]
async fn code_1048_record_level_by_fault_rule() {
    record_fault(1048).await;
}

#[tokio::test]
async fn code_1049_record_level_by_fault_rule() {
    record_fault(1049).await;
}

#[tokio::test]
async fn code_1076_record_level_by_fault_rule() {
    record_fault(1076).await;
}

#[tokio::test]
async fn code_1077_record_level_by_fault_rule() {
    record_fault(1077).await;
}

#[tokio::test]
async fn code_1078_record_level_by_fault_rule() {
    record_fault(1078).await;
}

#[tokio::test]
async fn code_1079_record_level_by_fault_rule() {
    record_fault(1079).await;
}

#[tokio::test]
async fn code_1080_record_level_by_fault_rule() {
    record_fault(1080).await;
}

#[tokio::test]
async fn record_error_without_records_skips_every_record_and_list_results_keep_their_ids() {
    let env = start().await;
    let created = assert_success(&env.post_json(SYNC, &input("m", 2)).await);
    let ids: Vec<i64> = created.iter().map(|r| r["id"].as_i64().unwrap()).collect();
    env.emu
        .seed(json!({"lists": [{"id": 77, "name": "Webinar"}]}))
        .expect("seed");
    env.emu
        .add_fault(FaultRule::record_error("POST", "/rest/v1/lists/77/leads.json", 1022).times(1));
    let r = env
        .post_json(
            "/rest/v1/lists/77/leads.json",
            &json!({"input": [{"id": ids[0]}, {"id": ids[1]}]}),
        )
        .await;
    let reason = json!([{"code": "1022", "message": "Object in use"}]);
    assert_eq!(
        Value::Array(assert_success(&r)),
        json!([
            {"id": ids[0], "status": "skipped", "reasons": reason},
            {"id": ids[1], "status": "skipped", "reasons": reason}
        ])
    );
}

#[tokio::test]
async fn record_error_rule_through_the_admin_api() {
    let env = start().await;
    let added = env
        .send(env.http.post(env.url("/_emulator/faults")).body(
            r#"{"method":"POST","path":"/rest/v1/leads.json","record_error":"1036","records":2,"times":1}"#,
        ))
        .await;
    assert_eq!(added.status, 200, "{}", added.text);
    let listed = env.send(env.http.get(env.url("/_emulator/faults"))).await;
    assert_eq!(listed.json[0]["record_error"], "1036");
    assert_eq!(listed.json[0]["records"], 2);
    let result = assert_success(&env.post_json(SYNC, &input("a", 3)).await);
    let statuses: Vec<&str> = result
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["skipped", "skipped", "created"]);
    assert_eq!(result[1]["reasons"][0]["code"], "1036");
    for bad in [
        r#"{"path":"/x","record_error":"604"}"#,
        r#"{"path":"/x","record_error":"1036","records":0}"#,
        r#"{"path":"/x","error":"604","records":1}"#,
    ] {
        let r = env
            .send(env.http.post(env.url("/_emulator/faults")).body(bad))
            .await;
        assert_eq!(r.status, 400, "{bad}: {}", r.text);
    }
}

#[tokio::test]
async fn record_error_leaves_a_failed_answer_as_it_is() {
    let env = start().await;
    env.emu
        .add_fault(FaultRule::record_error("POST", SYNC, 1036).times(1));
    // A body without input fails in the handler; the record fault has nothing to rewrite.
    let r = env
        .post_json(
            SYNC,
            &json!({"input": [{"email": "a@example.com"}], "lookupField": "nope"}),
        )
        .await;
    assert_eq!(r.json["success"], false, "{}", r.text);
    assert!(r.json.get("result").is_none());
}

#[test]
fn every_catalogued_code_is_produced_and_names_a_test_that_exists() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    for info in codes::CATALOGUE {
        let text = marketo_emulator::fidelity::production(info.code)
            .unwrap_or_else(|| panic!("{} is not produced", info.code));
        assert!(
            text.starts_with("naturally:") || text.starts_with("fault rule:"),
            "{text}"
        );
        for part in text.split("(test").skip(1) {
            let list = part.trim_start_matches('s').trim_start_matches(": ");
            let list = &list[..list.find(')').expect("closed")];
            for name in list.split(", ") {
                let (module, func) = name.split_once("::").expect("module::test");
                let source = std::fs::read_to_string(dir.join(format!("{module}.rs")))
                    .unwrap_or_else(|_| panic!("{}: no module {module}", info.code));
                assert!(
                    source.contains(&format!("fn {func}(")),
                    "{}: no test {name}",
                    info.code
                );
            }
        }
    }
}
