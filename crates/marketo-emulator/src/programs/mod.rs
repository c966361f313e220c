//! Programs in the Lead Database: program members and their statuses, the program member field schema, the
//! program memberships of a lead, and the Lead Database's campaigns (Get Campaigns, Request Campaign, Schedule
//! Campaign) with the runs the clock carries out. Plain Rust, no HTTP types; time comes in as `now`.
//!
//! Programs, channels and smart campaigns are the Asset API's ([`crate::assets`]): a member's status is one of
//! its program's channel's progression statuses, and moves only forward (by step).
//!
//! | answer | when |
//! |---|---|
//! | 1013 "Object not found" | a program or campaign that does not exist [INF] |
//! | 1025 "Program status not found" | a status the program's channel does not have (the whole call) [INF: response level] |
//! | skipped 1037 "Lead skipped because it is already in or past this status" | the lead's step is at or past the status's |
//! | skipped 1037 "Lead not in program" | Delete Program Members of a lead that is not a member |
//! | skipped 1013 "Membership not found" | Sync Program Member Data of a lead that is not a member |
//! | skipped 1004 "Lead not found" | a lead that does not exist |
//! | 1003 "Invalid data" | Request Campaign on a batch campaign, Schedule Campaign on a trigger campaign, more than 100 leads or tokens |
//! | 1042 "Invalid runAt date" | `runAt` more than two years ahead |
//! | 1020 "To many clone to program" | the 21st `cloneToProgramName` of the day (US Central) |

pub mod campaigns;
pub mod fields;
pub mod members;
pub mod reads;
pub mod runs;
pub mod status;
