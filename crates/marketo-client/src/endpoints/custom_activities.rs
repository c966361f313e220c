//! Custom activities: the types (with their draft and approved versions and attributes) and adding
//! activities of them.

use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::operations::{ApiRequest, FirstResult, RecordWrite, Results};
use crate::outcome::RecordOutcome;
use marketo_types::lead_database::{CustomActivityType, CustomAttribute};
use serde::Serialize;
use serde_json::{Map, Value};

/// The custom activity endpoints. Get one with [`Client::custom_activities`].
#[derive(Debug, Clone, Copy)]
pub struct CustomActivities<'a> {
    client: &'a Client,
}

/// A new type (Create Custom Activity Type) or the members an update changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeSpec {
    /// Its API name (create only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_name: Option<String>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its trigger's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger_name: Option<String>,
    /// Its filter's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_name: Option<String>,
    /// Its primary attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_attribute: Option<CustomAttribute>,
}

/// What an attribute call does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeChange {
    /// Add attributes.
    Create,
    /// Change existing ones (by API name).
    Update,
    /// Remove them.
    Delete,
}

fn json_body(value: &impl Serialize) -> Result<bytes::Bytes, Error> {
    serde_json::to_vec(value)
        .map(Into::into)
        .map_err(|e| Error::new(ErrorKind::Request, e.to_string()))
}

impl<'a> CustomActivities<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        CustomActivities { client }
    }

    fn type_path(api_name: &str, rest: &str) -> String {
        format!("/rest/v1/activities/external/type/{api_name}{rest}")
    }

    async fn one(&self, req: ApiRequest) -> Result<CustomActivityType, Error> {
        self.client.send(&FirstResult::new(req)).await
    }

    /// Every custom type (`GET /rest/v1/activities/external/types.json`).
    pub async fn types(&self) -> Result<Vec<CustomActivityType>, Error> {
        let op = Results::new(ApiRequest::get("/rest/v1/activities/external/types.json"));
        self.client.send(&op).await
    }

    /// One type: its approved version, or its draft when `draft`.
    pub async fn describe(&self, api_name: &str, draft: bool) -> Result<CustomActivityType, Error> {
        let mut req = ApiRequest::get(Self::type_path(api_name, "/describe.json"));
        if draft {
            req = req.param("draft", "true");
        }
        self.one(req).await
    }

    /// Create a type (a draft); 1027 past the subscription's limit.
    pub async fn create(&self, spec: &TypeSpec) -> Result<CustomActivityType, Error> {
        let req = ApiRequest::post_json("/rest/v1/activities/external/type.json", json_body(spec)?);
        self.one(req).await
    }

    /// Change a type's draft.
    pub async fn update(
        &self,
        api_name: &str,
        spec: &TypeSpec,
    ) -> Result<CustomActivityType, Error> {
        let req = ApiRequest::post_json(Self::type_path(api_name, ".json"), json_body(spec)?);
        self.one(req).await
    }

    /// Approve the draft (709 without one).
    pub async fn approve(&self, api_name: &str) -> Result<CustomActivityType, Error> {
        let req = ApiRequest::post_json(Self::type_path(api_name, "/approve.json"), "{}".into());
        self.one(req).await
    }

    /// Discard the draft.
    pub async fn discard_draft(&self, api_name: &str) -> Result<CustomActivityType, Error> {
        let req =
            ApiRequest::post_json(Self::type_path(api_name, "/discardDraft.json"), "{}".into());
        self.one(req).await
    }

    /// Delete a type.
    pub async fn delete(&self, api_name: &str) -> Result<(), Error> {
        let req = ApiRequest::post_json(Self::type_path(api_name, "/delete.json"), "{}".into());
        self.client
            .send(&Results::<Value>::new(req))
            .await
            .map(drop)
    }

    /// Create, update or delete attributes of the draft; 1028 past 20.
    pub async fn attributes(
        &self,
        api_name: &str,
        change: AttributeChange,
        attributes: &[CustomAttribute],
    ) -> Result<CustomActivityType, Error> {
        let action = match change {
            AttributeChange::Create => "create",
            AttributeChange::Update => "update",
            AttributeChange::Delete => "delete",
        };
        let body = json_body(&serde_json::json!({ "attributes": attributes }))?;
        let req = ApiRequest::post_json(
            Self::type_path(api_name, &format!("/attributes/{action}.json")),
            body,
        );
        self.one(req).await
    }

    /// Add activities of approved types (`POST /rest/v1/activities/external.json`): each a map with
    /// `leadId`, `activityDate`, `activityTypeId`, `primaryAttributeValue`, `attributes`; 300 a call; one
    /// outcome per activity in input order (`Added`, or `Skipped` with 1013, 1004, 1049 ...).
    pub async fn add(
        &self,
        activities: Vec<Map<String, Value>>,
    ) -> Result<Vec<RecordOutcome>, Error> {
        let records: Vec<Value> = activities.into_iter().map(Value::Object).collect();
        Ok(
            RecordWrite::post("/rest/v1/activities/external.json", Map::new())
                .run(self.client.inner.clone(), &records)
                .await,
        )
    }
}
