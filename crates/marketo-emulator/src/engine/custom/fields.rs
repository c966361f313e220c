//! Add, update and delete the fields of a custom object type (in its draft), with the rules of
//! custom-objects.md: names of letters, digits and `_`; a data type of [`DATA_TYPES`]; a `link` field names a
//! linkable object and field (a lead field, a company's `id` or `externalCompanyId`, or a field of an approved
//! custom object without link fields); at most 50 fields and 3 dedupe fields; once a type is approved its link
//! and dedupe fields neither come nor go.

use super::catalog::Catalog;
use super::definition::{data_type, CustomField, RelatedTo, DATA_TYPES};
use super::errors::{self, invalid};
use crate::engine::DataType;
use crate::model::schema::LeadSchema;
use marketo_types::envelope::ApiError;
use serde::Deserialize;

/// Most fields a type has.
pub const MAX_FIELDS: usize = 50;

/// An Add Custom Object Type Fields entry, or an Update Custom Object Type Field body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldRequest {
    /// The API name.
    pub name: Option<String>,
    /// The display name.
    pub display_name: Option<String>,
    /// The data type.
    pub data_type: Option<String>,
    /// What it holds.
    pub description: Option<String>,
    /// A dedupe field.
    pub is_dedupe_field: Option<bool>,
    /// A link field's target.
    pub related_to: Option<RelatedTo>,
}

/// The type of the values a link to `r` holds, when `r` is linkable.
fn link_type(
    catalog: &Catalog,
    lead: &LeadSchema,
    api: &str,
    r: &RelatedTo,
) -> Result<DataType, ApiError> {
    let bad = || invalid(errors::BAD_LINK);
    match r.name.to_ascii_lowercase().as_str() {
        "lead" => lead
            .fields()
            .find(|f| f.name.eq_ignore_ascii_case(&r.field))
            .map(|f| f.data_type)
            .ok_or_else(bad),
        "company" => match r.field.as_str() {
            "id" | "Id" => Ok(DataType::Integer),
            "externalCompanyId" => Ok(DataType::String),
            _ => Err(bad()),
        },
        _ if r.name == api => Err(bad()),
        _ => {
            let target = catalog
                .types
                .get(&r.name)
                .and_then(|t| t.approved.as_ref())
                .ok_or_else(bad)?;
            if target.fields.iter().any(CustomField::is_link) {
                return Err(invalid(errors::LINK_CHAIN));
            }
            match r.field.as_str() {
                "marketoGUID" => Ok(DataType::String),
                f => target.field(f).map(CustomField::value_type).ok_or_else(bad),
            }
        }
    }
}

/// A new field from its request.
fn new_field(
    catalog: &Catalog,
    lead: &LeadSchema,
    api: &str,
    req: &FieldRequest,
) -> Result<CustomField, ApiError> {
    let name = req.name.clone().ok_or_else(|| errors::missing("name"))?;
    let display = req
        .display_name
        .clone()
        .ok_or_else(|| errors::missing("displayName"))?;
    let dt = req
        .data_type
        .clone()
        .ok_or_else(|| errors::missing("dataType"))?;
    if !errors::valid_api_name(&name) {
        return Err(invalid(errors::BAD_API_NAME));
    }
    if !errors::valid_display_name(&display) {
        return Err(invalid(errors::BAD_DISPLAY_NAME));
    }
    if !DATA_TYPES.contains(&dt.as_str()) {
        return Err(invalid(errors::BAD_DATA_TYPE));
    }
    let link_type = match (dt.as_str(), &req.related_to) {
        ("link", Some(r)) => Some(link_type(catalog, lead, api, r)?),
        ("link", None) => return Err(errors::missing("relatedTo")),
        (_, Some(_)) => return Err(invalid(errors::BAD_LINK)),
        _ => None,
    };
    Ok(CustomField {
        name,
        display_name: display,
        description: req.description.clone(),
        data_type: dt,
        link_type,
        is_dedupe_field: req.is_dedupe_field.unwrap_or(false),
        related_to: req.related_to.clone(),
    })
}

fn is_system(name: &str) -> bool {
    ["marketoGUID", "createdAt", "updatedAt"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(name))
}

