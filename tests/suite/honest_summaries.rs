//! The lines that say what a command did tell the truth (issue 18, item 6): `build --since` does
//! not call the plans it left out "not built because of the errors above"; `check` counts its
//! errors as well as its warnings; and a plan's page (built by `serve` without --pdf, or by
//! `build --format md,html`) does not link a PDF made from an earlier text of the plan.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

/// A project with the V1 plan (valid, six warnings: its texts for the candidate are above
/// taalniveau 2F), the fixture plan S8 (valid, one warning: no `beoordeling`) and
/// the given invalid-plan fixtures, each copied as `<name>.yaml`.
fn project_with(invalid: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = project(&[&seed_v1(), &fixture("plans/S8-regeleinden.yaml")]);
    for (case, name) in invalid {
        std::fs::copy(
            fixture(&format!("invalid/{case}/plan.yaml")),
            dir.path().join(format!("toetsplannen/{name}.yaml")),
        )
        .unwrap();
    }
    dir
}

/// Runs toetsgen in `dir`: exit code, stdout with the time "(0.12 s)" written as "(T)", stderr.
fn toetsgen_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = run(toetsgen(dir).args(args));
    let (stdout, stderr) = texts(&out);
    let stdout = (stdout.lines())
        .map(|line| match line.rfind(" (") {
            Some(at) if line.ends_with(" s)") => format!("{} (T)\n", &line[..at]),
            _ => format!("{line}\n"),
        })
        .collect();
    (out.status.code().unwrap_or(-1), stdout, stderr)
}

/// With --since, a plan left out because nothing changed is said to be left alone, never to be
/// "not built because of the errors above" (a warning of another plan is no error); a plan with
/// errors still is, and only it is counted.
#[test]
fn build_since_counts_only_plans_with_errors_as_not_built() {
    let dir = project_with(&[]);
    let args = ["build", "--format", "md", "--since", "2024-01-01"];
    let (code, stdout, stderr) = toetsgen_in(dir.path(), &args);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "Archived version 2024-01-01 of S8 in toetsplannen/archief/S8/2024-01-01.yaml\n\
         Built 1 plan: 4 documents (md); 5 files written in output; 1 plan without changes since 2024-01-01 left alone (T)\n"
    );
    assert!(stderr.starts_with("warning: "), "S8's warning: {stderr}");
    assert!(!stderr.contains("not built"), "{stderr}");

    let dir = project_with(&[("level-unknown", "X1-fout")]);
    let (code, stdout, stderr) = toetsgen_in(dir.path(), &args);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "Archived version 2024-01-01 of S8 in toetsplannen/archief/S8/2024-01-01.yaml\n\
         Built 1 plan: 4 documents (md); 5 files written in output; 1 plan without changes since 2024-01-01 left alone (T)\n"
    );
    assert!(
        stderr.ends_with("\n1 plan not built because of the errors above\n"),
        "{stderr}"
    );
}

