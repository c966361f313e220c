use super::*;
use Verdict::{Created, Replay};

fn image(pairs: &[(&str, &[i64])]) -> Image {
    pairs
        .iter()
        .map(|(v, ids)| (normalize(v), ids.to_vec()))
        .collect()
}

fn batch(seq: u64, values: &[Option<&str>], before: Option<Image>) -> Unsettled {
    Unsettled {
        seq,
        lines: (0..values.len() as u64).map(|i| seq * 100 + i).collect(),
        values: values.iter().map(|v| v.map(str::to_owned)).collect(),
        before,
        since: None,
        why: None,
    }
}

fn undecided() -> Verdict {
    Verdict::Undecided(
        "in flight when the run stopped, with no email to look it up by: whether Marketo created it cannot be \
         told; check before sending it again"
            .into(),
    )
}

/// Each case: the action, the batches with their before-images, the after-image of each, and the verdicts.
#[test]
fn verdicts_from_before_and_after_images() {
    type Case = (
        &'static str,
        SyncAction,
        Vec<Unsettled>,
        Vec<Image>,
        Vec<Vec<Verdict>>,
    );
    let a = Some("a@x.com");
    let b = Some("b@x.com");
    let c = Some("c@x.com");
    let cases: Vec<Case> = vec![
        (
            "createDuplicate applied: one new lead per record, an existing one is not counted",
            SyncAction::CreateDuplicate,
            vec![batch(1, &[a, a, b, None], Some(image(&[("a@x.com", &[1])])))],
            vec![image(&[("a@x.com", &[1, 7, 8]), ("b@x.com", &[9])])],
            vec![vec![Created(7), Created(8), Created(9), undecided()]],
        ),
        (
            "createDuplicate not applied: everything again, but the record with no value",
            SyncAction::CreateDuplicate,
            vec![batch(1, &[a, b, None], Some(image(&[])))],
            vec![image(&[])],
            vec![vec![Replay, Replay, undecided()]],
        ),
        (
            "createDuplicate partly applied",
            SyncAction::CreateDuplicate,
            vec![batch(1, &[a, a], Some(image(&[("a@x.com", &[1])])))],
            vec![image(&[("a@x.com", &[1, 7])])],
            vec![vec![Created(7), Replay]],
        ),
        (
            "createOnly applied: the first record of a new value created it; the rest get their answer again",
            SyncAction::CreateOnly,
            vec![batch(1, &[a, b, a, c], Some(image(&[("b@x.com", &[2])])))],
            vec![image(&[("a@x.com", &[5]), ("b@x.com", &[2])])],
            vec![vec![Created(5), Replay, Replay, Replay]],
        ),
        (
            "createOrUpdate applied: created leads counted, updates sent again",
            SyncAction::CreateOrUpdate,
            vec![batch(1, &[a, b, c], Some(image(&[("b@x.com", &[2])])))],
            vec![image(&[("a@x.com", &[5]), ("b@x.com", &[2]), ("c@x.com", &[6])])],
            vec![vec![Created(5), Replay, Created(6)]],
        ),
        (
            "updateOnly: always again",
            SyncAction::UpdateOnly,
            vec![batch(1, &[a, b], None)],
            vec![image(&[])],
            vec![vec![Replay, Replay]],
        ),
        (
            "createOnly, two batches with one value: the newest that could have created it gets it",
            SyncAction::CreateOnly,
            vec![
                batch(1, &[a], Some(image(&[]))),
                batch(2, &[a, b], Some(image(&[]))),
            ],
            vec![image(&[("a@x.com", &[5])]), image(&[("a@x.com", &[5])])],
            vec![vec![Replay], vec![Created(5), Replay]],
        ),
        (
            "createDuplicate, two batches with one value: each gets the lead new since its own image",
            SyncAction::CreateDuplicate,
            vec![
                batch(1, &[a], Some(image(&[]))),
                batch(2, &[a], Some(image(&[("a@x.com", &[5])]))),
            ],
            vec![image(&[("a@x.com", &[5, 6])]), image(&[("a@x.com", &[5, 6])])],
            vec![vec![Created(5)], vec![Created(6)]],
        ),
        (
            "values compare without case",
            SyncAction::CreateOnly,
            vec![batch(1, &[Some(" A@X.com ")], Some(image(&[])))],
            vec![image(&[("a@x.com", &[3])])],
            vec![vec![Created(3)]],
        ),
    ];
    for (name, action, batches, now, want) in cases {
        let before: Vec<Option<Image>> = batches.iter().map(|b| b.before.clone()).collect();
        assert_eq!(
            decide(action, "email", &batches, &before, &now),
            want,
            "{name}"
        );
    }
}

/// From the leads found on resume, the before-image of a batch written down with a `Since`: a lead created
/// before its time, or with an id the run had already created (its own lead of the same second), was there.
#[test]
fn the_before_image_from_creation_times_and_ids() {
    use crate::checkpoint::Since;
    use chrono::{TimeZone, Utc};
    use lookup::{Finds, Found};
    let at = |s: i64| Some(Utc.timestamp_opt(1_700_000_000 + s, 0).unwrap());
    let since = Since {
        at: at(10).unwrap(),
        after_id: 40,
    };
    let finds: Finds = [
        (
            "a@x.com".to_owned(),
            vec![
                Found {
                    id: 3,
                    created: at(2),
                },
                Found {
                    id: 41,
                    created: at(10),
                },
            ],
        ),
        (
            "b@x.com".to_owned(),
            vec![
                Found {
                    id: 39,
                    created: at(10),
                },
                Found {
                    id: 42,
                    created: at(11),
                },
            ],
        ),
        (
            "c@x.com".to_owned(),
            vec![Found {
                id: 50,
                created: None,
            }],
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        lookup::before(&finds, &since),
        image(&[("a@x.com", &[3]), ("b@x.com", &[39]), ("c@x.com", &[50])])
    );
    assert_eq!(
        lookup::after(&finds),
        image(&[
            ("a@x.com", &[3, 41]),
            ("b@x.com", &[39, 42]),
            ("c@x.com", &[50])
        ])
    );
}
