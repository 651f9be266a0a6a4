//! Every document page links back (issue 21, screen): a breadcrumb to the site's index and the
//! plan's page, and the same document as PDF and Markdown; on an earlier version's pages too.
//! Every link of the breadcrumb leads to a file that is there.

use std::path::Path;

use crate::common::{build_ok, change_v1_13, project, seed_v1};

/// The breadcrumb's links of one page, resolved against the page's folder.
fn breadcrumb(page: &Path) -> Vec<std::path::PathBuf> {
    let html = std::fs::read_to_string(page).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let nav = scraper::Selector::parse(r#"nav[aria-label="Kruimelpad"] a"#).unwrap();
    (doc.select(&nav))
        .map(|a| page.parent().unwrap().join(a.value().attr("href").unwrap()))
        .collect()
}

/// Each HTML document of V1 (current and an earlier version) has the breadcrumb, and each of its
/// links exists: index, plan page, PDF and Markdown; the plan's page links the index.
#[test]
fn every_document_page_links_back() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &[]);
    change_v1_13(dir.path(), "2025-03-01");
    build_ok(dir.path(), &[]);
    let out = dir.path().join("output/V1");
    for folder in [out.clone(), out.join("versies/2021-09-01")] {
        for doc in [
            "toetsplan",
            "beoordelingsformulier",
            "instructie-beoordelaar",
            "opdracht-kandidaat",
        ] {
            let page = folder.join(format!("{doc}.html"));
            let links = breadcrumb(&page);
            assert_eq!(links.len(), 4, "{}", page.display());
            for link in links {
                assert!(
                    link.is_file(),
                    "{} links {}",
                    page.display(),
                    link.display()
                );
            }
        }
    }
    let links = breadcrumb(&out.join("index.html"));
    assert_eq!(links.len(), 1);
    assert!(links[0].is_file());
}
