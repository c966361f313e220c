//! How `serve` treats connections: timeouts for idle and slow clients, and the token that guards the admin
//! API when the emulator is reachable from other machines.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::net::SocketAddr;
use std::time::Duration;

/// The `[server]` section of the config file.
///
/// ```
/// use marketo_emulator::EmulatorConfig;
/// let config = EmulatorConfig::from_toml_str("[server]\nidle_timeout_secs = 30\n").unwrap();
/// assert_eq!(config.server.idle_timeout(), Some(std::time::Duration::from_secs(30)));
/// assert_eq!(config.server.body_timeout(), None);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// A connection that has not sent a complete request head this many seconds after it opened or after its
    /// last answer is closed: idle keep-alive connections and slow-header (slowloris) clients alike. Absent or
    /// 0: never (the in-process default, so tests on tokio's paused clock keep their connections; `mkto serve`
    /// uses 30 s unless told otherwise).
    pub idle_timeout_secs: Option<u64>,
    /// A request body that stops arriving for this many seconds is answered HTTP 408 and the connection
    /// closed. Absent or 0: never (`mkto serve`: 30 s).
    pub body_timeout_secs: Option<u64>,
    /// The token the admin API (`/_emulator/...`) asks for, as `Authorization: Bearer <token>` or
    /// `X-Emulator-Admin-Token: <token>`. Required to listen on an address other than loopback.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin_token: Option<String>,
}

fn secs(v: Option<u64>) -> Option<Duration> {
    v.filter(|&s| s > 0).map(Duration::from_secs)
}

impl ServerConfig {
    /// The idle (request head) timeout, if any.
    pub fn idle_timeout(&self) -> Option<Duration> {
        secs(self.idle_timeout_secs)
    }

    /// The body timeout, if any.
    pub fn body_timeout(&self) -> Option<Duration> {
        secs(self.body_timeout_secs)
    }

    /// Whether the admin API may be served on `addr`: always on loopback; elsewhere only with an admin token,
    /// since anyone who reaches it can reset the data.
    pub fn check_bind(&self, addr: SocketAddr) -> Result<(), String> {
        let guarded = self.admin_token.as_deref().is_some_and(|t| !t.is_empty());
        if addr.ip().is_loopback() || guarded {
            return Ok(());
        }
        Err(format!(
            "refusing to listen on {addr}: the admin API (/_emulator/, which can reset all data) would be open \
             to anyone who reaches that address; give an admin token (--admin-token or [server] admin_token) \
             or listen on 127.0.0.1"
        ))
    }
}

impl fmt::Debug for ServerConfig {
    // The admin token never reaches a log line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServerConfig")
            .field("idle_timeout_secs", &self.idle_timeout_secs)
            .field("body_timeout_secs", &self.body_timeout_secs)
            .field(
                "admin_token",
                &self.admin_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binding_beyond_loopback_needs_a_token() {
        let open = ServerConfig::default();
        assert!(open.check_bind("127.0.0.1:8080".parse().unwrap()).is_ok());
        assert!(open.check_bind("[::1]:8080".parse().unwrap()).is_ok());
        let err = open
            .check_bind("0.0.0.0:8080".parse().unwrap())
            .unwrap_err();
        assert!(err.contains("--admin-token"), "{err}");
        let empty = ServerConfig {
            admin_token: Some(String::new()),
            ..ServerConfig::default()
        };
        assert!(empty.check_bind("0.0.0.0:8080".parse().unwrap()).is_err());
        let guarded = ServerConfig {
            admin_token: Some("t0ken".into()),
            ..ServerConfig::default()
        };
        assert!(guarded.check_bind("0.0.0.0:8080".parse().unwrap()).is_ok());
        assert!(!format!("{guarded:?}").contains("t0ken"));
    }
}
