//! Cutting records into batches by count and by exact body size, keeping input order.

use std::ops::Range;

/// One piece of a batch plan, in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Records `range` travel together in one call.
    Batch(Range<usize>),
    /// Record `index` alone is larger than the body limit: it cannot be sent.
    Oversized(usize),
}

/// Plan batches for records of `sizes` bytes: at most `max_records` per batch, and a body (of `overhead`
/// bytes plus the records plus one comma between each two) of at most `max_bytes`. Greedy, in order.
///
/// ```
/// use marketo_client::shape::{plan_batches, Piece};
/// let plan = plan_batches(10, &[40, 40, 200, 40], 300, 100);
/// assert_eq!(plan, vec![Piece::Batch(0..2), Piece::Oversized(2), Piece::Batch(3..4)]);
/// ```
pub fn plan_batches(
    overhead: usize,
    sizes: &[usize],
    max_records: usize,
    max_bytes: usize,
) -> Vec<Piece> {
    let max_records = max_records.max(1);
    let mut plan = Vec::new();
    let mut start = 0;
    let mut bytes = overhead;
    for (i, &size) in sizes.iter().enumerate() {
        if overhead + size > max_bytes {
            if start < i {
                plan.push(Piece::Batch(start..i));
            }
            plan.push(Piece::Oversized(i));
            start = i + 1;
            bytes = overhead;
            continue;
        }
        let comma = usize::from(i > start);
        if i - start == max_records || bytes + comma + size > max_bytes {
            plan.push(Piece::Batch(start..i));
            start = i;
            bytes = overhead + size;
        } else {
            bytes += comma + size;
        }
    }
    if start < sizes.len() {
        plan.push(Piece::Batch(start..sizes.len()));
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shape::BodyTemplate;
    use marketo_types::limits::{MAX_RECORDS_PER_CALL, SAFE_BODY_BYTES};
    use proptest::prelude::*;
    use serde_json::{json, Map, Value};

    #[test]
    fn a_full_1000_record_sync_is_four_calls() {
        let plan = plan_batches(50, &[100; 1000], MAX_RECORDS_PER_CALL, SAFE_BODY_BYTES);
        assert_eq!(
            plan,
            vec![
                Piece::Batch(0..300),
                Piece::Batch(300..600),
                Piece::Batch(600..900),
                Piece::Batch(900..1000)
            ]
        );
    }

    #[test]
    fn the_byte_limit_is_exact() {
        // overhead 10 + 3 records of 10 + 2 commas = 42.
        assert_eq!(
            plan_batches(10, &[10, 10, 10], 300, 42),
            vec![Piece::Batch(0..3)]
        );
        assert_eq!(
            plan_batches(10, &[10, 10, 10], 300, 41),
            vec![Piece::Batch(0..2), Piece::Batch(2..3)]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Batches never pass the record or byte limit, keep input order, and cover every record once.
        #[test]
        fn batches_never_exceed_300_records_or_1_mb_and_keep_order(
            sizes in proptest::collection::vec(prop_oneof![95 => 0usize..200, 4 => 0usize..60_000, 1 => 950_000usize..1_050_000], 0..1200),
        ) {
            let mut params = Map::new();
            params.insert("action".into(), json!("createOrUpdate"));
            params.insert("lookupField".into(), json!("email"));
            let t = BodyTemplate::new(&params);
            let records: Vec<Vec<u8>> = sizes.iter().enumerate().map(|(i, &s)| {
                // A JSON object of about `s` bytes whose content records its index.
                serde_json::to_vec(&json!({"i": i, "pad": "x".repeat(s)})).unwrap()
            }).collect();
            let lens: Vec<usize> = records.iter().map(Vec::len).collect();
            let plan = plan_batches(t.overhead(), &lens, MAX_RECORDS_PER_CALL, SAFE_BODY_BYTES);
            let mut next = 0usize;
            for piece in &plan {
                match piece {
                    Piece::Batch(r) => {
                        prop_assert_eq!(r.start, next);
                        prop_assert!(!r.is_empty() && r.len() <= MAX_RECORDS_PER_CALL);
                        let body = t.body(&records[r.clone()]);
                        prop_assert!(body.len() <= SAFE_BODY_BYTES);
                        prop_assert_eq!(body.len(), t.size(lens[r.clone()].iter().copied()));
                        let v: Value = serde_json::from_slice(&body).unwrap();
                        let idx: Vec<u64> = v["input"].as_array().unwrap().iter().map(|r| r["i"].as_u64().unwrap()).collect();
                        prop_assert_eq!(idx, (r.start as u64..r.end as u64).collect::<Vec<_>>());
                        next = r.end;
                    }
                    Piece::Oversized(i) => {
                        prop_assert_eq!(*i, next);
                        prop_assert!(t.overhead() + lens[*i] > SAFE_BODY_BYTES);
                        next = i + 1;
                    }
                }
            }
            prop_assert_eq!(next, sizes.len());
        }
    }
}
