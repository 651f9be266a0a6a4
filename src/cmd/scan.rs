//! `toetsgen scan FILE…`: reads scanned pages of print packets and of blank forms printed from
//! the site (PDF files of scanned images, PNG, JPEG, TIFF; pages in any order) against the
//! layouts written beside the packets (`pakketten/*.scan.json`) and published beside the forms
//! ([`layouts`]), puts them together per document ([`toetsgen_scan::stack`]) and
//! writes every beoordelingsformulier read as a saved form ([`toetsgen_scan::form`]) into the
//! output folder, which `toetsgen uitslagen` takes as it takes forms saved on screen. Every page
//! that gives no reading, every page scanned twice and every page missing from a form is named
//! with its file and page on standard error, and the exit code is then 1; a doubtful box leaves
//! its field empty (`null`) and listed under `twijfel`, never guessed. Beside the forms: the
//! review page of what is doubtful ([`decide`]), the images of handwritten fields ([`pages`])
//! and each candidate's inzage PDF ([`inzage`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::cli::ScanArgs;
use crate::cmd::report::Terminal;
use crate::status::Status;

mod decide;
mod inzage;
mod layouts;
mod pages;
mod questions;
mod session;

use inzage::FormRead;
use pages::Uprights;
use toetsgen_base::report::Reporter;
use toetsgen_base::{fs, msg};
use toetsgen_document::packet::scan::Sidecar;
use toetsgen_document::packet::scan::layout::DocumentLayout;
use toetsgen_document::pdf::{Compiler, Typst};
use toetsgen_output::personal::{Personal, refuse_published};
use toetsgen_scan::form::{KANDIDAATNUMMER, Names, saved_form};
use toetsgen_scan::review;
use toetsgen_scan::stack::{self, Origin, Stack, StackDocument, StackPage, StackProblem};
use toetsgen_scan::{ScanFile, read_page};

/// Reads the scans and writes the forms; returns whether every page was read and every form is
/// whole.
pub(crate) fn run(args: ScanArgs) -> Result<Status> {
    refuse_published(&args.output, Personal::Results)?;
    let (sidecars, files) = layouts::read(&args.pakketten, &args.site)?;
    fs::create_dir_all(&args.output)?;
    let compiler = inzage_compiler(&args.output)?;
    let mut uprights = Uprights::new(&args.output, compiler.as_ref());
    let (pages, mut ok) = read_scans(&args.files, &sidecars, &mut uprights)?;
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
    let vragen = questions::read(&args.plans, &sidecars);
    let out = Out {
        sidecars: &sidecars,
        vragen: &vragen,
        sessies: &args.sessies,
        dir: &args.output,
        uprights: &uprights,
    };
    let (forms, doubtful) = write_forms(&stack, &out)?;
    let inzage = match &compiler {
        Some(compiler) if !forms.is_empty() => {
            inzage::write(&forms, &uprights, compiler, &args.output)?
        }
        _ => 0,
    };
    say!(
        "{}",
        msg!(
            "cmd-scan-done",
            pages = read,
            forms = forms.len(),
            doubtful = doubtful,
            blank = stack.blank,
            dir = &args.output
        )
    )?;
    if inzage > 0 {
        let folder = args.output.join(inzage::INZAGE);
        say!("{}", msg!("cmd-scan-inzage", count = inzage, dir = &folder))?;
    }
    if doubtful > 0 {
        let page = args.output.join(decide::REVIEW);
        say!("{}", msg!("cmd-scan-review", page = &page))?;
    }
    Ok(Status::valid_if(ok && stack.problems.is_empty()))
}

/// The typst compiler for the inzage PDFs, its private scratch folder under `dir` (it holds
/// scanned pages); `None`, with a warning saying why and how to get typst, when typst cannot be
/// found: the saved forms do not need it.
fn inzage_compiler(dir: &Path) -> Result<Option<Compiler>> {
    match Typst::locate(None) {
        Ok(typst) => Ok(Some(Compiler::new(&typst, Some(dir), true, None)?)),
        Err(err) => {
            let why = crate::describe(&err);
            tell!(
                "{} {}\n",
                msg!("cmd-warning"),
                msg!("cmd-scan-inzage-no-typst", why = why)
            );
            Ok(None)
        }
    }
}

