//! The object type a command names: one of the client's fixed types (`companies`, `opportunities`,
//! `opportunity-roles`, `salespersons`, `namedaccounts`) or else a custom object's API name (`car_c`).

use marketo_client::operations::objects::kinds::{self, CustomObject};
use marketo_client::operations::{IdKind, ObjectKind};
use marketo_client::SyncAction;

/// A fixed type or a custom object.
#[derive(Clone)]
pub enum AnyKind {
    /// A type the client knows by name.
    Fixed(&'static dyn ObjectKind),
    /// A custom object type.
    Custom(CustomObject),
}

impl std::fmt::Debug for AnyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl AnyKind {
    /// The type named `name`.
    pub fn named(name: &str) -> AnyKind {
        match kinds::find(name) {
            Some(k) => AnyKind::Fixed(k),
            None => AnyKind::Custom(CustomObject::new(name)),
        }
    }
}

impl ObjectKind for AnyKind {
    fn segment(&self) -> &str {
        match self {
            AnyKind::Fixed(k) => k.segment(),
            AnyKind::Custom(c) => c.segment(),
        }
    }

    fn id_kind(&self) -> IdKind {
        match self {
            AnyKind::Fixed(k) => k.id_kind(),
            AnyKind::Custom(c) => c.id_kind(),
        }
    }

    fn name(&self) -> &str {
        match self {
            AnyKind::Fixed(k) => k.name(),
            AnyKind::Custom(c) => c.name(),
        }
    }

    fn base_path(&self) -> String {
        match self {
            AnyKind::Fixed(k) => k.base_path(),
            AnyKind::Custom(c) => c.base_path(),
        }
    }

    fn sync_actions(&self) -> &'static [SyncAction] {
        match self {
            AnyKind::Fixed(k) => k.sync_actions(),
            AnyKind::Custom(c) => c.sync_actions(),
        }
    }

    fn has_describe(&self) -> bool {
        match self {
            AnyKind::Fixed(k) => k.has_describe(),
            AnyKind::Custom(c) => c.has_describe(),
        }
    }

    fn has_field_schema(&self) -> bool {
        match self {
            AnyKind::Fixed(k) => k.has_field_schema(),
            AnyKind::Custom(c) => c.has_field_schema(),
        }
    }
}
