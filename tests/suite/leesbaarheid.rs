//! The built-in templates' own wording for the candidate reads at taalniveau 2F (issue 19).
//!
//! The candidate's opdracht is rendered in memory for plans whose every text is the one-word
//! placeholder `X`, in each shape a plan can have (observations or questions; with and without
//! the optional fields, a structured cesuur, mandatory toetstermen). What is left is the
//! template's own wording, judged as `check` judges a plan's text: no sentence over 20 words, no
//! passive, a Flesch-Douma score of at least 60. What the plan quotes (its texts, its
//! toetstermen) is `check`'s to judge, not this test's.

use toetsgen::document::templates::Templates;
use toetsgen::document::view::PlanView;
use toetsgen::document::{Format, render_plan};
use toetsgen::plan::limits::MIN_WORDS_FOR_SCORE;
use toetsgen::plan::load;
use toetsgen::plan::readability::{Taalniveau, findings, first_words};

/// A plan of placeholder texts: the optional fields in `extra`, the beoordeling in `beoordeling`.
fn plan(extra: &str, beoordeling: &str) -> String {
    format!(
        "code: X1\nnaam: X\ningangsdatum: 2021-09-01\n{extra}{beoordeling}onderdelen:\n  - naam: X\n    toetstermen:\n      - code: X1.01\n        tekst: X\n        gewijzigd: 2021-09-01\n        niveaus: [K, PV]\n        aantal_opdrachten: 2\n      - code: X1.02\n        tekst: X\n        gewijzigd: 2021-09-01\n        niveaus: [RV]\n        aantal_opdrachten: 1\n"
    )
}

/// Every optional text of a plan, each `X`.
const ALL_TEXTS: &str = "omschrijving: X\ntoetsvorm: X\ntoegestane_tijd: X\naantal_vragen: 3\ncesuur: X\nscoringsregels: X\nhulpmiddelen: X\ninstructies: X\n";

/// The shapes of plan that take the opdracht template through each of its branches.
fn shapes() -> Vec<(&'static str, String)> {
    let waarnemingen = "beoordeling:\n  waarnemingen: 5\n  waarneming: Gesprek\n";
    vec![
        ("observations, every text", plan(ALL_TEXTS, waarnemingen)),
        ("no optional text, no beoordeling", plan("", "")),
        (
            "observations, minimaal_voldoende and verplicht",
            plan(
                ALL_TEXTS,
                "beoordeling:\n  waarnemingen: 2\n  minimaal_voldoende: 1\n  verplicht: [X1.01]\n",
            ),
        ),
        (
            "observations, verplicht only",
            plan(
                "",
                "beoordeling:\n  waarnemingen: 1\n  verplicht: [X1.02]\n",
            ),
        ),
        (
            "questions, minimaal_goed",
            plan(
                ALL_TEXTS,
                "totaal_opdrachten: 3\nbeoordeling:\n  soort: vragen\n  minimaal_goed: 2\n",
            ),
        ),
        (
            "questions, no cesuur",
            plan("totaal_opdrachten: 3\n", "beoordeling:\n  soort: vragen\n"),
        ),
    ]
}

/// The opdracht of each shape in Markdown has no finding at 2F; a failure names the sentence.
#[test]
fn the_opdracht_reads_at_2f() {
    let templates = Templates::load(None).expect("the built-in templates");
    let mut problems = Vec::new();
    for (shape, yaml) in shapes() {
        let sp = load::parse("x.yaml", yaml).expect("the plan reads");
        let view = PlanView::new(&sp.plan);
        let docs = render_plan(&templates, &view, &[Format::Md]).expect("renders");
        let opdracht = (docs.iter())
            .find(|d| d.info.naam == "opdracht-kandidaat")
            .expect("an opdracht");
        let md = &opdracht.source(Format::Md).expect("Markdown").text;
        // Long enough for its score to be judged too.
        assert_eq!(
            first_words(md, MIN_WORDS_FOR_SCORE).len(),
            MIN_WORDS_FOR_SCORE
        );
        for f in findings(md, Taalniveau::TweeF) {
            let sentence = md[f.range.clone()].split_whitespace().collect::<Vec<_>>();
            let sentence = sentence.join(" ");
            let shown: String = sentence.chars().take(160).collect();
            problems.push(format!("{shape}: {:?}: {shown}", f.kind));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
