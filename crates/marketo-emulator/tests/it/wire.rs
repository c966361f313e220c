//! The emulator on the wire, as raw clients see it: a refused body is read before the refusal so the client
//! reads it, a half-closed client gets its answer, idle and slow connections time out (on tokio's paused clock,
//! so nothing waits for real).

use crate::support::*;
use marketo_emulator::{Emulator, ServerConfig};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The response head (status line and headers), read until its blank line or until the server closes.
async fn read_head(stream: &mut TcpStream) -> Result<String, std::io::Error> {
    let mut out = Vec::new();
    let mut buf = [0u8; 1];
    while !out.ends_with(b"\r\n\r\n") {
        match stream.read(&mut buf).await? {
            0 => break,
            _ => out.push(buf[0]),
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Everything the server sends until it closes, as text; a reset after some bytes keeps them.
async fn read_all(stream: &mut TcpStream) -> Result<String, std::io::Error> {
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stream.read(&mut buf).await {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if out.is_empty() => return Err(e),
            Err(_) => break,
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Write a 12 MB body to Sync Leads the way Python's http.client does: the whole body first, then read the
/// answer. Before the fix the emulator answered 413 and closed unread, so the writer hit a broken pipe or the
/// reader a reset.
#[tokio::test]
async fn http_413_is_read_by_a_client_that_writes_its_whole_body_first() {
    let env = start().await;
    let body = vec![b'x'; 12 * 1024 * 1024];
    for attempt in 0..5 {
        let mut s = TcpStream::connect(env.emu.addr()).await.unwrap();
        let head = format!(
            "POST /rest/v1/leads.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        s.write_all(head.as_bytes()).await.unwrap();
        s.write_all(&body)
            .await
            .unwrap_or_else(|e| panic!("attempt {attempt}: writing the body failed: {e}"));
        let answer = read_head(&mut s)
            .await
            .unwrap_or_else(|e| panic!("attempt {attempt}: no answer: {e}"));
        assert!(
            answer.starts_with("HTTP/1.1 413"),
            "attempt {attempt}: {answer}"
        );
    }
}

/// The same with a chunked body, whose size is only known once it passes the limit.
#[tokio::test]
async fn http_413_for_a_chunked_body_is_read_too() {
    let env = start().await;
    let mut s = TcpStream::connect(env.emu.addr()).await.unwrap();
    s.write_all(b"POST /rest/v1/leads.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        .await
        .unwrap();
    let chunk = vec![b'y'; 256 * 1024];
    for _ in 0..40 {
        s.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .await
            .unwrap();
        s.write_all(&chunk).await.unwrap();
        s.write_all(b"\r\n").await.unwrap();
    }
    s.write_all(b"0\r\n\r\n").await.unwrap();
    let answer = read_head(&mut s).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
}

/// A client that shuts its sending side after a complete request still gets the answer.
#[tokio::test]
async fn a_half_closed_client_gets_its_answer() {
    let env = start().await;
    let mut s = TcpStream::connect(env.emu.addr()).await.unwrap();
    s.write_all(b"GET /_emulator/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    s.shutdown().await.unwrap();
    let answer = read_all(&mut s).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains(r#"{"status":"ok"}"#), "{answer}");
}

async fn start_with_timeouts() -> Emulator {
    let config = marketo_emulator::EmulatorConfig {
        server: ServerConfig {
            idle_timeout_secs: Some(30),
            body_timeout_secs: Some(30),
            admin_token: None,
        },
        ..Default::default()
    };
    Emulator::builder().config(config).start().await.unwrap()
}

/// Idle connections and clients that send half a request head are closed after the idle timeout. Tokio's
/// clock is paused: the read below lets it run to the timer without waiting for real.
#[tokio::test(start_paused = true)]
async fn idle_and_slow_header_connections_are_closed() {
    let emu = start_with_timeouts().await;
    let mut idle = TcpStream::connect(emu.addr()).await.unwrap();
    let mut slow = TcpStream::connect(emu.addr()).await.unwrap();
    slow.write_all(b"GET /_emulator/health HTTP/1.1\r\nHo")
        .await
        .unwrap();
    let started = tokio::time::Instant::now();
    assert_eq!(read_all(&mut idle).await.unwrap(), "", "closed unanswered");
    assert_eq!(read_all(&mut slow).await.unwrap(), "", "closed unanswered");
    assert!(started.elapsed() >= Duration::from_secs(30));

    // A kept-alive connection is closed after its answer once it stays idle.
    let mut kept = TcpStream::connect(emu.addr()).await.unwrap();
    kept.write_all(b"GET /_emulator/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let answer = read_all(&mut kept).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

/// A body that stops arriving is answered 408 after the body timeout.
#[tokio::test(start_paused = true)]
async fn a_body_that_stops_arriving_is_answered_408() {
    let emu = start_with_timeouts().await;
    let mut s = TcpStream::connect(emu.addr()).await.unwrap();
    s.write_all(b"POST /rest/v1/leads.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"input\":")
        .await
        .unwrap();
    let answer = read_all(&mut s).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
}
