//! `nextPageToken` / `moreResult` paging: a page is an operation ([`Page`]), and [`records`] is a `Stream` of
//! every record of every page.

use crate::client::Inner;
use crate::error::Error;
use crate::operations::{ApiRequest, Operation};
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

/// One page of a paged read.
#[derive(Debug, Clone)]
pub(crate) struct Page(pub(crate) ApiRequest);

/// A page's records and the token of the next page, if one follows.
#[derive(Debug, Clone)]
pub(crate) struct PageOf {
    pub(crate) records: Vec<Value>,
    pub(crate) next: Option<String>,
}

impl Operation for Page {
    type Output = PageOf;

    fn request(&self) -> ApiRequest {
        self.0.clone()
    }

    fn parse(&self, answer: Envelope<Value>) -> Result<PageOf, Error> {
        let next = next_token(&answer);
        Ok(PageOf {
            records: answer.result.unwrap_or_default(),
            next,
        })
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
            let page = inner.send(&Page(make(token.as_deref()))).await?;
            Ok::<_, Error>(Some((page.records, page.next.map(Some))))
        }
    })
    .map_ok(|page| futures::stream::iter(page.into_iter().map(Ok)))
    .try_flatten()
}

/// Every record read as `T` (a record that is not a `T` is a protocol error naming `what`).
pub(crate) fn typed<T: serde::de::DeserializeOwned + Send + 'static>(
    what: &'static str,
    stream: impl Stream<Item = Result<Value, Error>> + Send + 'static,
) -> impl Stream<Item = Result<T, Error>> + Send + 'static {
    stream.and_then(move |v| async move {
        serde_json::from_value(v)
            .map_err(|e| Error::new(crate::ErrorKind::Protocol, format!("{what}: {e}")))
    })
}

/// Keep the records that are JSON objects, as maps.
pub(crate) fn objects(
    stream: impl Stream<Item = Result<Value, Error>> + Send + 'static,
) -> impl Stream<Item = Result<serde_json::Map<String, Value>, Error>> + Send + 'static {
    stream.try_filter_map(|v| async move {
        Ok(match v {
            Value::Object(m) => Some(m),
            _ => None,
        })
    })
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

    #[test]
    fn a_page_reads_its_records_and_the_next_token() {
        let page = Page(ApiRequest::get("/p"))
            .parse(env(2, Some("T"), Some(true)))
            .unwrap();
        assert_eq!((page.records.len(), page.next.as_deref()), (2, Some("T")));
    }
}
