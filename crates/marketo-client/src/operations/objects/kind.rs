//! What the client needs to know of a Lead Database object type: the segment of its REST paths and the field
//! that holds a record's id. Everything else (its fields, dedupe fields, searchable fields) comes from
//! Describe at run time.

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
