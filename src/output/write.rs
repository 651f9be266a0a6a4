//! The write stage: one build's results into the output folder and its record — a plan's changed
//! files, the previous version kept when the version changed, the site's pages, and the removal
//! of files this program wrote for documents or plans that are gone. A file at a generated path
//! that the record does not list is someone else's: it is never replaced (unless it already holds
//! exactly what would be written, or `--force` is given) and never removed.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::document::Format;
use crate::document::templates::Templates;
use crate::document::view::{DocumentInfo, PlanView};
use crate::fs::sha256;
use crate::output::dir::OutputDir;
use crate::output::path::{OutputFile, RelPath, SitePage};
use crate::output::record::{FILE_NAME, FileRecord, PlanRecord, Record};
use crate::output::site;

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
    /// The file on disk is current: its record.
    UpToDate(FileRecord),
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
        }
    }

    /// The record as updated so far, and the tally.
    pub fn finish(self) -> (Record, Tally) {
        (self.record, self.tally)
    }

    /// Writes one plan: its files, and its page of the site when HTML is built.
    pub fn plan(&mut self, plan: PlanFiles<'_>) -> Result<()> {
        let code = plan.view.code.clone();
        self.plan_files(plan.clone_meta(), plan.files)?;
        if self.formats.contains(&Format::Html) {
            let view = plan.view;
            let page = site::plan_page(self.templates, view, &self.record.plannen[&code])?;
            self.page(SitePage::Plan(code), &page)?;
        }
        Ok(())
    }

    /// Writes one plan's changed files, keeps its previous version when the version changed,
    /// removes the files of documents that no longer exist, and records it all.
    fn plan_files(&mut self, meta: Meta<'_>, files: Vec<(OutputFile, Content)>) -> Result<()> {
        let old = self.record.plannen.get(&meta.code).cloned();
        for (file, content) in &files {
            let ours = old.as_ref().is_some_and(|o| o.bestanden.contains_key(file));
            if let Content::New { bytes, .. } = content {
                self.claim(&file.rel(), bytes, ours)?;
            }
        }
        let mut record = PlanRecord {
            titel: meta.titel,
            bron: meta.source.to_owned(),
            bron_sha256: meta.source_sha256,
            versie: meta.version,
            bestanden: BTreeMap::new(),
            eerdere_versies: old
                .as_ref()
                .map(|o| o.eerdere_versies.clone())
                .unwrap_or_default(),
        };
        if let Some(old) = old.as_ref().filter(|o| o.versie != meta.version) {
            self.keep_version(old, &mut record)?;
        }
        for (file, content) in files {
            let rec = self.file(&file, content)?;
            record.bestanden.insert(file, rec);
        }
        if let Some(old) = &old {
            self.remove_stale(old, meta.documents, &mut record)?;
        }
        self.record.plannen.insert(meta.code, record);
        Ok(())
    }

    /// Writes one file when its bytes changed; returns its record.
    fn file(&mut self, file: &OutputFile, content: Content) -> Result<FileRecord> {
        match content {
            Content::UpToDate(rec) => {
                self.tally.unchanged += 1;
                Ok(rec)
            }
            Content::New { bytes, typst_bron } => {
                self.put(&file.rel(), &bytes)?;
                Ok(FileRecord {
                    sha256: sha256(&bytes),
                    typst_bron,
                })
            }
        }
    }

    /// Writes `bytes` at `rel` unless it already holds them, and counts it.
    fn put(&mut self, rel: &RelPath, bytes: &[u8]) -> Result<()> {
        if !self.force && self.out.holds(rel, bytes) {
            self.tally.unchanged += 1;
        } else {
            self.out.write(rel, bytes)?;
            self.tally.written += 1;
        }
        Ok(())
    }

    /// Refuses to replace a file the record does not list (`ours` is false), unless it already
    /// holds `bytes` or `--force` was given.
    fn claim(&self, rel: &RelPath, bytes: &[u8], ours: bool) -> Result<()> {
        if ours || self.force || !self.out.exists(rel) || self.out.holds(rel, bytes) {
            return Ok(());
        }
        bail!(
            "{} was not written by toetsgen (the build record {} does not list it), so it is left alone: move it elsewhere, or run `toetsgen build --force` to overwrite it",
            self.out.root().join(rel.as_str()).display(),
            FILE_NAME
        )
    }

    /// Copies the current files of a plan's previous version to `<CODE>/versies/<date>/`,
    /// read-only, and records them; a file already there that is not the same is left alone.
    fn keep_version(&mut self, old: &PlanRecord, record: &mut PlanRecord) -> Result<()> {
        if record.eerdere_versies.contains_key(&old.versie) {
            return Ok(());
        }
        let mut kept = Vec::new();
        for file in old.bestanden.keys() {
            let (from, to) = (file.rel(), file.kept(old.versie));
            let Some(bytes) = self.out.read(&from) else {
                continue;
            };
            if !self.out.exists(&to.rel()) {
                self.out.keep_copy(&from, &to.rel())?;
            } else if !self.out.holds(&to.rel(), &bytes) {
                continue;
            }
            kept.push(to);
        }
        if !kept.is_empty() {
            record.eerdere_versies.insert(old.versie, kept);
            self.tally.versions_kept += 1;
        }
        Ok(())
    }

    /// Removes the files of the old record this build did not make: of documents that are gone,
    /// or of formats built but no longer made. Files of formats not built this time stay recorded.
    fn remove_stale(
        &mut self,
        old: &PlanRecord,
        documents: &[DocumentInfo],
        record: &mut PlanRecord,
    ) -> Result<()> {
        for (file, rec) in &old.bestanden {
            if record.bestanden.contains_key(file) {
                continue;
            }
            let document_exists = documents.iter().any(|d| d.naam == file.document());
            if document_exists && !self.formats.contains(&file.format()) {
                record.bestanden.insert(file.clone(), rec.clone());
            } else {
                self.out.remove(&file.rel())?;
                self.tally.removed += 1;
            }
        }
        Ok(())
    }

    /// Removes the files (not the kept versions) of plans that are gone: no plan has their code
    /// any more, and their file is gone or now holds another plan. `present` maps every plan file
    /// read (as shown) to its code.
    pub fn remove_deleted_plans(&mut self, present: &HashMap<String, String>) -> Result<()> {
        let gone: Vec<String> = (self.record.plannen.iter())
            .filter(|(code, rec)| {
                let still_there = present.values().any(|c| c == *code);
                let file_moved_on = match present.get(&rec.bron) {
                    Some(now) => now != *code,
                    None => !Path::new(&rec.bron).exists(),
                };
                !still_there && file_moved_on
            })
            .map(|(code, _)| code.clone())
            .collect();
        for code in gone {
            if let Some(rec) = self.record.plannen.remove(&code) {
                for file in rec.bestanden.keys() {
                    self.out.remove(&file.rel())?;
                    self.tally.removed += 1;
                }
            }
            let page = SitePage::Plan(code);
            if self.record.site.remove(&page) {
                self.out.remove(&page.rel())?;
                self.tally.removed += 1;
            }
        }
        Ok(())
    }

    /// Writes the site's index of every recorded plan, when HTML is built or an index exists.
    pub fn site_index(&mut self) -> Result<()> {
        if self.formats.contains(&Format::Html) || self.record.site.contains(&SitePage::Index) {
            let index = site::index(self.templates, &self.record)?;
            self.page(SitePage::Index, &index)?;
        }
        Ok(())
    }

    /// Writes a page of the site when its bytes changed, and records it.
    fn page(&mut self, page: SitePage, text: &str) -> Result<()> {
        let rel = page.rel();
        self.claim(&rel, text.as_bytes(), self.record.site.contains(&page))?;
        self.put(&rel, text.as_bytes())?;
        self.record.site.insert(page);
        Ok(())
    }
}

/// What the record keeps of a plan besides its files.
struct Meta<'a> {
    code: String,
    titel: String,
    version: NaiveDate,
    source: &'a str,
    source_sha256: String,
    documents: &'a [DocumentInfo],
}

impl<'a> PlanFiles<'a> {
    fn clone_meta(&self) -> Meta<'a> {
        Meta {
            code: self.view.code.clone(),
            titel: self.view.titel.clone(),
            version: self.version,
            source: self.source,
            source_sha256: self.source_sha256.clone(),
            documents: self.documents,
        }
    }
}
