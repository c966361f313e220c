//! Companies: `/rest/v1/companies.json`, identified by an integer `id`, deduplicated by
//! `externalCompanyId`.

use crate::operations::objects::{IdKind, ObjectKind};

/// The company object type.
///
/// ```no_run
/// # async fn run(client: marketo_client::Client) -> Result<(), marketo_client::Error> {
/// use marketo_client::Companies;
/// let description = client.objects(Companies).describe().await?;
/// assert_eq!(description.id_field, "id");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Companies;

impl ObjectKind for Companies {
    fn segment(&self) -> &str {
        "companies"
    }

    fn has_field_schema(&self) -> bool {
        true
    }

    fn id_kind(&self) -> IdKind {
        IdKind::Integer
    }
}
