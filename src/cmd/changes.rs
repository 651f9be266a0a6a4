//! `toetsgen changes --since DATE`: per plan, the toetstermen changed on or after a date, as a
//! table or as JSON.

use anyhow::{Context, Result};

use crate::cli::{ChangesArgs, ListFormat};
use crate::cmd::read_plans;
use crate::status::Status;
use toetsgen_base::msg;
use toetsgen_plan::archive::Archive;
use toetsgen_plan::changes::{self, PlanChanges};
use toetsgen_plan::history::History;

/// Prints the changes; returns whether every plan could be read and is valid.
pub(crate) fn run(args: ChangesArgs) -> Result<Status> {
    let plans = read_plans(&args.plans)?;
    let archive = Archive::of(&args.plans);
    let listed: Vec<PlanChanges> = (plans.valid())
        .flat_map(|sp| {
            let history = History::of(&archive, &sp.plan);
            changes::of_plan(&sp.plan, &sp.display, args.since, &history)
        })
        .collect();
    match args.format {
        ListFormat::Json => {
            say!(
                "{}",
                serde_json::to_string_pretty(&listed).context(msg!("cmd-changes-no-json"))?
            )?;
        }
        ListFormat::Table if listed.is_empty() => {
            say!(
                "{}",
                msg!("cmd-changes-none", since = args.since.to_string())
            )?;
        }
        ListFormat::Table => say_raw!("{}", changes::table(&listed))?,
    }
    Ok(Status::valid_if(!plans.has_errors()))
}
