//! The job queue every kind of bulk job runs on (lead imports, lead and activity exports): jobs in submission
//! order, worker slots on the emulator's clock, and the one clock-driven state machine
//!
//! ```text
//! Created --enqueue--> Queued --a slot frees--> Running --duration passes--> Completed | Failed
//!    \                    \                        \
//!     `----------------------------------------------`--cancel--> Cancelled
//! ```
//!
//! A kind of job is a struct holding a [`Schedule`] (flattened into its stored form) and implementing [`Job`];
//! it says what its statuses are called on the wire (imports: `Importing`, `Complete`; exports: `Processing`,
//! `Completed`) and what happens when a job's time is up (the `finish` callback of [`Queue::advance`]).
//!
//! ```
//! use chrono::{Duration, TimeZone, Utc};
//! use marketo_emulator::bulk::queue::{Job, Outcome, Phase, Queue, Schedule};
//! #[derive(Debug)]
//! struct Nap(Schedule);
//! impl Job for Nap {
//!     fn schedule(&self) -> &Schedule { &self.0 }
//!     fn schedule_mut(&mut self) -> &mut Schedule { &mut self.0 }
//! }
//! let t0 = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
//! let mut q = Queue::new(1);
//! q.push(Nap(Schedule::queued(t0)));
//! q.push(Nap(Schedule::queued(t0)));
//! let mut done = 0;
//! q.advance(t0 + Duration::seconds(15), Duration::seconds(10), |_, _| { done += 1; Outcome::Completed });
//! assert_eq!(done, 1); // one slot: the second job started at t0 + 10 s and runs until t0 + 20 s
//! assert_eq!(q.jobs()[1].schedule().phase, Phase::Running);
//! ```

use super::slots::Slots;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Where a job is in the state machine (see the module docs). Stored under `status`; the import and export
/// spellings older job books hold (`Importing`, `Processing`, `Complete`) read as the phase they name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Created, not in the queue yet (an export before it is enqueued).
    Created,
    /// Waiting for a slot.
    Queued,
    /// On a slot until its duration has passed.
    #[serde(alias = "Importing", alias = "Processing")]
    Running,
    /// Done.
    #[serde(alias = "Complete")]
    Completed,
    /// Done, and it failed.
    Failed,
    /// Cancelled.
    Cancelled,
}

impl Phase {
    /// Queued or running: it holds a place in the queue.
    pub fn in_queue(self) -> bool {
        matches!(self, Phase::Queued | Phase::Running)
    }
}

/// A job's place in the state machine and its times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Where it is.
    #[serde(rename = "status")]
    pub phase: Phase,
    /// When it entered the queue.
    #[serde(default)]
    pub queued_at: Option<DateTime<Utc>>,
    /// When it got a slot.
    #[serde(default)]
    pub started_at: Option<DateTime<Utc>>,
    /// When it completed or failed.
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
    /// The slot it runs (or ran) on.
    #[serde(default)]
    pub slot: Option<usize>,
}

impl Schedule {
    /// A job created outside the queue.
    pub fn created() -> Schedule {
        Schedule {
            phase: Phase::Created,
            queued_at: None,
            started_at: None,
            finished_at: None,
            slot: None,
        }
    }

    /// A job queued at `now`.
    pub fn queued(now: DateTime<Utc>) -> Schedule {
        Schedule {
            phase: Phase::Queued,
            queued_at: Some(now),
            ..Schedule::created()
        }
    }
}

/// What a kind of bulk job gives the queue: its schedule.
pub trait Job {
    /// The job's schedule.
    fn schedule(&self) -> &Schedule;
    /// The job's schedule, to change.
    fn schedule_mut(&mut self) -> &mut Schedule;
}

/// How a job's work ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It did what it had to.
    Completed,
    /// It could not (the job says why).
    Failed,
}

/// The jobs of one queue in submission order, and its worker slots.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Queue<J> {
    jobs: Vec<J>,
    slots: Slots,
}

