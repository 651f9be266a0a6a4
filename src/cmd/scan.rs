//! `toetsgen scan FILE…`: reads scanned pages of print packets and of blank forms printed from
//! the site (PDF files of scanned images, PNG, JPEG, TIFF; pages in any order) against the
//! layouts written beside the packets (`pakketten/*.scan.json`) and published beside the forms
//! ([`layouts`]), puts them together per document ([`toetsgen_scan::stack`]) and
//! writes every beoordelingsformulier read as a saved form ([`toetsgen_scan::form`]) into the
//! output folder, which `toetsgen uitslagen` takes as it takes forms saved on screen. Every page
//! that gives no reading, every page scanned twice and every page missing from a form is named
//! with its file and page on standard error, and the exit code is then 1; a doubtful box leaves
//! its field empty (`null`) and listed under `twijfel`, never guessed.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::cli::ScanArgs;
use crate::cmd::report::Terminal;
use crate::status::Status;

mod decide;
mod layouts;
mod session;
use toetsgen_base::report::Reporter;
use toetsgen_base::{fs, msg};
use toetsgen_document::packet::scan::Sidecar;
use toetsgen_document::packet::scan::layout::DocumentLayout;
use toetsgen_output::personal::{Personal, refuse_published};
use toetsgen_scan::form::{Names, saved_form};
use toetsgen_scan::review;
use toetsgen_scan::stack::{self, Origin, Stack, StackDocument, StackPage, StackProblem};
use toetsgen_scan::{ScanFile, read_page};

/// Reads the scans and writes the forms; returns whether every page was read and every form is
/// whole.
pub(crate) fn run(args: ScanArgs) -> Result<Status> {
    refuse_published(&args.output, Personal::Results)?;
    let (sidecars, files) = layouts::read(&args.pakketten, &args.site)?;
    let (pages, mut ok) = read_scans(&args.files, &sidecars);
    let read = pages.len();
    let stack = stack::assemble(pages);
    for problem in &stack.problems {
        tell!(
            "{} {}\n",
            msg!("cli-error"),
            describe(problem, &sidecars, &files)
        );
        ok = false;
    }
    let (written, doubtful) = write_forms(&stack, &sidecars, &args.sessies, &args.output)?;
    say!(
        "{}",
        msg!(
            "cmd-scan-done",
            pages = read,
            forms = written,
            doubtful = doubtful,
            blank = stack.blank,
            dir = &args.output
        )
    )?;
    if doubtful > 0 {
        let page = args.output.join(decide::REVIEW);
        say!("{}", msg!("cmd-scan-review", page = &page))?;
    }
    Ok(Status::valid_if(ok && stack.problems.is_empty()))
}

/// Every page of every scan file, read, with progress on standard error; a file that cannot be
/// opened is reported (and makes the run fail) but the others are read.
fn read_scans(files: &[PathBuf], sidecars: &[Sidecar]) -> (Vec<StackPage>, bool) {
    let mut ok = true;
    let mut scans = Vec::new();
    for path in files {
        match ScanFile::open(path) {
            Ok(scan) => scans.push((path, scan)),
            Err(err) => {
                let error = err.to_string();
                let said = msg!("cmd-scan-unreadable", path = path, error = error);
                tell!("{} {said}\n", msg!("cli-error"));
                ok = false;
            }
        }
    }
    let total: usize = scans.iter().map(|(_, s)| s.len()).sum();
    if total == 0 {
        return (Vec::new(), ok);
    }
    let reporter = Terminal::new();
    reporter.begin("scans", total);
    let mut pages = Vec::new();
    for (path, scan) in &scans {
        for i in 0..scan.len() {
            reporter.step(&format!("{}:{}", path.display(), i + 1));
            let origin = Origin {
                file: (*path).clone(),
                page: i + 1,
            };
            match scan.page(i) {
                Ok(image) => pages.push(StackPage {
                    origin,
                    reading: read_page(&image, sidecars),
                }),
                Err(err) => {
                    let at = msg!("cmd-scan-at", path = *path, page = i + 1);
                    tell!("{} {at}: {err}\n", msg!("cli-error"));
                    ok = false;
                }
            }
        }
    }
    reporter.end();
    (pages, ok)
}

