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

/// An invalid plan is reported (message, place and line pinned) and skipped, the valid ones are
/// still built, the exit code is 1, and nothing is written for the invalid plan.
#[test]
fn invalid_plans_are_skipped_and_valid_ones_built() {
    let dir = project(&[&seed_v1(), &fixture("invalid/toetsterm-prefix/plan.yaml")]);
    let (stdout, stderr) = exits(
        toetsgen(dir.path()).args(["build", "--format", "md,html"]),
        1,
        &["--> toetsplannen/plan.yaml:22:15"],
    );
    insta::assert_snapshot!("invalid_plan_skipped", stderr);
    stable(dir.path()).bind(|| {
        insta::assert_snapshot!(stdout, @"
        Archived version 2021-09-01 of V1 in toetsplannen/archief/V1/2021-09-01.yaml
        Built 1 plan: 4 documents (md, html); 13 files written in output ([time] s)
        ");
    });
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
    let (_, stderr) = exits(
        toetsgen(dir.path())
            .arg("build")
            .env("TYPST", "/nonexistent/typst"),
        3,
        &[],
    );
    insta::assert_snapshot!(stderr, @"error: the typst program is needed for PDFs but `/nonexistent/typst` could not be run (No such file or directory (os error 2)): install it with `cargo install typst-cli --locked` (about 7 minutes), or point the TYPST environment variable at the program; to build without PDFs, use `--format md,html`");
    assert!(!dir.path().join("output").exists());
}

/// A typst that is too old is refused with its version named (exit code 3, as when it is missing).
#[test]
fn old_typst_is_refused() {
    let dir = project(&[&seed_v1()]);
    let typst = fake_typst(dir.path(), "echo 'typst 0.10.0 (abc)'");
    let (_, stderr) = exits(
        toetsgen(dir.path()).arg("build").env("TYPST", &typst),
        3,
        &[],
    );
    insta::assert_snapshot!(stderr, @"error: typst 0.10 is too old: toetsgen needs typst 0.14 or newer; install it with `cargo install typst-cli --locked` (about 7 minutes), or point the TYPST environment variable at the program; to build without PDFs, use `--format md,html`");
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
    stable(dir.path()).bind(|| {
        insta::assert_snapshot!(stdout, @"
        Archived version 2021-09-01 of V1 in toetsplannen/archief/V1/2021-09-01.yaml
        Built 1 plan: 5 documents (md, html, pdf); 21 files written in output ([time] s)
        ")
    });
    let out = dir.path().join("output/V1");
    let md = std::fs::read_to_string(out.join("opdracht-kandidaat.md")).unwrap();
    insta::assert_snapshot!("own_template_md", md);
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
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["build", "--format", "md"]),
        1,
        &[],
    );
    insta::assert_snapshot!("broken_template", stderr);
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
    // B2: a plan without warnings (V1's texts for the candidate are above taalniveau 2F).
    let dir = project(&[&fixture("plans/B2-theorie.yaml")]);
    let (stdout, _) = exits(toetsgen(dir.path()).arg("check"), 0, &[]);
    assert_eq!(stdout, "Checked 1 plan: 1 valid, 0 warnings\n");
    assert!(!dir.path().join("output").exists());
}

/// `build --help` documents every flag (the whole text pinned, at 100 columns); wrong usage
/// exits with 2.
#[test]
fn help_documents_flags_and_wrong_usage_exits_2() {
    // An empty folder: were the usage accepted, nothing of the repository would be read.
    let empty = tempfile::tempdir().unwrap();
    let (stdout, _) = exits(
        toetsgen(empty.path())
            .args(["build", "--help"])
            .env("COLUMNS", "100"),
        0,
        &[],
    );
    for flag in ["--plans", "--output", "--templates", "--format", "--jobs"] {
        assert!(stdout.contains(flag), "build --help lacks {flag}");
    }
    insta::assert_snapshot!("build_help", stdout);
    exits(
        toetsgen(empty.path()).args(["build", "--format", "docx"]),
        2,
        &["unknown format `docx`"],
    );
    exits(
        toetsgen(empty.path()).arg("bouwen"),
        2,
        &["unrecognized subcommand 'bouwen'"],
    );
}

/// A plans folder that does not exist is a clear error.
#[test]
fn missing_plans_folder_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let (_, stderr) = exits(toetsgen(dir.path()).arg("check"), 1, &[]);
    insta::assert_snapshot!(stderr, @"error: the plans folder toetsplannen does not exist: create it and put the toetsplannen (.yaml) in it, or name another folder with --plans");
}

/// `--plans` naming a file says it is a file and names its folder; a plan reached through a
/// symbolic link is read like any other (it used to be skipped without a word).
#[test]
fn plans_given_as_a_file_or_a_link() {
    let dir = project(&[&seed_v1()]);
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["check", "--plans", "toetsplannen/V1-dienstverlening.yaml"]),
        1,
        &[],
    );
    insta::assert_snapshot!(stderr, @"error: toetsplannen/V1-dienstverlening.yaml is a file, not a folder: name the folder that holds the toetsplannen with --plans (for example `--plans toetsplannen`)");
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
    let (_, stderr) = exits(toetsgen(dir.path()).arg("build"), 1, &[]);
    insta::assert_snapshot!(stderr, @"error: no toetsplannen (*.yaml) found in toetsplannen: put the plans there, or name their folder with --plans");
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

