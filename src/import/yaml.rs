//! Writes an imported plan as YAML in SPEC.md's field order, readable: long texts in block style,
//! short ones plain or quoted only where YAML needs it, levels as a flow list.

use std::fmt::Write;

use crate::plan::model::{AantalVragen, Toetsplan};

/// Texts longer than this are written in block style.
const LONG: usize = 60;

/// The plan as YAML, with a first comment line naming its source.
pub fn to_yaml(plan: &Toetsplan, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Geïmporteerd uit {source} met toetsgen import. Controleer de gegevens met toetsgen check."
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
        out.push_str("beoordeling:\n");
        let _ = writeln!(out, "  waarnemingen: {}", b.waarnemingen);
        field(&mut out, 2, "waarneming", &b.waarneming);
    }
    out.push_str("onderdelen:\n");
    for o in &plan.onderdelen {
        field(&mut out, 2, "- naam", &o.naam);
        out.push_str("    toetstermen:\n");
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

fn optional(out: &mut String, indent: usize, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        field(out, indent, key, v);
    }
}

/// `key: value`, the value in block style when long or on several lines.
fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    let pad = " ".repeat(indent);
    // Content of a block under "- key" lines up with the key, two further in.
    let inner = " ".repeat(indent + if key.starts_with("- ") { 4 } else { 2 });
    if value.contains('\n') {
        let _ = writeln!(out, "{pad}{key}: |-");
        for line in value.lines() {
            if line.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{inner}{line}");
            }
        }
    } else if value.chars().count() > LONG && value == value.trim() {
        let _ = writeln!(out, "{pad}{key}: >-\n{inner}{value}");
    } else {
        let _ = writeln!(out, "{pad}{key}: {}", scalar(value));
    }
}

/// A one-line value as a YAML scalar, quoted only where YAML needs it.
fn scalar(value: &str) -> String {
    serde_yaml::to_string(value)
        .map(|s| s.trim_end_matches('\n').to_owned())
        .unwrap_or_else(|_| format!("{value:?}"))
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
