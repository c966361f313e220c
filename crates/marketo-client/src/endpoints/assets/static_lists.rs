//! Static lists in the Asset API: the Lead Database's lists with their folders (members go through
//! [`Client::lists`](crate::Client::lists)).

use super::{write, Assets, BrowseFilter};
use crate::error::Error;
use crate::operations::ApiRequest;
use marketo_types::asset::{FolderId, StaticList};

impl Assets<'_> {
    /// Get Static List by Id; `None` when there is none.
    pub async fn static_list(&self, id: i64) -> Result<Option<StaticList>, Error> {
        self.first(ApiRequest::get(format!(
            "/rest/asset/v1/staticList/{id}.json"
        )))
        .await
    }

    /// Get Static List by Name; `None` when there is none.
    pub async fn static_list_named(&self, name: &str) -> Result<Option<StaticList>, Error> {
        self.first(ApiRequest::get("/rest/asset/v1/staticList/byName.json").param("name", name))
            .await
    }

    /// Get Static Lists: every page.
    pub async fn static_lists(&self) -> Result<Vec<StaticList>, Error> {
        self.static_lists_where(&BrowseFilter::default()).await
    }

    /// Get Static Lists the filter keeps (a folder, an update range): every page.
    pub async fn static_lists_where(
        &self,
        filter: &BrowseFilter,
    ) -> Result<Vec<StaticList>, Error> {
        self.all(filter.apply(ApiRequest::get("/rest/asset/v1/staticLists.json")))
            .await
    }

    /// Create Static List in a folder or program.
    pub async fn create_static_list(
        &self,
        name: &str,
        folder: FolderId,
    ) -> Result<StaticList, Error> {
        self.create_static_list_described(name, folder, None).await
    }

    /// Create Static List in a folder or program, with a description (709 for a name used in that folder).
    pub async fn create_static_list_described(
        &self,
        name: &str,
        folder: FolderId,
        description: Option<&str>,
    ) -> Result<StaticList, Error> {
        self.make_in(
            "/rest/asset/v1/staticLists.json".into(),
            name,
            folder,
            description,
        )
        .await
    }

    /// Update Static List Metadata: a new name, description, or both; the list as it now is.
    pub async fn update_static_list(
        &self,
        id: i64,
        name: Option<&str>,
        description: Option<&str>,
    ) -> Result<StaticList, Error> {
        self.rename(
            format!("/rest/asset/v1/staticList/{id}.json"),
            name,
            description,
        )
        .await
    }

    /// Delete Static List (its memberships go with it; the leads stay).
    pub async fn delete_static_list(&self, id: i64) -> Result<i64, Error> {
        self.id(write(format!("/rest/asset/v1/staticList/{id}/delete.json")))
            .await
    }
}
