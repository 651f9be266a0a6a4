//! The command line as users meet it: exit codes, messages when something is missing or wrong,
//! what is (and is not) written, and the template folder.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::common::*;

/// A fake `typst` that prints `version` and fails or succeeds as told, for the error paths.
fn fake_typst(dir: &Path, script: &str) -> std::path::PathBuf {
    let path = dir.join("fake-typst");
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// An invalid plan is reported and skipped, the valid ones are still built, the exit code is 1,
/// and nothing is written for the invalid plan.
#[test]
fn invalid_plans_are_skipped_and_valid_ones_built() {
    let dir = project(&[&seed_v1(), &fixture("invalid/toetsterm-prefix/plan.yaml")]);
    let (stdout, _) = exits(
        toetsgen(dir.path()).args(["build", "--format", "md,html"]),
        1,
        &[
            "error: toetsterm code `T2.03` does not start with the plan code `T1` and a dot",
            "--> toetsplannen/plan.yaml:22:15",
        ],
    );
    assert!(stdout.contains("Built 1 plan: 4 documents"), "{stdout}");
    assert!(dir.path().join("output/V1/toetsplan.html").is_file());
    assert!(
        !dir.path().join("output/T1").exists(),
        "nothing may be written for an invalid plan"
    );
}

/// Markdown and HTML need no typst at all.
#[test]
fn markdown_and_html_build_without_typst() {
    let dir = project(&[&seed_v1()]);
    exits(
        toetsgen(dir.path())
            .args(["build", "--format", "md,html"])
            .env("TYPST", "/nonexistent/typst"),
        0,
        &[],
    );
    let files = std::fs::read_dir(dir.path().join("output/V1"))
        .unwrap()
        .count();
    assert_eq!(files, 9, "4 documents in 2 formats and the plan's page");
}

/// A missing typst is explained with the command that installs it, nothing is written, and the
/// exit code (3) says that the machine, not the input, is at fault.
#[test]
fn missing_typst_says_how_to_install_it() {
    let dir = project(&[&seed_v1()]);
    exits(
        toetsgen(dir.path())
            .arg("build")
            .env("TYPST", "/nonexistent/typst"),
        3,
        &["cargo install typst-cli --locked", "--format md,html"],
    );
    assert!(!dir.path().join("output").exists());
}

/// A typst that is too old is refused with its version named (exit code 3, as when it is missing).
#[test]
fn old_typst_is_refused() {
    let dir = project(&[&seed_v1()]);
    let typst = fake_typst(dir.path(), "echo 'typst 0.10.0 (abc)'");
    exits(
        toetsgen(dir.path()).arg("build").env("TYPST", &typst),
        3,
        &["typst 0.10 is too old"],
    );
}

/// When typst fails, the message names the document and the template, passes typst's own
/// diagnostics through, and the plan's previous files stay as they were.
#[test]
fn typst_failure_names_document_and_template_and_keeps_old_files() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let before = std::fs::read(dir.path().join("output/V1/toetsplan.md")).unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("toetsplan.typ.tera"),
        "#let x = (\n= {{ plan.titel }}\n",
    )
    .unwrap();
    std::fs::write(templates.join("toetsplan.md.tera"), "# Anders\n").unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).arg("build"),
        1,
        &["typst failed on V1/toetsplan.pdf (from template templates/toetsplan.typ.tera)"],
    );
    assert!(
        stderr.contains("error:"),
        "typst's own diagnostics: {stderr}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("output/V1/toetsplan.md")).unwrap(),
        before,
        "old files kept"
    );
    assert!(!dir.path().join("output/V1/toetsplan.pdf").exists());
}

/// A template in the project's `templates/` replaces the built-in of that name, and a template
/// with a new name becomes an extra document in all three formats.
#[test]
fn project_templates_override_and_add_documents() {
    let dir = project(&[&seed_v1()]);
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("opdracht-kandidaat.md.tera"),
        "# Eigen opdracht {{ plan.titel }}\n\n{% for t in plan.toetstermen %}- {{ t.code }}\n{% endfor %}",
    )
    .unwrap();
    std::fs::write(
        templates.join("presentielijst.md.tera"),
        "# Presentielijst {{ plan.titel }}\n\n| Naam | Handtekening |\n|---|---|\n| | |\n",
    )
    .unwrap();
    let stdout = build_ok(dir.path(), &[]);
    assert!(stdout.contains("5 documents"), "{stdout}");
    let out = dir.path().join("output/V1");
    let md = std::fs::read_to_string(out.join("opdracht-kandidaat.md")).unwrap();
    assert!(
        md.starts_with("# Eigen opdracht V1: Dienstverlening"),
        "{md}"
    );
    for ext in ["md", "html", "pdf"] {
        assert!(
            out.join(format!("presentielijst.{ext}")).is_file(),
            "presentielijst.{ext}"
        );
    }
    assert!(
        pdf_text(&out.join("presentielijst.pdf")).contains("Presentielijst V1: Dienstverlening")
    );
    assert!(
        html_text(&out.join("presentielijst.html")).contains("Presentielijst V1: Dienstverlening")
    );
}

