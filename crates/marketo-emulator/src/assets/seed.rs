//! Seeding assets as a Marketo user creates them in the UI: folders, programs (with their My Tokens),
//! channels and tag types, smart lists, smart campaigns, segmentations and snippets. A seed goes through the same rules as the API (710, 711, 709), so a seed that
//! could not be made in Marketo fails. Folders are named by path (`/Marketing Activities/Default/Webinars`)
//! or by `{"id":..,"type":..}`.

use super::campaigns::{self, NewCampaign};
use super::programs::{self, NewProgram};
use super::snippet_content::{self, NewContent};
use super::tree::Tree;
use super::{catalog, folders, smart_lists, snippets, tokens};
use crate::store::Store;
use chrono::{DateTime, Utc};
use marketo_types::asset::{Channel, Cost, FolderId, Tag, TagType, Token};
use marketo_types::envelope::ApiError;
use serde::{Deserialize, Serialize};

/// The asset part of a seed document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct AssetSeed {
    /// Channels to add (or replace, by id).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// Tag types to add (or replace, by name); `allowableValues` is comma-separated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tag_types: Vec<TagType>,
    /// Folders, parents first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub folders: Vec<FolderSeed>,
    /// Programs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<ProgramSeed>,
    /// Smart lists (user-made, in a folder or program).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub smart_lists: Vec<SmartListSeed>,
    /// Smart campaigns, with the triggers and flow steps a user builds in the UI.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub smart_campaigns: Vec<CampaignSeed>,
    /// Segmentations and their segments.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segmentations: Vec<super::segments::SegmentationSeed>,
    /// Snippets, with their content, approved or left as drafts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub snippets: Vec<SnippetSeed>,
}

/// One snippet to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SnippetSeed {
    /// Its name.
    pub name: String,
    /// Its folder (Design Studio's Snippets folder or one under it) or program.
    pub folder: Place,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its HTML section.
    #[serde(default)]
    pub html: Option<String>,
    /// Its Text section.
    #[serde(default)]
    pub text: Option<String>,
    /// Approve it once its content is in (default: approved, as a snippet in use is).
    #[serde(default = "yes")]
    pub approved: bool,
}

fn yes() -> bool {
    true
}

/// One smart list to create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SmartListSeed {
    /// Its name.
    pub name: String,
    /// Its folder or program.
    pub folder: Place,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its rules as Get Smart List by Id answers them (empty rules when absent).
    #[serde(default)]
    pub rules: Option<serde_json::Value>,
}

/// One smart campaign to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CampaignSeed {
    /// Its name.
    pub name: String,
    /// Its folder or program.
    pub folder: Place,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Trigger names: a trigger campaign when any (`Campaign is Requested`, `Fills Out Form`...).
    #[serde(default)]
    pub triggers: Vec<String>,
    /// Flow step names (`Send Email`, `Change Data Value`...).
    #[serde(default)]
    pub flow: Vec<String>,
    /// Whether it can be requested through the API.
    #[serde(default)]
    pub is_requestable: bool,
}

impl AssetSeed {
    /// Whether it adds nothing.
    pub fn is_empty(&self) -> bool {
        self.channels.is_empty()
            && self.tag_types.is_empty()
            && self.folders.is_empty()
            && self.programs.is_empty()
            && self.smart_lists.is_empty()
            && self.smart_campaigns.is_empty()
            && self.segmentations.is_empty()
            && self.snippets.is_empty()
    }
}

/// Where a seeded asset goes: a path or a folder id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Place {
    /// `/Marketing Activities/Default/...`.
    Path(String),
    /// `{"id":15,"type":"Folder"}`.
    Id(FolderId),
}

/// One folder to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FolderSeed {
    /// Its name.
    pub name: String,
    /// Its parent.
    pub parent: Place,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its My Tokens.
    #[serde(default)]
    pub tokens: Vec<Token>,
}

