//! A plan whose documents would come out as they are need not be rendered: when its input key
//! (toetsgen, templates, typst, the plan's file and the earlier versions it lists; see
//! `prepare::input`) is the one recorded, and every file the build makes for it is recorded and
//! on disk with the recorded hash, rendering would give the same bytes. A file edited by hand
//! fails the check, so the plan is rendered and the file written again, as before. A file whose
//! stamp is the recorded one is not read (see [`crate::fs::Stamp`]).

use crate::build::Options;
use crate::build::prepare::Input;
use crate::document::Format;
use crate::document::templates::Templates;
use crate::fs::Stamp;
use crate::output::dir::OutputDir;
use crate::output::path::OutputFile;
use crate::output::record::PlanRecord;

/// The plan's files, each with its stamp now, when the plan is unchanged.
pub(crate) fn unchanged(
    opts: &Options,
    templates: &Templates,
    record: Option<&PlanRecord>,
    out: &OutputDir,
    input: &Input,
) -> Option<Vec<(OutputFile, Stamp)>> {
    if opts.force || opts.keep_typst.is_some() {
        return None;
    }
    let record = record?;
    if record.invoer_sha256.as_deref() != Some(input.key.as_str()) {
        return None;
    }
    let mut files = Vec::new();
    for doc in templates.documents() {
        for format in Format::ALL.into_iter().filter(|f| opts.formats.contains(f)) {
            let file = OutputFile::new(&input.view.code, &doc.naam, format).ok()?;
            let recorded = record.bestanden.get(&file)?;
            let stamp = out.verify(&file.rel(), &recorded.sha256, recorded.stempel.as_ref())?;
            files.push((file, stamp));
        }
    }
    Some(files)
}
