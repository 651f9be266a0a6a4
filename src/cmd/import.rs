//! `toetsgen import <file>`: a text export or Word document of a toetsplan becomes a YAML plan
//! that passes `toetsgen check`, written only when nothing was left unplaced. A plan code that a
//! plan of the plans folder already has is refused, or with --force that plan's file is replaced,
//! so that there is still one plan with the code.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::cli::ImportArgs;
use crate::status::Status;
use toetsgen_base::{fs, msg};
use toetsgen_import::{self as import, yaml};
use toetsgen_plan::diagnostic::Diagnostic;
use toetsgen_plan::folder::Plans;
use toetsgen_plan::model::Toetsplan;
use toetsgen_plan::{load, validate};

/// The most problems printed: a damaged or wrong file can have thousands.
const MAX_SHOWN: usize = 50;

/// Imports; returns whether a plan was written.
pub(crate) fn run(args: ImportArgs) -> Result<Status> {
    let source = args.file.display().to_string();
    let imported = match import::import(&args.file)? {
        Ok(imported) => imported,
        Err(problems) => {
            let error = msg!("cli-error");
            for p in problems.iter().take(MAX_SHOWN) {
                tell!("{error} {}\n  --> {source}: {}\n", p.message, p.place);
            }
            if problems.len() > MAX_SHOWN {
                let more = problems.len() - MAX_SHOWN;
                tell!("{}\n", msg!("cmd-import-more", n = more, shown = MAX_SHOWN));
            }
            tell!(
                "{}",
                msg!("cmd-import-nothing", n = problems.len(), source = &source)
            );
            return Ok(Status::Invalid);
        }
    };
    let plan = &imported.plan;
    let today = chrono::Local::now().date_naive();
    let holders = plans_with_code(&args.plans, &plan.code, today)?;
    let (target, replaced) = target(&args, plan, &holders)?;
    let text = format!(
        "{}\n{}",
        toetsgen_plan::schema::modeline(&target, Path::new("output")),
        yaml::to_yaml(plan, &source)
    );
    let shown = target.display().to_string();
    let problems = check(&shown, &text, today);
    if problems.iter().any(Diagnostic::is_error) {
        for d in &problems {
            tell!("{d}\n");
        }
        tell!("{}", msg!("cmd-import-would-fail"));
        return Ok(Status::Invalid);
    }
    if target.exists() && !args.force {
        bail!(msg!("cmd-import-exists", path = &shown));
    }
    fs::write_atomic(&target, text.as_bytes())?;
    for note in &imported.notes {
        tell!("{} {note}", msg!("cmd-note"));
    }
    let terms: usize = plan.onderdelen.iter().map(|o| o.toetstermen.len()).sum();
    let onderdelen = plan.onderdelen.len();
    match replaced {
        None => say!(
            "{}",
            msg!(
                "cmd-imported",
                source = &source,
                path = &shown,
                code = &plan.code,
                onderdelen = onderdelen,
                terms = terms
            )
        )?,
        Some(old) => say!(
            "{}",
            msg!(
                "cmd-imported-replacing",
                source = &source,
                path = &shown,
                code = &plan.code,
                onderdelen = onderdelen,
                terms = terms,
                version = new_version(&source, &shown, &old, plan)
            )
        )?,
    }
    Ok(Status::Success)
}

/// What replacing `old` by `plan` does to the plan's versions, said for the success line (and
/// warned about, on standard error, when the dates look wrong).
fn new_version(source: &str, shown: &str, old: &Toetsplan, plan: &Toetsplan) -> String {
    let (code, was, now) = (&plan.code, old.versie(), plan.versie());
    let (was_text, now_text) = (was.to_string(), now.to_string());
    if was == now && old != plan {
        let unchanged = msg!(
            "cmd-import-date-unchanged",
            code = code,
            now = &now_text,
            path = shown
        );
        tell!("{} {unchanged}", msg!("cmd-warning"));
    }
    if now < was {
        let earlier = msg!(
            "cmd-import-date-earlier",
            now = &now_text,
            was = &was_text,
            source = source,
            code = code
        );
        tell!("{} {earlier}", msg!("cmd-warning"));
    }
    match was == now {
        true => msg!("cmd-import-version-same", now = now_text),
        false => msg!(
            "cmd-import-version-new",
            now = now_text,
            was = was_text,
            code = code
        ),
    }
}

