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

    /// Whether whole pages are kept (for the inzage PDFs, which need typst).
    pub(crate) fn keeps_pages(&self) -> bool {
        self.compiler.is_some()
    }

    /// Keeps what [`prepare`] made of a page read from `origin`: its handwritten fields'
    /// images written beside the forms, the upright page put in typst's scratch folder.
    pub(crate) fn store(&mut self, origin: &Origin, kept: Kept) -> Result<()> {
        for (veld, png) in &kept.fields {
            self.write_handwriting(origin, &kept.folder, veld, png)?;
        }
        if let (Some(compiler), Some(page)) = (self.compiler, &kept.page) {
            let name = format!("paginas/{}.png", self.pages.len() + 1);
            compiler.put(&name, page)?;
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
        png: &[u8],
    ) -> Result<()> {
        let dir = self.dir.join(HANDSCHRIFT).join(folder);
        if self.cleared.insert(folder.to_owned()) {
            clear_images(&dir);
        }
        fs::create_dir_all(&dir)?;
        let file = format!("{}.png", super::safe(veld, &['.', '_']));
        fs::write_atomic(&dir.join(&file), png)?;
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

/// What a person needs of a form page, made while it is read (in parallel with other pages):
/// the folder its handwriting goes to, each handwritten field with writing (PNG), and the page
/// upright (PNG), when wanted.
pub(crate) struct Kept {
    /// The folder under `handschrift/`.
    folder: String,
    /// Each handwritten field with writing: its key and its image.
    fields: Vec<(String, Vec<u8>)>,
    /// The page upright, for the inzage.
    page: Option<Vec<u8>>,
}

/// What a person needs of a page of a beoordelingsformulier (`scan`, read as `reading`, from
/// `origin`): its handwritten fields with writing and, when `whole`, the page upright; `None`
/// for a page of another document.
pub(crate) fn prepare(
    origin: &Origin,
    scan: &Grey,
    reading: &PageReading,
    sidecars: &[Sidecar],
    whole: bool,
) -> Option<Kept> {
    let sidecar = &sidecars[reading.sidecar];
    let layout = &sidecar.documenten[reading.document];
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
        folder: folder(origin, sidecar, reading),
        fields,
        page: whole.then(|| png(&page)),
    })
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
