//! Writes an imported plan as YAML in SPEC.md's field order, readable: long texts in block style,
//! short ones plain or quoted only where YAML needs it, levels as a flow list.

use std::fmt::Write;

use toetsgen_plan::model::{AantalVragen, Beoordeling, Soort, Toetsplan};

/// Texts longer than this are written in block style.
const LONG: usize = 60;

/// The plan as YAML, with a first comment line naming its source. Every field of the model is
/// written (a field at its default value is left out), so that the YAML reads back to the same
/// plan whatever its texts hold.
pub fn to_yaml(plan: &Toetsplan, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Geïmporteerd uit {} met toetsgen import. Controleer de gegevens met toetsgen check.", // document text
        comment_text(source)
    );
    field(&mut out, 0, "code", &plan.code);
    field(&mut out, 0, "naam", &plan.naam);
    optional(&mut out, 0, "omschrijving", &plan.omschrijving);
    let _ = writeln!(out, "ingangsdatum: {}", plan.ingangsdatum);
    optional(&mut out, 0, "toetsvorm", &plan.toetsvorm);
    optional(&mut out, 0, "toegestane_tijd", &plan.toegestane_tijd);
    match &plan.aantal_vragen {
        Some(AantalVragen::Aantal(n)) => {
            let _ = writeln!(out, "aantal_vragen: {n}");
        }
        Some(AantalVragen::Tekst(t)) => field(&mut out, 0, "aantal_vragen", t),
        None => {}
    }
    optional(&mut out, 0, "cesuur", &plan.cesuur);
    optional(&mut out, 0, "scoringsregels", &plan.scoringsregels);
    optional(&mut out, 0, "hulpmiddelen", &plan.hulpmiddelen);
    optional(&mut out, 0, "instructies", &plan.instructies);
    if let Some(n) = plan.totaal_opdrachten {
        let _ = writeln!(out, "totaal_opdrachten: {n}");
    }
    if let Some(b) = &plan.beoordeling {
        beoordeling(&mut out, b);
    }
    if plan.concept {
        out.push_str("concept: true\n");
    }
    if let Some(d) = plan.gewijzigd {
        let _ = writeln!(out, "gewijzigd: {d}");
    }
    if !plan.correcties.is_empty() {
        out.push_str("correcties:\n");
    }
    for c in &plan.correcties {
        let _ = writeln!(out, "  - datum: {}", c.datum);
        field(&mut out, 4, "reden", &c.reden);
    }
    if plan.onderdelen.is_empty() {
        out.push_str("onderdelen: []\n");
    } else {
        out.push_str("onderdelen:\n");
    }
    for o in &plan.onderdelen {
        field(&mut out, 2, "- naam", &o.naam);
        if o.toetstermen.is_empty() {
            out.push_str("    toetstermen: []\n");
        } else {
            out.push_str("    toetstermen:\n");
        }
        for t in &o.toetstermen {
            field(&mut out, 6, "- code", &t.code);
            field(&mut out, 8, "tekst", &t.tekst);
            let _ = writeln!(out, "        gewijzigd: {}", t.gewijzigd);
            let levels: Vec<&str> = t.niveaus.iter().map(|n| n.code()).collect();
            let _ = writeln!(out, "        niveaus: [{}]", levels.join(", "));
            if let Some(n) = t.aantal_opdrachten {
                let _ = writeln!(out, "        aantal_opdrachten: {n}");
            }
        }
    }
    out
}

/// The `beoordeling` block: observations always, the scale, structured cesuur and required
/// toetstermen where they differ from the defaults.
fn beoordeling(out: &mut String, b: &Beoordeling) {
    let defaults = Beoordeling::default();
    out.push_str("beoordeling:\n");
    if b.soort == Soort::Vragen {
        out.push_str("  soort: vragen\n");
        if let Some(n) = b.minimaal_goed {
            let _ = writeln!(out, "  minimaal_goed: {n}");
        }
        return;
    }
    let _ = writeln!(out, "  waarnemingen: {}", b.waarnemingen);
    field(out, 2, "waarneming", &b.waarneming);
    if b.schaal != defaults.schaal {
        list(out, 2, "schaal", &b.schaal);
    }
    if let Some(n) = b.minimaal_voldoende {
        let _ = writeln!(out, "  minimaal_voldoende: {n}");
    }
    if !b.verplicht.is_empty() {
        list(out, 2, "verplicht", &b.verplicht);
    }
}

fn optional(out: &mut String, indent: usize, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        field(out, indent, key, v);
    }
}

