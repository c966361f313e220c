//! Headless Chromium driven through chromedriver (WebDriver), for the inspector's tests: Debian's `chromium`
//! and `chromium-driver` (installed by `scripts/test-deps`). chromedriver listens on a free loopback port and
//! is killed, with the browser it started, when the [`Browser`] is dropped. Every wait polls the page with a
//! deadline; nothing sleeps otherwise.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tokio::time::Instant;

/// How long a page condition may take to hold.
pub const WAIT: Duration = Duration::from_secs(10);
/// How often a condition is checked while waiting.
const POLL: Duration = Duration::from_millis(50);
/// How long chromedriver and the browser may take to start.
const START: Duration = Duration::from_secs(30);

/// One browser at a time: each is two processes and the machine running the tests may have two cores.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn find(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/bin")])
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn required(name: &str, package: &str) -> PathBuf {
    find(name).unwrap_or_else(|| {
        panic!(
            "the inspector's browser test needs `{name}` (Debian package `{package}`), which is not \
             installed: run scripts/test-deps (as root it installs chromium and chromium-driver)"
        )
    })
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// chromedriver in a process group of its own, so the browser it starts goes with it.
struct Driver {
    child: Child,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The group's id is chromedriver's pid (process_group(0)); the browser is in that group.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A headless Chromium session.
pub struct Browser {
    pub client: Client,
    // Dropped after the client: kills chromedriver and the browser, then removes the profile.
    _driver: Driver,
    _profile: tempfile::TempDir,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

impl Browser {
    /// Start chromedriver and a headless Chromium with a fresh profile, a 1400x1000 window.
    pub async fn open() -> Browser {
        let turn = ONE_AT_A_TIME.lock().await;
        let chromium = required("chromium", "chromium");
        let chromedriver = required("chromedriver", "chromium-driver");
        let profile = tempfile::tempdir().expect("a profile directory");
        let port = free_port();
        let child = Command::new(&chromedriver)
            // Without --allowed-ips (which makes it listen on every interface) it binds loopback only.
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("{} does not start: {e}", chromedriver.display()));
        let mut driver = Driver { child };
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + START;
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        while tokio::net::TcpStream::connect(addr).await.is_err() {
            if let Ok(Some(status)) = driver.child.try_wait() {
                panic!("chromedriver exited with {status} before listening on {url}");
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on {url} within {START:?}"
            );
            tokio::time::sleep(POLL).await;
        }
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new",
                    // The tests run as root on CI, where Chromium's sandbox cannot start.
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--no-proxy-server",
                    "--disable-extensions",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1400,1000",
                    "--hide-scrollbars",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            },
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let mut builder = ClientBuilder::new(connector);
        builder.capabilities(caps);
        let session = builder.connect(&url);
        let client = match tokio::time::timeout(START, session).await {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => panic!("no browser session from chromedriver: {e}"),
            Err(_) => panic!("no browser session within {START:?}"),
        };
        Browser {
            client,
            _driver: driver,
            _profile: profile,
            _turn: turn,
        }
    }

    /// Load `url`.
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigation");
    }

    /// Run `script` (a function body) in the page and return its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Poll `script` until `ok` accepts its value; the value, or a failure naming `what` and the last value.
    pub async fn until(&self, what: &str, script: &str, ok: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let value = self.js(script).await;
            if ok(&value) {
                return value;
            }
            assert!(
                Instant::now() < deadline,
                "waited {WAIT:?} for {what}; the page shows {value}"
            );
            tokio::time::sleep(POLL).await;
        }
    }

    /// The element `css`, once it is on the page and shown.
    pub async fn element(&self, css: &str) -> Element {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                if el.is_displayed().await.unwrap_or(false) {
                    return el;
                }
            }
            assert!(
                Instant::now() < deadline,
                "waited {WAIT:?} for {css} to be shown"
            );
            tokio::time::sleep(POLL).await;
        }
    }

    /// Click `css`.
    pub async fn click(&self, css: &str) {
        self.element(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click on {css}: {e}"));
    }

    /// Replace the text of the input `css` with `text`, as a person types it.
    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.element(css).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        el.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Choose the option with `value` in the select `css`.
    pub async fn choose(&self, css: &str, value: &str) {
        self.element(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choose {value} in {css}: {e}"));
    }

    /// The page's HTML as it is now.
    pub async fn html(&self) -> String {
        self.client.source().await.expect("page source")
    }

    /// Save a PNG of the window to `MKTO_SCREENSHOT`'s path, when it is set.
    pub async fn screenshot_if_asked(&self) {
        let Some(path) = std::env::var_os("MKTO_SCREENSHOT") else {
            return;
        };
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {path:?}: {e}"));
    }

    /// End the session (the processes end when the value is dropped).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}
