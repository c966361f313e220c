//! The `schema/fields` reads of an object type (companies, opportunities, named accounts): every field but
//! the system ones, as `schema/fields.json` records (`isCustom`, `isApiCreated`, ...), paged by position.

use crate::engine::paging;
use crate::engine::schema::ObjectSchema;
use crate::engine::FieldDef;
use crate::model::Page;
use marketo_types::envelope::ApiError;
use serde_json::Value;

/// The largest and default page.
const MAX_PAGE: usize = 300;

/// The paging tag of a type's field list.
fn tag(schema: &ObjectSchema) -> String {
    format!("{}.fields", schema.kind)
}

fn listed(schema: &ObjectSchema) -> Vec<&FieldDef> {
    schema
        .fields
        .iter()
        .filter(|f| !schema.is_system(&f.name))
        .collect()
}

/// Get Fields: a page of the type's field records, in describe order; the token carries the position.
pub fn page(
    schema: &ObjectSchema,
    batch_size: usize,
    next_page_token: Option<&str>,
) -> Result<Page, ApiError> {
    let tag = tag(schema);
    let start = paging::decode(&tag, next_page_token)?;
    let size = match batch_size {
        0 => MAX_PAGE,
        n => n.min(MAX_PAGE),
    };
    let all = listed(schema);
    let start = usize::try_from(start).unwrap_or(0).min(all.len());
    let end = (start + size).min(all.len());
    let more = end < all.len();
    let items = all[start..end]
        .iter()
        .filter_map(|f| match f.schema_record() {
            Value::Object(m) => Some(m),
            _ => None,
        })
        .collect();
    Ok(Page {
        items,
        next_page_token: more.then(|| paging::encode(&tag, end as i64)),
        more_result: more,
    })
}

/// Get Field by Name: one field record; 1006 "Field 'x' not found" for a name the type lacks [INF].
pub fn record(schema: &ObjectSchema, name: &str) -> Result<Value, ApiError> {
    listed(schema)
        .into_iter()
        .find(|f| f.name == name)
        .map(FieldDef::schema_record)
        .ok_or_else(|| ApiError::of_meaning(1006, "field", &[name]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{DataType, IdKind};

    fn schema() -> ObjectSchema {
        let mut s = ObjectSchema::new("t", "T", IdKind::Integer, &["k"]);
        for n in ["k", "a", "b"] {
            let mut f = FieldDef::new(n, n, DataType::String);
            f.standard = true;
            s = s.with_field(f);
        }
        s
    }

    #[test]
    fn pages_skip_system_fields_and_continue_by_position() {
        let s = schema();
        let first = page(&s, 2, None).unwrap();
        let names: Vec<&Value> = first.items.iter().map(|m| &m["name"]).collect();
        assert_eq!(names, ["k", "a"]);
        assert!(first.more_result);
        let rest = page(&s, 2, first.next_page_token.as_deref()).unwrap();
        assert_eq!(rest.items.len(), 1);
        assert!(!rest.more_result && rest.next_page_token.is_none());
        assert_eq!(record(&s, "b").unwrap()["isCustom"], false);
        assert_eq!(record(&s, "id").unwrap_err().code.value(), 1006);
    }
}
