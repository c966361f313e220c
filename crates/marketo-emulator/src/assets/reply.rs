//! The asset envelope, written once: `success`, `errors` (empty on success), `warnings` (strings),
//! `requestId` and `result`; a search that finds nothing is `success:true` with the warning
//! [`NO_ASSETS`] and no `result`.

use crate::http::error::Reply;
use crate::resources::Call;
use marketo_types::asset::NO_ASSETS;
use marketo_types::envelope::{Envelope, Warning};
use serde::Serialize;

/// A successful asset answer; an empty `result` is answered as [`nothing_found`].
pub fn found<T: Serialize>(call: &Call, result: Vec<T>) -> Reply {
    if result.is_empty() {
        return nothing_found(call);
    }
    let n = result.len();
    let mut env = Envelope::ok(call.request_id.clone(), result);
    env.errors = Some(Vec::new());
    env.warnings = Some(Vec::new());
    Reply::envelope(&env, n)
}

/// The answer of a search that found nothing.
pub fn nothing_found(call: &Call) -> Reply {
    let mut env: Envelope<()> = Envelope::ok(call.request_id.clone(), Vec::new());
    env.result = None;
    env.errors = Some(Vec::new());
    env.warnings = Some(vec![Warning::Text(NO_ASSETS.to_owned())]);
    Reply::envelope(&env, 0)
}

/// The answer of a read by id: the asset, or for a missing one what `[assets] missing_by_id` says (the
/// warning, or 702 "`what` not found").
pub fn by_id<T: Serialize>(
    state: &crate::state::AppState,
    call: &Call,
    found: Option<T>,
    what: &str,
) -> Result<Reply, crate::http::error::Failure> {
    use super::config::MissingRead;
    match (found, state.config.assets.missing_by_id) {
        (Some(t), _) => Ok(self::found(call, vec![t])),
        (None, MissingRead::Warning) => Ok(nothing_found(call)),
        (None, MissingRead::NotFound) => {
            Err(
                marketo_types::envelope::ApiError::of_meaning(702, "object-not-found", &[what])
                    .into(),
            )
        }
    }
}

/// `{"id": N}`: what deletes, approvals and token deletes answer.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct IdOnly {
    /// The asset's id.
    pub id: i64,
}

/// A successful answer of one `{"id": N}`.
pub fn id_only(call: &Call, id: i64) -> Reply {
    found(call, vec![IdOnly { id }])
}
