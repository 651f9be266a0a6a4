//! The inzage PDF of each candidate (`inzage/<session>-<number>.pdf` beside the saved forms):
//! for the candidate's right to inspect the exam, every scanned page of their
//! beoordelingsformulieren set upright, with what was read marked on it (ticked, not sure,
//! decided by the office), after a first page that says what the marks mean and lists, per
//! toetsterm, what was read. Made by typst like every PDF of toetsgen (PDF/A-2a, PDF/UA-1; the
//! scans have alternative text, the marks are artifacts), from the upright pages kept in
//! typst's private scratch folder ([`super::pages`]). Same scans in, same bytes out: the PDF's
//! date is the plan version's.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};
use serde_json::Value;

use toetsgen_base::cancel::Cancel;
use toetsgen_base::{fs, msg};
use toetsgen_document::packet::scan::Sidecar;
use toetsgen_document::packet::scan::layout::DocumentLayout;
use toetsgen_document::pdf::{Chunk, Compiler, Job};
use toetsgen_document::typst::{escape, string};
use toetsgen_plan::dates;
use toetsgen_scan::form::Names;
use toetsgen_scan::stack::Origin;

use super::pages::Uprights;

/// The folder of the inzage PDFs, beside the saved forms.
pub(crate) const INZAGE: &str = "inzage";

/// How many candidates' PDFs go to one typst run.
const PER_RUN: usize = 16;

/// A form read and written, as its inzage shows it.
pub(crate) struct FormRead<'a> {
    /// Its file name, without `.json`.
    pub(crate) name: String,
    /// Whether it is a blank form from the site (its own inzage: its candidate is the office's
    /// decision).
    pub(crate) blanco: bool,
    /// Its packet's layout.
    pub(crate) sidecar: &'a Sidecar,
    /// Its document in that layout.
    pub(crate) layout: &'a DocumentLayout,
    /// Its pages: page within the form → where it was scanned.
    pub(crate) pages: Vec<(u32, Origin)>,
    /// The saved form, decisions applied.
    pub(crate) form: Value,
    /// The names the session gives.
    pub(crate) names: Names,
}

