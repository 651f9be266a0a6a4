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
    let mut refused = found.refused.len();
    for p in &found.refused {
        tell!("{} {p}\n", msg!("cli-error"));
    }
    // A candidate is judged by one or two assessors: more forms are refused, naming them all.
    for k in found.kandidaten.iter().filter(|k| k.forms.len() > 2) {
        let row = &found.rows[k.forms[0]];
        let files: Vec<&str> = k
            .forms
            .iter()
            .map(|&i| found.rows[i].file.as_str())
            .collect();
        let name = match row.form.nummer() {
            Some(n) => msg!(
                "uitslagen-candidate-numbered",
                name = row.form.kandidaat.naam.trim(),
                nummer = n
            ),
            None => row.form.kandidaat.naam.trim().to_owned(),
        };
        tell!(
            "{} {}\n",
            msg!("cli-error"),
            msg!(
                "uitslagen-three",
                name = name,
                n = k.forms.len(),
                plan = &row.form.plan,
                files = files.join(", ")
            )
        );
        refused += k.forms.len();
    }
    let listed = found
        .kandidaten
        .iter()
        .filter(|k| k.forms.len() <= 2)
        .count();
    let csv = with_extension(&args.output, "csv");
    let md = with_extension(&args.output, "md");
    if listed == 0 && refused > 0 {
        tell!("{}", msg!("cmd-uitslagen-nothing", csv = &csv, md = &md));
        return Ok(Status::Invalid);
    }
    fs::write_atomic(&csv, list::csv(&found.rows, &found.kandidaten).as_bytes())?;
    fs::write_atomic(
        &md,
        list::markdown(&found.rows, &found.kandidaten).as_bytes(),
    )?;
    let refused_text = match refused {
        0 => String::new(),
        n => msg!("cmd-uitslagen-refused", n = n),
    };
    say!(
        "{}",
        msg!(
            "cmd-uitslagen-written",
            n = listed,
            pairs = match found
                .kandidaten
                .iter()
                .filter(|k| k.pair().is_some())
                .count()
            {
                0 => String::new(),
                n => msg!("cmd-uitslagen-pairs", n = n),
            },
            csv = &csv,
            md = &md,
            refused = refused_text
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

    Ok(Status::valid_if(ok && refused == 0))
}

fn with_extension(name: &Path, ext: &str) -> PathBuf {
    let mut s = name.as_os_str().to_owned();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}
