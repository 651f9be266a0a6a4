//! Print packets, run in order as the build runs its floors: a session file is read and checked
//! against the plans and their versions ([`toetsgen_session`]), the plan of the version the
//! session uses (the current plan, or its copy in the plan archive, checked like a plan) and the
//! session are composed into one Typst source ([`toetsgen_document::packet`]); a first typst run
//! reads where its boxes are laid out and a second makes the PDF with every page's code
//! ([`toetsgen_document::packet::scan`]); the PDF and the layout beside it (`<packet>.scan.json`)
//! are written atomically, only when their bytes differ. Nothing is made for a session with an
//! error. A packet holds personal data: it is never written inside a published output folder.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use toetsgen_base::cancel::Cancel;
use toetsgen_base::msg;
use toetsgen_base::report::Reporter;
use toetsgen_document::packet::scan::{self, Sidecar};
use toetsgen_document::packet::{self, view::SessieView};
use toetsgen_document::pdf::{Chunk, Compiler, Job, can_print};
use toetsgen_document::templates::Templates;
use toetsgen_document::view::PlanView;
use toetsgen_output::personal;
use toetsgen_plan::archive::Archive;
use toetsgen_plan::diagnostic::Diagnostic;
use toetsgen_plan::folder::Plans;
use toetsgen_plan::load::SourcePlan;
use toetsgen_session::Sessie;
use toetsgen_session::validate::PlanStatus;

/// The folder packets go to unless the user names another.
pub const PAKKETTEN: &str = "pakketten";

/// What making one session's packet came to.
#[derive(Debug)]
pub enum Outcome {
    /// The packet is on disk; with the session's warnings.
    Made(Made, Vec<Diagnostic>),
    /// The session has errors: nothing was made.
    Refused(Vec<Diagnostic>),
}

/// A packet on disk.
#[derive(Debug)]
pub struct Made {
    /// Where it is.
    pub target: PathBuf,
    /// Where its layout for `scan` is.
    pub sidecar: PathBuf,
    /// Whether it was written (false: the file on disk already had these bytes).
    pub written: bool,
    /// How many candidates it holds.
    pub candidates: usize,
    /// The plan's code.
    pub plan: String,
    /// The plan's version the packet is made from.
    pub versie: NaiveDate,
    /// The day of the session.
    pub datum: NaiveDate,
}

/// What the packets of one run share: the templates, the typst compiler and the plans.
pub struct Packets<'a> {
    /// The templates the documents are made from.
    pub templates: &'a Templates,
    /// The typst program.
    pub compiler: &'a Compiler,
    /// Every plan, read and checked.
    pub plans: &'a Plans,
    /// The plan archive beside them: the earlier versions.
    pub archive: &'a Archive,
    /// Today, to check an archived version by.
    pub today: NaiveDate,
    /// Stops the typst run on a signal.
    pub cancel: &'a Cancel,
    /// Whether a file at the packet's place that is not a packet may be replaced.
    pub force: bool,
}

/// The layout for `scan` beside the packet `target`: `x.pdf` → `x.scan.json`.
pub fn sidecar_target(target: &Path) -> PathBuf {
    target.with_extension("scan.json")
}

/// `pakketten/<session file name>.pdf`.
pub fn default_target(file: &Path) -> PathBuf {
    let stem = file
        .file_stem()
        .map_or_else(|| "pakket".into(), |s| s.to_string_lossy().into_owned());
    Path::new(PAKKETTEN).join(format!("{stem}.pdf"))
}