/// `key: [a, b]` when every item is a plain word, else one `- item` per line.
fn list(out: &mut String, indent: usize, key: &str, items: &[String]) {
    let pad = " ".repeat(indent);
    let plain = |item: &String| {
        !item.is_empty()
            && item == item.trim()
            && item
                .chars()
                .all(|c| c.is_alphanumeric() || " .-_".contains(c))
            && scalar(item).as_deref() == Some(item.as_str())
    };
    if items.iter().all(plain) {
        let _ = writeln!(out, "{pad}{key}: [{}]", items.join(", "));
    } else {
        let _ = writeln!(out, "{pad}{key}:");
        for item in items {
            field(out, indent + 2, "-", item);
        }
    }
}

/// `key: value` (or `- value` for the key `-`): the value in block style when long or on several
/// lines and block style can hold it exactly, else as a YAML scalar, quoted where YAML needs it.
fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    let pad = " ".repeat(indent);
    let lead = if key == "-" {
        "-".to_owned()
    } else {
        format!("{key}:")
    };
    // Content of a block lines up with the key, two further in (under "- key", the key is two in).
    let inner = " ".repeat(indent + if key.starts_with("- ") { 4 } else { 2 });
    if value.contains('\n') && fits_block(value) {
        let _ = writeln!(out, "{pad}{lead} |-");
        for line in value.split('\n') {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{inner}{line}");
            }
        }
    } else if !value.contains('\n') && value.chars().count() > LONG && fits_block(value) {
        let _ = writeln!(out, "{pad}{lead} >-\n{inner}{value}");
    } else {
        let text = scalar(value).unwrap_or_else(|| quoted(value));
        let _ = writeln!(out, "{pad}{lead} {text}");
    }
}

/// Whether a block scalar (`|-` or `>-`) holds `value` exactly: it starts with neither a space
/// nor a line break (the first line sets the indentation), no line ends in whitespace, a final
/// line break is not stripped, and it holds only characters YAML prints as they are, no tabs.
fn fits_block(value: &str) -> bool {
    !value.starts_with([' ', '\n'])
        && value.split('\n').all(|line| line == line.trim_end())
        && !value.ends_with('\n')
        && !value.chars().any(|c| c == '\t' || needs_escape(c))
}

/// A one-line value as a plain or quoted YAML scalar as serde writes it, where that is one line of
/// printable characters.
fn scalar(value: &str) -> Option<String> {
    if value.contains('\n') || value.chars().any(needs_escape) {
        return None;
    }
    let text = serde_yaml::to_string(value).ok()?;
    let text = text.strip_suffix('\n').unwrap_or(&text);
    (!text.contains('\n') && !text.chars().any(needs_escape)).then(|| text.to_owned())
}

/// Any value as a double-quoted YAML scalar, every character YAML might not print as is escaped.
fn quoted(value: &str) -> String {
    let mut out = String::from('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether YAML needs a character escaped: not printable in YAML (control characters, U+FFFE,
/// U+FFFF), a line break in YAML 1.1 (U+0085, U+2028, U+2029), or a byte-order mark.
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        )
}

/// A text for a comment line: anything that could end the line or act on a terminal replaced.
fn comment_text(text: &str) -> String {
    text.chars()
        .map(|c| {
            if needs_escape(c) || c == '\n' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the text, the YAML reads back to the same plan.
    #[test]
    fn round_trips_awkward_texts() {
        let yaml = "code: V1\nnaam: \"D: #1 'x'\"\ningangsdatum: 2021-09-01\ncesuur: \"16\"\nonderdelen:\n  - naam: \"- O\"\n    toetstermen:\n      - code: V1.01\n        tekst: \"Een lange tekst met: dubbelepunt, #hekje, 'quotes' en \\\"meer\\\" die langer is dan zestig tekens.\"\n        gewijzigd: 2021-09-01\n        niveaus: [K, PV]\n        aantal_opdrachten: 2\n      - code: V1.02\n        tekst: \"Regel een\\n\\nRegel twee\"\n        gewijzigd: 2021-09-01\n        niveaus: [B]\n";
        let plan: Toetsplan = serde_yaml::from_str(yaml).unwrap();
        let written = to_yaml(&plan, "bron.txt");
        let back: Toetsplan =
            serde_yaml::from_str(&written).unwrap_or_else(|e| panic!("{e}\n{written}"));
        assert_eq!(back, plan, "{written}");
        assert!(
            written.contains("        tekst: >-\n          Een lange tekst"),
            "{written}"
        );
    }
}
