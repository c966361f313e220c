//! Smart campaigns: get, browse, create, update, clone, delete, activate and deactivate. A campaign made
//! through the API is a batch campaign with an empty smart list and no flow, as in Marketo; trigger campaigns
//! with triggers and flow steps come from seeds (a Marketo user builds them in the UI).

use super::docs::{CampaignDoc, SMART_CAMPAIGN};
use super::smart_lists;
use super::tree::{Holds, Tree};
use crate::store::{assets, Db, Store};
use chrono::{DateTime, Utc};
use marketo_types::asset::{format_time, FolderId, SmartCampaign};
use marketo_types::envelope::ApiError;

/// The first campaign id.
const FIRST_ID: i64 = 1001;

fn rule() -> ApiError {
    ApiError::catalogued(709, &[])
}

fn not_found() -> ApiError {
    ApiError::of_meaning(702, "object-not-found", &["Smart campaign"])
}

/// Campaign `id` as the API answers it.
pub fn wire(id: i64, c: &CampaignDoc) -> SmartCampaign {
    SmartCampaign {
        id,
        name: c.name.clone(),
        description: c.description.clone(),
        created_at: c.created_at.clone(),
        updated_at: c.updated_at.clone(),
        status: c.status.clone(),
        kind: c.kind.clone(),
        is_system: false,
        is_active: c.is_active,
        is_requestable: c.is_requestable,
        is_communication_limit_enabled: false,
        qualification_rule_type: Some("once".to_owned()),
        workspace: c.workspace.clone(),
        folder: Some(c.folder),
        smart_list_id: c.smart_list_id,
        flow_id: id,
        computed_url: None,
    }
}

/// Every campaign passing `keep`.
pub fn find(
    store: &Store,
    keep: impl Fn(&CampaignDoc) -> bool,
) -> Result<Vec<SmartCampaign>, ApiError> {
    let all: Vec<(i64, CampaignDoc)> = store.with(|db| assets::all(db, SMART_CAMPAIGN))?;
    Ok(all
        .iter()
        .filter(|(_, c)| keep(c))
        .map(|(id, c)| wire(*id, c))
        .collect())
}

/// Campaign `id`, if it exists.
pub fn get(store: &Store, id: i64) -> Result<Option<SmartCampaign>, ApiError> {
    let doc: Option<CampaignDoc> = store.with(|db| assets::get(db, SMART_CAMPAIGN, id))?;
    Ok(doc.map(|c| wire(id, &c)))
}

/// Campaign `id`, stored.
pub fn stored(db: &Db, id: i64) -> Result<CampaignDoc, ApiError> {
    assets::get(db, SMART_CAMPAIGN, id)?.ok_or_else(not_found)
}

/// A new campaign (Create Smart Campaign, or a seed with its triggers and flow).
#[derive(Debug, Clone, Default)]
pub struct NewCampaign {
    /// Its name.
    pub name: String,
    /// Its folder or program.
    pub folder: Option<FolderId>,
    /// Its description.
    pub description: Option<String>,
    /// Trigger names (a trigger campaign when any).
    pub triggers: Vec<String>,
    /// Flow step names.
    pub flow: Vec<String>,
    /// Whether it has a `Campaign is Requested` trigger.
    pub is_requestable: bool,
}

fn insert(
    db: &Db,
    new: NewCampaign,
    folder: FolderId,
    now: DateTime<Utc>,
) -> Result<SmartCampaign, ApiError> {
    let tree = Tree::load(db)?;
    let parent = tree.parent_for(folder, Holds::MarketingAsset)?;
    let all: Vec<(i64, CampaignDoc)> = assets::all(db, SMART_CAMPAIGN)?;
    if all
        .iter()
        .any(|(_, c)| c.folder == folder && c.name.eq_ignore_ascii_case(&new.name))
    {
        return Err(rule());
    }
    let id = assets::next_id(db, SMART_CAMPAIGN, FIRST_ID)?;
    let mut list = smart_lists::owned(&new.name, &parent.workspace, now);
    list.campaign = Some(id);
    let smart_list_id = smart_lists::insert(db, &list)?;
    let stamp = format_time(now);
    let doc = CampaignDoc {
        kind: if new.triggers.is_empty() {
            "batch"
        } else {
            "trigger"
        }
        .to_owned(),
        name: new.name,
        description: new.description,
        folder,
        triggers: new.triggers,
        flow: new.flow,
        is_active: false,
        is_requestable: new.is_requestable,
        status: "Never Run".to_owned(),
        smart_list_id,
        workspace: parent.workspace.clone(),
        created_at: stamp.clone(),
        updated_at: stamp,
    };
    assets::put(db, SMART_CAMPAIGN, id, &doc)?;
    Ok(wire(id, &doc))
}

/// Create a campaign: 710/711 for its folder, 709 when a campaign of that name is in the folder already
/// [INF: Marketo wants campaign names unique within a program].
pub fn create(
    store: &Store,
    new: NewCampaign,
    now: DateTime<Utc>,
) -> Result<SmartCampaign, ApiError> {
    let folder = new
        .folder
        .ok_or_else(|| ApiError::catalogued(1002, &["folder"]))?;
    store.transaction(|db| insert(db, new, folder, now))
}

/// Rename or describe campaign `id`: 702 when it does not exist.
pub fn update(
    store: &Store,
    id: i64,
    name: Option<&str>,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SmartCampaign, ApiError> {
    store.transaction(|db| {
        let mut c = stored(db, id)?;
        if let Some(n) = name {
            c.name = n.to_owned();
        }
        if let Some(d) = description {
            c.description = Some(d.to_owned());
        }
        c.updated_at = format_time(now);
        assets::put(db, SMART_CAMPAIGN, id, &c)?;
        Ok(wire(id, &c))
    })
}

/// Clone campaign `id` into `folder` as `name` (inactive, with a copy of its smart list's rules).
pub fn clone(
    store: &Store,
    id: i64,
    name: &str,
    folder: FolderId,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<SmartCampaign, ApiError> {
    store.transaction(|db| {
        let src = stored(db, id)?;
        let new = NewCampaign {
            name: name.to_owned(),
            folder: Some(folder),
            description: description.map(str::to_owned).or(src.description),
            triggers: src.triggers,
            flow: src.flow,
            is_requestable: src.is_requestable,
        };
        insert(db, new, folder, now)
    })
}

/// Delete campaign `id` with its smart list: 702 when it does not exist, 709 while it is active [INF].
pub fn delete(store: &Store, id: i64) -> Result<i64, ApiError> {
    store.transaction(|db| {
        let c = stored(db, id)?;
        if c.is_active {
            return Err(rule());
        }
        assets::delete(db, SMART_CAMPAIGN, id)?;
        smart_lists::drop_orphans(db)?;
        Ok(id)
    })
}

/// Activate (`true`) or deactivate campaign `id`: 702 when it does not exist; activation is 709 unless the
/// campaign is inactive and has at least one trigger and one flow step; deactivation is 709 unless it is
/// active.
pub fn activate(store: &Store, id: i64, on: bool, now: DateTime<Utc>) -> Result<i64, ApiError> {
    store.transaction(|db| {
        let mut c = stored(db, id)?;
        let allowed = if on {
            !c.is_active && !c.triggers.is_empty() && !c.flow.is_empty()
        } else {
            c.is_active
        };
        if !allowed {
            return Err(rule());
        }
        c.is_active = on;
        c.status = if on { "Active" } else { "Inactive" }.to_owned();
        c.updated_at = format_time(now);
        assets::put(db, SMART_CAMPAIGN, id, &c)?;
        Ok(id)
    })
}
