//! `mkto objects schema list|show|create|approve` against the emulator.

use crate::support::{json_summary, mkto_at, output, stderr, stdout};
use marketo_emulator::Emulator;
use std::path::Path;

async fn run(emu: &Emulator, dir: &Path, args: &[&str]) -> std::process::Output {
    output(mkto_at(emu, dir, args)).await
}

const CAR: &str = r#"
[[types]]
api_name = "car_c"
display_name = "Car"
description = "Cars our leads own"
fields = [
  { name = "vin", display_name = "VIN", data_type = "string", dedupe = true },
  { name = "leadId", display_name = "Lead", data_type = "link", related_to = { name = "lead", field = "id" } },
]
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schema_create_from_toml_adds_missing_fields_approves_and_records_can_be_synced() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("car.toml"), CAR).unwrap();
    let out = run(
        &emu,
        d,
        &[
            "objects",
            "schema",
            "create",
            "car.toml",
            "--approve",
            "--format",
            "csv",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "apiName,type,fieldsAdded,approved\ncar_c,created,\"vin,leadId\",true\n"
    );

    // The same file with one more field: only that field is added.
    let more = CAR.replace(
        "} },\n]",
        "} },\n  { name = \"make\", display_name = \"Make\", data_type = \"string\" },\n]",
    );
    assert_ne!(more, CAR);
    std::fs::write(d.join("car.toml"), more).unwrap();
    let out = run(
        &emu,
        d,
        &["objects", "schema", "create", "car.toml", "--format", "csv"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "apiName,type,fieldsAdded,approved\ncar_c,updated,make,false\n"
    );
    let out = run(&emu, d, &["objects", "schema", "list", "--format", "csv"]).await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("car_c,Car,approvedWithDraft,vin,"),
        "{}",
        stdout(&out)
    );
    let out = run(&emu, d, &["objects", "schema", "approve", "car_c"]).await;
    assert!(out.status.success(), "{}", stderr(&out));

    let out = run(
        &emu,
        d,
        &["objects", "schema", "show", "car_c", "--format", "csv"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    let fields = stdout(&out);
    assert!(fields.contains("\nmake,Make,string,"), "{fields}");
    assert!(
        stderr(&out).contains("dedupe fields vin"),
        "{}",
        stderr(&out)
    );

    std::fs::write(d.join("cars.csv"), "vin,make\nV1,Tesla\n").unwrap();
    let out = run(
        &emu,
        d,
        &["objects", "car_c", "sync", "cars.csv", "--format", "json"],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_summary(&out)["created"], 1);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_description_names_the_file_and_line_and_schema_takes_no_type() {
    let emu = Emulator::builder().start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("bad.toml"),
        "[[types]]\napi_name = \"x_c\"\ndisplay_nam = \"X\"\n",
    )
    .unwrap();
    let out = run(&emu, d, &["objects", "schema", "create", "bad.toml"]).await;
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("bad.toml:") && err.contains("display_nam"),
        "{err}"
    );
    std::fs::write(d.join("bad.json"), "{\"types\": [{\"apiName\": \"x_c\"}]}").unwrap();
    let out = run(&emu, d, &["objects", "schema", "create", "bad.json"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.json:1:"), "{}", stderr(&out));
    let out = run(&emu, d, &["objects", "car_c", "schema", "list"]).await;
    assert_ne!(out.status.code(), Some(0));
    emu.shutdown().await;
}