/// Where the forms read go, and what they are written with.
struct Out<'a> {
    /// The packets' layouts.
    sidecars: &'a [Sidecar],
    /// The toetsterm texts, per layout.
    vragen: &'a questions::Questions,
    /// The sessions' folder (for the names).
    sessies: &'a Path,
    /// The output folder.
    dir: &'a Path,
    /// The handwritten fields and pages kept while reading.
    uprights: &'a Uprights<'a>,
}

/// Every page of every scan file, read, with progress on standard error; a file that cannot be
/// opened is reported (and makes the run fail) but the others are read. The files are opened twice:
/// once to count their pages (no pixels decoded), then one at a time to read them, so that memory
/// holds one file and one page whatever the size of the stack. What a person needs of each form
/// page is kept in `uprights` as it is read.
fn read_scans(
    files: &[PathBuf],
    sidecars: &[Sidecar],
    uprights: &mut Uprights<'_>,
) -> Result<(Vec<StackPage>, bool)> {
    let mut ok = true;
    let counted: Vec<(&PathBuf, usize)> = (files.iter())
        .filter_map(|path| match open_scan(path) {
            Some(scan) => Some((path, scan.len())),
            None => {
                ok = false;
                None
            }
        })
        .collect();
    let total: usize = counted.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return Ok((Vec::new(), ok));
    }
    let reporter = Terminal::new();
    reporter.begin("scans", total);
    let mut reader = FileReader {
        sidecars,
        reporter: &reporter,
        uprights,
    };
    let (mut pages, mut batch) = (Vec::new(), Vec::new());
    let size = 2 * rayon::current_num_threads();
    for (path, _) in counted {
        let Some(scan) = open_scan(path) else {
            ok = false;
            continue;
        };
        let scan = Arc::new(scan);
        for index in 0..scan.len() {
            batch.push((Arc::clone(&scan), index));
            if batch.len() == size {
                ok &= reader.read(&batch, &mut pages)?;
                batch.clear();
            }
        }
    }
    ok &= reader.read(&batch, &mut pages)?;
    reporter.end();
    Ok((pages, ok))
}

/// A scan file opened, or `None` with the reason said.
fn open_scan(path: &Path) -> Option<ScanFile> {
    match ScanFile::open(path) {
        Ok(scan) => Some(scan),
        Err(err) => {
            // The reason names the file.
            tell!("{} {err}\n", msg!("cli-error"));
            None
        }
    }
}

/// Reads the pages of the scan files, a few at a time in parallel.
struct FileReader<'a, 'b, 'c> {
    /// The packets' layouts.
    sidecars: &'a [Sidecar],
    /// The progress.
    reporter: &'a Terminal,
    /// What is kept of the form pages.
    uprights: &'c mut Uprights<'b>,
}

/// A page of a scan file: the file and the page's index (from 0).
type Unit = (Arc<ScanFile>, usize);

impl FileReader<'_, '_, '_> {
    /// Reads `batch` (its pages rendered, read and prepared in parallel, then kept and added to
    /// `pages` in order); false when a page cannot be rendered (said, with its file and page).
    fn read(&mut self, batch: &[Unit], pages: &mut Vec<StackPage>) -> Result<bool> {
        let (sidecars, whole) = (self.sidecars, self.uprights.keeps_pages());
        let done: Vec<_> = (batch.par_iter())
            .map(|(scan, i)| {
                let origin = Origin {
                    file: scan.path().to_owned(),
                    page: i + 1,
                };
                let image = scan.page(*i)?;
                let reading = read_page(&image, sidecars);
                let kept = (reading.as_ref().ok())
                    .and_then(|r| pages::prepare(&image, r, sidecars, whole));
                Ok::<_, toetsgen_scan::LoadError>((origin, reading, kept))
            })
            .collect();
        let mut ok = true;
        for ((scan, i), read) in batch.iter().zip(done) {
            let path = scan.path();
            self.reporter.step(&format!("{}:{}", path.display(), i + 1));
            match read {
                Ok((origin, reading, kept)) => {
                    if let Some(kept) = kept {
                        self.uprights.store(&origin, kept)?;
                    }
                    pages.push(StackPage { origin, reading });
                }
                Err(err) => {
                    let at = msg!("cmd-scan-at", path = path, page = i + 1);
                    tell!("{} {at}: {err}\n", msg!("cli-error"));
                    ok = false;
                }
            }
        }
        Ok(ok)
    }
}

