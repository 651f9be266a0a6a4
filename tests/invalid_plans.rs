//! One fixture per validation rule: each folder under `tests/fixtures/invalid/` holds a plan
//! that breaks one rule and `expected.txt`, the exact messages `toetsgen check` must print
//! (location included) and its exit code. Run with `TOETSGEN_BLESS=1` to rewrite the expected
//! files after a deliberate change, then review the diff.

mod common;

use common::{fixture, run, texts, toetsgen};

/// Every rule's fixture gives exactly its pinned message, location and exit code; a fixture
/// without an expected file, or an expected file without a plan, fails the test.
#[test]
fn each_rule_reports_its_pinned_message() {
    let dir = fixture("invalid");
    let bless = std::env::var_os("TOETSGEN_BLESS").is_some();
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 25,
        "expected a fixture per rule, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let has_plan = std::fs::read_dir(case)
            .unwrap()
            .any(|e| e.unwrap().path().extension().is_some_and(|x| x == "yaml"));
        let expected_path = case.join("expected.txt");
        assert!(has_plan, "{name}: fixture folder without a plan");
        let out = run(toetsgen(&dir).args(["check", "--plans", &name]));
        let (_, stderr) = texts(&out);
        let actual = format!("exit code: {}\n{}", out.status.code().unwrap_or(-1), stderr);
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
            panic!("{name}: expected.txt is missing (run with TOETSGEN_BLESS=1)")
        });
        if expected != actual {
            failures.push(format!(
                "--- {name}: expected\n{expected}\n--- actual\n{actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Errors stop a plan (exit 1); a warning alone does not (exit 0).
#[test]
fn errors_exit_1_and_warnings_exit_0() {
    let dir = fixture("invalid");
    let out = run(toetsgen(&dir).args(["check", "--plans", "toetsterm-prefix"]));
    assert_eq!(out.status.code(), Some(1));
    let out = run(toetsgen(&dir).args(["check", "--plans", "gewijzigd-before-ingangsdatum"]));
    assert_eq!(out.status.code(), Some(0), "{:?}", texts(&out));
}
