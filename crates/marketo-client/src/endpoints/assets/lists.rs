//! Static lists, smart campaigns, and the smart lists of campaigns and programs.

use super::{folder_param, write, Assets};
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult};
use marketo_types::asset::{FolderId, SmartCampaign, SmartList, StaticList};

impl Assets<'_> {
    /// Get Static Lists: every page.
    pub async fn static_lists(&self) -> Result<Vec<StaticList>, Error> {
        self.all(ApiRequest::get("/rest/asset/v1/staticLists.json"))
            .await
    }

    /// Create Static List in a folder or program.
    pub async fn create_static_list(
        &self,
        name: &str,
        folder: FolderId,
    ) -> Result<StaticList, Error> {
        let req = write("/rest/asset/v1/staticLists.json".into())
            .param("name", name)
            .param("folder", folder_param(folder));
        self.client.send(&FirstResult::new(req)).await
    }

    /// Get Smart Campaigns: every page.
    pub async fn smart_campaigns(&self) -> Result<Vec<SmartCampaign>, Error> {
        self.all(ApiRequest::get("/rest/asset/v1/smartCampaigns.json"))
            .await
    }

    /// Activate (`true`) or deactivate a trigger campaign (709 when it cannot be).
    pub async fn set_campaign_active(&self, id: i64, active: bool) -> Result<i64, Error> {
        let verb = if active { "activate" } else { "deactivate" };
        self.id(write(format!(
            "/rest/asset/v1/smartCampaign/{id}/{verb}.json"
        )))
        .await
    }

    /// Get Smart Campaign by Id; `None` when there is none.
    pub async fn smart_campaign(&self, id: i64) -> Result<Option<SmartCampaign>, Error> {
        self.first(ApiRequest::get(format!(
            "/rest/asset/v1/smartCampaign/{id}.json"
        )))
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
