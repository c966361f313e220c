//! `mkto objects schema list|show|create|approve`: the custom object types, through the Custom Object Metadata
//! API. `create` reads a TOML or JSON description of one or more types, in the shape the emulator's
//! `[[custom_objects.types]]` config uses (so one file declares a type for both), creates or updates each
//! type's draft, adds the fields it does not have yet, and approves it with `--approve`.
//!
//! ```toml
//! [[types]]
//! api_name = "car_c"
//! display_name = "Car"
//! fields = [
//!   { name = "vin", display_name = "VIN", data_type = "string", dedupe = true },
//!   { name = "leadId", display_name = "Lead", data_type = "link", related_to = { name = "lead", field = "id" } },
//! ]
//! ```

use crate::global::Ctx;
use crate::session::Session;
use anyhow::{bail, Context};
use clap::{Args, Subcommand, ValueEnum};
use marketo_client::Client;
use marketo_types::custom_objects::{RelatedTo, TypeFieldSpec, TypeState, TypeSync};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `mkto objects schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    #[command(subcommand)]
    action: SchemaAction,
}

#[derive(Debug, Subcommand)]
enum SchemaAction {
    /// The types: API name, display name, state, dedupe fields, number of fields.
    List {
        /// Which version to show (default: the approved one, else the draft).
        #[arg(long, value_enum)]
        state: Option<StateArg>,
    },
    /// One type's fields; its id, dedupe and searchable fields on stderr.
    Show {
        /// The type's API name.
        name: String,
        /// Which version to show (default: the approved one, else the draft).
        #[arg(long, value_enum)]
        state: Option<StateArg>,
    },
    /// Create or update types from a TOML or JSON description (`[[types]]`); add the fields they lack.
    Create {
        /// The description file (`.toml` or `.json`).
        file: PathBuf,
        /// Approve each type once its fields are in (records can only be written to approved types).
        #[arg(long)]
        approve: bool,
    },
    /// Approve a type's draft.
    Approve {
        /// The type's API name.
        name: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StateArg {
    Draft,
    Approved,
}

impl From<StateArg> for TypeState {
    fn from(s: StateArg) -> TypeState {
        match s {
            StateArg::Draft => TypeState::Draft,
            StateArg::Approved => TypeState::Approved,
        }
    }
}

/// A description file: `types = [...]` (or the emulator config's `[custom_objects] types = [...]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Description {
    #[serde(default)]
    types: Vec<TypeDecl>,
    #[serde(default)]
    custom_objects: Option<Nested>,
}

#[derive(Debug, Deserialize)]
struct Nested {
    #[serde(default)]
    types: Vec<TypeDecl>,
}

/// One type of a description file (snake_case as in the emulator's config; camelCase is read too).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TypeDecl {
    #[serde(alias = "apiName")]
    api_name: String,
    #[serde(alias = "displayName")]
    display_name: String,
    #[serde(default, alias = "pluralName")]
    plural_name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    fields: Vec<FieldDecl>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldDecl {
    name: String,
    #[serde(alias = "displayName")]
    display_name: String,
    #[serde(alias = "dataType")]
    data_type: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, alias = "isDedupeField")]
    dedupe: bool,
    #[serde(default, alias = "relatedTo")]
    related_to: Option<RelatedTo>,
}

/// The types a description file declares, or what is wrong with it and where.
fn read_description(path: &Path) -> anyhow::Result<Vec<TypeDecl>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || text.trim_start().starts_with('{');
    let d: Description = if is_json {
        serde_json::from_str(&text)
            .map_err(|e| anyhow::anyhow!("{}:{}:{}: {e}", path.display(), e.line(), e.column()))?
    } else {
        toml::from_str(&text).map_err(|e| {
            let line = e.span().map_or(0, |s| {
                text[..s.start.min(text.len())].lines().count().max(1)
            });
            anyhow::anyhow!("{}:{line}: {}", path.display(), e.message())
        })?
    };
    let mut types = d.types;
    types.extend(d.custom_objects.map(|n| n.types).unwrap_or_default());
    if types.is_empty() {
        bail!(
            "{}: no types: declare them as [[types]] (api_name, display_name, fields)",
            path.display()
        );
    }
    Ok(types)
}

/// Run `mkto objects schema`.
pub fn run(a: SchemaArgs, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let decls = match &a.action {
        SchemaAction::Create { file, .. } => Some(read_description(file)?),
        _ => None,
    };
    let rt = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    rt.block_on(async move {
        let reads = matches!(
            a.action,
            SchemaAction::List { .. } | SchemaAction::Show { .. }
        );
        let session = if reads {
            Session::open_reading(&ctx.connect, ctx.quiet()).await?
        } else {
            Session::open(&ctx.connect, ctx.quiet()).await?
        };
        let result = match a.action {
            SchemaAction::List { state } => list(&session.client, state, ctx).await,
            SchemaAction::Show { name, state } => show(&session.client, &name, state, ctx).await,
            SchemaAction::Create { approve, .. } => {
                create(&session.client, decls.unwrap_or_default(), approve, ctx).await
            }
            SchemaAction::Approve { name } => session
                .client
                .custom_object_types()
                .approve(&name)
                .await
                .map(|()| {
                    if !ctx.quiet() {
                        eprintln!("mkto: {name} approved");
                    }
                    ExitCode::SUCCESS
                })
                .with_context(|| format!("Approve {name}")),
        };
        session.close().await;
        result
    })
}

