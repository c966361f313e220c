//! Permission to send one call, and what settling it needs: the slot, the probe turn, the backend's grant.
//! A permit dropped without being settled (its task was cancelled) still frees its shared slot.

use super::backend::{Backend, Grant};
use super::Settled;
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tokio::sync::{OwnedMutexGuard, OwnedSemaphorePermit};

/// Permission to send one call. Dropping it frees the concurrency slot.
pub(crate) struct Permit {
    pub(super) _slot: OwnedSemaphorePermit,
    pub(super) _probe: Option<OwnedMutexGuard<()>>,
    pub(super) grant: Grant,
    /// The backend that granted it (settled there, unless the client has since fallen back).
    pub(super) origin: Arc<dyn Backend>,
    /// When the client asked the backend for it, and when this client's own tally lets it go.
    pub(super) asked_at: DateTime<Utc>,
    pub(super) own_expiry: DateTime<Utc>,
    /// When the call was handed to the transport.
    pub(super) sent_at: Option<DateTime<Utc>>,
    pub(super) settled: bool,
}

impl std::fmt::Debug for Permit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Permit")
            .field("grant", &self.grant)
            .field("asked_at", &self.asked_at)
            .finish_non_exhaustive()
    }
}

impl Permit {
    /// The call is being sent now (the window margin is measured from here).
    pub(crate) fn sent(&mut self, at: DateTime<Utc>) {
        self.sent_at = Some(at);
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        if self.settled || self.grant.id.is_none() {
            return;
        }
        if let Ok(rt) = tokio::runtime::Handle::try_current() {
            let (origin, grant) = (self.origin.clone(), self.grant.clone());
            rt.spawn(async move {
                let _ = origin.settle(&grant, true, Settled::Through).await;
            });
        }
    }
}
