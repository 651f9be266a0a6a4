//! `toetsgen uitslagen`: saved forms (tests/fixtures/uitslagen/, in the format the HTML form's
//! Opslaan writes; the browser suite's `form` check saves such a file from the real page) become
//! one results list, each result worked out again from the plan; a form of a version neither
//! current nor archived is refused by name.

use crate::common::{exits, fixture, project, stable, toetsgen};

/// The expected CSV for four good forms (F1: pass, fail on verplicht, fail on both rules; B2:
/// 27 of 40), with a formula-like name defused, quotes and `;` quoted, and the same list in
/// Markdown (pinned); a fifth form, saved against an older version of F1 that is not in the plan
/// archive, is named on stderr (pinned) and left out; exit code 1.
#[test]
fn results_list_from_saved_forms() {
    let dir = project(&[
        &fixture("plans/F1-formulier.yaml"),
        &fixture("plans/B2-theorie.yaml"),
    ]);
    let forms = fixture("uitslagen");
    let mut cmd = toetsgen(dir.path());
    cmd.args(["uitslagen", "-o", "lijst"]);
    for f in [
        "anna.json",
        "bram.json",
        "formule.json",
        "eva.json",
        "oud.json",
    ] {
        cmd.arg(forms.join(f));
    }
    let (stdout, stderr) = exits(&mut cmd, 1, &[]);
    assert_eq!(
        stdout,
        "4 results in lijst.csv and lijst.md; 1 file refused (see above)\n"
    );
    // The error, after F1's readability warning (its instructies are in the passive voice).
    let stderr = &stderr[stderr.find("error: ").expect("an error")..];
    stable(&forms).bind(|| {
        insta::assert_snapshot!(stderr, @"error: [dir]/oud.json: it was saved against version 2023-06-01 of plan F1, which is neither the plan's current version nor in its plan archive; the versions of F1 are 2024-01-01 (the current one). If that version was published before the archive was kept, put its plan file (from version control) in toetsplannen/archief/F1/2023-06-01.yaml and collect again; otherwise open the file in the current form, check every value against the current toetstermen and save it again");
    });
    let csv = std::fs::read_to_string(dir.path().join("lijst.csv")).unwrap();
    let f = |name: &str| forms.join(name).display().to_string();
    let expected = format!(
        "\u{feff}bestand;plan;versie;kandidaat;gemeente;beoordelaar;datum;uitslag;reden\r\n\
         {};F1;2024-01-01;Anna de Vries;Utrecht;C. Pieters;2026-11-20;geslaagd;geslaagd: 5 van 5 toetstermen voldoende (minimaal 4), alle verplichte voldoende\r\n\
         {};F1;2024-01-01;\"Bram \"\"B.\"\" Jansen; Zwolle\";Utrecht;C. Pieters;2026-11-20;niet geslaagd;niet geslaagd: F1.02 is verplicht en onvoldoende\r\n\
         {};F1;2024-01-01;\"'=HYPERLINK(\"\"x\"\")\";Utrecht;C. Pieters;2026-11-20;niet geslaagd;niet geslaagd: 3 van 5 toetstermen voldoende, minimaal 4 nodig\r\n\
         {};B2;2024-03-15;Eva Bakker;Ede;;;niet geslaagd;niet geslaagd: 27 van de 40 vragen goed, minimaal 28 nodig\r\n",
        f("anna.json"),
        f("bram.json"),
        f("formule.json"),
        f("eva.json"),
    );
    assert_eq!(csv, expected);
    let md = std::fs::read_to_string(dir.path().join("lijst.md")).unwrap();
    assert_eq!(
        md.lines().count(),
        4 + 4,
        "title, blank, header, rule, four rows"
    );
    stable(&forms).bind(|| insta::assert_snapshot!("results_md", md));
}

/// A file that is not a saved form, and a form of a plan that is not there, are refused with
/// their names; with every form refused nothing is written (an existing list is kept), exit 1.
#[test]
fn refuses_what_is_not_a_saved_form() {
    let dir = project(&[&fixture("plans/B2-theorie.yaml")]);
    let other = dir.path().join("ander.json");
    std::fs::write(&other, "{\"formaat\": \"iets anders\"}").unwrap();
    std::fs::create_dir_all(dir.path().join("uitslagen")).unwrap();
    std::fs::write(
        dir.path().join("uitslagen/uitslagen.csv"),
        "de lijst van vorige week",
    )
    .unwrap();
    let (stdout, stderr) = exits(
        toetsgen(dir.path())
            .args(["uitslagen", "ander.json"])
            .arg(fixture("uitslagen/anna.json")),
        1,
        &[],
    );
    assert_eq!(stdout, "");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("uitslagen/uitslagen.csv")).unwrap(),
        "de lijst van vorige week"
    );
    assert!(!dir.path().join("uitslagen/uitslagen.md").exists());
    stable(&fixture("uitslagen")).bind(|| insta::assert_snapshot!("not_saved_forms", stderr));
}

