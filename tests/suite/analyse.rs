//! `toetsgen analyse` end to end (issue 22), with the real binary: a question exam's scores (the
//! public LSAT-6 data of `tests/fixtures/analyse/`, whose figures the statistics crate checks
//! against pingouin and pandas) give those figures in the JSON; every bad score export is refused
//! with its message, line and column pinned (one folder per rule under
//! `tests/fixtures/analyse/invalid/`, its `expected.snap`); saved observation forms of two
//! assessors (`tests/fixtures/analyse/forms/`, made from the hand-made `two-assessors.csv`) give
//! the kappa worked out by hand; forms refused by `uitslagen` are refused here; the HTML report
//! has its charts, their data and no names without `--namen`.

use std::path::{Path, PathBuf};

use scraper::{Html, Selector};

use crate::common::{exits, fixture, in_dutch, outcome, project, stable, toetsgen};

/// A project with the analysis fixtures' plans (L6: five questions; W2: two toetstermen judged by
/// observation).
fn analyse_project() -> tempfile::TempDir {
    project(&[
        &fixture("analyse/plans/L6-lsat.yaml"),
        &fixture("analyse/plans/W2-twee-beoordelaars.yaml"),
    ])
}

/// The LSAT-6 scores as a score export of plan L6: header `kandidaat;L6.01;…`, `;`-separated.
fn lsat6_export(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(fixture("analyse/lsat6.csv")).unwrap();
    let mut out = String::from("kandidaat;L6.01;L6.02;L6.03;L6.04;L6.05\n");
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        out.push_str(&line.replace(',', ";"));
        out.push('\n');
    }
    let path = dir.join("scores.csv");
    std::fs::write(&path, out).unwrap();
    path
}

/// The reference figures of a fixture: (figure, of) → value.
fn reference(name: &str) -> Vec<(String, String, f64)> {
    let text = std::fs::read_to_string(fixture(&format!("analyse/{name}"))).unwrap();
    (text.lines().filter(|l| !l.starts_with('#')).skip(1))
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), f[1].to_owned(), f[2].parse().unwrap())
        })
        .collect()
}

#[track_caller]
fn close(json: &serde_json::Value, expected: f64) {
    let got = json
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {json}"));
    assert!(
        (got - expected).abs() < 1e-9,
        "got {got}, expected {expected}"
    );
}

/// The JSON of the LSAT-6 export holds every figure of the reference (pingouin, pandas) for
/// each question and the test, the distribution, the number passing at the plan's cesuur
/// (minimaal_goed 4: 655), and the Cohen-Schotanus proposal worked out by hand: the best 5 % (50
/// kandidaten) all scored 5, guessing is not counted, so 0.6 · 5 = 3.
#[test]
fn question_exam_figures_are_the_reference_figures() {
    let dir = analyse_project();
    lsat6_export(dir.path());
    let (stdout, _) = exits(
        toetsgen(dir.path()).args(["analyse", "scores.csv", "--plan", "L6", "--json"]),
        0,
        &[],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["soort"], "vragen");
    assert_eq!(json["maximum"], "goed");
    assert_eq!(json["aantal_vragen"], 5);
    let vragen = json["vragen"].as_array().unwrap();
    let mut checked = 0;
    for (figure, of, value) in reference("lsat6.reference.csv") {
        let question = |of: &str| {
            let j: usize = of.trim_start_matches('Q').parse().unwrap();
            let v = &vragen[j - 1];
            assert_eq!(v["toetsterm"], format!("L6.0{j}"));
            assert_eq!(
                v["kolom"],
                j + 1,
                "the first question is the file's column 2"
            );
            v
        };
        match figure.as_str() {
            "max" | "p" | "rit" | "rir" | "alpha_zonder" => close(&question(&of)[&figure], value),
            "kandidaten" => close(&json["aantal_kandidaten"], value),
            "alpha" | "sem" | "sd" => close(&json[&figure], value),
            "mean" => close(&json["gemiddelde"], value),
            "frequency" => {
                let score: f64 = of.parse().unwrap();
                let f = (json["verdeling"].as_array().unwrap().iter())
                    .find(|f| f["score"].as_f64() == Some(score))
                    .unwrap();
                close(&f["aantal"], value);
            }
            "passing_at" => {
                close(&json["cesuur"], of.parse().unwrap());
                close(&json["geslaagd"], value);
            }
            "cesuur_reference" => close(&json["cesuur_voorstel_referentie"], value),
            // The reference counts a guessing score of 1 (3.4); toetsgen knows no number of
            // options and counts none: 0.6 · 5.
            "cesuur_voorstel" => close(&json["cesuur_voorstel"], 3.0),
            "guessing" => continue,
            other => panic!("a reference figure not checked: {other}"),
        }
        checked += 1;
    }
    assert_eq!(checked, 39);
    assert_eq!(
        json["vragen"][0]["signalen"],
        serde_json::json!(["makkelijk", "lage_rir"])
    );
    let niveaus = json["niveaus"].as_array().unwrap();
    // L6.05 is K and RV: it counts for both levels.
    assert_eq!(niveaus[0]["naam"], "K");
    assert_eq!(niveaus[0]["aantal_vragen"], 3);
    close(&niveaus[0]["p"], (0.924 + 0.553 + 0.87) / 3.0);
    assert_eq!(niveaus[3]["aantal_vragen"], 0);
    assert!(niveaus[3]["p"].is_null(), "no questions: no mean p");
}

