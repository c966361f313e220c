//! The Custom Object Metadata API (`/rest/v1/customobjects/schema...`): list, describe, create and change
//! types (each change goes to the type's draft), add, update and delete fields, approve, discard the draft,
//! delete a type, the linkable objects, the field data types and the dependent assets; and the records API's
//! List Custom Objects (`GET /rest/v1/customobjects.json`). Records of an approved type are read and written
//! with [`client.objects(CustomObject::new(name))`](crate::operations::objects::kinds::CustomObject).
//!
//! A change answers an empty `result`; a refused one is an [`Error`] with Marketo's code: 1017 for a type
//! that exists (createOnly), 1013 for one that does not, 1003 for a field or name the rules refuse, 1048
//! when there is no draft to discard, 1022 for a type another one links to, 616 when the subscription has
//! no metadata API, 1026 when it has no custom objects.

use crate::client::Client;
use crate::error::{Error, ErrorKind};
use crate::operations::{ApiRequest, FirstResult, ObjectDescription, Results};
use marketo_types::custom_objects::{
    CustomObjectType, DependentAsset, LinkableObject, TypeFieldSpec, TypeState, TypeSync,
};
use serde::Serialize;
use serde_json::{json, Value};

const SCHEMA: &str = "/rest/v1/customobjects/schema";

impl Client {
    /// The custom object types: the Custom Object Metadata API.
    ///
    /// ```no_run
    /// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
    /// use marketo_types::custom_objects::{TypeFieldSpec, TypeSync};
    /// let types = client.custom_object_types();
    /// types.sync(&TypeSync { api_name: "car_c".into(), display_name: Some("Car".into()), ..Default::default() }).await?;
    /// types.add_fields("car_c", &[TypeFieldSpec::new("vin", "VIN", "string").dedupe()]).await?;
    /// types.approve("car_c").await?;
    /// # Ok(()) }
    /// ```
    pub fn custom_object_types(&self) -> CustomObjectTypes<'_> {
        CustomObjectTypes { client: self }
    }
}

/// The custom object type endpoints. Get one with [`Client::custom_object_types`].
#[derive(Debug, Clone, Copy)]
pub struct CustomObjectTypes<'a> {
    client: &'a Client,
}

fn type_path(api_name: &str, tail: &str) -> String {
    format!("{SCHEMA}/{api_name}/{tail}")
}

fn json_body(value: &impl Serialize) -> Result<bytes::Bytes, Error> {
    serde_json::to_vec(value)
        .map(Into::into)
        .map_err(|e| Error::new(ErrorKind::Request, e.to_string()))
}

fn with_names(mut req: ApiRequest, names: &[&str]) -> ApiRequest {
    if !names.is_empty() {
        req = req.param("names", names.join(","));
    }
    req
}