/// `check`'s summary counts the plans with errors and the errors themselves, not only warnings
/// (without errors it says the plans are valid and counts the warnings):
/// two plans with errors, one of them with two (a toetsterm without niveaus, and the plan code
/// T1 that the other has).
#[test]
fn check_summary_counts_errors_and_warnings() {
    let dir = project_with(&[]);
    let (code, stdout, stderr) = toetsgen_in(dir.path(), &["check"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "Checked 2 plans: 2 valid, 7 warnings\n");

    let dir = project_with(&[("opdrachten-sum", "X1-fout"), ("level-missing", "X2-fout")]);
    let (code, stdout, stderr) = toetsgen_in(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "Checked 4 plans: 2 valid, 2 with errors; 3 errors, 7 warnings\n"
    );
    assert_eq!(stderr.matches("\nerror: ").count(), 3, "{stderr}");
    assert!(
        stderr.ends_with("\n2 plans with errors (see above)\n"),
        "{stderr}"
    );
}

const OLD_TEXT: &str = "Kan actief hulp bieden aan de klant.";
const NEW_TEXT: &str = "Helpt de klant actief (nieuwe tekst).";

/// A project with V1 and B2 built in every format, then V1's first toetsterm given a new text
/// and date: its PDFs in output/ are of the version before.
fn built_then_changed() -> tempfile::TempDir {
    let dir = project(&[&seed_v1(), &fixture("plans/B2-theorie.yaml")]);
    build_ok(dir.path(), &[]);
    let plan = dir.path().join("toetsplannen/V1-dienstverlening.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let changed = (text.replacen(OLD_TEXT, NEW_TEXT, 1)).replacen(
        "gewijzigd: 2021-09-01",
        "gewijzigd: 2024-03-01",
        1,
    );
    assert_eq!(changed.matches(NEW_TEXT).count(), 1);
    assert_eq!(changed.matches("2024-03-01").count(), 1);
    std::fs::write(&plan, changed).unwrap();
    dir
}

/// The links of a plan's page (output/<code>/index.html) to its documents, as written.
fn document_links(page: &str) -> Vec<String> {
    let html = scraper::Html::parse_document(page);
    let links = scraper::Selector::parse("table.documenten a").unwrap();
    (html.select(&links))
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

/// The twelve links of a plan page with every document in every format.
fn all_links() -> Vec<String> {
    let docs = [
        "toetsplan",
        "beoordelingsformulier",
        "instructie-beoordelaar",
        "opdracht-kandidaat",
    ];
    (docs.iter())
        .flat_map(|d| ["html", "pdf", "md"].map(|ext| format!("{d}.{ext}")))
        .collect()
}

/// A build without PDFs after a change leaves the old PDFs on disk but links none of them from
/// the changed plan's page (they are of the version before); an unchanged plan keeps its PDF
/// links; the next build with PDFs makes them anew and links them again.
#[test]
fn build_without_pdf_links_no_pdf_of_an_earlier_text() {
    let dir = built_then_changed();
    build_ok(dir.path(), &["--format", "md,html"]);
    let page = |code: &str| {
        std::fs::read_to_string(dir.path().join(format!("output/{code}/index.html"))).unwrap()
    };
    let without_pdf: Vec<String> = (all_links().into_iter())
        .filter(|l| !l.ends_with(".pdf"))
        .collect();
    assert_eq!(document_links(&page("V1")), without_pdf);
    assert!(page("V1").contains("Versie 1 maart 2024"));
    assert!(
        dir.path().join("output/V1/toetsplan.pdf").is_file(),
        "left on disk"
    );
    assert_eq!(
        document_links(&page("B2")),
        all_links(),
        "B2 did not change"
    );

    build_ok(dir.path(), &[]);
    assert_eq!(document_links(&page("V1")), all_links());
    let pdf = pdf_text(&dir.path().join("output/V1/toetsplan.pdf"));
    assert!(pdf.contains(NEW_TEXT), "the linked PDF is of the new text");
}

/// A running `toetsgen serve` (without --pdf), killed when dropped.
struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A raw HTTP GET to the server on `port`: the body.
fn get(port: u16, target: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{target}: {head}");
    body.to_owned()
}

/// `serve` without --pdf says that it makes no PDFs and what its pages then link, and the page
/// of a plan changed since its PDFs were made links none of them (they are of the version
/// before), while an unchanged plan's page keeps its PDF links.
#[test]
fn serve_without_pdf_says_so_and_links_no_pdf_of_an_earlier_text() {
    let dir = built_then_changed();
    let mut child = toetsgen(dir.path())
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let _serve = Serve(child);
    let (mut first, mut second) = (String::new(), String::new());
    stdout.read_line(&mut first).unwrap();
    stdout.read_line(&mut second).unwrap();
    let port: u16 = (first.split("http://127.0.0.1:").nth(1))
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in the first line: {first:?}"));
    assert_eq!(
        second,
        "PDFs are not made while serving (add --pdf to make them): a plan's page links its PDFs only while they are of the plan as it is, so a plan changed since its PDFs were made shows none until `toetsgen build` makes them again\n"
    );
    let start = Instant::now();
    loop {
        let status: serde_json::Value =
            serde_json::from_str(&get(port, "/__toetsgen/status")).unwrap();
        if status["builds"].as_u64().unwrap() >= 1 {
            assert_eq!(status["ok"], true, "{status}");
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no build");
        std::thread::sleep(Duration::from_millis(50));
    }
    let v1 = get(port, "/V1/index.html");
    assert!(v1.contains("Versie 1 maart 2024"), "{v1}");
    let links = document_links(&v1);
    assert!(links.iter().all(|l| !l.ends_with(".pdf")), "{links:?}");
    assert_eq!(
        links.len(),
        8,
        "HTML and Markdown of every document: {links:?}"
    );
    assert_eq!(document_links(&get(port, "/B2/index.html")), all_links());
}
