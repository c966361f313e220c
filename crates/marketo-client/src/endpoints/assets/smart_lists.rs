//! Smart lists: user-made ones (get by id or name, browse, clone, delete), and the smart lists of smart
//! campaigns and Email programs.

use super::{write, Assets, BrowseFilter};
use crate::error::Error;
use crate::operations::ApiRequest;
use marketo_types::asset::{FolderId, SmartList};

impl Assets<'_> {
    /// Get Smart List by Id, with its rules when `include_rules`; `None` when there is none.
    pub async fn smart_list(
        &self,
        id: i64,
        include_rules: bool,
    ) -> Result<Option<SmartList>, Error> {
        let req = ApiRequest::get(format!("/rest/asset/v1/smartList/{id}.json"))
            .param("includeRules", include_rules.to_string());
        self.first(req).await
    }

    /// Get Smart List by Name (a user-made smart list); `None` when there is none.
    pub async fn smart_list_named(&self, name: &str) -> Result<Option<SmartList>, Error> {
        self.first(ApiRequest::get("/rest/asset/v1/smartList/byName.json").param("name", name))
            .await
    }

    /// Get Smart Lists: the user-made smart lists the filter keeps, every page.
    pub async fn smart_lists(&self, filter: &BrowseFilter) -> Result<Vec<SmartList>, Error> {
        self.all(filter.apply(ApiRequest::get("/rest/asset/v1/smartLists.json")))
            .await
    }

    /// Clone Smart List into `folder` as `name`, with its rules (710, 711 for the folder; 709 for a used
    /// name).
    pub async fn clone_smart_list(
        &self,
        id: i64,
        name: &str,
        folder: FolderId,
        description: Option<&str>,
    ) -> Result<SmartList, Error> {
        self.make_in(
            format!("/rest/asset/v1/smartList/{id}/clone.json"),
            name,
            folder,
            description,
        )
        .await
    }

    /// Delete Smart List (709 for a smart campaign's own smart list).
    pub async fn delete_smart_list(&self, id: i64) -> Result<i64, Error> {
        self.id(write(format!("/rest/asset/v1/smartList/{id}/delete.json")))
            .await
    }

    /// Get Smart List by Smart Campaign Id, with its rules when `include_rules`; `None` when there is none.
    pub async fn campaign_smart_list(
        &self,
        campaign: i64,
        include_rules: bool,
    ) -> Result<Option<SmartList>, Error> {
        let req = ApiRequest::get(format!(
            "/rest/asset/v1/smartCampaign/{campaign}/smartList.json"
        ))
        .param("includeRules", include_rules.to_string());
        self.first(req).await
    }

    /// Get Smart List by Program Id (an Email program's audience), with its rules when `include_rules`;
    /// `None` when there is none.
    pub async fn program_smart_list(
        &self,
        program: i64,
        include_rules: bool,
    ) -> Result<Option<SmartList>, Error> {
        let req = ApiRequest::get(format!("/rest/asset/v1/program/{program}/smartList.json"))
            .param("includeRules", include_rules.to_string());
        self.first(req).await
    }
}
