//! The pages of beoordelingsformulieren set upright as they are read
//! ([`toetsgen_scan::upright`]), one at a time, so that nothing of a page stays in memory after
//! it: each handwritten field with something written in it is cut out and written beside the
//! saved forms (`handschrift/<form>/<veld>.png`, a blank form's per page; text is not read), and the whole page is kept in
//! typst's private scratch folder for the candidate's inzage PDF ([`super::inzage`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::Result;

use toetsgen_base::fs;
use toetsgen_document::packet::scan::Sidecar;
use toetsgen_document::pdf::Compiler;
use toetsgen_scan::stack::Origin;
use toetsgen_scan::upright::{cut, has_writing, png, upright};
use toetsgen_scan::{Grey, PageReading};

/// The folder, beside the saved forms, of the handwritten fields' images.
pub(crate) const HANDSCHRIFT: &str = "handschrift";

/// What was kept of the pages read so far.
pub(crate) struct Uprights<'a> {
    /// The saved forms' folder.
    dir: PathBuf,
    /// Where the upright pages go for the inzage PDFs (none without typst).
    compiler: Option<&'a Compiler>,
    /// Each page kept: its image's name in the compiler's scratch root.
    pages: BTreeMap<Origin, String>,
    /// Per page read, per handwritten field with writing, its image beside the forms.
    handschrift: BTreeMap<Origin, BTreeMap<String, String>>,
    /// The folders of handwriting whose earlier images have been cleared in this run.
    cleared: BTreeSet<String>,
}

impl<'a> Uprights<'a> {
    /// Nothing kept yet; images of handwriting go under `dir`, pages to `compiler`'s root.
    pub(crate) fn new(dir: &Path, compiler: Option<&'a Compiler>) -> Uprights<'a> {
        Uprights {
            dir: dir.to_owned(),
            compiler,
            pages: BTreeMap::new(),
            handschrift: BTreeMap::new(),
            cleared: BTreeSet::new(),
        }
    }

    /// Keeps what a person needs of a page of a beoordelingsformulier (`scan`, read as
    /// `reading`): its handwritten fields with writing and, for the inzage, the page upright.
    pub(crate) fn keep(
        &mut self,
        origin: &Origin,
        scan: &Grey,
        reading: &PageReading,
        sidecars: &[Sidecar],
    ) -> Result<()> {
        let sidecar = &sidecars[reading.sidecar];
        let layout = &sidecar.documenten[reading.document];
        if layout.document != "beoordelingsformulier" {
            return Ok(());
        }
        let page = upright(scan, &reading.transform, &layout.geometrie);
        let folder = folder(origin, sidecar, reading);
        let velden = (layout.velden.iter())
            .filter(|v| v.pagina == reading.code.pagina && v.waarde.is_none());
        for veld in velden {
            let Some(field) = cut(&page, veld) else {
                continue;
            };
            if has_writing(&field) {
                self.write_handwriting(origin, &folder, &veld.veld, &field)?;
            }
        }
        if let Some(compiler) = self.compiler {
            let name = format!("paginas/{}.png", self.pages.len() + 1);
            compiler.put(&name, &png(&page))?;
            self.pages.insert(origin.clone(), format!("/{name}"));
        }
        Ok(())
    }

    /// Writes a handwritten field's image (`handschrift/<folder>/<veld>.png`), after removing the
    /// images an earlier run wrote in that folder.
    fn write_handwriting(
        &mut self,
        origin: &Origin,
        folder: &str,
        veld: &str,
        field: &Grey,
    ) -> Result<()> {
        let dir = self.dir.join(HANDSCHRIFT).join(folder);
        if self.cleared.insert(folder.to_owned()) {
            clear_images(&dir);
        }
        fs::create_dir_all(&dir)?;
        let file = format!("{}.png", super::safe(veld, &['.', '_']));
        fs::write_atomic(&dir.join(&file), &png(field))?;
        let relative = format!("{HANDSCHRIFT}/{folder}/{file}");
        (self.handschrift.entry(origin.clone()).or_default()).insert(veld.to_owned(), relative);
        Ok(())
    }

    /// The handwritten fields with writing on the pages of a form: field → image, relative to
    /// the forms.
    pub(crate) fn handwriting<'o>(
        &self,
        pages: impl Iterator<Item = &'o Origin>,
    ) -> BTreeMap<String, String> {
        (pages.filter_map(|o| self.handschrift.get(o)))
            .flat_map(|fields| fields.iter().map(|(k, v)| (k.clone(), v.clone())))
            .collect()
    }

    /// The image of a page kept for the inzage (in the compiler's root), if it was kept.
    pub(crate) fn page(&self, origin: &Origin) -> Option<&str> {
        self.pages.get(origin).map(String::as_str)
    }
}

/// The folder of a page's handwriting: its form's file name (`<session>-<number>[-b<n>]`); on a
/// blank form from the site, whose form is known only when the stack is put together, the scan
/// file's name and the page (`blanco-<file>-p<page>`).
fn folder(origin: &Origin, sidecar: &Sidecar, reading: &PageReading) -> String {
    let layout = &sidecar.documenten[reading.document];
    match &sidecar.sessie {
        Some(sessie) => super::file_name(sessie, layout.kandidaat.as_deref(), layout.beoordelaar),
        None => {
            let stem = origin
                .file
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy();
            format!("blanco-{}-p{}", super::safe(&stem, &[]), origin.page)
        }
    }
}

/// Removes the PNG images in a form's folder of handwriting (an earlier run's), nothing else.
fn clear_images(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_png = path.extension().is_some_and(|e| e == "png");
        if is_png && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(&path);
        }
    }
}
