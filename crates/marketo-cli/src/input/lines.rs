//! Physical line numbers. `\n`, `\r\n` and a bare `\r` each end one line: RFC 4180 and Excel write CRLF, old
//! Mac exports a bare CR, and files pasted together mix them. A line is numbered from 1, blank lines count,
//! and a record that spans lines (a quoted CSV field holding a newline) is numbered by the line it starts on.
//!
//! The csv crate counts `\n` only, and the position it gives a record starts at the blank lines before it, so
//! [`LineBreaks`] counts the breaks itself as the bytes go by and maps a record's byte offset to its line.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

/// A reader that notes where every line break is, so a byte offset can be turned into a line number.
///
/// Only the breaks not yet passed are kept: as many as the reader ahead of it has buffered.
pub struct LineBreaks<R> {
    inner: R,
    /// Offset of the next byte read.
    offset: u64,
    /// The last byte read was a `\r` (a `\n` right after it belongs to the same break).
    after_cr: bool,
    /// Breaks not yet passed: (offset of the break's first byte, offset just past it).
    ahead: VecDeque<(u64, u64)>,
    /// Breaks passed.
    passed: u64,
}

impl<R> LineBreaks<R> {
    /// Wrap a reader positioned at the start of the file.
    pub fn new(inner: R) -> Self {
        LineBreaks {
            inner,
            offset: 0,
            after_cr: false,
            ahead: VecDeque::new(),
            passed: 0,
        }
    }

    /// The line of the first byte at or after `offset` that is not a line break: the line a record whose
    /// position is `offset` starts on. Offsets must be asked in increasing order (records come in order).
    pub fn line_at(&mut self, offset: u64) -> u64 {
        let mut at = offset;
        while let Some(&(start, end)) = self.ahead.front() {
            if start > at {
                break;
            }
            // A break before the record, or a blank line at its position: the record starts after it.
            self.passed += 1;
            at = at.max(end);
            self.ahead.pop_front();
        }
        self.passed + 1
    }

    fn note(&mut self, bytes: &[u8]) {
        for (i, &b) in bytes.iter().enumerate() {
            let at = self.offset + i as u64;
            match b {
                b'\r' => {
                    self.ahead.push_back((at, at + 1));
                    self.after_cr = true;
                }
                b'\n' if self.after_cr => {
                    // The LF of a CRLF: the same break, one byte longer.
                    if let Some(last) = self.ahead.back_mut() {
                        if last.1 == at {
                            last.1 = at + 1;
                        }
                    }
                    self.after_cr = false;
                }
                b'\n' => self.ahead.push_back((at, at + 1)),
                _ => self.after_cr = false,
            }
        }
        self.offset += bytes.len() as u64;
    }
}

impl<R: Read> Read for LineBreaks<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.note(&buf[..n]);
        Ok(n)
    }
}

/// Physical lines of a text, each without its terminator, numbered from 1.
pub struct PhysicalLines<R> {
    inner: R,
    line: u64,
}

impl<R: BufRead> PhysicalLines<R> {
    /// Wrap a buffered reader positioned at the start of the file.
    pub fn new(inner: R) -> Self {
        PhysicalLines { inner, line: 0 }
    }

    /// The next line into `buf` (cleared first) and its number; `None` at the end.
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<u64>> {
        buf.clear();
        let mut read_any = false;
        loop {
            let chunk = self.inner.fill_buf()?;
            if chunk.is_empty() {
                if !read_any {
                    return Ok(None);
                }
                break;
            }
            read_any = true;
            match chunk.iter().position(|&b| b == b'\n' || b == b'\r') {
                Some(i) => {
                    let cr = chunk[i] == b'\r';
                    buf.extend_from_slice(&chunk[..i]);
                    self.inner.consume(i + 1);
                    if cr && self.inner.fill_buf()?.first() == Some(&b'\n') {
                        self.inner.consume(1);
                    }
                    break;
                }
                None => {
                    let n = chunk.len();
                    buf.extend_from_slice(chunk);
                    self.inner.consume(n);
                }
            }
        }
        self.line += 1;
        Ok(Some(self.line))
    }
}

/// How many physical lines a stream holds (a last line without a terminator counts).
pub fn count_lines(inner: impl Read) -> io::Result<u64> {
    let mut lines = PhysicalLines::new(io::BufReader::with_capacity(1 << 16, inner));
    let mut buf = Vec::new();
    let mut n = 0;
    while lines.next_line(&mut buf)?.is_some() {
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// A reader that hands out one byte at a time, so every break straddles a read.
    struct Trickle(Cursor<Vec<u8>>);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(1);
            self.0.read(&mut buf[..n])
        }
    }

    #[test]
    fn breaks_are_lf_crlf_or_a_bare_cr_even_split_across_reads() {
        // a at 0 (line 1), b at 3 (line 2), c at 5 (line 3), d at 10 after a blank CRLF line (line 5),
        // e at 13 after "\n\r" (two breaks: line 7).
        let text = b"a\r\nb\rc\r\n\r\nd\n\re";
        let mut r = LineBreaks::new(Trickle(Cursor::new(text.to_vec())));
        let mut all = Vec::new();
        r.read_to_end(&mut all).unwrap();
        assert_eq!(r.line_at(0), 1);
        assert_eq!(r.line_at(3), 2);
        assert_eq!(r.line_at(5), 3);
        // The csv crate gives a record the position just past the previous record's first terminator byte,
        // so blank lines and the LF of a CRLF come before it.
        assert_eq!(r.line_at(7), 5);
        assert_eq!(r.line_at(11), 7);
    }

    #[test]
    fn physical_lines_split_on_every_kind_of_break() {
        let mut lines = PhysicalLines::new(io::BufReader::with_capacity(
            1,
            Cursor::new(b"a\r\nb\rc\n\r\nd".to_vec()),
        ));
        let mut buf = Vec::new();
        let mut got = Vec::new();
        while let Some(n) = lines.next_line(&mut buf).unwrap() {
            got.push((n, String::from_utf8(buf.clone()).unwrap()));
        }
        let want: Vec<(u64, String)> = [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]
            .iter()
            .map(|&(n, s)| (n, s.to_owned()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(count_lines(Cursor::new(b"h\ra\rb\r".to_vec())).unwrap(), 3);
        assert_eq!(
            count_lines(Cursor::new(b"h\r\na\r\nb".to_vec())).unwrap(),
            3
        );
        assert_eq!(count_lines(Cursor::new(Vec::new())).unwrap(), 0);
    }
}
