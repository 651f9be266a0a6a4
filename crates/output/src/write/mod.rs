//! The write stage: one build's results into the output folder and its record — a plan's changed
//! files, the previous version kept when the version changed, the site's pages and the plans'
//! JSON Schema, and the removal of files this program wrote for documents or plans that are gone.
//! A file at a generated path that the record does not list is someone else's: it is never
//! replaced (unless it already holds exactly what would be written, or `--force` is given) and
//! never removed. Writes are staged in a [`Batch`] and put in place, plan by whole plan, by
//! [`Writer::commit`]. What a plan's write will do is decided first, reading only (`decide`);
//! the writes that concern the whole folder (the site's index, the schema, the files of deleted
//! plans) are in `whole`.
//!
//! The site's pages are rendered here, not before: a plan's page, the index and the Wijzigingen
//! page show what is in the folder after this write (which formats of a document exist, which
//! earlier versions are kept, which plans are listed), and only the record the writer keeps knows
//! that.

mod decide;
mod whole;

use std::path::PathBuf;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use decide::Update;

use crate::batch::Batch;
use crate::dir::{Held, OutputDir};
use crate::path::{OutputFile, RelPath, SitePage};
use crate::record::{FILE_NAME, FileRecord, PageRecord, Record};
use crate::site;
use toetsgen_base::fs::{Stamp, sha256};
use toetsgen_base::msg;
use toetsgen_document::Format;
use toetsgen_document::context::DocumentInfo;
use toetsgen_document::templates::Templates;
use toetsgen_document::view::PlanView;

/// What one valid plan hands to the writer.
pub struct PlanFiles<'a> {
    /// The plan as its documents show it.
    pub view: &'a PlanView,
    /// The plan's version.
    pub version: NaiveDate,
    /// The plan's file, as shown.
    pub source: &'a str,
    /// Hash of the plan's file.
    pub source_sha256: String,
    /// Hash of everything its documents were made from.
    pub input_sha256: String,
    /// The documents made for it.
    pub documents: &'a [DocumentInfo],
    /// Every file to be in the output folder for it, with its content.
    pub files: Vec<(OutputFile, Content)>,
}

/// A file's content in this build.
pub enum Content {
    /// Bytes made now; for a PDF, the key of the Typst source they came from.
    New {
        /// The file's bytes.
        bytes: Vec<u8>,
        /// For a PDF: the hash of its Typst source, typst and toetsgen.
        typst_bron: Option<String>,
    },
    /// A file made in the staging folder (a PDF typst wrote), to be renamed into place.
    Staged {
        /// Where it is.
        path: PathBuf,
        /// Hash of its bytes.
        sha256: String,
        /// For a PDF: the hash of its Typst source, typst and toetsgen.
        typst_bron: Option<String>,
    },
    /// The file on disk is current: its record.
    UpToDate(FileRecord),
}

/// A file's new bytes: in memory, or staged on disk with their hash.
enum Data {
    /// In memory.
    Bytes(Vec<u8>),
    /// A file made elsewhere in the staging folder (a PDF typst wrote).
    File { path: PathBuf, sha256: String },
    /// A file written into the staging folder by [`Batch::stage_with`], removed unless placed.
    Temp {
        temp: tempfile::TempPath,
        sha256: String,
    },
}

impl Data {
    fn sha256(&self) -> String {
        match self {
            Data::Bytes(bytes) => sha256(bytes),
            Data::File { sha256, .. } | Data::Temp { sha256, .. } => sha256.clone(),
        }
    }
}

/// How many files a build wrote, left alone, removed and kept.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Files written.
    pub written: usize,
    /// Files already up to date.
    pub unchanged: usize,
    /// Files removed (of deleted plans or removed templates).
    pub removed: usize,
    /// Earlier versions kept by this build.
    pub versions_kept: usize,
}

