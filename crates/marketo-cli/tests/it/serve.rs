//! `mkto serve`: what it refuses before it listens.

use crate::support::*;

/// Listening beyond loopback without an admin token is refused with a message that says what to do, and the
/// token is taken from the environment as well as the flag.
#[test]
fn serve_refuses_a_public_address_without_an_admin_token() {
    let dir = tempfile::tempdir().unwrap();
    let out = mkto_in(dir.path(), &["serve", "--addr", "0.0.0.0:0", "--in-memory"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("--admin-token"), "{err}");
    assert!(err.contains("0.0.0.0"), "{err}");
}

/// One HTTP/1.1 call over a plain socket: (status, body).
fn http(addr: &str, method: &str, path: &str, token: Option<&str>) -> (u16, String) {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).expect("connect");
    let auth = token.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\n{auth}Content-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let status = text[9..12].parse().unwrap();
    let body = text
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    (status, body)
}

/// `--print-json` prints one line a test suite can read (url, admin and inspector urls, credentials, whether
/// the admin token is needed: never the token itself), `--port-file` holds the port, and `--scenario` loads
/// its seed and faults before the first call; a reset comes back to them.
#[test]
fn serve_prints_json_writes_the_port_and_loads_a_scenario() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("scenario.json");
    std::fs::write(
        &scenario,
        r#"{"seed":{"lists":[{"id":1001,"name":"Newsletter"}]},
            "faults":[{"method":"GET","path":"/rest/v1/lists/*","error":"608","times":1}]}"#,
    )
    .unwrap();
    let port_file = dir.path().join("port");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mkto"))
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--in-memory",
            "--print-json",
        ])
        .arg("--port-file")
        .arg(&port_file)
        .arg("--scenario")
        .arg(&scenario)
        .args(["--admin-token", "t0p-s3cret"])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let info: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert!(!line.contains("t0p-s3cret"), "{line}");
    assert_eq!(info["admin_token_required"], true);
    let url = info["url"].as_str().unwrap();
    let addr = url.strip_prefix("http://").unwrap().to_owned();
    assert_eq!(info["ui_url"], format!("{url}/_emulator/ui"));
    let port: u16 = std::fs::read_to_string(&port_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(addr.ends_with(&format!(":{port}")));

    let token = Some("t0p-s3cret");
    let (status, body) = http(&addr, "GET", "/_emulator/scenario", token);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Newsletter"), "{body}");
    let (status, body) = http(&addr, "GET", "/_emulator/faults", token);
    assert_eq!(status, 200);
    assert!(body.contains(r#""error":"608""#), "{body}");
    assert_eq!(http(&addr, "GET", "/_emulator/faults", None).0, 401);
    let (status, body) = http(&addr, "POST", "/_emulator/reset", token);
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(r#""lists":[1001]"#), "{body}");

    let _ = child.kill();
    let _ = child.wait();
}

/// A scenario that does not parse stops `mkto serve` before it listens, saying why.
#[test]
fn serve_refuses_a_bad_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("bad.toml");
    std::fs::write(&scenario, "[[faults]]\npath = \"*\"\nerror = \"9999\"\n").unwrap();
    let out = mkto_in(
        dir.path(),
        &[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--in-memory",
            "--scenario",
            scenario.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("9999"), "{err}");
}