/// Writes the inzage PDF of every candidate of `forms` (their forms together, in order) into
/// `dir/inzage/`; returns how many were written.
pub(crate) fn write(
    forms: &[FormRead<'_>],
    uprights: &Uprights<'_>,
    compiler: &Compiler,
    dir: &Path,
) -> Result<usize> {
    let mut candidates: BTreeMap<String, Vec<&FormRead<'_>>> = BTreeMap::new();
    for form in forms {
        let name = match (&form.sidecar.sessie, form.blanco) {
            (Some(sessie), false) => {
                super::file_name(sessie, form.layout.kandidaat.as_deref(), None)
            }
            _ => form.name.clone(),
        };
        candidates.entry(name).or_default().push(form);
    }
    let folder = dir.join(INZAGE);
    let mut written = 0;
    let all: Vec<(&String, &Vec<&FormRead<'_>>)> = candidates.iter().collect();
    for group in all.chunks(PER_RUN) {
        let jobs: Vec<Job> = (group.iter())
            .map(|(name, forms)| Job {
                label: format!("{INZAGE}/{name}.pdf"),
                template: msg!("cmd-scan-inzage-source"),
                source: source(forms, uprights),
            })
            .collect();
        let chunk = Chunk {
            timestamp: timestamp(group[0].1[0].sidecar),
            jobs,
        };
        let made = compiler.compile(&chunk, &Cancel::new())?;
        fs::create_dir_all(&folder)?;
        for ((name, _), pdf) in group.iter().zip(made) {
            let pdf = pdf?;
            let bytes =
                std::fs::read(&pdf).with_context(|| msg!("base-cannot-read", path = &pdf))?;
            fs::write_atomic(&folder.join(format!("{name}.pdf")), &bytes)?;
            let _ = std::fs::remove_file(&pdf);
            written += 1;
        }
    }
    Ok(written)
}

/// The PDF's date: the plan version's (the same on every run over the same scans).
fn timestamp(sidecar: &Sidecar) -> i64 {
    (sidecar.versie.and_hms_opt(0, 0, 0)).map_or(0, |t| t.and_utc().timestamp())
}

/// The Typst source of one candidate's inzage: the first page, then every scanned page.
fn source(forms: &[&FormRead<'_>], uprights: &Uprights<'_>) -> String {
    let first = forms[0];
    let nummer = (first.layout.kandidaat.clone())
        .or_else(|| first.form["kandidaatnummer"].as_str().map(str::to_owned))
        .unwrap_or_default();
    let kandidaat = match format!("{nummer} {}", first.names.kandidaat).trim() {
        "" => UNKNOWN.to_owned(),
        known => known.to_owned(),
    };
    let title = format!("Inzage beoordelingsformulier — kandidaat {kandidaat}"); // document text
    let mut out = format!(
        "#set document(title: {title})\n\
         #set page(paper: \"a4\", margin: (x: 20mm, y: 20mm), footer: context [#set text(size: 8pt, fill: luma(70)); #{title} #h(1fr) #counter(page).display(\"1 / 1\", both: true)])\n\
         #set text(font: (\"Noto Sans\", \"DejaVu Sans\"), size: 10pt, lang: \"nl\")\n\
         #set table(stroke: 0.5pt + luma(150), inset: 4pt)\n\
         = Inzage: uw beoordelingsformulier\n", // document text
        title = string(&title),
    );
    out.push_str(&about(first, &kandidaat));
    out.push_str(LEGEND);
    for form in forms {
        out.push_str(&summary(form, forms.len() > 1));
    }
    for form in forms {
        for (pagina, origin) in &form.pages {
            if let Some(image) = uprights.page(origin) {
                out.push_str(&page(form, *pagina, image));
            }
        }
    }
    out
}

/// Who and what: candidate, exam, session, date.
fn about(form: &FormRead<'_>, kandidaat: &str) -> String {
    let datum = (chrono::NaiveDate::parse_from_str(&form.names.datum, "%Y-%m-%d"))
        .map_or_else(|_| form.names.datum.clone(), dates::lang);
    let rows = [
        ("Kandidaat", kandidaat.to_owned()), // document text
        (
            "Toets", // document text
            format!(
                "{}, versie {}",
                form.sidecar.plan,
                dates::lang(form.sidecar.versie)
            ), // document text
        ),
        ("Sessie", form.sidecar.sessie.clone().unwrap_or_default()), // document text
        ("Datum", datum),                                            // document text
    ];
    let mut out = String::from(
        "#table(columns: (auto, 1fr), stroke: none, inset: (x: 0pt, y: 3pt), column-gutter: 12pt,\n",
    );
    for (label, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        let _ = writeln!(out, "  [*{}*], [{}],", escape(label), escape(value));
    }
    out.push_str(")\n");
    out
}

/// What the marks on the scanned pages mean.
const LEGEND: &str = "\nHierna volgen de gescande pagina's van het beoordelingsformulier dat over uw proeve is ingevuld, rechtgezet. Daarop staat met kaders wat toetsgen heeft gelezen:\n\n\
- #box(rect(width: 8pt, height: 8pt, stroke: 1.5pt + rgb(\"#1a7f37\"))) groen: dit vakje is gelezen als aangekruist;\n\
- #box(rect(width: 8pt, height: 8pt, stroke: 1.5pt + rgb(\"#0b5cad\"))) blauw: dit vakje was niet zeker te lezen; een medewerker van het examenbureau heeft het bekeken en beslist dat het is aangekruist (een dun blauw kader: dat het leeg is);\n\
- #box(rect(width: 8pt, height: 8pt, stroke: (paint: rgb(\"#c2410c\"), thickness: 1.5pt, dash: \"dashed\"))) oranje, gestreept: dit vakje was niet zeker te lezen en is nog niet beslist.\n\n\
Een vakje zonder kader is gelezen als leeg. Wat met de hand is geschreven, leest toetsgen niet: u ziet het zoals het op papier staat.\n"; // document text

/// Per toetsterm, what was read: the observations ticked, the judgement, and how it was read.
fn summary(form: &FormRead<'_>, with_assessor: bool) -> String {
    let waarden = &form.form["waarden"];
    let besloten = strings(&form.form["besloten"]);
    let twijfel = strings(&form.form["twijfel"]);
    let mut out = String::from("\n== Wat is gelezen"); // document text
    if with_assessor && let Some(b) = form.layout.beoordelaar {
        let _ = write!(out, " (beoordelaar {b})"); // document text
    }
    out.push_str("\n#table(columns: (auto, 1fr, auto, auto), table.header([*Toetsterm*], [*Waarnemingen aangekruist*], [*Oordeel*], [*Gelezen*]),\n"); // document text
    for code in codes(form.layout) {
        let key = |s: &str| format!("t.{code}.{s}");
        let ticked: Vec<String> = (form.layout.vakjes.iter())
            .filter(|b| b.veld.starts_with(&key("w")) && b.waarde.is_none())
            .filter(|b| waarden[&b.veld] == Value::Bool(true))
            .filter_map(|b| b.veld.rsplit_once(".w").map(|(_, n)| n.to_owned()))
            .collect();
        let fields: Vec<String> = (form.layout.vakjes.iter())
            .filter(|b| b.veld.starts_with(&format!("t.{code}.")))
            .map(|b| b.veld.clone())
            .collect();
        let oordeel = waarden[&key("oordeel")].as_str().unwrap_or("—").to_owned();
        let how = if fields.iter().any(|f| twijfel.contains(f)) {
            "nog niet beslist" // document text
        } else if fields.iter().any(|f| besloten.contains(f)) {
            "deels beslist door het examenbureau" // document text
        } else {
            "gelezen" // document text
        };
        let ticked = match ticked.is_empty() {
            true => "geen".to_owned(), // document text
            false => ticked.join(", "),
        };
        let _ = writeln!(
            out,
            "  [{}], [{}], [{}], [{}],",
            escape(&code),
            escape(&ticked),
            escape(&oordeel),
            escape(how)
        );
    }
    out.push_str(")\n");
    if let Some(uitslag) = waarden["uitslag"].as_str() {
        let _ = writeln!(out, "\n{RESULT}: *{}*.", escape(uitslag));
    }
    out
}

/// Who a blank form's candidate is while the office has not decided it.
const UNKNOWN: &str = "nog niet bekend (blanco formulier)"; // document text

/// What the first page calls the result the assessor ticked.
const RESULT: &str = "Uitslag die de beoordelaar aankruiste"; // document text

/// One scanned page, upright, full size, with the marks of what was read.
fn page(form: &FormRead<'_>, pagina: u32, image: &str) -> String {
    let g = &form.layout.geometrie;
    let alt = format!(
        "Scan van pagina {pagina} van {} van het beoordelingsformulier", // document text
        form.layout.paginas
    );
    let mut out = format!(
        "#page(width: {w}pt, height: {h}pt, margin: 0pt, footer: none)[#place(top + left, image({image}, width: {w}pt, height: {h}pt, alt: {alt}))#pdf.artifact[\n",
        w = g.breedte,
        h = g.hoogte,
        image = string(image),
        alt = string(&alt),
    );
    let waarden = &form.form["waarden"];
    let besloten = strings(&form.form["besloten"]);
    for b in form.layout.vakjes.iter().filter(|b| b.pagina == pagina) {
        let value = &waarden[&b.veld];
        let ticked = match &b.waarde {
            None => *value == Value::Bool(true),
            Some(w) => value.as_str() == Some(w.as_str()),
        };
        let stroke = if value.is_null() && waarden.get(&b.veld).is_some() {
            "(paint: rgb(\"#c2410c\"), thickness: 1.5pt, dash: \"dashed\")"
        } else if ticked && besloten.contains(&b.veld) {
            "1.5pt + rgb(\"#0b5cad\")"
        } else if besloten.contains(&b.veld) {
            "0.6pt + rgb(\"#0b5cad\")"
        } else if ticked {
            "1.5pt + rgb(\"#1a7f37\")"
        } else {
            continue;
        };
        let _ = writeln!(
            out,
            "#place(top + left, dx: {}pt, dy: {}pt, rect(width: {s}pt, height: {s}pt, stroke: {stroke}))",
            b.x - 2.5,
            b.y - 2.5,
            s = g.vakje + 5.0,
        );
    }
    out.push_str("]]\n");
    out
}

/// The toetsterm codes of a form, in the order of its boxes.
fn codes(layout: &DocumentLayout) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for b in &layout.vakjes {
        let Some(rest) = b.veld.strip_prefix("t.") else {
            continue;
        };
        let code = rest.rsplit_once('.').map_or(rest, |(c, _)| c).to_owned();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// The strings of a JSON array.
fn strings(value: &Value) -> Vec<String> {
    (value.as_array().into_iter().flatten())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}
