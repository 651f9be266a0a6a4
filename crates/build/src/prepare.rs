//! Load, validate, view and render plans in memory: the first floors of the pipeline, run for
//! `build` and `check` alike. Invalid plans are reported and left out; rendering is independent
//! per plan, so a build renders plans a few at a time as it goes ([`super::stream`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;

use crate::versions::{self, ArchivedVersion, RenderedVersion};
use crate::{Options, Outcome};
use toetsgen_base::fs::sha256;
use toetsgen_base::msg;
use toetsgen_document as document;
use toetsgen_document::Format;
use toetsgen_document::pdf::can_print;
use toetsgen_document::templates::{RenderedDocument, Templates};
use toetsgen_document::view::{EerdereVersie, PlanView, VersieWijzigingen};
use toetsgen_output::dir::OutputDir;
use toetsgen_output::overview::Site;
use toetsgen_output::path::OutputFile;
use toetsgen_output::record::{PlanRecord, Record};
use toetsgen_plan::archive::Archive;
use toetsgen_plan::changes;
use toetsgen_plan::diagnostic;
use toetsgen_plan::folder::{self, CheckedPlan};
use toetsgen_plan::history::History;
use toetsgen_plan::load;
use toetsgen_plan::model::Toetsplan;
use toetsgen_plan::validate;

/// A valid plan rendered in memory.
pub(crate) struct Rendered {
    /// The view the documents were made from.
    pub view: PlanView,
    /// The plan's version.
    pub version: NaiveDate,
    /// The plan's file, as shown.
    pub source: String,
    /// Hash of the plan's file.
    pub source_sha256: String,
    /// Hash of everything its documents were made from.
    pub input_sha256: String,
    /// Its documents, in every format asked for.
    pub documents: Vec<RenderedDocument>,
    /// The documents of its archived earlier versions.
    pub earlier: Vec<RenderedVersion>,
}

impl Rendered {
    /// Every document it made, each with its earlier version's date (`None`: current), current
    /// first.
    pub(crate) fn all_documents(
        &self,
    ) -> impl Iterator<Item = (Option<NaiveDate>, &RenderedDocument)> {
        let current = self.documents.iter().map(|d| (None, d));
        let earlier = (self.earlier.iter())
            .flat_map(|v| v.documents.iter().map(move |d| (Some(v.version), d)));
        current.chain(earlier)
    }

    /// The file of document `naam` in `format`, of the earlier version `version` or the current.
    pub(crate) fn file(
        &self,
        naam: &str,
        format: Format,
        version: Option<NaiveDate>,
    ) -> Result<OutputFile> {
        let file = OutputFile::new(&self.view.code, naam, format)
            .map_err(|why| anyhow!(msg!("build-cannot-name-file", document = naam, why = why)))?;
        Ok(version.map_or_else(|| file.clone(), |v| file.kept(v)))
    }
}

/// Everything known before rendering.
pub(crate) struct Loaded {
    /// What was found so far.
    pub outcome: Outcome,
    /// The valid plans that `--since` selects, oldest version first.
    pub valid: Vec<PlanFile>,
    /// Every plan that could be read, valid or not: its file (as shown) → its code.
    pub present: HashMap<String, String>,
    /// Whether some plan file could not be read at all (its code is unknown).
    pub unreadable: bool,
}

/// A valid plan, known by its file. The first [`KEEP_LOADED`] are kept as checked; the others
/// are read again when their turn comes, so that a build does not hold every plan in memory.
pub(crate) struct PlanFile {
    /// The file.
    pub path: PathBuf,
    /// The plan's code.
    pub code: String,
    /// The plan's version.
    pub version: NaiveDate,
    /// Hash of its bytes when it was checked.
    pub source_sha256: String,
    /// The plan as checked, when kept.
    kept: Option<Box<ValidPlan>>,
}

impl PlanFile {
    /// Lets go of the plan kept for rendering; what names it stays.
    pub(crate) fn forget_plan(&mut self) {
        self.kept = None;
    }
}

