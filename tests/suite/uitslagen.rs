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
        "\u{feff}plan;versie;kandidaatnummer;kandidaat;gemeente;uitslag;eens;beoordelaar_1;datum_1;uitslag_1;reden_1;bestand_1;beoordelaar_2;datum_2;uitslag_2;reden_2;bestand_2\r\n\
         F1;2024-01-01;;Anna de Vries;Utrecht;geslaagd;;C. Pieters;2026-11-20;geslaagd;geslaagd: 5 van 5 toetstermen voldoende (minimaal 4), alle verplichte voldoende;{};;;;;\r\n\
         F1;2024-01-01;;\"Bram \"\"B.\"\" Jansen; Zwolle\";Utrecht;niet geslaagd;;C. Pieters;2026-11-20;niet geslaagd;niet geslaagd: F1.02 is verplicht en onvoldoende;{};;;;;\r\n\
         F1;2024-01-01;;\"'=HYPERLINK(\"\"x\"\")\";Utrecht;niet geslaagd;;C. Pieters;2026-11-20;niet geslaagd;niet geslaagd: 3 van 5 toetstermen voldoende, minimaal 4 nodig;{};;;;;\r\n\
         B2;2024-03-15;;Eva Bakker;Ede;niet geslaagd;;;;niet geslaagd;niet geslaagd: 27 van de 40 vragen goed, minimaal 28 nodig;{};;;;;\r\n",
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
    json["uitslag"]["geslaagd"] = false.into();
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

/// A saved V1 form (the plan's cesuur is text: the assessor chooses the result) of formaatversie
/// `versie`: 2 adds the kandidaatnummer and which assessor filled it in.
fn v1_form(
    versie: u32,
    nummer: &str,
    naam: &str,
    beoordelaar: (u8, &str),
    geslaagd: bool,
) -> String {
    let mut waarden = serde_json::Map::new();
    for i in 1..=20 {
        let oordeel = if geslaagd || i > 2 {
            "voldoende"
        } else {
            "onvoldoende"
        };
        waarden.insert(format!("t.V1.{i:02}.oordeel"), oordeel.into());
    }
    let uitslag = if geslaagd {
        "geslaagd"
    } else {
        "niet geslaagd"
    };
    waarden.insert("uitslag".into(), uitslag.into());
    let mut form = serde_json::json!({
        "formaat": "toetsgen-beoordelingsformulier", "formaatversie": versie,
        "plan": "V1", "versie": "2021-09-01",
        "kandidaat": {"naam": naam, "gemeente": "Den Haag", "beoordelaar": beoordelaar.1, "datum": "2026-12-03"},
        "uitslag": {"berekend": false, "geslaagd": geslaagd, "reden": "gekozen door de beoordelaar"},
        "waarden": waarden,
    });
    if versie == 2 {
        form["kandidaatnummer"] = nummer.into();
        form["beoordelaar"] = beoordelaar.0.into();
    }
    form.to_string()
}

