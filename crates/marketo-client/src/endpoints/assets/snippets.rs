//! Snippets: metadata, content, dynamic content, and the draft/approval cycle (approve the draft, unapprove,
//! discard the draft). A new snippet is a draft; a change to an approved snippet's content makes a draft
//! beside it. Content travels in a form body, so it may pass the 8 KB URI limit.

use super::{folder_param, write, Assets, VersionStatus};
use crate::error::Error;
use crate::operations::{ApiRequest, FirstResult, Results};
use marketo_types::asset::{FolderId, Snippet, SnippetContent, SnippetDynamicContent};

/// What Update Snippet Content sets ([`Assets::set_snippet_content`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewSnippetContent<'a> {
    /// The HTML section (a dynamic snippet becomes static).
    Html(&'a str),
    /// The Text section.
    Text(&'a str),
    /// Make the snippet dynamic, by the segments of this segmentation.
    Dynamic(i64),
}

/// Which section of a segment's dynamic content ([`Assets::set_snippet_dynamic_content`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionType {
    /// The HTML.
    Html,
    /// The text.
    Text,
}

fn at(id: i64, rest: &str) -> String {
    format!("/rest/asset/v1/snippet/{id}{rest}.json")
}

impl Assets<'_> {
    /// Get Snippet by Id: the `status` version (without one, the approved version, else the draft); `None`
    /// when there is none.
    pub async fn snippet(
        &self,
        id: i64,
        status: Option<VersionStatus>,
    ) -> Result<Option<Snippet>, Error> {
        self.first(VersionStatus::param(ApiRequest::get(at(id, "")), status))
            .await
    }

    /// Get Snippets: every page, of one status or all.
    pub async fn snippets(&self, status: Option<VersionStatus>) -> Result<Vec<Snippet>, Error> {
        let req = ApiRequest::get("/rest/asset/v1/snippets.json");
        self.all(VersionStatus::param(req, status)).await
    }

    /// Create Snippet in a Design Studio Snippets folder or a program (710/711 otherwise): a draft.
    pub async fn create_snippet(
        &self,
        name: &str,
        folder: FolderId,
        description: Option<&str>,
    ) -> Result<Snippet, Error> {
        let mut req = write("/rest/asset/v1/snippets.json".into())
            .param("name", name)
            .param("folder", folder_param(folder));
        if let Some(d) = description {
            req = req.param("description", d);
        }
        self.client.send(&FirstResult::new(req)).await
    }

    /// Update Snippet Metadata: a new name, description, or both.
    pub async fn update_snippet(
        &self,
        id: i64,
        name: Option<&str>,
        description: Option<&str>,
    ) -> Result<Snippet, Error> {
        let mut req = write(at(id, ""));
        if let Some(n) = name {
            req = req.param("name", n);
        }
        if let Some(d) = description {
            req = req.param("description", d);
        }
        self.client.send(&FirstResult::new(req)).await
    }

    /// Get Snippet Content: its sections (`HTML` or `DynamicContent`, and `Text`) of the `status` version.
    pub async fn snippet_content(
        &self,
        id: i64,
        status: Option<VersionStatus>,
    ) -> Result<Vec<SnippetContent>, Error> {
        let req = VersionStatus::param(ApiRequest::get(at(id, "/content")), status);
        self.client.send(&Results::new(req)).await
    }

    /// Update Snippet Content (the draft); the snippet's id.
    pub async fn set_snippet_content(
        &self,
        id: i64,
        content: NewSnippetContent<'_>,
    ) -> Result<i64, Error> {
        let (kind, value) = match content {
            NewSnippetContent::Html(c) => ("HTML", c.to_owned()),
            NewSnippetContent::Text(c) => ("Text", c.to_owned()),
            NewSnippetContent::Dynamic(seg) => ("DynamicContent", seg.to_string()),
        };
        let req = write(at(id, "/content"))
            .param("type", kind)
            .param("content", value)
            .form_body();
        self.id(req).await
    }

    /// Get Dynamic Content of the `status` version; `None` when there is none (709 when it is not dynamic).
    pub async fn snippet_dynamic_content(
        &self,
        id: i64,
        status: Option<VersionStatus>,
    ) -> Result<Option<SnippetDynamicContent>, Error> {
        self.first(VersionStatus::param(
            ApiRequest::get(at(id, "/dynamicContent")),
            status,
        ))
        .await
    }

    /// Update Snippet Dynamic Content: what segment `segment` sees; the snippet's id.
    pub async fn set_snippet_dynamic_content(
        &self,
        id: i64,
        segment: i64,
        section: SectionType,
        value: &str,
    ) -> Result<i64, Error> {
        let kind = match section {
            SectionType::Html => "HTML",
            SectionType::Text => "Text",
        };
        let req = write(at(id, &format!("/dynamicContent/{segment}")))
            .param("type", kind)
            .param("value", value)
            .form_body();
        self.id(req).await
    }

    /// Approve Snippet Draft (709 when there is no draft): the approved snippet.
    pub async fn approve_snippet(&self, id: i64) -> Result<Snippet, Error> {
        self.client
            .send(&FirstResult::new(write(at(id, "/approveDraft"))))
            .await
    }

    /// Unapprove Snippet (709 when it is not approved): its approved version becomes the draft.
    pub async fn unapprove_snippet(&self, id: i64) -> Result<Snippet, Error> {
        self.client
            .send(&FirstResult::new(write(at(id, "/unapprove"))))
            .await
    }

    /// Discard Snippet Draft (709 unless a draft sits beside an approved version).
    pub async fn discard_snippet_draft(&self, id: i64) -> Result<i64, Error> {
        self.id(write(at(id, "/discardDraft"))).await
    }

    /// Clone Snippet into `folder` as `name`: a draft with the source's approved version (else its draft).
    pub async fn clone_snippet(
        &self,
        id: i64,
        name: &str,
        folder: FolderId,
        description: Option<&str>,
    ) -> Result<Snippet, Error> {
        let mut req = write(at(id, "/clone"))
            .param("name", name)
            .param("folder", folder_param(folder));
        if let Some(d) = description {
            req = req.param("description", d);
        }
        self.client.send(&FirstResult::new(req)).await
    }

    /// Delete Snippet (709 while it is approved: unapprove it first).
    pub async fn delete_snippet(&self, id: i64) -> Result<i64, Error> {
        self.id(write(at(id, "/delete"))).await
    }
}
