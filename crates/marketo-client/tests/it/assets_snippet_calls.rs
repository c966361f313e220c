//! The Asset API's Snippets, one named test per operation, against the emulator (the grouped cycle tests are
//! in `assets_snippets`).

use crate::support::*;
use marketo_client::endpoints::assets::{
    NewSnippetContent, SectionType, VersionStatus, MARKETING_DEFAULT,
};
use marketo_client::{Client, ErrorKind};
use marketo_types::asset::{FolderId, FolderKind, Snippet};
use serde_json::json;

/// Design Studio's Snippets folder.
const SNIPPETS: FolderId = FolderId {
    id: 22,
    kind: FolderKind::Folder,
};

async fn approved(c: &Client, name: &str, html: &str) -> Snippet {
    let a = c.assets();
    let s = a.create_snippet(name, SNIPPETS, None).await.unwrap();
    a.set_snippet_content(s.id, NewSnippetContent::Html(html))
        .await
        .unwrap();
    a.approve_snippet(s.id).await.unwrap()
}

fn code(e: marketo_client::Error) -> (ErrorKind, Option<u16>) {
    (e.kind(), e.code())
}

#[tokio::test(start_paused = true)]
async fn get_snippet_by_id_answers_the_asked_version_and_none_when_missing() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = approved(&c, "Footer", "<p>v1</p>").await;
    a.set_snippet_content(s.id, NewSnippetContent::Html("<p>v2</p>"))
        .await
        .unwrap();
    let live = a.snippet(s.id, None).await.unwrap().expect("found");
    assert_eq!(
        (live.name.as_str(), live.status.as_str()),
        ("Footer", "approved")
    );
    let draft = a.snippet(s.id, Some(VersionStatus::Draft)).await.unwrap();
    assert_eq!(draft.expect("a draft").status, "draft");
    assert!(a.snippet(4242, None).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_snippets_browses_all_or_those_of_one_status() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    approved(&c, "Live", "<p>x</p>").await;
    a.create_snippet("Draft", SNIPPETS, None).await.unwrap();
    let names = |ss: Vec<Snippet>| -> Vec<String> { ss.into_iter().map(|s| s.name).collect() };
    assert_eq!(names(a.snippets(None).await.unwrap()), ["Live", "Draft"]);
    assert_eq!(
        names(a.snippets(Some(VersionStatus::Approved)).await.unwrap()),
        ["Live"]
    );
    assert_eq!(
        names(a.snippets(Some(VersionStatus::Draft)).await.unwrap()),
        ["Draft"]
    );
}

#[tokio::test(start_paused = true)]
async fn create_snippet_makes_a_draft_in_the_snippets_folder_and_711_elsewhere() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = a
        .create_snippet("Footer", SNIPPETS, Some("legal"))
        .await
        .unwrap();
    assert_eq!(
        (s.status.as_str(), s.description.as_deref(), s.folder.value),
        ("draft", Some("legal"), 22)
    );
    let e = a
        .create_snippet("Lost", MARKETING_DEFAULT, None)
        .await
        .unwrap_err();
    assert_eq!(code(e), (ErrorKind::Request, Some(711)));
}

#[tokio::test(start_paused = true)]
async fn update_snippet_metadata_renames_and_describes_it_and_702_when_missing() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = a.create_snippet("Footer", SNIPPETS, None).await.unwrap();
    let done = a
        .update_snippet(s.id, Some("Footer 2"), Some("legal text"))
        .await
        .unwrap();
    assert_eq!(
        (done.name.as_str(), done.description.as_deref()),
        ("Footer 2", Some("legal text"))
    );
    let e = a.update_snippet(4242, Some("X"), None).await.unwrap_err();
    assert_eq!(code(e), (ErrorKind::Request, Some(702)));
}

