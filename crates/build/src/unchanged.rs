//! A plan whose documents would come out as they are need not be rendered: when its input key
//! (toetsgen, templates, typst, the plan's file, the earlier versions it lists and the archived
//! files it makes them from; see `prepare::input`) is the one recorded, and every file the build makes for it is recorded and
//! on disk with the recorded hash, rendering would give the same bytes. A file edited by hand
//! fails the check, so the plan is rendered and the file written again, as before. A file whose
//! stamp is the recorded one is not read (see [`toetsgen_base::fs::Stamp`]). Nor is the plan's page of
//! the site rendered again when it was made from the same input and is as recorded.

use std::collections::BTreeSet;

use crate::Options;
use crate::prepare::Input;
use toetsgen_base::fs::Stamp;
use toetsgen_document::Format;
use toetsgen_document::packet::scan::scannable;
use toetsgen_document::templates::Templates;
use toetsgen_output::dir::OutputDir;
use toetsgen_output::path::{OutputFile, SitePage};
use toetsgen_output::record::PlanRecord;
use toetsgen_output::site;

/// The files of plan `code`, each with its stamp now, when the plan is unchanged.
pub(crate) fn unchanged(
    opts: &Options,
    templates: &Templates,
    (code, record): (&str, Option<&PlanRecord>),
    out: &OutputDir,
    input: &Input,
) -> Option<Vec<(OutputFile, Option<Stamp>)>> {
    if opts.force || opts.keep_typst.is_some() {
        return None;
    }
    let record = record?;
    if record.invoer_sha256.as_deref() != Some(input.key.as_str()) {
        return None;
    }
    let mut files = Vec::new();
    let versions = std::iter::once(None).chain(input.archived.iter().map(|a| Some(a.version)));
    for version in versions {
        for doc in templates.documents() {
            for format in Format::ALL.into_iter().filter(|f| opts.formats.contains(f)) {
                let file = OutputFile::new(code, &doc.naam, format).ok()?;
                let file = version.map_or_else(|| file.clone(), |v| file.kept(v));
                let layout =
                    (format == Format::Pdf && scannable(&doc.naam)).then(|| file.scan_layout());
                for file in std::iter::once(file).chain(layout) {
                    let recorded = record.bestanden.get(&file)?;
                    let held =
                        out.verify(&file.rel(), &recorded.sha256, recorded.stempel.as_ref())?;
                    files.push((file, held.stamp));
                }
            }
        }
    }
    Some(files)
}

/// Whether the page of an unchanged plan need not be rendered: HTML is not built, or the page
/// the record lists for it was made from the same input and still holds the recorded bytes.
pub(crate) fn page_current(
    opts: &Options,
    site: &BTreeSet<SitePage>,
    (code, record): (&str, &PlanRecord),
    out: &OutputDir,
    input: &Input,
) -> bool {
    if !opts.formats.contains(&Format::Html) {
        return true;
    }
    let page = SitePage::Plan(code.to_owned());
    record.pagina.as_ref().is_some_and(|recorded| {
        site.contains(&page)
            && recorded.invoer_sha256 == site::page_key(&input.key, record)
            && out.verify(&page.rel(), &recorded.sha256, None).is_some()
    })
}
