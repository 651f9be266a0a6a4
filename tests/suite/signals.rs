//! SIGINT and SIGTERM during a PDF build stop it cleanly — exit 130 / 143, no typst child left,
//! no temporary or staging folder left, the record consistent — and a build after SIGKILL
//! removes what the killed one left; a packet killed outright leaves no PDF behind, and the next
//! packet removes its scratch folder. typst is replaced by a wrapper that says when it runs and
//! then waits before it runs the real one, so the signal lands while PDFs are being made; the
//! tests wait for that moment instead of for a fixed time.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use crate::common::*;

/// A typst that, before each compile, writes its process id to the file `typst-runs` in `dir`
/// and waits two seconds (far longer than the tests take to signal it), then runs the real one
/// in the same process.
fn slow_typst(dir: &Path) -> PathBuf {
    let path = dir.join("slow-typst");
    let real = std::env::var("TYPST").unwrap_or_else(|_| "typst".to_owned());
    let runs = dir.join("typst-runs");
    let script = format!(
        "#!/bin/sh\nif [ \"$1\" = compile ]; then echo $$ > '{}'; sleep 2; fi\nexec {real} \"$@\"\n",
        runs.display()
    );
    std::fs::write(&path, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn plans() -> tempfile::TempDir {
    project(&[
        &seed_v1(),
        &fixture("plans/B2-theorie.yaml"),
        &fixture("plans/S9-tekens.yaml"),
    ])
}

/// Starts a build and waits until a typst child runs (the wrapper said so) with its scratch
/// folder in the staging folder.
fn build_until_typst_runs(dir: &Path) -> Child {
    let typst = slow_typst(dir);
    let child = toetsgen(dir)
        .args(["build", "--jobs", "1"])
        .env("TYPST", &typst)
        .spawn()
        .unwrap();
    let staging = dir.join(".output.toetsgen-staging");
    let start = Instant::now();
    while !(dir.join("typst-runs").exists() && has_typst_scratch(&staging)) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "typst never started"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

/// Processes whose command line names `dir` (the typst children get it through `--root`).
fn processes_under(dir: &Path) -> String {
    let out = Command::new("pgrep").arg("-af").arg(dir).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status();
    assert!(status.unwrap().success());
}

fn stops_cleanly(name: &str, code: i32) {
    let dir = plans();
    let mut child = build_until_typst_runs(dir.path());
    signal(&child, name);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(code), "exit code after SIG{name}");
    // The typst child (waiting two seconds before it would end) is gone within 200 ms.
    let stopped = Instant::now();
    while !processes_under(dir.path()).is_empty() && stopped.elapsed() < Duration::from_millis(200)
    {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(
        processes_under(dir.path()),
        "",
        "typst children left after SIG{name}"
    );
    assert!(
        !dir.path().join(".output.toetsgen-staging").exists(),
        "staging left after SIG{name}"
    );
    let record = std::fs::read_to_string(dir.path().join("output/.toetsgen.json"));
    if let Ok(record) = record {
        serde_json::from_str::<serde_json::Value>(&record).expect("the record is whole JSON");
    }
    let stdout = build_ok(dir.path(), &[]);
    assert!(stdout.contains("Built 3 plans"), "{stdout}");
    assert_eq!(
        std::fs::read_dir(dir.path().join("output/V1"))
            .unwrap()
            .count(),
        14,
        "12 documents, the plan's page and the form's scan layout"
    );
}

/// SIGTERM during the PDFs: exit 143, nothing left behind, the next build complete.
#[test]
fn sigterm_stops_the_build_cleanly() {
    stops_cleanly("TERM", 143);
}

/// SIGINT (Ctrl-C) during the PDFs: exit 130, nothing left behind, the next build complete.
#[test]
fn sigint_stops_the_build_cleanly() {
    stops_cleanly("INT", 130);
}

/// After SIGKILL the staging folder (with typst's scratch folder in it) is left; the next
/// build removes it and completes.
#[test]
fn a_build_after_sigkill_removes_what_the_killed_one_left() {
    let dir = plans();
    let mut child = build_until_typst_runs(dir.path());
    child.kill().unwrap();
    child.wait().unwrap();
    let staging = dir.path().join(".output.toetsgen-staging");
    assert!(
        has_typst_scratch(&staging),
        "the killed build's scratch folder is there"
    );
    build_ok(dir.path(), &[]);
    assert!(
        !staging.exists(),
        "the next build removed the staging folder"
    );
}

/// A packet killed outright (SIGKILL) while its typst runs leaves no PDF: the typst left running
/// finds the pipe it writes the PDF to closed (it used to finish and write the packet, with the
/// candidates' names, into the scratch folder beside the packets, where it stayed for six
/// hours), and the next packet removes the killed run's scratch folder at once.
#[test]
fn a_packet_killed_outright_leaves_no_pdf_and_the_next_removes_its_scratch() {
    let dir = project(&[&seed_v1()]);
    let sessies = dir.path().join("sessies");
    std::fs::create_dir_all(&sessies).unwrap();
    let session = "sessies/2026-12-03-den-haag.yaml";
    std::fs::copy(
        fixture("sessions/pakket/2026-12-03-den-haag.yaml"),
        dir.path().join(session),
    )
    .unwrap();
    let typst = slow_typst(dir.path());
    let mut child = toetsgen(dir.path())
        .args(["packet", session])
        .env("TYPST", &typst)
        .spawn()
        .unwrap();
    let (runs, pakketten) = (dir.path().join("typst-runs"), dir.path().join("pakketten"));
    let pid = wait_for("typst to start", || {
        let pid = std::fs::read_to_string(&runs)
            .ok()?
            .trim()
            .parse::<u32>()
            .ok();
        pid.filter(|_| has_typst_scratch(&pakketten))
    });
    child.kill().unwrap();
    child.wait().unwrap();
    // The orphan ends (reaped, or a zombie where nothing reaps it) once it has compiled.
    wait_for("the orphaned typst to end", || {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let state = stat
            .rsplit(')')
            .next()
            .and_then(|s| s.split_whitespace().next());
        matches!(state, None | Some("Z" | "X")).then_some(())
    });
    let scratch: Vec<PathBuf> = (std::fs::read_dir(&pakketten).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".toetsgen-typst-")
        })
        .collect();
    assert_eq!(scratch.len(), 1, "the killed run's scratch folder is there");
    let pdfs: Vec<_> = walkdir::WalkDir::new(&scratch[0])
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    assert!(pdfs.is_empty(), "PDFs left by the orphaned typst: {pdfs:?}");
    exits(toetsgen(dir.path()).args(["packet", session]), 0, &[]);
    assert!(
        !scratch[0].exists(),
        "the next packet removed the killed run's scratch folder"
    );
    let mut left: Vec<_> = (std::fs::read_dir(&pakketten).unwrap())
        .map(|e| e.unwrap().file_name())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["2026-12-03-den-haag.pdf", "2026-12-03-den-haag.scan.json"]
    );
}