impl CustomObjectTypes<'_> {
    /// Send a change and read its (empty) answer.
    async fn change(&self, path: String, body: &impl Serialize) -> Result<(), Error> {
        let req = ApiRequest::post_json(path, json_body(body)?);
        self.client
            .send(&Results::<Value>::new(req))
            .await
            .map(drop)
    }

    /// The types (`GET /rest/v1/customobjects/schema.json`), those of `names` only when it is not empty,
    /// each in the version `state` asks for (the approved one when it has one, else the draft, when `None`);
    /// a type without that version is left out.
    pub async fn list(
        &self,
        names: &[&str],
        state: Option<TypeState>,
    ) -> Result<Vec<CustomObjectType>, Error> {
        let mut req = with_names(ApiRequest::get(format!("{SCHEMA}.json")), names);
        if let Some(s) = state {
            req = req.param("state", s.as_str());
        }
        self.client.send(&Results::new(req)).await
    }

    /// One type (`GET /rest/v1/customobjects/schema/{apiName}/describe.json`) in the version `state` asks
    /// for (as [`list`](Self::list)); 1013 for an unknown type or a version it does not have.
    pub async fn describe(
        &self,
        api_name: &str,
        state: Option<TypeState>,
    ) -> Result<CustomObjectType, Error> {
        let mut req = ApiRequest::get(type_path(api_name, "describe.json"));
        if let Some(s) = state {
            req = req.param("state", s.as_str());
        }
        self.client.send(&FirstResult::new(req)).await
    }

    /// Create a type as a draft, or change its draft (`POST /rest/v1/customobjects/schema.json`), as
    /// `spec.action` says (createOrUpdate when `None`).
    pub async fn sync(&self, spec: &TypeSync) -> Result<(), Error> {
        self.change(format!("{SCHEMA}.json"), spec).await
    }

    /// Add fields to the type's draft (`POST .../schema/{apiName}/addField.json`); the whole call is refused
    /// (1003) when one field is.
    pub async fn add_fields(&self, api_name: &str, fields: &[TypeFieldSpec]) -> Result<(), Error> {
        self.change(
            type_path(api_name, "addField.json"),
            &json!({ "input": fields }),
        )
        .await
    }

    /// Change one field of the type's draft (`POST .../schema/{apiName}/{fieldApiName}/updateField.json`);
    /// an approved type's dedupe and link fields stay as they are (1003).
    pub async fn update_field(
        &self,
        api_name: &str,
        field: &str,
        change: &TypeFieldSpec,
    ) -> Result<(), Error> {
        self.change(
            type_path(api_name, &format!("{field}/updateField.json")),
            change,
        )
        .await
    }

    /// Delete fields from the type's draft (`POST .../schema/{apiName}/deleteField.json`), by API name.
    pub async fn delete_fields(&self, api_name: &str, fields: &[&str]) -> Result<(), Error> {
        let input: Vec<Value> = fields.iter().map(|n| json!({ "name": n })).collect();
        self.change(
            type_path(api_name, "deleteField.json"),
            &json!({ "input": input }),
        )
        .await
    }

    /// Approve the draft (`POST .../schema/{apiName}/approve.json`): records use it from then on. 1003
    /// without a draft or without a dedupe field.
    pub async fn approve(&self, api_name: &str) -> Result<(), Error> {
        self.change(type_path(api_name, "approve.json"), &json!({}))
            .await
    }

    /// Discard the draft (`POST .../schema/{apiName}/discardDraft.json`); a type never approved goes with
    /// it. 1048 "Custom Object Discard Draft Failed" when there is no draft.
    pub async fn discard_draft(&self, api_name: &str) -> Result<(), Error> {
        self.change(type_path(api_name, "discardDraft.json"), &json!({}))
            .await
    }

    /// Delete the type and its records (`POST .../schema/{apiName}/delete.json`); 1022 "Object in use"
    /// while another type links to it.
    pub async fn delete(&self, api_name: &str) -> Result<(), Error> {
        self.change(type_path(api_name, "delete.json"), &json!({}))
            .await
    }

    /// The objects a link field can point at, with their fields
    /// (`GET /rest/v1/customobjects/schema/linkableObjects.json`).
    pub async fn linkable_objects(&self) -> Result<Vec<LinkableObject>, Error> {
        let req = ApiRequest::get(format!("{SCHEMA}/linkableObjects.json"));
        self.client.send(&Results::new(req)).await
    }

    /// The data types a field can have (`GET /rest/v1/customobjects/schema/fieldDataTypes.json`).
    pub async fn field_data_types(&self) -> Result<Vec<String>, Error> {
        let req = ApiRequest::get(format!("{SCHEMA}/fieldDataTypes.json"));
        self.client.send(&Results::new(req)).await
    }

    /// The assets (smart campaigns, smart lists) that use the type
    /// (`GET .../schema/{apiName}/dependentAssets.json`); 1013 for an unknown type.
    pub async fn dependent_assets(&self, api_name: &str) -> Result<Vec<DependentAsset>, Error> {
        let req = ApiRequest::get(type_path(api_name, "dependentAssets.json"));
        self.client.send(&Results::new(req)).await
    }

    /// The approved types as the records API lists them (List Custom Objects,
    /// `GET /rest/v1/customobjects.json`), those of `names` only when it is not empty: name, id field,
    /// dedupe and searchable fields, relationships (in [`ObjectDescription::extra`]); no fields (Describe
    /// gives them: `client.objects(CustomObject::new(name)).describe()`).
    pub async fn list_approved(&self, names: &[&str]) -> Result<Vec<ObjectDescription>, Error> {
        let req = with_names(ApiRequest::get("/rest/v1/customobjects.json"), names);
        self.client.send(&Results::new(req)).await
    }
}
