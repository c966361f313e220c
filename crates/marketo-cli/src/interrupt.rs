//! Ctrl-C and SIGTERM, the same way for every command. The first stops sending at once: the wires of the
//! command's clients close ([`crate::wire`]), so no new request leaves and only the calls already on the wire
//! finish; a command that saves its progress (a sync's checkpoint, an export's plan) does so and exits 130. A
//! command with nothing to save exits 130 at once. The second Ctrl-C exits 130 at once whatever the command is
//! doing: the checkpoint written before every batch still makes `--resume` exact.

use crate::wire::WireState;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use tokio::sync::Notify;

/// The exit status after an interruption.
pub const EXIT_STATUS: u8 = 130;

#[derive(Default)]
struct Interrupt {
    requested: AtomicBool,
    notify: Notify,
    graceful: AtomicUsize,
    wires: Mutex<Vec<Weak<WireState>>>,
}

fn state() -> &'static Interrupt {
    static STATE: OnceLock<Interrupt> = OnceLock::new();
    STATE.get_or_init(Interrupt::default)
}

/// Listen for Ctrl-C and SIGTERM (call once, inside the runtime).
pub fn install() {
    tokio::spawn(async {
        let mut first = true;
        loop {
            if !signal().await {
                return;
            }
            let s = state();
            if first && s.graceful.load(Ordering::SeqCst) > 0 {
                first = false;
                s.requested.store(true, Ordering::SeqCst);
                for wire in s
                    .wires
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .iter()
                    .filter_map(Weak::upgrade)
                {
                    wire.close();
                }
                s.notify.notify_waiters();
                eprintln!(
                    "\nmkto: interrupted: no new call goes out; the calls in flight finish and are recorded \
                     (Ctrl-C again exits now)"
                );
            } else {
                if !first {
                    eprintln!("\nmkto: interrupted again: exiting now");
                }
                std::process::exit(EXIT_STATUS.into());
            }
        }
    });
}

/// Wait for Ctrl-C or SIGTERM; false when no handler could be installed.
async fn signal() -> bool {
    let ctrl_c = async { tokio::signal::ctrl_c().await.is_ok() };
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let Ok(mut term) = signal(SignalKind::terminate()) else {
            return ctrl_c.await;
        };
        tokio::select! {
            ok = ctrl_c => ok,
            got = term.recv() => got.is_some(),
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await
}

/// Close `wire` on the first Ctrl-C.
pub fn watch(wire: &Arc<WireState>) {
    let s = state();
    if s.requested.load(Ordering::SeqCst) {
        wire.close();
    }
    let mut wires = s.wires.lock().unwrap_or_else(|e| e.into_inner());
    wires.retain(|w| w.strong_count() > 0);
    wires.push(Arc::downgrade(wire));
}

/// Whether Ctrl-C (or SIGTERM) was received.
pub fn requested() -> bool {
    state().requested.load(Ordering::SeqCst)
}

/// Resolves once Ctrl-C (or SIGTERM) was received.
pub async fn wait() {
    let s = state();
    loop {
        let notified = s.notify.notified();
        if s.requested.load(Ordering::SeqCst) {
            return;
        }
        notified.await;
    }
}

/// While one is held, the first Ctrl-C does not exit: the command stops and saves its progress itself.
#[must_use = "the command is graceful only while the guard is held"]
pub struct Graceful(());

/// Make the first Ctrl-C a request to stop rather than an exit.
pub fn graceful() -> Graceful {
    state().graceful.fetch_add(1, Ordering::SeqCst);
    Graceful(())
}

impl Drop for Graceful {
    fn drop(&mut self) {
        state().graceful.fetch_sub(1, Ordering::SeqCst);
    }
}
