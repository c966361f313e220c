//! Reading program members: Get Program Members (by a searchable field or an `updatedAt` range), Get Leads by
//! Program Id (lead fields plus `membership`), Get Programs by Lead Id. Pages follow lead ids (program ids for a
//! lead's programs); a token is only accepted by the read that made it.
//!
//! | answer | when |
//! |---|---|
//! | 701 | no `filterType`, no `filterValues`, an `updatedAt` filter without `startAt`/`endAt` |
//! | 1006 "Field 'x' not found" | a `filterType` or `fields` entry the schema does not have |
//! | 1011 "Field 'x' not supported" | a `filterType` that is not searchable [INF] |
//! | 1003 "Invalid data" | more than 300 values; an `updatedAt` range longer than seven days [INF] |

use super::fields::{self, searchable};
use super::status::{self, ProgramView};
use crate::activities::token::parse_datetime;
use crate::engine::paging;
use crate::model::Model;
use crate::store::program_members::{self as stored, Member};
use crate::store::Store;
use chrono::Duration;
use marketo_types::envelope::ApiError;
use marketo_types::lead_database::programs::Membership;
use serde_json::{Map, Value};

/// Token kind of Get Program Members.
const MEMBERS: paging::Kind = "pm";
/// Token kind of Get Leads by Program Id.
const PROGRAM_LEADS: paging::Kind = "lp";
/// Token kind of Get Programs by Lead Id.
const LEAD_PROGRAMS: paging::Kind = "pl";

/// The fields Get Program Members answers by default.
pub const DEFAULT_FIELDS: &[&str] = &[
    "acquiredBy",
    "leadId",
    "membershipDate",
    "programId",
    "reachedSuccess",
];

/// Members read from the store at a time while filtering.
const CHUNK: usize = 1000;

/// One page of records.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page<T> {
    /// The records.
    pub items: Vec<T>,
    /// The token of the next page, when one follows.
    pub next_page_token: Option<String>,
}

fn page_size(batch_size: usize) -> usize {
    if batch_size == 0 {
        300
    } else {
        batch_size.min(300)
    }
}

/// A Get Program Members query.
#[derive(Debug, Clone, Default)]
pub struct MemberQuery {
    /// `filterType`.
    pub filter_type: String,
    /// `filterValues`.
    pub values: Vec<String>,
    /// `startAt` (an `updatedAt` filter).
    pub start_at: Option<String>,
    /// `endAt` (an `updatedAt` filter).
    pub end_at: Option<String>,
    /// `fields`; `None`: [`DEFAULT_FIELDS`].
    pub fields: Option<Vec<String>>,
    /// `batchSize` (0: 300).
    pub batch_size: usize,
    /// `nextPageToken`.
    pub token: Option<String>,
}

/// How a member is matched.
enum Matcher {
    Values(String, Vec<String>),
    Updated(String, String),
}

