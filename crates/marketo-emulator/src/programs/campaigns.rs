//! The Lead Database's campaigns (smart-campaigns.md, swagger-mapi's Campaigns): Get Campaigns, Get Campaign
//! by Id, Request Campaign (a trigger campaign's leads) and Schedule Campaign (a batch campaign's run). A
//! request or schedule is stored as a run that [`super::runs`] carries out when the clock reaches it.
//!
//! * Request Campaign: up to 100 leads and 100 tokens (1003 past either), 1003 on a batch campaign (the seed
//!   document's example); it runs at once (on the next call). A trigger campaign that is not active or has no
//!   `Campaign is Requested` trigger takes the request and runs no lead [INF].
//! * Schedule Campaign: 1003 on a trigger campaign [INF]; `runAt` at most two years ahead (1042), and never
//!   sooner than five minutes after the call; without it, five minutes after the call.
//!   `cloneToProgramName` clones the campaign's program under that name into the program's folder, clones
//!   the campaign into it and schedules the clone; at most 20 such calls a day (US Central), 1020 after [INF:
//!   counted per subscription day]. A campaign outside a program cannot be cloned that way: 1003 [INF].

use crate::activities::token::parse_datetime;
use crate::assets::campaigns as assets_campaigns;
use crate::assets::docs::{CampaignDoc, ProgramDoc, PROGRAM, SMART_CAMPAIGN};
use crate::assets::programs as assets_programs;
use crate::assets::tree::Tree;
use crate::engine::{format_time, paging};
use crate::store::program_members::{self as stored, Run};
use crate::store::{assets, Db, Store};
use chrono::{DateTime, Duration, Utc};
use marketo_types::asset::{parse_time, FolderId, FolderKind};
use marketo_types::envelope::ApiError;
use marketo_types::lead_database::programs::{Campaign, RunToken, ScheduleInput, TriggerInput};
use marketo_types::quota_day::{day_start, quota_day};

/// Most leads (and tokens) one Request Campaign call takes.
pub const MAX_LEADS: usize = 100;
/// Most tokens a request or schedule carries.
pub const MAX_TOKENS: usize = 100;
/// Most `cloneToProgramName` schedules a day.
pub const MAX_CLONES_A_DAY: u64 = 20;
/// The least time between a Schedule Campaign call and its run.
pub const MIN_DELAY_MINUTES: i64 = 5;
/// Token kind of Get Campaigns.
const CAMPAIGNS: paging::Kind = "cp";

fn invalid() -> ApiError {
    ApiError::of_meaning(1003, "invalid-data", &[])
}

fn not_found() -> ApiError {
    ApiError::of_meaning(1013, "object-not-found", &[])
}

/// The program a campaign (or folder) lives in, walking up from `folder`.
fn program_of(db: &Db, tree: &Tree, folder: FolderId) -> Result<Option<(i64, String)>, ApiError> {
    let mut at = Some(folder);
    while let Some(id) = at {
        if id.kind == FolderKind::Program {
            let p: Option<ProgramDoc> = assets::get(db, PROGRAM, id.id)?;
            return Ok(p.map(|p| (id.id, p.name)));
        }
        at = tree.get(id).and_then(|n| n.parent);
    }
    Ok(None)
}

/// An asset time (`...Z+0000`) as the Lead Database spells times (`...Z`).
fn lead_db_time(asset: &str) -> String {
    parse_time(asset).map_or_else(|| asset.to_owned(), format_time)
}

fn wire(db: &Db, tree: &Tree, id: i64, c: &CampaignDoc) -> Result<Campaign, ApiError> {
    let program = program_of(db, tree, c.folder)?;
    Ok(Campaign {
        id,
        name: c.name.clone(),
        description: c.description.clone(),
        kind: c.kind.clone(),
        program_id: program.as_ref().map(|p| p.0),
        program_name: program.map(|p| p.1),
        workspace_name: Some(c.workspace.clone()),
        created_at: lead_db_time(&c.created_at),
        updated_at: lead_db_time(&c.updated_at),
        active: c.is_active,
    })
}

/// Whether a run can request leads into `c`: an active trigger campaign with a `Campaign is Requested`
/// trigger.
pub fn triggerable(c: &CampaignDoc) -> bool {
    c.kind == "trigger" && c.is_active && c.is_requestable
}

/// Get Campaigns' filters.
#[derive(Debug, Clone, Default)]
pub struct CampaignQuery {
    /// `id`.
    pub ids: Vec<i64>,
    /// `name`.
    pub names: Vec<String>,
    /// `programName`.
    pub programs: Vec<String>,
    /// `workspaceName`.
    pub workspaces: Vec<String>,
    /// `isTriggerable`: only campaigns a request can run (`true`) or only others (`false`).
    pub triggerable: Option<bool>,
    /// `batchSize` (0: 300).
    pub batch_size: usize,
    /// `nextPageToken`.
    pub token: Option<String>,
}

/// Get Campaigns: a page by campaign id.
pub fn list(store: &Store, q: &CampaignQuery) -> Result<(Vec<Campaign>, Option<String>), ApiError> {
    let after = paging::decode(CAMPAIGNS, q.token.as_deref())?;
    let size = if q.batch_size == 0 {
        300
    } else {
        q.batch_size.min(300)
    };
    store.with(|db| Ok(page(db, q, after, size)))?
}

