//! The Asset API's Folders and Tokens, one named test per operation, against the emulator.

use crate::support::*;
use marketo_client::endpoints::assets::{
    FolderChanges, FolderSearch, NewProgram, MARKETING_DEFAULT,
};
use marketo_client::ErrorKind;
use marketo_types::asset::{FolderId, FolderKind, Token};

fn text(name: &str, value: &str) -> Token {
    Token {
        name: name.into(),
        kind: "text".into(),
        value: value.into(),
        computed_url: None,
    }
}

fn default_program(name: &str) -> NewProgram<'_> {
    NewProgram {
        name,
        folder: MARKETING_DEFAULT,
        kind: "Default",
        channel: "Content",
        description: None,
        tags: Vec::new(),
        costs: Vec::new(),
    }
}

#[tokio::test(start_paused = true)]
async fn get_folder_by_id_finds_a_folder_or_a_program_and_none_when_missing() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let made = a
        .create_folder("Webinars", MARKETING_DEFAULT, Some("all of them"))
        .await
        .unwrap();
    let got = a.folder(made.folder_id).await.unwrap().expect("the folder");
    assert_eq!(
        (got.id, got.name.as_str(), got.description.as_deref()),
        (made.id, "Webinars", Some("all of them"))
    );
    assert_eq!(got.parent, Some(MARKETING_DEFAULT));
    let p = a.create_program(&default_program("P")).await.unwrap();
    let as_folder = a
        .folder(FolderId::program(p.id))
        .await
        .unwrap()
        .expect("a program is a folder");
    assert_eq!(as_folder.folder_id.kind, FolderKind::Program);
    assert!(a.folder(FolderId::folder(4242)).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_folder_by_name_narrows_by_kind_root_and_workspace() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let left = a
        .create_folder("Left", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    let right = a
        .create_folder("Right", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    let q_left = a.create_folder("Q1", left.folder_id, None).await.unwrap();
    a.create_folder("Q1", right.folder_id, None).await.unwrap();
    assert_eq!(a.folders_named("Q1").await.unwrap().len(), 2);
    let under_left = a
        .find_folders(&FolderSearch {
            root: Some(left.folder_id),
            ..FolderSearch::named("Q1")
        })
        .await
        .unwrap();
    assert_eq!(
        under_left.iter().map(|f| f.id).collect::<Vec<_>>(),
        [q_left.id]
    );
    let programs_only = a
        .find_folders(&FolderSearch {
            kind: Some(FolderKind::Program),
            ..FolderSearch::named("Q1")
        })
        .await
        .unwrap();
    assert!(programs_only.is_empty());
    let in_default = a
        .find_folders(&FolderSearch {
            workspace: Some("Default"),
            ..FolderSearch::named("Q1")
        })
        .await
        .unwrap();
    assert_eq!(in_default.len(), 2);
    let elsewhere = a
        .find_folders(&FolderSearch {
            workspace: Some("Nowhere"),
            ..FolderSearch::named("Q1")
        })
        .await
        .unwrap();
    assert!(elsewhere.is_empty());
}

#[tokio::test(start_paused = true)]
async fn get_folders_walks_from_a_root_or_from_every_root_to_max_depth() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let outer = a
        .create_folder("Outer", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    a.create_folder("Inner", outer.folder_id, None)
        .await
        .unwrap();
    let names = |fs: Vec<marketo_types::asset::Folder>| -> Vec<String> {
        fs.into_iter().map(|f| f.name).collect()
    };
    assert_eq!(
        names(a.browse_folders(MARKETING_DEFAULT, 1).await.unwrap()),
        ["Default", "Outer"]
    );
    assert_eq!(
        names(a.browse_folders(MARKETING_DEFAULT, 2).await.unwrap()),
        ["Default", "Outer", "Inner"]
    );
    let roots = a.browse_all_folders(0).await.unwrap();
    assert!(roots.iter().all(|f| f.parent.is_none()), "{roots:?}");
    assert!(roots.iter().any(|f| f.name == "Marketing Activities"));
}

#[tokio::test(start_paused = true)]
async fn create_folder_answers_its_path_and_710_for_a_missing_parent() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let made = a
        .create_folder("Events", MARKETING_DEFAULT, Some("d"))
        .await
        .unwrap();
    assert_eq!(made.path, "/Marketing Activities/Default/Events");
    assert_eq!(made.folder_id, FolderId::folder(made.id));
    let e = a
        .create_folder("Orphan", FolderId::folder(9999), None)
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(710)));
}