/// Writes the saved form of every beoordelingsformulier of the stack, with the office's earlier
/// decisions applied and its handwritten fields' images named, and the review page of what is
/// still doubtful; returns the forms written and how many fields are still doubtful.
fn write_forms<'a>(stack: &Stack, out: &Out<'a>) -> Result<(Vec<FormRead<'a>>, usize)> {
    let dir = out.dir;
    let decisions = decide::load(&dir.join(decide::DECISIONS))?;
    let (mut forms, mut items) = (Vec::new(), Vec::new());
    for doc in &stack.documents {
        let sidecar = &out.sidecars[doc.sidecar];
        let layout = &sidecar.documenten[doc.document];
        if layout.document != "beoordelingsformulier" {
            continue;
        }
        let names = session::names(out.sessies, sidecar, layout);
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
        let handschrift = out.uprights.write_handwriting(&name, doc.pages.values())?;
        form["handschrift"] = serde_json::json!(handschrift);
        let who = match doc.blanco {
            true => blank_who(doc),
            false => who(layout, &names),
        };
        let vragen = &out.vragen[doc.sidecar];
        let mut found = decide::items(&form, &name, &who, layout, doc, vragen);
        for item in found.iter_mut().filter(|i| i.veld == KANDIDAATNUMMER) {
            // What the assessor wrote on the name and number lines, from the images kept.
            let written = out
                .uprights
                .handwriting(doc.pages.values(), &WRITTEN_CANDIDATE);
            item.crops = written.into_iter().map(|png| (None, png)).collect();
        }
        items.extend(found);
        let mut json = serde_json::to_vec_pretty(&form).context(msg!("cmd-scan-json"))?;
        json.push(b'\n');
        fs::write_atomic(&dir.join(format!("{name}.json")), &json)?;
        let pages = (doc.pages.iter()).map(|(p, o)| (*p, o.clone())).collect();
        forms.push(FormRead {
            name: name.clone(),
            blanco: doc.blanco,
            sidecar,
            layout,
            pages,
            form,
            names,
        });
    }
    // A run that read no form leaves an earlier review page alone.
    if !forms.is_empty() {
        fs::write_atomic(&dir.join(decide::REVIEW), review::page(&items).as_bytes())?;
    }
    Ok((forms, items.len()))
}

/// The handwritten fields of a blank form that say whose it is: the review page shows them beside
/// the question which candidate.
const WRITTEN_CANDIDATE: [&str; 2] = ["kandidaat.naam", KANDIDAATNUMMER];

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
    safe(&format!("{plan}-blanco-{stem}-p{page}"), &[])
}

/// `<session>-<candidate number>[-b<assessor>]` (the form's file name without `.json`), in
/// letters, digits and dashes only.
fn file_name(sessie: &str, kandidaat: Option<&str>, beoordelaar: Option<u8>) -> String {
    let mut name = format!(
        "{}-{}",
        safe(sessie, &[]),
        safe(kandidaat.unwrap_or("zonder-nummer"), &[])
    );
    if let Some(b) = beoordelaar {
        name.push_str(&format!("-b{b}"));
    }
    name
}

/// A name from a layout (untrusted) as part of a file name: ASCII letters and digits, and the
/// characters of `keep` where they stand between two of those (never `..`, never first or last);
/// anything else becomes a dash.
fn safe(text: &str, keep: &[char]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let plain = |i: usize| chars.get(i).is_some_and(char::is_ascii_alphanumeric);
    (chars.iter().enumerate())
        .map(|(i, &c)| match c {
            c if c.is_ascii_alphanumeric() => c,
            c if keep.contains(&c) && i > 0 && plain(i - 1) && plain(i + 1) => c,
            _ => '-',
        })
        .collect()
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
