//! Get Leads by Filter Type as a stream over any number of filter values.

use super::leads::Lead;
use crate::client::Inner;
use crate::error::{Error, ErrorKind};
use crate::paging::next_token;
use crate::request::ApiRequest;
use futures::{Stream, StreamExt, TryStreamExt};
use marketo_types::limits::{MAX_BATCH_SIZE, MAX_FILTER_VALUES};
use serde_json::Value;
use std::collections::VecDeque;
use std::sync::Arc;

struct State {
    inner: Arc<Inner>,
    filter_type: String,
    fields: Option<String>,
    /// Value chunks still to query.
    queue: VecDeque<Vec<String>>,
    /// The chunk being paged, its next token, and whether it yielded any page yet.
    current: Option<(Vec<String>, Option<String>, bool)>,
}

fn request(s: &State, chunk: &[String], token: Option<&str>) -> ApiRequest {
    let mut r = ApiRequest::get("/rest/v1/leads.json")
        .param("filterType", s.filter_type.clone())
        .param("filterValues", chunk.join(","))
        .param("batchSize", MAX_BATCH_SIZE.to_string());
    if let Some(f) = &s.fields {
        r = r.param("fields", f.clone());
    }
    if let Some(t) = token {
        r = r.param("nextPageToken", t);
    }
    r
}

async fn next_page(mut s: State) -> Result<Option<(Vec<Value>, State)>, Error> {
    loop {
        let (chunk, token, yielded) = match s.current.take() {
            Some(c) => c,
            None => match s.queue.pop_front() {
                Some(chunk) => (chunk, None, false),
                None => return Ok(None),
            },
        };
        match s.inner.execute(request(&s, &chunk, token.as_deref())).await {
            Ok(envelope) => {
                if let Some(next) = next_token(&envelope) {
                    s.current = Some((chunk, Some(next), true));
                }
                return Ok(Some((envelope.result.unwrap_or_default(), s)));
            }
            // 1003 "Too many results match the filter": ask for fewer values at a time.
            Err(e)
                if e.kind() == ErrorKind::TooLarge
                    && e.code() == Some(1003)
                    && !yielded
                    && chunk.len() > 1 =>
            {
                let mid = chunk.len() / 2;
                tracing::info!(
                    values = chunk.len(),
                    "too many results: splitting the filter values"
                );
                s.queue.push_front(chunk[mid..].to_vec());
                s.queue.push_front(chunk[..mid].to_vec());
            }
            Err(e) => return Err(e),
        }
    }
}

pub(crate) fn stream(
    inner: Arc<Inner>,
    filter_type: String,
    values: Vec<String>,
    fields: &[&str],
) -> impl Stream<Item = Result<Lead, Error>> + Send + 'static {
    let state = State {
        inner,
        filter_type,
        fields: (!fields.is_empty()).then(|| fields.join(",")),
        queue: values
            .chunks(MAX_FILTER_VALUES)
            .map(<[String]>::to_vec)
            .collect(),
        current: None,
    };
    futures::stream::try_unfold(state, next_page)
        .map_ok(|page| {
            futures::stream::iter(page.into_iter().filter_map(|v| match v {
                Value::Object(m) => Some(Ok(m)),
                _ => None,
            }))
        })
        .try_flatten()
        .boxed()
}
