//! One fixture per validation rule: each folder under `tests/fixtures/invalid/` holds a plan
//! that breaks one rule and `expected.snap`, an insta snapshot of the exact messages
//! `toetsgen check` prints (location and the offending line included) and its exit code. After a
//! deliberate change, run `cargo insta test --review` (or `INSTA_UPDATE=always cargo test`) and
//! review the diff.

use crate::common::{exits, fixture, outcome, toetsgen};

/// Every rule's fixture gives exactly its pinned message, location and exit code; a fixture
/// without a snapshot fails (insta writes a `.snap.new` to review), and a snapshot without a plan
/// fails too.
#[test]
fn each_rule_reports_its_pinned_message() {
    let dir = fixture("invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 40,
        "expected a fixture per rule, found {}",
        cases.len()
    );
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let has_plan = std::fs::read_dir(case)
            .unwrap()
            .any(|e| e.unwrap().path().extension().is_some_and(|x| x == "yaml"));
        assert!(has_plan, "{name}: fixture folder without a plan");
        let actual = without_today(&outcome(toetsgen(&dir).args(["check", "--plans", &name])));
        insta::with_settings!({
            snapshot_path => case,
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => format!("toetsgen check --plans {name}"),
        }, {
            insta::assert_snapshot!("expected", actual);
        });
    }
}

/// The message with today's date (which a rule about dates in the future names) as `[today]`,
/// so that the snapshot holds on every day.
fn without_today(message: &str) -> String {
    const SAID: &str = "today is ";
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(SAID) {
        let (before, after) = rest.split_at(at + SAID.len());
        out.push_str(before);
        let date = after.get(..10);
        match date.filter(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()) {
            Some(_) => {
                out.push_str("[today]");
                rest = &after[10..];
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// Errors stop a plan (exit 1); a warning alone does not (exit 0).
#[test]
fn errors_exit_1_and_warnings_exit_0() {
    let dir = fixture("invalid");
    exits(
        toetsgen(&dir).args(["check", "--plans", "toetsterm-prefix"]),
        1,
        &["error: "],
    );
    exits(
        toetsgen(&dir).args(["check", "--plans", "gewijzigd-before-ingangsdatum"]),
        0,
        &["warning: "],
    );
}
