//! `toetsgen schema` and the schema `build` writes: checked with an independent JSON Schema
//! validator (the `jsonschema` crate, draft-07, formats checked) against every fixture plan, and
//! against every invalid-plan fixture whose fault one field can show.

use std::path::{Path, PathBuf};

use crate::common::{build_ok, exits, fixture, project, run, seed_v1, toetsgen};

/// Invalid-plan fixtures the schema must refuse: one field shows the fault by itself (an empty
/// file is no object; a date that does not exist fails the `date` format).
const REFUSED: &[&str] = &[
    "date-format",
    "date-impossible",
    "file-empty",
    "level-missing",
    "level-not-a-list",
    "level-twice",
    "level-unknown",
    "missing-field",
    "naam-null",
    "onderdeel-without-toetstermen",
    "onderdelen-empty",
    "opdrachten-negative",
    "plan-code-format",
    "plan-code-too-long",
    "schaal-one-value",
    "soort-unknown",
    "text-empty",
    "text-too-long",
    "toetsterm-code-too-long",
    "unknown-field",
    "waarnemingen-too-many",
    "waarnemingen-zero",
    "yaml-wide-space-at-start",
];

/// Invalid-plan fixtures beyond a schema: rules between fields or plans, dates judged against
/// the calendar or today, limits of the file itself, and YAML that is no JSON document at all.
const BEYOND_A_SCHEMA: &[&str] = &[
    "aantal-vragen-sum",
    "beoordeling-missing",
    "control-character-escaped",
    "control-character-raw",
    "date-before-1970",
    "file-not-utf8",
    "gewijzigd-before-ingangsdatum",
    "gewijzigd-future",
    "leesbaarheid",
    "leesbaarheid-3f",
    "minimaal-goed-too-high",
    "minimaal-goed-without-vragen",
    "minimaal-voldoende-too-high",
    "nesting-too-deep",
    "nul-byte",
    "opdrachten-sum",
    "opdrachten-without-totaal",
    "plan-code-twice",
    "toetsterm-code-twice",
    "toetsterm-prefix",
    "too-many-problems",
    "verplicht-unknown",
    "vragen-with-waarnemingen",
    "vragen-without-opdrachten",
    "yaml-alias-bomb",
    "yaml-duplicate-field",
    "yaml-malformed",
    "yaml-tab-indentation",
    "yaml-two-documents",
];

/// The schema as `toetsgen schema` prints it.
fn printed_schema() -> serde_json::Value {
    let empty = tempfile::tempdir().unwrap();
    let (stdout, _) = exits(toetsgen(empty.path()).arg("schema"), 0, &[]);
    serde_json::from_str(&stdout).expect("the schema is JSON")
}

/// A draft-07 validator of the schema, checking formats (such as `date`) too, as editors do.
fn validator() -> jsonschema::Validator {
    jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&printed_schema())
        .expect("the schema is a valid draft-07 schema")
}

/// A plan file read as the YAML language server reads it: YAML into a JSON value.
fn as_json(path: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_yaml::from_str(&text).ok()
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

/// The printed schema is draft-07 and describes the plan in Dutch.
#[test]
fn schema_is_draft_07_with_dutch_descriptions() {
    let schema = printed_schema();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    let code = schema["properties"]["code"]["description"]
        .as_str()
        .unwrap();
    assert!(code.contains("letters en cijfers"), "{code}");
}

/// The shipped V1 plan (its fixture copy) and every fixture plan pass the schema.
#[test]
fn every_fixture_plan_validates() {
    let validator = validator();
    let mut plans = yaml_files(&fixture("seed"));
    plans.extend(yaml_files(&fixture("plans")));
    assert!(plans.len() >= 4, "{plans:?}");
    for plan in plans {
        let value = as_json(&plan).unwrap_or_else(|| panic!("{} is YAML", plan.display()));
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", plan.display());
    }
}

/// Each invalid-plan fixture a schema can express is refused; every fixture is classified, so a
/// new rule's fixture must be placed in one list or the other.
#[test]
fn schema_refuses_what_one_field_shows() {
    let validator = validator();
    let dir = fixture("invalid");
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    for case in &cases {
        let refused = REFUSED.contains(&case.as_str());
        assert!(
            refused != BEYOND_A_SCHEMA.contains(&case.as_str()),
            "{case}: put it in exactly one of REFUSED and BEYOND_A_SCHEMA"
        );
        if refused {
            let plan = yaml_files(&dir.join(case)).remove(0);
            let value = as_json(&plan).unwrap_or_else(|| panic!("{case} is YAML"));
            assert!(!validator.is_valid(&value), "{case} must be refused");
        }
    }
}

/// `build` writes the schema beside the site, records it, and leaves it alone when unchanged.
#[test]
fn build_writes_and_records_the_schema() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md"]);
    let written = std::fs::read(dir.path().join("output/toetsplan.schema.json")).unwrap();
    let printed = run(toetsgen(dir.path()).arg("schema")).stdout;
    assert_eq!(written, printed);
    let record = std::fs::read_to_string(dir.path().join("output/.toetsgen.json")).unwrap();
    let record: serde_json::Value = serde_json::from_str(&record).unwrap();
    let site = record["site"].as_array().unwrap();
    assert!(site.contains(&"toetsplan.schema.json".into()), "{site:?}");
    let again = build_ok(dir.path(), &["--format", "md"]);
    assert!(again.starts_with("Nothing to do"), "{again}");
}

/// A file of someone else's at the schema's place is left alone, and the build says so.
#[test]
fn build_leaves_a_foreign_schema_file_alone() {
    let dir = project(&[&seed_v1()]);
    let output = dir.path().join("output");
    std::fs::create_dir_all(&output).unwrap();
    std::fs::write(output.join("toetsplan.schema.json"), "{\"eigen\": true}").unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["build", "--format", "md"]),
        1,
        &[],
    );
    // The error, after V1's readability warnings.
    let stderr = &stderr[stderr.find("error: ").expect("an error")..];
    insta::assert_snapshot!(stderr, @"error: the plans' JSON Schema was not written: output/toetsplan.schema.json was not written by toetsgen (the build record .toetsgen.json does not list it), so it is left alone: move it elsewhere, or run `toetsgen build --force` to overwrite it");
    let kept = std::fs::read_to_string(output.join("toetsplan.schema.json")).unwrap();
    assert_eq!(kept, "{\"eigen\": true}");
}
