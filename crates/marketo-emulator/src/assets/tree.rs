//! The folder tree: the built-in roots a new instance has (Marketing Activities and Design Studio, each with
//! its `Default` workspace, and Design Studio's system folders), the folders created since, and the programs
//! (a program is a folder too, of type `Program`). Which folder may hold what is decided here, once: 710 when
//! the parent does not exist, 711 when its type cannot hold the asset.

use super::docs::{FolderDoc, ProgramDoc, FOLDER, PROGRAM};
use crate::store::{assets, Db, StoreError};
use marketo_types::asset::{Folder, FolderId, FolderKind};
use marketo_types::envelope::ApiError;
use std::collections::BTreeMap;

/// The Marketing Activities root.
pub const MARKETING_ROOT: i64 = 14;
/// Marketing Activities' `Default` workspace.
pub const MARKETING_DEFAULT: i64 = 15;
/// The Design Studio root.
pub const DESIGN_ROOT: i64 = 16;
/// The time the built-in folders carry.
const BUILT_IN_AT: &str = "2010-03-27T18:27:45Z+0000";

/// The built-in folders: id, name, folder type, parent, description.
const BUILT_IN: &[(i64, &str, &str, Option<i64>, &str)] = &[
    (
        MARKETING_ROOT,
        "Marketing Activities",
        "Zone",
        None,
        "Root node for the Marketing Activities app area",
    ),
    (
        MARKETING_DEFAULT,
        "Default",
        "Zone",
        Some(MARKETING_ROOT),
        "Root node of the Marketing activities Default",
    ),
    (
        DESIGN_ROOT,
        "Design Studio",
        "Zone",
        None,
        "Root node for the Design Studio app area",
    ),
    (
        17,
        "Default",
        "Zone",
        Some(DESIGN_ROOT),
        "Root node of the Design Studio Default",
    ),
    (18, "Emails", "Email", Some(17), ""),
    (19, "Email Templates", "Email Template", Some(17), ""),
    (20, "Landing Pages", "Landing Page", Some(17), ""),
    (
        21,
        "Landing Page Templates",
        "Landing Page Template",
        Some(17),
        "",
    ),
    (22, "Snippets", "Snippet", Some(17), ""),
    (23, "Images and Files", "File", Some(17), ""),
];

/// What a folder is asked to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds<'a> {
    /// A subfolder.
    Folder,
    /// A program of this type.
    Program(&'a str),
    /// A Marketing Activities asset: smart campaign, smart list, static list, My Tokens.
    MarketingAsset,
    /// A Design Studio asset of this folder type (`Snippet`, `Email`...): in a Design Studio folder of that
    /// type, or in a program (or a folder in one) as a local asset.
    DesignAsset(&'a str),
}

/// One folder or program of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Its id and kind.
    pub id: FolderId,
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// Its parent (`None` for a root).
    pub parent: Option<FolderId>,
    /// `Zone`, `Marketing Folder`, `Program`, `Email`...
    pub folder_type: String,
    /// A program's type.
    pub program_type: Option<String>,
    /// Its workspace.
    pub workspace: String,
    /// Read-only system folder.
    pub is_system: bool,
    /// Archived.
    pub is_archive: bool,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

fn key(id: FolderId) -> (u8, i64) {
    (u8::from(id.kind == FolderKind::Program), id.id)
}

/// The whole tree, loaded for one call.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    nodes: BTreeMap<(u8, i64), Node>,
}

impl Tree {
    /// The built-in folders, the stored folders and the programs.
    pub fn load(db: &Db) -> Result<Tree, StoreError> {
        let mut nodes = BTreeMap::new();
        for &(id, name, ty, parent, description) in BUILT_IN {
            let node = Node {
                id: FolderId::folder(id),
                name: name.to_owned(),
                description: Some(description.to_owned()),
                parent: parent.map(FolderId::folder),
                folder_type: ty.to_owned(),
                program_type: None,
                workspace: "Default".to_owned(),
                is_system: true,
                is_archive: false,
                created_at: BUILT_IN_AT.to_owned(),
                updated_at: BUILT_IN_AT.to_owned(),
            };
            nodes.insert(key(node.id), node);
        }
        for (id, f) in assets::all::<FolderDoc>(db, FOLDER)? {
            let node = f.node(id);
            nodes.insert(key(node.id), node);
        }
        for (id, p) in assets::all::<ProgramDoc>(db, PROGRAM)? {
            let node = p.node(id);
            nodes.insert(key(node.id), node);
        }
        Ok(Tree { nodes })
    }

