//! The kinds of failure, each naming what a caller can do.

/// What kind of failure an [`Error`](crate::Error) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The configuration is invalid (found at `build()`).
    Config,
    /// The Identity endpoint refused the client id or secret (HTTP 401): fix the credentials.
    Credentials,
    /// Tokens kept being refused (600/601/602) after fresh ones were fetched.
    Auth,
    /// The daily call quota (607), the client's own daily budget, or the daily bulk export allowance (1029)
    /// is spent: resume after [`Error::reset_at`](crate::Error::reset_at).
    QuotaExhausted,
    /// 606 kept coming back after waiting for the rate window (another integration uses the calls).
    RateLimited,
    /// 615 kept coming back after waiting for a concurrency slot.
    ConcurrencyLimited,
    /// A transient fault (502, 604, 608, 611, 614, 713, 719, queue full) outlasted the retries.
    Transient,
    /// The retry budget shared by the client is empty: too many failures in a row.
    RetryBudgetExhausted,
    /// The request cannot succeed as sent (603, 605, 609, 610, 612, 701, ...): fix it.
    Request,
    /// One record alone is larger than the body limit, or a request cannot be split further.
    TooLarge,
    /// The connection failed or timed out.
    Transport,
    /// The response could not be understood.
    Protocol,
    /// The shared limiter (Redis) cannot be reached and the client was told to stop then.
    Limiter,
}

impl ErrorKind {
    /// A short phrase for messages.
    pub fn describe(self) -> &'static str {
        match self {
            ErrorKind::Config => "invalid configuration",
            ErrorKind::Credentials => "bad client credentials",
            ErrorKind::Auth => "access token refused",
            ErrorKind::QuotaExhausted => "quota exhausted",
            ErrorKind::RateLimited => "rate limit",
            ErrorKind::ConcurrencyLimited => "concurrency limit",
            ErrorKind::Transient => "transient failure",
            ErrorKind::RetryBudgetExhausted => "retry budget exhausted",
            ErrorKind::Request => "request refused",
            ErrorKind::TooLarge => "too large",
            ErrorKind::Transport => "transport failure",
            ErrorKind::Protocol => "unexpected response",
            ErrorKind::Limiter => "shared limiter unreachable",
        }
    }

    /// Whether this error stops a whole job (no further calls make sense until something changes).
    pub fn stops_work(self) -> bool {
        matches!(
            self,
            ErrorKind::Credentials
                | ErrorKind::Auth
                | ErrorKind::QuotaExhausted
                | ErrorKind::RetryBudgetExhausted
                | ErrorKind::Limiter
        )
    }
}