/// Writes the saved form of every beoordelingsformulier of the stack, with the office's earlier
/// decisions applied, and the review page of what is still doubtful; returns how many forms were
/// written and how many fields are still doubtful.
fn write_forms(
    stack: &Stack,
    sidecars: &[Sidecar],
    sessies: &Path,
    dir: &Path,
) -> Result<(usize, usize)> {
    let decisions = decide::load(&dir.join(decide::DECISIONS))?;
    let (mut written, mut items) = (0, Vec::new());
    for doc in &stack.documents {
        let sidecar = &sidecars[doc.sidecar];
        let layout = &sidecar.documenten[doc.document];
        if layout.document != "beoordelingsformulier" {
            continue;
        }
        let names = session::names(sessies, sidecar, layout);
        let mut form = saved_form(sidecar, doc, &names);
        let name = match doc.blanco {
            true => blank_name(&sidecar.plan, doc),
            false => file_name(
                sidecar.sessie.as_deref().unwrap_or_default(),
                layout.kandidaat.as_deref(),
                layout.beoordelaar,
            ),
        };
        decide::apply(&mut form, &name, layout, &decisions);
        let who = match doc.blanco {
            true => blank_who(doc),
            false => who(layout, &names),
        };
        items.extend(decide::items(&form, &name, &who, layout, doc));
        let mut json = serde_json::to_vec_pretty(&form).context(msg!("cmd-scan-json"))?;
        json.push(b'\n');
        fs::create_dir_all(dir)?;
        fs::write_atomic(&dir.join(format!("{name}.json")), &json)?;
        written += 1;
    }
    // A run that read no form leaves an earlier review page alone.
    if written > 0 {
        fs::write_atomic(&dir.join(decide::REVIEW), review::page(&items).as_bytes())?;
    }
    Ok((written, items.len()))
}

/// Who a form is of, on the review page: "2026-0012 Jan Jansen, beoordelaar 1".
fn who(layout: &DocumentLayout, names: &Names) -> String {
    let mut who = layout.kandidaat.clone().unwrap_or_default();
    if !names.kandidaat.is_empty() {
        who = format!("{who} {}", names.kandidaat);
    }
    match layout.beoordelaar {
        Some(b) => msg!("cmd-scan-who-assessor", who = who, n = b),
        None => who,
    }
}

/// Who a blank form is of, on the review page: where its first page was scanned.
fn blank_who(doc: &StackDocument) -> String {
    let at = doc
        .pages
        .values()
        .next()
        .map(|o| msg!("cmd-scan-at", path = &o.file, page = o.page));
    msg!("cmd-scan-who-blank", at = at.unwrap_or_default())
}

/// `<plan>-blanco-<scan file stem>-p<first page>`: a blank form's file name without `.json`,
/// the same for the same scans, in letters, digits and dashes only.
fn blank_name(plan: &str, doc: &StackDocument) -> String {
    let first = doc.pages.values().next();
    let stem = first
        .and_then(|o| o.file.file_stem())
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let page = first.map_or(1, |o| o.page);
    safe(&format!("{plan}-blanco-{stem}-p{page}"))
}

/// Letters and digits kept, anything else a dash.
fn safe(s: &str) -> String {
    (s.chars())
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// `<session>-<candidate number>[-b<assessor>]` (the form's file name without `.json`), in
/// letters, digits and dashes only.
fn file_name(sessie: &str, kandidaat: Option<&str>, beoordelaar: Option<u8>) -> String {
    let mut name = format!(
        "{}-{}",
        safe(sessie),
        safe(kandidaat.unwrap_or("zonder-nummer"))
    );
    if let Some(b) = beoordelaar {
        name.push_str(&format!("-b{b}"));
    }
    name
}

/// A stack problem in the user's words, with file and page.
fn describe(problem: &StackProblem, sidecars: &[Sidecar], files: &[PathBuf]) -> String {
    let at = |o: &Origin| msg!("cmd-scan-at", path = &o.file, page = o.page);
    match problem {
        StackProblem::Unread { origin, problem } => format!("{}: {problem}", at(origin)),
        StackProblem::Twice {
            origin,
            first,
            differ,
        } => match differ {
            true => msg!("cmd-scan-twice-differ", at = at(origin), first = at(first)),
            false => msg!("cmd-scan-twice", at = at(origin), first = at(first)),
        },
        StackProblem::Missing {
            sidecar,
            document,
            pagina,
        } => {
            let doc = &sidecars[*sidecar].documenten[*document];
            msg!(
                "cmd-scan-missing",
                pagina = *pagina,
                paginas = doc.paginas,
                document = &doc.document,
                kandidaat = doc.kandidaat.as_deref().unwrap_or("-"),
                layout = &files[*sidecar]
            )
        }
        StackProblem::OutOfOrder {
            origin,
            pagina,
            paginas,
        } => msg!(
            "cmd-scan-blank-out-of-order",
            at = at(origin),
            pagina = *pagina,
            paginas = *paginas
        ),
    }
}
