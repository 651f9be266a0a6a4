//! A plan's earlier versions, made again from the plan archive on every build that renders the
//! plan: each archived version older than the current one is rendered into
//! `<CODE>/versies/<date>/`, its documents saying which version replaced it, so that a fresh
//! clone (or an output folder made anew) holds every published version, byte-identical. Versions
//! that only an older toetsgen kept (documents copied into the output folder, no archived plan)
//! are listed as they are.

use anyhow::{Context as _, Result};
use chrono::NaiveDate;

use toetsgen_base::fs::sha256;
use toetsgen_base::msg;
use toetsgen_document as document;
use toetsgen_document::Format;
use toetsgen_document::templates::{RenderedDocument, Templates};
use toetsgen_document::view::{EerdereVersie, PlanView, VervangenDoor};
use toetsgen_output::dir::OutputDir;
use toetsgen_output::record::PlanRecord;
use toetsgen_plan::archive::Archive;
use toetsgen_plan::model::Datum;

/// An archived version older than the current one.
#[derive(Debug, Clone)]
pub(crate) struct ArchivedVersion {
    /// Its date.
    pub version: NaiveDate,
    /// The hash of its archived file (part of the plan's input key).
    pub sha256: String,
}

/// The documents of one earlier version, made from the archive.
pub(crate) struct RenderedVersion {
    /// Its date.
    pub version: NaiveDate,
    /// Its documents, in every format asked for.
    pub documents: Vec<RenderedDocument>,
}

/// The archived versions of `code` older than `current`, oldest first, with their hashes; a
/// version whose file cannot be read is left out (the check of the plan reports it).
pub(crate) fn archived_before(
    archive: &Archive,
    code: &str,
    current: NaiveDate,
) -> Vec<ArchivedVersion> {
    (archive.versions(code).into_iter())
        .filter(|v| *v < current)
        .filter_map(|version| {
            let bytes = std::fs::read(archive.file(code, version)).ok()?;
            Some(ArchivedVersion {
                version,
                sha256: sha256(&bytes),
            })
        })
        .collect()
}

/// Every earlier version the current documents list: the archived ones, those an older toetsgen
/// kept as documents in the output folder (`record`, while their files are there), and the
/// version the folder holds now when this build replaces it without an archived copy.
pub(crate) fn listed(
    archived: &[ArchivedVersion],
    record: Option<&PlanRecord>,
    out: Option<&OutputDir>,
    current: NaiveDate,
) -> Vec<EerdereVersie> {
    let mut dates: Vec<Datum> = archived.iter().map(|a| Datum(a.version)).collect();
    if let (Some(record), Some(out)) = (record, out) {
        dates.extend(
            (record.eerdere_versies.iter())
                .filter(|(_, files)| files.iter().any(|f| out.exists(&f.rel())))
                .map(|(date, _)| Datum(*date)),
        );
        let kept_now =
            (record.bestanden.keys()).any(|f| f.version().is_none() && out.exists(&f.rel()));
        if kept_now && record.versie < current {
            dates.push(Datum(record.versie));
        }
    }
    EerdereVersie::list(&current.to_string(), dates)
}

/// The documents of every archived version in `archived`, each saying which version replaced it
/// and listing the versions before it (`listed`, as the current documents list them).
pub(crate) fn render(
    templates: &Templates,
    formats: &[Format],
    archive: &Archive,
    code: &str,
    (archived, listed): (&[ArchivedVersion], &[EerdereVersie]),
    current: NaiveDate,
) -> Result<Vec<RenderedVersion>> {
    let mut out = Vec::with_capacity(archived.len());
    for (i, a) in archived.iter().enumerate() {
        let sp = (archive.load(code, a.version))
            .map_err(|d| anyhow::anyhow!("{d}"))
            .with_context(|| {
                msg!(
                    "build-archived-version",
                    version = a.version.to_string(),
                    code = code
                )
            })?;
        let next = archived.get(i + 1).map_or(current, |n| n.version);
        let mut view = PlanView::new(&sp.plan);
        view.vervangen_door = Some(VervangenDoor::new(Datum(next), next == current));
        let older: Vec<EerdereVersie> = (listed.iter())
            .filter(|v| v.datum.iso < a.version.to_string())
            .cloned()
            .collect();
        view.eerdere_versies = EerdereVersie::from_earlier(&older);
        let documents = document::render_plan(templates, &view, formats).with_context(|| {
            msg!(
                "build-version-of",
                version = a.version.to_string(),
                code = code
            )
        })?;

        out.push(RenderedVersion {
            version: a.version,
            documents,
        });
    }
    Ok(out)
}
