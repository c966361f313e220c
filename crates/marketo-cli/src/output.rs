//! Writing to stdout where a closed pipe (`mkto ... | head`) is success, not an error.

use std::io::{self, Write};

fn ok_on_broken_pipe(r: io::Result<()>) -> io::Result<()> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Write text to stdout.
pub fn write_stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    ok_on_broken_pipe(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// Write lines to stdout.
pub fn stdout_lines<I: IntoIterator<Item = String>>(lines: I) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let r = (|| {
        for line in lines {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()
    })();
    ok_on_broken_pipe(r)
}
