//! Snippets (`/rest/asset/v1/snippet...`): create, get, browse, metadata, content and dynamic content,
//! approve/unapprove/discard draft, clone, delete.

use super::{read, write};
use crate::assets::params::{self, Paging};
use crate::assets::reply;
use crate::assets::snippet_content::{self, NewContent};
use crate::assets::snippets;
use crate::assets::versions::Status;
use crate::http::error::{Failure, Reply};
use crate::http::extract::wrong_type;
use crate::http::router::Route;
use crate::resources::Call;
use crate::state::AppState;

/// The Snippets operations.
pub const ROUTES: &[Route] = &[
    read(
        "/rest/asset/v1/snippet/{id}.json",
        "Get Snippet by Id",
        by_id,
    ),
    write(
        "/rest/asset/v1/snippet/{id}.json",
        "Update Snippet Metadata",
        update,
    ),
    read(
        "/rest/asset/v1/snippet/{id}/content.json",
        "Get Snippet Content",
        content,
    ),
    write(
        "/rest/asset/v1/snippet/{id}/content.json",
        "Update Snippet Content",
        set_content,
    ),
    read(
        "/rest/asset/v1/snippet/{id}/dynamicContent.json",
        "Get Dynamic Content",
        dynamic,
    ),
    write(
        "/rest/asset/v1/snippet/{id}/dynamicContent/{segmentId}.json",
        "Update Snippet Dynamic Content",
        set_dynamic,
    ),
    write(
        "/rest/asset/v1/snippet/{id}/approveDraft.json",
        "Approve Snippet Draft",
        approve,
    ),
    write(
        "/rest/asset/v1/snippet/{id}/unapprove.json",
        "Unapprove Snippet",
        unapprove,
    ),
    write(
        "/rest/asset/v1/snippet/{id}/discardDraft.json",
        "Discard Snippet Draft",
        discard,
    ),
    write(
        "/rest/asset/v1/snippet/{id}/clone.json",
        "Clone Snippet",
        clone,
    ),
    write(
        "/rest/asset/v1/snippet/{id}/delete.json",
        "Delete Snippet",
        delete,
    ),
    read("/rest/asset/v1/snippets.json", "Get Snippets", browse),
    write("/rest/asset/v1/snippets.json", "Create Snippet", create),
];

/// `GET /rest/asset/v1/snippet/{id}.json?status=`
fn by_id(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let status = Status::param(&call)?;
    let found = snippets::get(state.model.store(), call.path.int("id"), status)?;
    reply::by_id(state, &call, found, "Snippet")
}

/// `GET /rest/asset/v1/snippets.json?status=&offset=&maxReturn=`
fn browse(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let paging = Paging::of(&call)?;
    let status = Status::param(&call)?;
    let listing = state.config.assets.browse_versions;
    let found = snippets::browse(state.model.store(), status, listing)?;
    Ok(reply::found(&call, paging.page(found)))
}

/// `POST /rest/asset/v1/snippets.json` with `name`, `folder`, `description`.
fn create(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let (name, folder, description) = params::placed(&call)?;
    let made = snippets::create(state.model.store(), name, folder, description, call.now)?;
    Ok(reply::found(&call, vec![made]))
}

/// `POST /rest/asset/v1/snippet/{id}.json` with `name`, `description`.
fn update(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let done = snippets::update(
        state.model.store(),
        call.path.int("id"),
        params::new_name(&call),
        params::text(&call, "description"),
        call.now,
    )?;
    Ok(reply::found(&call, vec![done]))
}

/// `GET /rest/asset/v1/snippet/{id}/content.json?status=`
fn content(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let status = Status::param(&call)?;
    let found = snippet_content::get(state.model.store(), call.path.int("id"), status)?;
    match found {
        Some(sections) => Ok(reply::found(&call, sections)),
        None => reply::by_id(state, &call, None::<()>, "Snippet"),
    }
}

/// `POST /rest/asset/v1/snippet/{id}/content.json` with `type` (`HTML`, `Text`, `DynamicContent`) and
/// `content` (for `DynamicContent`, a segmentation id).
fn set_content(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let kind = params::required(&call, "type")?;
    let content =
        params::text(&call, "content").ok_or_else(|| Failure::code(1002, &["content"]))?;
    let new = match kind.trim() {
        t if t.eq_ignore_ascii_case("HTML") => NewContent::Html(content),
        t if t.eq_ignore_ascii_case("Text") => NewContent::Text(content),
        t if t.eq_ignore_ascii_case("DynamicContent") => NewContent::Dynamic(
            content
                .trim()
                .parse()
                .map_err(|_| wrong_type(content, "Integer"))?,
        ),
        other => return Err(wrong_type(other, "SnippetContentType")),
    };
    let id = snippet_content::set(state.model.store(), call.path.int("id"), new, call.now)?;
    Ok(reply::id_only(&call, id))
}

/// `GET /rest/asset/v1/snippet/{id}/dynamicContent.json?status=`
fn dynamic(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let status = Status::param(&call)?;
    let found = snippet_content::dynamic(state.model.store(), call.path.int("id"), status)?;
    reply::by_id(state, &call, found, "Snippet")
}

/// `POST /rest/asset/v1/snippet/{id}/dynamicContent/{segmentId}.json` with `type` (`HTML` or `Text`) and
/// `value`.
fn set_dynamic(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let kind = params::required(&call, "type")?;
    let html = match kind.trim() {
        t if t.eq_ignore_ascii_case("HTML") => true,
        t if t.eq_ignore_ascii_case("Text") => false,
        other => return Err(wrong_type(other, "DynamicContentType")),
    };
    let value = params::text(&call, "value").ok_or_else(|| Failure::code(1002, &["value"]))?;
    let id = snippet_content::set_dynamic(
        state.model.store(),
        call.path.int("id"),
        call.path.int("segmentId"),
        html,
        value,
        call.now,
    )?;
    Ok(reply::id_only(&call, id))
}

/// `POST /rest/asset/v1/snippet/{id}/approveDraft.json`
fn approve(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let done = snippets::approve(state.model.store(), call.path.int("id"), call.now)?;
    Ok(reply::found(&call, vec![done]))
}

/// `POST /rest/asset/v1/snippet/{id}/unapprove.json`
fn unapprove(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let done = snippets::unapprove(state.model.store(), call.path.int("id"), call.now)?;
    Ok(reply::found(&call, vec![done]))
}

/// `POST /rest/asset/v1/snippet/{id}/discardDraft.json`
fn discard(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = snippets::discard(state.model.store(), call.path.int("id"), call.now)?;
    Ok(reply::id_only(&call, id))
}

/// `POST /rest/asset/v1/snippet/{id}/clone.json` with `name`, `folder`, `description`.
fn clone(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let (name, folder, description) = params::placed(&call)?;
    let made = snippets::clone(
        state.model.store(),
        call.path.int("id"),
        name,
        folder,
        description,
        call.now,
    )?;
    Ok(reply::found(&call, vec![made]))
}

/// `POST /rest/asset/v1/snippet/{id}/delete.json`
fn delete(state: &AppState, call: Call) -> Result<Reply, Failure> {
    let id = snippets::delete(state.model.store(), call.path.int("id"))?;
    Ok(reply::id_only(&call, id))
}
