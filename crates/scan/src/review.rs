//! The review page (`scan-controle.html`): every field `scan` could not read with certainty,
//! each with the crops of its boxes cut from the scan beside the question, for a person to
//! decide. A plain HTML page that works offline, with native radio buttons (keyboard and screen
//! reader as any form), one fieldset per field; "Beslissingen opslaan" saves the decisions as
//! `scan-besluiten.json` ([`Decisions`]), which the next `scan` run applies. A blank form from the
//! site names no candidate: its fieldset asks for the kandidaatnummer in a labelled text field
//! (saved as text; left empty, it stays open). The page text is Dutch, like the documents.

use std::collections::BTreeMap;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// What the review page saves and the next run reads: per form (its file name without `.json`)
/// per field, the value decided (`true`/`false` for an observation, the chosen value, or `null`
/// to leave it open).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Decisions {
    /// Always `toetsgen-scan-besluiten`.
    pub formaat: String,
    /// The decisions, per form, per field.
    pub besluiten: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
}

/// The value of [`Decisions::formaat`].
pub const DECISIONS_FORMAAT: &str = "toetsgen-scan-besluiten";

/// One doubtful field to decide.
#[derive(Debug, Clone)]
pub struct Item {
    /// The form's file name without `.json`.
    pub form: String,
    /// Who: candidate number and name, assessor.
    pub who: String,
    /// The saved form's key.
    pub veld: String,
    /// The question as printed: the toetsterm's text, when it is known.
    pub vraag: Option<String>,
    /// The values it can take, with their labels; empty for an observation (ticked or not).
    pub keuzes: Vec<String>,
    /// The crops of its boxes: the value of the box (for a choice) and the image (PNG).
    pub crops: Vec<(Option<String>, Vec<u8>)>,
}

/// The whole page for `items` (a page that says there is nothing to decide when empty).
pub fn page(items: &[Item]) -> String {
    let mut body = String::new();
    for (i, item) in items.iter().enumerate() {
        body.push_str(&fieldset(i, item));
    }
    let intro = match items.len() {
        0 => "<p>Er is niets te beslissen: elk vakje is zeker gelezen.</p>".to_owned(), // document text
        n => format!(
            "<p>{n} velden kon toetsgen niet zeker lezen. Bekijk bij elk veld de uitsnede uit de scan en kies wat de beoordelaar bedoelde. Sla daarna de beslissingen op (scan-besluiten.json, in dezelfde map als de gelezen formulieren) en draai <code>toetsgen scan</code> nog een keer.</p>" // document text
        ),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Controle van gescande formulieren</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>Controle van gescande formulieren</h1>\n{intro}\n<form id=\"besluiten\">\n{body}<button type=\"button\" id=\"opslaan\">Beslissingen opslaan</button>\n<p id=\"gemeld\" role=\"status\"></p>\n</form>\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n" // document text
    )
}

/// The question which candidate a blank form is of: what the assessor wrote on the form's
/// name and number lines, when the scan shows it, and a labelled text field.
fn candidate(i: usize, item: &Item) -> String {
    let mut figures = String::new();
    for (_, image) in &item.crops {
        figures.push_str(&format!(
            "<figure class=\"schrift\"><img src=\"{}\" alt=\"{}\"></figure>",
            data_url(image),
            "Uitsnede uit de scan: wat de beoordelaar bij de kandidaat schreef" // document text
        ));
    }
    if !figures.is_empty() {
        figures = format!("<div class=\"uitsneden\">{figures}</div>\n");
    }
    format!(
        "<fieldset data-formulier=\"{}\" data-veld=\"{}\">\n<legend>{}</legend>\n<p>Dit blanco formulier noemt geen kandidaat. Kijk op het papieren formulier welk kandidaatnummer de beoordelaar erop schreef.</p>\n{figures}<label for=\"k{i}\">Kandidaatnummer</label> <input type=\"text\" id=\"k{i}\" name=\"v{i}\" autocomplete=\"off\" spellcheck=\"false\">\n</fieldset>\n", // document text
        escape(&item.form),
        escape(&item.veld),
        escape(&item.who)
    )
}

