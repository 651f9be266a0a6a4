//! `toetsgen schema`: print the JSON Schema of a toetsplan, for editors.

use anyhow::Result;

use crate::status::Status;
use toetsgen_plan::schema;

/// Prints the schema to standard output.
pub(crate) fn run() -> Result<Status> {
    say_raw!("{}", schema::json())?;
    Ok(Status::Success)
}