/// A question everyone got right has p 1 and no Rit or Rir: `null` in the JSON, not NaN; points
/// other than 0/1 make each question's maximum the highest score given, and the output says so.
#[test]
fn undefined_figures_are_null_and_points_are_said() {
    let dir = analyse_project();
    std::fs::write(
        dir.path().join("scores.csv"),
        "kandidaat;L6.01;L6.02;L6.03;L6.04;L6.05\n1;1;2;1;0;1\n2;1;0;1;1;0\n3;1;1,5;0;1;1\n",
    )
    .unwrap();
    let (stdout, _) = exits(
        toetsgen(dir.path()).args(["analyse", "scores.csv", "--plan", "L6", "--json"]),
        0,
        &[],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["maximum"], "hoogste_gegeven");
    assert_eq!(json["vragen"][0]["p"], 1.0);
    assert!(json["vragen"][0]["rit"].is_null());
    assert!(json["vragen"][0]["rir"].is_null());
    assert_eq!(json["vragen"][1]["max"], 2.0);
    close(&json["vragen"][1]["p"], 3.5 / 3.0 / 2.0);
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["analyse", "scores.csv", "--plan", "L6"]),
        0,
        &[],
    );
    insta::assert_snapshot!(stderr, @"note: there are scores other than 0 and 1; the plan gives no points per question, so each question's highest score is the highest score a candidate got on it");
}

/// Every broken rule of a score export gives exactly its pinned message, with file, line and
/// column and the line shown, and exit code 1; a case without its snapshot fails.
#[test]
fn each_bad_score_export_reports_its_pinned_message() {
    let root = fixture("analyse/invalid");
    let mut cases: Vec<PathBuf> = (std::fs::read_dir(&root).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 12, "found {} cases", cases.len());
    for case in &cases {
        let dir = analyse_project();
        std::fs::copy(case.join("scores.csv"), dir.path().join("scores.csv")).unwrap();
        let shown = outcome(toetsgen(dir.path()).args(["analyse", "scores.csv", "--plan", "L6"]));
        assert!(
            shown.starts_with("exit code: 1\n"),
            "{}: {shown}",
            case.display()
        );
        assert!(
            !dir.path().join("analyse").exists(),
            "{}: nothing written",
            case.display()
        );
        insta::with_settings!({
            snapshot_path => case.clone(),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => format!("tests/fixtures/analyse/invalid/{}", case.file_name().unwrap().to_string_lossy()),
        }, {
            insta::assert_snapshot!("expected", shown);
        });
    }
}