#[tokio::test(start_paused = true)]
async fn get_snippet_content_answers_the_sections_of_the_asked_version() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = approved(&c, "Footer", "<p>v1</p>").await;
    a.set_snippet_content(s.id, NewSnippetContent::Html("<p>v2</p>"))
        .await
        .unwrap();
    let html = |sections: Vec<marketo_types::asset::SnippetContent>| {
        sections
            .into_iter()
            .find(|s| s.kind == "HTML")
            .and_then(|s| s.content)
    };
    let live = a
        .snippet_content(s.id, Some(VersionStatus::Approved))
        .await
        .unwrap();
    assert_eq!(html(live).as_deref(), Some("<p>v1</p>"));
    let draft = a
        .snippet_content(s.id, Some(VersionStatus::Draft))
        .await
        .unwrap();
    assert_eq!(html(draft).as_deref(), Some("<p>v2</p>"));
}

#[tokio::test(start_paused = true)]
async fn update_snippet_content_sets_html_and_text_in_the_draft() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = a.create_snippet("Footer", SNIPPETS, None).await.unwrap();
    assert_eq!(
        a.set_snippet_content(s.id, NewSnippetContent::Html("<b>Hi</b>"))
            .await
            .unwrap(),
        s.id
    );
    a.set_snippet_content(s.id, NewSnippetContent::Text("Hi"))
        .await
        .unwrap();
    let sections: Vec<(String, Option<String>)> = a
        .snippet_content(s.id, None)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.kind, s.content))
        .collect();
    assert_eq!(
        sections,
        [
            ("HTML".to_owned(), Some("<b>Hi</b>".to_owned())),
            ("Text".to_owned(), Some("Hi".to_owned()))
        ]
    );
}

/// A snippet made dynamic by the seeded segmentation `Region` (EMEA, APAC), and the id of EMEA.
async fn dynamic(c: &Client, emu: &marketo_emulator::Emulator) -> (i64, i64, i64) {
    emu.seed(json!({"segmentations": [{"name": "Region", "segments": ["EMEA", "APAC"]}]}))
        .expect("seed");
    let a = c.assets();
    let region = a.segmentations(None).await.unwrap()[0].id;
    let emea = a.segments(region, None).await.unwrap()[0].id;
    let s = a.create_snippet("Banner", SNIPPETS, None).await.unwrap();
    a.set_snippet_content(s.id, NewSnippetContent::Dynamic(region))
        .await
        .unwrap();
    (s.id, region, emea)
}

#[tokio::test(start_paused = true)]
async fn get_dynamic_content_answers_every_segments_sections_and_709_for_a_static_snippet() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let (id, region, _) = dynamic(&c, &emu).await;
    let d = a
        .snippet_dynamic_content(id, None)
        .await
        .unwrap()
        .expect("dynamic content");
    assert_eq!(d.segmentation, region);
    let segments: Vec<&str> = d.content.iter().map(|s| s.segment_name.as_str()).collect();
    assert!(
        segments.contains(&"EMEA") && segments.contains(&"APAC"),
        "{segments:?}"
    );
    let plain = a.create_snippet("Plain", SNIPPETS, None).await.unwrap();
    a.set_snippet_content(plain.id, NewSnippetContent::Html("<p/>"))
        .await
        .unwrap();
    let e = a.snippet_dynamic_content(plain.id, None).await.unwrap_err();
    assert_eq!(code(e), (ErrorKind::Request, Some(709)));
}

