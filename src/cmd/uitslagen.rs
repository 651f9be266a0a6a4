//! `toetsgen uitslagen FILE.json…`: reads the valid plans, checks every saved form against the
//! plan and version it names, and writes the results list as CSV and Markdown. Refused files are
//! named on standard error with the reason; the list holds the others; the exit code is then 1.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::UitslagenArgs;
use crate::fs;
use crate::plan::diagnostic::Diagnostic;
use crate::plan::{load, validate};
use crate::uitslagen::{self, list};
use crate::words::plural;

/// Writes the list; returns whether every file was accepted and every plan valid.
pub fn run(args: UitslagenArgs) -> Result<bool> {
    crate::cmd::refuse_published(&args.output, "the results")?;
    let files = load::discover(&args.plans)?;
    let mut loaded = Vec::new();
    let mut ok = true;
    for path in &files {
        match load::load(path) {
            Ok(sp) => loaded.push(sp),
            Err(d) => {
                eprintln!("{d}\n");
                ok = false;
            }
        }
    }
    let today = chrono::Local::now().date_naive();
    let mut plans = HashMap::new();
    for (sp, diags) in loaded.iter().zip(validate::validate_all(&loaded, today)) {
        for d in diags.iter().filter(|d| d.is_error()) {
            eprintln!("{d}\n");
        }
        if diags.iter().any(Diagnostic::is_error) {
            ok = false;
        } else {
            plans.insert(sp.plan.code.trim().to_owned(), sp.plan.clone());
        }
    }
    let refs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    let found = uitslagen::collect(&refs, &plans);
    for p in &found.problemen {
        eprintln!("error: {p}\n");
    }
    let csv = with_extension(&args.output, "csv");
    let md = with_extension(&args.output, "md");
    fs::write_atomic(&csv, list::csv(&found.rijen).as_bytes())?;
    fs::write_atomic(&md, list::markdown(&found.rijen).as_bytes())?;
    println!(
        "{} in {} and {}{}",
        plural(found.rijen.len(), "result", "results"),
        csv.display(),
        md.display(),
        match found.problemen.len() {
            0 => String::new(),
            n => format!("; {} refused (see above)", plural(n, "file", "files")),
        }
    );
    Ok(ok && found.problemen.is_empty())
}

fn with_extension(name: &Path, ext: &str) -> PathBuf {
    let mut s = name.as_os_str().to_owned();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}
