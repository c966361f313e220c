//! My Tokens of folders and programs: a folder's tokens are its own and those it inherits from the folders
//! and programs above it (a token defined lower down overrides one of the same name above).

use super::docs::{TokensDoc, FOLDER_TOKENS, PROGRAM_TOKENS};
use super::tree::{Holds, Tree};
use crate::store::{assets, Db, Store, StoreError};
use marketo_types::asset::{FolderId, FolderKind, FolderRef, Token, TokenSet};
use marketo_types::envelope::ApiError;

/// The token types the API creates.
pub const TYPES: &[&str] = &[
    "date",
    "number",
    "rich text",
    "score",
    "sfdc campaign",
    "text",
];

/// The longest token name.
pub const MAX_NAME: usize = 50;

fn kind_of(id: FolderId) -> &'static str {
    match id.kind {
        FolderKind::Folder => FOLDER_TOKENS,
        FolderKind::Program => PROGRAM_TOKENS,
    }
}

fn own(db: &Db, id: FolderId) -> Result<TokensDoc, StoreError> {
    Ok(assets::get(db, kind_of(id), id.id)?.unwrap_or_default())
}

/// Forget the tokens of a deleted folder or program.
pub fn forget(db: &Db, id: FolderId) -> Result<(), StoreError> {
    assets::delete(db, kind_of(id), id.id).map(|_| ())
}

/// Copy the own tokens of `from` to `to` (a cloned program).
pub fn copy(db: &Db, from: FolderId, to: FolderId) -> Result<(), StoreError> {
    let doc = own(db, from)?;
    if !doc.tokens.is_empty() {
        assets::put(db, kind_of(to), to.id, &doc)?;
    }
    Ok(())
}

fn set_of(id: FolderId, tokens: Vec<Token>) -> TokenSet {
    TokenSet {
        folder: FolderRef {
            kind: id.kind,
            value: id.id,
            folder_name: None,
        },
        tokens,
    }
}

/// The tokens of `id`, own and inherited; `None` when it does not exist.
pub fn get(store: &Store, id: FolderId) -> Result<Option<TokenSet>, ApiError> {
    store
        .with(|db| {
            let tree = Tree::load(db)?;
            if tree.get(id).is_none() {
                return Ok(None);
            }
            let mut tokens: Vec<Token> = Vec::new();
            for node in tree.ancestry(id) {
                for t in own(db, node.id)?.tokens {
                    if !tokens.iter().any(|s| s.name == t.name) {
                        tokens.push(t);
                    }
                }
            }
            Ok(Some(set_of(id, tokens)))
        })
        .map_err(ApiError::from)
}

/// Check a token: its name (at most 50 characters), its type, and its value for the type. Any failure is
/// 709 [INF: the documents state the rules, not the code].
fn check(token: &Token) -> Result<(), ApiError> {
    let bad = || ApiError::catalogued(709, &[]);
    if token.name.chars().count() > MAX_NAME || !TYPES.contains(&token.kind.as_str()) {
        return Err(bad());
    }
    let v = token.value.trim();
    let ok = match token.kind.as_str() {
        "date" => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok(),
        "number" => v.parse::<f64>().is_ok_and(f64::is_finite),
        "score" => v.parse::<i32>().is_ok(),
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(bad())
    }
}

/// Create token `token` on `id`, or replace the one of the same name: 710 when `id` does not exist, 711
/// when it is a Design Studio folder, 709 for a bad name, type or value.
pub fn set(store: &Store, id: FolderId, token: Token) -> Result<TokenSet, ApiError> {
    check(&token)?;
    store.transaction(|db| {
        let tree = Tree::load(db)?;
        tree.parent_for(id, Holds::MarketingAsset)?;
        let mut doc = own(db, id)?;
        match doc.tokens.iter_mut().find(|t| t.name == token.name) {
            Some(t) => *t = token.clone(),
            None => doc.tokens.push(token.clone()),
        }
        assets::put(db, kind_of(id), id.id, &doc)?;
        Ok(set_of(id, vec![token]))
    })
}

/// Delete token `name` of type `kind` that `id` defines itself: 702 when `id` or the token does not exist.
pub fn delete(store: &Store, id: FolderId, name: &str, kind: &str) -> Result<i64, ApiError> {
    store.transaction(|db| {
        let tree = Tree::load(db)?;
        if tree.get(id).is_none() {
            return Err(ApiError::of_meaning(
                702,
                "object-not-found",
                &[id.kind.as_str()],
            ));
        }
        let mut doc = own(db, id)?;
        let before = doc.tokens.len();
        doc.tokens.retain(|t| !(t.name == name && t.kind == kind));
        if doc.tokens.len() == before {
            return Err(ApiError::of_meaning(702, "object-not-found", &["Token"]));
        }
        assets::put(db, kind_of(id), id.id, &doc)?;
        Ok(id.id)
    })
}