/// Writes one build's results: holds the output folder, the record being updated and the tally.
pub struct Writer<'a> {
    out: &'a OutputDir,
    templates: &'a Templates,
    formats: &'a [Format],
    force: bool,
    record: Record,
    tally: Tally,
    batch: Batch,
    /// Files written since the last commit, by plan code, with the hash of their new bytes:
    /// stamped once they are in place.
    unstamped: Vec<(String, OutputFile, String)>,
}

impl<'a> Writer<'a> {
    /// A writer into `out`, starting from the last build's record.
    pub fn new(
        out: &'a OutputDir,
        templates: &'a Templates,
        formats: &'a [Format],
        force: bool,
        record: Record,
    ) -> Self {
        Writer {
            out,
            templates,
            formats,
            force,
            record,
            tally: Tally::default(),
            batch: Batch::new(),
            unstamped: Vec::new(),
        }
    }

    /// The record as updated so far.
    pub fn record(&self) -> &Record {
        &self.record
    }

    /// How many writes and removals are staged, waiting for [`Writer::commit`].
    pub fn staged(&self) -> usize {
        self.batch.len()
    }

    /// Puts every staged write in place and makes it durable (see [`Batch::commit`]), then
    /// records the stamps of the files written.
    /// A file is stamped only when the commit went through and its record names the bytes
    /// written (a plan that failed while it was being written keeps its old record).
    pub fn commit(&mut self) -> Result<()> {
        let written = std::mem::take(&mut self.unstamped);
        self.batch.commit(self.out)?;
        for (code, file, sha256) in written {
            let rec = (self.record.plannen.get_mut(&code)).and_then(|p| p.bestanden.get_mut(&file));
            if let Some(rec) = rec.filter(|rec| rec.sha256 == sha256) {
                rec.stempel = self.out.stamp(&file.rel());
            }
        }
        Ok(())
    }

    /// Commits what is staged; returns the record as updated, and the tally.
    pub fn finish(mut self) -> Result<(Record, Tally)> {
        self.commit()?;
        Ok((self.record, self.tally))
    }

    /// Writes one plan: its files, its previous version kept when the version changed, the
    /// removal of its files that are no longer made, and its page of the site when HTML is built.
    /// Everything is decided (and every refusal made) before the first byte is written.
    pub fn plan(&mut self, plan: PlanFiles<'_>) -> Result<()> {
        let meta = plan.meta();
        let old = self.record.plannen.get(&meta.code).cloned();
        let mut update = self.decide(&meta, old.as_ref(), plan.files)?;
        let page = match self.formats.contains(&Format::Html) {
            true => {
                let text = site::plan_page(self.templates, plan.view, &update.record)?;
                let page = SitePage::Plan(meta.code.clone());
                let data = Data::Bytes(text.into_bytes());
                self.claim(&page.rel(), &data, self.record.site.contains(&page))?;
                update.record.pagina = Some(PageRecord {
                    invoer_sha256: site::page_key(&meta.input_sha256, &update.record),
                    sha256: data.sha256(),
                });
                Some((page, data))
            }
            false => None,
        };
        self.apply(update)?;
        if let Some((page, data)) = page {
            self.page(page, data)?;
        }
        Ok(())
    }

    /// Counts plan `code`, found unchanged (made from the same input `input_sha256`, every file
    /// as recorded), without rendering it: its `files` (with their stamps now) are up to date.
    /// When HTML is built, its page of the site is rendered from `view` and written if it
    /// differs; without a view, the page was found as recorded.
    pub fn unchanged(
        &mut self,
        code: &str,
        input_sha256: &str,
        files: Vec<(OutputFile, Option<Stamp>)>,
        view: Option<&PlanView>,
    ) -> Result<()> {
        self.tally.unchanged += files.len();
        let Some(record) = self.record.plannen.get_mut(code) else {
            bail!(msg!("output-plan-not-recorded", code = code));
        };
        for (file, stamp) in files {
            if let Some(rec) = record.bestanden.get_mut(&file) {
                rec.stempel = stamp;
            }
        }
        if !self.formats.contains(&Format::Html) {
            return Ok(());
        }
        let Some(view) = view else {
            self.tally.unchanged += 1;
            return Ok(());
        };
        let record = &self.record.plannen[code];
        let text = site::plan_page(self.templates, view, record)?;
        let data = Data::Bytes(text.into_bytes());
        let pagina = PageRecord {
            invoer_sha256: site::page_key(input_sha256, record),
            sha256: data.sha256(),
        };
        self.page(SitePage::Plan(code.to_owned()), data)?;
        if let Some(record) = self.record.plannen.get_mut(code) {
            record.pagina = Some(pagina);
        }
        Ok(())
    }

