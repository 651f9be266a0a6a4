//! The start page's search index (issue 21, screen): every plan's name, toetsvorm, onderdelen and
//! toetstermen, with the stems of their words that the page cannot see in the text itself
//! (`output::stem`). The queries a user types, with their expected hits, are run in a browser by
//! `tests/browser/search.js` (check `search`), which also holds the page's stemmer to the build's.

use serde_json::Value;
use toetsgen::output::stem;

use crate::common::{build_ok, fixture, project, seed_v1};

/// The index as JSON, read from `zoekindex.js`.
fn index(output: &std::path::Path) -> Vec<Value> {
    let script = std::fs::read_to_string(output.join("zoekindex.js")).unwrap();
    let json = script
        .strip_prefix("window.toetsgenZoekindex = ")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("the index script's shape");
    serde_json::from_str(json).unwrap()
}

/// A field of the index: its text and its hidden stems.
fn field(value: &Value) -> (&str, &str) {
    (value[0].as_str().unwrap(), value[1].as_str().unwrap())
}

/// V1's entry holds its name, its toetsvorm (where "klantgesprek", the search box's example,
/// stands), its four onderdelen and every toetsterm with the number of its onderdeel; the
/// toetsplan page has the anchors the onderdelen's results link to.
#[test]
fn the_index_holds_name_toetsvorm_onderdelen_and_toetstermen() {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let output = dir.path().join("output");
    let plans = index(&output);
    assert_eq!(plans.len(), 2);
    let v1 = plans.iter().find(|p| p["code"] == "V1").unwrap();
    assert_eq!(v1["titel"], "V1: Dienstverlening");
    assert_eq!(field(&v1["naam"]), ("Dienstverlening", ""));
    let (toetsvorm, _) = field(&v1["toetsvorm"]);
    assert_eq!(
        toetsvorm,
        "Proeve op de werkplek op basis van vijf klantgesprekken"
    );
    let onderdelen: Vec<&str> = (v1["onderdelen"].as_array().unwrap().iter())
        .map(|o| field(o).0)
        .collect();
    assert_eq!(
        onderdelen,
        [
            "Klantgericht denken en handelen",
            "Communiceren met de klant",
            "Conflicthantering aan de balie",
            "Informatie verwerken en omgevingsbewustzijn"
        ]
    );
    let termen = v1["termen"].as_array().unwrap();
    assert_eq!(termen.len(), 20);
    let onderdeel_of = |code: &str| {
        let t = termen.iter().find(|t| t[0] == code).unwrap();
        t[3].as_u64().unwrap()
    };
    assert_eq!(
        ["V1.01", "V1.04", "V1.12", "V1.16", "V1.20"].map(onderdeel_of),
        [0, 1, 2, 3, 3]
    );
    let v1_13 = termen.iter().find(|t| t[0] == "V1.13").unwrap();
    assert!(v1_13[1].as_str().unwrap().contains("cynisme"), "{v1_13}");
    let page = std::fs::read_to_string(output.join("V1/toetsplan.html")).unwrap();
    for anchor in ["id=\"o-1\"", "id=\"o-4\"", "id=\"t-V1.13\""] {
        assert!(page.contains(anchor), "toetsplan.html has no {anchor}");
    }
}

/// Each field's stems are the stems of its words that the page cannot find in the folded text
/// (not inside their word, or shorter than five letters), each once; every such stem is there.
#[test]
fn the_index_holds_the_hidden_stems_and_no_others() {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let stemmer = stem::dutch();
    let mut fields = 0;
    let mut stems = 0;
    for plan in index(&dir.path().join("output")) {
        let mut all: Vec<(String, String)> = vec![field(&plan["naam"])]
            .into_iter()
            .chain(
                plan["toetsvorm"]
                    .as_array()
                    .map(|_| field(&plan["toetsvorm"])),
            )
            .chain(plan["onderdelen"].as_array().unwrap().iter().map(field))
            .map(|(t, s)| (t.to_owned(), s.to_owned()))
            .collect();
        all.extend((plan["termen"].as_array().unwrap().iter()).map(|t| {
            (
                t[1].as_str().unwrap().to_owned(),
                t[2].as_str().unwrap().to_owned(),
            )
        }));
        for (text, listed) in all {
            let folded = stem::fold(&text);
            let mut expected: Vec<String> = Vec::new();
            for word in stem::words(&folded) {
                let s = stem::stem(&stemmer, word).into_owned();
                let visible = s == word || (s.len() >= stem::MIN_INNER_STEM && word.contains(&s));
                if !visible && !expected.contains(&s) {
                    expected.push(s);
                }
            }
            assert_eq!(listed, expected.join(" "), "{text}");
            assert!(
                !text.contains('\u{AD}'),
                "a soft hyphen in the index: {text}"
            );
            fields += 1;
            stems += expected.len();
        }
    }
    // mogelijkheden (V1.15, V1.18) → "mogelijk", inside the word: not listed; "voor" → "vor" is.
    assert!(fields > 30 && stems > 10, "{fields} fields, {stems} stems");
}
