//! The program operations' rules: get, browse, by name and tag, create, update, approve/unapprove (Email
//! programs), clone and delete. Programs are folders of the tree too.

use super::catalog;
use super::docs::{ProgramDoc, PROGRAM};
use super::tree::{Holds, Tree};
use crate::store::{assets, Db, Store};
use chrono::{DateTime, Utc};
use marketo_types::asset::{
    format_time, parse_time, Cost, FolderId, FolderKind, FolderRef, Program, Tag,
};
use marketo_types::envelope::ApiError;

/// The program types.
pub const TYPES: &[&str] = &[
    "Default",
    "Event",
    "Event with Webinar",
    "Engagement",
    "Email",
];

/// The kinds of assets whose presence makes Clone Program refuse (709), as the documents list them.
pub const UNCLONABLE: &[&str] = &[
    "In-App",
    "Push Notification",
    "In-App Message",
    "Report",
    "Social",
];

fn rule() -> ApiError {
    ApiError::catalogued(709, &[])
}

fn not_found() -> ApiError {
    ApiError::of_meaning(702, "object-not-found", &["Program"])
}

/// What a program answer includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail {
    /// `tags`.
    pub tags: bool,
    /// `costs`.
    pub costs: bool,
}

impl Detail {
    /// Tags and costs (by id, create, update, clone).
    pub const FULL: Detail = Detail {
        tags: true,
        costs: true,
    };
    /// Neither (browse).
    pub const BRIEF: Detail = Detail {
        tags: false,
        costs: false,
    };
}

/// Program `id` as the API answers it.
pub fn wire(tree: &Tree, id: i64, p: &ProgramDoc, detail: Detail) -> Program {
    let folder_name = tree.get(p.parent).map(|n| n.name.clone());
    Program {
        id,
        name: p.name.clone(),
        description: p.description.clone(),
        created_at: p.created_at.clone(),
        updated_at: p.updated_at.clone(),
        url: None,
        kind: p.kind.clone(),
        channel: p.channel.clone(),
        folder: FolderRef {
            kind: p.parent.kind,
            value: p.parent.id,
            folder_name,
        },
        status: p.status.clone(),
        workspace: p.workspace.clone(),
        tags: detail.tags.then(|| p.tags.clone()),
        costs: detail.costs.then(|| p.costs.clone()),
        head_start: false,
        start_date: p.start_date.clone(),
        end_date: p.end_date.clone(),
    }
}

fn load_all(db: &Db) -> Result<(Tree, Vec<(i64, ProgramDoc)>), crate::store::StoreError> {
    Ok((Tree::load(db)?, assets::all(db, PROGRAM)?))
}

/// Every program passing `keep`, as the API answers it.
pub fn find(
    store: &Store,
    detail: Detail,
    keep: impl Fn(&ProgramDoc) -> bool,
) -> Result<Vec<Program>, ApiError> {
    let (tree, all) = store.with(load_all)?;
    Ok(all
        .iter()
        .filter(|(_, p)| keep(p))
        .map(|(id, p)| wire(&tree, *id, p, detail))
        .collect())
}

/// Program `id`.
pub fn get(store: &Store, id: i64) -> Result<Option<Program>, ApiError> {
    store
        .with(|db| {
            let tree = Tree::load(db)?;
            Ok(assets::get::<ProgramDoc>(db, PROGRAM, id)?
                .map(|p| wire(&tree, id, &p, Detail::FULL)))
        })
        .map_err(ApiError::from)
}

/// Whether `p` was created or updated between `earliest` and `latest`.
pub fn updated_between(
    p: &ProgramDoc,
    earliest: Option<DateTime<Utc>>,
    latest: Option<DateTime<Utc>>,
) -> bool {
    let at = parse_time(&p.updated_at);
    earliest.is_none_or(|e| at.is_some_and(|a| a >= e))
        && latest.is_none_or(|l| at.is_some_and(|a| a <= l))
}

/// A new program (Create Program).
#[derive(Debug, Clone)]
pub struct NewProgram {
    /// Its name.
    pub name: String,
    /// Where it goes.
    pub folder: FolderId,
    /// Its type.
    pub kind: String,
    /// Its channel.
    pub channel: String,
    /// Its description.
    pub description: Option<String>,
    /// Its tags.
    pub tags: Vec<Tag>,
    /// Its costs.
    pub costs: Vec<Cost>,
    /// Seeds only: asset kinds it contains that cloning refuses.
    pub contains: Vec<String>,
}