async fn list(client: &Client, state: Option<StateArg>, ctx: &Ctx) -> anyhow::Result<ExitCode> {
    let types = client
        .custom_object_types()
        .list(&[], state.map(Into::into))
        .await
        .context("List Custom Object Types")?;
    let rows: Vec<Map<String, Value>> = types
        .iter()
        .map(|t| {
            Map::from_iter([
                ("apiName".into(), json!(t.api_name)),
                ("displayName".into(), json!(t.display_name)),
                ("state".into(), json!(t.state.as_str())),
                ("dedupeFields".into(), json!(t.dedupe_fields.join(","))),
                ("fields".into(), json!(t.fields.len())),
            ])
        })
        .collect();
    let cols = ["apiName", "displayName", "state", "dedupeFields", "fields"];
    crate::output::records(ctx.format(), &cols, &rows)?;
    Ok(ExitCode::SUCCESS)
}

async fn show(
    client: &Client,
    name: &str,
    state: Option<StateArg>,
    ctx: &Ctx,
) -> anyhow::Result<ExitCode> {
    let t = client
        .custom_object_types()
        .describe(name, state.map(Into::into))
        .await
        .with_context(|| format!("Describe {name}"))?;
    let rows = crate::output::to_rows(&t.fields);
    let cols = ["name", "displayName", "dataType", "length", "updateable"];
    crate::output::records(ctx.format(), &cols, &rows)?;
    if !ctx.quiet() {
        let searchable: Vec<String> = t.searchable_fields.iter().map(|s| s.join("+")).collect();
        eprintln!(
            "{} ({}): id field {}, dedupe fields {}, searchable {}",
            t.api_name,
            t.state.as_str(),
            t.id_field.as_deref().unwrap_or("-"),
            t.dedupe_fields.join(","),
            searchable.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn create(
    client: &Client,
    decls: Vec<TypeDecl>,
    approve: bool,
    ctx: &Ctx,
) -> anyhow::Result<ExitCode> {
    let types = client.custom_object_types();
    let mut rows = Vec::new();
    for d in decls {
        let api = d.api_name.clone();
        let existing = types.describe(&api, Some(TypeState::Draft)).await;
        let existing = match existing {
            Ok(t) => Some(t),
            Err(e) if e.code() == Some(1013) => types.describe(&api, None).await.ok(),
            Err(e) => return Err(e).with_context(|| format!("Describe {api}")),
        };
        let sync = TypeSync {
            action: Some("createOrUpdate".into()),
            api_name: api.clone(),
            display_name: Some(d.display_name.clone()),
            plural_name: d.plural_name.clone(),
            description: d.description.clone(),
            ..TypeSync::default()
        };
        types
            .sync(&sync)
            .await
            .with_context(|| format!("Sync {api}"))?;
        let have: HashSet<String> = existing
            .as_ref()
            .map(|t| t.fields.iter().map(|f| f.name.clone()).collect())
            .unwrap_or_default();
        let new: Vec<TypeFieldSpec> = d
            .fields
            .iter()
            .filter(|f| !have.contains(&f.name))
            .map(|f| TypeFieldSpec {
                description: f.description.clone(),
                is_dedupe_field: f.dedupe.then_some(true),
                related_to: f.related_to.clone(),
                ..TypeFieldSpec::new(&f.name, &f.display_name, &f.data_type)
            })
            .collect();
        if !new.is_empty() {
            types
                .add_fields(&api, &new)
                .await
                .with_context(|| format!("Add fields to {api}"))?;
        }
        if approve {
            types
                .approve(&api)
                .await
                .with_context(|| format!("Approve {api}"))?;
        }
        let added: Vec<&str> = new.iter().filter_map(|f| f.name.as_deref()).collect();
        rows.push(Map::from_iter([
            ("apiName".into(), json!(api)),
            (
                "type".into(),
                json!(if existing.is_some() {
                    "updated"
                } else {
                    "created"
                }),
            ),
            ("fieldsAdded".into(), json!(added.join(","))),
            ("approved".into(), json!(approve)),
        ]));
    }
    let cols = ["apiName", "type", "fieldsAdded", "approved"];
    crate::output::records(ctx.format(), &cols, &rows)?;
    Ok(ExitCode::SUCCESS)
}
