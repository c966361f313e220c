//! A private `redis-server` for one test: on a free loopback port, without persistence, stopped when dropped
//! (or on purpose, to play Redis going away). Never the machine's own Redis on 6379.
//!
//! Needs Debian's `redis-server` (`apt-get install redis-server`); without it the test fails and says so.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running redis-server.
pub struct RedisServer {
    child: Option<Child>,
    port: u16,
    password: Option<String>,
    _dir: tempfile::TempDir,
}

fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    l.local_addr().expect("its address").port()
}

impl RedisServer {
    /// Start one without a password.
    pub fn start() -> Self {
        Self::start_with(None)
    }

    /// Start one that asks for `password`.
    pub fn with_password(password: &str) -> Self {
        Self::start_with(Some(password))
    }

    fn start_with(password: Option<&str>) -> Self {
        for _ in 0..5 {
            let dir = tempfile::tempdir().expect("a temporary directory");
            let port = free_port();
            let mut cmd = Command::new("redis-server");
            cmd.args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .arg("--dir")
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
            if let Some(p) = password {
                cmd.args(["--requirepass", p]);
            }
            let child = match cmd.spawn() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
                    "redis-server is not installed: the shared limiter's tests start their own Redis on a free \
                     loopback port. Install it with `apt-get install redis-server` (Debian) and run the tests again."
                ),
                Err(e) => panic!("cannot start redis-server: {e}"),
            };
            let mut server = RedisServer {
                child: Some(child),
                port,
                password: password.map(str::to_owned),
                _dir: dir,
            };
            if server.wait_ready() {
                return server;
            }
            server.stop();
        }
        panic!("redis-server did not start on a loopback port")
    }

    /// Answered PING within a bounded wait (200 tries, 25 ms apart).
    fn wait_ready(&mut self) -> bool {
        for _ in 0..200 {
            if let Some(c) = self.child.as_mut() {
                if let Ok(Some(_)) = c.try_wait() {
                    return false; // exited: the port was taken after all
                }
            }
            if let Ok(mut s) = TcpStream::connect(("127.0.0.1", self.port)) {
                let _ = s.set_read_timeout(Some(Duration::from_secs(1)));
                if s.write_all(b"PING\r\n").is_ok() {
                    let mut buf = [0u8; 64];
                    if let Ok(n) = s.read(&mut buf) {
                        if n > 0 && (buf[0] == b'+' || buf[0] == b'-') {
                            return true;
                        }
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        false
    }

    /// `redis://[:PASSWORD@]127.0.0.1:PORT/0`.
    pub fn url(&self) -> String {
        match &self.password {
            Some(p) => format!("redis://:{p}@127.0.0.1:{}/0", self.port),
            None => format!("redis://127.0.0.1:{}/0", self.port),
        }
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Kill the server now (Redis going away).
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}