/// A results list is personal data: written inside a published output folder (one holding the
/// build record) it is refused, and nothing is written there.
#[test]
fn results_never_go_into_the_published_output() {
    let dir = project(&[&fixture("plans/F1-formulier.yaml")]);
    std::fs::create_dir_all(dir.path().join("output/F1")).unwrap();
    std::fs::write(dir.path().join("output/.toetsgen.json"), "{}").unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path())
            .args(["uitslagen", "-o", "output/F1/lijst"])
            .arg(fixture("uitslagen/anna.json")),
        1,
        &[],
    );
    stable(dir.path()).bind(|| {
        insta::assert_snapshot!(stderr, @"error: output/F1/lijst lies inside [dir]/output, a published output folder (it holds toetsgen's build record): the results are personal data and never go on the site; write them elsewhere");
    });
    assert!(!dir.path().join("output/F1/lijst.csv").exists());
}

/// Two forms of one candidate by one assessor (here contradicting each other) are both refused,
/// each naming the other; the other forms still make the list.
#[test]
fn two_forms_of_one_candidate_by_one_assessor_are_refused() {
    let dir = project(&[&fixture("plans/F1-formulier.yaml")]);
    let anna = std::fs::read_to_string(fixture("uitslagen/anna.json")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&anna).unwrap();
    for value in json["waarden"].as_object_mut().unwrap().values_mut() {
        if *value == serde_json::json!("voldoende") {
            *value = serde_json::json!("onvoldoende");
        }
    }
    std::fs::write(dir.path().join("anna-2.json"), json.to_string()).unwrap();
    let (stdout, stderr) = exits(
        toetsgen(dir.path())
            .args(["uitslagen", "-o", "lijst", "anna-2.json"])
            .arg(fixture("uitslagen/anna.json"))
            .arg(fixture("uitslagen/bram.json")),
        1,
        &[
            "anna-2.json: another form of the same candidate (Anna de Vries) by the same assessor for plan F1 is ",
        ],
    );
    assert!(
        stdout.starts_with("1 result in lijst.csv and lijst.md; 2 files refused"),
        "{stdout}"
    );
    assert!(
        stderr.contains("anna.json: another form of the same candidate"),
        "{stderr}"
    );
}

/// A V1 form (its cesuur is text: the assessor chooses the result) with a toetsterm left
/// unjudged is refused naming that toetsterm and the file; one without a chosen result too; a
/// complete one is accepted (issue 22: results that hold).
#[test]
fn an_incomplete_form_is_refused() {
    let dir = project(&[&crate::common::seed_v1()]);
    let form = |skip: Option<&str>, uitslag: Option<&str>| {
        let mut waarden = serde_json::Map::new();
        for i in 1..=20 {
            let code = format!("V1.{i:02}");
            if Some(code.as_str()) != skip {
                waarden.insert(format!("t.{code}.oordeel"), "voldoende".into());
            }
        }
        if let Some(u) = uitslag {
            waarden.insert("uitslag".into(), u.into());
        }
        serde_json::json!({
            "formaat": "toetsgen-beoordelingsformulier", "formaatversie": 1,
            "plan": "V1", "versie": "2021-09-01",
            "kandidaat": {"naam": "Anna de Vries", "gemeente": "Utrecht", "beoordelaar": "C. Pieters", "datum": "2026-12-03"},
            "waarden": waarden,
        })
        .to_string()
    };
    std::fs::write(
        dir.path().join("open.json"),
        form(Some("V1.07"), Some("geslaagd")),
    )
    .unwrap();
    std::fs::write(dir.path().join("zonder.json"), form(None, None)).unwrap();
    std::fs::write(dir.path().join("goed.json"), form(None, Some("geslaagd"))).unwrap();
    let (stdout, _) = exits(
        toetsgen(dir.path()).args([
            "uitslagen",
            "-o",
            "lijst",
            "open.json",
            "zonder.json",
            "goed.json",
        ]),
        1,
        &[
            "open.json: no judgement for V1.07: the form is not complete",
            "zonder.json: no result chosen (geslaagd or niet geslaagd): the form is not complete",
        ],
    );
    assert!(
        stdout.starts_with("1 result in lijst.csv and lijst.md; 2 files refused"),
        "{stdout}"
    );
}
