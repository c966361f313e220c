//! Activities: `GET /rest/v1/activities/types.json`, `pagingtoken.json?sinceDatetime=`, `activities.json`
//! (`nextPageToken` and `activityTypeIds` required; `leadIds` or `listId`; `batchSize`) and
//! `leadchanges.json` (`nextPageToken` and `fields` required). The paged reads always carry `nextPageToken`
//! and `moreResult`.

use super::bulk_import::off_runtime;
use super::{batch_size, Call};
use crate::activities::query::{self, ActivityPage, Scope};
use crate::activities::types;
use crate::http::error::{Failure, Reply};
use crate::http::routes::ActivityRead;
use crate::state::AppState;
use marketo_types::envelope::Envelope;
use serde_json::Value;

fn page_reply(request_id: String, page: ActivityPage) -> Reply {
    let n = page.items.len();
    let mut env = Envelope::ok(request_id, page.items);
    env.next_page_token = Some(page.next_page_token);
    env.more_result = Some(page.more_result);
    Reply::envelope(&env, n)
}

/// Run one of the activity reads.
pub async fn read(state: &AppState, call: &Call, read: ActivityRead) -> Result<Reply, Failure> {
    let p = &call.params;
    let rid = call.request_id.clone();
    match read {
        ActivityRead::Types => {
            let result = types::describe();
            let n = result.len();
            Ok(Reply::envelope(&Envelope::ok(rid, result), n))
        }
        ActivityRead::PagingToken => {
            let token = query::paging_token(p.required("sinceDatetime")?)?;
            let mut env: Envelope<Value> = Envelope::ok(rid, Vec::new());
            env.result = None;
            env.next_page_token = Some(token);
            Ok(Reply::envelope(&env, 0))
        }
        ActivityRead::Activities | ActivityRead::LeadChanges => {
            let token = p.required("nextPageToken")?.to_owned();
            let scope = Scope {
                lead_ids: p.ids("leadIds")?,
                list_id: p.int("listId")?,
                batch_size: batch_size(p)?,
            };
            let page = if read == ActivityRead::Activities {
                p.required("activityTypeIds")?;
                let type_ids = p.ids("activityTypeIds")?;
                off_runtime(state, move |s| {
                    query::activities(&s.model, &token, &type_ids, &scope)
                })
                .await?
            } else {
                p.required("fields")?;
                let fields = p.list("fields");
                off_runtime(state, move |s| {
                    query::lead_changes(&s.model, &token, &fields, &scope)
                })
                .await?
            };
            Ok(page_reply(rid, page))
        }
    }
}
