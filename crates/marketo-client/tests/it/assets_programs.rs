//! The Asset API's Programs, Channels and Tags, one named test per operation, against the emulator.

use crate::support::*;
use chrono::{TimeZone, Utc};
use marketo_client::endpoints::assets::{
    NewProgram, ProgramChanges, ProgramFilter, MARKETING_DEFAULT,
};
use marketo_client::{Client, ErrorKind};
use marketo_emulator::Emulator;
use marketo_types::asset::{Cost, FolderId, Program, Tag};
use serde_json::json;

fn new<'a>(name: &'a str, kind: &'a str, channel: &'a str) -> NewProgram<'a> {
    NewProgram {
        name,
        folder: MARKETING_DEFAULT,
        kind,
        channel,
        description: Some("from the client"),
        tags: Vec::new(),
        costs: Vec::new(),
    }
}

fn region(value: &str) -> Tag {
    Tag {
        tag_type: "Region".into(),
        tag_value: value.into(),
    }
}

/// An emulator with the tag type `Region` (EMEA, APAC) and a client for it.
async fn tagged() -> (Emulator, Client) {
    let emu = emulator(|b| b).await;
    emu.seed(json!({"tagTypes": [{
        "tagType": "Region",
        "applicableProgramTypes": "[program,event,webinar,nurture,email_batch]",
        "required": false,
        "allowableValues": "EMEA,APAC"
    }]}))
    .expect("seed");
    let c = client(&emu);
    (emu, c)
}

async fn tag_program(c: &Client, name: &str, value: &str) -> Program {
    let a = c.assets();
    let p = a
        .create_program(&new(name, "Default", "Content"))
        .await
        .unwrap();
    let changes = ProgramChanges {
        tags: vec![region(value)],
        ..ProgramChanges::default()
    };
    a.update_program(p.id, &changes).await.unwrap()
}

