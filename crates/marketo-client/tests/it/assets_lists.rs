//! The Asset API's Smart Lists and Static Lists, one named test per operation, against the emulator.

use crate::support::*;
use chrono::{TimeZone, Utc};
use marketo_client::endpoints::assets::{BrowseFilter, NewProgram, MARKETING_DEFAULT};
use marketo_client::{Client, ErrorKind};
use marketo_emulator::Emulator;
use marketo_types::asset::{FolderId, SmartList, StaticList};
use serde_json::json;

/// An emulator with the user-made smart list `Visitors` (one filter) in Marketing Activities' Default
/// folder, and a client for it.
async fn seeded() -> (Emulator, Client) {
    let emu = emulator(|b| b).await;
    emu.seed(json!({"smartLists": [{
        "name": "Visitors",
        "folder": "/Marketing Activities/Default",
        "description": "web visitors",
        "rules": {"filterMatchType": "all", "triggers": [], "filters": [{"name": "Visited Web Page"}]}
    }]}))
    .expect("seed");
    let c = client(&emu);
    (emu, c)
}

async fn visitors(c: &Client) -> SmartList {
    c.assets()
        .smart_list_named("Visitors")
        .await
        .unwrap()
        .expect("the seeded smart list")
}

async fn program(c: &Client, name: &str, kind: &str, channel: &str) -> i64 {
    c.assets()
        .create_program(&NewProgram {
            name,
            folder: MARKETING_DEFAULT,
            kind,
            channel,
            description: None,
            tags: Vec::new(),
            costs: Vec::new(),
        })
        .await
        .unwrap()
        .id
}

fn since(year: i32) -> BrowseFilter {
    BrowseFilter {
        earliest_updated_at: Some(Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).unwrap()),
        ..BrowseFilter::default()
    }
}

#[tokio::test(start_paused = true)]
async fn get_smart_list_by_id_answers_its_rules_only_when_asked_and_none_when_missing() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let id = visitors(&c).await.id;
    let bare = a.smart_list(id, false).await.unwrap().expect("found");
    assert_eq!((bare.name.as_str(), bare.rules), ("Visitors", None));
    assert_eq!(bare.folder, MARKETING_DEFAULT);
    let full = a.smart_list(id, true).await.unwrap().unwrap();
    assert_eq!(
        full.rules.expect("rules")["filters"][0]["name"],
        "Visited Web Page"
    );
    assert!(a.smart_list(4242, true).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_smart_list_by_name_finds_it_and_none_when_missing() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let found = a
        .smart_list_named("Visitors")
        .await
        .unwrap()
        .expect("found");
    assert_eq!(found.description.as_deref(), Some("web visitors"));
    assert!(a.smart_list_named("Strangers").await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_smart_lists_browses_the_user_made_lists_by_folder_and_update_range() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    // A campaign's own smart list is not a user-made one.
    a.create_smart_campaign("C", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    let id = visitors(&c).await.id;
    let p = FolderId::program(program(&c, "P", "Default", "Content").await);
    a.clone_smart_list(id, "Copy", p, None).await.unwrap();
    let names = |ls: Vec<SmartList>| -> Vec<String> { ls.into_iter().map(|l| l.name).collect() };
    assert_eq!(
        names(a.smart_lists(&BrowseFilter::default()).await.unwrap()),
        ["Visitors", "Copy"]
    );
    let in_p = BrowseFilter {
        folder: Some(p),
        ..BrowseFilter::default()
    };
    assert_eq!(names(a.smart_lists(&in_p).await.unwrap()), ["Copy"]);
    assert_eq!(a.smart_lists(&since(2000)).await.unwrap().len(), 2);
    assert!(a.smart_lists(&since(2999)).await.unwrap().is_empty());
}

#[tokio::test(start_paused = true)]
async fn clone_smart_list_copies_its_rules_into_a_program_and_709_for_a_used_name() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let id = visitors(&c).await.id;
    let p = FolderId::program(program(&c, "P", "Default", "Content").await);
    let copy = a
        .clone_smart_list(id, "Visitors copy", p, Some("a copy"))
        .await
        .unwrap();
    assert_ne!(copy.id, id);
    assert_eq!(
        (copy.name.as_str(), copy.folder, copy.description.as_deref()),
        ("Visitors copy", p, Some("a copy"))
    );
    let rules = a.smart_list(copy.id, true).await.unwrap().unwrap().rules;
    assert_eq!(rules.unwrap()["filters"][0]["name"], "Visited Web Page");
    let e = a
        .clone_smart_list(id, "Visitors copy", p, None)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    let e = a
        .clone_smart_list(id, "Other", FolderId::folder(8888), None)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(710)));
}