impl Catalog {
    /// Add Custom Object Type Fields: every field or none.
    pub fn add_fields(
        &mut self,
        lead: &LeadSchema,
        api: &str,
        input: &[FieldRequest],
    ) -> Result<(), ApiError> {
        if input.is_empty() {
            return Err(ApiError::catalogued(701, &["input"]));
        }
        let made: Vec<CustomField> = input
            .iter()
            .map(|r| new_field(self, lead, api, r))
            .collect::<Result<_, _>>()?;
        let others_link_here = !self.linked_from(api).is_empty();
        let (draft, approved) = self.draft_mut(api)?;
        for f in made {
            let taken = draft.fields.iter().any(|e| {
                e.name.eq_ignore_ascii_case(&f.name)
                    || e.display_name.eq_ignore_ascii_case(&f.display_name)
            });
            if taken || is_system(&f.name) {
                return Err(invalid(errors::FIELD_EXISTS));
            }
            if approved.is_some() && (f.is_link() || f.is_dedupe_field) {
                return Err(invalid(errors::APPROVED_LOCKED));
            }
            if f.is_link() && others_link_here {
                return Err(invalid(errors::LINK_CHAIN));
            }
            draft.fields.push(f);
        }
        if draft.fields.len() > MAX_FIELDS {
            return Err(invalid(errors::TOO_MANY_FIELDS));
        }
        if draft.dedupe_fields().len() > 3 {
            return Err(invalid(errors::TOO_MANY_DEDUPE));
        }
        Ok(())
    }

    /// Update Custom Object Type Field: display name, description, data type and dedupe flag (the last two
    /// only before approval).
    pub fn update_field(
        &mut self,
        api: &str,
        name: &str,
        req: &FieldRequest,
    ) -> Result<(), ApiError> {
        let (draft, approved) = self.draft_mut(api)?;
        let locked = approved.is_some_and(|a| a.field(name).is_some());
        let others: Vec<String> = draft
            .fields
            .iter()
            .filter(|f| f.name != name)
            .map(|f| f.display_name.to_ascii_lowercase())
            .collect();
        let f = draft
            .fields
            .iter_mut()
            .find(|f| f.name == name)
            .ok_or_else(|| invalid(errors::NO_SUCH_FIELD))?;
        if let Some(d) = &req.display_name {
            if !errors::valid_display_name(d) {
                return Err(invalid(errors::BAD_DISPLAY_NAME));
            }
            if others.contains(&d.to_ascii_lowercase()) {
                return Err(invalid(errors::FIELD_EXISTS));
            }
            f.display_name = d.clone();
        }
        if req.description.is_some() {
            f.description = req.description.clone();
        }
        if let Some(dt) = &req.data_type {
            if data_type(dt).is_none() || f.is_link() {
                return Err(invalid(errors::BAD_DATA_TYPE));
            }
            f.data_type = dt.clone();
        }
        if let Some(dedupe) = req.is_dedupe_field {
            if locked && dedupe != f.is_dedupe_field {
                return Err(invalid(errors::APPROVED_LOCKED));
            }
            f.is_dedupe_field = dedupe;
        }
        if draft.dedupe_fields().len() > 3 {
            return Err(invalid(errors::TOO_MANY_DEDUPE));
        }
        Ok(())
    }

    /// Delete Custom Object Type Fields: every named field or none.
    pub fn delete_fields(&mut self, api: &str, names: &[String]) -> Result<(), ApiError> {
        if names.is_empty() {
            return Err(ApiError::catalogued(701, &["input"]));
        }
        let (draft, approved) = self.draft_mut(api)?;
        for name in names {
            let at = draft
                .fields
                .iter()
                .position(|f| &f.name == name)
                .ok_or_else(|| invalid(errors::NO_SUCH_FIELD))?;
            let f = &draft.fields[at];
            if approved.is_some_and(|a| a.field(name).is_some())
                && (f.is_link() || f.is_dedupe_field)
            {
                return Err(invalid(errors::APPROVED_LOCKED));
            }
            draft.fields.remove(at);
        }
        Ok(())
    }
}
