//! Reading an asset call's parameters, written once: from the query string or the body (form or JSON,
//! whatever the content type), JSON-in-form values (`folder={"id":12,"type":"Folder"}`), booleans, dates and
//! `offset`/`maxReturn` paging.

use super::lenient;
use crate::http::error::Failure;
use crate::http::extract::wrong_type;
use crate::resources::Call;
use chrono::{DateTime, Utc};
use marketo_types::asset::{FolderId, FolderKind, DEFAULT_MAX_RETURN, MAX_RETURN};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A parameter's text: a query or form value, or a scalar member of a JSON body.
pub fn text<'a>(call: &'a Call, name: &str) -> Option<&'a str> {
    call.params.get(name)
}

/// A required text parameter: absent is 1002, blank is 701.
pub fn required<'a>(call: &'a Call, name: &str) -> Result<&'a str, Failure> {
    call.params.required(name)
}

/// An optional boolean (`true`/`false`, any case): another value is 1001.
pub fn boolean(call: &Call, name: &str) -> Result<Option<bool>, Failure> {
    match text(call, name).map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(v) => Err(wrong_type(v, "Boolean")),
    }
}

/// A JSON-valued parameter: the JSON body's member of that name, or the text parsed (leniently). A text that
/// is not JSON is 1001.
pub fn json(call: &Call, name: &str) -> Result<Option<Value>, Failure> {
    if let Some(v) = call.json.as_ref().and_then(|j| j.get(name)) {
        if !v.is_string() {
            return Ok(Some(v.clone()));
        }
    }
    match text(call, name) {
        None => Ok(None),
        Some(t) if t.trim().is_empty() => Ok(None),
        Some(t) => lenient::parse(t)
            .map(Some)
            .ok_or_else(|| wrong_type(t, "JSON")),
    }
}

/// A JSON-valued parameter read as `T`: a value of the wrong shape is 1001.
pub fn typed<T: DeserializeOwned>(call: &Call, name: &str) -> Result<Option<T>, Failure> {
    match json(call, name)? {
        None => Ok(None),
        Some(v) => serde_json::from_value(v.clone())
            .map(Some)
            .map_err(|_| wrong_type(&v.to_string(), name)),
    }
}

/// A folder reference (`{"id":12,"type":"Folder"}`); a required one is 1002 when absent.
pub fn folder(call: &Call, name: &str, needed: bool) -> Result<Option<FolderId>, Failure> {
    let Some(v) = json(call, name)? else {
        return if needed {
            Err(Failure::code(1002, &[name]))
        } else {
            Ok(None)
        };
    };
    let id = v.get("id").and_then(|i| {
        i.as_i64()
            .or_else(|| i.as_str().and_then(|s| s.trim().parse().ok()))
    });
    let kind = v
        .get("type")
        .and_then(Value::as_str)
        .and_then(FolderKind::parse);
    match (id, kind) {
        (Some(id), Some(kind)) => Ok(Some(FolderId { id, kind })),
        _ => Err(wrong_type(&v.to_string(), "FolderId")),
    }
}

/// The `folder` a create or clone puts its asset in: 1002 when absent.
pub fn target_folder(call: &Call) -> Result<FolderId, Failure> {
    folder(call, "folder", true)?.ok_or_else(|| Failure::code(1002, &["folder"]))
}

/// What a create or clone is given: `name` (1002 when absent), `folder` (1002 when absent), `description`.
pub fn placed(call: &Call) -> Result<(&str, FolderId, Option<&str>), Failure> {
    Ok((
        required(call, "name")?,
        target_folder(call)?,
        text(call, "description"),
    ))
}

/// A metadata update's new `name`: absent or blank leaves the name as it is.
pub fn new_name(call: &Call) -> Option<&str> {
    text(call, "name").filter(|n| !n.trim().is_empty())
}

/// `Folder` or `Program` from a `type`/`folderType` parameter; absent is `default` (or 1002 when `None`).
pub fn folder_kind(
    call: &Call,
    name: &str,
    default: Option<FolderKind>,
) -> Result<FolderKind, Failure> {
    match text(call, name).map(str::trim).filter(|t| !t.is_empty()) {
        None => default.ok_or_else(|| Failure::code(1002, &[name])),
        Some(t) => FolderKind::parse(t).ok_or_else(|| wrong_type(t, "FolderType")),
    }
}

/// A date-time filter (`earliestUpdatedAt`): one that does not parse is 704 "Invalid date format".
pub fn date(call: &Call, name: &str) -> Result<Option<DateTime<Utc>>, Failure> {
    match text(call, name).map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => marketo_types::asset::parse_time(t)
            .map(Some)
            .ok_or_else(|| Failure::code(704, &[])),
    }
}

/// `offset` and `maxReturn` of a browse call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// Entries skipped.
    pub offset: usize,
    /// Entries answered at most.
    pub max_return: usize,
}

impl Paging {
    /// Read them: absent `maxReturn` is 20; above 200 it is 200 [INF: the documents give the bound, not what
    /// Marketo answers past it]; a negative or non-integer value is 1001.
    pub fn of(call: &Call) -> Result<Paging, Failure> {
        let read = |name: &str| -> Result<Option<usize>, Failure> {
            match call.params.int(name)? {
                None => Ok(None),
                Some(n) => usize::try_from(n)
                    .map(Some)
                    .map_err(|_| wrong_type(&n.to_string(), "Integer")),
            }
        };
        let offset = read("offset")?.unwrap_or(0);
        let max_return = match read("maxReturn")? {
            None | Some(0) => DEFAULT_MAX_RETURN,
            Some(n) => n.min(MAX_RETURN),
        };
        Ok(Paging { offset, max_return })
    }

    /// This page of `items`.
    pub fn page<T>(&self, items: Vec<T>) -> Vec<T> {
        items
            .into_iter()
            .skip(self.offset)
            .take(self.max_return)
            .collect()
    }
}
