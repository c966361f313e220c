//! One handle per resource: leads, static lists, bulk import and extract, activities, usage stats. Each method
//! builds operations ([`crate::operations`]) and sends them on the one path, through the record runner, the
//! paging stream or the filter stream where one call is not enough. Every Lead Database object type besides
//! leads is served by [`Objects`](crate::Objects).

mod activities;
pub mod assets;
pub mod bulk;
mod campaigns;
mod custom_activities;
mod describe;
mod lead_actions;
mod lead_fields;
mod leads;
mod lists;
mod programs;
mod stats;
mod sync;

pub use activities::{Activities, Activity, ActivityType};
pub use bulk::{
    part_path, split_date_range, Bulk, BulkOptions, DownloadReport, ExportFilter, ExportFormat,
    ExportJob, ExportKind, ExportPlan, ExportRequest, ExportStatus, ImportFormat, ImportPart,
    ImportReport, ImportSettings, MemberExportRequest, MemberImportFile, PlannedJob, RowIssue,
};
pub use campaigns::{CampaignFilter, Campaigns, MAX_REQUESTED_LEADS};
pub use custom_activities::{AttributeChange, CustomActivities, TypeSpec};
pub use describe::{FieldName, LeadField, LeadSchema, SchemaField};
pub use lead_actions::{FormSubmission, PushOptions};
pub use lead_fields::LeadFields;
pub use leads::{Lead, Leads};
pub use lists::{ListFilter, Lists};
pub use programs::{MemberFilter, Programs};
pub use stats::{ErrorCount, ErrorDay, UsageDay, UsageStats, UserCount};
pub use sync::{SyncAction, SyncOptions};
