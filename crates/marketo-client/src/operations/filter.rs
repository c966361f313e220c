//! Reads by `filterType` / `filterValues` (Get Leads by Filter Type, Get Companies, ...) as a stream over any
//! number of values: 300 values a call, each call a [`Page`] on the one path (a `POST` + `_method=GET` when
//! the URI would pass 8 KB), split further when Marketo answers 1003 "Too many results", every page followed.

use crate::client::Inner;
use crate::error::{Error, ErrorKind};
use crate::operations::ApiRequest;
use crate::paging::Page;
use futures::{Stream, StreamExt, TryStreamExt};
use marketo_types::limits::{MAX_BATCH_SIZE, MAX_FILTER_VALUES};
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::sync::Arc;

/// A read by filter: its path, filter type, values and fields.
#[derive(Debug, Clone)]
pub(crate) struct FilterRead {
    /// `/rest/v1/leads.json`, `/rest/v1/companies.json`, ...
    pub(crate) path: String,
    pub(crate) filter_type: String,
    pub(crate) values: Vec<String>,
    /// The fields asked for; empty: the type's defaults.
    pub(crate) fields: Vec<String>,
}

struct State {
    inner: Arc<Inner>,
    path: String,
    filter_type: String,
    fields: Option<String>,
    /// Value chunks still to query.
    queue: VecDeque<Vec<String>>,
    /// The chunk being paged, its next token, and whether it yielded any page yet.
    current: Option<(Vec<String>, Option<String>, bool)>,
}

fn request(s: &State, chunk: &[String], token: Option<&str>) -> ApiRequest {
    let mut r = ApiRequest::get(s.path.clone())
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
        let page = Page(request(&s, &chunk, token.as_deref()));
        match s.inner.send(&page).await {
            Ok(page) => {
                if let Some(next) = page.next {
                    s.current = Some((chunk, Some(next), true));
                }
                return Ok(Some((page.records, s)));
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

impl FilterRead {
    /// Every matching record, as a stream.
    pub(crate) fn stream(
        self,
        inner: Arc<Inner>,
    ) -> impl Stream<Item = Result<Map<String, Value>, Error>> + Send + 'static {
        let state = State {
            inner,
            path: self.path,
            filter_type: self.filter_type,
            fields: (!self.fields.is_empty()).then(|| self.fields.join(",")),
            queue: self
                .values
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
}
