//! `toetsgen changes --since DATE`: per plan, the toetstermen changed on or after a date, as a
//! table or as JSON.

use anyhow::{Context, Result};

use crate::cli::{ChangesArgs, ListFormat};
use crate::plan::changes::{self, PlanChanges};
use crate::plan::diagnostic::Diagnostic;
use crate::plan::load;
use crate::plan::validate;

/// Prints the changes; returns whether every plan could be read and is valid.
pub fn run(args: ChangesArgs) -> Result<bool> {
    let files = load::discover(&args.plans)?;
    let mut loaded = Vec::new();
    let mut problems: Vec<Diagnostic> = Vec::new();
    for path in &files {
        match load::load(path) {
            Ok(sp) => loaded.push(sp),
            Err(d) => problems.push(d),
        }
    }
    let today = chrono::Local::now().date_naive();
    let mut listed: Vec<PlanChanges> = Vec::new();
    for (sp, diags) in loaded.iter().zip(validate::validate_all(&loaded, today)) {
        let valid = !diags.iter().any(Diagnostic::is_error);
        problems.extend(diags);
        if valid {
            listed.extend(changes::of_plan(&sp.plan, &sp.display, args.since));
        }
    }
    for d in &problems {
        eprintln!("{d}\n");
    }
    match args.format {
        ListFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&listed).context("cannot write the list as JSON")?
            );
        }
        ListFormat::Table if listed.is_empty() => {
            println!("No toetstermen changed on or after {}.", args.since);
        }
        ListFormat::Table => print!("{}", changes::table(&listed)),
    }
    Ok(!problems.iter().any(Diagnostic::is_error))
}
