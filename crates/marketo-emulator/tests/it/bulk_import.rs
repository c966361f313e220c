//! Bulk Lead Import over HTTP: the job's states on the emulator's clock, rows upserted into the lead store,
//! failures and warnings files, and the codes: 413 (10 MB), 612, 613, 1003 "Empty file", 1016, 1019.

use crate::support::*;
use serde_json::{json, Value};
use std::time::Duration;

const CSV: &str = "email,firstName,lastName\nann@example.com,Ann,Lee\nbob@example.com,Bob,Ray\nnot-an-email,Cy,Fox\n";

/// POST a file as multipart, with extra form fields.
async fn import(env: &Env, file: Vec<u8>, fields: &[(&str, &str)]) -> Resp {
    let token = env.token().await;
    let mut form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(file).file_name("leads.csv"),
    );
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    env.send(
        env.http
            .post(env.url("/bulk/v1/leads.json"))
            .bearer_auth(token)
            .multipart(form),
    )
    .await
}

fn batch_id(r: &Resp) -> i64 {
    let result = assert_success(r);
    result[0]["batchId"].as_i64().expect("batchId")
}

async fn status(env: &Env, id: i64) -> Value {
    let r = env.get(&format!("/bulk/v1/leads/batch/{id}.json")).await;
    assert_success(&r)[0].clone()
}

#[tokio::test]
async fn import_rows_reach_the_lead_store_with_failures_file() {
    let env = start().await;
    let r = import(&env, CSV.into(), &[("format", "csv")]).await;
    let id = batch_id(&r);
    assert_eq!(
        r.json["result"][0],
        json!({"batchId": id, "importId": id.to_string(), "status": "Queued"})
    );
    // Nothing moves until the clock does.
    assert_eq!(status(&env, id).await["status"], "Importing");
    env.emu.advance_clock(Duration::from_secs(10));
    let s = status(&env, id).await;
    assert_eq!(
        s,
        json!({"batchId": id, "importId": id.to_string(), "status": "Complete",
               "numOfLeadsProcessed": 2, "numOfRowsFailed": 1, "numOfRowsWithWarning": 0,
               "message": "Import completed with errors, 2 records imported (2 members), 1 failed"})
    );
    let leads = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=ann@example.com,bob@example.com&fields=firstName")
        .await;
    let found = assert_success(&leads);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0]["firstName"], "Ann");
    let failures = env
        .get(&format!("/bulk/v1/leads/batch/{id}/failures.json"))
        .await;
    assert_eq!(failures.status, 200);
    assert_eq!(
        failures.text,
        "email,firstName,lastName,Import Failure Reason\nnot-an-email,Cy,Fox,Invalid value for field 'email'\n"
    );
    // A second import of the same emails updates rather than creates.
    let again = batch_id(&import(&env, "email,lastName\nann@example.com,Moss\n".into(), &[]).await);
    env.emu.advance_clock(Duration::from_secs(10));
    assert_eq!(status(&env, again).await["numOfLeadsProcessed"], 1);
    let ann = env
        .get("/rest/v1/leads.json?filterType=email&filterValues=ann@example.com&fields=lastName")
        .await;
    let ann = assert_success(&ann);
    assert_eq!(ann.len(), 1);
    assert_eq!(ann[0]["lastName"], "Moss");
}

#[tokio::test]
async fn tsv_import_with_unknown_column_gets_a_warning() {
    let env = start().await;
    let file = "email\tshoeSize\nzed@example.com\t44\n";
    let id = batch_id(&import(&env, file.into(), &[("format", "tsv")]).await);
    env.emu.advance_clock(Duration::from_secs(10));
    let s = status(&env, id).await;
    assert_eq!(s["numOfRowsWithWarning"], 1);
    assert_eq!(
        s["message"],
        "Import succeeded, 1 records imported (1 members), 1 warning."
    );
    let w = env
        .get(&format!("/bulk/v1/leads/batch/{id}/warnings.json"))
        .await;
    assert_eq!(
        w.text,
        "email\tshoeSize\tImport Warning Reason\nzed@example.com\t44\tField 'shoeSize' not found, value ignored\n"
    );
}

#[tokio::test]
async fn code_413_import_file_over_10mb() {
    let env = start().await;
    let mut file = b"email\n".to_vec();
    file.resize(marketo_types::limits::MAX_BULK_IMPORT_BYTES + 1, b'a');
    let r = import(&env, file, &[]).await;
    assert_eq!(r.status, 413, "{}", r.text);
    assert_error_body(&r, 413, "Request Entity Too Large");
    // Exactly 10 MB is accepted.
    let mut ok = b"email\nx@example.com\n".to_vec();
    ok.resize(marketo_types::limits::MAX_BULK_IMPORT_BYTES, b' ');
    assert_success(&import(&env, ok, &[]).await);
}

#[tokio::test]
async fn code_613_malformed_multipart() {
    let env = start().await;
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url("/bulk/v1/leads.json"))
                .bearer_auth(token)
                .header("content-type", "multipart/form-data; boundary=XyZ")
                .body(
                    "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nemail\nno end",
                ),
        )
        .await;
    assert_marketo_error(&r, 613, "Invalid Multipart Request");
}

#[tokio::test]
async fn code_612_import_with_wrong_content_type() {
    let env = start().await;
    let token = env.token().await;
    let r = env
        .send(
            env.http
                .post(env.url("/bulk/v1/leads.json?format=csv"))
                .bearer_auth(token)
                .header("content-type", "text/csv")
                .body(CSV),
        )
        .await;
    assert_marketo_error(&r, 612, "Invalid Content Type");
}

#[tokio::test]
async fn code_1003_empty_file() {
    let env = start().await;
    let r = import(&env, b"email,firstName\n".to_vec(), &[]).await;
    assert_marketo_error(&r, 1003, "Empty file");
}

#[tokio::test]
async fn code_1016_too_many_imports() {
    let env = start().await;
    for _ in 0..10 {
        batch_id(&import(&env, CSV.into(), &[]).await);
    }
    let r = import(&env, CSV.into(), &[]).await;
    assert_marketo_error(&r, 1016, "Too many imports");
    // Two run at once: after one import's time the first two are done and the queue has room again.
    env.emu.advance_clock(Duration::from_secs(10));
    batch_id(&import(&env, CSV.into(), &[]).await);
}

#[tokio::test]
async fn code_1019_import_in_progress_for_the_list() {
    let env = start().await;
    env.emu
        .seed(json!({"lists": [{"id": 1080, "name": "Webinar"}]}))
        .expect("seed");
    let first = batch_id(&import(&env, CSV.into(), &[("listId", "1080")]).await);
    let r = import(&env, CSV.into(), &[("listId", "1080")]).await;
    assert_marketo_error(&r, 1019, "Import in progress");
    env.emu.advance_clock(Duration::from_secs(10));
    assert_eq!(status(&env, first).await["status"], "Complete");
    let members = assert_success(&env.get("/rest/v1/lists/1080/leads.json").await);
    assert_eq!(members.len(), 2);
    batch_id(&import(&env, CSV.into(), &[("listId", "1080")]).await);
}
