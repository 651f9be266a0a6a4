//! The office's decisions on doubtful fields: the review page (`scan-controle.html`,
//! [`toetsgen_scan::review`]) is written beside the forms read, listing every field read as
//! doubtful with the crops of its boxes; the decisions it saves (`scan-besluiten.json`) are
//! applied by the next run to the same forms: a decided field gets its value, certainty 1, and
//! is listed under `besloten` instead of `twijfel`. A decision that does not fit its field (a
//! value the field cannot take) is not applied. A blank form's candidate (`kandidaatnummer`,
//! asked as text) is applied when it is a candidate number (one line, at most
//! [`MAX_NUMBER`] characters).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, Result};
use serde_json::{Value, json};

use toetsgen_base::{fs, msg};
use toetsgen_document::packet::scan::layout::DocumentLayout;
use toetsgen_scan::form::{BEOORDELAAR, KANDIDAATNUMMER};
use toetsgen_scan::review::{DECISIONS_FORMAAT, Decisions, Item};
use toetsgen_scan::stack::StackDocument;
use toetsgen_scan::values::Reading;

/// The file the review page saves, looked for beside the forms read.
pub(super) const DECISIONS: &str = "scan-besluiten.json";

/// The review page's file, beside the forms read.
pub(super) const REVIEW: &str = "scan-controle.html";

/// The longest candidate number taken (as a session allows).
const MAX_NUMBER: usize = 40;

/// The largest decisions file read.
const MAX_DECISIONS: u64 = 16 * 1024 * 1024;

/// The decisions in `path`, or none when there is no such file.
pub(super) fn load(path: &Path) -> Result<Decisions> {
    if !path.exists() {
        return Ok(Decisions::default());
    }
    let bytes = fs::read_bounded(path, MAX_DECISIONS, None)
        .with_context(|| msg!("cmd-scan-bad-decisions", path = path))?;
    serde_json::from_slice::<Decisions>(&bytes)
        .ok()
        .filter(|d| d.formaat == DECISIONS_FORMAAT)
        .with_context(|| msg!("cmd-scan-bad-decisions", path = path))
}

/// Applies the decisions on `form` (the saved form written as `name`) to its doubtful fields.
pub(super) fn apply(form: &mut Value, name: &str, layout: &DocumentLayout, decisions: &Decisions) {
    let Some(decided) = decisions.besluiten.get(name) else {
        return;
    };
    let twijfel: Vec<String> = (form["twijfel"].as_array().into_iter().flatten())
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    let mut besloten = Vec::new();
    for veld in &twijfel {
        let Some(value) = decided.get(veld) else {
            continue;
        };
        if veld == KANDIDAATNUMMER {
            if let Some(nummer) = candidate_number(value) {
                form[KANDIDAATNUMMER] = json!(nummer);
                besloten.push(veld.clone());
            }
        } else if veld == BEOORDELAAR {
            if let Some(n) = value.as_str().and_then(|n| n.parse::<u8>().ok())
                && (1..=2).contains(&n)
            {
                form[BEOORDELAAR] = json!(n);
                besloten.push(veld.clone());
            }
        } else if fits(value, &choices(layout, veld)) {
            form["waarden"][veld] = value.clone();
            form["zekerheid"][veld] = json!(1.0);
            besloten.push(veld.clone());
        }
    }
    let open: Vec<&String> = twijfel.iter().filter(|v| !besloten.contains(v)).collect();
    form["twijfel"] = json!(open);
    form["besloten"] = json!(besloten);
}

/// A decided candidate number: a text of one line, at most [`MAX_NUMBER`] characters, trimmed.
fn candidate_number(value: &Value) -> Option<&str> {
    let nummer = value.as_str()?.trim();
    let fits = !nummer.is_empty() && nummer.chars().count() <= MAX_NUMBER;
    (fits && !nummer.chars().any(char::is_control)).then_some(nummer)
}

/// Whether a decided value is one the field can take: a tick for an observation, one of its
/// values for a choice.
fn fits(value: &Value, keuzes: &[String]) -> bool {
    match value {
        Value::Bool(_) => keuzes.is_empty(),
        Value::String(s) => keuzes.contains(s),
        _ => false,
    }
}

/// The values field `veld` can take, in the layout's order (empty for an observation).
fn choices(layout: &DocumentLayout, veld: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for b in layout.vakjes.iter().filter(|b| b.veld == veld) {
        if let Some(w) = &b.waarde
            && !out.contains(w)
        {
            out.push(w.clone());
        }
    }
    out
}

/// The fields of `doc` still to decide after `form`'s decisions: those read as doubtful (not
/// those of a missing page), each with its crops.
pub(super) fn items(
    form: &Value,
    name: &str,
    who: &str,
    layout: &DocumentLayout,
    doc: &StackDocument,
    vragen: &BTreeMap<String, String>,
) -> Vec<Item> {
    let open: Vec<&str> = (form["twijfel"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    let candidate = open.contains(&KANDIDAATNUMMER).then(|| Item {
        form: name.to_owned(),
        who: who.to_owned(),
        veld: KANDIDAATNUMMER.to_owned(),
        vraag: None,
        keuzes: Vec::new(),
        crops: Vec::new(),
    });
    let fields = (doc.velden.iter())
        .filter(|f| f.waarde == Reading::Doubtful && open.contains(&f.veld.as_str()))
        .map(|f| Item {
            form: name.to_owned(),
            who: who.to_owned(),
            veld: f.veld.clone(),
            vraag: question(&f.veld, vragen),
            keuzes: choices(layout, &f.veld),
            crops: (doc.crops.iter())
                .filter(|c| c.veld == f.veld)
                .map(|c| (c.waarde.clone(), c.png.clone()))
                .collect(),
        });
    candidate.into_iter().chain(fields).collect()
}

/// The question of a field: its toetsterm's code and text ("V1.03 Verplaatst zich …").
fn question(veld: &str, vragen: &BTreeMap<String, String>) -> Option<String> {
    let code = super::questions::toetsterm(veld)?;
    vragen.get(code).map(|tekst| format!("{code} {tekst}"))
}
