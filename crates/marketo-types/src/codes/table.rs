//! The catalogue's rows. Messages in `message` are what the emulator sends; where real traffic was recorded
//! (`shared/reference/wire-facts.md`) the recorded message wins over the documentation's title.

use super::{CodeInfo, Handling as H, Level as L, Meaning};

const fn row(
    code: u16,
    level: L,
    message: &'static str,
    meaning: &'static str,
    counted: bool,
    handling: H,
    evidence: &'static str,
) -> CodeInfo {
    CodeInfo {
        code,
        level,
        message,
        docs_message: message,
        meaning,
        counted,
        handling,
        meanings: &[],
        evidence,
    }
}

const fn docs(mut info: CodeInfo, docs_message: &'static str) -> CodeInfo {
    info.docs_message = docs_message;
    info
}

const fn meanings(mut info: CodeInfo, meanings: &'static [Meaning]) -> CodeInfo {
    info.meanings = meanings;
    info
}

const fn skip(code: u16, message: &'static str, meaning: &'static str) -> CodeInfo {
    row(
        code,
        L::Record,
        message,
        meaning,
        true,
        H::RecordSkipped,
        "doc",
    )
}

const RESPONSE_1003: &[Meaning] = &[
    Meaning {
        name: "too-many-results",
        message: "Too many results match the filter",
        matches: &["too many results"],
        description: "More than 1,000 leads match a Get Leads by Filter Type call: fewer filter values per call.",
        handling: H::SplitRequest,
    },
    Meaning {
        name: "invalid-field-value",
        message: "Invalid value for field '%s'",
        matches: &["invalid value for field"],
        description: "A field's value is not valid for its type (observed as the reason for a bad boolean, email, \
                      integer, float, datetime or percent value).",
        handling: H::RecordSkipped,
    },
    Meaning {
        name: "empty-file",
        message: "Empty file",
        matches: &["empty file"],
        description: "A bulk import file with no rows.",
        handling: H::FixRequest,
    },
    Meaning {
        name: "list-too-large",
        message: "Static list has too many records",
        matches: &["too many records"],
        description: "Get Lead Activities or Get Lead Changes with a `listId` of 10,000 or more leads (from the \
                      2026 migration): scope the call by leadIds or a smaller list.",
        handling: H::FixRequest,
    },
    Meaning {
        name: "invalid-data",
        message: "Invalid data",
        matches: &["invalid data"],
        description: "The data is not valid for the endpoint or mode, e.g. `id` with `createOnly`.",
        handling: H::RecordSkipped,
    },
];

const MEANINGS_702: &[Meaning] = &[
    Meaning {
        name: "no-data",
        message: "No data found for given search scenario",
        matches: &["no data found"],
        description:
            "No records matched the search: an empty result. Many searches instead answer \
                      `success:true` with an empty `result` and an informational warning.",
        handling: H::TreatAsEmpty,
    },
    Meaning {
        name: "object-not-found",
        message: "%s not found",
        matches: &["not found"],
        description:
            "An asset or object fetched by id does not exist (asset API wording): the id is wrong.",
        handling: H::FixRequest,
    },
];

const MEANINGS_1006: &[Meaning] = &[
    Meaning {
        name: "lookup-field",
        message: "Lookup field '%s' not found",
        matches: &["lookup field"],
        description:
            "The `lookupField` of a sync is not a field of the instance: the whole call fails \
                      (response level).",
        handling: H::FixRequest,
    },
    Meaning {
        name: "field",
        message: "Field '%s' not found",
        matches: &["field '"],
        description:
            "A field in the record is not a field of the instance: that record is skipped.",
        handling: H::RecordSkipped,
    },
];

const MEANINGS_1013: &[Meaning] = &[
    Meaning {
        name: "object-not-found",
        message: "Object not found",
        matches: &["object not found"],
        description: "An object fetched by id (a list, a campaign, a custom activity type) does not exist.",
        handling: H::RecordSkipped,
    },
    Meaning {
        name: "record-not-found",
        message: "Record not found",
        matches: &["record not found"],
        description: "A delete or updateOnly of a company, opportunity, sales person or named account named a \
                      record that does not exist (the object APIs' wording): that record is skipped.",
        handling: H::RecordSkipped,
    },
];

const MEANINGS_1016: &[Meaning] = &[Meaning {
    name: "queue-full",
    message: "Too many imports",
    matches: &["too many imports", "imports currently being processed"],
    description: "The import queue (2 running, 10 queued) is full: wait for a job to finish and submit again.",
    handling: H::RetryWithBackoff,
}];

