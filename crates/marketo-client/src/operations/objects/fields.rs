//! The field schema reads of the types that have them (companies, opportunities, named accounts):
//! `GET /rest/v1/{type}/schema/fields.json` (paged) and `GET /rest/v1/{type}/schema/fields/{name}.json`.

use super::{ObjectKind, Objects};
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult};
use crate::paging;
use futures::{Stream, StreamExt};
use marketo_types::lead_database::FieldRecord;
use marketo_types::limits::MAX_BATCH_SIZE;

impl<K: ObjectKind> Objects<'_, K> {
    /// Every field of the type (`GET /rest/v1/{type}/schema/fields.json`), every page followed: its name,
    /// label, data type, length and flags. A type without these reads ([`ObjectKind::has_field_schema`]) is
    /// refused before any call: the stream's one item is that error.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use futures::TryStreamExt;
    /// let fields: Vec<_> = client.objects(marketo_client::Opportunities).fields().try_collect().await?;
    /// assert!(fields.iter().any(|f| f.name == "externalOpportunityId"));
    /// # Ok(()) }
    /// ```
    pub fn fields(&self) -> impl Stream<Item = Result<FieldRecord, Error>> + Send + 'static {
        let refused = (!self.kind.has_field_schema()).then(|| self.refused("field schema"));
        let path = self.path("/schema/fields.json");
        let read = paging::typed(
            "field",
            paging::records(self.client.inner.clone(), move |token| {
                let r =
                    ApiRequest::get(path.clone()).param("batchSize", MAX_BATCH_SIZE.to_string());
                match token {
                    Some(t) => r.param("nextPageToken", t),
                    None => r,
                }
            }),
        );
        match refused {
            Some(e) => futures::stream::once(async move { Err(e) }).boxed(),
            None => read.boxed(),
        }
    }

    /// One field by API name (`GET /rest/v1/{type}/schema/fields/{name}.json`); an unknown name is an
    /// [`Error`] with code 1006. A type without these reads is refused before any call.
    pub async fn field(&self, name: &str) -> Result<FieldRecord, Error> {
        if !self.kind.has_field_schema() {
            return Err(self.refused("field schema"));
        }
        let op = FirstResult::new(ApiRequest::get(
            self.path(&format!("/schema/fields/{name}.json")),
        ));
        self.client.send(&op).await
    }
}
