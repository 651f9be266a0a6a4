//! `toetsgen packet`: the print packet of one exam session (or of every one with `--all`) as one
//! PDF, written atomically to `pakketten/<session>.pdf` and only when its bytes differ. Nothing is
//! made for a session with an error; the others still are.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::cancel::Cancel;
use crate::cli::PacketArgs;
use crate::cmd::report::Terminal;
use crate::cmd::templates_dir;
use crate::document::packet::{self, view::SessieView};
use crate::document::pdf::{Chunk, Compiler, Job, Typst};
use crate::document::templates::Templates;
use crate::document::view::PlanView;
use crate::plan::diagnostic::Diagnostic;
use crate::plan::load::{self, SourcePlan};
use crate::plan::validate;
use crate::report::Reporter as _;
use crate::session::{self, validate::PlanStatus};
use crate::words::plural;

/// The folder packets go to unless `-o` says otherwise.
pub const PAKKETTEN: &str = "pakketten";

/// Everything the packets of a run share.
struct Shared {
    templates: Templates,
    plans: Vec<(SourcePlan, bool)>,
    compiler: Compiler,
    cancel: Cancel,
    reporter: Terminal,
}

/// Makes the packets; returns whether every session was made.
pub fn run(args: PacketArgs) -> Result<bool> {
    let files = match &args.file {
        Some(file) => vec![file.clone()],
        None => session::load::discover(&args.sessies)?,
    };
    let shared = Shared {
        compiler: Compiler::new(&Typst::locate(None)?, None, false)?,
        templates: Templates::load(templates_dir(&args.source)?.as_deref())?,
        plans: plans(&args.source.plans)?,
        cancel: crate::cmd::signals::cancel_on_signals()?,
        reporter: Terminal::new(),
    };
    let mut ok = true;
    for file in &files {
        let target = args.output.clone().unwrap_or_else(|| default_target(file));
        let made = crate::cmd::refuse_published(&target, "packets")
            .and_then(|()| one(&shared, file, &target));
        match made {
            Ok(made) => ok &= made,
            Err(err) => {
                if err.is::<crate::cancel::Cancelled>() {
                    return Err(err);
                }
                eprintln!("error: {err:#}\n");
                ok = false;
            }
        }
    }
    Ok(ok)
}

/// `pakketten/<session file name>.pdf`.
fn default_target(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(|| "pakket".into(), |s| s.to_string_lossy().into_owned());
    Path::new(PAKKETTEN).join(format!("{stem}.pdf"))
}

/// Every plan under `dir`, read and checked, with whether it passes check.
fn plans(dir: &Path) -> Result<Vec<(SourcePlan, bool)>> {
    let loaded: Vec<SourcePlan> = (load::discover(dir)?.iter())
        .filter_map(|f| load::load(f).ok())
        .collect();
    let checks = validate::validate_all(&loaded, chrono::Local::now().date_naive());
    Ok((loaded.into_iter().zip(checks))
        .map(|(sp, d)| (sp, !d.iter().any(Diagnostic::is_error)))
        .collect())
}

/// The packet of one session; false (with the problems printed) when the session has errors.
fn one(shared: &Shared, file: &Path, target: &Path) -> Result<bool> {
    let status: Vec<PlanStatus<'_>> = (shared.plans.iter())
        .map(|(sp, valid)| PlanStatus {
            plan: &sp.plan,
            file: &sp.display,
            valid: *valid,
        })
        .collect();
    let (sessie, warnings) = match session::read(file, &status) {
        Ok(read) => read,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}\n");
            }
            eprintln!(
                "no packet made for {}: {} (see above)",
                file.display(),
                plural(problems.len(), "error", "errors")
            );
            return Ok(false);
        }
    };
    for w in &warnings {
        eprintln!("{w}\n");
    }
    let sp = (shared.plans.iter())
        .find(|(sp, _)| sp.plan.code == sessie.plan)
        .map(|(sp, _)| sp)
        .context("the session's plan is gone")?;
    let view = SessieView::new(&sessie);
    let plan = PlanView::new(&sp.plan);
    let source = packet::compose(&shared.templates, &plan, &view, &shared.reporter)
        .with_context(|| format!("making the packet of {}", file.display()))?;
    let job = Job {
        label: target.display().to_string(),
        template: shared.templates.origin("_pakket.typ.tera"),
        source,
    };
    let chunk = Chunk {
        timestamp: (sessie.datum.and_hms_opt(0, 0, 0)).map_or(0, |t| t.and_utc().timestamp()),
        jobs: vec![job],
    };
    shared.reporter.begin("packet PDF", 1);
    let made = shared.compiler.compile(&chunk, &shared.cancel);
    shared.reporter.step(&chunk.jobs[0].label);
    shared.reporter.end();
    let path = made?.pop().context("typst made no packet")??;
    let pdf = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let same = std::fs::read(target).is_ok_and(|old| old == pdf);
    if !same {
        crate::fs::write_atomic(target, &pdf)?;
    }
    println!(
        "{} {}: {} for {} on {}",
        if same { "Unchanged" } else { "Wrote" },
        target.display(),
        plural(sessie.kandidaten.len(), "candidate", "candidates"),
        sessie.plan,
        sessie.datum,
    );
    Ok(true)
}