/// A valid plan as rendering needs it.
#[derive(Clone)]
pub(crate) struct ValidPlan {
    /// The plan's file, as shown.
    pub display: String,
    /// Hash of the plan's file.
    pub source_sha256: String,
    /// The typed plan.
    pub plan: Toetsplan,
}

/// How many checked plans are kept for rendering, rather than read again (about 65 KB each for
/// a plan like V1): a small build reads each plan once, a large one holds no more than these.
const KEEP_LOADED: usize = 128;

/// What the last good build published, for a plan that fails now: the record names the version
/// its documents are, and the plan archive holds that version, so the plan's part of the
/// site-wide pages stays as that build left it.
pub(crate) struct LastGood<'a> {
    /// The record of the output folder (none for `check`).
    pub record: Option<&'a Record>,
    /// The plan archive.
    pub archive: &'a Archive,
}

impl LastGood<'_> {
    /// The published version of the plan in file `display` (with `code`, when it could be read).
    fn plan(&self, display: &str, code: Option<&str>) -> Option<Toetsplan> {
        let record = self.record?;
        let (code, published) = match code {
            Some(code) => (code, record.plannen.get(code)?),
            None => (record.plannen.iter())
                .find(|(_, p)| p.bron == display)
                .map(|(code, p)| (code.as_str(), p))?,
        };
        let archived = self.archive.load(code, published.versie).ok()?;
        Some(archived.plan)
    }
}

/// Loads and validates the plans in `files` ([`folder::check_each`], as every command does),
/// keeping only what names the valid ones and what `site` keeps of them; a plan that fails
/// keeps its last good part of the site ([`LastGood`]).
pub(crate) fn load(opts: &Options, files: &[PathBuf], site: Site, last: &LastGood<'_>) -> Loaded {
    let mut outcome = Outcome {
        plans_found: files.len(),
        site,
        ..Outcome::default()
    };
    let (mut present, mut valid) = (HashMap::new(), Vec::new());
    let mut unreadable = false;
    let depth = match opts.review {
        true => folder::Depth::Review,
        false => folder::Depth::Rules,
    };
    folder::check_each(files, opts.today, last.archive, depth, |path, file| {
        let checked = match file {
            Ok(checked) => checked,
            Err(d) => {
                if let Some(plan) = last.plan(&d.file, None) {
                    outcome.site.push(&plan, &History::of(last.archive, &plan));
                }
                outcome.diagnostics.push(d);
                unreadable = true;
                return;
            }
        };
        let mut checked = checked;
        if opts.formats.contains(&Format::Pdf) && checked.is_valid() {
            let missing = validate::unprintable(&checked.source, &can_print);
            checked.problems.extend(missing);
        }
        let ok = checked.is_valid();
        let CheckedPlan {
            source: sp,
            problems,
        } = checked;
        present.insert(sp.display.clone(), sp.plan.code.clone());
        outcome.diagnostics.extend(problems);
        if !ok {
            if let Some(plan) = last.plan(&sp.display, Some(sp.plan.code.trim())) {
                outcome.site.push(&plan, &History::of(last.archive, &plan));
            }
            return;
        }
        if sp.plan.concept && last.record.is_some() && opts.publish {
            outcome.plans_skipped += 1;
            outcome
                .notes
                .push(msg!("build-concept", file = sp.display.to_string()));
            return;
        }
        if outcome.site.written() {
            outcome
                .site
                .push(&sp.plan, &History::of(last.archive, &sp.plan));
        } else {
            outcome.site.push(&sp.plan, &History::default());
        }
        let version = sp.plan.versie().0;
        if (opts.since).is_some_and(|d| !changes::changed_since(&sp.plan, d)) {
            outcome.plans_skipped += 1;
            return;
        }
        let source_sha256 = sha256(sp.source.as_bytes());
        let code = sp.plan.code.trim().to_owned();
        let kept = (valid.len() < KEEP_LOADED).then(|| {
            Box::new(ValidPlan {
                display: sp.display,
                source_sha256: source_sha256.clone(),
                plan: sp.plan,
            })
        });
        let file = PlanFile {
            path: path.to_owned(),
            code,
            version,
            source_sha256,
            kept,
        };
        valid.push((version, file));
    });
    valid.sort_by_key(|(version, _)| *version);
    diagnostic::sort_by_place(&mut outcome.diagnostics);
    Loaded {
        outcome,
        valid: valid.into_iter().map(|(_, file)| file).collect(),
        present,
        unreadable,
    }
}