/// A broken template is reported with its file and line, and nothing is written.
#[test]
fn broken_template_is_reported() {
    let dir = project(&[&seed_v1()]);
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("toetsplan.md.tera"), "# {{ plan.titel \n").unwrap();
    exits(
        toetsgen(dir.path()).args(["build", "--format", "md"]),
        1,
        &[
            "template templates/toetsplan.md.tera does not compile",
            "--> 2:1",
        ],
    );
    assert!(!dir.path().join("output").exists());
}

/// A Typst template that breaks PDF/UA-1 (here: no document title) fails the plan with typst's
/// own message, naming the document and the template.
#[test]
fn a_template_breaking_the_pdf_standards_fails_with_typsts_message() {
    let dir = project(&[&seed_v1()]);
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("toetsplan.typ.tera"), "= {{ plan.titel }}\n").unwrap();
    exits(
        toetsgen(dir.path()).args(["build"]),
        1,
        &[
            "typst failed on V1/toetsplan.pdf (from template templates/toetsplan.typ.tera)",
            "PDF/UA-1",
        ],
    );
    assert!(!dir.path().join("output/V1/toetsplan.pdf").exists());
}

/// `check` validates without writing anything.
#[test]
fn check_writes_nothing() {
    let dir = project(&[&seed_v1()]);
    let (stdout, _) = exits(toetsgen(dir.path()).arg("check"), 0, &[]);
    assert!(stdout.contains("Checked 1 plan: 1 valid"), "{stdout}");
    assert!(!dir.path().join("output").exists());
}

/// `build --help` documents every flag; wrong usage exits with 2.
#[test]
fn help_documents_flags_and_wrong_usage_exits_2() {
    // An empty folder: were the usage accepted, nothing of the repository would be read.
    let empty = tempfile::tempdir().unwrap();
    let (stdout, _) = exits(toetsgen(empty.path()).args(["build", "--help"]), 0, &[]);
    for flag in ["--plans", "--output", "--templates", "--format", "--jobs"] {
        assert!(stdout.contains(flag), "build --help lacks {flag}");
    }
    exits(
        toetsgen(empty.path()).args(["build", "--format", "docx"]),
        2,
        &["unknown format `docx`"],
    );
    exits(toetsgen(empty.path()).arg("bouw"), 2, &[]);
}

/// A plans folder that does not exist is a clear error.
#[test]
fn missing_plans_folder_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    exits(
        toetsgen(dir.path()).arg("check"),
        1,
        &["the plans folder toetsplannen does not exist"],
    );
}

/// `--plans` naming a file says it is a file and names its folder; a plan reached through a
/// symbolic link is read like any other (it used to be skipped without a word).
#[test]
fn plans_given_as_a_file_or_a_link() {
    let dir = project(&[&seed_v1()]);
    exits(
        toetsgen(dir.path()).args(["check", "--plans", "toetsplannen/V1-dienstverlening.yaml"]),
        1,
        &["is a file, not a folder", "--plans toetsplannen"],
    );
    let linked = dir.path().join("gelinkt");
    std::fs::create_dir(&linked).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("toetsplannen/V1-dienstverlening.yaml"),
        linked.join("v1.yaml"),
    )
    .unwrap();
    let (stdout, _) = exits(
        toetsgen(dir.path()).args(["check", "--plans", "gelinkt"]),
        0,
        &[],
    );
    assert!(stdout.contains("Checked 1 plan: 1 valid"), "{stdout}");
}

/// An empty plans folder is an error, not a silent success.
#[test]
fn empty_plans_folder_is_an_error() {
    let dir = project(&[]);
    exits(
        toetsgen(dir.path()).arg("build"),
        1,
        &["no toetsplannen (*.yaml) found in toetsplannen"],
    );
}

/// Files written are readable by others (they are published), and no temporary file remains.
#[test]
fn outputs_are_world_readable_and_complete() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md,html", "--jobs", "1"]);
    for entry in std::fs::read_dir(dir.path().join("output/V1")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        assert!(
            !name.starts_with(".toetsgen-"),
            "temporary file left: {name}"
        );
        assert_eq!(
            entry.metadata().unwrap().permissions().mode() & 0o644,
            0o644,
            "{name}"
        );
    }
}
