//! Versions an exam office can trust (issue 18): a built version goes into the plan archive
//! beside the plans; a plan whose content differs from the archived copy of its own version is
//! refused by `check` and `build` with both texts, and nothing is written; a correction of
//! wording goes through, recorded, and the documents say so.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::*;

const PLAN: &str = "toetsplannen/V1-dienstverlening.yaml";
const ARCHIVED: &str = "toetsplannen/archief/V1/2021-09-01.yaml";

/// The seed's V1 plan (the fixture copy).
fn v1() -> PathBuf {
    seed_v1()
}

/// Replaces `from` by `to` in the project's V1 plan (which must hold it).
fn edit(dir: &Path, from: &str, to: &str) {
    let path = dir.join(PLAN);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Every file under `dir` with the hash of its bytes.
fn contents(dir: &Path) -> BTreeMap<PathBuf, String> {
    each_file(dir, |p| toetsgen::fs::sha256(&std::fs::read(p).unwrap()))
}

/// What the program said on standard error, with today's date as `[today]`.
fn stderr_of(out: &std::process::Output) -> String {
    let today = chrono::Local::now().date_naive().to_string();
    texts(out).1.replace(&today, "[today]")
}

/// A build puts the version it published into the archive, byte for byte; `check` writes none.
#[test]
fn a_build_archives_the_version_it_publishes() {
    let dir = project(&[&v1()]);
    let out = run(toetsgen(dir.path()).arg("check"));
    assert!(out.status.success(), "{:?}", texts(&out));
    assert!(!dir.path().join("toetsplannen/archief").exists());
    let stdout = build_ok(dir.path(), &["--format", "md,html"]);
    assert!(
        stdout.contains(&format!("Archived version 2021-09-01 of V1 in {ARCHIVED}")),
        "{stdout}"
    );
    let archived = std::fs::read(dir.path().join(ARCHIVED)).unwrap();
    assert_eq!(archived, std::fs::read(v1()).unwrap());
    let again = build_ok(dir.path(), &["--format", "md,html"]);
    assert!(!again.contains("Archived"), "{again}");
}

/// A toetsterm's text edited without a new `gewijzigd` date is refused by `check` and `build`,
/// with the old and the new text and how to fix it (pinned); nothing under `output/` changes.
#[test]
fn an_edit_without_a_new_date_is_refused_with_both_texts() {
    let dir = project(&[&v1()]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let before = contents(&dir.path().join("output"));
    edit(
        dir.path(),
        "Reageert professioneel op emoties",
        "Reageert altijd professioneel op emoties",
    );
    let check = run(toetsgen(dir.path()).arg("check"));
    assert_eq!(check.status.code(), Some(1));
    let build = run(toetsgen(dir.path()).args(["build", "--format", "md,html"]));
    assert_eq!(build.status.code(), Some(1));
    assert_eq!(
        contents(&dir.path().join("output")),
        before,
        "output changed"
    );
    assert_eq!(
        std::fs::read(dir.path().join(ARCHIVED)).unwrap(),
        std::fs::read(v1()).unwrap()
    );
    let message = stderr_of(&check);
    // The error, after V1's readability warnings.
    let first = (message.split("\n\n"))
        .find(|b| b.starts_with("error"))
        .unwrap();
    insta::assert_snapshot!("edit_without_date", first);
    assert!(stderr_of(&build).contains(first), "{}", stderr_of(&build));
}

/// The same edit with a new date is a new version: built, archived beside the first.
#[test]
fn an_edit_with_a_new_date_is_a_new_version() {
    let dir = project(&[&v1()]);
    build_ok(dir.path(), &["--format", "md"]);
    change_v1_13(dir.path(), "2025-03-01");
    let stdout = build_ok(dir.path(), &["--format", "md"]);
    assert!(
        stdout.contains("Archived version 2025-03-01 of V1"),
        "{stdout}"
    );
    assert!(dir.path().join(ARCHIVED).is_file());
    assert!(
        dir.path()
            .join("toetsplannen/archief/V1/2025-03-01.yaml")
            .is_file()
    );
}

/// A typo fixed with a `correcties:` entry goes through: the archive holds the corrected plan,
/// and every document (Markdown, HTML, PDF read back) says "gecorrigeerd op".
#[test]
fn a_correction_goes_through_and_is_shown() {
    let dir = project(&[&v1()]);
    build_ok(dir.path(), &["--format", "md,html,pdf"]);
    edit(
        dir.path(),
        "Reageert professioneel op emoties",
        "Reageert professioneel op emoties,",
    );
    edit(
        dir.path(),
        "onderdelen:\n",
        "correcties:\n  - datum: 2026-11-30\n    reden: komma in V1.13\nonderdelen:\n",
    );
    let stdout = build_ok(dir.path(), &["--format", "md,html,pdf"]);
    assert!(
        stdout.contains("Archived the correction of version 2021-09-01 of V1"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(dir.path().join(ARCHIVED)).unwrap(),
        std::fs::read(dir.path().join(PLAN)).unwrap()
    );
    let label = "1 september 2021, gecorrigeerd op 30 november 2026";
    let out = dir.path().join("output/V1");
    for doc in [
        "toetsplan",
        "beoordelingsformulier",
        "instructie-beoordelaar",
        "opdracht-kandidaat",
    ] {
        let md = std::fs::read_to_string(out.join(format!("{doc}.md"))).unwrap();
        assert!(md.contains(label), "{doc}.md");
        assert!(
            html_text(&out.join(format!("{doc}.html"))).contains(label),
            "{doc}.html"
        );
        assert!(
            pdf_text(&out.join(format!("{doc}.pdf"))).contains(label),
            "{doc}.pdf"
        );
    }
}

/// A correction may change only wording: a changed level with a new correction is refused.
#[test]
fn a_correction_cannot_change_a_level() {
    let dir = project(&[&v1()]);
    build_ok(dir.path(), &["--format", "md"]);
    edit(dir.path(), "niveaus: [PV]", "niveaus: [RV]");
    edit(
        dir.path(),
        "onderdelen:\n",
        "correcties:\n  - datum: 2026-11-30\n    reden: niveau verbeterd\nonderdelen:\n",
    );
    let out = run(toetsgen(dir.path()).arg("check"));
    assert_eq!(out.status.code(), Some(1));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("field `niveaus` differs from version 2021-09-01"),
        "{stderr}"
    );
    assert!(
        stderr.contains("a correction may change only wording"),
        "{stderr}"
    );
}

/// A plan whose version is older than the newest archived one is refused: a version label is
/// never given to other content by going back in time.
#[test]
fn a_version_older_than_the_archive_is_refused() {
    let dir = project(&[&v1()]);
    let newer = dir.path().join("toetsplannen/archief/V1/2025-03-01.yaml");
    std::fs::create_dir_all(newer.parent().unwrap()).unwrap();
    let text = std::fs::read_to_string(v1()).unwrap();
    std::fs::write(
        &newer,
        text.replacen("onderdelen:\n", "gewijzigd: 2025-03-01\nonderdelen:\n", 1),
    )
    .unwrap();
    let out = run(toetsgen(dir.path()).arg("check"));
    assert_eq!(out.status.code(), Some(1));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("this plan is version 2021-09-01, older than version 2025-03-01 that was already published"),
        "{stderr}"
    );
}

/// With two plans, one that becomes invalid (a rule broken, or not YAML at all) leaves the
/// site-wide pages exactly as the last good build left them, and its own pages too; the build
/// says so and exits 1, and the other plan still builds.
#[test]
fn a_broken_plan_harms_nothing() {
    let dir = project(&[&v1(), &fixture("plans/B2-theorie.yaml")]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let out = dir.path().join("output");
    let site = [
        "index.html",
        "zoekindex.js",
        "wijzigingen.html",
        "V1/index.html",
        "V1/toetsplan.html",
    ];
    let before: Vec<Vec<u8>> = site
        .iter()
        .map(|f| std::fs::read(out.join(f)).unwrap())
        .collect();
    let broken = [
        ("niveaus: [PV]", "niveaus: [XX]"),
        ("onderdelen:\n", "onderdelen: [\n"),
    ];
    for (from, to) in broken {
        let text = std::fs::read_to_string(v1()).unwrap();
        let bad = text.replacen(from, to, 1);
        assert!(bad != text, "the edit {from:?} changed nothing");
        std::fs::write(dir.path().join(PLAN), bad).unwrap();
        let result = run(toetsgen(dir.path()).args(["build", "--format", "md,html"]));
        assert_eq!(result.status.code(), Some(1), "{:?}", texts(&result));
        let after: Vec<Vec<u8>> = site
            .iter()
            .map(|f| std::fs::read(out.join(f)).unwrap())
            .collect();
        for ((file, a), b) in site.iter().zip(&before).zip(&after) {
            assert!(a == b, "{file} changed after {to:?}");
        }
        assert!(stderr_of(&result).contains("1 plan not built because of the errors above"));
    }
}

/// Every published version is rebuilt from the plan archive: build V1, change it with a new date,
/// build, copy `output/` aside, delete it, build again: every file of both versions is the same,
/// byte for byte, and the earlier version's documents say that they were replaced.
#[test]
fn every_version_is_rebuilt_byte_identical_from_the_archive() {
    let dir = project(&[&v1()]);
    build_ok(dir.path(), &[]);
    change_v1_13(dir.path(), "2025-03-01");
    let stdout = build_ok(dir.path(), &[]);
    assert!(stdout.contains("1 earlier version kept"), "{stdout}");
    let out = dir.path().join("output");
    let before: BTreeMap<PathBuf, String> = contents(&out)
        .into_iter()
        .filter(|(p, _)| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".toetsgen")
        })
        .collect();
    assert_eq!(
        before
            .keys()
            .filter(|p| p.to_string_lossy().contains("versies/2021-09-01/"))
            .count(),
        13,
        "12 documents and the form's scan layout"
    );
    std::fs::remove_dir_all(&out).unwrap();
    build_ok(dir.path(), &[]);
    let after: BTreeMap<PathBuf, String> = contents(&out)
        .into_iter()
        .filter(|(p, _)| {
            !p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".toetsgen")
        })
        .collect();
    assert_eq!(before, after);
    let kept = out.join("V1/versies/2021-09-01");
    let replaced = "Vervangen. Deze versie is vervangen door de versie van 1 maart 2025";
    for doc in [
        "toetsplan",
        "beoordelingsformulier",
        "instructie-beoordelaar",
        "opdracht-kandidaat",
    ] {
        assert!(
            pdf_text(&kept.join(format!("{doc}.pdf"))).contains(replaced),
            "{doc}.pdf"
        );
        assert!(
            html_text(&kept.join(format!("{doc}.html"))).contains(replaced),
            "{doc}.html"
        );
        let md = std::fs::read_to_string(kept.join(format!("{doc}.md"))).unwrap();
        assert!(
            md.contains(
                "> **Vervangen.** Deze versie is vervangen door de versie van 1 maart 2025"
            ),
            "{doc}.md"
        );
        assert!(
            pdf_text(&kept.join(format!("{doc}.pdf")))
                .contains("Reageert professioneel op emoties")
        );
    }
    let html = std::fs::read_to_string(kept.join("toetsplan.html")).unwrap();
    assert!(
        html.contains("href=\"../../toetsplan.html\""),
        "the link to the version that replaced it"
    );
}

