//! `toetsgen schema`: print the JSON Schema of a toetsplan, for editors.

use anyhow::Result;

use crate::plan::schema;

/// Prints the schema to standard output.
pub fn run() -> Result<bool> {
    print!("{}", schema::json());
    Ok(true)
}