/// One program to create.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProgramSeed {
    /// Its name.
    pub name: String,
    /// Its folder.
    pub folder: Place,
    /// Its type (default `Default`).
    #[serde(rename = "type", default = "default_type")]
    pub kind: String,
    /// Its channel.
    pub channel: String,
    /// Its description.
    #[serde(default)]
    pub description: Option<String>,
    /// Its tags.
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// Its costs.
    #[serde(default)]
    pub costs: Vec<Cost>,
    /// Its My Tokens.
    #[serde(default)]
    pub tokens: Vec<Token>,
    /// Asset kinds it contains that Clone Program refuses (`Push Notification`, `Report`, ...).
    #[serde(default)]
    pub contains: Vec<String>,
}

fn default_type() -> String {
    "Default".to_owned()
}

/// What an asset seed created.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetSeedReport {
    /// The ids of the seeded folders, in input order.
    pub folders: Vec<i64>,
    /// The ids of the seeded programs, in input order.
    pub programs: Vec<i64>,
    /// The ids of the seeded smart lists, in input order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub smart_lists: Vec<i64>,
    /// The ids of the seeded smart campaigns, in input order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub smart_campaigns: Vec<i64>,
    /// The ids of the seeded snippets, in input order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snippets: Vec<i64>,
}

fn resolve(store: &Store, place: &Place) -> Result<FolderId, ApiError> {
    match place {
        Place::Id(id) => Ok(*id),
        Place::Path(path) => {
            let tree = store.with(Tree::load)?;
            let want = path.trim_end_matches('/');
            let found = tree.nodes().find(|n| tree.path(n.id) == want).map(|n| n.id);
            found.ok_or_else(|| ApiError::catalogued(710, &[]))
        }
    }
}

/// Apply `seed`: channels and tag types, then folders, then programs, each with its tokens.
pub fn apply(
    store: &Store,
    seed: &AssetSeed,
    now: DateTime<Utc>,
) -> Result<AssetSeedReport, ApiError> {
    let mut report = AssetSeedReport::default();
    store.transaction(|db| {
        for c in &seed.channels {
            catalog::put_channel(db, c)?;
        }
        for t in &seed.tag_types {
            catalog::put_tag_type(db, t)?;
        }
        for s in &seed.segmentations {
            super::segments::seed(db, s, now)?;
        }
        Ok::<(), ApiError>(())
    })?;
    for f in &seed.folders {
        let parent = resolve(store, &f.parent)?;
        let made = folders::create(store, &f.name, parent, f.description.as_deref(), now)?;
        for t in &f.tokens {
            tokens::set(store, made.folder_id, t.clone())?;
        }
        report.folders.push(made.id);
    }
    for p in &seed.programs {
        let folder = resolve(store, &p.folder)?;
        let made = programs::create(
            store,
            NewProgram {
                name: p.name.clone(),
                folder,
                kind: p.kind.clone(),
                channel: p.channel.clone(),
                description: p.description.clone(),
                tags: p.tags.clone(),
                costs: p.costs.clone(),
                contains: p.contains.clone(),
            },
            now,
        )?;
        for t in &p.tokens {
            tokens::set(store, FolderId::program(made.id), t.clone())?;
        }
        report.programs.push(made.id);
    }
    for l in &seed.smart_lists {
        let folder = resolve(store, &l.folder)?;
        let id = smart_lists::create(
            store,
            &l.name,
            folder,
            l.description.as_deref(),
            l.rules.clone(),
            now,
        )?;
        report.smart_lists.push(id);
    }
    for c in &seed.smart_campaigns {
        let new = NewCampaign {
            name: c.name.clone(),
            folder: Some(resolve(store, &c.folder)?),
            description: c.description.clone(),
            triggers: c.triggers.clone(),
            flow: c.flow.clone(),
            is_requestable: c.is_requestable,
        };
        report
            .smart_campaigns
            .push(campaigns::create(store, new, now)?.id);
    }
    for n in &seed.snippets {
        let folder = resolve(store, &n.folder)?;
        let id = snippets::create(store, &n.name, folder, n.description.as_deref(), now)?.id;
        if let Some(html) = &n.html {
            snippet_content::set(store, id, NewContent::Html(html), now)?;
        }
        if let Some(text) = &n.text {
            snippet_content::set(store, id, NewContent::Text(text), now)?;
        }
        if n.approved {
            snippets::approve(store, id, now)?;
        }
        report.snippets.push(id);
    }
    Ok(report)
}
