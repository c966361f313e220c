//! The Asset API's Segments, one named test per operation, against the emulator.

use crate::support::*;
use marketo_client::endpoints::assets::VersionStatus;
use marketo_client::Client;
use marketo_emulator::Emulator;
use serde_json::json;

/// An emulator with the approved segmentation `Region` (EMEA, APAC) and the draft `Tier` (Gold).
async fn seeded() -> (Emulator, Client) {
    let emu = emulator(|b| b).await;
    emu.seed(json!({"segmentations": [
        {"name": "Region", "segments": ["EMEA", "APAC"]},
        {"name": "Tier", "status": "draft", "segments": ["Gold"]}
    ]}))
    .expect("seed");
    let c = client(&emu);
    (emu, c)
}

#[tokio::test(start_paused = true)]
async fn get_segmentations_answers_all_or_those_of_one_status() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let all = a.segmentations(None).await.unwrap();
    let named: Vec<(&str, &str)> = all
        .iter()
        .map(|s| (s.name.as_str(), s.status.as_str()))
        .collect();
    assert_eq!(named, [("Region", "approved"), ("Tier", "draft")]);
    let drafts = a.segmentations(Some(VersionStatus::Draft)).await.unwrap();
    assert_eq!(
        drafts.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Tier"]
    );
    let approved = a
        .segmentations(Some(VersionStatus::Approved))
        .await
        .unwrap();
    assert_eq!(
        approved.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Region"]
    );
}

#[tokio::test(start_paused = true)]
async fn get_segments_for_segmentation_answers_its_segments_and_default_and_empty_when_missing() {
    let (_emu, c) = seeded().await;
    let a = c.assets();
    let region = a
        .segmentations(Some(VersionStatus::Approved))
        .await
        .unwrap()[0]
        .id;
    let segments = a.segments(region, None).await.unwrap();
    let names: Vec<&str> = segments.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["EMEA", "APAC", "Default"]);
    assert!(segments.iter().all(|s| s.segmentation_id == region));
    assert!(a.segments(4242, None).await.unwrap().is_empty());
}
