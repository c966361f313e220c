//! Bulk files (import uploads, failures and warnings files, export files) stored in SQLite in 64 KB chunks, so
//! writing one and serving a byte range of one never holds more than a chunk or two in memory. The SHA-256 and
//! the size are computed while writing.

use super::{Db, StoreError};
use rusqlite::params;
use sha2::{Digest, Sha256};

/// Bytes per stored chunk.
pub const CHUNK: usize = 64 * 1024;

/// What a finished file is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileMeta {
    /// Its key in the chunk table.
    pub key: String,
    /// Its length in bytes.
    pub size: u64,
    /// `sha256:<hex>`.
    pub checksum: String,
}

/// Writes one file chunk by chunk.
pub struct FileWriter<'a> {
    db: &'a Db,
    key: String,
    buf: Vec<u8>,
    seq: i64,
    size: u64,
    hasher: Sha256,
}

impl std::fmt::Debug for FileWriter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileWriter")
            .field("key", &self.key)
            .field("size", &self.size)
            .finish()
    }
}

impl<'a> FileWriter<'a> {
    /// Start the file `key`, replacing any file of that key.
    pub fn create(db: &'a Db, key: &str) -> Result<Self, StoreError> {
        delete(db, key)?;
        Ok(FileWriter {
            db,
            key: key.to_owned(),
            buf: Vec::with_capacity(CHUNK),
            seq: 0,
            size: 0,
            hasher: Sha256::new(),
        })
    }

    /// Append bytes.
    pub fn write(&mut self, mut bytes: &[u8]) -> Result<(), StoreError> {
        while !bytes.is_empty() {
            let take = (CHUNK - self.buf.len()).min(bytes.len());
            self.buf.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.buf.len() == CHUNK {
                self.flush()?;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StoreError> {
        if self.buf.is_empty() {
            return Ok(());
        }
        self.hasher.update(&self.buf);
        self.size += self.buf.len() as u64;
        let mut stmt = self
            .db
            .prepare_cached("INSERT INTO bulk_chunks (file, seq, data) VALUES (?1, ?2, ?3)")?;
        stmt.execute(params![self.key, self.seq, self.buf])?;
        self.seq += 1;
        self.buf.clear();
        Ok(())
    }

    /// Store the last chunk and say what was written.
    pub fn finish(mut self) -> Result<FileMeta, StoreError> {
        self.flush()?;
        let digest = std::mem::take(&mut self.hasher).finalize();
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        Ok(FileMeta {
            key: self.key,
            size: self.size,
            checksum: format!("sha256:{hex}"),
        })
    }
}

/// Forget the file `key`.
pub fn delete(db: &Db, key: &str) -> Result<(), StoreError> {
    let mut stmt = db.prepare_cached("DELETE FROM bulk_chunks WHERE file = ?1")?;
    stmt.execute([key])?;
    Ok(())
}

/// Forget every file whose key starts with `prefix`.
pub fn delete_prefix(db: &Db, prefix: &str) -> Result<(), StoreError> {
    let mut stmt =
        db.prepare_cached("DELETE FROM bulk_chunks WHERE substr(file, 1, length(?1)) = ?1")?;
    stmt.execute([prefix])?;
    Ok(())
}

/// Up to `len` bytes of the file from byte `start` (fewer at its end): the chunks that cover them.
pub fn read_range(db: &Db, key: &str, start: u64, len: usize) -> Result<Vec<u8>, StoreError> {
    let chunk = CHUNK as u64;
    let first = (start / chunk) as i64;
    let last = ((start + len as u64).saturating_sub(1) / chunk) as i64;
    let mut stmt = db.prepare_cached(
        "SELECT seq, data FROM bulk_chunks WHERE file = ?1 AND seq BETWEEN ?2 AND ?3 ORDER BY seq",
    )?;
    let mut out = Vec::with_capacity(len.min(2 * CHUNK));
    let rows = stmt.query_map(params![key, first, last], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
    })?;
    for row in rows {
        let (seq, data) = row?;
        let base = seq as u64 * chunk;
        let from = start.saturating_sub(base) as usize;
        let to = ((start + len as u64).saturating_sub(base) as usize).min(data.len());
        if from < to {
            out.extend_from_slice(&data[from..to]);
        }
    }
    Ok(out)
}

/// The length of the file in bytes (0 when there is none).
pub fn size(db: &Db, key: &str) -> Result<u64, StoreError> {
    let mut stmt =
        db.prepare_cached("SELECT ifnull(sum(length(data)), 0) FROM bulk_chunks WHERE file = ?1")?;
    let n: i64 = stmt.query_row([key], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// The whole file (import uploads, at most the import limit).
pub fn read_all(db: &Db, key: &str) -> Result<Vec<u8>, StoreError> {
    let mut stmt =
        db.prepare_cached("SELECT data FROM bulk_chunks WHERE file = ?1 ORDER BY seq")?;
    let rows = stmt.query_map([key], |r| r.get::<_, Vec<u8>>(0))?;
    let mut out = Vec::new();
    for r in rows {
        out.extend_from_slice(&r?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cross_chunks_and_checksum_matches() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let data: Vec<u8> = (0..(CHUNK * 2 + 100)).map(|i| (i % 251) as u8).collect();
        store
            .with(|db| {
                let mut w = FileWriter::create(db, "t")?;
                w.write(&data[..10])?;
                w.write(&data[10..])?;
                let meta = w.finish()?;
                assert_eq!(meta.size, data.len() as u64);
                let hex: String = Sha256::digest(&data)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                assert_eq!(meta.checksum, format!("sha256:{hex}"));
                let s = CHUNK as u64 - 5;
                assert_eq!(
                    read_range(db, "t", s, 10)?,
                    data[s as usize..s as usize + 10]
                );
                assert_eq!(read_range(db, "t", 0, 1)?, data[..1]);
                let tail = read_range(db, "t", data.len() as u64 - 3, 50)?;
                assert_eq!(tail, data[data.len() - 3..]);
                assert_eq!(read_all(db, "t")?, data);
                assert_eq!(size(db, "t")?, data.len() as u64);
                delete_prefix(db, "t")?;
                assert_eq!(size(db, "t")?, 0);
                assert!(read_all(db, "t")?.is_empty());
                Ok(())
            })
            .unwrap();
    }
}