/// A Windows-1252 export with `,` and a quoted name is read, and the user is told the encoding.
#[test]
fn reads_windows_1252_and_commas() {
    let dir = analyse_project();
    let mut bytes =
        b"Kandidaat,L6.01,L6.02,L6.03,L6.04,L6.05\r\n\"Ren\xe9e, M.\",1,0,1,1,1\r\n".to_vec();
    bytes.extend_from_slice(b"Bram,0,1,1,0,1\r\nChantal,1,1,0,1,0\r\n");
    std::fs::write(dir.path().join("scores.csv"), bytes).unwrap();
    let (stdout, stderr) = exits(
        toetsgen(dir.path()).args(["analyse", "scores.csv", "--plan", "L6", "--json"]),
        0,
        &["Windows-1252"],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["aantal_kandidaten"], 3, "{stderr}");
}

/// What the command line must say: a plan for a score export, one kind of input, a plan judged
/// by questions for scores.
#[test]
fn usage_mistakes_are_explained() {
    let dir = analyse_project();
    lsat6_export(dir.path());
    let said = |args: &[&str]| outcome(toetsgen(dir.path()).arg("analyse").args(args));
    insta::assert_snapshot!(said(&["scores.csv"]), @"
    exit code: 1
    error: with a score export, say which plan the exam is with --plan CODE (for instance --plan B2)
    ");
    insta::assert_snapshot!(said(&["scores.csv", "--plan", "W2"]), @"
    exit code: 1
    error: plan W2 is a proeve (judged by observation), not a question exam: analyse the saved beoordelingsformulieren (.json) instead of a score export
    ");
    insta::assert_snapshot!(said(&["scores.csv", "--plan", "X9"]), @"
    exit code: 1
    error: plan X9 is not among the plans that pass check in toetsplannen
    ");
    insta::assert_snapshot!(said(&["scores.csv", "a.json"]), @"
    exit code: 1
    error: give one score export (.csv) of a question exam, or saved beoordelingsformulieren (.json); not both mixed
    ");
}

/// Copies the two-assessor forms into `dir/formulieren/` and returns their names there, sorted.
fn forms(dir: &Path) -> Vec<String> {
    let target = dir.join("formulieren");
    std::fs::create_dir_all(&target).unwrap();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(fixture("analyse/forms")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), target.join(entry.file_name())).unwrap();
        names.push(format!(
            "formulieren/{}",
            entry.file_name().to_string_lossy()
        ));
    }
    names.sort();
    names
}

/// Two assessors, ten kandidaten, two toetstermen: the kappa worked out by hand in
/// `crates/analyse/tests/two_assessors.rs` (W2.01: 11/21; W2.02: 4/9; pooled 23/48;
/// Krippendorff's alpha 0.48; the first assessor voldoende 70 %, the second 55 %), five
/// disagreements, the observations ticked (every form ticks the first, and the second where the
/// judgement is voldoende).
#[test]
fn two_assessors_give_the_kappa_worked_out_by_hand() {
    let dir = analyse_project();
    let files = forms(dir.path());
    let (stdout, _) = exits(
        toetsgen(dir.path())
            .arg("analyse")
            .args(&files)
            .arg("--json"),
        0,
        &[],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["soort"], "waarnemingen");
    assert_eq!(
        (
            &json["aantal_formulieren"],
            &json["aantal_kandidaten"],
            &json["aantal_paren"]
        ),
        (&20.into(), &10.into(), &10.into())
    );
    let t = &json["toetstermen"];
    assert_eq!(t[0]["code"], "W2.01");
    close(&t[0]["kappa"], 11.0 / 21.0);
    close(&t[0]["overeenstemming"], 0.8);
    assert_eq!(t[0]["voldoende"], 14);
    assert_eq!(
        (&t[0]["aangevinkt"], &t[0]["waarnemingen"]),
        (&34.into(), &40.into())
    );
    close(&t[1]["kappa"], 4.0 / 9.0);
    close(&t[1]["overeenstemming"], 0.7);
    close(&json["kappa"], 23.0 / 48.0);
    close(&json["overeenstemming"], 0.75);
    close(&json["krippendorff_alpha"], 0.48);
    let b = &json["beoordelaars"];
    assert_eq!(b[0]["naam"], "C. Pieters");
    close(&b[0]["voldoende"], 0.7);
    close(&b[0]["voldoende_ander"], 0.55);
    close(&b[1]["voldoende"], 0.55);
    let verschillen = json["verschillen"].as_array().unwrap();
    assert_eq!(verschillen.len(), 5);
    assert_eq!(verschillen[0]["kandidaat"], 2);
    assert!(
        verschillen[0].get("naam").is_none(),
        "no names without --namen"
    );
    let (stdout, _) = exits(
        toetsgen(dir.path())
            .arg("analyse")
            .args(&files)
            .args(["--json", "--namen"]),
        0,
        &[],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["verschillen"][0]["naam"], "Bram Jansen");
}

/// The same forms saved as formaatversie 2 (kandidaatnummer and beoordelaar 1 or 2), the second
/// assessor's forms with the kandidaat's name misspelt and given first, and the assessors'
/// names left out: the kandidaten are matched by number, the pairs by the beoordelaar field, and
/// the figures are those worked out by hand; each disagreement names the kandidaatnummer.
#[test]
fn numbered_forms_are_matched_by_number_and_assessor() {
    let dir = analyse_project();
    let mut files = forms(dir.path());
    for file in &files {
        let path = dir.path().join(file);
        let mut json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let stem = file
            .trim_start_matches("formulieren/k")
            .trim_end_matches(".json");
        let (kandidaat, beoordelaar) = stem.split_once("-b").unwrap();
        json["formaatversie"] = 2.into();
        json["kandidaatnummer"] = format!("2026-{kandidaat}").into();
        json["beoordelaar"] = beoordelaar.parse::<u8>().unwrap().into();
        json["kandidaat"]["beoordelaar"] = "".into();
        if beoordelaar == "2" {
            let naam = json["kandidaat"]["naam"].as_str().unwrap().to_uppercase() + "X";
            json["kandidaat"]["naam"] = naam.into();
        }
        std::fs::write(&path, json.to_string()).unwrap();
    }
    files.sort_by_key(|f| !f.ends_with("-b2.json"));
    let (stdout, _) = exits(
        toetsgen(dir.path())
            .arg("analyse")
            .args(&files)
            .arg("--json"),
        0,
        &[],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (&json["aantal_kandidaten"], &json["aantal_paren"]),
        (&10.into(), &10.into())
    );
    close(&json["toetstermen"][0]["kappa"], 11.0 / 21.0);
    close(&json["kappa"], 23.0 / 48.0);
    close(&json["krippendorff_alpha"], 0.48);
    let b = &json["beoordelaars"];
    assert_eq!(
        b[0]["naam"], "beoordelaar 2",
        "the second assessor's forms come first"
    );
    close(&b[1]["voldoende"], 0.7);
    close(&b[0]["voldoende"], 0.55);
    let verschillen = json["verschillen"].as_array().unwrap();
    assert_eq!(verschillen.len(), 5);
    assert_eq!(verschillen[0]["kandidaatnummer"], "2026-02");
    assert_eq!(
        verschillen[0]["beoordelaar_1"], 2,
        "assessor 1 is the second person listed"
    );
}

/// A form with a toetsterm left unjudged is refused with uitslagen's message, nothing is
/// analysed and the exit code is 1; so are two forms of one kandidaat by one assessor, and a
/// third assessor on one kandidaat.
#[test]
fn forms_refused_by_uitslagen_are_refused_here() {
    let dir = analyse_project();
    let files = forms(dir.path());
    let path = dir.path().join("formulieren/k03-b2.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "\"t.W2.02.oordeel\": \"onvoldoende\"",
            "\"t.W2.02.oordeel\": null",
        ),
    )
    .unwrap();
    let shown = outcome(toetsgen(dir.path()).arg("analyse").args(&files));
    insta::assert_snapshot!(shown, @"
    exit code: 1
    error: formulieren/k03-b2.json: no judgement for W2.02: the form is not complete; fill them in on the form and save it again

    nothing analysed: one form was refused (see above); an analysis without all forms would give a distorted picture
    ");
    assert!(!dir.path().join("analyse").exists());

    let dir = analyse_project();
    let mut files = forms(dir.path());
    let twice = dir.path().join("formulieren/k03-b1-nog-eens.json");
    std::fs::copy(dir.path().join("formulieren/k03-b1.json"), &twice).unwrap();
    files.push("formulieren/k03-b1-nog-eens.json".to_owned());
    let (_, stderr) = exits(toetsgen(dir.path()).arg("analyse").args(&files), 1, &[]);
    assert!(
        stderr.contains("formulieren/k03-b1.json: another form of the same candidate (Chantal Bakker) by the same assessor"),
        "{stderr}"
    );

    let dir = analyse_project();
    let mut files = forms(dir.path());
    let third = dir.path().join("formulieren/k03-b3.json");
    let text = std::fs::read_to_string(dir.path().join("formulieren/k03-b1.json")).unwrap();
    std::fs::write(&third, text.replace("C. Pieters", "A. de Wit")).unwrap();
    files.push("formulieren/k03-b3.json".to_owned());
    let shown = outcome(toetsgen(dir.path()).arg("analyse").args(&files));
    insta::assert_snapshot!(shown, @"
    exit code: 1
    error: candidate Chantal Bakker has 3 forms by different assessors (formulieren/k03-b1.json, formulieren/k03-b2.json, formulieren/k03-b3.json); the analysis compares two assessors per candidate: keep only the two forms of the double judgement
    ");
}

/// The HTML report of a question exam: in Dutch (`lang="nl"`), a heading per part, every table
/// with a caption, two SVG charts each with a title and followed by its data as a table, the
/// flagged questions before the list of all; the Markdown beside it has the same tables.
#[test]
fn the_question_report_has_charts_with_their_data() {
    let dir = analyse_project();
    lsat6_export(dir.path());
    let (stdout, _) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["analyse", "scores.csv", "--plan", "L6"]),
        0,
        &[],
    );
    let today = chrono::Local::now().date_naive();
    let html_path = dir.path().join(format!("analyse/L6-{today}.html"));
    let md = std::fs::read_to_string(dir.path().join(format!("analyse/L6-{today}.md"))).unwrap();
    assert!(
        stdout.contains(&format!("analyse/L6-{today}.html")),
        "{stdout}"
    );
    let page = Html::parse_document(&std::fs::read_to_string(&html_path).unwrap());
    let one = |css: &str| Selector::parse(css).unwrap();
    let html = page.select(&one("html")).next().unwrap();
    assert_eq!(html.value().attr("lang"), Some("nl"));
    let svgs: Vec<_> = page.select(&one("figure > svg")).collect();
    assert_eq!(svgs.len(), 2);
    for svg in &svgs {
        assert_eq!(svg.value().attr("role"), Some("img"));
        assert!(svg.select(&one("title")).next().is_some());
        // The figure is followed by its data: a table with a caption.
        let figure = svg.parent().unwrap();
        let next = (figure.next_siblings())
            .filter_map(scraper::ElementRef::wrap)
            .next()
            .unwrap();
        assert!(next.select(&one("table > caption")).next().is_some());
    }
    assert_eq!(
        svgs[0].select(&one("rect")).count(),
        6,
        "one bar per total score 0–5"
    );
    assert_eq!(
        svgs[1].select(&one("circle")).count(),
        5,
        "one dot per question"
    );
    let tables = page.select(&one("table")).count();
    assert_eq!(page.select(&one("table > caption")).count(), tables);
    let headings: Vec<String> = (page.select(&one("h2")))
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(
        headings,
        [
            "De toets als geheel",
            "Vragen om opnieuw te bekijken",
            "Alle vragen",
            "Per toetsterm, onderdeel en niveau",
            "Verdeling van de totaalscores",
            "p-waarde en Rir per vraag",
            "Wat de getallen betekenen"
        ]
    );
    assert!(
        md.contains("| Betrouwbaarheid (Cronbach's alpha) | 0,29 |"),
        "{md}"
    );
    assert!(md.matches("\n| ").count() > 30, "{md}");
}

/// The observation report names no kandidaat without `--namen` (numbers only), and does with
/// it; assessors are named (their severity is for the examencommissie to discuss with them).
#[test]
fn the_observation_report_names_kandidaten_only_when_asked() {
    let dir = analyse_project();
    let files = forms(dir.path());
    let today = chrono::Local::now().date_naive();
    let report = dir.path().join(format!("analyse/W2-{today}.html"));
    exits(toetsgen(dir.path()).arg("analyse").args(&files), 0, &[]);
    let html = std::fs::read_to_string(&report).unwrap();
    let md = std::fs::read_to_string(report.with_extension("md")).unwrap();
    for name in ["Anna", "Bram", "Chantal", "Jansen, B", "Fatima"] {
        assert!(
            !html.contains(name) && !md.contains(name),
            "{name} in the report"
        );
    }
    assert!(html.contains("C. Pieters"));
    let page = Html::parse_document(&html);
    let rows = Selector::parse("table tbody tr").unwrap();
    assert!(page.select(&rows).count() > 10);
    exits(
        toetsgen(dir.path())
            .arg("analyse")
            .args(&files)
            .arg("--namen"),
        0,
        &[],
    );
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("2 (Bram Jansen)"), "{html}");
}

