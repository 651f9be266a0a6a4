//! The static site over all plans, written beside the documents when HTML is built: an index of
//! every plan with a search over plans and toetstermen (`output/index.html`), a page of every
//! changed toetsterm by date (`output/wijzigingen.html`), and a page per plan
//! (`output/<CODE>/index.html`) linking its documents in each format present and its kept
//! earlier versions. Relative links only, no
//! external resources: it works from any static web host or straight from disk.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use crate::overview::{self, SitePlan};
use crate::path::{OutputFile, SitePage};
use crate::record::{PlanRecord, Record};
use toetsgen_document::Format;
use toetsgen_document::context::{Context, DocumentInfo, Generator};
use toetsgen_document::templates::Templates;
use toetsgen_document::view::{DatumView, PlanView};
use toetsgen_plan::model::Datum;

/// A document of the plan page with the formats it is available in.
#[derive(Debug, Serialize)]
struct Available {
    naam: String,
    titel: String,
    formaten: Vec<FormatLink>,
}

#[derive(Debug, Serialize)]
struct FormatLink {
    extensie: &'static str,
    naam: &'static str,
}

/// An earlier version on the plan page.
#[derive(Debug, Serialize)]
struct Earlier {
    datum: DatumView,
    documenten: Vec<Link>,
}

#[derive(Debug, Serialize)]
struct Link {
    titel: String,
    href: String,
}

/// A plan on the site's index.
#[derive(Debug, Serialize)]
struct IndexEntry {
    code: String,
    titel: String,
    versie: DatumView,
}

/// What the plan's page is made from besides the templates and the plan, which `input_sha256`
/// (the key of the plan's documents) covers: the files (and which are older) and kept versions
/// its record lists. The same key gives the same page.
pub fn page_key(input_sha256: &str, record: &PlanRecord) -> String {
    let mut text = input_sha256.to_owned();
    for (file, rec) in &record.bestanden {
        text.push('\0');
        text.push_str(&file.to_string());
        if rec.verouderd {
            text.push_str("\0verouderd");
        }
    }
    for (date, files) in &record.eerdere_versies {
        text.push('\n');
        text.push_str(&date.to_string());
        for file in files {
            text.push('\0');
            text.push_str(&file.to_string());
        }
    }
    toetsgen_base::fs::sha256(text.as_bytes())
}

/// The plan's page, from its view and what its record says is on disk.
pub fn plan_page(templates: &Templates, plan: &PlanView, record: &PlanRecord) -> Result<String> {
    let docs = templates.documents();
    let beschikbaar: Vec<Available> = (docs.iter())
        .map(|d| Available {
            naam: d.naam.clone(),
            titel: d.titel.clone(),
            formaten: formats_on_disk(record, &plan.code, &d.naam),
        })
        .filter(|a| !a.formaten.is_empty())
        .collect();
    // Earlier versions made from the plan archive, and those an older toetsgen kept by copying.
    let mut versions: BTreeMap<NaiveDate, Vec<OutputFile>> = record.eerdere_versies.clone();
    for file in record.bestanden.keys() {
        if let Some(date) = file.version() {
            versions.entry(date).or_default().push(file.clone());
        }
    }
    let eerder: Vec<Earlier> = (versions.iter().rev())
        .map(|(date, files)| Earlier {
            datum: DatumView::new(Datum(*date)),
            documenten: earlier_documents(docs, files),
        })
        .filter(|e| !e.documenten.is_empty())
        .collect();
    let page = DocumentInfo {
        naam: "index".to_owned(),
        titel: "Documenten".to_owned(),
    };
    let mut ctx = tera::Context::from_serialize(Context::new(plan, &page, docs))?;
    ctx.insert("beschikbaar", &beschikbaar);
    ctx.insert("eerder", &eerder);
    templates.render_html("_plan.html.tera", &ctx)
}

/// The formats a document of the plan is recorded in, in the order the page lists them; a file
/// made from an earlier text of the plan (`verouderd`: its format was not built since) is left
/// out, so that the page links only documents of the version it shows.
fn formats_on_disk(record: &PlanRecord, code: &str, document: &str) -> Vec<FormatLink> {
    [
        (Format::Html, "Webpagina"),
        (Format::Pdf, "PDF"),
        (Format::Md, "Markdown"),
    ]
    .into_iter()
    .filter(|(format, _)| {
        let file = OutputFile::new(code, document, *format).ok();
        let rec = file.and_then(|file| record.bestanden.get(&file));
        rec.is_some_and(|rec| !rec.verouderd)
    })
    .map(|(format, naam)| FormatLink {
        extensie: format.extension(),
        naam,
    })
    .collect()
}

/// The HTML documents of a kept version, linked from the plan's folder, in document order.
fn earlier_documents(docs: &[DocumentInfo], files: &[OutputFile]) -> Vec<Link> {
    let order = |f: &OutputFile| {
        (docs.iter())
            .position(|d| d.naam == f.document())
            .unwrap_or(usize::MAX)
    };
    let mut html: Vec<&OutputFile> = files
        .iter()
        .filter(|f| f.format() == Format::Html)
        .collect();
    html.sort_by_key(|f| order(f));
    html.into_iter()
        .map(|f| Link {
            titel: (docs.iter())
                .find(|d| d.naam == f.document())
                .map_or_else(|| f.document().to_owned(), |d| d.titel.clone()),
            href: f.in_plan_folder(),
        })
        .collect()
}

/// The plans of the record as the index lists them.
fn index_entries(record: &Record) -> Vec<IndexEntry> {
    (record.plannen.iter())
        .map(|(code, rec)| IndexEntry {
            code: code.clone(),
            titel: if rec.titel.is_empty() {
                code.clone()
            } else {
                rec.titel.clone()
            },
            versie: DatumView::new(Datum(rec.versie)),
        })
        .collect()
}

/// The site's index of every plan in the record; its search loads `zoekindex.js`
/// (see [`Site::write_search_index`](overview::Site::write_search_index)).
pub fn index(templates: &Templates, record: &Record) -> Result<String> {
    let mut ctx = tera::Context::new();
    ctx.insert("plannen", &index_entries(record));
    ctx.insert("zoekindex_bestand", &SitePage::Zoekindex.to_string());
    ctx.insert("generator", &Generator::TOETSGEN);
    templates.render_html("_site.html.tera", &ctx)
}

/// The plans of `plans` that the record lists: those the site's index, search and
/// Wijzigingen page show.
pub fn listed<'a>(record: &Record, plans: &'a [SitePlan]) -> Vec<&'a SitePlan> {
    (plans.iter())
        .filter(|p| record.plannen.contains_key(&p.code))
        .collect()
}

/// The Wijzigingen page: every toetsterm changed after its plan's ingangsdatum, newest first,
/// for the plans the record lists.
pub fn wijzigingen(templates: &Templates, record: &Record, plans: &[SitePlan]) -> Result<String> {
    let mut ctx = tera::Context::new();
    ctx.insert("wijzigingen", &overview::changes(&listed(record, plans)));
    ctx.insert("generator", &Generator::TOETSGEN);
    templates.render_html("_wijzigingen.html.tera", &ctx)
}
