//! Documented Asset API bodies (`marketo-docs/{folders,programs,tokens,channels,static-lists}.md`).

use super::round_trip;
use crate::asset::{Channel, Folder, FolderKind, Program, StaticList, TokenSet};

#[test]
fn folder_by_id() {
    let env = round_trip::<Folder>(
        r#"{"success":true,"warnings":[],"errors":[],"requestId":"1241b#14e21ca814a","result":[{"name":"Social Media","description":null,"createdAt":"2011-03-04T17:01:32Z+0000","updatedAt":"2011-03-04T17:01:32Z+0000","url":null,"folderId":{"id":341,"type":"Folder"},"folderType":"Email","parent":{"id":11,"type":"Folder"},"path":"/Design Studio/Default/Emails/Social Media","isArchive":false,"isSystem":false,"accessZoneId":1,"workspace":"Default","id":341}]}"#,
    );
    assert_eq!(env.results()[0].parent.unwrap().id, 11);
}

#[test]
fn root_folder_has_a_null_parent_and_upper_case_kinds_parse() {
    let env: crate::envelope::Envelope<Folder> = serde_json::from_str(
        r#"{"success":true,"warnings":[],"errors":[],"requestId":"19#14e1f2f3688","result":[{"name":"Test 10 - deverly","description":"This is a test","createdAt":"2015-06-23T06:27:04Z+0000","updatedAt":"2015-06-23T06:27:04Z+0000","url":"https://app-abm.marketo.com/#MF1070A1","folderId":{"id":454,"type":"FOLDER"},"folderType":"Marketing Folder","parent":null,"path":"/Marketing Activities","isArchive":false,"isSystem":false,"accessZoneId":1,"workspace":"Default","id":454}]}"#,
    )
    .unwrap();
    let f = &env.results()[0];
    assert_eq!(f.folder_id.kind, FolderKind::Folder);
    assert!(f.parent.is_none());
}

#[test]
fn programs_browse() {
    let env = round_trip::<Program>(
        r#"{"success":true,"warnings":[],"errors":[],"requestId":"7a39#1511bf8a41c","result":[{"id":1035,"name":"clone it","description":"","createdAt":"2015-11-18T15:25:35Z+0000","updatedAt":"2015-11-18T15:25:46Z+0000","url":"https://app-devlocal1.marketo.com/#NP1035A1","type":"Engagement","channel":"Nurture","folder":{"type":"Folder","value":28,"folderName":"Nurturing"},"status":"on","workspace":"Default","headStart":false}]}"#,
    );
    assert_eq!(env.results()[0].folder.value, 28);
}

#[test]
fn tokens_of_a_folder() {
    let env = round_trip::<TokenSet>(
        r#"{"success":true,"warnings":[],"errors":[],"requestId":"4fbe#14e27fc9bbf","result":[{"folder":{"type":"Folder","value":416},"tokens":[{"name":"AprilFool - deverly","type":"date","value":"2015-04-01","computedUrl":"https://app-abm.marketo.com/#MF1047C3"}]}]}"#,
    );
    assert_eq!(env.results()[0].tokens[0].kind, "date");
}

#[test]
fn channel_and_static_list() {
    round_trip::<Channel>(
        r#"{"success":true,"warnings":[],"errors":[],"requestId":"651#1504ebbbfcf","result":[{"id":3,"name":"Blog","applicableProgramType":"program","progressionStatuses":[{"name":"Not in Program","step":0,"description":null,"hidden":false,"success":false},{"name":"Influenced","step":30,"description":null,"hidden":false,"success":true}],"createdAt":"2015-07-15T11:40:57Z+0000","updatedAt":"2015-07-15T11:40:57Z+0000"}]}"#,
    );
    round_trip::<StaticList>(
        r#"{"success":true,"errors":[],"requestId":"843c#1641f969e96","result":[{"id":1021,"name":"Foundation Seed List","createdAt":"2017-07-27T01:38:33Z+0000","updatedAt":"2017-07-27T01:39:26Z+0000","folder":{"id":13,"type":"Folder"},"computedUrl":"https://app-sjqe.marketo.com/#ST1021A1"}]}"#,
    );
}

#[test]
fn no_assets_warning() {
    let env = round_trip::<Folder>(
        r#"{"success":true,"warnings":["No assets found for the given search criteria."],"errors":[],"requestId":"1#14e21ca814a"}"#,
    );
    assert_eq!(env.warnings()[0].message(), crate::asset::NO_ASSETS);
}
