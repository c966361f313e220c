//! The activity types the emulator knows (`GET /rest/v1/activities/types.json`), with the ids Marketo uses for
//! them. It records four of them itself (12, 13, 24, 25); the others are listed so that clients asking for them
//! get an empty page rather than an error.

use marketo_types::activity::{ActivityType as TypeRecord, AttributeType};

/// New Lead.
pub const NEW_LEAD: i64 = 12;
/// Change Data Value.
pub const CHANGE_DATA_VALUE: i64 = 13;
/// Add to List.
pub const ADD_TO_LIST: i64 = 24;
/// Remove from List.
pub const REMOVE_FROM_LIST: i64 = 25;
/// Merge Leads.
pub const MERGE_LEADS: i64 = 32;
/// Delete Lead.
pub const DELETE_LEAD: i64 = 37;
/// Fill Out Form.
pub const FILL_OUT_FORM: i64 = 2;
/// Push Lead to Marketo.
pub const PUSH_LEAD: i64 = 145;

/// One activity type: id, name, description, primary attribute and secondary attributes (name, data type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivityType {
    /// The type id.
    pub id: i64,
    /// Its name.
    pub name: &'static str,
    /// What it records.
    pub description: &'static str,
    /// The primary attribute (name, data type).
    pub primary: (&'static str, &'static str),
    /// The other attributes (name, data type).
    pub attributes: &'static [(&'static str, &'static str)],
}

/// Every type, by id.
pub const TYPES: &[ActivityType] = &[
    ActivityType {
        id: 1,
        name: "Visit Webpage",
        description: "User visits a web page",
        primary: ("Webpage ID", "integer"),
        attributes: &[
            ("Client IP Address", "string"),
            ("Query Parameters", "string"),
            ("Referrer URL", "string"),
            ("User Agent", "string"),
            ("Webpage URL", "string"),
        ],
    },
    ActivityType {
        id: 2,
        name: "Fill Out Form",
        description: "User fills out and submits form on web page",
        primary: ("Webform ID", "integer"),
        attributes: &[
            ("Client IP Address", "string"),
            ("Form Fields", "text"),
            ("Query Parameters", "string"),
            ("Referrer URL", "string"),
            ("User Agent", "string"),
            ("Webpage ID", "integer"),
        ],
    },
    ActivityType {
        id: NEW_LEAD,
        name: "New Lead",
        description: "New person/record is added to the lead database",
        primary: ("Lead ID", "integer"),
        attributes: &[("Source Type", "string")],
    },
    ActivityType {
        id: CHANGE_DATA_VALUE,
        name: "Change Data Value",
        description: "Changed attribute value for a person",
        primary: ("Attribute Name", "integer"),
        attributes: &[
            ("New Value", "string"),
            ("Old Value", "string"),
            ("Reason", "string"),
            ("Source", "string"),
        ],
    },
    ActivityType {
        id: ADD_TO_LIST,
        name: "Add to List",
        description: "Person is added to a list",
        primary: ("List ID", "integer"),
        attributes: &[("Source", "string")],
    },
    ActivityType {
        id: REMOVE_FROM_LIST,
        name: "Remove from List",
        description: "Person is removed from a list",
        primary: ("List ID", "integer"),
        attributes: &[("Source", "string")],
    },
    ActivityType {
        id: MERGE_LEADS,
        name: "Merge Leads",
        description: "Merge two or more leads",
        primary: ("Lead ID", "integer"),
        attributes: &[
            ("Merge ids", "string"),
            ("Merged in Sales", "boolean"),
            ("Master Updated", "boolean"),
            ("Merge Source", "string"),
        ],
    },
    ActivityType {
        id: PUSH_LEAD,
        name: "Push Lead to Marketo",
        description: "Push lead data to Marketo",
        primary: ("Program ID", "integer"),
        attributes: &[
            ("Program Name", "string"),
            ("Source", "string"),
            ("Reason", "string"),
        ],
    },
    ActivityType {
        id: DELETE_LEAD,
        name: "Delete Lead",
        description: "Delete lead from Marketo database",
        primary: ("Lead ID", "integer"),
        attributes: &[("Remove from CRM", "boolean")],
    },
];

/// The `types.json` result entries.
pub fn describe() -> Vec<TypeRecord> {
    let mut all: Vec<&ActivityType> = TYPES.iter().chain(super::standard_types::MORE).collect();
    all.sort_by_key(|t| t.id);
    all.into_iter()
        .map(|t| TypeRecord {
            id: t.id,
            name: t.name.to_owned(),
            description: Some(t.description.to_owned()),
            primary_attribute: Some(AttributeType::new(t.primary.0, t.primary.1)),
            attributes: t
                .attributes
                .iter()
                .map(|(name, ty)| AttributeType::new(*name, *ty))
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_unique_and_recorded_types_are_listed() {
        let ids: Vec<i64> = super::describe().iter().map(|t| t.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted, "sorted by id, each once");
        assert!(ids.len() >= 35);
        for id in [12, 13, 24, 25] {
            assert!(ids.contains(&id));
        }
    }
}
