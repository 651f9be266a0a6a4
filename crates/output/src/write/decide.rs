//! What writing one plan will do, decided before a byte is written: its new record, the copies
//! that keep its previous version, the files to write and those to remove. Reads only, and
//! refuses files the record does not list.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use chrono::NaiveDate;

use super::{Content, Data, PlanFiles, Writer};
use crate::path::{OutputFile, RelPath};
use crate::record::{FileRecord, PlanRecord};
use toetsgen_document::context::DocumentInfo;

impl Writer<'_> {
    /// What writing the plan will do: its new record, the copies that keep its previous version,
    /// the files to write and to remove. Reads only; refuses files the record does not list.
    pub(super) fn decide(
        &self,
        meta: &Meta<'_>,
        old: Option<&PlanRecord>,
        files: Vec<(OutputFile, Content)>,
    ) -> Result<Update> {
        let mut update = Update {
            record: PlanRecord {
                titel: meta.titel.clone(),
                bron: meta.source.to_owned(),
                bron_sha256: meta.source_sha256.clone(),
                invoer_sha256: Some(meta.input_sha256.clone()),
                versie: meta.version,
                bestanden: BTreeMap::new(),
                eerdere_versies: old.map(|o| o.eerdere_versies.clone()).unwrap_or_default(),
                pagina: old.and_then(|o| o.pagina.clone()),
            },
            code: meta.code.clone(),
            ..Update::default()
        };
        // Earlier versions made again from the plan archive are files like any other; only a
        // version without an archived plan is kept by copying its documents.
        let rendered: BTreeSet<NaiveDate> = files.iter().filter_map(|(f, _)| f.version()).collect();
        update
            .record
            .eerdere_versies
            .retain(|v, _| !rendered.contains(v));
        let had = |v: &NaiveDate| {
            old.is_some_and(|o| o.bestanden.keys().any(|f| f.version() == Some(*v)))
        };
        update.versions_kept += rendered.iter().filter(|v| !had(v)).count();
        if let Some(old) = old.filter(|o| o.versie != meta.version && !rendered.contains(&o.versie))
        {
            self.keep_version(old, &mut update);
        }
        for (file, content) in files {
            let ours = old.is_some_and(|o| {
                o.bestanden.contains_key(&file)
                    || o.eerdere_versies.values().flatten().any(|f| *f == file)
            });
            let rec = match content {
                Content::UpToDate(rec) => {
                    update.up_to_date += 1;
                    // Made from this very input (a PDF from this Typst source): not older.
                    FileRecord {
                        verouderd: false,
                        ..rec
                    }
                }
                Content::New { bytes, typst_bron } => {
                    self.new_file(&mut update, &file, Data::Bytes(bytes), typst_bron, ours)?
                }
                Content::Staged {
                    path,
                    sha256,
                    typst_bron,
                } => {
                    let data = Data::File { path, sha256 };
                    self.new_file(&mut update, &file, data, typst_bron, ours)?
                }
            };
            update.record.bestanden.insert(file, rec);
        }
        if let Some(old) = old {
            self.stale(old, meta, &mut update);
        }
        Ok(update)
    }

    /// Claims a new file for the update and returns its record.
    fn new_file(
        &self,
        update: &mut Update,
        file: &OutputFile,
        data: Data,
        typst_bron: Option<String>,
        ours: bool,
    ) -> Result<FileRecord> {
        self.claim(&file.rel(), &data, ours)?;
        let rec = FileRecord {
            sha256: data.sha256(),
            typst_bron,
            stempel: None,
            verouderd: false,
        };
        update.writes.push((file.clone(), data));
        Ok(rec)
    }

    /// The copies that keep a plan's previous version under `<CODE>/versies/<date>/`, read-only;
    /// a file already there that is not the same is left alone and not recorded.
    fn keep_version(&self, old: &PlanRecord, update: &mut Update) {
        if update.record.eerdere_versies.contains_key(&old.versie) {
            return;
        }
        let mut kept = Vec::new();
        // The current files only, and none made from an older text than the version's.
        let current =
            (old.bestanden.iter()).filter(|(f, rec)| f.version().is_none() && !rec.verouderd);
        for (file, _) in current {
            let (from, to) = (file.rel(), file.kept(old.versie));
            let Some(bytes) = self.out.read(&from) else {
                continue;
            };
            if !self.out.exists(&to.rel()) {
                update.copies.push((from, to.rel()));
            } else if !self.out.holds(&to.rel(), &bytes) {
                continue;
            }
            kept.push(to);
        }
        if !kept.is_empty() {
            update.record.eerdere_versies.insert(old.versie, kept);
            update.versions_kept += 1;
        }
    }

    /// The files of the old record this build does not make: removed when their document is
    /// gone or their format was built; still recorded when their format was not built this time,
    /// and then marked older (`verouderd`) when the plan's file changed since they were made.
    fn stale(&self, old: &PlanRecord, meta: &Meta<'_>, update: &mut Update) {
        let text_changed = old.bron_sha256 != meta.source_sha256;
        for (file, rec) in &old.bestanden {
            if update.record.bestanden.contains_key(file) {
                continue;
            }
            let document_exists = (meta.documents.iter()).any(|d| d.naam == file.document());
            if let Some(version) = file.version() {
                // An earlier version no longer made (its archived plan is gone): kept as it is.
                let kept = update.record.eerdere_versies.entry(version).or_default();
                if !kept.contains(file) {
                    kept.push(file.clone());
                }
            } else if document_exists && !self.formats.contains(&file.format()) {
                let rec = FileRecord {
                    verouderd: rec.verouderd || text_changed,
                    ..rec.clone()
                };
                update.record.bestanden.insert(file.clone(), rec);
                // Made from an earlier input: the plan's key no longer describes all its files,
                // so a build of every format renders it again rather than keep this one.
                update.record.invoer_sha256 = None;
            } else {
                update.removals.push(file.rel());
            }
        }
    }
}

/// What the record keeps of a plan besides its files.
pub(super) struct Meta<'a> {
    /// The plan's code.
    pub(super) code: String,
    /// Its title.
    pub(super) titel: String,
    /// Its version.
    pub(super) version: NaiveDate,
    /// Its file, as shown.
    pub(super) source: &'a str,
    /// Hash of its file.
    pub(super) source_sha256: String,
    /// Hash of everything its documents were made from.
    pub(super) input_sha256: String,
    /// The documents made for it.
    pub(super) documents: &'a [DocumentInfo],
}

impl<'a> PlanFiles<'a> {
    pub(super) fn meta(&self) -> Meta<'a> {
        Meta {
            code: self.view.code.clone(),
            titel: self.view.titel.clone(),
            version: self.version,
            source: self.source,
            source_sha256: self.source_sha256.clone(),
            input_sha256: self.input_sha256.clone(),
            documents: self.documents,
        }
    }
}

/// One plan's write, decided before it is carried out.
#[derive(Default)]
pub(super) struct Update {
    /// The plan's code.
    pub(super) code: String,
    /// Its record after the write.
    pub(super) record: PlanRecord,
    /// Copies that keep its previous version: from, to.
    pub(super) copies: Vec<(RelPath, RelPath)>,
    /// Its files to write, with their content.
    pub(super) writes: Vec<(OutputFile, Data)>,
    /// Its files to remove.
    pub(super) removals: Vec<RelPath>,
    /// How many of its files are up to date.
    pub(super) up_to_date: usize,
    /// How many earlier versions it keeps now (0 or 1).
    pub(super) versions_kept: usize,
}
