//! Stage 5, writing one build's results into the output folder and its record: a plan's changed
//! files, the previous version kept when the version changed, and the removal of files this
//! program wrote for documents or plans that are gone.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Result, anyhow};

use crate::build::{Outcome, Pdf, Rendered};
use crate::fs::sha256;
use crate::output::record::{FileRecord, Manifest, PlanRecord};
use crate::output::dir::OutputDir;
use crate::document::Format;
use crate::output::site;
use crate::document::templates::Templates;

/// Writes one build's results: holds the output folder, the build record being updated and the
/// tally of what was done.
pub(crate) struct Writer<'a> {
    out: &'a OutputDir,
    templates: &'a Templates,
    formats: &'a [Format],
    force: bool,
    /// The build record, updated as files are written.
    pub manifest: Manifest,
    /// What was done.
    pub outcome: Outcome,
}

impl<'a> Writer<'a> {
    /// A writer into `out`, starting from the last build's record.
    pub fn new(
        out: &'a OutputDir,
        templates: &'a Templates,
        formats: &'a [Format],
        force: bool,
        manifest: Manifest,
        outcome: Outcome,
    ) -> Self {
        Writer {
            out,
            templates,
            formats,
            force,
            manifest,
            outcome,
        }
    }

    /// Writes one plan (its files, and its page of the site when HTML is built) and counts it;
    /// a failure is recorded against the plan.
    pub fn plan(&mut self, plan: &Rendered, pdfs: Result<Vec<Pdf>>) {
        let written = pdfs.and_then(|pdfs| {
            self.plan_files(plan, pdfs)?;
            if self.formats.contains(&Format::Html) {
                let page = site::plan_page(
                    self.templates,
                    &plan.view,
                    &self.manifest.plannen[&plan.code],
                )?;
                self.page(&format!("{}/{}", plan.code, site::PLAN_PAGE), &page)?;
            }
            Ok(())
        });
        match written {
            Ok(()) => {
                self.outcome.plans_built += 1;
                self.outcome.documents += plan.documents.len();
            }
            Err(err) => self
                .outcome
                .failures
                .push(err.context(format!("plan {} was not written", plan.code))),
        }
    }

    /// Writes one plan's changed files, keeps its previous version when the version changed, removes
    /// the files of documents that no longer exist, and records it all.
    fn plan_files(&mut self, plan: &Rendered, pdfs: Vec<Pdf>) -> Result<()> {
        let old = self
            .manifest
            .plannen
            .get(&plan.code)
            .cloned()
            .unwrap_or_default();
        let mut record = PlanRecord {
            titel: plan.view.titel.clone(),
            bron: plan.source.clone(),
            bron_sha256: plan.source_sha256.clone(),
            versie: plan.version.to_string(),
            bestanden: BTreeMap::new(),
            eerdere_versies: old.eerdere_versies.clone(),
        };
        if !old.versie.is_empty()
            && old.versie != record.versie
            && !record.eerdere_versies.contains_key(&old.versie)
        {
            let kept = keep_version(self.out, &plan.code, &old)?;
            if !kept.is_empty() {
                record.eerdere_versies.insert(old.versie.clone(), kept);
                self.outcome.versions_kept += 1;
            }
        }
        let mut pdfs = pdfs.into_iter();
        for (doc, r) in &plan.documents {
            for format in Format::ALL.iter().filter(|f| self.formats.contains(f)) {
                let rel = format!("{}/{}.{}", plan.code, doc.naam, format.extension());
                let (bytes, key) = match format {
                    Format::Md => (r.markdown.clone().into_bytes(), None),
                    Format::Html => (r.html.clone().into_bytes(), None),
                    Format::Pdf => match pdfs.next() {
                        Some(Pdf::Made { bytes, key }) => (bytes, Some(key)),
                        Some(Pdf::UpToDate(rec)) => {
                            self.outcome.unchanged += 1;
                            record.bestanden.insert(rel, rec);
                            continue;
                        }
                        None => return Err(anyhow!("no PDF was made for {rel}")),
                    },
                };
                if !self.force && self.out.holds(&rel, &bytes) {
                    self.outcome.unchanged += 1;
                } else {
                    self.out.write(&rel, &bytes)?;
                    self.outcome.files += 1;
                }
                record.bestanden.insert(
                    rel,
                    FileRecord {
                        sha256: sha256(&bytes),
                        typst_bron: key,
                    },
                );
            }
        }
        for (rel, rec) in &old.bestanden {
            if record.bestanden.contains_key(rel) {
                continue;
            }
            let (stem, ext) = file_stem_and_extension(rel);
            let document_exists = plan.documents.iter().any(|(d, _)| d.naam == stem);
            let format_built = self.formats.iter().any(|f| f.extension() == ext);
            if document_exists && !format_built {
                record.bestanden.insert(rel.clone(), rec.clone());
            } else {
                self.out.remove(rel)?;
                self.outcome.removed += 1;
            }
        }
        self.manifest.plannen.insert(plan.code.clone(), record);
        Ok(())
    }

    /// Removes the files of plans that are gone (see [`remove_deleted_plans`]).
    pub fn remove_deleted_plans(&mut self, present: &HashMap<String, String>) -> Result<()> {
        remove_deleted_plans(self.out, &mut self.manifest, present, &mut self.outcome)
    }

    /// Writes the site's index of every recorded plan, when HTML is built or an index exists.
    pub fn site_index(&mut self) -> Result<()> {
        if self.formats.contains(&Format::Html) || self.manifest.site.contains(site::INDEX) {
            let index = site::index(self.templates, &self.manifest)?;
            self.page(site::INDEX, &index)?;
        }
        Ok(())
    }

    /// Writes a page of the site when its bytes changed, and records it.
    fn page(&mut self, rel: &str, page: &str) -> Result<()> {
        if !self.force && self.out.holds(rel, page.as_bytes()) {
            self.outcome.unchanged += 1;
        } else {
            self.out.write(rel, page.as_bytes())?;
            self.outcome.files += 1;
        }
        self.manifest.site.insert(rel.to_owned());
        Ok(())
    }
}

/// Copies the current files of a plan's previous version to `<CODE>/versies/<date>/`, read-only.
fn keep_version(out: &OutputDir, code: &str, old: &PlanRecord) -> Result<Vec<String>> {
    let mut kept = Vec::new();
    for rel in old.bestanden.keys() {
        if !out.path(rel).exists() {
            continue;
        }
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let to = format!("{code}/versies/{}/{name}", old.versie);
        if !out.path(&to).exists() {
            out.keep_copy(rel, &to)?;
        }
        kept.push(to);
    }
    Ok(kept)
}

/// Removes the files (not the kept versions) of plans that are gone: no plan has their code any
/// more, and their file is gone or now holds another plan.
fn remove_deleted_plans(
    out: &OutputDir,
    manifest: &mut Manifest,
    present: &HashMap<String, String>,
    outcome: &mut Outcome,
) -> Result<()> {
    let gone: Vec<String> = (manifest.plannen.iter())
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
        if let Some(rec) = manifest.plannen.remove(&code) {
            for rel in rec.bestanden.keys() {
                out.remove(rel)?;
                outcome.removed += 1;
            }
        }
        let page = format!("{code}/{}", crate::output::site::PLAN_PAGE);
        if manifest.site.remove(&page) {
            out.remove(&page)?;
            outcome.removed += 1;
        }
    }
    Ok(())
}

/// "V1/toetsplan.pdf" → ("toetsplan", "pdf").
fn file_stem_and_extension(rel: &str) -> (&str, &str) {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').unwrap_or((name, ""))
}
