//! Starting an emulator and a client pointed at it.

use marketo_client::{Client, ClientBuilder, Lead, RecordOutcome};
use marketo_emulator::{CallRecord, Emulator, EmulatorBuilder, EmulatorConfig};
use serde_json::json;

pub const ID: &str = "client-id";
pub const SECRET: &str = "client-secret-do-not-print";

/// Custom fields of the types the recorded 1003 answers name, and a second partition.
pub const SCHEMA: &str = r#"
[lead_schema]
partitions = ["Default", "Europe"]
[[lead_schema.custom_fields]]
name = "boolean_field"
display_name = "Boolean Field"
data_type = "boolean"
[[lead_schema.custom_fields]]
name = "notes"
display_name = "Notes"
data_type = "text"
"#;

/// An emulator with [`SCHEMA`], the test credentials, and whatever `f` adds.
pub async fn emulator(f: impl FnOnce(EmulatorBuilder) -> EmulatorBuilder) -> Emulator {
    emulator_with_config(SCHEMA, f).await
}

/// An emulator from a TOML config (plus [`SCHEMA`]'s credentials).
pub async fn emulator_with_config(
    toml: &str,
    f: impl FnOnce(EmulatorBuilder) -> EmulatorBuilder,
) -> Emulator {
    let config = EmulatorConfig::from_toml_str(toml).expect("emulator config");
    f(Emulator::builder().config(config).credentials(ID, SECRET))
        .start()
        .await
        .expect("emulator starts")
}

/// A client builder for `emu`.
pub fn builder(emu: &Emulator) -> ClientBuilder {
    Client::builder()
        .endpoint(emu.url())
        .credentials(ID, SECRET)
}

/// A client for `emu` with default settings.
pub fn client(emu: &Emulator) -> Client {
    builder(emu).build().expect("client builds")
}

/// A lead with an email.
pub fn lead(email: &str) -> Lead {
    json!({ "email": email }).as_object().cloned().unwrap()
}

/// `n` leads with distinct emails.
pub fn leads(prefix: &str, n: usize) -> Vec<Lead> {
    (0..n)
        .map(|i| lead(&format!("{prefix}{i}@example.com")))
        .collect()
}

/// Calls to `path` in the emulator's log.
pub fn calls_to(emu: &Emulator, path: &str) -> Vec<CallRecord> {
    emu.calls().into_iter().filter(|c| c.path == path).collect()
}

/// Calls answered with `code`.
pub fn answered(emu: &Emulator, code: u16) -> usize {
    emu.calls()
        .iter()
        .filter(|c| c.code == Some(code) || (c.code.is_none() && c.status == code))
        .count()
}

/// Asserts every outcome is `created` and the ids are distinct (nothing lost, nothing doubled).
pub fn assert_all_created_once(outcomes: &[RecordOutcome], n: usize) {
    assert_eq!(outcomes.len(), n);
    let mut ids = std::collections::HashSet::new();
    for (i, o) in outcomes.iter().enumerate() {
        assert_eq!(o.status(), "created", "record {i}: {o:?}");
        assert!(ids.insert(o.id().expect("id")), "record {i} id doubled");
    }
}

/// The single reason of a skipped outcome.
pub fn reason(o: &RecordOutcome) -> (u16, String) {
    assert_eq!(o.status(), "skipped", "{o:?}");
    let r = &o.reasons()[0];
    (r.code.value(), r.message.clone())
}
