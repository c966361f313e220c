//! Property test at the HTTP level: whatever the arrival pattern, the emulator never admits more than the limit
//! in any window-length interval, and every refusal is 606 with Marketo's message.

use crate::support::*;
use axum::body::Body;
use proptest::prelude::*;
use std::time::Duration;

fn describe(token: &str) -> http::Request<Body> {
    http::Request::get("/rest/v1/leads/describe.json")
        .header("authorization", format!("Bearer {token}"))
        .body(Body::empty())
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn window_never_admits_more_than_the_limit(
        limit in 1u32..6,
        window_secs in 1u64..10,
        gaps_ms in proptest::collection::vec(0u64..3_000, 1..60),
    ) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let admitted: Vec<i64> = rt.block_on(async {
            let (state, clock) = state_with(|b| {
                b.rate_limit(limit, Duration::from_secs(window_secs))
                    .token_ttl(Duration::from_secs(1_000_000))
            });
            let token = oneshot_token(&state).await;
            let mut at = 0i64;
            let mut admitted = Vec::new();
            for gap in gaps_ms {
                clock.advance(Duration::from_millis(gap));
                at += gap as i64;
                let (status, body) = oneshot(&state, describe(&token)).await;
                assert_eq!(status, 200);
                if body["success"] == true {
                    admitted.push(at);
                } else {
                    assert_eq!(body["errors"][0]["code"], "606");
                    assert_eq!(
                        body["errors"][0]["message"],
                        format!("Max rate limit '{limit}' exceeded with in '{window_secs}' secs")
                    );
                }
            }
            admitted
        });
        let window_ms = (window_secs * 1000) as i64;
        for w in admitted.windows(limit as usize + 1) {
            prop_assert!(w[limit as usize] - w[0] >= window_ms,
                "{} calls admitted within {} ms", limit + 1, w[limit as usize] - w[0]);
        }
    }
}
