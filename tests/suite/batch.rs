//! Batching is an optimisation only: typst compiling many PDFs in one process (its bundle
//! target) gives the very bytes of one process per PDF, a plan split over chunks included; a
//! bundle that fails falls back to one process per PDF, so the error names its document.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::*;
use toetsgen::cancel::Cancel;
use toetsgen::document::pdf::{Chunk, Compiler, Job, Typst};

/// A typst that logs its command lines to `calls.log` and, when `fail_bundles`, fails every
/// bundle, then (otherwise) runs the real one.
fn logging_typst(dir: &Path, fail_bundles: bool) -> PathBuf {
    let real = std::env::var("TYPST").unwrap_or_else(|_| "typst".into());
    let log = dir.join("calls.log");
    let fail = match fail_bundles {
        true => {
            "case \"$*\" in *--format\\ bundle*) echo 'error: no bundles today' >&2; exit 1;; esac\n"
        }
        false => "",
    };
    let script = format!(
        "#!/bin/sh\necho \"$*\" >> '{}'\n{fail}exec {real} \"$@\"\n",
        log.display()
    );
    let path = dir.join("typst-wrapper");
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn reference_plans() -> tempfile::TempDir {
    let dir = project(&[
        &seed_v1(),
        &fixture("plans/B2-theorie.yaml"),
        &fixture("plans/S8-regeleinden.yaml"),
        &fixture("plans/S9-tekens.yaml"),
    ]);
    // A second plan of V1's date, so that a chunk holds documents of two plans.
    let v1 = std::fs::read_to_string(seed_v1()).unwrap();
    let copy = v1.replace("code: V1", "code: W1");
    std::fs::write(dir.path().join("toetsplannen/W1.yaml"), copy).unwrap();
    dir
}

/// Every PDF under `output`, by path, with its bytes.
fn pdfs(output: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut all: Vec<_> = walkdir::WalkDir::new(output)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .map(|e| {
            (
                e.path().strip_prefix(output).unwrap().to_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

fn build_into(dir: &Path, typst: &Path, output: &str, extra: &[&str]) {
    exits(
        toetsgen(dir)
            .args(["build", "-o", output])
            .args(extra)
            .env("TYPST", typst),
        0,
        &[],
    );
}

/// Batched (in chunks that split plans and join plans) and one per process: the same bytes.
#[test]
fn batched_pdfs_are_the_same_bytes_as_one_process_per_pdf() {
    let dir = reference_plans();
    let typst = logging_typst(dir.path(), false);
    build_into(dir.path(), &typst, "los", &["--no-batch"]);
    let calls = std::fs::read_to_string(dir.path().join("calls.log")).unwrap();
    assert!(
        !calls.contains("bundle"),
        "--no-batch runs no bundle: {calls}"
    );
    std::fs::remove_file(dir.path().join("calls.log")).unwrap();
    build_into(dir.path(), &typst, "samen", &["--chunk", "3"]);
    build_into(dir.path(), &typst, "samen8", &["--chunk", "8"]);
    let calls = std::fs::read_to_string(dir.path().join("calls.log")).unwrap();
    assert!(
        calls.contains("--format bundle"),
        "bundles were used: {calls}"
    );
    let single = pdfs(&dir.path().join("los"));
    assert_eq!(single.len(), 20);
    for batched in ["samen", "samen8"] {
        let batched = pdfs(&dir.path().join(batched));
        assert_eq!(single.len(), batched.len());
        for ((a, bytes_a), (b, bytes_b)) in single.iter().zip(&batched) {
            assert_eq!(a, b);
            assert!(
                bytes_a == bytes_b,
                "{} differs between batched and single",
                a.display()
            );
        }
    }
}

/// When a bundle fails, its PDFs are made one per process: the build still succeeds.
#[test]
fn a_failing_bundle_falls_back_to_one_process_per_pdf() {
    let dir = reference_plans();
    let typst = logging_typst(dir.path(), true);
    build_into(dir.path(), &typst, "output", &[]);
    let calls = std::fs::read_to_string(dir.path().join("calls.log")).unwrap();
    assert!(calls.contains("--format bundle"), "{calls}");
    assert_eq!(pdfs(&dir.path().join("output")).len(), 20);
}

/// In a chunk with a broken document, the good one is still made and the broken one's error
/// names the document and its template.
#[test]
fn a_broken_document_in_a_chunk_is_named() {
    // The messages checked here are the English ones.
    toetsgen::base::lang::set(toetsgen::base::lang::Lang::En);
    let typst = Typst::locate(None).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let compiler = Compiler::new(&typst, Some(scratch.path()), true, None).unwrap();
    let job = |label: &str, source: &str| Job {
        label: label.into(),
        template: format!("templates/{label}.typ.tera"),
        source: source.into(),
    };
    let chunk = Chunk {
        timestamp: 0,
        jobs: vec![
            job(
                "X1/goed.pdf",
                "#set document(title: \"Goed\")\n#set text(lang: \"nl\")\nGoed\n",
            ),
            job("X1/kapot.pdf", "#let x = ("),
        ],
    };
    let results = compiler.compile(&chunk, &Cancel::new()).unwrap();
    let good = results[0].as_ref().map_err(|e| format!("{e:#}"));
    assert!(good.is_ok_and(|p| p.is_file()), "{:?}", results[0]);
    let err = format!("{:#}", results[1].as_ref().unwrap_err());
    assert!(
        err.contains(
            "typst failed on X1/kapot.pdf (from template templates/X1/kapot.pdf.typ.tera)"
        ),
        "{err}"
    );
}
