//! The object type a command names: one of the client's fixed types (`companies`, `opportunities`,
//! `opportunity-roles`, `salespersons`, `namedaccounts`) or else a custom object's API name (`car_c`).

use marketo_client::operations::objects::kinds::{self, CustomObject};
use marketo_client::operations::{IdKind, ObjectKind};

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
}
