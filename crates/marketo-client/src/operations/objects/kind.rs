//! What the client needs to know of a Lead Database object type: the segment of its REST paths and the field
//! that holds a record's id. Everything else (its fields, dedupe fields, searchable fields) comes from
//! Describe at run time.

use crate::endpoints::SyncAction;

/// The actions of a sync every type but named account lists takes.
pub const ALL_ACTIONS: &[SyncAction] = &[
    SyncAction::CreateOnly,
    SyncAction::UpdateOnly,
    SyncAction::CreateOrUpdate,
];

/// A Lead Database object type (companies, opportunities, sales persons, custom objects, ...), as the
/// client addresses it. A type is one small value; [`kinds`](super::kinds) lists the known ones.
///
/// ```
/// use marketo_client::operations::{Companies, IdKind, ObjectKind};
/// assert_eq!(Companies.segment(), "companies");
/// assert_eq!(Companies.base_path(), "/rest/v1/companies");
/// assert_eq!(Companies.id_kind().field(), "id");
/// ```
pub trait ObjectKind: Send + Sync + 'static {
    /// The segment of its paths: `companies` for `/rest/v1/companies.json`.
    fn segment(&self) -> &str;

    /// How its records are identified: by an integer `id` or a `marketoGUID`.
    fn id_kind(&self) -> IdKind;

    /// The name front ends and messages use (`mkto companies get`); the segment unless a type says otherwise.
    fn name(&self) -> &str {
        self.segment()
    }

    /// The path its operations hang off, without `.json`: `/rest/v1/companies`.
    fn base_path(&self) -> String {
        format!("/rest/v1/{}", self.segment())
    }

    /// The `action`s its sync takes: all three unless a type says otherwise (named account lists take
    /// `createOnly` and `updateOnly` only). [`Objects::sync`](super::Objects::sync) refuses any other before a
    /// call.
    fn sync_actions(&self) -> &'static [SyncAction] {
        ALL_ACTIONS
    }

    /// Whether it has a Describe operation (`{type}/describe.json`); named account lists have none.
    fn has_describe(&self) -> bool {
        true
    }

    /// Whether it has the field schema reads (`{type}/schema/fields.json` and
    /// `{type}/schema/fields/{name}.json`): companies, opportunities and named accounts do.
    fn has_field_schema(&self) -> bool {
        false
    }
}

impl<K: ObjectKind + ?Sized> ObjectKind for &'static K {
    fn segment(&self) -> &str {
        (**self).segment()
    }

    fn id_kind(&self) -> IdKind {
        (**self).id_kind()
    }

    fn name(&self) -> &str {
        (**self).name()
    }

    fn base_path(&self) -> String {
        (**self).base_path()
    }

    fn sync_actions(&self) -> &'static [SyncAction] {
        (**self).sync_actions()
    }

    fn has_describe(&self) -> bool {
        (**self).has_describe()
    }

    fn has_field_schema(&self) -> bool {
        (**self).has_field_schema()
    }
}

/// How the records of a type are identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdKind {
    /// An integer in `id` (companies, sales persons).
    Integer,
    /// A string in `marketoGUID` (opportunities, opportunity roles, named accounts, custom objects).
    Guid,
}

impl IdKind {
    /// The id field's name: `id` or `marketoGUID`.
    ///
    /// ```
    /// use marketo_client::operations::IdKind;
    /// assert_eq!(IdKind::Guid.field(), "marketoGUID");
    /// ```
    pub fn field(self) -> &'static str {
        match self {
            IdKind::Integer => "id",
            IdKind::Guid => "marketoGUID",
        }
    }
}
