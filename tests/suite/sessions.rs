//! Session files and their candidates' exports, read through the library: one folder per broken
//! rule under `tests/fixtures/sessions/invalid/` with its messages and locations pinned in
//! `expected.snap` (insta), and the four spreadsheet dialects under `sessions/csv/` that must
//! give the same candidates.

use std::path::{Path, PathBuf};

use toetsgen::plan::diagnostic::Diagnostic;
use toetsgen::plan::load::{self, SourcePlan};
use toetsgen::plan::validate;
use toetsgen::session::{self, Kandidaat, validate::PlanStatus};

/// The plans of `dir`, each with whether it passes check.
fn plans(dir: &Path) -> Vec<(SourcePlan, bool)> {
    let files = load::discover(dir).unwrap();
    let loaded: Vec<SourcePlan> = files.iter().map(|f| load::load(f).unwrap()).collect();
    let checks = validate::validate_all(
        &loaded,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    );
    (loaded.into_iter().zip(checks))
        .map(|(sp, d)| (sp, !d.iter().any(Diagnostic::is_error)))
        .collect()
}

/// Reads the session `sessie.yaml` of `case` (relative to the repository, as messages show it)
/// against the plans of `plans_dir`, its messages in English (the language the snapshots pin;
/// the library speaks Dutch unless told otherwise).
fn read(
    case: &Path,
    plans_dir: &Path,
) -> Result<(session::Sessie, Vec<Diagnostic>), Vec<Diagnostic>> {
    toetsgen::base::lang::set(toetsgen::base::lang::Lang::En);
    let plans = plans(plans_dir);
    let status: Vec<PlanStatus<'_>> = (plans.iter())
        .map(|(sp, valid)| PlanStatus {
            plan: &sp.plan,
            file: &sp.display,
            valid: *valid,
            archived: &[],
        })
        .collect();
    session::read(
        &case.join("sessie.yaml"),
        &status,
        &toetsgen::document::pdf::can_print,
    )
}

fn cases(dir: &str) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| PathBuf::from(dir).join(e.unwrap().file_name()))
        .collect();
    cases.sort();
    cases
}

/// Every broken rule gives exactly its pinned messages, locations and shown lines, and nothing
/// is accepted from a session with an error; a case without a snapshot fails.
#[test]
fn each_bad_session_reports_its_pinned_message() {
    std::env::set_current_dir(crate::common::root()).unwrap();
    // The messages are made in this process, pinned in English.
    toetsgen::base::lang::set(toetsgen::base::lang::Lang::En);
    let cases = cases("tests/fixtures/sessions/invalid");
    assert!(cases.len() >= 18, "found {} cases", cases.len());
    for case in &cases {
        let own = case.join("plannen");
        let plans_dir = if own.is_dir() {
            own
        } else {
            PathBuf::from("tests/fixtures/seed")
        };
        let shown = match read(case, &plans_dir) {
            Ok((s, warnings)) => {
                let w: Vec<String> = warnings.iter().map(ToString::to_string).collect();
                format!(
                    "accepted: {} candidates\n{}",
                    s.kandidaten.len(),
                    w.join("\n")
                )
            }
            Err(problems) => {
                let p: Vec<String> = problems.iter().map(ToString::to_string).collect();
                format!("refused\n{}", p.join("\n"))
            }
        };
        insta::with_settings!({
            snapshot_path => std::fs::canonicalize(case).unwrap(),
            prepend_module_to_snapshot => false,
            omit_expression => true,
            description => case.display().to_string(),
        }, {
            insta::assert_snapshot!("expected", shown);
        });
    }
}

/// `;` in Windows-1252, `,` with quotes, tab with the columns in another order, and a BOM with
/// CRLF and spaced capitals in the header all give the same three candidates, accents intact;
/// only the Windows-1252 file gets a note saying so.
#[test]
fn every_csv_dialect_gives_the_same_candidates() {
    std::env::set_current_dir(crate::common::root()).unwrap();
    let expected = vec![
        Kandidaat {
            naam: "Renée Müller".into(),
            nummer: "2026-0012".into(),
            gemeente: Some("Den Haag".into()),
        },
        Kandidaat {
            naam: "Chloë van der Berg".into(),
            nummer: "2026-0013".into(),
            gemeente: Some("'s-Hertogenbosch".into()),
        },
        Kandidaat {
            naam: "Jürgen Evers".into(),
            nummer: "2026-0014".into(),
            gemeente: None,
        },
    ];
    let cases = cases("tests/fixtures/sessions/csv");
    assert_eq!(cases.len(), 4);
    for case in &cases {
        let (sessie, notes) = read(case, Path::new("tests/fixtures/seed"))
            .unwrap_or_else(|e| panic!("{}: {e:?}", case.display()));
        assert_eq!(sessie.kandidaten, expected, "{}", case.display());
        let note = notes.iter().any(|d| d.message.contains("Windows-1252"));
        assert_eq!(
            note,
            case.ends_with("puntkomma-1252"),
            "{}: {notes:?}",
            case.display()
        );
    }
}

/// The candidates' export is read once, as a plain file inside the session's folder and no more
/// than its limit (issue 20, item 9): a link to a file outside (never read, so nothing of it is
/// printed), a link to /dev/zero, a named pipe and a 3 GB sparse file are each refused at once
/// with the session's line, and the process stays small.
#[test]
fn the_candidates_file_is_read_safely() {
    let dir = crate::common::project(&[&crate::common::seed_v1()]);
    let sessies = dir.path().join("sessies");
    std::fs::create_dir_all(&sessies).unwrap();
    let session = std::fs::read_to_string(crate::common::fixture(
        "sessions/pakket/2026-12-04-delft.yaml",
    ))
    .unwrap();
    std::fs::write(
        sessies.join("s.yaml"),
        session.replace("kandidaten-delft.csv", "lijst.csv"),
    )
    .unwrap();
    let outside = dir.path().join("geheim.txt");
    std::fs::write(&outside, "naam;nummer\nGEHEIM;1\n").unwrap();
    let lijst = sessies.join("lijst.csv");
    type Make<'a> = Box<dyn Fn() + 'a>;
    let cases: [(&str, Make); 4] = [
        (
            "lies outside",
            Box::new(|| std::os::unix::fs::symlink(&outside, &lijst).unwrap()),
        ),
        (
            "lies outside",
            Box::new(|| std::os::unix::fs::symlink("/dev/zero", &lijst).unwrap()),
        ),
        (
            "not a plain file",
            Box::new(|| {
                let ok = std::process::Command::new("mkfifo")
                    .arg(&lijst)
                    .status()
                    .unwrap()
                    .success();
                assert!(ok, "mkfifo");
            }),
        ),
        (
            "larger than",
            Box::new(|| {
                std::fs::File::create(&lijst)
                    .unwrap()
                    .set_len(3 << 30)
                    .unwrap();
            }),
        ),
    ];
    for (why, make) in cases {
        let _ = std::fs::remove_file(&lijst);
        make();
        let started = std::time::Instant::now();
        let (_, stderr) = crate::common::exits(
            crate::common::toetsgen(dir.path()).args(["packet", "sessies/s.yaml"]),
            1,
            &["cannot read the candidates file", why],
        );
        assert!(!stderr.contains("GEHEIM"), "{stderr}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "{why}: took too long"
        );
    }
}
