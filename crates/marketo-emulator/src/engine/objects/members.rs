//! Membership of records in a list-like record (named accounts in a named account list): add, remove and a
//! paged read of the members. The list is named by its GUID; each input record names a member by its GUID.
//!
//! | answer | when |
//! |---|---|
//! | 1013 "Object not found" (the call) | the list does not exist [INF] |
//! | 701 / 1003 "Invalid data" (the call) | no input / more than 300 records |
//! | `added` / `removed` | the member was (or already was) added; it was removed |
//! | skipped 1003 "Invalid data" | the record names no `marketoGUID` [INF] |
//! | skipped 1013 "Record not found" | no such member record; a remove of a record that is not a member [INF] |

use super::read::{columns, page_of, page_size};
use super::{checked_input, invalid_data, skipped};
use crate::engine::paging;
use crate::engine::schema::ObjectSchema;
use crate::fault::records::{held_reason, Held};
use crate::model::Page;
use crate::store::objects::{self as rows, StoredObject};
use crate::store::{members, Db, Store};
use marketo_types::envelope::ApiError;
use marketo_types::record::{RecordResult, RecordStatus};
use serde_json::Value;

/// A list and the type of its members.
#[derive(Debug, Clone, Copy)]
pub struct Membership<'a> {
    /// The list's type.
    pub list: &'a ObjectSchema,
    /// The members' type.
    pub member: &'a ObjectSchema,
}

/// Add or remove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Add the members.
    Add,
    /// Remove them.
    Remove,
}

fn list(db: &Db, m: Membership<'_>, guid: &str) -> Result<StoredObject, ApiError> {
    rows::by_guid(db, &m.list.kind, guid)?.ok_or_else(|| ApiError::catalogued(1013, &[]))
}

impl Membership<'_> {
    /// Add or remove the records of `input` to or from the list `guid`: one result per record, in order.
    pub fn change(
        self,
        store: &Store,
        guid: &str,
        change: Change,
        input: &[Value],
        held: Option<&Held>,
    ) -> Result<Vec<RecordResult>, ApiError> {
        checked_input(self.list, input)?;
        store.transaction(|db| {
            let owner = list(db, self, guid)?;
            let mut out = Vec::with_capacity(input.len());
            for (seq, raw) in input.iter().enumerate() {
                if let Some(reason) = held_reason(held, seq) {
                    out.push(skipped(seq, reason));
                    continue;
                }
                let Some(member_guid) = raw.get("marketoGUID").and_then(Value::as_str) else {
                    out.push(skipped(seq, invalid_data()));
                    continue;
                };
                let not_found =
                    || skipped(seq, ApiError::of_meaning(1013, "record-not-found", &[]));
                let Some(member) = rows::by_guid(db, &self.member.kind, member_guid)? else {
                    out.push(not_found());
                    continue;
                };
                let (o, m) = (
                    (&*self.list.kind, owner.id),
                    (&*self.member.kind, member.id),
                );
                let status = match change {
                    Change::Add => {
                        members::add(db, o, m)?;
                        RecordStatus::Added
                    }
                    Change::Remove if members::remove(db, o, m)? => RecordStatus::Removed,
                    Change::Remove => {
                        out.push(not_found());
                        continue;
                    }
                };
                let mut r = RecordResult::with_id(member.id, status);
                r.id = None;
                r.marketo_guid = member.guid;
                r.seq = Some(seq as u32);
                out.push(r);
            }
            Ok::<_, ApiError>(out)
        })
    }

    /// A page of the list's members with `fields` (the member type's defaults when `None`).
    pub fn page(
        self,
        store: &Store,
        guid: &str,
        fields: Option<&[String]>,
        batch_size: usize,
        next_page_token: Option<&str>,
    ) -> Result<Page, ApiError> {
        let columns = columns(self.member, fields)?;
        let tag = format!("{}.members", self.list.kind);
        let after = paging::decode(&tag, next_page_token)?;
        let size = page_size(batch_size);
        let found = store.with(|db| {
            let owner = match list(db, self, guid) {
                Ok(o) => o,
                Err(e) => return Ok(Err(e)),
            };
            let o = (&*self.list.kind, owner.id);
            members::page(db, o, &self.member.kind, after, size + 1).map(Ok)
        })??;
        Ok(page_of(self.member, found, size, &columns, &tag))
    }
}
