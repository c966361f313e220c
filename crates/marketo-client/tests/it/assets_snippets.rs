//! The Asset API's snippets (the draft/approval cycle, content, dynamic content), segmentations and the smart
//! lists of campaigns and programs against the emulator; 709 on the cycle is a request error.

use crate::support::*;
use marketo_client::endpoints::assets::{
    NewProgram, NewSnippetContent, SectionType, VersionStatus, MARKETING_DEFAULT,
};
use marketo_client::ErrorKind;
use marketo_types::asset::{FolderId, FolderKind};
use serde_json::json;

/// Design Studio's Snippets folder.
const SNIPPETS: FolderId = FolderId {
    id: 22,
    kind: FolderKind::Folder,
};

#[tokio::test(start_paused = true)]
async fn snippets_create_approve_edit_discard_unapprove_delete() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = a
        .create_snippet("Footer", SNIPPETS, Some("legal"))
        .await
        .unwrap();
    assert_eq!(s.status, "draft");
    assert_eq!(s.folder.folder_name.as_deref(), Some("Snippets"));
    a.set_snippet_content(s.id, NewSnippetContent::Html("<p>v1</p>"))
        .await
        .unwrap();
    assert_eq!(a.approve_snippet(s.id).await.unwrap().status, "approved");
    a.set_snippet_content(s.id, NewSnippetContent::Html("<p>v2</p>"))
        .await
        .unwrap();
    let live = a
        .snippet_content(s.id, Some(VersionStatus::Approved))
        .await
        .unwrap();
    assert_eq!(live[0].content.as_deref(), Some("<p>v1</p>"));
    let draft = a.snippet(s.id, Some(VersionStatus::Draft)).await.unwrap();
    assert_eq!(draft.expect("a draft").status, "draft");
    assert_eq!(a.snippets(None).await.unwrap().len(), 1);
    assert_eq!(a.discard_snippet_draft(s.id).await.unwrap(), s.id);
    assert!(a
        .snippet(s.id, Some(VersionStatus::Draft))
        .await
        .unwrap()
        .is_none());
    let renamed = a
        .update_snippet(s.id, Some("Footer 2"), None)
        .await
        .unwrap();
    assert_eq!(renamed.name, "Footer 2");
    assert_eq!(a.unapprove_snippet(s.id).await.unwrap().status, "draft");
    assert_eq!(a.delete_snippet(s.id).await.unwrap(), s.id);
    assert!(a.snippet(s.id, None).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn code_709_on_the_approval_cycle_is_a_request_error() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = a.create_snippet("Footer", SNIPPETS, None).await.unwrap();
    for e in [
        a.unapprove_snippet(s.id).await.unwrap_err(),
        a.discard_snippet_draft(s.id).await.unwrap_err(),
    ] {
        assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    }
    a.approve_snippet(s.id).await.unwrap();
    let e = a.approve_snippet(s.id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    let e = a.delete_snippet(s.id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    let e = a
        .create_snippet("X", MARKETING_DEFAULT, None)
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some(711));
}

#[tokio::test(start_paused = true)]
async fn snippet_content_past_the_uri_limit_travels_in_the_body() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let s = a.create_snippet("Big", SNIPPETS, None).await.unwrap();
    let html = format!("<p>{}</p>", "x".repeat(20_000));
    a.set_snippet_content(s.id, NewSnippetContent::Html(&html))
        .await
        .unwrap();
    a.set_snippet_content(s.id, NewSnippetContent::Text("plain"))
        .await
        .unwrap();
    let sections = a.snippet_content(s.id, None).await.unwrap();
    assert_eq!(sections[0].content.as_deref(), Some(html.as_str()));
    assert_eq!(
        (sections[1].kind.as_str(), sections[1].content.as_deref()),
        ("Text", Some("plain"))
    );
}

#[tokio::test(start_paused = true)]
async fn segmentations_segments_and_dynamic_snippet_content() {
    let emu = emulator(|b| b).await;
    emu.seed(json!({"segmentations": [
        {"name": "Region", "segments": ["EMEA", "APAC"]},
        {"name": "Draft", "status": "draft", "segments": ["Only"]}
    ]}))
    .expect("seed");
    let c = client(&emu);
    let a = c.assets();
    assert_eq!(a.segmentations(None).await.unwrap().len(), 2);
    let approved = a
        .segmentations(Some(VersionStatus::Approved))
        .await
        .unwrap();
    assert_eq!(approved.len(), 1);
    let region = approved[0].id;
    let segments = a.segments(region, None).await.unwrap();
    let names: Vec<&str> = segments.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["EMEA", "APAC", "Default"]);
    assert!(a.segments(4242, None).await.unwrap().is_empty());

    let s = a.create_snippet("Banner", SNIPPETS, None).await.unwrap();
    a.set_snippet_content(s.id, NewSnippetContent::Dynamic(region))
        .await
        .unwrap();
    a.set_snippet_dynamic_content(s.id, segments[0].id, SectionType::Html, "<p>Hallo</p>")
        .await
        .unwrap();
    a.set_snippet_dynamic_content(s.id, segments[0].id, SectionType::Text, "Hallo")
        .await
        .unwrap();
    let d = a
        .snippet_dynamic_content(s.id, None)
        .await
        .unwrap()
        .expect("dynamic content");
    assert_eq!(d.segmentation, region);
    assert_eq!(d.content[0].content.as_deref(), Some("<p>Hallo</p>"));
    assert_eq!(
        (
            d.content[1].kind.as_str(),
            d.content[1].segment_name.as_str()
        ),
        ("Text", "EMEA")
    );
    let clone = a
        .clone_snippet(s.id, "Banner 2", SNIPPETS, None)
        .await
        .unwrap();
    let copied = a
        .snippet_dynamic_content(clone.id, Some(VersionStatus::Draft))
        .await
        .unwrap()
        .expect("cloned dynamic content");
    let text =
        |c: &marketo_types::asset::SnippetDynamicContent| -> Vec<(i64, String, Option<String>)> {
            c.content
                .iter()
                .map(|s| (s.segment_id, s.kind.clone(), s.content.clone()))
                .collect()
        };
    assert_eq!(text(&copied), text(&d));
}

#[tokio::test(start_paused = true)]
async fn smart_lists_of_a_campaign_and_an_email_program() {
    let emu = emulator(|b| b).await;
    emu.seed(json!({
        "smartCampaigns": [{"name": "Welcome", "folder": {"id": 15, "type": "Folder"},
                            "triggers": ["Campaign is Requested"], "flow": ["Send Email"]}]
    }))
    .expect("seed");
    let c = client(&emu);
    let a = c.assets();
    let campaign = a.smart_campaigns().await.unwrap()[0].clone();
    assert_eq!(
        a.smart_campaign(campaign.id).await.unwrap().unwrap().name,
        "Welcome"
    );
    let list = a
        .campaign_smart_list(campaign.id, true)
        .await
        .unwrap()
        .expect("the campaign's smart list");
    assert_eq!(list.id, campaign.smart_list_id);
    assert!(list.rules.is_some());
    let p = a
        .create_program(&NewProgram {
            name: "Newsletter",
            folder: MARKETING_DEFAULT,
            kind: "Email",
            channel: "Email Send",
            description: None,
            tags: Vec::new(),
            costs: Vec::new(),
        })
        .await
        .unwrap();
    let audience = a.program_smart_list(p.id, false).await.unwrap();
    assert!(audience
        .expect("an Email program's smart list")
        .rules
        .is_none());
    assert!(a.program_smart_list(4242, false).await.unwrap().is_none());
}
