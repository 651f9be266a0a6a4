//! The repository's V1 plan is the office's published V1 toetsplan, word for word: every field
//! of its fixture copy (the plan the other tests read) is compared with the text export of the
//! office's Word document (the seed), and the shipped `toetsplannen/V1-dienstverlening.yaml` is
//! compared with that copy.

use crate::common::{fixture, root, seed_v1};
use toetsgen::plan::model::{AantalVragen, Niveau};

/// The shipped plan `toetsplannen/V1-dienstverlening.yaml` is, byte for byte, its fixture copy
/// `tests/fixtures/seed/V1-dienstverlening.yaml`, which the other tests read (and
/// `v1_plan_equals_the_seed` compares with the seed). The one test that reads a working plan:
/// after a user's own edit of that plan it fails, and only it.
#[test]
fn the_shipped_v1_plan_is_the_fixture_copy() {
    let shipped = std::fs::read(root().join("toetsplannen/V1-dienstverlening.yaml")).unwrap();
    assert!(
        shipped == std::fs::read(seed_v1()).unwrap(),
        "toetsplannen/V1-dienstverlening.yaml differs from tests/fixtures/seed/V1-dienstverlening.yaml: \
         the shipped plan must carry the seed's text exactly; a deliberate change to the shipped plan \
         goes into both files (a user editing their own plans can ignore this test)"
    );
}

/// Metadata, introduction, onderdelen, every toetsterm (code, text, date, levels) and the TOTAAL
/// row equal the seed's.
#[test]
fn v1_plan_equals_the_seed() {
    let seed = std::fs::read_to_string(fixture("seed-V1.txt")).unwrap();
    let plan = toetsgen::plan::load::load(&seed_v1()).unwrap().plan;
    let meta = |label: &str| -> String {
        seed.lines()
            .filter_map(|l| l.split_once('\t'))
            .find(|(k, v)| *k == label && !v.contains('\t'))
            .map(|(_, v)| v.to_owned())
            .unwrap_or_else(|| panic!("seed has no {label}"))
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    assert_eq!(
        format!("{}: {}", plan.code, plan.naam),
        meta("Naam van de toets")
    );
    assert_eq!(
        toetsgen::plan::dates::lang(plan.ingangsdatum.0),
        meta("Ingangsdatum")
    );
    assert_eq!(text(&plan.toetsvorm), meta("Toetsvorm"));
    assert_eq!(text(&plan.toegestane_tijd), meta("Toegestane tijd"));
    assert_eq!(
        plan.aantal_vragen,
        Some(AantalVragen::Tekst(meta("Aantal vragen")))
    );
    assert_eq!(text(&plan.cesuur), meta("Cesuur"));
    assert_eq!(text(&plan.scoringsregels), meta("Scoringsregels"));
    assert_eq!(text(&plan.hulpmiddelen), meta("Toegestane hulpmiddelen"));
    assert_eq!(text(&plan.instructies), meta("Instructies"));
    let intro = seed.lines().find(|l| l.starts_with("De module")).unwrap();
    assert_eq!(text(&plan.omschrijving), intro);
    let totaal = seed.lines().find(|l| l.starts_with("TOTAAL:")).unwrap();
    assert_eq!(
        plan.totaal_opdrachten,
        totaal.split('\t').nth(3).and_then(|n| n.parse().ok())
    );
    let b = plan
        .beoordeling
        .clone()
        .expect("V1 has a beoordeling block");
    assert_eq!((b.waarnemingen, b.waarneming.as_str()), (5, "Klantgesprek"));
    assert_eq!(
        (b.minimaal_voldoende, b.verplicht.len()),
        (None, 0),
        "the seed has no structured cesuur"
    );

    // Onderdelen and toetstermen, in the seed's order.
    let mut seed_rows: Vec<(String, Vec<String>)> = Vec::new();
    for fields in seed.lines().map(|l| l.split('\t').collect::<Vec<_>>()) {
        if fields.len() != 8 || fields[0].is_empty() || fields[0] == "TOTAAL:" {
            continue;
        }
        if fields[0].starts_with("V1.") {
            seed_rows.last_mut().unwrap().1.push(fields.join("\t"));
        } else if fields[1..].iter().all(|f| f.is_empty()) {
            seed_rows.push((fields[0].to_owned(), Vec::new()));
        }
    }
    assert_eq!(plan.onderdelen.len(), seed_rows.len());
    for (o, (naam, rows)) in plan.onderdelen.iter().zip(&seed_rows) {
        assert_eq!(&o.naam, naam);
        assert_eq!(o.toetstermen.len(), rows.len(), "{naam}");
        for (t, row) in o.toetstermen.iter().zip(rows) {
            let f: Vec<&str> = row.split('\t').collect();
            assert_eq!(t.code, f[0]);
            assert_eq!(t.tekst, f[1], "{}", t.code);
            assert_eq!(
                toetsgen::plan::dates::kort(t.gewijzigd.0),
                f[2],
                "{}",
                t.code
            );
            assert_eq!(
                t.aantal_opdrachten
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                f[3],
                "{}",
                t.code
            );
            let levels: Vec<Niveau> = (0..4)
                .filter(|&i| f[4 + i] == "X")
                .map(|i| Niveau::ALL[i])
                .collect();
            assert_eq!(t.niveaus, levels, "{}", t.code);
        }
    }
}
