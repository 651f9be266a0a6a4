//! The pages of beoordelingsformulieren set upright as they are read
//! ([`toetsgen_scan::upright`]), a few at a time, so that no page stays in memory after it: each
//! handwritten field with something written in it is cut out and kept as a small PNG until the
//! stack is put together, then written beside its saved form (`handschrift/<form>/<veld>.png`;
//! text is not read; a page that ends up in no form leaves nothing), and the whole page goes into
//! typst's private scratch folder for the candidate's inzage PDF ([`super::inzage`]).

use std::collections::BTreeMap;
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
    /// Per page read, each handwritten field with writing and its image (PNG).
    handschrift: BTreeMap<Origin, Vec<(String, Vec<u8>)>>,
}

/// What a person needs of a form page, made while it is read (in parallel with other pages):
/// each handwritten field with writing (PNG), and the page upright (PNG), when wanted.
pub(crate) struct Kept {
    /// Each handwritten field with writing: its key and its image.
    fields: Vec<(String, Vec<u8>)>,
    /// The page upright, for the inzage.
    page: Option<Vec<u8>>,
}

impl<'a> Uprights<'a> {
    /// Nothing kept yet; images of handwriting go under `dir`, pages to `compiler`'s root.
    pub(crate) fn new(dir: &Path, compiler: Option<&'a Compiler>) -> Uprights<'a> {
        Uprights {
            dir: dir.to_owned(),
            compiler,
            pages: BTreeMap::new(),
            handschrift: BTreeMap::new(),
        }
    }

    /// Whether whole pages are kept (for the inzage PDFs, which need typst).
    pub(crate) fn keeps_pages(&self) -> bool {
        self.compiler.is_some()
    }

    /// Keeps what [`prepare`] made of a page read from `origin`: its handwritten fields' images
    /// until its form is written, the upright page in typst's scratch folder.
    pub(crate) fn store(&mut self, origin: &Origin, kept: Kept) -> Result<()> {
        if !kept.fields.is_empty() {
            self.handschrift.insert(origin.clone(), kept.fields);
        }
        if let (Some(compiler), Some(page)) = (self.compiler, &kept.page) {
            let name = format!("paginas/{}.png", self.pages.len() + 1);
            compiler.put(&name, page)?;
            self.pages.insert(origin.clone(), format!("/{name}"));
        }
        Ok(())
    }

    /// Writes the handwritten fields with writing on the pages of form `form` as
    /// `handschrift/<form>/<veld>.png` (after removing the images an earlier run wrote there);
    /// returns field → image, relative to the forms.
    pub(crate) fn write_handwriting<'o>(
        &self,
        form: &str,
        pages: impl Iterator<Item = &'o Origin>,
    ) -> Result<BTreeMap<String, String>> {
        let folder = self.dir.join(HANDSCHRIFT).join(form);
        clear_images(&folder);
        let fields: Vec<&(String, Vec<u8>)> = (pages.filter_map(|o| self.handschrift.get(o)))
            .flatten()
            .collect();
        if !fields.is_empty() {
            fs::create_dir_all(&folder)?;
        }
        let mut written = BTreeMap::new();
        for (veld, png) in fields {
            let file = format!("{}.png", super::safe(veld, &['.', '_']));
            fs::write_atomic(&folder.join(&file), png)?;
            written.insert(veld.clone(), format!("{HANDSCHRIFT}/{form}/{file}"));
        }
        Ok(written)
    }

    /// The images (PNG) of the handwritten fields `velden` with writing on the pages of a form,
    /// in the order of `velden`.
    pub(crate) fn handwriting<'o>(
        &self,
        pages: impl Iterator<Item = &'o Origin>,
        velden: &[&str],
    ) -> Vec<Vec<u8>> {
        let fields: Vec<&(String, Vec<u8>)> = (pages.filter_map(|o| self.handschrift.get(o)))
            .flatten()
            .collect();
        (velden.iter())
            .filter_map(|veld| fields.iter().find(|(v, _)| v == veld))
            .map(|(_, png)| png.clone())
            .collect()
    }

    /// The image of a page kept for the inzage (in the compiler's root), if it was kept.
    pub(crate) fn page(&self, origin: &Origin) -> Option<&str> {
        self.pages.get(origin).map(String::as_str)
    }
}

/// What a person needs of a page of a beoordelingsformulier (`scan`, read as `reading`): its
/// handwritten fields with writing and, when `whole`, the page upright; `None` for a page of
/// another document.
pub(crate) fn prepare(
    scan: &Grey,
    reading: &PageReading,
    sidecars: &[Sidecar],
    whole: bool,
) -> Option<Kept> {
    let layout = &sidecars[reading.sidecar].documenten[reading.document];
    if layout.document != "beoordelingsformulier" {
        return None;
    }
    let page = upright(scan, &reading.transform, &layout.geometrie);
    let fields = (layout.velden.iter())
        .filter(|v| v.pagina == reading.code.pagina && v.waarde.is_none())
        .filter_map(|v| Some((v, cut(&page, v)?)))
        .filter(|(_, field)| has_writing(field))
        .map(|(v, field)| (v.veld.clone(), png(&field)))
        .collect();
    Some(Kept {
        fields,
        page: whole.then(|| png(&page)),
    })
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
