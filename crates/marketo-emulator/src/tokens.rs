//! Access tokens: `<uuid>:<pod>`, one live token per client id; asking again before it expires returns the same
//! token with its remaining lifetime, as Marketo does.

use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::time::Duration;

/// Tokens kept before expired ones are forgotten (a forgotten token answers 601 rather than 602).
const MAX_TOKENS: usize = 10_000;

#[derive(Debug, Clone)]
struct Issued {
    client_id: String,
    expires_at: DateTime<Utc>,
}

/// What a presented token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenState {
    /// Valid, issued to this client id.
    Valid(String),
    /// Known but expired: 602.
    Expired,
    /// Never issued (or long forgotten): 601.
    Unknown,
}

/// A token handed out by the identity endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The token.
    pub access_token: String,
    /// Whole seconds it has left.
    pub expires_in: i64,
}

/// Every token issued.
#[derive(Debug, Default)]
pub struct TokenStore {
    by_token: HashMap<String, Issued>,
    current: HashMap<String, String>,
}

impl TokenStore {
    /// The client's live token, or a new one living `ttl`.
    pub fn grant(
        &mut self,
        client_id: &str,
        pod: &str,
        now: DateTime<Utc>,
        ttl: Duration,
    ) -> Grant {
        if let Some(token) = self.current.get(client_id) {
            if let Some(issued) = self.by_token.get(token) {
                if issued.expires_at > now {
                    return Grant {
                        access_token: token.clone(),
                        expires_in: (issued.expires_at - now).num_seconds(),
                    };
                }
            }
        }
        if self.by_token.len() >= MAX_TOKENS {
            self.forget_expired(now);
        }
        let token = format!("{}:{pod}", uuid::Uuid::new_v4());
        let ttl = chrono::Duration::from_std(ttl).unwrap_or(chrono::Duration::days(3650));
        let expires_at = now
            .checked_add_signed(ttl)
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        self.by_token.insert(
            token.clone(),
            Issued {
                client_id: client_id.to_owned(),
                expires_at,
            },
        );
        self.current.insert(client_id.to_owned(), token.clone());
        Grant {
            access_token: token,
            expires_in: (expires_at - now).num_seconds(),
        }
    }

    /// What `token` is at `now`.
    pub fn check(&self, token: &str, now: DateTime<Utc>) -> TokenState {
        match self.by_token.get(token) {
            Some(issued) if issued.expires_at > now => TokenState::Valid(issued.client_id.clone()),
            Some(_) => TokenState::Expired,
            None => TokenState::Unknown,
        }
    }

    /// Forget every token.
    pub fn clear(&mut self) {
        self.by_token.clear();
        self.current.clear();
    }

    fn forget_expired(&mut self, now: DateTime<Utc>) {
        self.by_token.retain(|_, i| i.expires_at > now);
        let live = &self.by_token;
        self.current.retain(|_, t| live.contains_key(t));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn same_token_until_expiry() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let mut s = TokenStore::default();
        let ttl = Duration::from_secs(3600);
        let a = s.grant("c", "int", t0, ttl);
        assert_eq!(a.expires_in, 3600);
        assert!(a.access_token.ends_with(":int"));
        let b = s.grant("c", "int", t0 + chrono::Duration::seconds(100), ttl);
        assert_eq!(b.access_token, a.access_token);
        assert_eq!(b.expires_in, 3500);
        let later = t0 + chrono::Duration::seconds(3600);
        assert_eq!(s.check(&a.access_token, later), TokenState::Expired);
        let c = s.grant("c", "int", later, ttl);
        assert_ne!(c.access_token, a.access_token);
        assert_eq!(s.check("nope", later), TokenState::Unknown);
        assert_eq!(
            s.check(&c.access_token, later),
            TokenState::Valid("c".into())
        );
    }
}