fn name_taken(all: &[(i64, ProgramDoc)], name: &str, except: Option<i64>) -> bool {
    all.iter()
        .any(|(id, p)| Some(*id) != except && p.name.eq_ignore_ascii_case(name))
}

/// Check tags against the tag types: an unknown type, a value the type does not allow, or a type that does
/// not apply to the program type is 709; so is a required tag type left out (on create).
fn check_tags(db: &Db, kind: &str, tags: &[Tag], creating: bool) -> Result<(), ApiError> {
    let types = catalog::tag_types(db)?;
    for tag in tags {
        let t = types
            .iter()
            .find(|t| t.tag_type == tag.tag_type)
            .ok_or_else(rule)?;
        let allowed = catalog::allowed_values(t);
        if !catalog::applies_to(t, kind)
            || (!allowed.is_empty() && !allowed.contains(&tag.tag_value.as_str()))
        {
            return Err(rule());
        }
    }
    if creating {
        let missing = types.iter().any(|t| {
            t.required
                && catalog::applies_to(t, kind)
                && !tags.iter().any(|g| g.tag_type == t.tag_type)
        });
        if missing {
            return Err(rule());
        }
    }
    Ok(())
}

/// Create a program: 710/711 for its folder, 709 for a name already used (program names are unique),
/// an unknown type, a channel that does not exist or does not fit the type, or tags that break the tag
/// types' rules.
pub fn create(store: &Store, new: NewProgram, now: DateTime<Utc>) -> Result<Program, ApiError> {
    store.transaction(|db| {
        let (tree, all) = load_all(db)?;
        if !TYPES.contains(&new.kind.as_str()) {
            return Err(rule());
        }
        let parent = tree.parent_for(new.folder, Holds::Program(&new.kind))?;
        if name_taken(&all, &new.name, None) {
            return Err(rule());
        }
        let fits = catalog::channels(db)?.iter().any(|c| {
            c.name == new.channel
                && catalog::applicable_type(&new.kind) == Some(c.applicable_program_type.as_str())
        });
        if !fits {
            return Err(rule());
        }
        check_tags(db, &new.kind, &new.tags, true)?;
        let stamp = format_time(now);
        let doc = ProgramDoc {
            status: match new.kind.as_str() {
                "Engagement" => "off",
                "Email" => "unlocked",
                _ => "",
            }
            .to_owned(),
            name: new.name,
            description: new.description,
            kind: new.kind,
            channel: new.channel,
            parent: new.folder,
            workspace: parent.workspace.clone(),
            tags: new.tags,
            costs: new.costs,
            start_date: None,
            end_date: None,
            contains: new.contains,
            created_at: stamp.clone(),
            updated_at: stamp,
        };
        let id = assets::next_id(db, PROGRAM, 1001)?;
        assets::put(db, PROGRAM, id, &doc)?;
        if doc.kind == "Email" {
            // An Email program has its audience smart list.
            let mut list = super::smart_lists::owned(&doc.name, &doc.workspace, now);
            list.program = Some(id);
            super::smart_lists::insert(db, &list)?;
        }
        Ok(wire(&Tree::load(db)?, id, &doc, Detail::FULL))
    })
}

/// Update Program Metadata.
#[derive(Debug, Clone, Default)]
pub struct ProgramChanges {
    /// New name.
    pub name: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// Tags to set (a tag of the same type is replaced).
    pub tags: Vec<Tag>,
    /// Costs to add (or to replace them all with, when `destructive`).
    pub costs: Vec<Cost>,
    /// `costsDestructiveUpdate`.
    pub destructive: bool,
    /// An Email program's start.
    pub start_date: Option<String>,
    /// An Email program's end.
    pub end_date: Option<String>,
}

fn stored(db: &Db, id: i64) -> Result<ProgramDoc, ApiError> {
    assets::get(db, PROGRAM, id)?.ok_or_else(not_found)
}