/// Forms of formaatversie 2 are matched by kandidaatnummer: two assessors' forms of 2026-0012
/// (one with the name misspelt) are one row with both judgements, agreeing; those of 2026-0013
/// disagree (uitslag "oneens", and the Markdown says the examencommissie decides); a form of
/// formaatversie 1 (no number, one assessor) is still read and is a row of its own; namesakes with
/// other numbers are other candidates. The CSV has one row per candidate.
#[test]
fn two_assessors_are_a_pair_matched_by_number() {
    let dir = project(&[&crate::common::seed_v1()]);
    let write = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "jan-1.json",
        v1_form(2, "2026-0012", "Jan Jansen", (1, "Annelies de Vries"), true),
    );
    write(
        "jan-2.json",
        v1_form(2, "2026-0012", "Jan Janssen", (2, "Bram Bakker"), true),
    );
    write(
        "renee-2.json",
        v1_form(2, "2026-0013", "Renée Müller", (2, "Bram Bakker"), false),
    );
    write(
        "renee-1.json",
        v1_form(
            2,
            "2026-0013",
            "Renée Müller",
            (1, "Annelies de Vries"),
            true,
        ),
    );
    write(
        "naamgenoot.json",
        v1_form(
            2,
            "2026-0099",
            "Jan Jansen",
            (1, "Annelies de Vries"),
            false,
        ),
    );
    write(
        "oud.json",
        v1_form(1, "", "Piet Peters", (0, "C. Pieters"), true),
    );
    let (stdout, _) = exits(
        toetsgen(dir.path()).args([
            "uitslagen",
            "-o",
            "lijst",
            "jan-1.json",
            "renee-2.json",
            "oud.json",
            "jan-2.json",
            "naamgenoot.json",
            "renee-1.json",
        ]),
        0,
        &[],
    );
    assert_eq!(
        stdout,
        "4 results (2 judged by two assessors) in lijst.csv and lijst.md\n"
    );
    let csv = std::fs::read_to_string(dir.path().join("lijst.csv")).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    let reden = "gekozen door de beoordelaar (de cesuur staat als tekst in het toetsplan)";
    assert_eq!(
        rows,
        [
            format!(
                "V1;2021-09-01;2026-0012;Jan Jansen;Den Haag;geslaagd;ja;Annelies de Vries;2026-12-03;geslaagd;{reden};jan-1.json;Bram Bakker;2026-12-03;geslaagd;{reden};jan-2.json"
            ),
            format!(
                "V1;2021-09-01;2026-0013;Renée Müller;Den Haag;oneens;nee;Annelies de Vries;2026-12-03;geslaagd;{reden};renee-1.json;Bram Bakker;2026-12-03;niet geslaagd;{reden};renee-2.json"
            ),
            format!(
                "V1;2021-09-01;;Piet Peters;Den Haag;geslaagd;;C. Pieters;2026-12-03;geslaagd;{reden};oud.json;;;;;"
            ),
            format!(
                "V1;2021-09-01;2026-0099;Jan Jansen;Den Haag;niet geslaagd;;Annelies de Vries;2026-12-03;niet geslaagd;{reden};naamgenoot.json;;;;;"
            ),
        ]
    );
    let md = std::fs::read_to_string(dir.path().join("lijst.md")).unwrap();
    insta::assert_snapshot!("pair_md", md);
}

/// A form without a number joins the numbered candidate of the same name: a formaatversie 1 form
/// by a second assessor completes the pair of 2026-0012.
#[test]
fn a_form_without_a_number_is_matched_by_name() {
    let dir = project(&[&crate::common::seed_v1()]);
    let write = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "jan-1.json",
        v1_form(2, "2026-0012", "Jan Jansen", (1, "Annelies de Vries"), true),
    );
    write(
        "jan-oud.json",
        v1_form(1, "", "jan  jansen", (0, "Bram Bakker"), false),
    );
    let (stdout, _) = exits(
        toetsgen(dir.path()).args(["uitslagen", "-o", "lijst", "jan-oud.json", "jan-1.json"]),
        0,
        &[],
    );
    assert!(
        stdout.starts_with("1 result (1 judged by two assessors) in"),
        "{stdout}"
    );
    let csv = std::fs::read_to_string(dir.path().join("lijst.csv")).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(
        row.starts_with(
            "V1;2021-09-01;2026-0012;Jan Jansen;Den Haag;oneens;nee;Annelies de Vries;"
        ) && row.contains(";jan-1.json;Bram Bakker;")
            && row.ends_with(";jan-oud.json"),
        "{row}"
    );
}