/// After a change with a new date, `changes` (table and JSON), the Wijzigingen page and the
/// plan's page show the old text beside the new, the changed words marked; a removed toetsterm
/// is listed as removed.
#[test]
fn changes_show_old_and_new_text_with_the_changed_words_marked() {
    let dir = project(&[&v1()]);
    build_ok(dir.path(), &["--format", "md,html"]);
    change_v1_13(dir.path(), "2025-03-01");
    // V1.20 leaves the plan in the new version.
    let text = std::fs::read_to_string(dir.path().join(PLAN)).unwrap();
    let cut = text.find("      - code: V1.20").unwrap();
    std::fs::write(dir.path().join(PLAN), &text[..cut]).unwrap();
    build_ok(dir.path(), &["--format", "md,html"]);
    let table = run(toetsgen(dir.path()).args(["changes", "--since", "2025-01-01"]));
    let (stdout, stderr) = texts(&table);
    assert!(table.status.success(), "{stderr}");
    assert!(
        stdout
            .contains("V1    V1.13      2025-03-01  Reageert {+altijd +}professioneel op emoties:"),
        "{stdout}"
    );
    assert!(
        stdout.contains("V1    V1.20      2025-03-01  (verwijderd) Koppelt, waar nodig"),
        "{stdout}"
    );
    let json =
        run(toetsgen(dir.path()).args(["changes", "--since", "2025-01-01", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let term = &json[0]["toetstermen"][0];
    assert!(
        term["oud"]
            .as_str()
            .unwrap()
            .starts_with("Reageert professioneel")
    );
    assert_eq!(
        term["verschil"][1],
        serde_json::json!({"soort": "nieuw", "tekst": "altijd "})
    );
    assert_eq!(json[0]["verwijderd"][0]["code"], "V1.20");
    // The page without the soft hyphens of its long words (document::hyphenate).
    let site = std::fs::read_to_string(dir.path().join("output/wijzigingen.html"))
        .unwrap()
        .replace('\u{AD}', "");
    assert!(
        site.contains("<td>Reageert <ins>altijd </ins>professioneel op emoties"),
        "wijzigingen.html"
    );
    assert!(
        site.contains("<strong>Verwijderd:</strong> <del>Koppelt, waar nodig"),
        "wijzigingen.html"
    );
    let page = std::fs::read_to_string(dir.path().join("output/V1/index.html"))
        .unwrap()
        .replace('\u{AD}', "");
    assert!(page.contains("<h3>Versie 1 maart 2025</h3>"), "plan page");
    assert!(
        page.contains("<strong>V1.13</strong>: Reageert <ins>altijd </ins>professioneel"),
        "plan page"
    );
}
