//! `toetsgen import` keeps its contract with the plans folder: it writes only a plan that passes
//! `toetsgen check` beside the plans already there. A plan code that a plan in the folder has is
//! refused (nothing written, the file with the code named), unless --force, which replaces that
//! very file so that one plan keeps the code; --force with -o naming another file is refused.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::*;

/// Every file under `dir` with its bytes: the folder as it is, to compare before and after.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    crate::common::each_file(dir, |p| std::fs::read(p).unwrap())
}

/// A project whose plans folder holds the repository's V1 plan under another name,
/// `toetsplannen/sub/v1-oud.yaml`, and the fixture plan B2; `edit` changes the V1 text first.
fn project_with_v1(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = project(&[&fixture("plans/B2-theorie.yaml")]);
    let v1 = std::fs::read_to_string(seed_v1()).unwrap();
    let sub = dir.path().join("toetsplannen/sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("v1-oud.yaml"), edit(v1)).unwrap();
    dir
}

/// Runs `toetsgen import <seed> <args>` in `dir`: exit code, stdout, stderr.
fn import_seed(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = run(toetsgen(dir)
        .arg("import")
        .arg(fixture("seed-V1.txt"))
        .args(args));
    let (stdout, stderr) = texts(&out);
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// The seed export as the messages name it.
fn seed() -> String {
    fixture("seed-V1.txt").display().to_string()
}

/// A case of a refused import: its name, the arguments after the export, and the edit of the
/// folder's V1 plan.
type Case = (&'static str, &'static [&'static str], fn(String) -> String);

/// The refusal when the plans folder already has plan code V1 (in `toetsplannen/sub/v1-oud.yaml`).
const REFUSED: &str = "error: plan code V1 is already used by toetsplannen/sub/v1-oud.yaml, so nothing was written: to replace that plan with the import, run again with --force (the next `toetsgen build` then makes it a new version of V1 when its dates changed); to keep both, give one of them another code\n";

/// A plan code the plans folder has is refused, naming the file that has it, with exit code 1
/// and not a byte changed: to the default file name, to a new file named with -o (the plan
/// would then be a second V1 beside the folder's), and when the folder's plan writes its code
/// in another case and with spaces (compared as `check` compares codes).
#[test]
fn an_existing_code_is_refused_and_nothing_written() {
    let cases: [Case; 3] = [
        ("default file name", &[], |v1| v1),
        (
            "-o a new file",
            &["-o", "toetsplannen/V1-nieuw.yaml"],
            |v1| v1,
        ),
        ("code in another case", &[], |v1| {
            let changed = v1.replacen("\ncode: V1\n", "\ncode: ' v1 '\n", 1);
            assert_ne!(changed, v1, "the plan's code line is `code: V1`");
            changed
        }),
    ];
    for (case, args, edit) in cases {
        let dir = project_with_v1(edit);
        let before = files(dir.path());
        let (code, stdout, stderr) = import_seed(dir.path(), args);
        assert_eq!(code, 1, "{case}: {stdout}{stderr}");
        assert_eq!(stderr, REFUSED, "{case}");
        assert_eq!(stdout, "", "{case}");
        assert!(files(dir.path()) == before, "{case}: the project changed");
    }
}

/// The plans folder is the one --plans names: its plan's code is refused, and without a
/// conflict the plan is written into it as <CODE>-<naam>.yaml.
#[test]
fn plans_option_names_the_folder_checked_and_written() {
    let dir = tempfile::tempdir().unwrap();
    let plannen = dir.path().join("plannen");
    std::fs::create_dir_all(&plannen).unwrap();
    std::fs::copy(seed_v1(), plannen.join("v1.yaml")).unwrap();
    let (code, _, stderr) = import_seed(dir.path(), &["--plans", "plannen"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with(
            "error: plan code V1 is already used by plannen/v1.yaml, so nothing was written"
        ),
        "{stderr}"
    );
    std::fs::remove_file(plannen.join("v1.yaml")).unwrap();
    let (code, stdout, stderr) = import_seed(dir.path(), &["--plans", "plannen"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!(
            "Imported {} into plannen/V1-dienstverlening.yaml: plan V1, 4 onderdelen, 20 toetstermen\n",
            seed()
        )
    );
    assert!(plannen.join("V1-dienstverlening.yaml").is_file());
    assert!(!dir.path().join("toetsplannen").exists());
}

/// The YAML an import of the seed writes to `rel` in a folder without plans: the bytes a
/// replacement at `rel` must have.
fn imported_bytes(rel: &str) -> Vec<u8> {
    let scratch = tempfile::tempdir().unwrap();
    let (code, _, stderr) = import_seed(scratch.path(), &["-o", rel]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::read(scratch.path().join(rel)).unwrap()
}

/// The plan files under `dir`'s plans folder whose code is V1.
fn files_with_v1(dir: &Path) -> Vec<PathBuf> {
    files(&dir.join("toetsplannen"))
        .into_keys()
        .filter(|rel| {
            let plan = toetsgen::plan::load::load(&dir.join("toetsplannen").join(rel)).unwrap();
            plan.plan.code.trim().eq_ignore_ascii_case("V1")
        })
        .collect()
}

/// --force replaces the file that has the code, under its own name: one file with code V1
/// afterwards, holding exactly what the import writes; the other plans untouched; the folder
/// passes `check`; the success line says which plan was replaced and what the next build does.
#[test]
fn force_replaces_the_file_that_has_the_code() {
    let dir = project_with_v1(|v1| v1);
    let before = files(dir.path());
    let (code, stdout, stderr) = import_seed(dir.path(), &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!(
            "Imported {} into toetsplannen/sub/v1-oud.yaml, replacing the plan V1 that was there: 4 onderdelen, 20 toetstermen; its latest change date is still 2021-09-01, so the next `toetsgen build` makes no new version of it\n",
            seed()
        )
    );
    assert!(
        !stderr.contains("warning"),
        "same plan, same dates: {stderr}"
    );
    assert_eq!(
        files_with_v1(dir.path()),
        [PathBuf::from("sub/v1-oud.yaml")]
    );
    let after = files(dir.path());
    let replaced = Path::new("toetsplannen/sub/v1-oud.yaml");
    assert_eq!(
        after[replaced],
        imported_bytes("toetsplannen/sub/v1-oud.yaml")
    );
    assert_ne!(after[replaced], before[replaced], "the file was replaced");
    let others = |all: &BTreeMap<PathBuf, Vec<u8>>| {
        let mut all = all.clone();
        all.remove(replaced);
        all
    };
    assert!(
        others(&after) == others(&before),
        "only the V1 file changed"
    );
    let check = run(toetsgen(dir.path()).arg("check"));
    assert!(check.status.success(), "{:?}", texts(&check));
}

/// A replacement with later dates is said to make a new version at the next build, and it does:
/// the build after the import keeps the replaced plan's version as an earlier one.
#[test]
fn force_with_new_dates_makes_a_new_version() {
    let dir = project_with_v1(|v1| v1.replace("2021-09-01", "2020-09-01"));
    build_ok(dir.path(), &["--format", "md"]);
    let (code, stdout, stderr) = import_seed(dir.path(), &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with("; its latest change date is now 2021-09-01 (was 2020-09-01), so the next `toetsgen build` makes it a new version of V1\n"),
        "{stdout}"
    );
    assert!(!stderr.contains("warning"), "{stderr}");
    build_ok(dir.path(), &["--format", "md"]);
    assert!(
        (dir.path().join("output/V1/versies/2020-09-01/toetsplan.md")).is_file(),
        "the replaced version is kept"
    );
}

/// A replacement whose dates go back is done as asked, with a warning that the export may not
/// be the newest text.
#[test]
fn force_with_older_dates_warns() {
    let dir =
        project_with_v1(|v1| v1.replacen("gewijzigd: 2021-09-01", "gewijzigd: 2024-03-01", 1));
    let (code, stdout, stderr) = import_seed(dir.path(), &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.ends_with("; its latest change date is now 2021-09-01 (was 2024-03-01), so the next `toetsgen build` makes it a new version of V1\n"),
        "{stdout}"
    );
    assert!(
        stderr.contains(&format!(
            "warning: the imported plan's latest change date (2021-09-01) is before that of the plan it replaced (2024-03-01): check that {} is the newest text of plan V1\n",
            seed()
        )),
        "{stderr}"
    );
}

/// A replacement that changes the plan but none of its dates is done, with a warning that no new
/// version will be made.
#[test]
fn force_with_other_text_and_same_dates_warns() {
    let dir = project_with_v1(|v1| {
        let changed = v1.replacen("Kan actief hulp bieden", "Kan actief hulp geven", 1);
        assert_ne!(changed, v1);
        changed
    });
    let (code, _, stderr) = import_seed(dir.path(), &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: the imported plan V1 differs from the one it replaced, but its latest change date did not change (2021-09-01): the next `toetsgen build` makes no new version of it. If the text of a toetsterm changed, set that toetsterm's `gewijzigd` date in toetsplannen/sub/v1-oud.yaml to the day of the change\n"),
        "{stderr}"
    );
}

/// --force with -o naming a file other than the one with the code is refused (two files would
/// have the code), nothing written; -o naming that very file replaces it.
#[test]
fn force_with_output_elsewhere_is_refused() {
    let dir = project_with_v1(|v1| v1);
    let before = files(dir.path());
    for elsewhere in ["toetsplannen/V1-dienstverlening.yaml", "elders.yaml"] {
        let (code, stdout, stderr) = import_seed(dir.path(), &["--force", "-o", elsewhere]);
        assert_eq!(code, 1, "{stdout}{stderr}");
        assert_eq!(
            stderr,
            format!(
                "error: with --force the import replaces toetsplannen/sub/v1-oud.yaml, the plan with code V1, but -o names {elsewhere}: two files would then have code V1, so nothing was written. Leave out -o to replace toetsplannen/sub/v1-oud.yaml\n"
            )
        );
        assert!(
            files(dir.path()) == before,
            "-o {elsewhere}: the project changed"
        );
    }
    let same = "./toetsplannen/sub/../sub/v1-oud.yaml";
    let (code, _, stderr) = import_seed(dir.path(), &["--force", "-o", same]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        files_with_v1(dir.path()),
        [PathBuf::from("sub/v1-oud.yaml")]
    );
}

/// Two files that already share the code (a folder `check` fails) are named, and nothing is
/// written, with or without --force: replacing one would still leave two.
#[test]
fn a_code_two_files_have_is_refused_even_with_force() {
    let dir = project_with_v1(|v1| v1);
    std::fs::copy(seed_v1(), dir.path().join("toetsplannen/v1-kopie.yaml")).unwrap();
    let before = files(dir.path());
    for args in [&[][..], &["--force"][..]] {
        let (code, _, stderr) = import_seed(dir.path(), args);
        assert_eq!(code, 1);
        assert_eq!(
            stderr,
            "error: plan code V1 is already used by toetsplannen/sub/v1-oud.yaml and toetsplannen/v1-kopie.yaml, so nothing was written: keep one plan with code V1 (`toetsgen check` shows them), then import again\n"
        );
        assert!(files(dir.path()) == before);
    }
}
