//! The print packet of an exam session as one Typst source, compiled by one typst run (merging
//! PDFs would lose the tags that make a PDF accessible). Each document of the packet is rendered
//! by its own template with the session (and candidate) in its context, exactly as the published
//! document is but with the blank fields filled in, and placed in its own scope by
//! `_pakket.typ.tera`: voorblad, presentielijst, the instructie once, per candidate the opdracht
//! and the beoordelingsformulier (one per assessor where the session names two: each assessor
//! judges on a form of their own), and the proces-verbaal. In a packet, `_base.typ.tera` counts
//! each document's pages by itself and the packet's page breaks put every document on an odd
//! page. Candidates are rendered in parallel; `reporter` counts them.

pub mod scan;
pub mod view;

use anyhow::{Context as _, Result, bail};
use rayon::prelude::*;

use crate::Format;
use crate::context::{Context, DocumentInfo};
use crate::templates::Templates;
use crate::view::PlanView;
use toetsgen_base::msg;
use toetsgen_base::report::Reporter;
use view::{BeoordelaarView, KandidaatView, PakketDeel, SessieView};

/// The packet's own documents: template, name and title.
const VOORBLAD: (&str, &str, &str) = ("_voorblad.typ.tera", "voorblad", "Voorblad");
const PRESENTIELIJST: (&str, &str, &str) = (
    "_presentielijst.typ.tera",
    "presentielijst",
    "Presentielijst",
);
const PROCES_VERBAAL: (&str, &str, &str) = (
    "_proces-verbaal.typ.tera",
    "proces-verbaal",
    "Proces-verbaal van de afname", // document text
);

/// The Typst source of the packet of `sessie` for `plan`.
pub fn compose(
    templates: &Templates,
    plan: &PlanView,
    sessie: &SessieView,
    reporter: &dyn Reporter,
) -> Result<String> {
    templates.warm(&[Format::Pdf]);
    let docs = templates.documents();
    let find = |naam: &str| {
        (docs.iter().find(|d| d.naam == naam))
            .with_context(|| msg!("document-packet-no-template", name = naam))
    };
    let (instructie, opdracht, formulier) = (
        find("instructie-beoordelaar")?,
        find("opdracht-kandidaat")?,
        find("beoordelingsformulier")?,
    );
    let mut delen = vec![
        own(templates, plan, sessie, docs, VOORBLAD, 1)?,
        own(templates, plan, sessie, docs, PRESENTIELIJST, 2)?,
        document(
            templates,
            Context::new(plan, instructie, docs).in_packet(sessie, None, deel(3)),
        )?,
    ];
    reporter.begin("candidates", sessie.kandidaten.len());
    let per_candidate: Vec<Result<Vec<String>>> = (sessie.kandidaten.par_iter().enumerate())
        .map(|(i, k)| {
            let parts = candidate(templates, plan, sessie, docs, (i, k), [opdracht, formulier]);
            reporter.step(&k.nummer);
            parts.with_context(|| msg!("document-packet-candidate", nummer = &k.nummer))
        })
        .collect();
    reporter.end();
    for parts in per_candidate {
        delen.extend(parts?);
    }
    delen.push(own(
        templates,
        plan,
        sessie,
        docs,
        PROCES_VERBAAL,
        4 + per(sessie) * sessie.kandidaten.len(),
    )?);
    let ctx = Context::new(plan, opdracht, docs).in_packet(sessie, None, deel(0));
    let mut tctx = tera::Context::from_serialize(&ctx).context(msg!("document-context-session"))?;
    let titel = format!(
        "Examenpakket {} – {}, {}",
        plan.titel, sessie.datum.lang, sessie.locatie
    );
    tctx.insert("titel", &titel);
    tctx.insert("delen", &delen);
    templates.render_typst("_pakket.typ.tera", &tctx)
}

/// The documents per candidate: the opdracht and a form per assessor where the session names two,
/// else one.
fn per(sessie: &SessieView) -> usize {
    1 + forms(sessie)
}

/// The forms per candidate: one per assessor where the session names two.
fn forms(sessie: &SessieView) -> usize {
    match sessie.beoordelaars.len() {
        2 => 2,
        _ => 1,
    }
}

/// One candidate's opdracht (opening with the candidate's heading) and beoordelingsformulier, or
/// a beoordelingsformulier per assessor where the session names two.
fn candidate(
    templates: &Templates,
    plan: &PlanView,
    sessie: &SessieView,
    docs: &[DocumentInfo],
    (i, k): (usize, &KandidaatView),
    [opdracht, formulier]: [&DocumentInfo; 2],
) -> Result<Vec<String>> {
    // After the voorblad, presentielijst and instructie, `per` documents per candidate.
    let first = 4 + per(sessie) * i;
    let kop = PakketDeel {
        nummer: first,
        kop: Some(format!("{} ({})", k.naam, k.nummer)),
        onder_kop: true,
    };
    let mut out = vec![document(
        templates,
        Context::new(plan, opdracht, docs).in_packet(sessie, Some(k), kop),
    )?];
    for f in 0..forms(sessie) {
        let onder = PakketDeel {
            nummer: first + 1 + f,
            kop: None,
            onder_kop: true,
        };
        let mut ctx = Context::new(plan, formulier, docs).in_packet(sessie, Some(k), onder);
        if forms(sessie) == 2 {
            ctx = ctx.for_assessor(BeoordelaarView {
                nummer: f + 1,
                naam: sessie.beoordelaars[f].clone(),
            });
        }
        out.push(document(templates, ctx)?);
    }
    Ok(out)
}

/// A plan's document in Typst, rendered as for its PDF.
fn document(templates: &Templates, ctx: Context<'_>) -> Result<String> {
    let rendered = templates
        .render(&ctx, &[Format::Pdf])
        .with_context(|| msg!("document-packet-rendering", document = &ctx.document.naam))?;
    match rendered.source(Format::Pdf) {
        Some(typst) => Ok(typst.text.clone()),
        None => bail!(msg!(
            "document-packet-no-typst",
            document = &ctx.document.naam
        )),
    }
}

/// One of the packet's own documents, from its template.
fn own(
    templates: &Templates,
    plan: &PlanView,
    sessie: &SessieView,
    docs: &[DocumentInfo],
    (template, naam, titel): (&str, &str, &str),
    nummer: usize,
) -> Result<String> {
    let info = DocumentInfo {
        naam: naam.to_owned(),
        titel: titel.to_owned(),
    };
    let ctx = Context::new(plan, &info, docs).in_packet(sessie, None, deel(nummer));
    let tctx = tera::Context::from_serialize(&ctx).context(msg!("document-context-session"))?;

    templates.render_typst(template, &tctx)
}

/// The place of a document that opens no candidate's part.
fn deel(nummer: usize) -> PakketDeel {
    PakketDeel {
        nummer,
        ..PakketDeel::default()
    }
}
