//! The job book: both queues, the next batch id and the day's export bytes, kept in the key-value table under
//! [`BOOK_KEY`] ([`crate::store::jobs`]). Its stored form is the one the emulator has always written
//! (`imports`, `import_slots`, `exports`, `export_slots`, ...), so the books of older file-backed emulators
//! load as they are.

use super::allowance::Allowance;
use super::config::BulkConfig;
use super::export::ExportJob;
use super::import::ImportJob;
use super::queue::Queue;
use super::slots::Slots;
use serde::{Deserialize, Serialize};

/// The key-value entry holding the job book.
pub const BOOK_KEY: &str = "emulator.bulk";

/// Every job, the worker slots and the export allowance.
#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    /// The last batch id given out.
    pub next_batch_id: i64,
    /// Lead imports.
    pub imports: Queue<ImportJob>,
    /// Lead and activity exports: one queue for every kind.
    pub exports: Queue<ExportJob>,
    /// The day's export bytes.
    pub allowance: Allowance,
}

impl Book {
    /// An empty book with the slots `config` asks for.
    pub fn new(config: &BulkConfig) -> Book {
        Book {
            next_batch_id: 0,
            imports: Queue::new(config.import_running),
            exports: Queue::new(config.export_processing),
            allowance: Allowance::default(),
        }
    }

    /// The book from its stored form, with the slots `config` asks for.
    pub fn from_stored(stored: StoredBook, config: &BulkConfig) -> Book {
        Book {
            next_batch_id: stored.next_batch_id,
            imports: Queue::from_parts(stored.imports, stored.import_slots, config.import_running),
            exports: Queue::from_parts(
                stored.exports,
                stored.export_slots,
                config.export_processing,
            ),
            allowance: stored.allowance,
        }
    }

    /// The stored form, borrowed.
    pub fn stored(&self) -> StoredBookRef<'_> {
        let (imports, import_slots) = self.imports.parts();
        let (exports, export_slots) = self.exports.parts();
        StoredBookRef {
            next_batch_id: self.next_batch_id,
            imports,
            exports,
            import_slots,
            export_slots,
            allowance: &self.allowance,
        }
    }
}

/// The stored form of a [`Book`], as read.
#[derive(Debug, Deserialize)]
pub struct StoredBook {
    next_batch_id: i64,
    imports: Vec<ImportJob>,
    exports: Vec<ExportJob>,
    import_slots: Slots,
    export_slots: Slots,
    allowance: Allowance,
}

/// The stored form of a [`Book`], as written.
#[derive(Debug, Serialize)]
pub struct StoredBookRef<'a> {
    next_batch_id: i64,
    imports: &'a [ImportJob],
    exports: &'a [ExportJob],
    import_slots: &'a Slots,
    export_slots: &'a Slots,
    allowance: &'a Allowance,
}