const MEANINGS_1029: &[Meaning] = &[
    Meaning {
        name: "queue-full",
        message: "Too many jobs (10) in queue",
        matches: &["too many jobs"],
        description: "The bulk export queue (10 jobs, 2 processing, shared by every object type) is full: wait \
                      for a job to finish, then enqueue again.",
        handling: H::RetryWithBackoff,
    },
    Meaning {
        name: "export-daily-quota",
        message: "Export daily quota %sMB exceeded.",
        matches: &["export daily quota", "daily quota"],
        description: "The day's bulk export allowance (500 MB of file size by default) is spent: stop until it \
                      resets at midnight US Central. Retrying before then only fails again.",
        handling: H::StopUntilQuotaReset,
    },
    Meaning {
        name: "job-already-queued",
        message: "Job already queued",
        matches: &["already queued"],
        description: "This export id has already been enqueued: do not enqueue it again, poll its status.",
        handling: H::FixRequest,
    },
];

/// Every code of the seed document (and 600 observed, 1079/1080 from the current docs), in code order.
pub static CATALOGUE: &[CodeInfo] = &[
    // ---- HTTP level ----
    docs(
        row(401, L::Http, "Bad client credentials",
            "The Identity endpoint refused the client id or client secret. The body is an OAuth error: \
             {\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"} for a wrong secret, \
             {\"error\":\"unauthorized\",\"error_description\":\"No client with requested id: ID\"} for an unknown id.",
            false, H::FixRequest, "doc (status), inferred (body)"),
        "Unauthorized",
    ),
    docs(
        row(413, L::Http, "Request Entity Too Large",
            "The request body exceeded 1 MB (10 MB for bulk import). Move the records that pass the limit into \
             another request.",
            true, H::SplitRequest, "doc"),
        "Request Entity Too Large",
    ),
    docs(
        row(414, L::Http, "Request-URI Too Long",
            "The URI of a GET exceeded 8 KB. Resend as POST with _method=GET in the URL or form body and the rest \
             of the query string in the body.",
            true, H::ResendAsPostWithMethodGet, "doc"),
        "Request-URI Too Long",
    ),
    // ---- response level ----
    docs(
        row(502, L::Response, "Bad Gateway",
            "The remote server returned an error, likely a timeout. Arrives as an HTTP 502 status.",
            true, H::RetryWithBackoff, "doc"),
        "Bad Gateway",
    ),
    row(600, L::Response, "Access token not specified",
        "The call carried no access token (undocumented code, observed in real traffic).",
        true, H::Reauthenticate, "observed"),
    row(601, L::Response, "Access token invalid",
        "An access token was sent but is not a valid token.",
        false, H::Reauthenticate, "observed"),
    row(602, L::Response, "Access token expired",
        "The access token is no longer valid because it expired.",
        false, H::Reauthenticate, "observed"),
    row(603, L::Response, "Access denied",
        "Authentication succeeded but the API user's role lacks the permission for this call, or IP-based API \
         access allowlisting refused it.",
        true, H::FixRequest, "doc"),
    row(604, L::Response, "Request timed out",
        "The request ran too long (e.g. database contention) or passed its time-out.",
        false, H::RetryWithBackoff, "doc"),
    docs(
        row(605, L::Response, "Request method '%s' not supported",
            "The HTTP method is not supported for this endpoint (e.g. GET on Sync Leads: POST must be used).",
            false, H::FixRequest, "observed"),
        "HTTP Method not supported",
    ),
    docs(
        row(606, L::Response, "Max rate limit '%s' exceeded with in '%s' secs",
            "More than 100 calls in the past 20 seconds (shared by every API user of the instance).",
            true, H::WaitForRateWindow, "observed"),
        "Max rate limit '%s' exceeded with in '%s' secs",
    ),
    row(607, L::Response, "Daily quota reached",
        "Calls today passed the subscription's daily quota (50,000 by default); it resets at 12:00 AM US Central.",
        true, H::StopUntilQuotaReset, "doc"),
    row(608, L::Response, "API Temporarily Unavailable",
        "The API is temporarily unavailable.",
        false, H::RetryWithBackoff, "doc"),
    row(609, L::Response, "Invalid JSON",
        "The request body is not valid JSON.",
        true, H::FixRequest, "doc"),
    row(610, L::Response, "Requested resource not found",
        "The URI matched no REST resource: often a misspelled or badly formed path.",
        true, H::FixRequest, "doc"),
    row(611, L::Response, "System error",
        "An unhandled exception on Marketo's side.",
        false, H::RetryWithBackoff, "doc"),
    row(612, L::Response, "Invalid Content Type",
        "The body's content type is missing or wrong: send Content-Type: application/json.",
        true, H::FixRequest, "doc"),
    row(613, L::Response, "Invalid Multipart Request",
        "The multipart content of the POST was not formatted correctly.",
        true, H::FixRequest, "doc"),
    row(614, L::Response, "Invalid Subscription",
        "The destination subscription cannot be found or is unreachable; usually temporary.",
        true, H::RetryWithBackoff, "doc"),
    docs(
        row(615, L::Response, "Concurrent access limit '%s' reached",
            "Already 10 calls of this subscription in flight (shared by every API user).",
            true, H::WaitForConcurrencySlot, "observed"),
        "Concurrent access limit reached",
    ),
    row(616, L::Response, "Invalid subscription type",
        "The subscription type does not allow this API (e.g. the Custom Object Metadata API).",
        true, H::FixRequest, "doc"),
    row(701, L::Response, "%s cannot be blank",
        "A required field or parameter of the request is empty.",
        true, H::FixRequest, "doc"),
    meanings(
        docs(
            row(702, L::Response, "No data found for given search scenario",
                "No records matched the search parameters.",
                true, H::TreatAsEmpty, "doc"),
            "No data found for a given search scenario",
        ),
        MEANINGS_702,
    ),
    docs(
        row(703, L::Response, "The feature is not enabled for the subscription",
            "A beta feature not enabled for this subscription.",
            true, H::FixRequest, "doc"),
        "Feature is not enabled for the subscription",
    ),
    row(704, L::Response, "Invalid date format",
        "A date was not in the expected format, or an invalid dynamic content id was given.",
        true, H::FixRequest, "doc"),
    row(709, L::Response, "Business Rule Violation",
        "The call violates a rule for creating or updating an asset (e.g. an email without a template, \
         approving an asset with no draft).",
        true, H::FixRequest, "doc"),
    row(710, L::Response, "Parent Folder Not Found",
        "The given parent folder does not exist.",
        true, H::FixRequest, "doc"),
    row(711, L::Response, "Incompatible Folder Type",
        "The given folder is not of the right type for the request.",
        true, H::FixRequest, "doc"),
    row(712, L::Response, "Merge to person Account operation is invalid",
        "Merge Leads tried to merge Salesforce Person Accounts; merge them in Salesforce.",
        true, H::FixRequest, "doc"),
    row(713, L::Response, "Transient Error",
        "A system resource was temporarily unavailable: wait, then retry.",
        true, H::RetryWithBackoff, "doc"),
    row(714, L::Response, "Unable to find default record type",
        "Merge Leads could not find a default record type.",
        true, H::FixRequest, "doc"),
    row(718, L::Response, "ExternalSalesPersonID not found",
        "Sync Opportunities named an externalSalesPersonId that does not exist.",
        true, H::FixRequest, "doc"),
    row(719, L::Response, "Lock wait timeout exception",
        "Clone Program timed out waiting for a lock: retry later.",
        true, H::RetryWithBackoff, "doc"),
    // ---- record level ----
    row(1001, L::Record, "Invalid value '%s'. Required of type '%s'",
        "A parameter's value has the wrong type (e.g. a string for an integer parameter).",
        true, H::FixRequest, "doc"),
    row(1002, L::Record, "Missing value for required parameter '%s'",
        "A required parameter is missing from the request.",
        true, H::FixRequest, "doc"),
    meanings(
        row(1003, L::Record, "Invalid data",
            "The data is not valid for the endpoint or mode: `id` with createOnly, a value of the wrong type \
             (\"Invalid value for field 'x'\"), more than 1,000 filter matches, an empty import file.",
            true, H::RecordSkipped, "doc + observed"),
        RESPONSE_1003,
    ),
    skip(1004, "Lead not found", "updateOnly found no lead for the key; or a list call named an unknown lead."),
    skip(1005, "Lead already exists", "createOnly found a lead for the key already."),
    meanings(
        skip(1006, "Field '%s' not found", "A field named in the call is not a field of the instance."),
        MEANINGS_1006,
    ),
    skip(1007, "Multiple leads match the lookup criteria",
        "Several leads match the lookup key; updates need a key that matches one record."),
    skip(1008, "Access denied to partition '%s'",
        "The API user has no access to a workspace holding the record's partition."),
    skip(1009, "Partition name must be specified", "The call must name a lead partition."),
    skip(1010, "Partition update not allowed", "The record exists already in another lead partition."),
    docs(
        skip(1011, "Field '%s' not supported",
            "The lookup field or filter type is a standard field that cannot be used for it (e.g. firstName)."),
        "Field '%s' not supported",
    ),
    skip(1012, "Invalid cookie value '%s'",
        "An invalid cookie value (Associate Lead, or Get Leads by Filter Type with filterType=cookies)."),
    meanings(
        skip(1013, "Object not found", "The object (list, campaign, ...) fetched by id does not exist."),
        MEANINGS_1013,
    ),
    skip(1014, "Failed to create Object", "The object (list, ...) could not be created."),
    skip(1015, "Lead not in list", "The lead is not a member of the list."),
    meanings(
        row(1016, L::Record, "Too many imports",
            "Too many bulk imports queued (2 running, 10 queued at most).",
            true, H::RetryWithBackoff, "doc + peer"),
        MEANINGS_1016,
    ),
    skip(1017, "Object already exists", "Creation failed because the record already exists."),
    skip(1018, "CRM Enabled", "Not allowed: the instance has a native CRM integration enabled."),
    row(1019, L::Record, "Import in progress",
        "The target list is already being imported to: wait for that import, then retry.",
        true, H::RetryWithBackoff, "doc"),
    docs(
        skip(1020, "Too many clone to program",
            "The subscription used its daily allowance of cloneToProgramName in Schedule Program."),
        "To many clone to program",
    ),
    skip(1021, "Company update not allowed", "Company fields cannot be updated through Sync Leads."),
    skip(1022, "Object in use", "Delete is not allowed while another object uses this one."),
    skip(1025, "Program status not found",
        "Change Lead Program Status named a status the program's channel does not have."),
    skip(1026, "Custom object not enabled", "The instance does not have custom objects enabled."),
    skip(1027, "Max Activity Type Limit Reached",
        "The subscription has reached its maximum number of custom activity types."),
    skip(1028, "Max field limit reached", "Custom activities have at most 20 secondary attributes."),
    meanings(
        row(1029, L::Record, "Too many jobs (10) in queue",
            "Bulk export refused: the queue is full, the day's export allowance is spent, or the job is already \
             queued. Arrives at response level on the bulk endpoints. The message tells which.",
            true, H::RetryWithBackoff, "doc + observed"),
        MEANINGS_1029,
    ),
    docs(
        row(1035, L::Record, "Unsupported filter type for target subscription",
            "This subscription does not support the bulk extract filter (updatedAt, smartListId, smartListName \
             on some subscriptions). Arrives at response level.",
            true, H::FixRequest, "doc"),
        "Unsupported filter type",
    ),
    skip(1036, "Duplicate object found in input",
        "Two or more records in one call share a foreign key (e.g. the same externalCompanyId)."),
    skip(1037, "Lead was skipped", "The lead is already in or past this program status."),
    skip(1042, "Invalid runAt date",
        "Schedule Campaign's runAt is too far in the future (2 years at most)."),
    skip(1048, "Custom Object Discard Draft Failed", "Discarding a custom object's draft failed."),
    skip(1049, "Failed to Create Activity",
        "The attributes array of the activity exceeded 65,536 bytes."),
    skip(1076, "Merge Leads call with mergeInCRM flag is true",
        "Merging in the CRM would create a duplicate record: use an existing record instead."),
    skip(1077, "Merge Leads call failed due to '%s' length",
        "Merge with mergeInCRM failed: a CRM field is too long. Shorten it, or set mergeInCRM to false."),
    skip(1078, "Merge Leads call failed due to deleted entity, not a lead/contact, or field filter criteria doesn't match",
        "Merge failure: unable to merge in the natively synced CRM."),
    skip(1079, "Merge Leads call failed due to Personalized URL conflict in duplicate records",
        "Several leads to merge share a Personalized URL; merge them in the Marketo Engage UI."),
    row(1080, L::Record, "Too many leadIds in Merge Leads",
        "A Merge Leads call named more than 25 leadIds (from 2026-03-31): split it into several merges.",
        true, H::RecordSkipped, "doc (code), inferred (message)"),
];
