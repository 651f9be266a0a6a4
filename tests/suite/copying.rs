//! Text copied from the site has no soft hyphens (issue 21): the build puts U+00AD at the
//! syllables of long words (`document::hyphenate`) and Chromium copies them along, so every page
//! carries the copy handler of `templates/_kopieren.html.tera`. The browser check `hyphens`
//! copies a toetsterm and reads the clipboard; this test holds that no page is without it.

use std::path::{Path, PathBuf};

use crate::common::{build_ok, copy_handler, page_scripts, project, seed_v1};

/// Every HTML file under `dir`.
fn pages(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(pages(&path));
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    out
}

/// Each page of a site (the index, Wijzigingen, the plan's page and its documents) has the copy
/// handler, once.
#[test]
fn every_page_copies_without_soft_hyphens() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let all = pages(&dir.path().join("output"));
    assert!(all.len() >= 7, "{all:?}");
    for page in all {
        let scripts = page_scripts(&page);
        let handlers = scripts.iter().filter(|s| *s == copy_handler()).count();
        assert_eq!(handlers, 1, "{}: {scripts:?}", page.display());
    }
}
