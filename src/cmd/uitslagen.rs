//! `toetsgen uitslagen FILE.json…`: reads the valid plans, checks every saved form against the
//! plan and version it names (the current plan, or that version from the plan archive), and
//! writes the results list as CSV and Markdown. Refused files are named on standard error with the
//! reason; the list holds the others; the exit code is then 1. Where forms of one plan were
//! judged by several versions, the summary says which.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::UitslagenArgs;
use crate::cmd::read_plans;
use crate::status::Status;
use toetsgen_base::{fs, msg};
use toetsgen_output::personal::{Personal, refuse_published};
use toetsgen_plan::archive::Archive;
use toetsgen_plan::model::Toetsplan;
use toetsgen_uitslagen::{self as uitslagen, Versions, list};

/// Writes the list; returns whether every file was accepted and every plan valid.
pub(crate) fn run(args: UitslagenArgs) -> Result<Status> {
    refuse_published(&args.output, Personal::Results)?;
    let read = read_plans(&args.plans)?;
    let ok = !read.has_errors();
    let plans: HashMap<String, Toetsplan> = (read.valid())
        .map(|sp| (sp.plan.code.trim().to_owned(), sp.plan.clone()))
        .collect();
    let refs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    let versions = Versions {
        current: &plans,
        archive: &Archive::of(&args.plans),
        today: chrono::Local::now().date_naive(),
    };
    let found = uitslagen::collect(&refs, versions);
    for p in &found.refused {
        tell!("{} {p}\n", msg!("cli-error"));
    }
    let csv = with_extension(&args.output, "csv");
    let md = with_extension(&args.output, "md");
    if found.rows.is_empty() && !found.refused.is_empty() {
        tell!("{}", msg!("cmd-uitslagen-nothing", csv = &csv, md = &md));
        return Ok(Status::Invalid);
    }
    fs::write_atomic(&csv, list::csv(&found.rows).as_bytes())?;
    fs::write_atomic(&md, list::markdown(&found.rows).as_bytes())?;
    let refused = match found.refused.len() {
        0 => String::new(),
        n => msg!("cmd-uitslagen-refused", n = n),
    };
    say!(
        "{}",
        msg!(
            "cmd-uitslagen-written",
            n = found.rows.len(),
            csv = &csv,
            md = &md,
            refused = refused
        )
    )?;
    for (plan, judged) in list::versions_judged(&found.rows) {
        let each: Vec<String> = (judged.iter())
            .map(|(v, n)| {
                msg!(
                    "cmd-uitslagen-version-forms",
                    version = v.to_string(),
                    n = *n
                )
            })
            .collect();
        say!(
            "{}",
            msg!(
                "cmd-uitslagen-versions",
                plan = plan.to_string(),
                n = judged.len(),
                each = each.join(", ")
            )
        )?;
    }

    Ok(Status::valid_if(ok && found.refused.is_empty()))
}

fn with_extension(name: &Path, ext: &str) -> PathBuf {
    let mut s = name.as_os_str().to_owned();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}
