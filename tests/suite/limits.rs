//! The limits too large for a committed fixture — a plan file over 2 MiB, more than 1,000
//! toetstermen — each pinned with its message (insta snapshots in tests/snapshots/); the plans are
//! generated here. The other limits have a fixture folder under tests/fixtures/invalid/.

use crate::common::*;

/// A plan with `terms` toetstermen, each with a text of `text_len` characters.
fn plan(terms: usize, text_len: usize) -> String {
    let mut s = String::from(
        "code: L1\nnaam: Limieten\ningangsdatum: 2021-09-01\nonderdelen:\n  - naam: Alles\n    toetstermen:\n",
    );
    let tekst = "k".repeat(text_len);
    for i in 1..=terms {
        s.push_str(&format!(
            "      - {{code: L1.{i:04}, tekst: {tekst}, gewijzigd: 2021-09-01, niveaus: [K]}}\n"
        ));
    }
    s
}

/// What `check` prints for one generated plan.
fn check(yaml: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plannen")).unwrap();
    std::fs::write(dir.path().join("plannen/limiet.yaml"), yaml).unwrap();
    outcome(toetsgen(dir.path()).args(["check", "--plans", "plannen"]))
}

/// A plan file over 2 MiB is refused before it is parsed, with its size and the limit.
#[test]
fn a_plan_file_over_2_mib_is_refused() {
    let yaml = plan(900, 2400);
    assert!(yaml.len() > 2 * 1024 * 1024);
    insta::assert_snapshot!("file_too_large", check(&yaml));
}

/// More than 1,000 toetstermen is an error pointing at the onderdelen; 1,000 pass.
#[test]
fn more_than_1000_toetstermen_are_refused() {
    insta::assert_snapshot!("too_many_toetstermen", check(&plan(1001, 1)));
    assert!(check(&plan(1000, 1)).starts_with("exit code: 0"));
}