impl Packets<'_> {
    /// Makes the packet of the session in `file` at `target`.
    pub fn make(&self, file: &Path, target: &Path, reporter: &dyn Reporter) -> Result<Outcome> {
        personal::refuse_published(target, personal::Personal::Packets)?;
        self.refuse_foreign(target)?;
        let read: Vec<_> = self.plans.read_plans().collect();
        let archived: Vec<Vec<NaiveDate>> = (read.iter())
            .map(|p| match p.is_valid() {
                true => self.archive.versions(p.source.plan.code.trim()),
                false => Vec::new(),
            })
            .collect();
        let status: Vec<PlanStatus<'_>> = (read.iter().zip(&archived))
            .map(|(p, archived)| PlanStatus {
                plan: &p.source.plan,
                file: &p.source.display,
                valid: p.is_valid(),
                archived,
            })
            .collect();
        let (sessie, warnings) = match toetsgen_session::read(file, &status, &can_print) {
            Ok(read) => read,
            Err(problems) => return Ok(Outcome::Refused(problems)),
        };
        let current = (self.plans.valid())
            .find(|sp| sp.plan.code == sessie.plan)
            .context(msg!("build-packet-plan-gone"))?;
        let archived;
        let plan = if current.plan.versie().0 == sessie.versie {
            &current.plan
        } else {
            match self.archived(&sessie) {
                Ok(sp) => archived = sp,
                Err(problems) => return Ok(Outcome::Refused(problems)),
            }
            &archived.plan
        };
        let source = packet::compose(
            self.templates,
            &PlanView::new(plan),
            &SessieView::new(&sessie),
            reporter,
        )
        .with_context(|| msg!("build-packet-making", file = file))?;
        let (pdf, sidecar) = self.compile(target, &sessie, source, reporter)?;
        let sidecar_path = sidecar_target(target);
        let written = !std::fs::read(target).is_ok_and(|old| old == pdf);
        let json = sidecar.json();
        if !std::fs::read(&sidecar_path).is_ok_and(|old| old == json) {
            toetsgen_base::fs::write_atomic(&sidecar_path, &json)?;
        }
        if written {
            toetsgen_base::fs::write_atomic(target, &pdf)?;
        }
        let made = Made {
            target: target.to_owned(),
            sidecar: sidecar_path,
            written,
            candidates: sessie.kandidaten.len(),
            plan: sessie.plan.clone(),
            versie: sessie.versie,
            datum: sessie.datum,
        };
        Ok(Outcome::Made(made, warnings))
    }

    /// The session's version of its plan from the plan archive, read and checked like a plan:
    /// the archive is a folder of files like any other, and may have been edited by hand.
    fn archived(&self, sessie: &Sessie) -> Result<SourcePlan, Vec<Diagnostic>> {
        let checked = self
            .archive
            .load_checked(&sessie.plan, sessie.versie, self.today);
        checked.map_err(|errors| {
            let file = self.archive.file(&sessie.plan, sessie.versie);
            let refused = Diagnostic::error(
                &sessie.bestand,
                None,
                msg!(
                    "build-packet-archive-fails",
                    version = sessie.versie.to_string(),
                    code = &sessie.plan,
                    file = &file
                ),
            )
            .with_help(msg!("build-packet-archive-fails.help"));
            std::iter::once(refused).chain(errors).collect()
        })
    }

    /// Refuses to replace a file at `target` that is not a packet toetsgen made (a plan, a
    /// session file, another PDF), or a file beside it at the layout's place that is not a
    /// layout toetsgen wrote, unless `force`.
    fn refuse_foreign(&self, target: &Path) -> Result<()> {
        let sidecar = sidecar_target(target);
        let foreign = |path: &Path, ours: fn(&[u8]) -> bool| {
            std::fs::read(path).is_ok_and(|existing| !ours(&existing))
        };
        for (path, ours) in [
            (target, is_packet as fn(&[u8]) -> bool),
            (&sidecar, Sidecar::is_sidecar),
        ] {
            if !self.force && foreign(path, ours) {
                anyhow::bail!(msg!("build-packet-foreign", path = path))
            }
        }
        Ok(())
    }

    /// The PDF of one packet's Typst `source` and its layout: typst reads the layout, then
    /// compiles the PDF with the page codes made from it.
    fn compile(
        &self,
        target: &Path,
        sessie: &Sessie,
        source: String,
        reporter: &dyn Reporter,
    ) -> Result<(Vec<u8>, Sidecar)> {
        let job = Job {
            label: target.display().to_string(),
            template: self.templates.origin("_pakket.typ.tera"),
            source,
        };
        reporter.begin("packet", 1);
        self.compiler.put(scan::CODES_FILE, b"{}")?;
        let answer = self.compiler.eval(&job, scan::layout::QUERY, self.cancel);
        let documents = scan::layout::parse(&answer?)?;
        let sidecar = Sidecar::new(&sessie.plan, sessie.versie, &sessie.naam, documents);
        self.compiler
            .put(scan::CODES_FILE, sidecar.codes().as_bytes())?;
        let chunk = Chunk {
            timestamp: (sessie.datum.and_hms_opt(0, 0, 0)).map_or(0, |t| t.and_utc().timestamp()),
            jobs: vec![job],
        };
        let made = self.compiler.compile(&chunk, self.cancel);
        reporter.step(&chunk.jobs[0].label);
        reporter.end();
        let path = made?.pop().context(msg!("build-packet-none"))??;
        let pdf = std::fs::read(&path).with_context(|| msg!("base-cannot-read", path = &path))?;
        Ok((pdf, sidecar))
    }
}

/// Whether `bytes` are a print packet toetsgen made: a PDF whose metadata title starts with
/// "Examenpakket" (the title `_pakket.typ.tera` gives it; PDF/A keeps the XMP metadata readable).
fn is_packet(bytes: &[u8]) -> bool {
    const TITLE: &[u8] = b"<rdf:li xml:lang=\"x-default\">Examenpakket ";
    bytes.starts_with(b"%PDF") && bytes.windows(TITLE.len()).any(|w| w == TITLE)
}