/// One field: its question, its crops and its choices.
fn fieldset(i: usize, item: &Item) -> String {
    if item.veld == crate::form::KANDIDAATNUMMER {
        return candidate(i, item);
    }
    let label = label(&item.veld);
    let mut out = format!(
        "<fieldset data-formulier=\"{}\" data-veld=\"{}\">\n<legend>{} — {}</legend>\n",
        escape(&item.form),
        escape(&item.veld),
        escape(&item.who),
        escape(&label)
    );
    if let Some(vraag) = &item.vraag {
        out.push_str(&format!("<p class=\"vraag\">{}</p>", escape(vraag)));
    }
    out.push_str("<div class=\"uitsneden\">");
    for (waarde, image) in &item.crops {
        let alt = match waarde {
            Some(w) => format!("Uitsnede uit de scan: het vakje {w} bij {label}"), // document text
            None => format!("Uitsnede uit de scan: het vakje bij {label}"),        // document text
        };
        out.push_str(&format!(
            "<figure><img src=\"{}\" alt=\"{}\"><figcaption>{}</figcaption></figure>",
            data_url(image),
            escape(&alt),
            escape(waarde.as_deref().unwrap_or(""))
        ));
    }
    out.push_str("</div>\n");
    let options: Vec<(String, String)> = match item.keuzes.is_empty() {
        true => vec![
            ("true".to_owned(), "aangekruist".to_owned()), // document text
            ("false".to_owned(), "niet aangekruist".to_owned()), // document text
        ],
        false => (item.keuzes.iter())
            .map(|k| (serde_json::Value::String(k.clone()).to_string(), k.clone()))
            .collect(),
    };
    for (j, (value, text)) in options
        .iter()
        .chain([("null".to_owned(), "open laten".to_owned())].iter())
        .enumerate()
    {
        out.push_str(&format!(
            "<label><input type=\"radio\" name=\"v{i}\" value=\"{}\"{}> {}</label>\n",
            escape(value),
            if j == options.len() { " checked" } else { "" },
            escape(text)
        ));
    }
    out.push_str("</fieldset>\n");
    out
}

/// How the office names a field: "V1.03, waarneming 2", "V1.03, oordeel", "Uitslag".
pub fn label(veld: &str) -> String {
    if veld == "uitslag" {
        return "Uitslag".to_owned(); // document text
    }
    if veld == crate::form::BEOORDELAAR {
        return "Beoordelaar (1 of 2)".to_owned(); // document text
    }
    let Some(rest) = veld.strip_prefix("t.") else {
        return veld.to_owned();
    };
    if let Some(code) = rest.strip_suffix(".oordeel") {
        return format!("toetsterm {code}, oordeel"); // document text
    }
    match rest.rsplit_once(".w") {
        Some((code, n)) if n.chars().all(|c| c.is_ascii_digit()) => {
            format!("toetsterm {code}, waarneming {n}") // document text
        }
        _ => rest.to_owned(),
    }
}

/// A crop (PNG) as a `data:` URL.
fn data_url(png: &[u8]) -> String {
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    )
}