/// The report is personal data: refused inside a published output folder, and the summary says
/// where it went.
#[test]
fn the_report_stays_out_of_the_published_site() {
    let dir = analyse_project();
    lsat6_export(dir.path());
    std::fs::create_dir_all(dir.path().join("output")).unwrap();
    std::fs::write(dir.path().join("output/.toetsgen-record.json"), "{}").unwrap();
    let record = toetsgen::output::record::FILE_NAME;
    std::fs::rename(
        dir.path().join("output/.toetsgen-record.json"),
        dir.path().join("output").join(record),
    )
    .unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args([
            "analyse",
            "scores.csv",
            "--plan",
            "L6",
            "-o",
            "output/analyse",
        ]),
        1,
        &[],
    );
    let today = chrono::Local::now().date_naive().to_string();
    stable(dir.path()).bind(|| {
        insta::assert_snapshot!(stderr.trim_end().replace(&today, "[date]"), @"error: output/analyse/L6-[date].md lies inside [dir]/output, a published output folder (it holds toetsgen's build record): analyses are personal data and never go on the site; write them elsewhere");
    });
    assert!(!dir.path().join("output/analyse").exists());
}

/// The report as PDF beside the Markdown and HTML, made by typst like every PDF of toetsgen
/// (tagged, PDF/UA): the figures read back by pdftotext, the charts' data tables with them, and
/// no scratch folder left in `analyse/` (the report holds candidates' numbers).
#[test]
fn the_question_report_is_also_a_pdf() {
    let dir = analyse_project();
    lsat6_export(dir.path());
    let (stdout, _) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["analyse", "scores.csv", "--plan", "L6"]),
        0,
        &[],
    );
    let today = chrono::Local::now().date_naive();
    let pdf = dir.path().join(format!("analyse/L6-{today}.pdf"));
    assert!(
        stdout.contains(&format!("analyse/L6-{today}.pdf")),
        "{stdout}"
    );
    let text = crate::common::pdf_text(&pdf);
    for expected in [
        "Toetsanalyse L6",
        "Betrouwbaarheid (Cronbach",
        "0,29",
        "Aantal kandidaten per totaalscore",
        "L6.03",
    ] {
        assert!(text.contains(expected), "{expected} missing in\n{text}");
    }
    let info = std::process::Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Tagged:          yes"), "{info}");
    let left: Vec<_> = std::fs::read_dir(dir.path().join("analyse"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 3, "{left:?}");
}

/// Without typst the Markdown and HTML report are written, and the user is told why the PDF is
/// not, and how to get typst; the analysis itself succeeds.
#[test]
fn without_typst_the_report_has_no_pdf_and_says_why() {
    let dir = analyse_project();
    lsat6_export(dir.path());
    let (stdout, stderr) = exits(
        toetsgen(dir.path())
            .args(["analyse", "scores.csv", "--plan", "L6"])
            .env("TYPST", "/nonexistent/typst"),
        0,
        &[],
    );
    let today = chrono::Local::now().date_naive();
    assert!(dir.path().join(format!("analyse/L6-{today}.html")).exists());
    assert!(!dir.path().join(format!("analyse/L6-{today}.pdf")).exists());
    assert!(stderr.contains("the report's PDF was not made"), "{stderr}");
    assert!(stderr.contains("cargo install typst-cli"), "{stderr}");
    assert!(!stdout.contains(".pdf"), "{stdout}");
}
