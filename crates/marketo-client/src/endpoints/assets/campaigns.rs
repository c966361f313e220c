//! Smart campaigns: get by id or name, browse, create, update, clone, delete, activate and deactivate.

use super::{write, Assets, BrowseFilter};
use crate::error::Error;
use crate::operations::ApiRequest;
use marketo_types::asset::{FolderId, SmartCampaign};

impl Assets<'_> {
    /// Get Smart Campaign by Id; `None` when there is none.
    pub async fn smart_campaign(&self, id: i64) -> Result<Option<SmartCampaign>, Error> {
        self.first(ApiRequest::get(format!(
            "/rest/asset/v1/smartCampaign/{id}.json"
        )))
        .await
    }

    /// Get Smart Campaign by Name; `None` when there is none.
    pub async fn smart_campaign_named(&self, name: &str) -> Result<Option<SmartCampaign>, Error> {
        let req = ApiRequest::get("/rest/asset/v1/smartCampaign/byName.json").param("name", name);
        self.first(req).await
    }

    /// Get Smart Campaigns: every page.
    pub async fn smart_campaigns(&self) -> Result<Vec<SmartCampaign>, Error> {
        self.smart_campaigns_where(&BrowseFilter::default(), false)
            .await
    }

    /// Get Smart Campaigns in a folder, updated within a range, and only the active trigger campaigns when
    /// `active_only`: every page.
    pub async fn smart_campaigns_where(
        &self,
        filter: &BrowseFilter,
        active_only: bool,
    ) -> Result<Vec<SmartCampaign>, Error> {
        let mut req = filter.apply(ApiRequest::get("/rest/asset/v1/smartCampaigns.json"));
        if active_only {
            req = req.param("isActive", "true");
        }
        self.all(req).await
    }

    /// Create Smart Campaign in a folder or program: a batch campaign with an empty smart list and flow (710,
    /// 711 for the folder; 709 for a used name).
    pub async fn create_smart_campaign(
        &self,
        name: &str,
        folder: FolderId,
        description: Option<&str>,
    ) -> Result<SmartCampaign, Error> {
        self.make_in(
            "/rest/asset/v1/smartCampaigns.json".into(),
            name,
            folder,
            description,
        )
        .await
    }

    /// Update Smart Campaign: a new name, description, or both; the campaign as it now is.
    pub async fn update_smart_campaign(
        &self,
        id: i64,
        name: Option<&str>,
        description: Option<&str>,
    ) -> Result<SmartCampaign, Error> {
        self.rename(
            format!("/rest/asset/v1/smartCampaign/{id}.json"),
            name,
            description,
        )
        .await
    }

    /// Clone Smart Campaign into `folder` as `name`, with its smart list and flow.
    pub async fn clone_smart_campaign(
        &self,
        id: i64,
        name: &str,
        folder: FolderId,
        description: Option<&str>,
    ) -> Result<SmartCampaign, Error> {
        self.make_in(
            format!("/rest/asset/v1/smartCampaign/{id}/clone.json"),
            name,
            folder,
            description,
        )
        .await
    }

    /// Delete Smart Campaign with its smart list (709 while an active trigger campaign).
    pub async fn delete_smart_campaign(&self, id: i64) -> Result<i64, Error> {
        self.id(write(format!(
            "/rest/asset/v1/smartCampaign/{id}/delete.json"
        )))
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
}
