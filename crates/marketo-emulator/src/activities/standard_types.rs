//! The rest of Marketo's standard activity types, as `types.json` lists them: the ones the emulator records
//! itself are in [`super::types`]. Ids, names and primary attributes follow Marketo's type list; the secondary
//! attributes of the types the emulator never records are given as Marketo names them where known and are
//! otherwise inferred [INF] (they only describe, nothing is stored under them).

use super::types::ActivityType;

const CAMPAIGN_STEP: &[(&str, &str)] = &[
    ("Campaign Run ID", "integer"),
    ("Choice Number", "integer"),
    ("Step ID", "integer"),
];

const fn t(
    id: i64,
    name: &'static str,
    description: &'static str,
    primary: (&'static str, &'static str),
    attributes: &'static [(&'static str, &'static str)],
) -> ActivityType {
    ActivityType {
        id,
        name,
        description,
        primary,
        attributes,
    }
}

/// Standard types the emulator describes but does not record itself.
pub const MORE: &[ActivityType] = &[
    t(
        3,
        "Click Link",
        "User clicks link on a page",
        ("Link ID", "integer"),
        &[
            ("Client IP Address", "string"),
            ("Query Parameters", "string"),
            ("Referrer URL", "string"),
            ("User Agent", "string"),
            ("Webpage ID", "integer"),
        ],
    ),
    t(
        6,
        "Send Email",
        "Send Marketo Email to a person",
        ("Mailing ID", "integer"),
        CAMPAIGN_STEP,
    ),
    t(
        7,
        "Email Delivered",
        "Marketo Email is delivered to a person",
        ("Mailing ID", "integer"),
        CAMPAIGN_STEP,
    ),
    t(
        8,
        "Email Bounced",
        "Marketo Email is bounced for a person",
        ("Mailing ID", "integer"),
        &[
            ("Category", "string"),
            ("Details", "string"),
            ("Email", "string"),
            ("Subcategory", "string"),
        ],
    ),
    t(
        9,
        "Unsubscribe Email",
        "Person unsubscribes from Marketo Emails",
        ("Mailing ID", "integer"),
        &[
            ("Client IP Address", "string"),
            ("Form Fields", "text"),
            ("User Agent", "string"),
        ],
    ),
    t(
        10,
        "Open Email",
        "User opens Marketo Email",
        ("Mailing ID", "integer"),
        &[
            ("Device", "string"),
            ("Is Mobile Device", "boolean"),
            ("Platform", "string"),
            ("User Agent", "string"),
        ],
    ),
    t(
        11,
        "Click Email",
        "User clicks on a link in a Marketo Email",
        ("Mailing ID", "integer"),
        &[
            ("Device", "string"),
            ("Link", "string"),
            ("Platform", "string"),
            ("User Agent", "string"),
        ],
    ),
    t(
        19,
        "Sync Lead to SFDC",
        "Person is synced to Salesforce",
        ("Lead ID", "integer"),
        &[],
    ),
    t(
        21,
        "Convert Lead",
        "Convert a person",
        ("Lead ID", "integer"),
        &[],
    ),
    t(
        22,
        "Change Score",
        "Change a person's score",
        ("Score Name", "string"),
        &[
            ("Change Value", "string"),
            ("New Value", "integer"),
            ("Old Value", "integer"),
            ("Reason", "string"),
        ],
    ),
    t(
        23,
        "Change Owner",
        "Change the owner of a person",
        ("Owner ID", "integer"),
        &[("Reason", "string")],
    ),
    t(
        27,
        "Email Bounced Soft",
        "Marketo Email soft bounces for a person",
        ("Mailing ID", "integer"),
        &[
            ("Category", "string"),
            ("Details", "string"),
            ("Email", "string"),
        ],
    ),
    t(
        34,
        "Add to Opportunity",
        "Add a person to an opportunity",
        ("Opportunity ID", "integer"),
        &[("Role", "string")],
    ),
    t(
        35,
        "Remove from Opportunity",
        "Remove a person from an opportunity",
        ("Opportunity ID", "integer"),
        &[],
    ),
    t(
        36,
        "Update Opportunity",
        "Update an opportunity",
        ("Opportunity ID", "integer"),
        &[("Data Value Changes", "string")],
    ),
    t(
        38,
        "Send Alert",
        "Send alert for a person",
        ("Mailing ID", "integer"),
        &[("Send To Owner", "string")],
    ),
    t(
        46,
        "Interesting Moment",
        "Interesting moment for a person",
        ("Marketo Asset Name", "string"),
        &[("Description", "string"), ("Source", "string")],
    ),
    t(
        47,
        "Request Campaign",
        "Request a person to enter a campaign",
        ("Campaign ID", "integer"),
        &[("Source", "string")],
    ),
    t(
        100,
        "Change Lead Partition",
        "Change the lead partition of a person",
        ("Partition ID", "integer"),
        &[("Old Partition ID", "integer"), ("Reason", "string")],
    ),
    t(
        101,
        "Change Revenue Stage",
        "Change the revenue stage of a person",
        ("Model ID", "integer"),
        &[
            ("New Stage ID", "integer"),
            ("Old Stage ID", "integer"),
            ("Reason", "string"),
        ],
    ),
    t(
        104,
        "Change Status in Progression",
        "Change a person's program status",
        ("Program ID", "integer"),
        &[
            ("Acquired By", "boolean"),
            ("New Status", "string"),
            ("New Status ID", "integer"),
            ("Old Status", "string"),
            ("Old Status ID", "integer"),
            ("Program Member ID", "integer"),
            ("Reason", "string"),
            ("Success", "boolean"),
        ],
    ),
    t(
        108,
        "Change Segment",
        "Change a person's segment",
        ("Segmentation ID", "integer"),
        &[("New Segment ID", "integer")],
    ),
    t(
        110,
        "Call Webhook",
        "Call a webhook for a person",
        ("Webhook ID", "integer"),
        &[("Response", "text")],
    ),
    t(
        113,
        "Add to Nurture",
        "Add a person to a nurture program",
        ("Program ID", "integer"),
        &[("Track ID", "integer"), ("Track Name", "string")],
    ),
    t(
        114,
        "Change Nurture Track",
        "Change a person's nurture track",
        ("Program ID", "integer"),
        &[
            ("New Track ID", "integer"),
            ("Previous Track ID", "integer"),
        ],
    ),
    t(
        115,
        "Change Nurture Cadence",
        "Change a person's nurture cadence",
        ("Program ID", "integer"),
        &[("New Nurture Cadence", "string")],
    ),
];
