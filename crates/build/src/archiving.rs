//! The last step of a build: a plan whose documents in the output folder are those of its
//! current file (the record says so) is a published version, and goes into the plan archive
//! ([`toetsgen_plan::archive`]) unless the archive already has it. A plan that failed is not
//! archived; one skipped by a cancelled build is archived by the next.

use chrono::NaiveDate;

use crate::Outcome;
use crate::prepare::PlanFile;
use toetsgen_base::fs::sha256;
use toetsgen_base::{lang, msg};
use toetsgen_output::record::Record;
use toetsgen_plan::archive::{Archive, Stored};

/// A version this build put into the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archived {
    /// The plan's code.
    pub code: String,
    /// The version.
    pub version: NaiveDate,
    /// New, or a correction of a version archived before.
    pub stored: Stored,
    /// The archive's file, as shown.
    pub file: String,
}

/// Archives every plan of `plans` that `record` shows as published from its current file;
/// says in `outcome` what was archived, what failed, and which earlier versions the output
/// folder keeps that the archive cannot rebuild.
pub(crate) fn archive_published(
    plans: &[PlanFile],
    record: &Record,
    archive: &Archive,
    outcome: &mut Outcome,
) {
    for plan in plans {
        let published = (record.plannen.get(&plan.code))
            .filter(|r| r.bron_sha256 == plan.source_sha256 && r.versie == plan.version);
        let Some(published) = published else {
            continue;
        };
        let had_versions = archive.versions(&plan.code);
        let source = match std::fs::read(&plan.path) {
            Ok(bytes) if sha256(&bytes) == plan.source_sha256 => bytes,
            // Changed since it was checked: the next build archives what it publishes.
            Ok(_) => continue,
            Err(err) => {
                let err = anyhow::anyhow!(msg!(
                    "build-cannot-read-to-archive",
                    path = &plan.path,
                    error = lang::io_error(&err)
                ));
                outcome.failures.push(err);
                continue;
            }
        };
        match archive.store(&plan.code, plan.version, &source) {
            Ok(Stored::Same) => {}
            Ok(stored) => outcome.archived.push(Archived {
                code: plan.code.clone(),
                version: plan.version,
                stored,
                file: archive.file(&plan.code, plan.version).display().to_string(),
            }),
            Err(err) => {
                let err = err.context(msg!(
                    "build-not-archived",
                    version = plan.version.to_string(),
                    code = &plan.code
                ));
                outcome.failures.push(err);
            }
        }
        if had_versions.is_empty() {
            for kept in published
                .eerdere_versies
                .keys()
                .filter(|v| **v != plan.version)
            {
                outcome.notes.push(msg!(
                    "build-kept-not-rebuildable",
                    code = &plan.code,
                    version = kept.to_string(),
                    file = &archive.file(&plan.code, *kept)
                ));
            }
        }
    }
}
