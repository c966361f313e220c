//! A static list named on the command line by id (`1001`) or by name (`Newsletter`): `--list` and the list
//! argument of `mkto lists` take either, like `leads export --list`.

use anyhow::{bail, Context};
use futures::TryStreamExt;
use marketo_client::endpoints::ListFilter;
use marketo_client::Client;

/// The id of the list `given` names: a number as it is, a name looked up (one call).
pub async fn resolve(client: &Client, given: &str) -> anyhow::Result<i64> {
    if let Ok(id) = given.trim().parse::<i64>() {
        return Ok(id);
    }
    let filter = ListFilter {
        names: vec![given.to_owned()],
        ..ListFilter::default()
    };
    let found: Vec<_> = client
        .lists()
        .find(&filter)
        .try_collect()
        .await
        .with_context(|| format!("looking up the static list {given:?}"))?;
    match found.as_slice() {
        [one] => Ok(one.id),
        [] => bail!("no static list named {given:?} (see `mkto lists list`)"),
        many => bail!(
            "{} static lists are named {given:?} (ids {}): give the id",
            many.len(),
            many.iter()
                .map(|l| l.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
