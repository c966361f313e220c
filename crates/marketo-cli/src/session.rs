//! A connected session: the client, its wire (see [`crate::wire`]), and the embedded emulator when no instance
//! is configured.

use crate::connect::{resolve, ConnectArgs, Target};
use crate::wire::{Wire, WireState};
use anyhow::Context;
use marketo_client::transport::ReqwestTransport;
use marketo_client::{Client, Timeouts};
use marketo_emulator::{Emulator, EmulatorConfig};
use serde_json::json;
use std::path::Path;
use std::sync::Arc;

/// A client ready to use, and what it is connected to.
pub struct Session {
    /// The client.
    pub client: Client,
    /// What its transport saw: the server's time, the batches sent; closed by Ctrl-C.
    pub wire: Arc<WireState>,
    /// The endpoint, or `embedded-emulator` (keys the caches).
    pub endpoint: String,
    emulator: Option<Emulator>,
}

/// How long the embedded emulator's bulk imports and exports run once started.
const EMBEDDED_BULK_SECS: u64 = 1;

/// The custom fields of the embedded emulator: those of `examples/leads.csv`, so the quick start works.
fn embedded_config() -> anyhow::Result<EmulatorConfig> {
    let mut config = EmulatorConfig::default();
    config.lead_schema.custom_fields = serde_json::from_value(json!([
        {"name": "loyaltyTier", "display_name": "Loyalty Tier", "data_type": "string", "length": 32},
        {"name": "lifetimeValue", "display_name": "Lifetime Value", "data_type": "currency"},
        {"name": "newsletterOptIn", "display_name": "Newsletter Opt-in", "data_type": "boolean"},
        {"name": "lastPurchaseDate", "display_name": "Last Purchase Date", "data_type": "date"}
    ]))
    .context("the embedded emulator's field list")?;
    // Bulk jobs in seconds, not Marketo's minutes: the embedded emulator is for trying things out
    // (`mkto serve` keeps Marketo's timing, and its config changes it).
    config.bulk.import_secs = EMBEDDED_BULK_SECS;
    config.bulk.export_secs = EMBEDDED_BULK_SECS;
    // Two static lists to try `mkto lists` on, created with a new database.
    config.seed = Some(
        json!({"lists": [{"id": 1, "name": "Newsletter"}, {"id": 2, "name": "Webinar attendees"}]}),
    );
    Ok(config)
}

/// Start the embedded emulator on `db`. A command that only reads (`reading`) does not create the state
/// directory: while there is no database yet it runs on an empty in-memory emulator.
async fn start_embedded(
    db: &Path,
    forced: bool,
    quiet: bool,
    reading: bool,
) -> anyhow::Result<Emulator> {
    let fresh = reading && !db.exists();
    if !fresh {
        if let Some(dir) = db.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
    }
    if !forced && !quiet {
        let state = if fresh {
            format!(
                "no state yet ({} is created by the first command that writes)",
                db.display()
            )
        } else {
            format!("state in {}", db.display())
        };
        eprintln!(
            "mkto: no Marketo instance configured (MARKETO_ENDPOINT, MARKETO_CLIENT_ID, MARKETO_CLIENT_SECRET, \
             or a profile in ~/.config/mkto/config.toml): using the embedded emulator, {state}"
        );
    }
    let builder = Emulator::builder().config(embedded_config()?);
    let builder = if fresh {
        builder.in_memory()
    } else {
        builder.db_path(db)
    };
    builder
        .start()
        .await
        .with_context(|| format!("cannot start the embedded emulator with {}", db.display()))
}

impl Session {
    /// Connect as the flags, environment and profile say.
    pub async fn open(args: &ConnectArgs, quiet: bool) -> anyhow::Result<Session> {
        Self::open_observed(args, quiet, None, None).await
    }

    /// Connect for a command that only reads: against the embedded emulator with no state yet, nothing is
    /// created on disk.
    pub async fn open_reading(args: &ConnectArgs, quiet: bool) -> anyhow::Result<Session> {
        Self::open_inner(args, quiet, (None, None), true).await
    }

    /// Connect, with a progress observer on the client (bulk commands count records through it) and a file
    /// for the request and response of failed calls (beside a run's rejects file).
    pub async fn open_observed(
        args: &ConnectArgs,
        quiet: bool,
        progress: Option<std::sync::Arc<dyn marketo_client::Progress>>,
        failed_calls: Option<&Path>,
    ) -> anyhow::Result<Session> {
        Self::open_inner(args, quiet, (progress, failed_calls), false).await
    }

    async fn open_inner(
        args: &ConnectArgs,
        quiet: bool,
        (progress, failed_calls): (
            Option<std::sync::Arc<dyn marketo_client::Progress>>,
            Option<&Path>,
        ),
        reading: bool,
    ) -> anyhow::Result<Session> {
        let wire = Arc::new(WireState::default());
        crate::interrupt::watch(&wire);
        let timeouts = Timeouts::default();
        let http = ReqwestTransport::new(
            timeouts.connect,
            timeouts.request,
            args.concurrency.unwrap_or(10) as usize,
        )
        .context("cannot build the HTTP client")?;
        let transport = Arc::new(Wire::new(Arc::new(http), wire.clone()));
        let observe = |mut b: marketo_client::ClientBuilder| {
            b = b.transport(transport.clone());
            if let Some(p) = &progress {
                b = b.progress(p.clone());
            }
            if let Some(f) = failed_calls {
                b = b.failed_calls_file(f);
            }
            b
        };
        if crate::logging::verbosity() >= 1 {
            eprintln!(
                "mkto: connecting to {}",
                crate::connect::describe_target(args)?
            );
        }
        let (endpoint, id, secret, emulator) = match resolve(args)? {
            Target::Instance(i) => (i.endpoint, i.client_id, i.client_secret, None),
            Target::Emulator { db, forced } => {
                let emu = start_embedded(&db, forced, quiet, reading).await?;
                let creds = (emu.client_id().to_owned(), emu.client_secret().to_owned());
                (emu.url(), creds.0, creds.1, Some(emu))
            }
        };
        let client = observe(args.apply_limits(Client::builder())?)
            .endpoint(endpoint.clone())
            .credentials(id, secret)
            .build()
            .context("client settings")?;
        Ok(Session {
            client,
            wire,
            endpoint: if emulator.is_some() {
                "embedded-emulator".into()
            } else {
                endpoint
            },
            emulator,
        })
    }

    /// Stop the embedded emulator, if any, after its last answer is stored.
    pub async fn close(self) {
        if let Some(emu) = self.emulator {
            emu.shutdown().await;
        }
    }
}