#[tokio::test(start_paused = true)]
async fn delete_smart_list_removes_it_and_709_for_a_campaigns_own_list() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let id = visitors(&c).await.id;
    assert_eq!(a.delete_smart_list(id).await.unwrap(), id);
    assert!(a.smart_list(id, false).await.unwrap().is_none());
    let e = a.delete_smart_list(id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
    let campaign = a
        .create_smart_campaign("C", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    let e = a
        .delete_smart_list(campaign.smart_list_id)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
}

#[tokio::test(start_paused = true)]
async fn get_smart_list_by_program_id_answers_an_email_programs_audience_and_none_for_others() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let email = program(&c, "Newsletter", "Email", "Email Send").await;
    let audience = a
        .program_smart_list(email, true)
        .await
        .unwrap()
        .expect("an Email program's smart list");
    assert_eq!(audience.folder, FolderId::program(email));
    assert_eq!(audience.rules.expect("rules")["filterMatchType"], "all");
    let plain = program(&c, "Plain", "Default", "Content").await;
    assert!(a.program_smart_list(plain, false).await.unwrap().is_none());
    assert!(a.program_smart_list(4242, false).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_static_list_by_id_answers_it_and_none_when_missing() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let made = a
        .create_static_list_described("Attendees", MARKETING_DEFAULT, Some("came"))
        .await
        .unwrap();
    let got = a.static_list(made.id).await.unwrap().expect("found");
    assert_eq!(
        (got.name.as_str(), got.description.as_deref(), got.folder),
        ("Attendees", Some("came"), MARKETING_DEFAULT)
    );
    assert!(a.static_list(4242).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_static_list_by_name_finds_it_and_none_when_missing() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let made = a
        .create_static_list("Attendees", MARKETING_DEFAULT)
        .await
        .unwrap();
    let found = a.static_list_named("Attendees").await.unwrap().unwrap();
    assert_eq!(found.id, made.id);
    assert!(a.static_list_named("No-shows").await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_static_lists_browses_by_folder_and_update_range() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let p = FolderId::program(program(&c, "Webinar", "Event with Webinar", "Webinar").await);
    a.create_static_list("Outside", MARKETING_DEFAULT)
        .await
        .unwrap();
    a.create_static_list("Inside", p).await.unwrap();
    let names = |ls: Vec<StaticList>| -> Vec<String> { ls.into_iter().map(|l| l.name).collect() };
    assert_eq!(
        names(a.static_lists().await.unwrap()),
        ["Outside", "Inside"]
    );
    let in_p = BrowseFilter {
        folder: Some(p),
        ..BrowseFilter::default()
    };
    assert_eq!(
        names(a.static_lists_where(&in_p).await.unwrap()),
        ["Inside"]
    );
    assert_eq!(a.static_lists_where(&since(2000)).await.unwrap().len(), 2);
    assert!(a.static_lists_where(&since(2999)).await.unwrap().is_empty());
}

#[tokio::test(start_paused = true)]
async fn create_static_list_makes_a_lead_database_list_and_709_for_a_name_used_in_the_folder() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let made = a
        .create_static_list_described("Attendees", MARKETING_DEFAULT, Some("came"))
        .await
        .unwrap();
    assert_eq!(made.folder, MARKETING_DEFAULT);
    assert_eq!(c.lists().get(made.id).await.unwrap().name, "Attendees");
    let e = a
        .create_static_list("Attendees", MARKETING_DEFAULT)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    let e = a
        .create_static_list("Lost", FolderId::folder(9999))
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(710)));
}

#[tokio::test(start_paused = true)]
async fn update_static_list_metadata_renames_and_describes_it_and_702_when_missing() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let made = a
        .create_static_list("Attendees", MARKETING_DEFAULT)
        .await
        .unwrap();
    let done = a
        .update_static_list(made.id, Some("Came"), Some("they came"))
        .await
        .unwrap();
    assert_eq!(
        (done.id, done.name.as_str(), done.description.as_deref()),
        (made.id, "Came", Some("they came"))
    );
    let kept = a
        .update_static_list(made.id, None, Some("all of them"))
        .await
        .unwrap();
    assert_eq!(kept.name, "Came");
    assert_eq!(c.lists().get(made.id).await.unwrap().name, "Came");
    let e = a
        .update_static_list(4242, Some("X"), None)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}

#[tokio::test(start_paused = true)]
async fn delete_static_list_removes_it_and_702_when_it_is_gone() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let made = a
        .create_static_list("Attendees", MARKETING_DEFAULT)
        .await
        .unwrap();
    assert_eq!(a.delete_static_list(made.id).await.unwrap(), made.id);
    assert!(a.static_list(made.id).await.unwrap().is_none());
    let e = a.delete_static_list(made.id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}