    /// Carries out a decided update (staged, in place at the next commit) and records it.
    fn apply(&mut self, mut update: Update) -> Result<()> {
        for (from, to) in &update.copies {
            self.batch.keep_copy(self.out, from, to)?;
        }
        self.tally.versions_kept += update.versions_kept;
        self.tally.unchanged += update.up_to_date;
        for (file, data) in std::mem::take(&mut update.writes) {
            match self.put(&file.rel(), data, file.version().is_some())? {
                Some(held) => {
                    if let Some(rec) = update.record.bestanden.get_mut(&file) {
                        rec.stempel = held.stamp;
                    }
                }
                None => {
                    if let Some(rec) = update.record.bestanden.get(&file) {
                        let entry = (update.code.clone(), file.clone(), rec.sha256.clone());
                        self.unstamped.push(entry);
                    }
                }
            }
        }
        for rel in &update.removals {
            self.batch.remove(rel);
            self.tally.removed += 1;
        }
        self.record.plannen.insert(update.code, update.record);
        Ok(())
    }

    /// Stages `data` for `rel` (`read_only` for an earlier version's file) unless the file already
    /// holds it (then `Some`), and counts it.
    fn put(&mut self, rel: &RelPath, data: Data, read_only: bool) -> Result<Option<Held>> {
        if !self.force
            && let Some(held) = self.holds(rel, &data)
        {
            self.tally.unchanged += 1;
            return Ok(Some(held));
        }
        match data {
            Data::Bytes(bytes) => self.batch.write(self.out, rel, &bytes, read_only)?,
            Data::File { path, .. } => self.batch.place(rel, &path, read_only)?,
            Data::Temp { temp, .. } => self.batch.place_staged(rel, temp, read_only)?,
        }
        self.tally.written += 1;
        Ok(None)
    }

    /// `Some` when the file at `rel` holds exactly `data`.
    fn holds(&self, rel: &RelPath, data: &Data) -> Option<Held> {
        match data {
            Data::Bytes(bytes) => self.out.holds_stamped(rel, bytes),
            Data::File { sha256, .. } | Data::Temp { sha256, .. } => {
                self.out.verify(rel, sha256, None)
            }
        }
    }

    /// Refuses to replace a file the record does not list (`ours` is false), unless it already
    /// holds `data` or `--force` was given.
    fn claim(&self, rel: &RelPath, data: &Data, ours: bool) -> Result<()> {
        if ours || self.force || !self.out.exists(rel) || self.holds(rel, data).is_some() {
            return Ok(());
        }
        bail!(msg!(
            "output-not-ours",
            path = &self.out.root().join(rel.as_str()),
            record = FILE_NAME
        ))
    }

    /// Writes a page of the site made by `write` as it is made (staged, never whole in memory)
    /// when its bytes changed, and records it.
    fn streamed_page(
        &mut self,
        page: SitePage,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let (temp, sha256) = Batch::stage_with(self.out, &page.rel(), write)?;
        self.page(page, Data::Temp { temp, sha256 })
    }

    /// Writes a page of the site when its bytes changed, and records it.
    fn page(&mut self, page: SitePage, data: Data) -> Result<()> {
        let rel = page.rel();
        self.claim(&rel, &data, self.record.site.contains(&page))?;
        self.put(&rel, data, false)?;
        self.record.site.insert(page);
        Ok(())
    }
}
