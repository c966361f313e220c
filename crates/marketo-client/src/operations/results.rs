//! Operations that read an answer's `result` as typed values: every entry ([`Results`]) or the first
//! ([`FirstResult`]).

use super::{ApiRequest, Operation};
use crate::error::{Error, ErrorKind};
use marketo_types::envelope::Envelope;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::marker::PhantomData;

/// Every entry of an answer's `result`, each read as `T`.
///
/// ```
/// use marketo_client::endpoints::ActivityType;
/// use marketo_client::operations::{ApiRequest, Operation, Results};
/// use marketo_types::envelope::Envelope;
/// let op: Results<ActivityType> = Results::new(ApiRequest::get("/rest/v1/activities/types.json"));
/// let answer = Envelope::ok("r", vec![serde_json::json!({"id": 1, "name": "Visit Webpage"})]);
/// assert_eq!(op.parse(answer).unwrap()[0].name, "Visit Webpage");
/// ```
#[derive(Debug, Clone)]
pub struct Results<T> {
    request: ApiRequest,
    _of: PhantomData<fn() -> T>,
}

impl<T> Results<T> {
    /// Read every result of `request` as `T`.
    pub fn new(request: ApiRequest) -> Self {
        Results {
            request,
            _of: PhantomData,
        }
    }
}

impl<T: DeserializeOwned + Send> Operation for Results<T> {
    type Output = Vec<T>;

    fn request(&self) -> ApiRequest {
        self.request.clone()
    }

    fn parse(&self, answer: Envelope<Value>) -> Result<Vec<T>, Error> {
        let request_id = answer.request_id.clone();
        answer
            .result
            .unwrap_or_default()
            .into_iter()
            .map(|v| typed(&self.request, v, &request_id))
            .collect()
    }
}

/// The first entry of an answer's `result`, read as `T`; an answer without one is a protocol error.
///
/// ```
/// use marketo_client::operations::{ApiRequest, FirstResult, Operation};
/// use marketo_types::envelope::Envelope;
/// let op: FirstResult<serde_json::Value> = FirstResult::new(ApiRequest::get("/rest/v1/companies/describe.json"));
/// assert!(op.parse(Envelope::ok("r", Vec::new())).is_err());
/// ```
#[derive(Debug, Clone)]
pub struct FirstResult<T> {
    request: ApiRequest,
    _of: PhantomData<fn() -> T>,
}

impl<T> FirstResult<T> {
    /// Read the first result of `request` as `T`.
    pub fn new(request: ApiRequest) -> Self {
        FirstResult {
            request,
            _of: PhantomData,
        }
    }
}

impl<T: DeserializeOwned + Send> Operation for FirstResult<T> {
    type Output = T;

    fn request(&self) -> ApiRequest {
        self.request.clone()
    }

    fn parse(&self, answer: Envelope<Value>) -> Result<T, Error> {
        let request_id = answer.request_id.clone();
        let first = answer
            .result
            .and_then(|r| r.into_iter().next())
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Protocol,
                    format!("{}: the answer has no result", self.request.path),
                )
                .with_request_id(Some(request_id.clone()))
            })?;
        typed(&self.request, first, &request_id)
    }
}

/// One result read as `T`; a result of another shape is a protocol error naming the path.
fn typed<T: DeserializeOwned>(
    request: &ApiRequest,
    v: Value,
    request_id: &str,
) -> Result<T, Error> {
    serde_json::from_value(v).map_err(|e| {
        Error::new(
            ErrorKind::Protocol,
            format!("{}: unexpected result ({e})", request.path),
        )
        .with_request_id(Some(request_id.to_owned()))
    })
}