#[tokio::test(start_paused = true)]
async fn update_snippet_dynamic_content_sets_what_one_segment_sees() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let (id, _, emea) = dynamic(&c, &emu).await;
    assert_eq!(
        a.set_snippet_dynamic_content(id, emea, SectionType::Html, "<p>Hallo</p>")
            .await
            .unwrap(),
        id
    );
    a.set_snippet_dynamic_content(id, emea, SectionType::Text, "Hallo")
        .await
        .unwrap();
    let d = a.snippet_dynamic_content(id, None).await.unwrap().unwrap();
    let for_emea: Vec<(String, Option<String>)> = d
        .content
        .into_iter()
        .filter(|s| s.segment_id == emea)
        .map(|s| (s.kind, s.content))
        .collect();
    assert_eq!(
        for_emea,
        [
            ("HTML".to_owned(), Some("<p>Hallo</p>".to_owned())),
            ("Text".to_owned(), Some("Hallo".to_owned()))
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn approve_snippet_draft_makes_the_draft_live_and_709_without_a_draft() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = approved(&c, "Footer", "<p>v1</p>").await;
    assert_eq!(s.status, "approved");
    let e = a.approve_snippet(s.id).await.unwrap_err();
    assert_eq!(code(e), (ErrorKind::Request, Some(709)));
    a.set_snippet_content(s.id, NewSnippetContent::Html("<p>v2</p>"))
        .await
        .unwrap();
    a.approve_snippet(s.id).await.unwrap();
    let live = a
        .snippet_content(s.id, Some(VersionStatus::Approved))
        .await
        .unwrap();
    assert_eq!(live[0].content.as_deref(), Some("<p>v2</p>"));
    assert!(a
        .snippet(s.id, Some(VersionStatus::Draft))
        .await
        .unwrap()
        .is_none());
}

#[tokio::test(start_paused = true)]
async fn unapprove_snippet_turns_it_back_into_a_draft_and_709_for_a_draft() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = approved(&c, "Footer", "<p>v1</p>").await;
    let back = a.unapprove_snippet(s.id).await.unwrap();
    assert_eq!(back.status, "draft");
    assert!(a
        .snippet(s.id, Some(VersionStatus::Approved))
        .await
        .unwrap()
        .is_none());
    let e = a.unapprove_snippet(s.id).await.unwrap_err();
    assert_eq!(code(e), (ErrorKind::Request, Some(709)));
}

#[tokio::test(start_paused = true)]
async fn discard_snippet_draft_keeps_the_approved_version_and_709_without_one() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = approved(&c, "Footer", "<p>v1</p>").await;
    a.set_snippet_content(s.id, NewSnippetContent::Html("<p>v2</p>"))
        .await
        .unwrap();
    assert_eq!(a.discard_snippet_draft(s.id).await.unwrap(), s.id);
    let content = a.snippet_content(s.id, None).await.unwrap();
    assert_eq!(content[0].content.as_deref(), Some("<p>v1</p>"));
    let e = a.discard_snippet_draft(s.id).await.unwrap_err();
    assert_eq!(code(e), (ErrorKind::Request, Some(709)));
}

#[tokio::test(start_paused = true)]
async fn clone_snippet_makes_a_draft_copy_of_the_approved_version() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = approved(&c, "Footer", "<p>v1</p>").await;
    a.set_snippet_content(s.id, NewSnippetContent::Html("<p>v2</p>"))
        .await
        .unwrap();
    let copy = a
        .clone_snippet(s.id, "Footer copy", SNIPPETS, Some("copied"))
        .await
        .unwrap();
    assert_ne!(copy.id, s.id);
    assert_eq!(
        (
            copy.name.as_str(),
            copy.status.as_str(),
            copy.description.as_deref()
        ),
        ("Footer copy", "draft", Some("copied"))
    );
    let content = a.snippet_content(copy.id, None).await.unwrap();
    assert_eq!(content[0].content.as_deref(), Some("<p>v1</p>"));
    let e = a
        .clone_snippet(s.id, "Lost", FolderId::folder(9999), None)
        .await
        .unwrap_err();
    assert_eq!(code(e), (ErrorKind::Request, Some(710)));
}

#[tokio::test(start_paused = true)]
async fn delete_snippet_removes_a_draft_and_709_while_approved() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = approved(&c, "Footer", "<p>v1</p>").await;
    let e = a.delete_snippet(s.id).await.unwrap_err();
    assert_eq!(code(e), (ErrorKind::Request, Some(709)));
    a.unapprove_snippet(s.id).await.unwrap();
    assert_eq!(a.delete_snippet(s.id).await.unwrap(), s.id);
    assert!(a.snippet(s.id, None).await.unwrap().is_none());
    let e = a.delete_snippet(s.id).await.unwrap_err();
    assert_eq!(code(e), (ErrorKind::Request, Some(702)));
}