/// Two forms of one candidate (by number) by the same assessor (both say beoordelaar 1) are both
/// refused, each naming the other, in English and in Dutch (pinned); the second assessor's form
/// is still listed. A third assessor on one candidate is refused naming all three files.
#[test]
fn a_double_by_the_same_assessor_is_refused() {
    let dir = project(&[&crate::common::seed_v1()]);
    let write = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "jan-1.json",
        v1_form(2, "2026-0012", "Jan Jansen", (1, "Annelies de Vries"), true),
    );
    write(
        "jan-1-nog-eens.json",
        v1_form(
            2,
            "2026-0012",
            "Jan Jansen",
            (1, "Annelies de Vries"),
            false,
        ),
    );
    write(
        "jan-2.json",
        v1_form(2, "2026-0012", "Jan Jansen", (2, "Bram Bakker"), true),
    );
    let args = [
        "uitslagen",
        "-o",
        "lijst",
        "jan-1.json",
        "jan-1-nog-eens.json",
        "jan-2.json",
    ];
    let (stdout, stderr) = exits(toetsgen(dir.path()).args(args), 1, &[]);
    insta::assert_snapshot!(stderr, @"
    error: jan-1.json: another form of the same candidate (Jan Jansen, number 2026-0012) by the same assessor for plan V1 is jan-1-nog-eens.json: keep the one that counts and move the other away, then collect again

    error: jan-1-nog-eens.json: another form of the same candidate (Jan Jansen, number 2026-0012) by the same assessor for plan V1 is jan-1.json: keep the one that counts and move the other away, then collect again
    ");
    assert_eq!(
        stdout,
        "1 result in lijst.csv and lijst.md; 2 files refused (see above)\n"
    );
    let out = crate::common::run(crate::common::in_dutch(&mut toetsgen(dir.path())).args(args));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr), @"
    fout: jan-1.json: er is nog een formulier van dezelfde kandidaat (Jan Jansen, nummer 2026-0012) door dezelfde beoordelaar voor plan V1: jan-1-nog-eens.json; bewaar het formulier dat telt, zet het andere ergens anders neer en verzamel dan opnieuw

    fout: jan-1-nog-eens.json: er is nog een formulier van dezelfde kandidaat (Jan Jansen, nummer 2026-0012) door dezelfde beoordelaar voor plan V1: jan-1.json; bewaar het formulier dat telt, zet het andere ergens anders neer en verzamel dan opnieuw
    ");

    write(
        "jan-3.json",
        v1_form(1, "", "Jan Jansen", (0, "C. Pieters"), true),
    );
    let (_, stderr) = exits(
        toetsgen(dir.path()).args([
            "uitslagen",
            "-o",
            "lijst",
            "jan-1.json",
            "jan-2.json",
            "jan-3.json",
        ]),
        1,
        &[],
    );
    insta::assert_snapshot!(stderr, @"
    error: Jan Jansen, number 2026-0012 has 3 forms by different assessors for plan V1 (jan-1.json, jan-2.json, jan-3.json); a candidate is judged by one or two assessors: keep the forms that count and move the others away, then collect again

    Nothing written: every form was refused (see above); lijst.csv and lijst.md are left as they were
    ");
}

/// A form whose saved result contradicts itself is refused: "geslaagd": false beside the reason
/// "geslaagd: …" (issue 22), and a saved result the judgements do not give; formaatversie 2
/// without a valid beoordelaar, and formaatversie 1 with the fields of 2, are refused too.
#[test]
fn a_form_that_contradicts_itself_is_refused() {
    let dir = project(&[&crate::common::seed_v1()]);
    let edit = |name: &str, f: &dyn Fn(&mut serde_json::Value)| {
        let mut json: serde_json::Value = serde_json::from_str(&v1_form(
            2,
            "2026-0012",
            "Jan Jansen",
            (1, "A. de Vries"),
            true,
        ))
        .unwrap();
        f(&mut json);
        std::fs::write(dir.path().join(name), json.to_string()).unwrap();
    };
    edit("reden.json", &|j| {
        j["uitslag"] = serde_json::json!({"geslaagd": false, "reden": "geslaagd: 18 van 20"});
        j["waarden"]["uitslag"] = "niet geslaagd".into();
    });
    edit("keuze.json", &|j| {
        j["waarden"]["uitslag"] = "niet geslaagd".into()
    });
    edit("drie.json", &|j| j["beoordelaar"] = 3.into());
    edit("v1.json", &|j| j["formaatversie"] = 1.into());
    let (_, stderr) = exits(
        toetsgen(dir.path()).args([
            "uitslagen",
            "reden.json",
            "keuze.json",
            "drie.json",
            "v1.json",
        ]),
        1,
        &[],
    );
    insta::assert_snapshot!(stderr, @r#"
    error: reden.json: its saved result says niet geslaagd beside the reason "geslaagd: 18 van 20": the form contradicts itself; open it in the form, check the judgements and the result, and save it again

    error: keuze.json: its saved result says geslaagd, but its judgements give niet geslaagd: the form contradicts itself; open it in the form, check the judgements and the result, and save it again

    error: drie.json: formaatversie 2 says which assessor filled the form in, beoordelaar 1 or 2, and this form says 3: choose Beoordelaar 1 or 2 on the form and save it again

    error: v1.json: it says formaatversie 1, which has no kandidaatnummer and no beoordelaar, but it has them: save the form again with Opslaan

    Nothing written: every form was refused (see above); uitslagen/uitslagen.csv and uitslagen/uitslagen.md are left as they were
    "#);
}