/// A plan of the plans folder that has the imported plan's code: its file and its plan.
struct Holder {
    /// The file, as read from the plans folder.
    path: PathBuf,
    /// The file as shown in messages.
    shown: String,
    /// The plan in it.
    plan: Toetsplan,
}

/// The plans in `dir` that have `code`, read as every command reads them ([`Plans::read`]) and
/// compared as `check` compares codes (trimmed, without case; see `validate::Codes`). A plans
/// folder that does not exist, or holds no plan file yet, has none; one that cannot be read is
/// an error.
fn plans_with_code(dir: &Path, code: &str, today: NaiveDate) -> Result<Vec<Holder>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let plans = match Plans::read(dir, today) {
        Ok(plans) => plans,
        Err(err) if dir.is_dir() && !from_io(&err) => return Ok(Vec::new()),
        Err(err) => return Err(err),
    };
    let key = code.trim().to_uppercase();
    let holders = (plans.files.into_iter())
        .filter_map(|(path, file)| file.ok().map(|checked| (path, checked.source)))
        .filter(|(_, sp)| sp.plan.code.trim().to_uppercase() == key)
        .map(|(path, sp)| Holder {
            path,
            shown: sp.display,
            plan: sp.plan,
        })
        .collect();
    Ok(holders)
}

/// The file to write, and the plan it replaces when it is the plan in the plans folder that
/// has the imported plan's code. Refuses what would leave two files with that code: an import
/// of a code that a plan has without --force, and with --force a file other than that plan's.
fn target(
    args: &ImportArgs,
    plan: &Toetsplan,
    holders: &[Holder],
) -> Result<(PathBuf, Option<Toetsplan>)> {
    let code = &plan.code;
    let holder = match holders {
        [] => {
            let target = (args.output.clone())
                .unwrap_or_else(|| args.plans.join(file_name(code, &plan.naam)));
            return Ok((target, None));
        }
        [holder] => holder,
        [first, rest @ ..] => bail!(msg!(
            "cmd-import-code-used-twice",
            code = code,
            first = &first.shown,
            rest = (rest.iter().map(|h| h.shown.as_str()))
                .collect::<Vec<_>>()
                .join(&msg!("cmd-and"))
        )),
    };
    let shown = &holder.shown;
    if !args.force {
        bail!(msg!("cmd-import-code-used", code = code, path = shown));
    }
    if let Some(output) = &args.output
        && !same_file(output, &holder.path)
    {
        bail!(msg!(
            "cmd-import-force-other",
            path = shown,
            code = code,
            output = output
        ));
    }

    Ok((holder.path.clone(), Some(holder.plan.clone())))
}

/// Whether an error came from reading the disk (rather than from finding no plan files).
fn from_io(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| cause.is::<std::io::Error>())
}

/// Whether `a` and `b` name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// The validator's findings on the YAML about to be written.
fn check(shown: &str, text: &str, today: NaiveDate) -> Vec<Diagnostic> {
    match load::parse(shown, text.to_owned()) {
        Ok(sp) => validate::validate(&sp, today),
        Err(d) => vec![d],
    }
}

/// `toetsplannen/V1-dienstverlening.yaml`.
pub(crate) fn default_target(code: &str, naam: &str) -> PathBuf {
    PathBuf::from("toetsplannen").join(file_name(code, naam))
}

/// `V1-dienstverlening.yaml`: a plan's file name, from its code and name.
fn file_name(code: &str, naam: &str) -> String {
    let slug: String = naam
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{code}-{slug}.yaml")
}
