//! `nextPageToken` / `moreResult` paging as a `Stream` of records.

use crate::client::Inner;
use crate::error::Error;
use crate::request::ApiRequest;
use futures::{Stream, TryStreamExt};
use marketo_types::envelope::Envelope;
use serde_json::Value;
use std::sync::Arc;

/// Whether another page follows `envelope`, and its token.
pub(crate) fn next_token(envelope: &Envelope<Value>) -> Option<String> {
    let token = envelope.next_page_token.clone().filter(|t| !t.is_empty())?;
    match envelope.more_result {
        Some(more) => more.then_some(token),
        // Lead endpoints send a token only while more follow; an empty page ends it either way.
        None => (!envelope.results().is_empty()).then_some(token),
    }
}

/// Every record of every page. `make` builds the request for a page from the previous page's token.
pub(crate) fn records(
    inner: Arc<Inner>,
    make: impl Fn(Option<&str>) -> ApiRequest + Send + Sync + 'static,
) -> impl Stream<Item = Result<Value, Error>> + Send + 'static {
    let make = Arc::new(make);
    futures::stream::try_unfold(Some(None::<String>), move |state| {
        let (inner, make) = (inner.clone(), make.clone());
        async move {
            let Some(token) = state else { return Ok(None) };
            let envelope = inner.execute(make(token.as_deref())).await?;
            let next = next_token(&envelope).map(Some);
            let page = envelope.result.unwrap_or_default();
            Ok::<_, Error>(Some((page, next)))
        }
    })
    .map_ok(|page| futures::stream::iter(page.into_iter().map(Ok)))
    .try_flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn env(n: usize, token: Option<&str>, more: Option<bool>) -> Envelope<Value> {
        let mut e = Envelope::ok("r", vec![json!({}); n]);
        e.next_page_token = token.map(str::to_owned);
        e.more_result = more;
        e
    }

    #[test]
    fn paging_follows_more_result_then_the_token() {
        assert_eq!(
            next_token(&env(3, Some("T"), Some(true))).as_deref(),
            Some("T")
        );
        assert_eq!(
            next_token(&env(0, Some("T"), Some(true))).as_deref(),
            Some("T"),
            "fewer than asked while more"
        );
        assert_eq!(next_token(&env(3, Some("T"), Some(false))), None);
        assert_eq!(next_token(&env(3, Some("T"), None)).as_deref(), Some("T"));
        assert_eq!(next_token(&env(0, Some("T"), None)), None);
        assert_eq!(next_token(&env(3, None, Some(true))), None);
        assert_eq!(next_token(&env(3, Some(""), Some(true))), None);
    }
}
