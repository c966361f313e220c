//! The Asset API's conventions and rules, written once for every asset type: the envelope (`reply`), the
//! parameters from the query string or the body with JSON-in-form values (`params`, `lenient`), the folder
//! tree with its two roots and which folder holds what (`tree`), what a folder contains (`contents`), the
//! draft/approval cycle of approvable assets (`versions`), and the rules of folders, programs, tokens,
//! channels, tag types and snippets. The resources under
//! `crate::resources::assets` declare the routes and call these; storage is `crate::store::assets` (and the
//! Lead Database's list table for static lists).

pub mod campaigns;
pub mod catalog;
pub mod config;
pub mod contents;
pub mod docs;
pub mod folders;
pub mod lenient;
pub mod params;
pub mod programs;
pub mod reply;
pub mod seed;
pub mod segments;
pub mod smart_lists;
pub mod snippet_content;
pub mod snippets;
pub mod static_lists;
pub mod tokens;
pub mod tree;
pub mod versions;