impl<J: Job> Queue<J> {
    /// An empty queue with `slots` workers (at least one).
    pub fn new(slots: usize) -> Self {
        Queue {
            jobs: Vec::new(),
            slots: Slots::new(slots),
        }
    }

    /// A queue from its stored parts, with `slots` workers (the config may have changed since).
    pub fn from_parts(jobs: Vec<J>, mut slots: Slots, workers: usize) -> Self {
        slots.resize(workers);
        Queue { jobs, slots }
    }

    /// The stored parts: the jobs and the slots.
    pub fn parts(&self) -> (&[J], &Slots) {
        (&self.jobs, &self.slots)
    }

    /// Every job, in submission order.
    pub fn jobs(&self) -> &[J] {
        &self.jobs
    }

    /// The index of the first job `pred` accepts.
    pub fn position(&self, pred: impl Fn(&J) -> bool) -> Option<usize> {
        self.jobs.iter().position(pred)
    }

    /// Job `i` (an index from [`Queue::position`]).
    pub fn job(&self, i: usize) -> &J {
        &self.jobs[i]
    }

    /// Job `i`, to change what is not its schedule.
    pub fn job_mut(&mut self, i: usize) -> &mut J {
        &mut self.jobs[i]
    }

    /// The jobs holding a place in the queue (queued or running).
    pub fn in_queue(&self) -> impl Iterator<Item = &J> {
        self.jobs.iter().filter(|j| j.schedule().phase.in_queue())
    }

    /// Whether a place is left when at most `limit` jobs may be queued or running.
    pub fn has_room(&self, limit: usize) -> bool {
        self.in_queue().count() < limit
    }

    /// Add a job (created, or already queued).
    pub fn push(&mut self, job: J) {
        self.jobs.push(job);
    }

    /// Queue job `i` at `now` (the kind checked that it may be queued).
    pub fn enqueue(&mut self, i: usize, now: DateTime<Utc>) {
        let s = self.jobs[i].schedule_mut();
        s.phase = Phase::Queued;
        s.queued_at = Some(now);
    }

    /// Cancel job `i` at `now`: a running job frees its slot from then on.
    pub fn cancel(&mut self, i: usize, now: DateTime<Utc>) {
        let s = self.jobs[i].schedule_mut();
        if let (Phase::Running, Some(slot)) = (s.phase, s.slot) {
            self.slots.release(slot, now);
        }
        s.phase = Phase::Cancelled;
    }

