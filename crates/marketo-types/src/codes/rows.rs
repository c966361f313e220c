//! The builders of the catalogue's rows and the meanings a code has when one number covers several causes.

use super::{CodeInfo, Handling as H, Level as L, Meaning};

pub(super) const fn row(
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

pub(super) const fn docs(mut info: CodeInfo, docs_message: &'static str) -> CodeInfo {
    info.docs_message = docs_message;
    info
}

pub(super) const fn meanings(mut info: CodeInfo, meanings: &'static [Meaning]) -> CodeInfo {
    info.meanings = meanings;
    info
}

pub(super) const fn skip(code: u16, message: &'static str, meaning: &'static str) -> CodeInfo {
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

pub(super) const RESPONSE_1003: &[Meaning] = &[
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

pub(super) const MEANINGS_702: &[Meaning] = &[
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

pub(super) const MEANINGS_1006: &[Meaning] = &[
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

pub(super) const MEANINGS_1013: &[Meaning] = &[
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
    Meaning {
        name: "membership-not-found",
        message: "Membership not found",
        matches: &["membership not found"],
        description: "Sync Program Member Data named a lead that is not a member of the program: that record \
                      is skipped.",
        handling: H::RecordSkipped,
    },
];

pub(super) const MEANINGS_1037: &[Meaning] = &[
    Meaning {
        name: "in-or-past-status",
        message: "Lead skipped because it is already in or past this status",
        matches: &["in or past"],
        description: "Sync Program Member Status or Change Lead Program Status named a status at or below the \
                      lead's current step in the program: that lead is skipped.",
        handling: H::RecordSkipped,
    },
    Meaning {
        name: "not-in-program",
        message: "Lead not in program",
        matches: &["not in program"],
        description: "Delete Program Members named a lead that is not a member of the program.",
        handling: H::RecordSkipped,
    },
];

pub(super) const MEANINGS_1016: &[Meaning] = &[Meaning {
    name: "queue-full",
    message: "Too many imports",
    matches: &["too many imports", "imports currently being processed"],
    description: "The import queue (2 running, 10 queued) is full: wait for a job to finish and submit again.",
    handling: H::RetryWithBackoff,
}];

pub(super) const MEANINGS_1029: &[Meaning] = &[
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
