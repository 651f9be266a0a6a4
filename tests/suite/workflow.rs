//! The office's change workflow, run as a user would: incremental builds, versions and kept
//! earlier versions, `changes --since`, `build --since`, an output folder shared with people,
//! killed builds and two builds at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::common::*;

const CHANGE_DATE: &str = "2025-06-01";

/// Every file under `dir` with its modification time.
fn mtimes(dir: &Path) -> BTreeMap<PathBuf, SystemTime> {
    each_file(dir, |p| std::fs::metadata(p).unwrap().modified().unwrap())
}

/// Edits the project's V1 plan file with `edit`, which must change it.
fn edit_v1(project: &Path, edit: impl FnOnce(&str) -> String) {
    let path = project.join("toetsplannen/V1-dienstverlening.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = edit(&text);
    assert_ne!(text, changed, "the edit changed nothing");
    std::fs::write(&path, changed).unwrap();
}

/// A second build with nothing changed writes no file (modification times untouched) and says
/// so in one line; `--force` rewrites everything.
#[test]
fn second_build_writes_nothing() {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    build_ok(dir.path(), &[]);
    let before = mtimes(&dir.path().join("output"));
    std::thread::sleep(Duration::from_millis(20));
    let stdout = build_ok(dir.path(), &[]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Nothing to do: all 32 files of 2 plans in output are up to date ([time] s)"));
    assert_eq!(
        mtimes(&dir.path().join("output")),
        before,
        "the second build touched files"
    );
    let stdout = build_ok(dir.path(), &["--force"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Built 2 plans: 8 documents (md, html, pdf); 32 files written in output ([time] s)"));
}

/// The record of what was built is readable JSON with hashes, outputs and versions.
#[test]
fn build_record_is_readable_json() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &[]);
    let text = std::fs::read_to_string(dir.path().join("output/.toetsgen.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["typst"].as_str(), Some(typst_version().as_str()));
    let v1 = &json["plannen"]["V1"];
    assert_eq!(v1["versie"], "2021-09-01");
    assert_eq!(v1["bron_sha256"].as_str().unwrap().len(), 64);
    assert_eq!(v1["bestanden"].as_object().unwrap().len(), 13);
    assert!(v1["bestanden"]["V1/beoordelingsformulier.scan.json"]["sha256"].is_string());
    assert!(v1["bestanden"]["V1/toetsplan.pdf"]["typst_bron"].is_string());
}

/// The version of the typst this machine runs, as the record should name it.
fn typst_version() -> String {
    let program = std::env::var("TYPST").unwrap_or_else(|_| "typst".into());
    let out = std::process::Command::new(program)
        .arg("--version")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace().nth(1).unwrap().to_owned()
}

/// After a toetsterm changes, the next build rewrites only that plan's files; every document of
/// the plan shows the new version and lists the change; the previous documents are kept by
/// version; `changes --since` lists exactly that toetsterm, also as JSON.
#[test]
fn a_changed_toetsterm_rebuilds_its_plan_and_keeps_the_old_version() {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    build_ok(dir.path(), &[]);
    let old_toetsplan = std::fs::read(dir.path().join("output/V1/toetsplan.pdf")).unwrap();
    let b2_before = mtimes(&dir.path().join("output/B2"));
    change_v1_13(dir.path(), CHANGE_DATE);
    let stdout = build_ok(dir.path(), &[]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"
        Archived version 2025-06-01 of V1 in toetsplannen/archief/V1/2025-06-01.yaml
        Built 2 plans: 8 documents (md, html, pdf); 30 files written, 15 up to date, 1 earlier version kept in output ([time] s)
        "));
    assert_eq!(
        mtimes(&dir.path().join("output/B2")),
        b2_before,
        "B2 was not changed"
    );
    let out = dir.path().join("output/V1");
    for doc in [
        "toetsplan",
        "beoordelingsformulier",
        "instructie-beoordelaar",
        "opdracht-kandidaat",
    ] {
        let pdf = pdf_text(&out.join(format!("{doc}.pdf")));
        let html = html_text(&out.join(format!("{doc}.html")));
        for (format, text) in [("pdf", &pdf), ("html", &html)] {
            assert!(
                text.contains("Versie 1 juni 2025") || text.contains("versie 1 juni 2025"),
                "{doc}.{format}: new version"
            );
            assert!(
                text.contains("Reageert altijd professioneel op emoties"),
                "{doc}.{format}: new text"
            );
            assert!(
                text.contains("Eerdere versies"),
                "{doc}.{format}: earlier versions listed"
            );
            assert!(
                text.contains("versie 1 september 2021"),
                "{doc}.{format}: earlier version named"
            );
        }
        for ext in ["md", "html", "pdf"] {
            let kept = out.join(format!("versies/2021-09-01/{doc}.{ext}"));
            assert!(kept.is_file(), "{} kept", kept.display());
            assert!(std::fs::metadata(&kept).unwrap().permissions().readonly());
        }
    }
    for doc in ["toetsplan", "instructie-beoordelaar"] {
        let text = pdf_text(&out.join(format!("{doc}.pdf")));
        let section = &text[text.find("Wijzigingen").expect("a Wijzigingen section")..];
        assert!(
            section.contains("V1.13") && section.contains("1 juni 2025"),
            "{doc}: {section}"
        );
    }
    // The earlier version is made again from the plan archive: its text, and that it was
    // replaced.
    let kept = pdf_text(&out.join("versies/2021-09-01/toetsplan.pdf"));
    assert!(
        kept.contains("Reageert professioneel op emoties"),
        "old text"
    );
    assert!(
        kept.contains("Vervangen. Deze versie is vervangen door de versie van 1 juni 2025"),
        "{kept}"
    );
    assert_ne!(
        std::fs::read(out.join("versies/2021-09-01/toetsplan.pdf")).unwrap(),
        old_toetsplan
    );
    let html = std::fs::read_to_string(out.join("toetsplan.html")).unwrap();
    assert!(
        html.contains("href=\"versies/2021-09-01/toetsplan.html\""),
        "link to the earlier version"
    );

    let (table, _) = exits(
        toetsgen(dir.path()).args(["changes", "--since", CHANGE_DATE]),
        0,
        &[],
    );
    insta::assert_snapshot!("changes_table", table);
    let (json, _) = exits(
        toetsgen(dir.path()).args(["changes", "--since", CHANGE_DATE, "--format", "json"]),
        0,
        &[],
    );
    serde_json::from_str::<serde_json::Value>(&json).expect("the list is JSON");
    insta::assert_snapshot!("changes_json", json);

    // The next build again writes nothing, and the kept version stays.
    let stdout = build_ok(dir.path(), &[]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Nothing to do: all 45 files of 2 plans in output are up to date ([time] s)"));
}

/// `build --since` builds only the plans with changes on or after the date.
#[test]
fn build_since_builds_only_changed_plans() {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    let stdout = build_ok(dir.path(), &["--since", "2024-01-01", "--format", "md"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"
        Archived version 2024-03-15 of B2 in toetsplannen/archief/B2/2024-03-15.yaml
        Built 1 plan: 4 documents (md); 5 files written in output; 1 plan without changes since 2024-01-01 left alone ([time] s)
        "));
    assert!(dir.path().join("output/B2/toetsplan.md").is_file());
    assert!(!dir.path().join("output/V1").exists());
}

/// A file put in the output folder by hand survives every build; removing a plan removes its
/// documents but not its kept versions; removing a template removes its documents.
#[test]
fn only_files_the_program_wrote_are_removed() {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(
        templates.join("presentielijst.md.tera"),
        "# Presentielijst {{ plan.titel }}\n",
    )
    .unwrap();
    build_ok(dir.path(), &["--format", "md,html"]);
    std::fs::write(
        dir.path().join("output/notes.txt"),
        "van de examencommissie",
    )
    .unwrap();
    std::fs::write(dir.path().join("output/V1/aantekening.txt"), "bij V1").unwrap();
    change_v1_13(dir.path(), CHANGE_DATE);
    build_ok(dir.path(), &["--format", "md,html"]);
    std::fs::remove_file(templates.join("presentielijst.md.tera")).unwrap();
    let stdout = build_ok(dir.path(), &["--format", "md,html"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Built 2 plans: 8 documents (md, html); 2 files written, 28 up to date, 4 removed in output ([time] s)"));
    assert!(!dir.path().join("output/V1/presentielijst.md").exists());
    std::fs::remove_file(dir.path().join("toetsplannen/V1-dienstverlening.yaml")).unwrap();
    build_ok(dir.path(), &["--format", "md,html"]);
    let out = dir.path().join("output");
    assert!(
        !out.join("V1/toetsplan.md").exists(),
        "documents of a removed plan are removed"
    );
    assert!(
        out.join("V1/versies/2021-09-01/toetsplan.md").is_file(),
        "kept versions stay"
    );
    assert!(
        out.join("V1/versies/2021-09-01/presentielijst.md")
            .is_file(),
        "kept versions stay whole"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "van de examencommissie"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("V1/aantekening.txt")).unwrap(),
        "bij V1"
    );
    assert!(out.join("B2/toetsplan.md").is_file());
}

/// When a plan's file is given another code, the documents of the old code are removed.
#[test]
fn a_renamed_plan_code_removes_the_old_documents() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md"]);
    edit_v1(dir.path(), |text| {
        (text.replace("code: V1\n", "code: W1\n")).replace("code: V1.", "code: W1.")
    });
    build_ok(dir.path(), &["--format", "md"]);
    assert!(!dir.path().join("output/V1/toetsplan.md").exists());
    assert!(dir.path().join("output/W1/toetsplan.md").is_file());
}

/// An invalid plan keeps its earlier documents: nothing of it is written or removed.
#[test]
fn an_invalid_plan_keeps_its_documents() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md"]);
    edit_v1(dir.path(), |text| {
        text.replace("niveaus: [RV]", "niveaus: [XX]")
    });
    exits(
        toetsgen(dir.path()).args(["build", "--format", "md"]),
        1,
        &["`XX`"],
    );
    assert!(dir.path().join("output/V1/toetsplan.md").is_file());
}

/// A build record without the files' stamps.
fn unstamped(path: &Path) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.remove("stempel");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    strip(&mut value);
    value
}

/// A build killed with SIGKILL at each moment of its work, each seen on disk rather than guessed
/// from a time — as it starts, once its staging folder is made, as the first file reaches the
/// output folder, once the record is written, while typst makes the PDFs — leaves no partial
/// file in the output folder and no partial record, and the next build (over what the last kill
/// left: typst's scratch folder) completes and is byte for byte a build that was never killed.
#[test]
fn a_killed_build_leaves_no_partial_file() {
    let plans = [
        seed_v1(),
        fixture("plans/B2-theorie.yaml"),
        fixture("plans/S9-tekens.yaml"),
    ];
    let plans: Vec<&Path> = plans.iter().map(PathBuf::as_path).collect();
    let dir = project(&plans);
    let reference = project(&plans);
    build_ok(reference.path(), &[]);
    let output = dir.path().join("output");
    let staging = dir.path().join(".output.toetsgen-staging");
    let moments: [(&str, &dyn Fn() -> bool); 5] = [
        ("as it starts", &|| true),
        ("once its staging folder is made", &|| staging.is_dir()),
        ("as the first file reaches the output folder", &|| {
            // Not `mtimes`: a file may be renamed away while the walk reads it.
            (walkdir::WalkDir::new(&output).into_iter().flatten()).any(|e| {
                e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.')
            })
        }),
        ("once the record is written", &|| {
            output.join(".toetsgen.json").exists()
        }),
        ("while typst makes the PDFs", &|| {
            has_typst_scratch(&staging)
        }),
    ];
    let mut seen = 0;
    for (moment, reached) in moments {
        // Each build starts afresh, so that what a killed one left cannot pass for the moment.
        for folder in [&output, &staging] {
            let _ = std::fs::remove_dir_all(folder);
        }
        let mut child = toetsgen(dir.path())
            .arg("build")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Polled every millisecond until the moment, unless the build ends first.
        while !reached() && child.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = child.kill();
        child.wait().unwrap();
        seen += assert_complete(&output, &reference.path().join("output"));
        if let Ok(record) = std::fs::read_to_string(output.join(".toetsgen.json")) {
            let parsed = serde_json::from_str::<serde_json::Value>(&record);
            assert!(parsed.is_ok(), "killed {moment}: the record is partial");
        }
    }
    assert!(seen > 0, "no killed build had written a file");
    build_ok(dir.path(), &[]);
    for (rel, _) in mtimes(&reference.path().join("output")) {
        let rel = Path::new("output").join(rel);
        let path = reference.path().join(&rel);
        if rel.ends_with(".toetsgen.lock") {
            continue;
        }
        if rel.ends_with(".toetsgen.json") {
            // The records agree but for the files' stamps (times and inodes differ).
            assert_eq!(
                unstamped(&path),
                unstamped(&dir.path().join(&rel)),
                "{}",
                rel.display()
            );
            continue;
        }
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(dir.path().join(&rel)).unwrap(),
            "{}",
            rel.display()
        );
    }
}

/// Every file in `output` is either absent or whole: byte-equal to the reference build.
/// Returns how many documents were found.
fn assert_complete(output: &Path, reference: &Path) -> usize {
    if !output.exists() {
        return 0;
    }
    let mut documents = 0;
    for (rel, _) in mtimes(output) {
        let path = output.join(&rel);
        let name = rel.to_string_lossy();
        if name == ".toetsgen.lock" || name == ".toetsgen.json" {
            continue;
        }
        let expected = std::fs::read(reference.join(&rel))
            .unwrap_or_else(|_| panic!("unexpected file {name}"));
        assert!(
            std::fs::read(&path).unwrap() == expected,
            "{name} is partial or wrong"
        );
        documents += 1;
    }
    documents
}

/// Two builds on one output folder at once: the second waits for the first, says so, and then
/// completes; the output is whole.
#[test]
fn a_second_build_waits_for_the_first() {
    let dir = project(&[&seed_v1()]);
    std::fs::create_dir_all(dir.path().join("output")).unwrap();
    let lock = std::fs::File::create(dir.path().join("output/.toetsgen.lock")).unwrap();
    lock.lock().unwrap();
    let mut child = toetsgen(dir.path())
        .args(["build", "--format", "md"])
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait (however loaded the machine) until the build says it waits, then check it did.
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        let mut all = String::new();
        for line in stderr.lines().map_while(Result::ok) {
            if line.contains("waiting for it to finish") {
                let _ = tx.send(());
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    let said = rx.recv_timeout(Duration::from_secs(120)).is_ok();
    assert!(
        !dir.path().join("output/V1").exists(),
        "the second build must wait"
    );
    lock.unlock().unwrap();
    let status = child.wait().unwrap();
    let stderr = reader.join().unwrap();
    assert!(status.success(), "{stderr}");
    assert!(
        said && stderr
            .contains("Another toetsgen build is writing to output; waiting for it to finish"),
        "{stderr}"
    );
    assert!(dir.path().join("output/V1/toetsplan.md").is_file());
}

/// A plan whose input is unchanged is not rendered again, but a file of it edited by hand is
/// still noticed: the next build writes it again, and only it.
#[test]
fn a_file_edited_by_hand_is_written_again() {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let file = dir.path().join("output/V1/toetsplan.md");
    let original = std::fs::read(&file).unwrap();
    std::fs::write(&file, "met de hand veranderd\n").unwrap();
    let stdout = build_ok(dir.path(), &["--format", "md,html"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Built 2 plans: 8 documents (md, html); 1 file written, 21 up to date in output ([time] s)"));
    assert_eq!(std::fs::read(&file).unwrap(), original);
}

/// A build does not read a file whose stamp is the recorded one; an edit that keeps the file's
/// size and puts its modification time back is still seen (its status-change time moved), and
/// so is one that replaces the file (a new inode), as editors that save atomically do.
#[test]
fn an_edit_that_keeps_size_and_time_is_written_again() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let file = dir.path().join("output/V1/toetsplan.md");
    let original = std::fs::read(&file).unwrap();
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let mut edited = original.clone();
    edited[0] = if edited[0] == b'X' { b'Y' } else { b'X' };
    std::fs::write(&file, &edited).unwrap();
    let handle = std::fs::File::options().write(true).open(&file).unwrap();
    handle.set_modified(modified).unwrap();
    drop(handle);
    let stdout = build_ok(dir.path(), &["--format", "md,html"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Built 1 plan: 4 documents (md, html); 1 file written, 12 up to date in output ([time] s)"));
    assert_eq!(std::fs::read(&file).unwrap(), original);

    let replacement = dir.path().join("output/V1/nieuw.md");
    std::fs::write(&replacement, &edited).unwrap();
    std::fs::rename(&replacement, &file).unwrap();
    let stdout = build_ok(dir.path(), &["--format", "md,html"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Built 1 plan: 4 documents (md, html); 1 file written, 12 up to date in output ([time] s)"));
    assert_eq!(std::fs::read(&file).unwrap(), original);
    let stdout = build_ok(dir.path(), &["--format", "md,html"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Nothing to do: all 13 files of 1 plan in output are up to date ([time] s)"));
}

/// An unchanged plan's page of the site is not rendered again while it is as recorded; edited
/// by hand or removed, it is written again.
#[test]
fn a_plan_page_edited_or_removed_is_written_again() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let page = dir.path().join("output/V1/index.html");
    let original = std::fs::read(&page).unwrap();
    let stdout = build_ok(dir.path(), &["--format", "md,html"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Nothing to do: all 13 files of 1 plan in output are up to date ([time] s)"));
    std::fs::write(&page, "met de hand veranderd\n").unwrap();
    let stdout = build_ok(dir.path(), &["--format", "md,html"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Built 1 plan: 4 documents (md, html); 1 file written, 12 up to date in output ([time] s)"));
    assert_eq!(std::fs::read(&page).unwrap(), original);
    std::fs::remove_file(&page).unwrap();
    let stdout = build_ok(dir.path(), &["--format", "md,html"]);
    stable(dir.path()).bind(|| insta::assert_snapshot!(stdout, @"Built 1 plan: 4 documents (md, html); 1 file written, 12 up to date in output ([time] s)"));
    assert_eq!(std::fs::read(&page).unwrap(), original);
}

/// A plan changed and built in Markdown only keeps its older HTML on record; the next build in
/// both formats makes the HTML anew from the changed plan instead of trusting it.
#[test]
fn a_format_left_out_once_is_made_again_from_the_changed_plan() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "md,html"]);
    change_v1_13(dir.path(), CHANGE_DATE);
    build_ok(dir.path(), &["--format", "md"]);
    let html = dir.path().join("output/V1/toetsplan.html");
    assert!(
        !std::fs::read_to_string(&html)
            .unwrap()
            .replace('\u{AD}', "")
            .contains("altijd professioneel")
    );
    build_ok(dir.path(), &["--format", "md,html"]);
    // The page's text without the soft hyphens of its long words (document::hyphenate).
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .replace('\u{AD}', "")
            .contains("altijd professioneel")
    );
}

/// A plan whose HTML fails to render (a user's template meets a missing value) while its PDFs
/// can be made is left out whole, named with the template; the other plans are written, and
/// nothing of the failed one is left behind.
#[test]
fn a_plan_whose_html_fails_is_left_out_with_its_pdfs() {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let page = |broken: &str| {
        let own = std::fs::read_to_string(root().join("templates/toetsplan.html.tera")).unwrap();
        own.replacen(
            "{% block inhoud %}",
            &format!("{{% block inhoud %}}{broken}"),
            1,
        )
    };
    let html = templates.join("toetsplan.html.tera");
    std::fs::write(
        &html,
        page(r#"{% if plan.code == "V1" %}{{ geen_veld }}{% endif %}"#),
    )
    .unwrap();
    exits(
        toetsgen(dir.path()).arg("build"),
        1,
        &["toetsplan.html.tera", "plan V1"],
    );
    let output = dir.path().join("output");
    let files: Vec<String> = (mtimes(&output).into_keys())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert!(files.iter().any(|f| f == "B2/toetsplan.pdf"), "{files:?}");
    assert!(files.iter().any(|f| f == "B2/toetsplan.html"), "{files:?}");
    assert!(
        !files
            .iter()
            .any(|f| f.starts_with("V1") || f.contains(".toetsgen-")),
        "{files:?}"
    );
    assert!(!dir.path().join(".output.toetsgen-staging").exists());
    std::fs::write(&html, page("")).unwrap();
    build_ok(dir.path(), &[]);
    assert!(output.join("V1/toetsplan.pdf").is_file());
    assert!(pdf_text(&output.join("V1/toetsplan.pdf")).contains("V1.13"));
}
