//! The static site over all plans, written beside the documents when HTML is built: an index of
//! every plan (`output/index.html`) and a page per plan (`output/<CODE>/index.html`) linking its
//! documents in each format present and its kept earlier versions. Relative links only, no
//! external resources: it works from any static web host or straight from disk.

use anyhow::Result;
use serde::Serialize;

use crate::output::record::{Manifest, PlanRecord};
use crate::plan::model::{Datum, parse_iso_date};
use crate::document::templates::Templates;
use crate::document::view::{Context, DatumView, DocumentInfo, Generator, PlanView};

/// The plan page's file name inside the plan's folder.
pub const PLAN_PAGE: &str = "index.html";

/// The site index, in the output folder.
pub const INDEX: &str = "index.html";

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

/// The plan's page, from its view and what its record says is on disk.
pub fn plan_page(templates: &Templates, plan: &PlanView, record: &PlanRecord) -> Result<String> {
    let docs = templates.documents();
    let has = |rel: String| record.bestanden.contains_key(&rel);
    let beschikbaar: Vec<Available> = (docs.iter())
        .map(|d| Available {
            naam: d.naam.clone(),
            titel: d.titel.clone(),
            formaten: [("html", "Webpagina"), ("pdf", "PDF"), ("md", "Markdown")]
                .into_iter()
                .filter(|(ext, _)| has(format!("{}/{}.{ext}", plan.code, d.naam)))
                .map(|(extensie, naam)| FormatLink { extensie, naam })
                .collect(),
        })
        .filter(|a| !a.formaten.is_empty())
        .collect();
    let title_of = |stem: &str| {
        docs.iter()
            .find(|d| d.naam == stem)
            .map_or(stem.to_owned(), |d| d.titel.clone())
    };
    let prefix = format!("{}/", plan.code);
    let mut eerder: Vec<Earlier> = (record.eerdere_versies.iter().rev())
        .filter_map(|(date, files)| {
            let datum = DatumView::new(Datum(parse_iso_date(date).ok()?));
            let documenten = (files.iter())
                .filter_map(|f| f.strip_prefix(&prefix))
                .filter_map(|f| {
                    let stem = f.strip_suffix(".html")?.rsplit('/').next()?;
                    Some(Link {
                        titel: title_of(stem),
                        href: f.to_owned(),
                    })
                })
                .collect::<Vec<Link>>();
            let order = |l: &Link| {
                docs.iter()
                    .position(|d| d.titel == l.titel)
                    .unwrap_or(usize::MAX)
            };
            let mut documenten = documenten;
            documenten.sort_by_key(order);
            Some(Earlier { datum, documenten })
        })
        .collect();
    eerder.retain(|e| !e.documenten.is_empty());
    let page = DocumentInfo {
        naam: "index".to_owned(),
        titel: "Documenten".to_owned(),
    };
    let mut ctx = tera::Context::from_serialize(Context::new(plan, &page, docs))?;
    ctx.insert("beschikbaar", &beschikbaar);
    ctx.insert("eerder", &eerder);
    templates.render_html("_plan.html.tera", &ctx)
}

/// The site's index of every plan in the record.
pub fn index(templates: &Templates, manifest: &Manifest) -> Result<String> {
    let plannen: Vec<IndexEntry> = (manifest.plannen.iter())
        .filter_map(|(code, rec)| {
            Some(IndexEntry {
                code: code.clone(),
                titel: if rec.titel.is_empty() {
                    code.clone()
                } else {
                    rec.titel.clone()
                },
                versie: DatumView::new(Datum(parse_iso_date(&rec.versie).ok()?)),
            })
        })
        .collect();
    let mut ctx = tera::Context::new();
    ctx.insert("plannen", &plannen);
    ctx.insert(
        "generator",
        &Generator {
            naam: "toetsgen",
            versie: env!("CARGO_PKG_VERSION"),
        },
    );
    templates.render_html("_site.html.tera", &ctx)
}
