//! A custom object type, named at run time by its API name (`car_c`): `/rest/v1/customobjects/{name}.json`,
//! identified by a `marketoGUID`. Not in [`ALL`](super::ALL), which lists the fixed types.

use crate::operations::objects::{IdKind, ObjectKind};

/// The custom object type `name`.
///
/// ```
/// use marketo_client::operations::ObjectKind;
/// let cars = marketo_client::operations::objects::kinds::CustomObject::new("car_c");
/// assert_eq!(cars.base_path(), "/rest/v1/customobjects/car_c");
/// assert_eq!(cars.name(), "car_c");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomObject {
    name: String,
    segment: String,
}

impl CustomObject {
    /// The custom object type with this API name.
    pub fn new(name: &str) -> Self {
        CustomObject {
            name: name.to_owned(),
            segment: format!("customobjects/{name}"),
        }
    }
}

impl ObjectKind for CustomObject {
    fn segment(&self) -> &str {
        &self.segment
    }

    fn id_kind(&self) -> IdKind {
        IdKind::Guid
    }

    fn name(&self) -> &str {
        &self.name
    }
}
