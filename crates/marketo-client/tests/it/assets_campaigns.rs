//! The Asset API's Smart Campaigns, one named test per operation, against the emulator.

use crate::support::*;
use chrono::{TimeZone, Utc};
use marketo_client::endpoints::assets::{BrowseFilter, NewProgram, MARKETING_DEFAULT};
use marketo_client::{Client, ErrorKind};
use marketo_emulator::Emulator;
use marketo_types::asset::{FolderId, SmartCampaign};
use serde_json::json;

/// An emulator with a trigger campaign `Welcome` (a trigger and a flow step) and a batch campaign `Nightly`
/// in Marketing Activities' Default folder, and a client for it.
async fn seeded() -> (Emulator, Client) {
    let emu = emulator(|b| b).await;
    emu.seed(json!({"smartCampaigns": [
        {"name": "Welcome", "folder": {"id": 15, "type": "Folder"},
         "triggers": ["Campaign is Requested"], "flow": ["Send Email"], "isRequestable": true},
        {"name": "Nightly", "folder": {"id": 15, "type": "Folder"}, "flow": ["Change Data Value"]}
    ]}))
    .expect("seed");
    let c = client(&emu);
    (emu, c)
}

async fn named(c: &Client, name: &str) -> SmartCampaign {
    c.assets()
        .smart_campaign_named(name)
        .await
        .unwrap()
        .expect("seeded campaign")
}

async fn in_a_program(c: &Client, name: &str) -> FolderId {
    let p = c
        .assets()
        .create_program(&NewProgram {
            name,
            folder: MARKETING_DEFAULT,
            kind: "Default",
            channel: "Content",
            description: None,
            tags: Vec::new(),
            costs: Vec::new(),
        })
        .await
        .unwrap();
    FolderId::program(p.id)
}

#[tokio::test(start_paused = true)]
async fn get_smart_campaign_by_id_answers_it_and_none_when_missing() {
    let (_emu, c) = seeded().await;
    let id = named(&c, "Welcome").await.id;
    let got = c.assets().smart_campaign(id).await.unwrap().expect("found");
    assert_eq!(
        (got.name.as_str(), got.kind.as_str(), got.is_requestable),
        ("Welcome", "trigger", true)
    );
    assert_eq!(got.folder, Some(MARKETING_DEFAULT));
    assert!(c.assets().smart_campaign(4242).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_smart_campaign_by_name_finds_it_and_none_when_missing() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let nightly = a.smart_campaign_named("Nightly").await.unwrap().unwrap();
    assert_eq!(
        (nightly.name.as_str(), nightly.kind.as_str()),
        ("Nightly", "batch")
    );
    assert!(a.smart_campaign_named("Weekly").await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_smart_campaigns_browses_and_filters_by_folder_activity_and_update_range() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let names =
        |cs: Vec<SmartCampaign>| -> Vec<String> { cs.into_iter().map(|c| c.name).collect() };
    assert_eq!(
        names(a.smart_campaigns().await.unwrap()),
        ["Welcome", "Nightly"]
    );
    let p = in_a_program(&c, "Holder").await;
    a.create_smart_campaign("Inside", p, None).await.unwrap();
    let in_p = BrowseFilter {
        folder: Some(p),
        ..BrowseFilter::default()
    };
    assert_eq!(
        names(a.smart_campaigns_where(&in_p, false).await.unwrap()),
        ["Inside"]
    );
    let welcome = named(&c, "Welcome").await.id;
    a.set_campaign_active(welcome, true).await.unwrap();
    let active = a
        .smart_campaigns_where(&BrowseFilter::default(), true)
        .await
        .unwrap();
    assert_eq!(names(active), ["Welcome"]);
    let future = BrowseFilter {
        earliest_updated_at: Some(Utc.with_ymd_and_hms(2999, 1, 1, 0, 0, 0).unwrap()),
        ..BrowseFilter::default()
    };
    assert!(a
        .smart_campaigns_where(&future, false)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test(start_paused = true)]
async fn create_smart_campaign_makes_a_batch_campaign_with_its_smart_list_and_710_for_a_missing_folder(
) {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let p = in_a_program(&c, "Holder").await;
    let made = a
        .create_smart_campaign("Batch 1", p, Some("nightly scoring"))
        .await
        .unwrap();
    assert_eq!(
        (made.kind.as_str(), made.status.as_str(), made.is_active),
        ("batch", "Never Run", false)
    );
    assert_eq!(made.description.as_deref(), Some("nightly scoring"));
    assert_eq!(made.folder, Some(p));
    let list = a
        .campaign_smart_list(made.id, false)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(list.id, made.smart_list_id);
    let e = a
        .create_smart_campaign("Lost", FolderId::folder(9999), None)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(710)));
}

#[tokio::test(start_paused = true)]
async fn update_smart_campaign_renames_and_describes_it_and_702_when_missing() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let id = named(&c, "Nightly").await.id;
    let done = a
        .update_smart_campaign(id, Some("Nightly Scoring"), Some("every night"))
        .await
        .unwrap();
    assert_eq!(
        (done.id, done.name.as_str(), done.description.as_deref()),
        (id, "Nightly Scoring", Some("every night"))
    );
    let only_description = a
        .update_smart_campaign(id, None, Some("at 2 am"))
        .await
        .unwrap();
    assert_eq!(only_description.name, "Nightly Scoring");
    assert_eq!(only_description.description.as_deref(), Some("at 2 am"));
    let e = a
        .update_smart_campaign(4242, Some("X"), None)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}

