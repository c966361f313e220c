//! Static lists: add, remove, is-member, members; 1004, 1013, 1015.

use crate::support::*;
use futures::TryStreamExt;
use marketo_client::{Client, ErrorKind, SyncOptions};
use serde_json::json;

async fn with_list(n: usize) -> (marketo_emulator::Emulator, Client, Vec<i64>) {
    let emu = emulator(|b| b).await;
    emu.seed(json!({"lists": [{"id": 1080, "name": "Static"}]}))
        .expect("seed");
    let c = client(&emu);
    let out = c
        .leads()
        .sync(leads("m", n), SyncOptions::default())
        .await
        .unwrap();
    let ids = out.iter().map(|o| o.id().unwrap()).collect();
    (emu, c, ids)
}

#[tokio::test(start_paused = true)]
async fn add_is_member_members_and_remove_round_trip() {
    let (_emu, c, ids) = with_list(700).await;
    let added = c.lists().add(1080, &ids[..650]).await.unwrap();
    assert_eq!(added.len(), 650);
    assert!(added.iter().all(|o| o.status() == "added"));
    let check = c.lists().is_member(1080, &ids).await.unwrap();
    assert!(check[..650].iter().all(|o| o.status() == "memberof"));
    assert!(check[650..].iter().all(|o| o.status() == "notmemberof"));
    let members: Vec<_> = c
        .lists()
        .members(1080, &["id", "email"])
        .try_collect()
        .await
        .unwrap();
    assert_eq!(members.len(), 650, "every page followed");
    let removed = c.lists().remove(1080, &ids[..10]).await.unwrap();
    assert!(removed.iter().all(|o| o.status() == "removed"));
}

#[tokio::test(start_paused = true)]
async fn code_1004_unknown_lead_is_skipped_by_add_and_is_member() {
    let (_emu, c, ids) = with_list(1).await;
    let out = c.lists().add(1080, &[ids[0], 999_999]).await.unwrap();
    assert_eq!(out[0].status(), "added");
    assert_eq!(reason(&out[1]), (1004, "Lead not found".into()));
    let out = c.lists().is_member(1080, &[999_999]).await.unwrap();
    assert_eq!(reason(&out[0]).0, 1004);
}

#[tokio::test(start_paused = true)]
async fn code_1013_unknown_list_fails_the_call() {
    let (emu, c, ids) = with_list(2).await;
    let out = c.lists().add(4242, &ids).await.unwrap();
    for o in &out {
        let e = o.error().expect("failed");
        assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(1013)));
    }
    let r: Result<Vec<_>, _> = c.lists().members(4242, &[]).try_collect().await;
    assert_eq!(r.unwrap_err().code(), Some(1013));
    assert_eq!(
        calls_to(&emu, "/rest/v1/lists/4242/leads.json").len(),
        2,
        "not retried"
    );
}

#[tokio::test(start_paused = true)]
async fn code_1015_lead_not_in_list_is_a_skipped_outcome() {
    let (_emu, c, ids) = with_list(2).await;
    c.lists().add(1080, &ids[1..]).await.unwrap();
    let out = c.lists().remove(1080, &ids).await.unwrap();
    assert_eq!(reason(&out[0]), (1015, "Lead not in list".into()));
    assert_eq!(out[1].status(), "removed");
}
