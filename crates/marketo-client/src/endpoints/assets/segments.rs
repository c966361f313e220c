//! Segmentations and their segments (what dynamic content varies by).

use super::{Assets, VersionStatus};
use crate::error::Error;
use crate::operations::{ApiRequest, Results};
use marketo_types::asset::{Segment, Segmentation};

impl Assets<'_> {
    /// Get Segmentations, of one status or all.
    pub async fn segmentations(
        &self,
        status: Option<VersionStatus>,
    ) -> Result<Vec<Segmentation>, Error> {
        let req = VersionStatus::param(ApiRequest::get("/rest/asset/v1/segmentation.json"), status);
        self.client.send(&Results::new(req)).await
    }

    /// Get Segments For Segmentation: every page; empty when the segmentation does not exist.
    pub async fn segments(
        &self,
        segmentation: i64,
        status: Option<VersionStatus>,
    ) -> Result<Vec<Segment>, Error> {
        let req = ApiRequest::get(format!(
            "/rest/asset/v1/segmentation/{segmentation}/segments.json"
        ));
        self.all(VersionStatus::param(req, status)).await
    }
}