#[tokio::test(start_paused = true)]
async fn get_program_by_id_answers_it_with_its_tags_and_none_when_missing() {
    let (_emu, c) = tagged().await;
    let p = tag_program(&c, "Tagged", "EMEA").await;
    let got = c.assets().program(p.id).await.unwrap().expect("found");
    assert_eq!(got.name, "Tagged");
    assert_eq!(got.tags, Some(vec![region("EMEA")]));
    assert!(c.assets().program(4242).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_program_by_name_includes_tags_and_costs_only_when_asked() {
    let (_emu, c) = tagged().await;
    let a = c.assets();
    let p = tag_program(&c, "Spring", "APAC").await;
    let cost = Cost {
        start_date: "2026-01-01".into(),
        cost: 2000.0,
        note: None,
    };
    a.update_program(
        p.id,
        &ProgramChanges {
            costs: vec![cost.clone()],
            ..ProgramChanges::default()
        },
    )
    .await
    .unwrap();
    let bare = a
        .program_named("Spring", false, false)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((bare.id, bare.tags, bare.costs), (p.id, None, None));
    let full = a
        .program_named("Spring", true, true)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(full.tags, Some(vec![region("APAC")]));
    assert_eq!(full.costs, Some(vec![cost]));
    assert!(a
        .program_named("Autumn", true, true)
        .await
        .unwrap()
        .is_none());
}

#[tokio::test(start_paused = true)]
async fn get_programs_by_tag_answers_only_the_programs_carrying_it() {
    let (_emu, c) = tagged().await;
    let emea = tag_program(&c, "One", "EMEA").await;
    tag_program(&c, "Two", "APAC").await;
    let found = c.assets().programs_by_tag("Region", "EMEA").await.unwrap();
    assert_eq!(found.iter().map(|p| p.id).collect::<Vec<_>>(), [emea.id]);
    assert!(c
        .assets()
        .programs_by_tag("Region", "LATAM")
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test(start_paused = true)]
async fn get_programs_browses_every_program_and_filters_by_status_and_update_range() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    a.create_program(&new("D", "Default", "Content"))
        .await
        .unwrap();
    a.create_program(&new("N", "Engagement", "Nurture"))
        .await
        .unwrap();
    a.create_program(&new("E", "Email", "Email Send"))
        .await
        .unwrap();
    let names = |ps: Vec<Program>| -> Vec<String> { ps.into_iter().map(|p| p.name).collect() };
    assert_eq!(names(a.programs().await.unwrap()), ["D", "N", "E"]);
    let by_status = |status| ProgramFilter {
        status: Some(status),
        ..ProgramFilter::default()
    };
    assert_eq!(
        names(a.programs_where(&by_status("unlocked")).await.unwrap()),
        ["E"]
    );
    assert_eq!(
        names(a.programs_where(&by_status("off")).await.unwrap()),
        ["N"]
    );
    let since = |y| ProgramFilter {
        earliest_updated_at: Some(Utc.with_ymd_and_hms(y, 1, 1, 0, 0, 0).unwrap()),
        ..ProgramFilter::default()
    };
    assert_eq!(a.programs_where(&since(2000)).await.unwrap().len(), 3);
    assert!(a.programs_where(&since(2999)).await.unwrap().is_empty());
    let until_2000 = ProgramFilter {
        latest_updated_at: Some(Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap()),
        ..ProgramFilter::default()
    };
    assert!(a.programs_where(&until_2000).await.unwrap().is_empty());
}

#[tokio::test(start_paused = true)]
async fn create_program_answers_it_in_its_folder_and_709_for_a_used_name() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let p = a
        .create_program(&new("Webinar", "Event with Webinar", "Webinar"))
        .await
        .unwrap();
    assert_eq!(
        (
            p.kind.as_str(),
            p.channel.as_str(),
            p.description.as_deref()
        ),
        ("Event with Webinar", "Webinar", Some("from the client"))
    );
    assert_eq!(
        (p.folder.value, p.folder.folder_name.as_deref()),
        (15, Some("Default"))
    );
    let e = a
        .create_program(&new("Webinar", "Event with Webinar", "Webinar"))
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
}

#[tokio::test(start_paused = true)]
async fn update_program_metadata_renames_tags_costs_and_dates() {
    let (_emu, c) = tagged().await;
    let a = c.assets();
    let p = a
        .create_program(&new("Send", "Email", "Email Send"))
        .await
        .unwrap();
    let first = Cost {
        start_date: "2026-01-01".into(),
        cost: 100.0,
        note: Some("ads".into()),
    };
    let done = a
        .update_program(
            p.id,
            &ProgramChanges {
                name: Some("Send 2"),
                description: Some("renamed"),
                tags: vec![region("EMEA")],
                costs: vec![first.clone()],
                start_date: Some(Utc.with_ymd_and_hms(2026, 4, 1, 15, 0, 0).unwrap()),
                end_date: Some(Utc.with_ymd_and_hms(2026, 4, 2, 15, 0, 0).unwrap()),
                ..ProgramChanges::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (done.name.as_str(), done.description.as_deref()),
        ("Send 2", Some("renamed"))
    );
    assert_eq!(done.tags, Some(vec![region("EMEA")]));
    assert_eq!(done.costs, Some(vec![first]));
    assert_eq!(done.start_date.as_deref(), Some("2026-04-01T15:00:00.000Z"));
    assert_eq!(done.end_date.as_deref(), Some("2026-04-02T15:00:00.000Z"));
    let cleared = a
        .update_program(
            p.id,
            &ProgramChanges {
                costs_destructive_update: true,
                ..ProgramChanges::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(cleared.costs.unwrap_or_default(), vec![]);
    let e = a
        .update_program(
            p.id,
            &ProgramChanges {
                tags: vec![region("Mars")],
                ..ProgramChanges::default()
            },
        )
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
}

async fn dated_email_program(c: &Client) -> i64 {
    let a = c.assets();
    let p = a
        .create_program(&new("Send", "Email", "Email Send"))
        .await
        .unwrap();
    a.update_program(
        p.id,
        &ProgramChanges {
            start_date: Some(Utc.with_ymd_and_hms(2026, 4, 1, 15, 0, 0).unwrap()),
            end_date: Some(Utc.with_ymd_and_hms(2026, 4, 2, 15, 0, 0).unwrap()),
            ..ProgramChanges::default()
        },
    )
    .await
    .unwrap();
    p.id
}

#[tokio::test(start_paused = true)]
async fn approve_program_locks_a_dated_email_program_and_709_without_dates() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let undated = a
        .create_program(&new("Undated", "Email", "Email Send"))
        .await
        .unwrap();
    let e = a.approve_program(undated.id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    let id = dated_email_program(&c).await;
    assert_eq!(a.program(id).await.unwrap().unwrap().status, "unlocked");
    assert_eq!(a.approve_program(id).await.unwrap(), id);
    assert_eq!(a.program(id).await.unwrap().unwrap().status, "locked");
    let e = a.approve_program(4242).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}

#[tokio::test(start_paused = true)]
async fn unapprove_program_unlocks_it_and_709_when_it_is_not_approved() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let id = dated_email_program(&c).await;
    let e = a.unapprove_program(id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    a.approve_program(id).await.unwrap();
    assert_eq!(a.unapprove_program(id).await.unwrap(), id);
    assert_eq!(a.program(id).await.unwrap().unwrap().status, "unlocked");
}

#[tokio::test(start_paused = true)]
async fn clone_program_copies_it_into_a_folder_under_a_new_name() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let p = a
        .create_program(&new("Template", "Event", "Tradeshow"))
        .await
        .unwrap();
    let dest = a
        .create_folder("2026", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    let copy = a
        .clone_program(p.id, "Paris 2026", dest.folder_id)
        .await
        .unwrap();
    assert_ne!(copy.id, p.id);
    assert_eq!(
        (
            copy.name.as_str(),
            copy.kind.as_str(),
            copy.channel.as_str()
        ),
        ("Paris 2026", "Event", "Tradeshow")
    );
    assert_eq!(copy.folder.value, dest.id);
    let e = a
        .clone_program(p.id, "Elsewhere", FolderId::folder(9999))
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(710)));
}

#[tokio::test(start_paused = true)]
async fn delete_program_removes_it_and_702_when_it_is_gone() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let p = a
        .create_program(&new("Gone", "Default", "Content"))
        .await
        .unwrap();
    assert_eq!(a.delete_program(p.id).await.unwrap(), p.id);
    assert!(a.program(p.id).await.unwrap().is_none());
    let e = a.delete_program(p.id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}

#[tokio::test(start_paused = true)]
async fn get_channels_answers_every_channel_with_its_progression_statuses() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let all = c.assets().channels().await.unwrap();
    let webinar = all.iter().find(|ch| ch.name == "Webinar").expect("Webinar");
    assert_eq!(webinar.applicable_program_type, "webinar");
    assert!(webinar
        .progression_statuses
        .iter()
        .any(|s| s.name == "Attended" && s.success));
    assert!(all.len() > 5);
}

#[tokio::test(start_paused = true)]
async fn get_channel_by_name_finds_it_and_none_when_missing() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let ch = a.channel_named("Email Send").await.unwrap().expect("found");
    assert_eq!(
        (ch.name.as_str(), ch.applicable_program_type.as_str()),
        ("Email Send", "email_batch")
    );
    assert!(a.channel_named("Carrier Pigeon").await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_tag_types_answers_them_without_their_allowed_values() {
    let (_emu, c) = tagged().await;
    let types = c.assets().tag_types().await.unwrap();
    let region = types
        .iter()
        .find(|t| t.tag_type == "Region")
        .expect("Region");
    assert!(!region.required);
    assert_eq!(region.allowable_values, None);
}

#[tokio::test(start_paused = true)]
async fn get_tag_by_name_answers_its_allowed_values_and_none_when_missing() {
    let (_emu, c) = tagged().await;
    let a = c.assets();
    let t = a.tag_type_named("Region").await.unwrap().expect("found");
    assert_eq!(t.allowable_values.as_deref(), Some("EMEA,APAC"));
    assert_eq!(
        t.applicable_program_types,
        "[program,event,webinar,nurture,email_batch]"
    );
    assert!(a.tag_type_named("Owner").await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn create_program_with_tags_and_costs_answers_them() {
    let (_emu, c) = tagged().await;
    let cost = Cost {
        start_date: "2026-01-01".into(),
        cost: 250.0,
        note: Some("venue".into()),
    };
    let p = c
        .assets()
        .create_program(&NewProgram {
            tags: vec![region("APAC")],
            costs: vec![cost.clone()],
            ..new("Tagged at birth", "Default", "Content")
        })
        .await
        .unwrap();
    assert_eq!(p.tags, Some(vec![region("APAC")]));
    assert_eq!(p.costs, Some(vec![cost]));
}