/// Text for HTML, attributes included.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The page's style: readable at 320 px, the crops large enough to judge.
const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;padding:1rem;max-width:60rem}input[type=text]{font:inherit;padding:.25rem;border:1px solid #767676;max-width:100%}fieldset{margin:0 0 1.25rem;padding:.75rem;border:1px solid #767676}legend{font-weight:bold;padding:0 .25rem}.vraag{margin:0 0 .75rem;max-width:45rem}.uitsneden{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}figure img{width:10rem;height:auto;image-rendering:pixelated;border:1px solid #767676}figure.schrift img{width:auto;max-width:100%;image-rendering:auto}label{display:inline-block;margin:.25rem 1rem .25rem 0;padding:.25rem 0}button{font:inherit;padding:.5rem 1rem}:focus-visible{outline:3px solid #154273;outline-offset:2px}";

/// Saves the decisions as `scan-besluiten.json`: per form, per field, the value chosen.
const SCRIPT: &str = "document.getElementById('opslaan').addEventListener('click',function(){var b={};document.querySelectorAll('fieldset[data-veld]').forEach(function(f){var t=f.querySelector('input[type=text]');if(t){var w=t.value.trim();if(w){var l=f.dataset.formulier;(b[l]=b[l]||{})[f.dataset.veld]=w;}return;}var c=f.querySelector('input:checked');if(!c)return;var v=JSON.parse(c.value);if(v===null)return;var k=f.dataset.formulier;(b[k]=b[k]||{})[f.dataset.veld]=v;});var blob=new Blob([JSON.stringify({formaat:'toetsgen-scan-besluiten',besluiten:b},null,2)],{type:'application/json'});var a=document.createElement('a');a.href=URL.createObjectURL(blob);a.download='scan-besluiten.json';document.body.appendChild(a);a.click();a.remove();var n=Object.keys(b).reduce(function(s,k){return s+Object.keys(b[k]).length;},0);document.getElementById('gemeld').textContent=n+' beslissingen opgeslagen in scan-besluiten.json.';});"; // document text

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grey::Grey;

    /// Fields are named as the office names them.
    #[test]
    fn labels() {
        assert_eq!(label("t.V1.03.w2"), "toetsterm V1.03, waarneming 2");
        assert_eq!(label("t.V1.03.oordeel"), "toetsterm V1.03, oordeel");
        assert_eq!(label("uitslag"), "Uitslag");
        assert_eq!(label("beoordelaar"), "Beoordelaar (1 of 2)");
    }

    /// A doubtful choice gets its crops as PNG images with alt text, a radio per value and one
    /// to leave it open (checked); text from the forms is escaped.
    #[test]
    fn a_choice_to_decide() {
        let crop = crate::upright::png(&Grey::new(4, 4, vec![255; 16]).unwrap());
        let item = Item {
            form: "s-1".to_owned(),
            who: "2026-0012 <Jan>".to_owned(),
            veld: "t.V1.02.oordeel".to_owned(),
            vraag: Some("Toetst in het gesprek <minimaal> één keer".to_owned()),
            keuzes: vec!["onvoldoende".to_owned(), "voldoende".to_owned()],
            crops: vec![(Some("voldoende".to_owned()), crop)],
        };
        let html = page(&[item]);
        assert!(html.contains("data:image/png;base64,iVBORw0KGgo"));
        assert!(html.contains(
            "alt=\"Uitsnede uit de scan: het vakje voldoende bij toetsterm V1.02, oordeel\""
        ));
        assert!(html.contains("value=\"&quot;voldoende&quot;\""));
        assert!(html.contains("value=\"null\" checked"));
        assert!(html.contains("2026-0012 &lt;Jan&gt;"));
        assert!(!html.contains("<Jan>"));
        assert!(
            html.contains("<p class=\"vraag\">Toetst in het gesprek &lt;minimaal&gt; één keer</p>")
        );
    }

    /// A blank form's candidate is asked in a labelled text field, not as a choice.
    #[test]
    fn a_blank_forms_candidate_is_asked() {
        let item = Item {
            form: "V1-blanco-stapel-p1".to_owned(),
            who: "blanco formulier".to_owned(),
            veld: "kandidaatnummer".to_owned(),
            vraag: None,
            keuzes: Vec::new(),
            crops: Vec::new(),
        };
        let html = page(&[item]);
        assert!(
            html.contains(
                "<label for=\"k0\">Kandidaatnummer</label> <input type=\"text\" id=\"k0\""
            )
        );
        assert!(!html.contains("type=\"radio\""));
    }
}
