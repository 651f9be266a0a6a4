//! The pages of beoordelingsformulieren set upright as they are read
//! ([`toetsgen_scan::upright`]), one at a time, so that nothing of a page stays in memory after
//! it: each handwritten field with something written in it is cut out and written beside the
//! saved forms (`handschrift/<form>/<veld>.png`; text is not read), and the whole page is kept in
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
    /// Per form (its file name), per handwritten field with writing, its image beside the forms.
    handschrift: BTreeMap<String, BTreeMap<String, String>>,
    /// The forms whose earlier images of handwriting have been cleared in this run.
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
        let form = super::file_name(
            &sidecar.sessie,
            layout.kandidaat.as_deref(),
            layout.beoordelaar,
        );
        let velden = (layout.velden.iter())
            .filter(|v| v.pagina == reading.code.pagina && v.waarde.is_none());
        for veld in velden {
            let Some(field) = cut(&page, veld) else {
                continue;
            };
            if has_writing(&field) {
                self.write_handwriting(&form, &veld.veld, &field)?;
            }
        }
        if let Some(compiler) = self.compiler {
            let name = format!("paginas/{}.png", self.pages.len() + 1);
            compiler.put(&name, &png(&page))?;
            self.pages.insert(origin.clone(), format!("/{name}"));
        }
        Ok(())
    }

    /// Writes a handwritten field's image (`handschrift/<form>/<veld>.png`), after removing the
    /// images an earlier run wrote of this form.
    fn write_handwriting(&mut self, form: &str, veld: &str, field: &Grey) -> Result<()> {
        let folder = self.dir.join(HANDSCHRIFT).join(form);
        if self.cleared.insert(form.to_owned()) {
            clear_images(&folder);
        }
        fs::create_dir_all(&folder)?;
        let file = format!("{}.png", super::safe(veld, &['.', '_']));
        fs::write_atomic(&folder.join(&file), &png(field))?;
        let relative = format!("{HANDSCHRIFT}/{form}/{file}");
        (self.handschrift.entry(form.to_owned()).or_default()).insert(veld.to_owned(), relative);
        Ok(())
    }

    /// The handwritten fields with writing of a form: field → image, relative to the forms.
    pub(crate) fn handwriting(&self, form: &str) -> BTreeMap<String, String> {
        self.handschrift.get(form).cloned().unwrap_or_default()
    }

    /// The image of a page kept for the inzage (in the compiler's root), if it was kept.
    pub(crate) fn page(&self, origin: &Origin) -> Option<&str> {
        self.pages.get(origin).map(String::as_str)
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
