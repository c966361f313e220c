//! A snippet's content: an HTML section (and optionally a Text one), or one dynamic section whose content
//! varies by the segments of a segmentation. Reads take a `status` (the approved version or the draft);
//! writes change the draft, making one from the approved version when there is none.

use super::snippets::{self, Stored};
use super::versions::Status;
use crate::store::{Db, Store};
use chrono::{DateTime, Utc};
use marketo_types::asset::{format_time, DynamicSection, SnippetContent, SnippetDynamicContent};
use marketo_types::envelope::ApiError;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One version's content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Body {
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    dynamic: Option<Dynamic>,
}

/// The dynamic section: its segmentation and what each segment sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Dynamic {
    segmentation: i64,
    /// Segment id, HTML, Text: in the segmentation's order.
    segments: Vec<(i64, Option<String>, Option<String>)>,
    created_at: String,
    updated_at: String,
}

impl Body {
    fn of(v: &Value) -> Body {
        serde_json::from_value(v.clone()).unwrap_or_default()
    }

    fn value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// What Update Snippet Content sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewContent<'a> {
    /// The HTML section (a dynamic snippet becomes static again).
    Html(&'a str),
    /// The Text section.
    Text(&'a str),
    /// Make it dynamic by this segmentation.
    Dynamic(i64),
}

fn rule() -> ApiError {
    ApiError::catalogued(709, &[])
}

fn version(db: &Db, id: i64, status: Option<Status>) -> Result<Option<Body>, ApiError> {
    let s: Option<Stored> = super::versions::load(db, super::docs::SNIPPET, id)?;
    Ok(s.and_then(|s| s.read(status).map(Body::of)))
}

/// Get Snippet Content: `None` when the snippet (or the asked version) does not exist.
pub fn get(
    store: &Store,
    id: i64,
    status: Option<Status>,
) -> Result<Option<Vec<SnippetContent>>, ApiError> {
    let body = store.transaction(|db| version(db, id, status))?;
    Ok(body.map(|b| {
        let first = match &b.dynamic {
            Some(d) => SnippetContent {
                kind: "DynamicContent".into(),
                content: Some(d.segmentation.to_string()),
            },
            None => SnippetContent {
                kind: "HTML".into(),
                content: Some(b.html.clone().unwrap_or_default()),
            },
        };
        let text = b.text.map(|t| SnippetContent {
            kind: "Text".into(),
            content: Some(t),
        });
        std::iter::once(first).chain(text).collect()
    }))
}

/// Segmentation `id`'s segment ids and names: 709 when it does not exist or is not approved [INF: the
/// documents do not say which code].
fn segments_of(db: &Db, id: i64) -> Result<Vec<(i64, String)>, ApiError> {
    match super::segments::of(db, id)? {
        Some((status, segments)) if status.eq_ignore_ascii_case("approved") => Ok(segments),
        _ => Err(rule()),
    }
}

/// Update Snippet Content: 702 when the snippet does not exist; a dynamic snippet's segmentation must
/// exist and be approved (709 otherwise), and every segment starts with the current content [INF: as the UI
/// does]. Returns the snippet's id.
pub fn set(
    store: &Store,
    id: i64,
    new: NewContent<'_>,
    now: DateTime<Utc>,
) -> Result<i64, ApiError> {
    let stamp = format_time(now);
    snippets::change(store, id, now, |db, s| {
        let draft = s.edit();
        let mut b = Body::of(draft);
        match new {
            NewContent::Html(content) => {
                b.html = Some(content.to_owned());
                b.dynamic = None;
            }
            NewContent::Text(content) => b.text = Some(content.to_owned()),
            NewContent::Dynamic(seg) => {
                let segments = segments_of(db, seg)?;
                b.dynamic = Some(Dynamic {
                    segmentation: seg,
                    segments: segments
                        .into_iter()
                        .map(|(sid, _)| (sid, b.html.clone(), b.text.clone()))
                        .collect(),
                    created_at: stamp.clone(),
                    updated_at: stamp,
                });
            }
        }
        *draft = b.value();
        Ok(())
    })
    .map(|s| s.id)
}

/// The dynamic content's id: opaque to clients; Marketo's look like `Nzk*` (base64 with `*` for `=`).
fn section_id(snippet: i64) -> String {
    data_encoding::BASE64
        .encode(snippet.to_string().as_bytes())
        .replace('=', "*")
}

/// Get Dynamic Content: `None` when the snippet (or the asked version) does not exist; 709 when that version
/// is not dynamic [INF].
pub fn dynamic(
    store: &Store,
    id: i64,
    status: Option<Status>,
) -> Result<Option<SnippetDynamicContent>, ApiError> {
    store.transaction(|db| {
        let Some(b) = version(db, id, status)? else {
            return Ok(None);
        };
        let d = b.dynamic.ok_or_else(rule)?;
        let names = super::segments::of(db, d.segmentation)?
            .map(|(_, s)| s)
            .unwrap_or_default();
        let name = |sid: i64| {
            names
                .iter()
                .find(|(i, _)| *i == sid)
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        };
        let mut content = Vec::new();
        for (sid, html, text) in &d.segments {
            for (kind, value) in [("HTML", html), ("Text", text)] {
                if kind == "Text" && value.is_none() {
                    continue;
                }
                content.push(DynamicSection {
                    id: section_id(id),
                    segment_id: *sid,
                    segment_name: name(*sid),
                    content: Some(value.clone().unwrap_or_default()),
                    kind: kind.to_owned(),
                });
            }
        }
        Ok(Some(SnippetDynamicContent {
            id,
            segmentation: d.segmentation,
            created_at: d.created_at,
            updated_at: d.updated_at,
            content,
        }))
    })
}

/// Update Snippet Dynamic Content: set what segment `segment` sees (`HTML` or `Text`); 702 when the snippet
/// does not exist, 709 when it is not dynamic or the segment is not one of its segmentation's [INF].
pub fn set_dynamic(
    store: &Store,
    id: i64,
    segment: i64,
    html: bool,
    value: &str,
    now: DateTime<Utc>,
) -> Result<i64, ApiError> {
    let stamp = format_time(now);
    snippets::change(store, id, now, |_, s| {
        let draft = s.edit();
        let mut b = Body::of(draft);
        let d = b.dynamic.as_mut().ok_or_else(rule)?;
        let slot = d
            .segments
            .iter_mut()
            .find(|(sid, _, _)| *sid == segment)
            .ok_or_else(rule)?;
        if html {
            slot.1 = Some(value.to_owned());
        } else {
            slot.2 = Some(value.to_owned());
        }
        d.updated_at = stamp;
        *draft = b.value();
        Ok(())
    })
    .map(|s| s.id)
}
