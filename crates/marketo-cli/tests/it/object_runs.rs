//! Long object runs: `mkto companies sync` (a type's own command) with its checkpoint and `--resume`, and a
//! custom object's `import` and `export` through the bulk API.

use crate::support::{json_summary, mkto_at, output, stderr};
use marketo_emulator::{Emulator, EmulatorConfig, FaultRule};
use std::io::Write;
use std::path::Path;

async fn run(emu: &Emulator, dir: &Path, args: &[&str]) -> std::process::Output {
    output(mkto_at(emu, dir, args)).await
}

/// `n` companies, and after the first 50 a row with one cell too many (line 52).
fn companies_csv(path: &Path, n: usize) {
    let mut f = std::fs::File::create(path).unwrap();
    writeln!(f, "externalCompanyId,company").unwrap();
    for i in 0..n {
        if i == 50 {
            writeln!(f, "bad,Bad,extra").unwrap();
        }
        writeln!(f, "co-{i},Company {i}").unwrap();
    }
}

async fn company_count(emu: &Emulator, d: &Path) -> usize {
    let out = run(
        emu,
        d,
        &[
            "companies",
            "get",
            "--filter-type",
            "externalCompanyId",
            "--values",
            &(0..700)
                .map(|i| format!("co-{i}"))
                .collect::<Vec<_>>()
                .join(","),
            "--fields",
            "externalCompanyId",
            "--format",
            "csv",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).lines().count() - 1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn companies_sync_that_fails_keeps_its_checkpoint_and_resume_sends_every_record_once() {
    let emu = Emulator::builder()
        .fault(FaultRule::error("POST", "/rest/v1/companies.json", 611))
        .start()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    companies_csv(&d.join("co.csv"), 700);
    let args = ["companies", "sync", "co.csv", "-q", "--format", "json"];
    let out = run(&emu, d, &args).await;
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        (s["created"].as_u64(), s["pending"].as_u64()),
        (Some(0), Some(700)),
        "{s}"
    );
    assert_eq!(s["skipped_by_reason"]["input"], 1, "{s}");
    assert!(stderr(&out).contains("--resume"), "{}", stderr(&out));
    assert!(d.join("co.state.json").exists());

    let again = run(&emu, d, &args).await;
    assert_eq!(again.status.code(), Some(1), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("add --resume"),
        "{}",
        stderr(&again)
    );

    emu.clear_faults();
    let mut resume = args.to_vec();
    resume.push("--resume");
    let out = run(&emu, d, &resume).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        (s["created"].as_u64(), s["pending"].as_u64()),
        (Some(700), Some(0)),
        "{s}"
    );
    assert_eq!(s["read"], 701, "every line accounted for: {s}");
    assert!(s["replayed"].as_u64().unwrap() > 0, "{s}");
    assert!(
        !d.join("co.state.json").exists(),
        "a finished run leaves no checkpoint"
    );
    let rejects = std::fs::read_to_string(d.join("co.rejects.csv")).unwrap();
    assert_eq!(
        rejects.lines().count(),
        2,
        "the bad line once, not again: {rejects}"
    );
    assert!(
        rejects.lines().nth(1).unwrap().starts_with("52,input,"),
        "{rejects}"
    );
    assert_eq!(company_count(&emu, d).await, 700);
    emu.shutdown().await;
}

const CARS: &str = r#"
[bulk]
import_secs = 0
export_secs = 0
[[custom_objects.types]]
api_name = "car_c"
display_name = "Car"
fields = [
  { name = "vin", display_name = "VIN", data_type = "string", dedupe = true },
  { name = "make", display_name = "Make", data_type = "string" },
]
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn custom_object_import_then_export_through_the_bulk_api() {
    let config = EmulatorConfig::from_toml_str(CARS).unwrap();
    let emu = Emulator::builder().config(config).start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("cars.csv"), "vin,make\nV1,Tesla\nV2,Volvo\n,Kia\n").unwrap();
    let out = run(
        &emu,
        d,
        &[
            "objects", "car_c", "import", "cars.csv", "--poll", "0.2", "--format", "json",
        ],
    )
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = json_summary(&out);
    assert_eq!(
        (s["imported"].as_u64(), s["failed"].as_u64()),
        (Some(2), Some(1)),
        "{s}"
    );
    let rejects = std::fs::read_to_string(d.join("cars.rejects.csv")).unwrap();
    assert!(
        rejects.contains("4,bulk,missing.dedupe.fields"),
        "{rejects}"
    );

    let since = ({
        use marketo_types::clock::Clock;
        emu.state().clock.now()
    } - chrono::TimeDelta::days(1))
    .format("%Y-%m-%d")
    .to_string();
    let out = run(
        &emu,
        d,
        &[
            "objects", "car_c", "export", "--since", &since, "--fields", "vin,make", "-o",
            "out.csv", "--poll", "0.2",
        ],
    )
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(d.join("out.csv")).unwrap(),
        "vin,make\nV1,Tesla\nV2,Volvo\n"
    );

    let out = run(&emu, d, &["companies", "import", "cars.csv"]).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("only for custom objects"),
        "{}",
        stderr(&out)
    );
    emu.shutdown().await;
}
