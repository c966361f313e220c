//! Channels (the member statuses a program walks through) and tag types.

use super::Assets;
use crate::error::Error;
use crate::operations::ApiRequest;
use marketo_types::asset::{Channel, TagType};

impl Assets<'_> {
    /// Get Channels: every channel with its progression statuses.
    pub async fn channels(&self) -> Result<Vec<Channel>, Error> {
        self.all(ApiRequest::get("/rest/asset/v1/channels.json"))
            .await
    }

    /// Get Channel by Name (`name`, as Adobe's documents write it); `None` when there is none.
    pub async fn channel_named(&self, name: &str) -> Result<Option<Channel>, Error> {
        self.first(ApiRequest::get("/rest/asset/v1/channel/byName.json").param("name", name))
            .await
    }

    /// Get Tag Types: every tag type, without its allowed values.
    pub async fn tag_types(&self) -> Result<Vec<TagType>, Error> {
        self.all(ApiRequest::get("/rest/asset/v1/tagTypes.json"))
            .await
    }

    /// Get Tag By Name: the tag type with its allowed values; `None` when there is none.
    pub async fn tag_type_named(&self, name: &str) -> Result<Option<TagType>, Error> {
        self.first(ApiRequest::get("/rest/asset/v1/tagType/byName.json").param("name", name))
            .await
    }
}