impl Matcher {
    fn keeps(&self, p: &ProgramView, m: &Member) -> bool {
        match self {
            Matcher::Updated(start, end) => &m.updated_at >= start && &m.updated_at <= end,
            Matcher::Values(field, values) => {
                let v = text(&value_of(p, m, field));
                values.iter().any(|x| x.eq_ignore_ascii_case(&v))
            }
        }
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Field `name` of member `m` of program `p` (null when it has no value).
pub fn value_of(p: &ProgramView, m: &Member, name: &str) -> Value {
    let nurture = p.is_engagement();
    match name {
        "acquiredBy" => m.acquired_by.into(),
        "createdAt" | "membershipDate" => m.membership_date.clone().into(),
        "isExhausted" => false.into(),
        "leadId" => m.lead_id.into(),
        "nurtureCadence" if nurture => "norm".into(),
        "program" => p.doc.name.clone().into(),
        "programId" => p.id.into(),
        "reachedSuccess" => m.success.into(),
        "reachedSuccessDate" => m.success_date.clone().map_or(Value::Null, Value::from),
        "statusName" => m.status.clone().into(),
        "updatedAt" => m.updated_at.clone().into(),
        other => m.data.get(other).cloned().unwrap_or(Value::Null),
    }
}

fn matcher(store: &Store, q: &MemberQuery) -> Result<Matcher, ApiError> {
    let ft = q.filter_type.trim();
    if ft.is_empty() {
        return Err(ApiError::catalogued(701, &["filterType"]));
    }
    if ft == "updatedAt" {
        let (Some(s), Some(e)) = (&q.start_at, &q.end_at) else {
            return Err(ApiError::catalogued(701, &["startAt"]));
        };
        let (s, e) = (parse_datetime(s)?, parse_datetime(e)?);
        if e < s || e - s > Duration::days(7) {
            return Err(ApiError::of_meaning(1003, "invalid-data", &[]));
        }
        return Ok(Matcher::Updated(
            crate::engine::format_time(s),
            crate::engine::format_time(e),
        ));
    }
    let schema = fields::all(store)?;
    let f = schema
        .iter()
        .find(|f| f.name == ft)
        .ok_or_else(|| ApiError::of_meaning(1006, "field", &[ft]))?;
    if !searchable(f) {
        return Err(ApiError::catalogued(1011, &[ft]));
    }
    let values: Vec<String> = q
        .values
        .iter()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return Err(ApiError::catalogued(701, &["filterValues"]));
    }
    if values.len() > 300 {
        return Err(ApiError::of_meaning(1003, "invalid-data", &[]));
    }
    Ok(Matcher::Values(ft.to_owned(), values))
}

/// Get Program Members.
pub fn members(
    store: &Store,
    program_id: i64,
    q: &MemberQuery,
) -> Result<Page<Map<String, Value>>, ApiError> {
    let program = store.with(|db| Ok(status::find(db, program_id)))?;
    let program = program?.ok_or_else(|| ApiError::of_meaning(1013, "object-not-found", &[]))?;
    let m = matcher(store, q)?;
    let columns: Vec<String> = match &q.fields {
        Some(f) if !f.is_empty() => f.clone(),
        _ => DEFAULT_FIELDS.iter().map(|s| (*s).to_owned()).collect(),
    };
    let schema = fields::all(store)?;
    if let Some(bad) = columns
        .iter()
        .find(|c| !schema.iter().any(|f| &f.name == *c))
    {
        return Err(ApiError::of_meaning(1006, "field", &[bad]));
    }
    let size = page_size(q.batch_size);
    let mut after = paging::decode(MEMBERS, q.token.as_deref())?;
    let mut found: Vec<Member> = Vec::new();
    while found.len() <= size {
        let chunk = store.with(|db| stored::of_program(db, program_id, after, CHUNK))?;
        let Some(last) = chunk.last() else { break };
        after = last.lead_id;
        found.extend(chunk.into_iter().filter(|x| m.keeps(&program, x)));
    }
    let more = found.len() > size;
    found.truncate(size);
    let next_page_token = more
        .then(|| found.last().map(|x| paging::encode(MEMBERS, x.lead_id)))
        .flatten();
    let items = found
        .iter()
        .enumerate()
        .map(|(seq, x)| {
            let mut rec = Map::new();
            rec.insert("seq".to_owned(), seq.into());
            for c in &columns {
                let v = value_of(&program, x, c);
                if !v.is_null() {
                    rec.insert(c.clone(), v);
                }
            }
            rec
        })
        .collect();
    Ok(Page {
        items,
        next_page_token,
    })
}

/// A member's membership as a lead's program list or a program's lead list shows it, `id` being `id`.
pub fn membership(p: &ProgramView, m: &Member, id: i64) -> Membership {
    let nurture = p.is_engagement();
    Membership {
        id,
        progression_status: m.status.clone(),
        is_exhausted: false,
        acquired_by: m.acquired_by,
        reached_success: m.success,
        membership_date: m.membership_date.clone(),
        updated_at: Some(m.updated_at.clone()),
        stream: nurture.then(|| "Stream 1".to_owned()),
        nurture_cadence: nurture.then(|| "norm".to_owned()),
    }
}

/// Get Leads by Program Id: each member lead's fields (`fields`, or the lead defaults) and its `membership`.
pub fn program_leads(
    model: &Model,
    program_id: i64,
    fields: Option<&[String]>,
    batch_size: usize,
    token: Option<&str>,
) -> Result<Page<Map<String, Value>>, ApiError> {
    let store = model.store();
    let program = store.with(|db| Ok(status::find(db, program_id)))?;
    let program = program?.ok_or_else(|| ApiError::of_meaning(1013, "object-not-found", &[]))?;
    let fields: Option<Vec<String>> =
        fields.map(|f| f.iter().filter(|x| *x != "membership").cloned().collect());
    let size = page_size(batch_size);
    let after = paging::decode(PROGRAM_LEADS, token)?;
    let mut rows = store.with(|db| stored::of_program(db, program_id, after, size + 1))?;
    let more = rows.len() > size;
    rows.truncate(size);
    let mut items = Vec::new();
    for m in &rows {
        let Some(mut lead) = model.get_lead(m.lead_id, fields.as_deref())?.pop() else {
            continue;
        };
        let ms = serde_json::to_value(membership(&program, m, m.id))
            .map_err(|_| ApiError::catalogued(611, &[]))?;
        lead.insert("membership".to_owned(), ms);
        items.push(lead);
    }
    let next_page_token = more
        .then(|| {
            rows.last()
                .map(|m| paging::encode(PROGRAM_LEADS, m.lead_id))
        })
        .flatten();
    Ok(Page {
        items,
        next_page_token,
    })
}

/// Get Programs by Lead Id's filters.
#[derive(Debug, Clone, Default)]
pub struct LeadProgramsQuery {
    /// Only these programs (`filterType=id`); empty: all.
    pub ids: Vec<i64>,
    /// `earliestUpdatedAt`.
    pub earliest: Option<String>,
    /// `latestUpdatedAt`.
    pub latest: Option<String>,
    /// `batchSize` (0: 300).
    pub batch_size: usize,
    /// `nextPageToken`.
    pub token: Option<String>,
}

/// Get Programs by Lead Id: the programs lead `lead` is a member of.
pub fn lead_programs(
    store: &Store,
    lead: i64,
    q: &LeadProgramsQuery,
) -> Result<Page<Membership>, ApiError> {
    let earliest = q.earliest.as_deref().map(parse_datetime).transpose()?;
    let latest = q.latest.as_deref().map(parse_datetime).transpose()?;
    let (earliest, latest) = (
        earliest.map(crate::engine::format_time),
        latest.map(crate::engine::format_time),
    );
    let size = page_size(q.batch_size);
    let after = paging::decode(LEAD_PROGRAMS, q.token.as_deref())?;
    let all = store.with(|db| stored::of_lead(db, lead, after, usize::MAX >> 1))?;
    let mut items = Vec::new();
    let mut last = None;
    let mut more = false;
    for m in all {
        let keep = (q.ids.is_empty() || q.ids.contains(&m.program_id))
            && earliest.as_ref().is_none_or(|e| &m.updated_at >= e)
            && latest.as_ref().is_none_or(|l| &m.updated_at <= l);
        if !keep {
            continue;
        }
        if items.len() == size {
            more = true;
            break;
        }
        let Some(p) = store.with(|db| Ok(status::find(db, m.program_id)))?? else {
            continue;
        };
        last = Some(m.program_id);
        items.push(membership(&p, &m, m.program_id));
    }
    let next_page_token = more
        .then(|| last.map(|id| paging::encode(LEAD_PROGRAMS, id)))
        .flatten();
    Ok(Page {
        items,
        next_page_token,
    })
}
