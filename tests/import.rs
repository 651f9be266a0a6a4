//! `toetsgen import` as the office uses it: the seed (as text export and as Word document) gives
//! the repository's V1 plan; other exports import as pinned; every problem is reported with its
//! place, and nothing is written then; an existing file is never overwritten without --force.

mod common;

use std::path::Path;

use common::*;

/// Imports `source` in a scratch folder; returns (exit code, stderr, written YAML if any).
fn import(source: &Path, extra: &[&str]) -> (i32, String, Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = run(toetsgen(dir.path())
        .arg("import")
        .arg(source)
        .args(["-o", "plan.yaml"])
        .args(extra));
    let (_, stderr) = texts(&out);
    let yaml = std::fs::read_to_string(dir.path().join("plan.yaml")).ok();
    (out.status.code().unwrap_or(-1), stderr, yaml)
}

fn parse(yaml: &str) -> toetsgen::plan::model::Toetsplan {
    serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"))
}

fn repository_v1() -> toetsgen::plan::model::Toetsplan {
    toetsgen::plan::load::load(&root().join("toetsplannen/V1-dienstverlening.yaml"))
        .unwrap()
        .plan
}

/// The seed's text export imports to a plan equal, field by field, to the repository's V1.
#[test]
fn seed_text_export_gives_the_v1_plan() {
    let (code, stderr, yaml) = import(&fixture("seed-V1.txt"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(parse(&yaml.unwrap()), repository_v1());
    assert!(
        stderr.contains("note: beoordeling: 5 waarnemingen \"Klantgesprek\""),
        "the derived beoordeling is said: {stderr}"
    );
}

/// A Word document holding the seed's tables imports to the same plan.
#[test]
fn seed_word_document_gives_the_v1_plan() {
    let (code, stderr, yaml) = import(&fixture("import/seed-V1.docx"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(parse(&yaml.unwrap()), repository_v1());
}

/// Building the imported plan gives the same documents as building the repository's plan.
#[test]
fn imported_plan_builds_identical_documents() {
    let dir = project(&[]);
    let out = run(toetsgen(dir.path())
        .arg("import")
        .arg(fixture("seed-V1.txt")));
    assert!(out.status.success(), "{:?}", texts(&out));
    assert!(
        dir.path()
            .join("toetsplannen/V1-dienstverlening.yaml")
            .is_file(),
        "default file name"
    );
    build_ok(dir.path(), &[]);
    let reference = project(&[&root().join("toetsplannen/V1-dienstverlening.yaml")]);
    build_ok(reference.path(), &[]);
    for doc in [
        "toetsplan",
        "beoordelingsformulier",
        "instructie-beoordelaar",
        "opdracht-kandidaat",
    ] {
        for ext in ["md", "html", "pdf"] {
            let name = format!("output/V1/{doc}.{ext}");
            assert!(
                std::fs::read(dir.path().join(&name)).unwrap()
                    == std::fs::read(reference.path().join(&name)).unwrap(),
                "{name} differs"
            );
        }
    }
}

/// Every case under tests/fixtures/import/: a source that imports gives exactly its expected
/// YAML (which passes `toetsgen check`); a source with problems gives exactly its expected messages,
/// places included, exit code 1, and writes nothing.
#[test]
fn import_cases_give_their_pinned_outcome() {
    let bless = std::env::var_os("TOETSGEN_BLESS").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(fixture("import"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let source = ["source.txt", "source.docx"]
            .iter()
            .map(|f| case.join(f))
            .find(|p| p.exists())
            .expect("a source");
        let dir = tempfile::tempdir().unwrap();
        let out = run(toetsgen(dir.path())
            .arg("import")
            .arg(&source)
            .args(["-o", "plan.yaml"]));
        let (_, stderr) = texts(&out);
        let stderr = stderr.replace(&source.display().to_string(), "source");
        let written = std::fs::read_to_string(dir.path().join("plan.yaml")).ok();
        let (expected_file, actual) = match (name.starts_with("ok-"), &written) {
            (true, Some(yaml)) => (
                "expected.yaml",
                yaml.replace(&source.display().to_string(), "source"),
            ),
            (true, None) => {
                failures.push(format!("{name}: did not import: {stderr}"));
                continue;
            }
            (false, Some(_)) => {
                failures.push(format!("{name}: wrote a plan despite its problems"));
                continue;
            }
            (false, None) => (
                "expected.txt",
                format!("exit code: {}\n{stderr}", out.status.code().unwrap_or(-1)),
            ),
        };
        if name.starts_with("ok-") {
            let check = run(toetsgen(dir.path()).args(["check", "--plans", "."]));
            if !check.status.success() {
                failures.push(format!(
                    "{name}: the imported plan fails check: {:?}",
                    texts(&check)
                ));
            }
        }
        let path = case.join(expected_file);
        if bless {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{name}: {expected_file} missing"));
        if expected != actual {
            failures.push(format!(
                "--- {name}: expected\n{expected}\n--- actual\n{actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An existing file is not overwritten unless --force is given.
#[test]
fn existing_file_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), "van iemand anders").unwrap();
    let out = run(toetsgen(dir.path())
        .arg("import")
        .arg(fixture("seed-V1.txt"))
        .args(["-o", "plan.yaml"]));
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains(
            "plan.yaml already exists: give another file with -o, or overwrite it with --force"
        ),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap(),
        "van iemand anders"
    );
    let out = run(toetsgen(dir.path())
        .arg("import")
        .arg(fixture("seed-V1.txt"))
        .args(["-o", "plan.yaml", "--force"]));
    assert!(out.status.success());
    assert_eq!(
        parse(&std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap()),
        repository_v1()
    );
}