    /// Whether `id` is a built-in folder.
    pub fn is_built_in(id: FolderId) -> bool {
        id.kind == FolderKind::Folder && BUILT_IN.iter().any(|b| b.0 == id.id)
    }

    /// The folder or program `id`.
    pub fn get(&self, id: FolderId) -> Option<&Node> {
        self.nodes.get(&key(id))
    }

    /// Every node, folders first, each kind by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.nodes.values()
    }

    /// The direct children of `id`, folders first, by id.
    pub fn children(&self, id: FolderId) -> impl Iterator<Item = &Node> {
        self.nodes.values().filter(move |n| n.parent == Some(id))
    }

    /// `id` and its ancestors, nearest first.
    pub fn ancestry(&self, id: FolderId) -> Vec<&Node> {
        let mut out = Vec::new();
        let mut at = self.get(id);
        while let Some(n) = at {
            if out.len() > self.nodes.len() {
                break; // a cycle in stored data: stop rather than loop
            }
            out.push(n);
            at = n.parent.and_then(|p| self.get(p));
        }
        out
    }

    /// `/Marketing Activities/Default/...`.
    pub fn path(&self, id: FolderId) -> String {
        let names: Vec<&str> = self
            .ancestry(id)
            .iter()
            .rev()
            .map(|n| n.name.as_str())
            .collect();
        format!("/{}", names.join("/"))
    }

    /// Whether `id` is in Marketing Activities.
    pub fn in_marketing(&self, id: FolderId) -> bool {
        self.ancestry(id)
            .last()
            .is_some_and(|root| root.id == FolderId::folder(MARKETING_ROOT))
    }

    /// Whether `id` is a program or lies in one.
    pub fn in_program(&self, id: FolderId) -> bool {
        self.ancestry(id)
            .iter()
            .any(|n| n.id.kind == FolderKind::Program)
    }

    /// `id` and everything under it, pre-order, down to `max_depth` levels below it.
    pub fn subtree(&self, id: FolderId, max_depth: usize) -> Vec<&Node> {
        let mut out = Vec::new();
        if let Some(n) = self.get(id) {
            self.walk(n, 0, max_depth, &mut out);
        }
        out
    }

    fn walk<'a>(&'a self, n: &'a Node, depth: usize, max: usize, out: &mut Vec<&'a Node>) {
        if out.len() > self.nodes.len() {
            return;
        }
        out.push(n);
        if depth < max {
            for c in self.children(n.id) {
                self.walk(c, depth + 1, max, out);
            }
        }
    }

    /// The roots (no parent), by id.
    pub fn roots(&self) -> impl Iterator<Item = &Node> {
        self.nodes.values().filter(|n| n.parent.is_none())
    }

    /// The parent `parent` for a new asset: 710 when it does not exist, 711 when its type cannot hold `what`.
    pub fn parent_for(&self, parent: FolderId, what: Holds<'_>) -> Result<&Node, ApiError> {
        let node = self
            .get(parent)
            .ok_or_else(|| ApiError::catalogued(710, &[]))?;
        let marketing = self.in_marketing(parent);
        let top_root = node.parent.is_none();
        let fits = match what {
            Holds::Folder => !top_root && (marketing || node.folder_type != "Zone"),
            Holds::MarketingAsset => marketing && !top_root,
            Holds::DesignAsset(ty) => {
                self.in_program(parent) || (!marketing && !top_root && node.folder_type == ty)
            }
            Holds::Program(ty) => {
                marketing
                    && !top_root
                    && match node.program_type.as_deref() {
                        None => true,
                        Some("Engagement") => true,
                        Some("Email") => false,
                        Some(_) => ty == "Email",
                    }
            }
        };
        if fits {
            Ok(node)
        } else {
            Err(ApiError::catalogued(711, &[]))
        }
    }

    /// The folder type a new subfolder of `parent` gets.
    pub fn child_folder_type(&self, parent: &Node) -> String {
        if self.in_marketing(parent.id) {
            "Marketing Folder".to_owned()
        } else {
            parent.folder_type.clone()
        }
    }

    /// The node as the folder calls answer it.
    pub fn wire(&self, n: &Node) -> Folder {
        Folder {
            id: n.id.id,
            name: n.name.clone(),
            description: n.description.clone(),
            created_at: n.created_at.clone(),
            updated_at: n.updated_at.clone(),
            url: None,
            folder_id: n.id,
            folder_type: n.folder_type.clone(),
            parent: n.parent,
            path: self.path(n.id),
            is_archive: n.is_archive,
            is_system: n.is_system,
            access_zone_id: Some(1),
            workspace: n.workspace.clone(),
        }
    }
}
