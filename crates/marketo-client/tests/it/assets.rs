//! The Asset API calls against the emulator: folders, programs, tokens, channels, tag types, static lists,
//! smart campaigns; 702 (none found is an empty answer), 709, 710 and 711 handled as request errors.

use crate::support::*;
use marketo_client::endpoints::assets::{NewProgram, MARKETING_DEFAULT};
use marketo_client::ErrorKind;
use marketo_types::asset::{FolderId, Token};
use serde_json::json;

fn webinar(name: &str) -> NewProgram<'_> {
    NewProgram {
        name,
        folder: MARKETING_DEFAULT,
        kind: "Event with Webinar",
        channel: "Webinar",
        description: Some("from the client"),
        tags: Vec::new(),
        costs: Vec::new(),
    }
}

#[tokio::test(start_paused = true)]
async fn folders_create_get_browse_delete() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let made = a
        .create_folder("Client", MARKETING_DEFAULT, Some("d"))
        .await
        .unwrap();
    assert_eq!(made.path, "/Marketing Activities/Default/Client");
    let got = a.folder(made.folder_id).await.unwrap().expect("found");
    assert_eq!(got.name, "Client");
    assert!(a.folder(FolderId::folder(4242)).await.unwrap().is_none());
    assert_eq!(a.folders_named("Client").await.unwrap().len(), 1);
    let tree = a.browse_folders(MARKETING_DEFAULT, 1).await.unwrap();
    assert_eq!(
        tree.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        ["Default", "Client"]
    );
    assert_eq!(a.delete_folder(made.id).await.unwrap(), made.id);
}

#[tokio::test(start_paused = true)]
async fn browse_reads_every_page() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    for i in 0..205 {
        c.assets()
            .create_folder(&format!("F{i}"), MARKETING_DEFAULT, None)
            .await
            .unwrap();
    }
    let all = c
        .assets()
        .browse_folders(MARKETING_DEFAULT, 1)
        .await
        .unwrap();
    assert_eq!(all.len(), 206);
}

#[tokio::test(start_paused = true)]
async fn code_710_and_711_are_request_errors() {
    let emu = emulator(|b| b).await;
    let a = client(&emu);
    let e = a
        .assets()
        .create_folder("X", FolderId::folder(999), None)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(710)));
    let e = a
        .assets()
        .create_folder("X", FolderId::folder(14), None)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(711)));
}

#[tokio::test(start_paused = true)]
async fn programs_create_clone_tokens_delete() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let p = a.create_program(&webinar("Client Webinar")).await.unwrap();
    assert_eq!(p.kind, "Event with Webinar");
    let pid = FolderId::program(p.id);
    let token = Token {
        name: "Speaker".into(),
        kind: "text".into(),
        value: "Ada".into(),
        computed_url: None,
    };
    a.set_token(pid, &token).await.unwrap();
    let clone = a
        .clone_program(p.id, "Client Webinar 2", MARKETING_DEFAULT)
        .await
        .unwrap();
    let set = a
        .tokens(FolderId::program(clone.id))
        .await
        .unwrap()
        .expect("tokens");
    assert_eq!(set.tokens, vec![token]);
    assert_eq!(a.programs().await.unwrap().len(), 2);
    assert_eq!(
        a.program(p.id).await.unwrap().unwrap().name,
        "Client Webinar"
    );
    assert_eq!(a.delete_token(pid, "Speaker", "text").await.unwrap(), p.id);
    assert_eq!(a.delete_program(clone.id).await.unwrap(), clone.id);
    assert!(a.program(clone.id).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn code_709_and_702_are_request_errors() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    a.create_program(&webinar("Taken")).await.unwrap();
    let e = a.create_program(&webinar("Taken")).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    let e = a.delete_program(4242).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}

#[tokio::test(start_paused = true)]
async fn channels_tag_types_static_lists_and_campaigns() {
    let emu = emulator(|b| b).await;
    emu.seed(json!({
        "tagTypes": [{"tagType": "Region", "applicableProgramTypes": "[program]", "required": false}],
        "smartCampaigns": [{"name": "Welcome", "folder": {"id": 15, "type": "Folder"},
                            "triggers": ["Campaign is Requested"], "flow": ["Send Email"]}]
    }))
    .expect("seed");
    let c = client(&emu);
    let a = c.assets();
    assert!(a
        .channels()
        .await
        .unwrap()
        .iter()
        .any(|ch| ch.name == "Webinar"));
    assert_eq!(a.tag_types().await.unwrap()[0].tag_type, "Region");
    let list = a
        .create_static_list("Client List", MARKETING_DEFAULT)
        .await
        .unwrap();
    assert_eq!(a.static_lists().await.unwrap()[0].id, list.id);
    let lead_db = c.lists().get(list.id).await.unwrap();
    assert_eq!(lead_db.name, "Client List");
    let campaigns = a.smart_campaigns().await.unwrap();
    let id = campaigns[0].id;
    assert_eq!(a.set_campaign_active(id, true).await.unwrap(), id);
    let e = a.set_campaign_active(id, true).await.unwrap_err();
    assert_eq!(e.code(), Some(709));
    assert_eq!(a.set_campaign_active(id, false).await.unwrap(), id);
}
