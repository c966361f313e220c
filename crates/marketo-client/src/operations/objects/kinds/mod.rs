//! The registry of object types: each type is one file in this folder (its [`ObjectKind`]) and one line in
//! the list below, which declares its module, exports it (here, in [`types`], and so at the crate's root) and
//! adds it to [`ALL`].

use super::ObjectKind;

/// Declares each `module::Type` of the list: `mod module;`, its type in [`types`], and [`ALL`].
macro_rules! object_kinds {
    ($($module:ident :: $kind:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every object type, by its type name (re-exported by `operations` and the crate's root).
        pub mod types {
            $(pub use super::$module::$kind;)*
        }
        pub use types::*;

        /// Every object type the client knows, for front ends that pick one by name (`mkto companies get`).
        pub static ALL: &[&dyn ObjectKind] = &[$(&$kind),*];
    };
}

object_kinds! {
    companies::Companies,
    opportunities::Opportunities,
    opportunity_roles::OpportunityRoles,
    sales_persons::SalesPersons,
    named_accounts::NamedAccounts,
    named_account_lists::NamedAccountLists,
}

mod custom_object;
pub use custom_object::CustomObject;

/// The registered type named `name` (`companies`), if any.
///
/// ```
/// use marketo_client::operations::objects::kinds;
/// use marketo_client::operations::ObjectKind;
/// assert_eq!(kinds::find("companies").map(|k| k.base_path()).as_deref(), Some("/rest/v1/companies"));
/// assert!(kinds::find("cars").is_none());
/// ```
pub fn find(name: &str) -> Option<&'static dyn ObjectKind> {
    ALL.iter().copied().find(|k| k.name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut names: Vec<&str> = ALL.iter().map(|k| k.name()).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
    }
}