// The exit codes, one test each: 0 success, 1 invalid input, 2 wrong usage, 3 a failure of the
// system; 130 and 143 (stopped by SIGINT and SIGTERM) are tested in signals.rs.

/// Exit code 0: everything asked for was done, with nothing on standard error.
#[test]
fn exit_code_0_when_all_was_done() {
    // B2: a plan without warnings (V1's texts for the candidate are above taalniveau 2F).
    let dir = project(&[&fixture("plans/B2-theorie.yaml")]);
    let (stdout, stderr) = exits(toetsgen(dir.path()).arg("check"), 0, &[]);
    assert_eq!(stdout, "Checked 1 plan: 1 valid, 0 warnings\n");
    assert_eq!(stderr, "");
}

/// Exit code 1: the input has an error, reported with its file and line.
#[test]
fn exit_code_1_for_invalid_input() {
    let dir = project(&[&fixture("invalid/toetsterm-prefix/plan.yaml")]);
    exits(
        toetsgen(dir.path()).arg("check"),
        1,
        &["error: ", "--> toetsplannen/plan.yaml:22:15"],
    );
}

/// Exit code 2: the command line is wrong (a flag that does not exist), and clap says which
/// argument it could not place; nothing is read or written.
#[test]
fn exit_code_2_for_wrong_usage() {
    let dir = project(&[&seed_v1()]);
    exits(
        toetsgen(dir.path()).args(["build", "--geen-vlag"]),
        2,
        &[
            "unexpected argument '--geen-vlag' found",
            "Usage: toetsgen bouw",
        ],
    );
    assert!(!dir.path().join("output").exists());
}

/// Exit code 3: toetsgen could not do its work for a reason outside the input — typst is
/// missing (the PDFs cannot be made), or the output folder cannot be made because a file stands
/// where its parent folder should be.
#[test]
fn exit_code_3_when_the_system_fails() {
    let dir = project(&[&seed_v1()]);
    exits(
        toetsgen(dir.path())
            .arg("build")
            .env("TYPST", "/nonexistent/typst"),
        3,
        &["/nonexistent/typst"],
    );
    std::fs::write(dir.path().join("een-bestand"), "").unwrap();
    exits(
        toetsgen(dir.path()).args(["build", "--format", "md", "--output", "een-bestand/output"]),
        3,
        &["cannot create folder een-bestand/output"],
    );
    assert!(!dir.path().join("output").exists());
}

/// A plan of 1,000 toetstermen, each with a text of 250 characters: `changes --since
/// 2000-01-01` lists them all in more than 250 KiB, four times a pipe's buffer.
fn project_with_long_changes() -> tempfile::TempDir {
    let dir = project(&[]);
    let mut plan = String::from(
        "code: L1\nnaam: Lang\ningangsdatum: 2021-09-01\nbeoordeling:\n  waarnemingen: 1\nonderdelen:\n  - naam: Alles\n    toetstermen:\n",
    );
    let tekst = "Kan iets uitleggen. ".repeat(12) + "Klaar.";
    for i in 1..=1000 {
        plan.push_str(&format!(
            "      - {{code: L1.{i:04}, tekst: {tekst}, gewijzigd: 2021-09-01, niveaus: [K]}}\n"
        ));
    }
    std::fs::write(dir.path().join("toetsplannen/L1.yaml"), plan).unwrap();
    dir
}

/// `changes --since 2000-01-01` whose reader goes away — standard output closed before it
/// writes, or after one line of a list four times a pipe's buffer (`toetsgen changes … | head
/// -1`) — ends quietly with exit code 0: no panic, nothing on standard error.
#[test]
fn changes_ends_quietly_when_its_reader_goes_away() {
    use std::io::BufRead;
    let dir = project_with_long_changes();
    let changes = || {
        let mut cmd = toetsgen(dir.path());
        cmd.args(["changes", "--since", "2000-01-01"]);
        cmd
    };
    let (whole, _) = exits(&mut changes(), 0, &[]);
    assert_eq!(
        whole.lines().count(),
        1 + 1000,
        "a header and every toetsterm"
    );
    assert!(whole.len() > 4 * 64 * 1024, "{} bytes", whole.len());

    // Closed before the program writes: its first write fails.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = changes()
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "closed before: {stderr}");
    assert_eq!(stderr, "", "closed before: nothing on standard error");

    // Closed after one line: the program is blocked on a full pipe, then its write fails.
    let mut child = changes()
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.starts_with("Plan"), "{first}");
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "closed after one line: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        stderr, "",
        "closed after one line: nothing on standard error"
    );
}
