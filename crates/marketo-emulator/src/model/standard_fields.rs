//! Marketo's standard lead fields (list-of-standard-fields.md), with the data types `describe.json` reports.
//!
//! Types are taken from real describe output where known and inferred from the field's meaning otherwise [INF].

use super::schema::{DataType, FieldDef};

/// `(REST name, label, type, read-only, searchable)`.
type Row = (&'static str, &'static str, DataType, bool, bool);

const STANDARD: &[Row] = &[
    ("id", "Id", DataType::Integer, true, true),
    ("company", "Company Name", DataType::String, false, false),
    ("site", "Site", DataType::String, false, false),
    (
        "billingStreet",
        "Billing Address",
        DataType::Text,
        false,
        false,
    ),
    (
        "billingCity",
        "Billing City",
        DataType::String,
        false,
        false,
    ),
    (
        "billingState",
        "Billing State",
        DataType::String,
        false,
        false,
    ),
    (
        "billingCountry",
        "Billing Country",
        DataType::String,
        false,
        false,
    ),
    (
        "billingPostalCode",
        "Billing Postal Code",
        DataType::String,
        false,
        false,
    ),
    ("website", "Website", DataType::Url, false, false),
    ("mainPhone", "Main Phone", DataType::Phone, false, false),
    (
        "annualRevenue",
        "Annual Revenue",
        DataType::Currency,
        false,
        false,
    ),
    (
        "numberOfEmployees",
        "Num Employees",
        DataType::Integer,
        false,
        false,
    ),
    ("industry", "Industry", DataType::String, false, false),
    ("sicCode", "SIC Code", DataType::String, false, false),
    ("salutation", "Salutation", DataType::String, false, false),
    ("firstName", "First Name", DataType::String, false, false),
    ("middleName", "Middle Name", DataType::String, false, false),
    ("lastName", "Last Name", DataType::String, false, false),
    ("email", "Email Address", DataType::Email, false, true),
    ("phone", "Phone Number", DataType::Phone, false, false),
    (
        "mobilePhone",
        "Mobile Phone Number",
        DataType::Phone,
        false,
        false,
    ),
    ("fax", "Fax Number", DataType::Phone, false, false),
    ("title", "Job Title", DataType::String, false, false),
    ("department", "Department", DataType::String, false, false),
    ("dateOfBirth", "Date of Birth", DataType::Date, false, false),
    ("address", "Address", DataType::Text, false, false),
    ("city", "City", DataType::String, false, false),
    ("state", "State", DataType::String, false, false),
    ("country", "Country", DataType::String, false, false),
    ("postalCode", "Postal Code", DataType::String, false, false),
    (
        "anonymousIP",
        "Anonymous IP",
        DataType::String,
        false,
        false,
    ),
    ("doNotCall", "Do Not Call", DataType::Boolean, false, false),
    (
        "doNotCallReason",
        "Do Not Call Reason",
        DataType::String,
        false,
        false,
    ),
    (
        "inferredCompany",
        "Inferred Company",
        DataType::String,
        true,
        false,
    ),
    (
        "inferredCountry",
        "Inferred Country",
        DataType::String,
        true,
        false,
    ),
    (
        "inferredCity",
        "Inferred City",
        DataType::String,
        true,
        false,
    ),
    (
        "inferredMetropolitanArea",
        "Inferred Metropolitan Area",
        DataType::String,
        true,
        false,
    ),
    (
        "inferredPhoneAreaCode",
        "Inferred Phone Area Code",
        DataType::String,
        true,
        false,
    ),
    (
        "inferredPostalCode",
        "Inferred Postal Code",
        DataType::String,
        true,
        false,
    ),
    (
        "inferredStateRegion",
        "Inferred State Region",
        DataType::String,
        true,
        false,
    ),
    ("leadRole", "Role", DataType::String, false, false),
    ("leadScore", "Lead Score", DataType::Score, false, false),
    ("leadSource", "Lead Source", DataType::String, false, false),
    ("leadStatus", "Lead Status", DataType::String, false, false),
    (
        "jigsawContactId",
        "Marketo Data.com ID",
        DataType::String,
        false,
        false,
    ),
    (
        "jigsawContactStatus",
        "Marketo Data.com Status",
        DataType::String,
        false,
        false,
    ),
    ("rating", "Lead Rating", DataType::String, false, false),
    (
        "unsubscribed",
        "Unsubscribed",
        DataType::Boolean,
        false,
        false,
    ),
    (
        "unsubscribedReason",
        "Unsubscribed Reason",
        DataType::Text,
        false,
        false,
    ),
    (
        "emailInvalid",
        "Email Invalid",
        DataType::Boolean,
        false,
        false,
    ),
    (
        "emailInvalidCause",
        "Email Invalid Cause",
        DataType::String,
        false,
        false,
    ),
    (
        "isAnonymous",
        "Is Anonymous",
        DataType::Boolean,
        true,
        false,
    ),
    ("priority", "Priority", DataType::Integer, true, false),
    (
        "externalCompanyId",
        "External Company Id",
        DataType::String,
        false,
        false,
    ),
    (
        "externalSalesPersonId",
        "External Sales Person Id",
        DataType::String,
        false,
        false,
    ),
    ("cookies", "Cookies", DataType::String, true, false),
    ("createdAt", "Created At", DataType::Datetime, true, false),
    ("updatedAt", "Updated At", DataType::Datetime, true, false),
];

/// The standard fields, in describe order.
pub fn standard_fields() -> Vec<FieldDef> {
    STANDARD
        .iter()
        .map(|&(name, label, data_type, read_only, searchable)| {
            let mut f = FieldDef::new(name, label, data_type);
            f.read_only = read_only;
            f.searchable = Some(searchable);
            f.standard = true;
            f
        })
        .collect()
}