/// Update program `id`: 702 when it does not exist; 709 for a name another program has, tags that break
/// the rules, or dates on a program that is not an Email program (or that do not parse).
pub fn update(
    store: &Store,
    id: i64,
    ch: ProgramChanges,
    now: DateTime<Utc>,
) -> Result<Program, ApiError> {
    store.transaction(|db| {
        let mut p = stored(db, id)?;
        if let Some(name) = ch.name {
            let all: Vec<(i64, ProgramDoc)> = assets::all(db, PROGRAM)?;
            if name_taken(&all, &name, Some(id)) {
                return Err(rule());
            }
            p.name = name;
        }
        if let Some(d) = ch.description {
            p.description = Some(d);
        }
        check_tags(db, &p.kind, &ch.tags, false)?;
        for tag in ch.tags {
            p.tags.retain(|t| t.tag_type != tag.tag_type);
            p.tags.push(tag);
        }
        if ch.destructive {
            p.costs = ch.costs;
        } else {
            p.costs.extend(ch.costs);
        }
        for (date, slot) in [
            (ch.start_date, &mut p.start_date),
            (ch.end_date, &mut p.end_date),
        ] {
            if let Some(d) = date {
                if p.kind != "Email" || parse_time(&d).is_none() {
                    return Err(rule());
                }
                *slot = Some(d);
            }
        }
        p.updated_at = format_time(now);
        assets::put(db, PROGRAM, id, &p)?;
        Ok(wire(&Tree::load(db)?, id, &p, Detail::FULL))
    })
}

/// Approve (`true`) or unapprove an Email program: 702 when it does not exist; 709 for another program
/// type, an approval without both dates set, approving an approved program or unapproving one that is not.
pub fn approve(store: &Store, id: i64, on: bool, now: DateTime<Utc>) -> Result<i64, ApiError> {
    store.transaction(|db| {
        let mut p = stored(db, id)?;
        let approved = p.status == "locked";
        if p.kind != "Email"
            || approved == on
            || (on && (p.start_date.is_none() || p.end_date.is_none()))
        {
            return Err(rule());
        }
        p.status = if on { "locked" } else { "unlocked" }.to_owned();
        p.updated_at = format_time(now);
        assets::put(db, PROGRAM, id, &p)?;
        Ok(id)
    })
}

/// Clone program `id` into `folder` as `name`: 702 when it does not exist; 710/711 for the folder (which
/// must be a Folder, in the source's workspace, else 711); 709 for a name in use or a program holding
/// asset kinds cloning refuses. Its tokens are cloned with it.
pub fn clone(
    store: &Store,
    id: i64,
    name: &str,
    folder: FolderId,
    description: Option<String>,
    now: DateTime<Utc>,
) -> Result<Program, ApiError> {
    store.transaction(|db| {
        let src = stored(db, id)?;
        let (tree, all) = load_all(db)?;
        let parent = tree.parent_for(folder, Holds::Program(&src.kind))?;
        if folder.kind != FolderKind::Folder || parent.workspace != src.workspace {
            return Err(ApiError::catalogued(711, &[]));
        }
        if name_taken(&all, name, None)
            || src
                .contains
                .iter()
                .any(|c| UNCLONABLE.iter().any(|u| u.eq_ignore_ascii_case(c)))
        {
            return Err(rule());
        }
        let stamp = format_time(now);
        let mut doc = src.clone();
        doc.name = name.to_owned();
        doc.description = description.or(src.description);
        doc.parent = folder;
        doc.created_at = stamp.clone();
        doc.updated_at = stamp;
        let new_id = assets::next_id(db, PROGRAM, 1001)?;
        assets::put(db, PROGRAM, new_id, &doc)?;
        super::tokens::copy(db, FolderId::program(id), FolderId::program(new_id))?;
        Ok(wire(&Tree::load(db)?, new_id, &doc, Detail::FULL))
    })
}

/// Delete program `id` with everything in it (folders, programs, tokens, assets): 702 when it does not
/// exist.
pub fn delete(store: &Store, id: i64) -> Result<i64, ApiError> {
    store.transaction(|db| {
        stored(db, id)?;
        let tree = Tree::load(db)?;
        for node in tree.subtree(FolderId::program(id), usize::MAX) {
            super::contents::drop_held(db, node.id)?;
            super::tokens::forget(db, node.id)?;
            let kind = match node.id.kind {
                FolderKind::Folder => super::docs::FOLDER,
                FolderKind::Program => PROGRAM,
            };
            assets::delete(db, kind, node.id.id)?;
        }
        super::smart_lists::drop_orphans(db)?;
        Ok(id)
    })
}
