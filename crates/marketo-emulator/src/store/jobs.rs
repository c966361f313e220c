//! Job books: the state of a job queue (the bulk imports and exports, their worker slots, the day's export
//! bytes) as one JSON document in the key-value table, so jobs survive a restart of a file-backed emulator.
//!
//! A stored book that does not parse is an error ([`StoreError::Json`]), never an empty book: the caller
//! decides what to answer (the bulk queue answers 611 and logs why until it is reset).
//!
//! ```
//! use marketo_emulator::store::{jobs, Store, StoreError};
//! let store = Store::open_in_memory().unwrap();
//! store.with(|db| jobs::save(db, "book", &vec![1, 2])).unwrap();
//! assert_eq!(store.with(|db| jobs::load::<Vec<i32>>(db, "book")).unwrap(), Some(vec![1, 2]));
//! store.with(|db| marketo_emulator::store::kv::set(db, "book", "{not json")).unwrap();
//! assert!(matches!(store.with(|db| jobs::load::<Vec<i32>>(db, "book")), Err(StoreError::Json(_))));
//! ```

use super::{kv, Db, StoreError};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The book stored under `key`; `None` when there is none.
pub fn load<T: DeserializeOwned>(db: &Db, key: &str) -> Result<Option<T>, StoreError> {
    match kv::get(db, key)? {
        Some(text) => Ok(Some(serde_json::from_str(&text)?)),
        None => Ok(None),
    }
}

/// Store `book` under `key`, replacing what was there.
pub fn save<T: Serialize + ?Sized>(db: &Db, key: &str, book: &T) -> Result<(), StoreError> {
    kv::set(db, key, &serde_json::to_string(book)?)
}