#[tokio::test(start_paused = true)]
async fn update_folder_metadata_renames_describes_and_archives() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let made = a
        .create_folder("Old", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    let done = a
        .update_folder(
            made.folder_id,
            &FolderChanges {
                name: Some("New"),
                description: Some("renamed"),
                is_archive: Some(true),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (
            done.name.as_str(),
            done.description.as_deref(),
            done.is_archive
        ),
        ("New", Some("renamed"), true)
    );
    let got = a.folder(made.folder_id).await.unwrap().unwrap();
    assert_eq!((got.name.as_str(), got.is_archive), ("New", true));
    let back = a
        .update_folder(
            made.folder_id,
            &FolderChanges {
                is_archive: Some(false),
                ..FolderChanges::default()
            },
        )
        .await
        .unwrap();
    assert_eq!((back.name.as_str(), back.is_archive), ("New", false));
    let e = a
        .update_folder(FolderId::folder(4242), &FolderChanges::default())
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}

#[tokio::test(start_paused = true)]
async fn get_folder_contents_lists_subfolders_programs_and_lists_and_is_empty_for_an_empty_folder()
{
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let f = a
        .create_folder("Holder", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    let sub = a.create_folder("Sub", f.folder_id, None).await.unwrap();
    let p = a
        .create_program(&NewProgram {
            folder: f.folder_id,
            ..default_program("Inside")
        })
        .await
        .unwrap();
    let list = a.create_static_list("Members", f.folder_id).await.unwrap();
    let held: Vec<(i64, String)> = a
        .folder_contents(f.folder_id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.kind))
        .collect();
    assert_eq!(
        held,
        [
            (sub.id, "Folder".to_owned()),
            (p.id, "Program".to_owned()),
            (list.id, "StaticList".to_owned())
        ]
    );
    assert!(a.folder_contents(sub.folder_id).await.unwrap().is_empty());
}

#[tokio::test(start_paused = true)]
async fn delete_folder_answers_its_id_and_709_while_it_is_not_empty() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let outer = a
        .create_folder("Outer", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    let inner = a
        .create_folder("Inner", outer.folder_id, None)
        .await
        .unwrap();
    let e = a.delete_folder(outer.id).await.unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(709)));
    assert_eq!(a.delete_folder(inner.id).await.unwrap(), inner.id);
    assert_eq!(a.delete_folder(outer.id).await.unwrap(), outer.id);
    assert!(a.folder(outer.folder_id).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn get_tokens_by_folder_id_answers_own_and_inherited_tokens() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let f = a
        .create_folder("Events", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    a.set_token(f.folder_id, &text("Company", "Acme"))
        .await
        .unwrap();
    let p = a
        .create_program(&NewProgram {
            folder: f.folder_id,
            ..default_program("Paris")
        })
        .await
        .unwrap();
    let pid = FolderId::program(p.id);
    a.set_token(pid, &text("City", "Paris")).await.unwrap();
    let set = a.tokens(pid).await.unwrap().expect("the program's tokens");
    assert_eq!(set.folder.value, p.id);
    assert_eq!(set.folder.kind, FolderKind::Program);
    let names: Vec<&str> = set.tokens.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["City", "Company"]);
    assert!(a.tokens(FolderId::folder(4242)).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn create_token_sets_a_token_and_replaces_one_of_the_same_name() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let f = a
        .create_folder("Events", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    let set = a
        .set_token(f.folder_id, &text("Speaker", "Ada"))
        .await
        .unwrap();
    assert_eq!(set.tokens[0].value, "Ada");
    let set = a
        .set_token(f.folder_id, &text("Speaker", "Grace"))
        .await
        .unwrap();
    assert_eq!(set.tokens.len(), 1);
    assert_eq!(set.tokens[0].value, "Grace");
    let e = a
        .set_token(FolderId::folder(4242), &text("Speaker", "Ada"))
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(710)));
}

#[tokio::test(start_paused = true)]
async fn delete_token_by_name_removes_it_and_702_when_it_is_not_there() {
    let emu = emulator(|b| b).await;
    let c = client(&emu);
    let a = c.assets();
    let f = a
        .create_folder("Events", MARKETING_DEFAULT, None)
        .await
        .unwrap();
    a.set_token(f.folder_id, &text("Speaker", "Ada"))
        .await
        .unwrap();
    a.set_token(f.folder_id, &text("Room", "B")).await.unwrap();
    assert_eq!(
        a.delete_token(f.folder_id, "Speaker", "text")
            .await
            .unwrap(),
        f.id
    );
    let left = a.tokens(f.folder_id).await.unwrap().unwrap();
    assert_eq!(left.tokens, vec![text("Room", "B")]);
    let e = a
        .delete_token(f.folder_id, "Speaker", "text")
        .await
        .unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Request, Some(702)));
}
