//! The messages about a toetsplan in Dutch, as the office reads them: a rule broken, what the
//! YAML reader says (told in Dutch, with the names filled in), and where in the plan it is, by
//! toetsterm code and onderdeel rather than by path. The English messages of every rule are
//! pinned by `invalid_plans` (the fixtures under `tests/fixtures/invalid/`).

use crate::common::{fixture, in_dutch, outcome, toetsgen};

/// `toetsgen controleer` in Dutch on one fixture of `tests/fixtures/invalid/`.
fn controleer(name: &str) -> String {
    outcome(in_dutch(&mut toetsgen(&fixture("invalid"))).args(["controleer", "--plans", name]))
}

/// A broken rule: the problem, the line, the place and the advice, in Dutch.
#[test]
fn an_empty_text_in_dutch() {
    insta::assert_snapshot!(controleer("text-empty"), @"
    exit code: 1
    fout: `tekst` is leeg
      --> text-empty/plan.yaml:17:16
       |
    17 |         tekst: \"\"
       |                ^^
       |
       = plaats: toetsterm T1.02 (onderdeel 1, Eerste onderdeel), veld `tekst`
       = tip: schrijf de tekst, of haal het veld weg als het niet verplicht is

    1 plan met fouten (zie hierboven)
    ");
}

/// A rule on toetsterm codes.
#[test]
fn a_toetsterm_code_in_dutch() {
    insta::assert_snapshot!(controleer("toetsterm-prefix"), @"
    exit code: 1
    fout: toetstermcode `T2.03` begint niet met de plancode `T1` en een punt
      --> toetsterm-prefix/plan.yaml:22:15
       |
    22 |       - code: T2.03
       |               ^^^^^
       |
       = plaats: toetsterm T2.03 (onderdeel 2, Tweede onderdeel), veld `code`
       = tip: schrijf de code als `T1.` met het nummer erachter, bijvoorbeeld `T1.01`

    1 plan met fouten (zie hierboven)
    ");
}

/// serde's "invalid type: string \"RV\", expected a sequence", in Dutch.
#[test]
fn a_value_of_the_wrong_kind_in_dutch() {
    insta::assert_snapshot!(controleer("level-not-a-list"), @"
    exit code: 1
    fout: hier staat de tekst \"RV\", maar er hoort een lijst te staan
      --> level-not-a-list/plan.yaml:25:18
       |
    25 |         niveaus: RV
       |                  ^^
       |
       = plaats: toetsterm T1.03 (onderdeel 2, Tweede onderdeel), veld `niveaus`
       = tip: schrijf een lijst tussen vierkante haken, bijvoorbeeld `niveaus: [PV]` of `niveaus: [K, B]`

    1 plan met fouten (zie hierboven)
    ");
}

/// serde's "unknown variant", with the values it allows.
#[test]
fn an_unknown_value_in_dutch() {
    insta::assert_snapshot!(controleer("soort-unknown"), @"
    exit code: 1
    fout: onbekende waarde `vraagen`; hier mag `waarnemingen` of `vragen` staan
     --> soort-unknown/plan.yaml:8:10
      |
    8 |   soort: vraagen
      |          ^^^^^^^
      |
      = plaats: beoordeling, veld `soort`
      = tip: gebruik een van de waarden hierboven, precies zo geschreven

    1 plan met fouten (zie hierboven)
    ");
}

/// A YAML syntax error: a Dutch lead sentence, the reader's own detail after it.
#[test]
fn a_yaml_syntax_error_in_dutch() {
    insta::assert_snapshot!(controleer("yaml-malformed"), @"
    exit code: 1
    fout: de YAML is niet te lezen: invalid indentation in quoted scalar
      --> yaml-malformed/plan.yaml:17:16
       |
    17 |         tekst: \"Kan uitleggen waarom.
       |                ^^^^^^^^^^^^^^^^^^^^^^
       |
       = tip: controleer het inspringen en de aanhalingstekens rond deze plaats; zet een tekst met `: ` erin, of een tekst die begint met een speciaal teken zoals `*`, `&`, `[` of `{`, tussen aanhalingstekens

    1 plan met fouten (zie hierboven)
    ");
}

/// A field missing in a toetsterm is placed at that toetsterm by its code and its onderdeel
/// (the plan could not be read, so both come from the YAML itself), not as
/// `onderdelen[1].toetstermen[1]`.
#[test]
fn a_missing_field_is_placed_by_toetsterm_code() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "code: V1\nnaam: Dienstverlening\ningangsdatum: 2021-09-01\nonderdelen:\n  - naam: Klantgericht werken\n    toetstermen:\n      - code: V1.01\n        tekst: Kent de klant.\n        gewijzigd: 2021-09-01\n        niveaus: [K]\n  - naam: Communiceren met de klant\n    toetstermen:\n      - code: V1.03\n        tekst: Luistert.\n        gewijzigd: 2021-09-01\n        niveaus: [PV]\n      - code: V1.04\n        gewijzigd: 2021-09-01\n        niveaus: [PV]\n";
    std::fs::create_dir(dir.path().join("plannen")).unwrap();
    std::fs::write(dir.path().join("plannen/V1.yaml"), plan).unwrap();
    let shown =
        outcome(in_dutch(&mut toetsgen(dir.path())).args(["controleer", "--plans", "plannen"]));
    insta::assert_snapshot!(shown, @r#"
    exit code: 1
    fout: het veld `tekst` ontbreekt
      --> plannen/V1.yaml:17:13
       |
    17 |       - code: V1.04
       |             ^^^^^^^
       |
       = plaats: toetsterm V1.04 (onderdeel 2, Communiceren met de klant), veld `tekst`
       = tip: voeg het ontbrekende veld toe; README, "Wat er in een plan staat", noemt alle velden van een toetsplan

    1 plan met fouten (zie hierboven)
    "#);
}
