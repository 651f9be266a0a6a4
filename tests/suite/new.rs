//! `toetsgen new CODE "Naam"`: a starting plan that passes `check` and the schema, written once,
//! never over an existing file.

use crate::common::{exits, run, toetsgen};

const TARGET: &str = "toetsplannen/V2-publiekszaken-en-burgerzaken.yaml";

/// The new plan is where the issue says, points at the schema, is dated today and passes check;
/// its whole text (comments included) is pinned.
#[test]
fn new_then_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    exits(
        toetsgen(dir.path()).args(["new", "V2", "Publiekszaken en Burgerzaken"]),
        0,
        &[],
    );
    let text = std::fs::read_to_string(dir.path().join(TARGET)).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("# yaml-language-server: $schema=../output/toetsplan.schema.json")
    );
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let mut dated = insta::Settings::clone_current();
    dated.add_filter(&today, "[today]");
    dated.bind(|| insta::assert_snapshot!("starter_plan", text));
    let (stdout, _) = exits(toetsgen(dir.path()).arg("check"), 0, &[]);
    // The concept and its two example texts are warned about, never an error.
    assert_eq!(stdout, "Checked 1 plan: 1 valid, 3 warnings\n");
}

/// Every field of the format is in the new plan, so the office sees all it can fill in.
#[test]
fn new_plan_has_every_field() {
    let dir = tempfile::tempdir().unwrap();
    exits(
        toetsgen(dir.path()).args(["new", "V2", "Publiekszaken en Burgerzaken"]),
        0,
        &[],
    );
    let text = std::fs::read_to_string(dir.path().join(TARGET)).unwrap();
    let schema: serde_json::Value =
        serde_json::from_slice(&run(toetsgen(dir.path()).arg("schema")).stdout).unwrap();
    let mut fields: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    for def in ["Beoordeling", "Onderdeel", "Toetsterm"] {
        fields.extend(
            schema["definitions"][def]["properties"]
                .as_object()
                .unwrap()
                .keys(),
        );
    }
    for field in fields {
        assert!(text.contains(&format!("{field}:")), "{field} is missing");
    }
}

/// A second `new` for the same plan refuses, exit 1, and leaves the first file as it was.
#[test]
fn new_twice_refuses_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    exits(
        toetsgen(dir.path()).args(["new", "V2", "Publiekszaken en Burgerzaken"]),
        0,
        &[],
    );
    let path = dir.path().join(TARGET);
    std::fs::write(&path, "# eigen werk\n").unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["new", "V2", "Publiekszaken en Burgerzaken"]),
        1,
        &[&format!("{TARGET} already exists")],
    );
    insta::assert_snapshot!(stderr, @"error: toetsplannen/V2-publiekszaken-en-burgerzaken.yaml already exists: toetsgen new never writes over a plan. Choose another code or name, or move that file away first");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# eigen werk\n");
}

/// A code that is no plan code, or one another plan has, is refused and nothing is written.
#[test]
fn new_refuses_bad_or_taken_codes() {
    let dir = tempfile::tempdir().unwrap();
    let (_, stderr) = exits(toetsgen(dir.path()).args(["new", "V-2", "Iets"]), 1, &[]);
    insta::assert_snapshot!(stderr, @"error: `V-2` is not a plan code: use 1 to 20 capital letters and digits, e.g. V2 (it becomes a folder name)");
    assert!(!dir.path().join("toetsplannen").exists());
    exits(
        toetsgen(dir.path()).args(["new", "v2", "Iets"]),
        1,
        &["`v2` is not a plan code: use 1 to 20 capital letters"],
    );
    assert!(!dir.path().join("toetsplannen").exists());
    exits(toetsgen(dir.path()).args(["new", "V2", "Eerste"]), 0, &[]);
    let (_, stderr) = exits(toetsgen(dir.path()).args(["new", "V2", "Tweede"]), 1, &[]);
    insta::assert_snapshot!(stderr, @"error: plan code V2 is already used by toetsplannen/V2-eerste.yaml: choose another code");
    assert!(!dir.path().join("toetsplannen/V2-tweede.yaml").exists());
}

/// A new plan is a concept: `check` passes it with warnings for the concept and each example
/// text still there; `build` leaves it out of the site and says so; without `concept: true` and
/// with its own texts it is published.
#[test]
fn a_new_plan_is_a_concept_until_ready() {
    let dir = tempfile::tempdir().unwrap();
    exits(
        toetsgen(dir.path()).args(["new", "V2", "Publiekszaken en Burgerzaken"]),
        0,
        &[],
    );
    let (_, stderr) = exits(
        toetsgen(dir.path()).arg("check"),
        0,
        &[
            "this plan is a concept: `toetsgen build` does not publish it",
            "this text is still the example `toetsgen new` wrote",
        ],
    );
    assert_eq!(stderr.matches("still the example").count(), 2, "{stderr}");
    let (stdout, _) = exits(
        toetsgen(dir.path()).args(["build", "--format", "md,html"]),
        0,
        &["is a concept (concept: true): it is checked but not published"],
    );
    assert!(!dir.path().join("output/V2").exists(), "{stdout}");
    let path = dir.path().join(TARGET);
    let text = std::fs::read_to_string(&path).unwrap();
    let ready = text
        .replace("concept: true\n", "")
        .replace(
            "Beschrijf hier waar de module over gaat",
            "De module gaat over publiekszaken",
        )
        .replace("Eerste onderdeel", "Balie")
        .replace(
            "Beschrijf hier wat de kandidaat moet kunnen.",
            "Kan een paspoort aanvragen.",
        );
    std::fs::write(&path, ready).unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["build", "--format", "md,html"]),
        0,
        &[],
    );
    assert!(
        !stderr.contains("concept") && !stderr.contains("example"),
        "{stderr}"
    );
    assert!(dir.path().join("output/V2/toetsplan.html").is_file());
}