fn page(
    db: &Db,
    q: &CampaignQuery,
    after: i64,
    size: usize,
) -> Result<(Vec<Campaign>, Option<String>), ApiError> {
    let tree = Tree::load(db)?;
    let all: Vec<(i64, CampaignDoc)> = assets::all(db, SMART_CAMPAIGN)?;
    let mut out = Vec::new();
    for (id, doc) in all.iter().filter(|(id, _)| *id > after) {
        let c = wire(db, &tree, *id, doc)?;
        let keep = (q.ids.is_empty() || q.ids.contains(id))
            && (q.names.is_empty() || q.names.contains(&c.name))
            && (q.programs.is_empty()
                || c.program_name
                    .as_ref()
                    .is_some_and(|p| q.programs.contains(p)))
            && (q.workspaces.is_empty() || q.workspaces.contains(&doc.workspace))
            && q.triggerable.is_none_or(|t| t == triggerable(doc));
        if keep {
            out.push(c);
        }
        if out.len() > size {
            break;
        }
    }
    let more = out.len() > size;
    out.truncate(size);
    let next = more
        .then(|| out.last().map(|c| paging::encode(CAMPAIGNS, c.id)))
        .flatten();
    Ok((out, next))
}

/// Get Campaign by Id: 1013 for one that does not exist.
pub fn get(store: &Store, id: i64) -> Result<Campaign, ApiError> {
    store.with(|db| {
        Ok((|| {
            let doc: CampaignDoc = assets::get(db, SMART_CAMPAIGN, id)?.ok_or_else(not_found)?;
            wire(db, &Tree::load(db)?, id, &doc)
        })())
    })?
}

fn checked_tokens(tokens: &[RunToken]) -> Result<serde_json::Value, ApiError> {
    let well_formed = |t: &RunToken| t.name.starts_with("{{my.") && t.name.ends_with("}}");
    if tokens.len() > MAX_TOKENS || !tokens.iter().all(well_formed) {
        return Err(invalid());
    }
    serde_json::to_value(tokens).map_err(|_| invalid())
}

/// Request Campaign: store a run of `input.leads` through trigger campaign `id`, due now; returns its id.
pub fn request(
    store: &Store,
    id: i64,
    input: &TriggerInput,
    now: DateTime<Utc>,
) -> Result<i64, ApiError> {
    let tokens = checked_tokens(&input.tokens)?;
    store.transaction(|db| {
        let doc: CampaignDoc = assets::get(db, SMART_CAMPAIGN, id)?.ok_or_else(not_found)?;
        if doc.kind != "trigger" {
            return Err(invalid());
        }
        if input.leads.is_empty() {
            return Err(ApiError::catalogued(701, &["leads"]));
        }
        if input.leads.len() > MAX_LEADS {
            return Err(invalid());
        }
        let at = format_time(now);
        stored::add_run(
            db,
            &Run {
                id: 0,
                campaign_id: id,
                requested: true,
                asked_at: at.clone(),
                run_at: at,
                leads: input.leads.iter().map(|l| l.id).collect(),
                tokens,
                clone_name: None,
            },
        )?;
        Ok(id)
    })
}

/// When a schedule runs: `runAt` (704 if it is no date, 1042 past two years ahead), never sooner than five
/// minutes after `now`.
pub fn run_time(run_at: Option<&str>, now: DateTime<Utc>) -> Result<DateTime<Utc>, ApiError> {
    let earliest = now + Duration::minutes(MIN_DELAY_MINUTES);
    let Some(text) = run_at else {
        return Ok(earliest);
    };
    let at = parse_datetime(text)?;
    let limit = now
        .checked_add_months(chrono::Months::new(24))
        .unwrap_or(now);
    if at > limit {
        return Err(ApiError::catalogued(1042, &[]));
    }
    Ok(at.max(earliest))
}

/// Schedule Campaign: store a run of batch campaign `id` (or of its clone in a new program); returns the id of
/// the campaign scheduled.
pub fn schedule(
    store: &Store,
    id: i64,
    input: &ScheduleInput,
    now: DateTime<Utc>,
) -> Result<i64, ApiError> {
    let tokens = checked_tokens(&input.tokens)?;
    let when = run_time(input.run_at.as_deref(), now)?;
    let doc: CampaignDoc = store
        .with(|db| assets::get(db, SMART_CAMPAIGN, id))?
        .ok_or_else(not_found)?;
    if doc.kind != "batch" {
        return Err(invalid());
    }
    let asked_at = format_time(now);
    let mut campaign = id;
    if let Some(name) = &input.clone_to_program_name {
        let since = format_time(day_start(quota_day(now)));
        if store.with(|db| stored::clones_since(db, &since))? >= MAX_CLONES_A_DAY {
            return Err(ApiError::catalogued(1020, &[]));
        }
        campaign = clone_program(store, &doc, id, name, now)?;
    }
    store.with(|db| {
        stored::add_run(
            db,
            &Run {
                id: 0,
                campaign_id: campaign,
                requested: false,
                asked_at,
                run_at: format_time(when),
                leads: Vec::new(),
                tokens,
                clone_name: input.clone_to_program_name.clone(),
            },
        )
    })?;
    Ok(campaign)
}

/// Clone the program of campaign `id` as `name` into the program's folder, and the campaign into the clone;
/// returns the cloned campaign's id.
fn clone_program(
    store: &Store,
    doc: &CampaignDoc,
    id: i64,
    name: &str,
    now: DateTime<Utc>,
) -> Result<i64, ApiError> {
    let (program, parent) = store.with(|db| {
        let tree = Tree::load(db)?;
        let p = match doc.folder.kind {
            FolderKind::Program => Some(doc.folder.id),
            FolderKind::Folder => None,
        };
        let parent = p.and_then(|p| tree.get(FolderId::program(p)).and_then(|n| n.parent));
        Ok((p, parent))
    })?;
    let (Some(program), Some(parent)) = (program, parent) else {
        return Err(invalid());
    };
    let made = assets_programs::clone(store, program, name, parent, None, now)?;
    let c = assets_campaigns::clone(store, id, &doc.name, FolderId::program(made.id), None, now)?;
    Ok(c.id)
}
