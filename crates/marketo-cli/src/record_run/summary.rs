//! The end of a run: the summary, the checkpoint kept or removed, the exit status.

use super::engine::Run;
use crate::global::Ctx;
use serde_json::{json, Map, Value};
use std::path::Path;
use std::process::ExitCode;

impl Run {
    /// Print the summary (with `head`'s members first), keep or remove the checkpoint, and say the exit
    /// status: 130 after Ctrl-C, 2 with records pending or nothing written, else 0.
    pub fn finish(
        mut self,
        calls: u64,
        head: Map<String, Value>,
        ctx: &Ctx,
    ) -> anyhow::Result<ExitCode> {
        let interrupted = crate::interrupt::requested();
        self.cp.counts.calls += calls;
        let c = self.cp.counts.clone();
        let pending = c.pending;
        if pending == 0 {
            let _ = std::fs::remove_file(&self.state);
        } else {
            self.save()?;
        }
        let skipped = c.skipped_total();
        let path: &Path = &self.rejects_path;
        if skipped == 0 && pending == 0 {
            let _ = std::fs::remove_file(path);
        }
        let read = self.cp.done.len() + pending;
        let mut summary = head;
        let body = json!({
            "read": read, "created": c.created, "updated": c.updated, "skipped": skipped,
            "skipped_by_reason": c.skipped, "pending": pending, "replayed": self.replayed,
            "calls": c.calls, "rejects_file": path.display().to_string(),
            "state_file": (pending > 0).then(|| self.state.display().to_string()),
            "stopped": self.stopped,
        });
        if let Value::Object(m) = body {
            summary.extend(m);
        }
        let mut people = format!(
            "created  {}\nupdated  {}\nskipped  {skipped}\n",
            c.created, c.updated
        );
        for (code, n) in &c.skipped {
            let why = c.first_reason.get(code).map(String::as_str).unwrap_or("");
            people += &format!("  {code:<6} {n:>8}  {why}\n");
        }
        people += &format!("pending  {pending}\n");
        if self.replayed > 0 {
            people += &format!(
                "replayed {}  (sent again from the interrupted run)\n",
                self.replayed
            );
        }
        people += &format!("calls    {}\n", c.calls);
        if skipped > 0 {
            people += &format!("rejects  {}\n", path.display());
        }
        crate::output::summary(ctx.format(), &Value::Object(summary), &people)?;
        if let Some(why) = &self.stopped {
            eprintln!("mkto: stopped: {why}");
        }
        if pending > 0 {
            eprintln!(
                "mkto: {pending} records not sent or not answered; run the same command with --resume to send \
                 them (checkpoint: {})",
                self.state.display()
            );
        }
        let nothing = c.created + c.updated == 0 && read > 0;
        if nothing && pending == 0 {
            eprintln!(
                "mkto: nothing was created or updated: all {read} rows were rejected (see {})",
                path.display()
            );
        }
        Ok(if interrupted {
            ExitCode::from(crate::interrupt::EXIT_STATUS)
        } else if pending > 0 || nothing {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        })
    }
}