#[tokio::test(start_paused = true)]
async fn clone_smart_campaign_copies_it_inactive_into_a_folder() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let src = named(&c, "Welcome").await;
    a.set_campaign_active(src.id, true).await.unwrap();
    let p = in_a_program(&c, "Copies").await;
    let copy = a
        .clone_smart_campaign(src.id, "Welcome copy", p, Some("a copy"))
        .await
        .unwrap();
    assert_ne!(copy.id, src.id);
    assert_eq!(
        (copy.name.as_str(), copy.kind.as_str(), copy.is_active),
        ("Welcome copy", "trigger", false)
    );
    assert_eq!(copy.folder, Some(p));
    assert_ne!(copy.smart_list_id, src.smart_list_id);
    let e = a
        .clone_smart_campaign(4242, "X", p, None)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}

#[tokio::test(start_paused = true)]
async fn delete_smart_campaign_removes_it_and_709_while_it_is_active() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let id = named(&c, "Welcome").await.id;
    a.set_campaign_active(id, true).await.unwrap();
    let e = a.delete_smart_campaign(id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    a.set_campaign_active(id, false).await.unwrap();
    assert_eq!(a.delete_smart_campaign(id).await.unwrap(), id);
    assert!(a.smart_campaign(id).await.unwrap().is_none());
    let e = a.delete_smart_campaign(id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}

#[tokio::test(start_paused = true)]
async fn activate_smart_campaign_turns_a_trigger_campaign_on_and_709_without_a_trigger() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let welcome = named(&c, "Welcome").await.id;
    assert_eq!(a.set_campaign_active(welcome, true).await.unwrap(), welcome);
    let on = a.smart_campaign(welcome).await.unwrap().unwrap();
    assert_eq!((on.is_active, on.status.as_str()), (true, "Active"));
    let e = a.set_campaign_active(welcome, true).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    let nightly = named(&c, "Nightly").await.id;
    let e = a.set_campaign_active(nightly, true).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
}

#[tokio::test(start_paused = true)]
async fn deactivate_smart_campaign_turns_it_off_and_709_when_it_is_inactive() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let id = named(&c, "Welcome").await.id;
    let e = a.set_campaign_active(id, false).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    a.set_campaign_active(id, true).await.unwrap();
    assert_eq!(a.set_campaign_active(id, false).await.unwrap(), id);
    assert!(!a.smart_campaign(id).await.unwrap().unwrap().is_active);
}

#[tokio::test(start_paused = true)]
async fn get_smart_list_by_smart_campaign_id_answers_its_rules_when_asked_and_none_when_missing() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let campaign = named(&c, "Welcome").await;
    let bare = a
        .campaign_smart_list(campaign.id, false)
        .await
        .unwrap()
        .expect("the campaign's smart list");
    assert_eq!((bare.id, bare.rules), (campaign.smart_list_id, None));
    let with_rules = a
        .campaign_smart_list(campaign.id, true)
        .await
        .unwrap()
        .unwrap();
    let rules = with_rules.rules.expect("rules");
    assert_eq!(rules["filterMatchType"], "all");
    assert!(rules["filters"].is_array(), "{rules}");
    assert!(a.campaign_smart_list(4242, false).await.unwrap().is_none());
}