    /// Replay the queue up to `now`: queued jobs start, first in first out, at the later of their queue time
    /// and the time the earliest slot frees; each runs `duration`; then `finish` does the work of every job
    /// whose time is up, in the order they started, at the time it ended.
    pub fn advance(
        &mut self,
        now: DateTime<Utc>,
        duration: Duration,
        mut finish: impl FnMut(&mut J, DateTime<Utc>) -> Outcome,
    ) {
        let mut waiting: Vec<usize> = (0..self.jobs.len())
            .filter(|&i| self.jobs[i].schedule().phase == Phase::Queued)
            .collect();
        waiting.sort_by_key(|&i| (self.jobs[i].schedule().queued_at, i));
        for i in waiting {
            let s = self.jobs[i].schedule_mut();
            let (slot, start) = self.slots.next_start(s.queued_at.unwrap_or(now));
            if start > now {
                break;
            }
            s.phase = Phase::Running;
            s.started_at = Some(start);
            s.slot = Some(slot);
            self.slots.occupy(slot, start + duration);
        }
        let mut due: Vec<(DateTime<Utc>, Option<DateTime<Utc>>, usize)> = (0..self.jobs.len())
            .filter_map(|i| {
                let s = self.jobs[i].schedule();
                let end = s.started_at? + duration;
                (s.phase == Phase::Running && end <= now).then_some((end, s.queued_at, i))
            })
            .collect();
        due.sort();
        for (end, _, i) in due {
            let job = &mut self.jobs[i];
            job.schedule_mut().finished_at = Some(end);
            let phase = match finish(job, end) {
                Outcome::Completed => Phase::Completed,
                Outcome::Failed => Phase::Failed,
            };
            job.schedule_mut().phase = phase;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[derive(Debug, Clone, PartialEq)]
    struct Task(u32, Schedule);

    impl Job for Task {
        fn schedule(&self) -> &Schedule {
            &self.1
        }
        fn schedule_mut(&mut self) -> &mut Schedule {
            &mut self.1
        }
    }

    fn t(s: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_700_000_000 + s, 0).unwrap()
    }

    fn phases(q: &Queue<Task>) -> Vec<Phase> {
        q.jobs().iter().map(|j| j.1.phase).collect()
    }

    #[test]
    fn two_slots_run_jobs_first_in_first_out_and_finish_them_in_start_order() {
        let mut q = Queue::new(2);
        for (n, at) in [(0, 0), (1, 1), (2, 2)] {
            q.push(Task(n, Schedule::queued(t(at))));
        }
        let len = Duration::seconds(10);
        let mut finished = Vec::new();
        q.advance(t(5), len, |j, at| {
            finished.push((j.0, at));
            Outcome::Completed
        });
        assert_eq!(phases(&q), [Phase::Running, Phase::Running, Phase::Queued]);
        assert!(finished.is_empty());
        // Replaying a long stretch at once gives the schedule a real queue would have run.
        q.advance(t(100), len, |j, at| {
            finished.push((j.0, at));
            if j.0 == 1 {
                Outcome::Failed
            } else {
                Outcome::Completed
            }
        });
        assert_eq!(finished, [(0, t(10)), (1, t(11)), (2, t(20))]);
        assert_eq!(
            phases(&q),
            [Phase::Completed, Phase::Failed, Phase::Completed]
        );
        let third = &q.jobs()[2].1;
        assert_eq!(
            (third.started_at, third.finished_at),
            (Some(t(10)), Some(t(20)))
        );
        assert_eq!(third.slot, Some(0));
    }

    #[test]
    fn created_jobs_wait_and_cancelling_a_running_job_frees_its_slot() {
        let mut q = Queue::new(1);
        q.push(Task(0, Schedule::created()));
        q.push(Task(1, Schedule::queued(t(0))));
        q.push(Task(2, Schedule::queued(t(1))));
        let len = Duration::seconds(60);
        q.advance(t(2), len, |_, _| Outcome::Completed);
        assert_eq!(phases(&q), [Phase::Created, Phase::Running, Phase::Queued]);
        assert_eq!(q.in_queue().count(), 2);
        assert!(!q.has_room(2) && q.has_room(3));
        let running = q.position(|j| j.0 == 1).unwrap();
        q.cancel(running, t(5));
        q.advance(t(5), len, |_, _| Outcome::Completed);
        assert_eq!(q.jobs()[2].1.started_at, Some(t(5)));
        let created = q.position(|j| j.0 == 0).unwrap();
        q.enqueue(created, t(6));
        q.advance(t(200), len, |_, _| Outcome::Completed);
        assert_eq!(
            phases(&q),
            [Phase::Completed, Phase::Cancelled, Phase::Completed]
        );
        assert_eq!(q.jobs()[0].1.started_at, Some(t(65)));
    }

    #[test]
    fn older_job_books_spell_phases_as_their_kind_did() {
        for (old, phase) in [
            ("Importing", Phase::Running),
            ("Processing", Phase::Running),
            ("Complete", Phase::Completed),
            ("Completed", Phase::Completed),
            ("Queued", Phase::Queued),
            ("Cancelled", Phase::Cancelled),
        ] {
            let s: Schedule =
                serde_json::from_str(&format!(r#"{{"status":"{old}","queued_at":null}}"#)).unwrap();
            assert_eq!(s.phase, phase);
        }
    }
}