/// A valid plan as checked: kept, or read again (refused when its file changed since it was
/// checked).
pub(crate) fn reload(file: &PlanFile) -> Result<Cow<'_, ValidPlan>> {
    if let Some(kept) = &file.kept {
        return Ok(Cow::Borrowed(kept));
    }
    let sp = load::load(&file.path).map_err(|d| anyhow!("{d}"))?;
    let source_sha256 = sha256(sp.source.as_bytes());
    if source_sha256 != file.source_sha256 {
        bail!(msg!(
            "build-changed-while-building",
            file = sp.display.to_string()
        ));
    }
    Ok(Cow::Owned(ValidPlan {
        display: sp.display,
        source_sha256,
        plan: sp.plan,
    }))
}

/// What a plan's documents are made from besides the plan: the earlier versions they list (and
/// make again from the archive), and the hash of it all.
pub(crate) struct Input {
    /// The earlier versions kept, as the documents list them.
    pub earlier: Vec<EerdereVersie>,
    /// The archived versions older than the current one, rendered with it.
    pub archived: Vec<ArchivedVersion>,
    /// What the plan's changed toetstermen said before, from the archive.
    pub history: History,
    /// The hash of toetsgen's version, the templates, typst's version, the plan's file (its name
    /// and bytes) and the earlier versions its documents list: the same key, the same documents.
    pub key: String,
    /// Hash of the plan's file.
    pub source_sha256: String,
}

/// The input of a valid plan's documents: its earlier versions from the `archive` and, when
/// building, from `record` and `out` (versions an older toetsgen kept as documents). The plan's
/// view is made only when it is rendered ([`Input::view`]).
pub(crate) fn input(
    templates: &Templates,
    (archive, record, out): (&Archive, Option<&PlanRecord>, Option<&OutputDir>),
    sp: &ValidPlan,
    typst_version: &str,
) -> Input {
    let current = sp.plan.versie().0;
    let archived = versions::archived_before(archive, sp.plan.code.trim(), current);
    let earlier = versions::listed(&archived, record, out, current);
    let history = match archived.is_empty() {
        true => History::default(),
        false => History::of(archive, &sp.plan),
    };
    let source_sha256 = sp.source_sha256.clone();
    let mut text = format!(
        "{}\0{}\0{typst_version}\0{}\0{source_sha256}",
        env!("CARGO_PKG_VERSION"),
        templates.fingerprint(),
        sp.display
    );
    for version in &earlier {
        text.push('\0');
        text.push_str(&version.map);
    }
    for version in &archived {
        text.push('\0');
        text.push_str(&version.sha256);
    }
    Input {
        earlier,
        archived,
        history,
        key: sha256(text.as_bytes()),
        source_sha256,
    }
}

impl Input {
    /// The view the templates see of `plan`.
    pub(crate) fn view(&self, plan: &Toetsplan) -> PlanView {
        let mut view = PlanView::new(plan);
        view.eerdere_versies = self.earlier.clone();
        view.historie = VersieWijzigingen::list(plan, &self.history);
        view
    }
}

/// Every document of one valid plan, its earlier versions' from the `archive` included.
pub(crate) fn render_one(
    opts: &Options,
    templates: &Templates,
    archive: &Archive,
    input: Input,
    sp: &ValidPlan,
) -> Result<Rendered> {
    let view = input.view(&sp.plan);
    let documents = document::render_plan(templates, &view, &opts.formats)?;
    let earlier = versions::render(
        templates,
        &opts.formats,
        archive,
        sp.plan.code.trim(),
        (&input.archived, &input.earlier),
        sp.plan.versie().0,
    )?;
    Ok(Rendered {
        earlier,
        version: sp.plan.versie().0,
        source: sp.display.clone(),
        source_sha256: input.source_sha256,
        input_sha256: input.key,
        documents,
        view,
    })
}
