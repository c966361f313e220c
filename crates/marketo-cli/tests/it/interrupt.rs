//! Ctrl-C during a sync: the first stops sending at once (the call in flight finishes and is recorded) and
//! exits 130 with a checkpoint that `--resume` completes; the second exits at once.

use crate::support::{mkto_at, stderr};
use marketo_emulator::{Emulator, FaultRule};
use std::time::Duration;

fn sync_calls(emu: &Emulator) -> usize {
    emu.calls()
        .iter()
        .filter(|c| c.path == "/rest/v1/leads.json")
        .count()
}

fn interrupt(pid: u32) {
    let ok = std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill -INT {pid}");
}

fn write_rows(path: &std::path::Path, n: usize) {
    let mut text = String::from("email\n");
    for i in 0..n {
        text += &format!("c{i}@example.com\n");
    }
    std::fs::write(path, text).unwrap();
}

/// Wait (polling the emulator's request log) until `n` sync calls were answered.
async fn answered(emu: &Emulator, n: usize) {
    for _ in 0..1500 {
        if sync_calls(emu) >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("no {n} sync calls were answered");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_stops_sending_at_once_and_resume_finishes() {
    let emu = Emulator::builder().start().await.unwrap();
    emu.add_fault(
        serde_json::from_value::<FaultRule>(serde_json::json!(
            {"method": "POST", "path": "/rest/v1/leads.json", "latency_ms": 300}
        ))
        .unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    write_rows(&dir.path().join("in.csv"), 3000);
    let child = mkto_at(
        &emu,
        dir.path(),
        &["leads", "sync", "in.csv", "-q", "--concurrency", "1"],
    )
    .spawn()
    .unwrap();
    answered(&emu, 2).await;
    interrupt(child.id());
    let at_signal = sync_calls(&emu);
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    let after = sync_calls(&emu);
    assert!(
        after <= at_signal + 1,
        "only the call on the wire finishes: {at_signal} answered at the signal, {after} in the end"
    );
    assert!(after < 10, "the run stopped before its end: {after}");
    assert!(dir.path().join("in.state.json").exists());

    let out = crate::support::output(mkto_at(
        &emu,
        dir.path(),
        &["leads", "sync", "in.csv", "--resume", "-q"],
    ))
    .await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        emu.state().model.lead_count().unwrap(),
        3000,
        "no lead lost or doubled"
    );
    assert!(!dir.path().join("in.state.json").exists());
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_ctrl_c_exits_at_once() {
    let emu = Emulator::builder().start().await.unwrap();
    emu.add_fault(
        serde_json::from_value::<FaultRule>(serde_json::json!(
            {"method": "POST", "path": "/rest/v1/leads.json", "latency_ms": 60_000}
        ))
        .unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    write_rows(&dir.path().join("in.csv"), 10);
    let mut child = mkto_at(&emu, dir.path(), &["leads", "sync", "in.csv"])
        .spawn()
        .unwrap();
    // The sync call is on the wire (held by its latency) once the emulator counts one call in flight.
    let mut on_wire = false;
    for _ in 0..1500 {
        let described = emu
            .calls()
            .iter()
            .any(|c| c.path == "/rest/v1/leads/describe.json");
        if described && emu.state().limiter.in_flight() >= 1 {
            on_wire = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(on_wire, "the sync call never went out");
    interrupt(child.id());
    // The second Ctrl-C once the first was taken (said on stderr): signals sent together may merge into one.
    let stderr_pipe = child.stderr.take().unwrap();
    let (seen_tx, seen_rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        let mut text = String::new();
        for line in std::io::BufReader::new(stderr_pipe)
            .lines()
            .map_while(Result::ok)
        {
            if line.contains("no new call goes out") {
                let _ = seen_tx.send(());
            }
            text += &line;
            text.push('\n');
        }
        text
    });
    tokio::task::spawn_blocking(move || seen_rx.recv().expect("the first Ctrl-C is taken"))
        .await
        .unwrap();
    interrupt(child.id());
    let status = tokio::task::spawn_blocking(move || child.wait().unwrap())
        .await
        .unwrap();
    let err = reader.join().unwrap();
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted again: exiting now"), "{err}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_during_a_companies_sync_keeps_a_checkpoint_that_resume_finishes() {
    let emu = Emulator::builder().start().await.unwrap();
    emu.add_fault(
        serde_json::from_value::<FaultRule>(serde_json::json!(
            {"method": "POST", "path": "/rest/v1/companies.json", "latency_ms": 300}
        ))
        .unwrap(),
    );
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("externalCompanyId,company\n");
    for i in 0..3000 {
        text += &format!("co-{i},Company {i}\n");
    }
    std::fs::write(dir.path().join("co.csv"), text).unwrap();
    let companies = |emu: &Emulator| {
        emu.calls()
            .iter()
            .filter(|c| c.path == "/rest/v1/companies.json")
            .count()
    };
    let args = [
        "companies",
        "sync",
        "co.csv",
        "--format",
        "json",
        "--concurrency",
        "1",
    ];
    let child = mkto_at(&emu, dir.path(), &args).spawn().unwrap();
    for _ in 0..1500 {
        if companies(&emu) >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(companies(&emu) >= 2, "no sync call was answered");
    interrupt(child.id());
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    let first = crate::support::json_summary(&out);
    let done = first["created"].as_u64().unwrap();
    assert!(
        done < 3000 && first["pending"].as_u64().unwrap() == 3000 - done,
        "{first}"
    );
    assert!(dir.path().join("co.state.json").exists());

    let mut resume = args.to_vec();
    resume.push("--resume");
    let out = crate::support::output(mkto_at(&emu, dir.path(), &resume)).await;
    assert!(out.status.success(), "{}", stderr(&out));
    let s = crate::support::json_summary(&out);
    assert_eq!(
        s["created"].as_u64().unwrap(),
        3000,
        "the checkpoint's counts go on: {s}"
    );
    assert_eq!(s["pending"], 0, "{s}");
    assert_eq!(
        companies(&emu),
        10,
        "ceil(3000/300) calls in all, none sent twice"
    );
    assert!(!dir.path().join("co.state.json").exists());
    emu.shutdown().await;
}
