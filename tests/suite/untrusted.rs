//! The output folder and its build record are input like a plan: whatever the record says and
//! whatever links or files someone put in the folder, a build never reads, writes, copies or
//! removes anything outside it, and never replaces or removes a file it did not write.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::*;

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    each_file(dir, |p| std::fs::read(p).unwrap())
}

/// A decoy folder beside the project, with a file the build must never touch.
fn decoy(project: &Path) -> PathBuf {
    let decoy = project.join("decoy");
    std::fs::create_dir_all(decoy.join("V1")).unwrap();
    for name in ["a.md", "V1/toetsplan.md", "V1/toetsplan.pdf"] {
        std::fs::write(decoy.join(name), format!("van iemand anders: {name}")).unwrap();
    }
    decoy
}

/// A record edited to point outside the output folder — relative `..`, absolute paths, foreign
/// plan codes and versions — changes nothing outside it; the build says what it ignored.
#[test]
fn hostile_record_entries_are_ignored() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let decoy = decoy(dir.path());
    let before = snapshot(&decoy);
    let record_path = dir.path().join("output/.toetsgen.json");
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&record_path).unwrap()).unwrap();
    let hash = "0".repeat(64);
    let outside = [
        "../decoy/a.md".to_owned(),
        format!("{}/a.md", decoy.display()),
        "V1/../../decoy/a.md".to_owned(),
    ];
    let v1 = &mut record["plannen"]["V1"];
    for path in &outside {
        v1["bestanden"][path] = serde_json::json!({ "sha256": hash });
    }
    v1["versie"] = "2000-01-01".into();
    v1["eerdere_versies"]["../../decoy"] = serde_json::json!(outside);
    v1["eerdere_versies"]["2001-01-01"] = serde_json::json!(outside);
    let gone = serde_json::json!({
        "bron": "weg.yaml", "bron_sha256": hash, "versie": "2021-09-01",
        "bestanden": { "../decoy/V1/toetsplan.md": { "sha256": hash } }
    });
    record["plannen"]["../decoy"] = gone.clone();
    record["plannen"]["X9"] = gone;
    let site = record["site"].as_array_mut().unwrap();
    site.push("../decoy/a.md".into());
    site.push("/etc/hostname".into());
    std::fs::write(&record_path, serde_json::to_string(&record).unwrap()).unwrap();

    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["build", "--format", "md,html"]),
        0,
        &[],
    );
    assert_eq!(
        stderr.matches("ignored in the build record").count(),
        11,
        "{stderr}"
    );
    stable(dir.path()).bind(|| insta::assert_snapshot!("hostile_record", stderr));
    assert_eq!(
        snapshot(&decoy),
        before,
        "a file outside the output folder changed"
    );
    assert!(
        !dir.path()
            .join("output/V1/versies/2000-01-01/a.md")
            .exists()
    );
}

/// Links in the output folder that lead outside are never followed: the plan fails naming the
/// link, and the files they lead to stay as they were.
#[test]
fn links_in_the_output_folder_are_not_followed() {
    let dir = project(&[&seed_v1()]);
    let decoy = decoy(dir.path());
    let before = snapshot(&decoy);
    let output = dir.path().join("output");
    std::fs::create_dir_all(&output).unwrap();
    std::os::unix::fs::symlink(decoy.join("V1"), output.join("V1")).unwrap();
    let (_, stderr) = exits(toetsgen(dir.path()).args(["build"]), 1, &[]);
    stable(dir.path()).bind(|| insta::assert_snapshot!("link_in_output", stderr));
    assert_eq!(snapshot(&decoy), before, "a file behind a link changed");
}

/// A hand-made file at a generated path survives a build, which fails for that plan and names
/// the file and the way out; with --force it is replaced.
#[test]
fn a_file_the_build_did_not_write_is_left_alone() {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    let mine = dir.path().join("output/V1/toetsplan.md");
    std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
    std::fs::write(&mine, "mijn eigen toetsplan").unwrap();
    std::fs::write(dir.path().join("output/index.html"), "mijn eigen site").unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["build", "--format", "md,html"]),
        1,
        &[],
    );
    insta::assert_snapshot!("file_not_written_by_toetsgen", stderr);
    assert_eq!(
        std::fs::read_to_string(&mine).unwrap(),
        "mijn eigen toetsplan"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("output/index.html")).unwrap(),
        "mijn eigen site"
    );
    assert!(
        dir.path().join("output/B2/toetsplan.md").exists(),
        "the other plan is built"
    );
    assert!(
        !dir.path()
            .join("output/V1/beoordelingsformulier.md")
            .exists(),
        "nothing of V1 is written"
    );
    build_ok(dir.path(), &["--format", "md,html", "--force"]);
    assert_ne!(
        std::fs::read_to_string(&mine).unwrap(),
        "mijn eigen toetsplan"
    );
}

/// An output folder that is, lies inside, or holds the plans or templates folder is refused
/// before anything is written.
#[test]
fn output_must_stand_apart_from_what_is_read() {
    let dir = project(&[&seed_v1()]);
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    let mut messages = String::new();
    for (output, what) in [
        ("toetsplannen", "is the plans folder"),
        ("toetsplannen/output", "lies inside the plans folder"),
        (".", "holds the plans folder"),
        ("templates", "is the templates folder"),
    ] {
        let (_, stderr) = exits(
            toetsgen(dir.path()).args(["build", "--format", "md", "--output", output]),
            1,
            &[what],
        );
        messages.push_str(&format!("--output {output}\n{stderr}"));
    }
    stable(dir.path()).bind(|| insta::assert_snapshot!("output_apart", messages));
    assert_eq!(
        std::fs::read_dir(dir.path().join("toetsplannen"))
            .unwrap()
            .count(),
        1
    );
}
