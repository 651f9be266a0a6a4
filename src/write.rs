//! Stage 5, writing one build's results into the output folder and its record: a plan's changed
//! files, the previous version kept when the version changed, and the removal of files this
//! program wrote for documents or plans that are gone.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::{Result, anyhow};

use crate::build::{Outcome, Pdf, Rendered};
use crate::manifest::{FileRecord, Manifest, PlanRecord, sha256};
use crate::output::OutputDir;
use crate::render::Format;

/// Writes one plan's changed files, keeps its previous version when the version changed, removes
/// the files of documents that no longer exist, and records it all.
pub(crate) fn write_plan(
    out: &OutputDir,
    manifest: &mut Manifest,
    plan: &Rendered,
    pdfs: Vec<Pdf>,
    formats: &[Format],
    force: bool,
    outcome: &mut Outcome,
) -> Result<()> {
    let old = manifest
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
        let kept = keep_version(out, &plan.code, &old)?;
        if !kept.is_empty() {
            record.eerdere_versies.insert(old.versie.clone(), kept);
            outcome.versions_kept += 1;
        }
    }
    let mut pdfs = pdfs.into_iter();
    for (doc, r) in &plan.documents {
        for format in Format::ALL.iter().filter(|f| formats.contains(f)) {
            let rel = format!("{}/{}.{}", plan.code, doc.naam, format.extension());
            let (bytes, key) = match format {
                Format::Md => (r.markdown.clone().into_bytes(), None),
                Format::Html => (r.html.clone().into_bytes(), None),
                Format::Pdf => match pdfs.next() {
                    Some(Pdf::Made { bytes, key }) => (bytes, Some(key)),
                    Some(Pdf::UpToDate(rec)) => {
                        outcome.unchanged += 1;
                        record.bestanden.insert(rel, rec);
                        continue;
                    }
                    None => return Err(anyhow!("no PDF was made for {rel}")),
                },
            };
            if !force && out.holds(&rel, &bytes) {
                outcome.unchanged += 1;
            } else {
                out.write(&rel, &bytes)?;
                outcome.files += 1;
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
        let format_built = formats.iter().any(|f| f.extension() == ext);
        if document_exists && !format_built {
            record.bestanden.insert(rel.clone(), rec.clone());
        } else {
            out.remove(rel)?;
            outcome.removed += 1;
        }
    }
    manifest.plannen.insert(plan.code.clone(), record);
    Ok(())
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
pub(crate) fn remove_deleted_plans(
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
        let page = format!("{code}/{}", crate::site::PLAN_PAGE);
        if manifest.site.remove(&page) {
            out.remove(&page)?;
            outcome.removed += 1;
        }
    }
    Ok(())
}

/// Writes a page of the site when its bytes changed, and records it.
pub(crate) fn write_site_page(
    out: &OutputDir,
    manifest: &mut Manifest,
    rel: &str,
    page: &str,
    force: bool,
    outcome: &mut Outcome,
) -> Result<()> {
    if !force && out.holds(rel, page.as_bytes()) {
        outcome.unchanged += 1;
    } else {
        out.write(rel, page.as_bytes())?;
        outcome.files += 1;
    }
    manifest.site.insert(rel.to_owned());
    Ok(())
}

/// "V1/toetsplan.pdf" → ("toetsplan", "pdf").
fn file_stem_and_extension(rel: &str) -> (&str, &str) {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').unwrap_or((name, ""))
}
