//! `toetsgen packet` end to end with the real typst: the packet read back page by page with
//! pdftotext and pdfinfo, its bookmarks read from the PDF's outline, the same bytes twice, and
//! the privacy rule (no candidate name under `output/` after `build` and `packet`).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common::{exits, fixture, run, seed_v1, stable, toetsgen};

const SESSION: &str = "2026-12-03-den-haag";
const NAMES: [&str; 3] = ["Jan Jansen", "Renée #Müller [x]", "Pieternella Peters"];
const NUMBERS: [&str; 3] = ["2026-0012", "2026-0013", "2026-0014"];
const FILLER: &str = "Deze pagina is bewust leeg gelaten.";
/// The session's two assessors: each fills in a form of their own for every candidate.
const ASSESSORS: [&str; 2] = ["Annelies de Vries", "Bram Bakker"];

/// A project with the V1 plan and the fixture sessions under `sessies/`.
fn project() -> tempfile::TempDir {
    let dir = crate::common::project(&[&seed_v1()]);
    let sessies = dir.path().join("sessies");
    std::fs::create_dir_all(&sessies).unwrap();
    for entry in std::fs::read_dir(fixture("sessions/pakket")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, sessies.join(path.file_name().unwrap())).unwrap();
    }
    dir
}

/// The packet of the Den Haag session, made once for the tests that only read it.
fn packet() -> &'static (tempfile::TempDir, PathBuf, Vec<String>) {
    static PACKET: OnceLock<(tempfile::TempDir, PathBuf, Vec<String>)> = OnceLock::new();
    PACKET.get_or_init(|| {
        let dir = project();
        exits(
            toetsgen(dir.path()).args(["packet", &format!("sessies/{SESSION}.yaml")]),
            0,
            &[],
        );
        let pdf = dir.path().join(format!("pakketten/{SESSION}.pdf"));
        let pages = pages(&pdf);
        (dir, pdf, pages)
    })
}

/// The text of every page, read one page at a time.
fn pages(pdf: &Path) -> Vec<String> {
    let info = pdfinfo(pdf);
    let count: usize = (info.lines())
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .unwrap();
    (1..=count)
        .map(|n| {
            let out = run(std::process::Command::new("pdftotext")
                .args(["-f", &n.to_string(), "-l", &n.to_string(), "-layout"])
                .arg(pdf)
                .arg("-"));
            String::from_utf8(out.stdout).unwrap()
        })
        .collect()
}

fn pdfinfo(pdf: &Path) -> String {
    let out = run(std::process::Command::new("pdfinfo").arg(pdf));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A page's "pagina x van y", if it has one.
fn page_number(page: &str) -> Option<(usize, usize)> {
    let at = page.rfind("pagina ")?;
    let mut words = page[at..].split_whitespace().skip(1);
    let x = words.next()?.parse().ok()?;
    (words.next()? == "van").then_some(())?;
    Some((x, words.next()?.parse().ok()?))
}

/// The documents of the packet: (first page index, 0-based; its pages).
fn documents(pages: &[String]) -> Vec<(usize, Vec<&String>)> {
    let mut docs: Vec<(usize, Vec<&String>)> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        match page_number(page) {
            Some((1, _)) => docs.push((i, vec![page])),
            Some(_) => docs.last_mut().unwrap().1.push(page),
            None => {}
        }
    }
    docs
}

/// Every document starts on an odd page, numbers its own pages 1 to y, and a page without a
/// page number holds the filler note and nothing else.
#[test]
fn documents_start_on_odd_pages_and_fillers_hold_only_the_note() {
    let (_, _, pages) = packet();
    for (i, page) in pages.iter().enumerate() {
        if page_number(page).is_none() {
            assert_eq!(page.trim(), FILLER, "page {}", i + 1);
        }
    }
    let docs = documents(pages);
    assert_eq!(
        docs.len(),
        3 + 3 * NAMES.len() + 1,
        "voorblad, presentielijst, instructie, per candidate the opdracht and a form per assessor, proces-verbaal"
    );
    for (first, doc) in &docs {
        assert_eq!(
            first % 2,
            0,
            "a document starts on page {}, an even page",
            first + 1
        );
        for (k, page) in doc.iter().enumerate() {
            assert_eq!(
                page_number(page),
                Some((k + 1, doc.len())),
                "page {}",
                first + k + 1
            );
        }
    }
}

/// Printed double-sided on the long edge, no sheet carries a portrait page on one side and a
/// landscape page on the other (only a filler page may back a page of the other orientation), and
/// every run of landscape pages (a form) starts on the front of a sheet: front and back of a form
/// sheet turn over the same edge, the one the packet is stapled at, whichever way the printer
/// turns landscape pages onto the paper (see README, "Afdrukken").
#[test]
fn no_sheet_mixes_portrait_and_landscape() {
    let (_, pdf, pages) = packet();
    let info = run(std::process::Command::new("pdfinfo")
        .args(["-f", "1", "-l", &pages.len().to_string()])
        .arg(pdf));
    let landscape: Vec<bool> = (String::from_utf8_lossy(&info.stdout).lines())
        .filter(|l| l.starts_with("Page") && l.contains(" size: "))
        .map(|l| {
            // "Page    1 size: 595.28 x 841.89 pts (A4)"
            let words: Vec<&str> = l
                .split(" size: ")
                .nth(1)
                .unwrap()
                .split_whitespace()
                .collect();
            let w: f64 = words[0].parse().unwrap();
            let h: f64 = words[2].parse().unwrap();
            w > h
        })
        .collect();
    assert_eq!(landscape.len(), pages.len());
    assert!(
        landscape.iter().filter(|l| **l).count() >= 24,
        "6 forms of 4 pages"
    );
    let filler = |i: usize| pages[i].trim() == FILLER;
    for front in (0..pages.len()).step_by(2) {
        let back = front + 1;
        if back < pages.len() && !filler(front) && !filler(back) {
            assert_eq!(
                landscape[front],
                landscape[back],
                "sheet of pages {} and {}",
                front + 1,
                back + 1
            );
        }
    }
    for i in 1..pages.len() {
        if landscape[i] && !landscape[i - 1] {
            assert_eq!(
                i % 2,
                0,
                "a form starts on page {}, the back of a sheet",
                i + 1
            );
        }
    }
}

/// Each candidate's name and number are on every page of their opdracht and forms and on no other
/// candidate's page; all names are on the presentielijst; the instructie is there exactly once.
/// The session names two assessors, so each candidate has two forms, one per assessor, marked
/// "Beoordelaar 1 — name" and "Beoordelaar 2 — name", each with the kandidaatnummer filled in.
#[test]
fn candidates_are_on_their_own_pages_only() {
    let (_, _, pages) = packet();
    let docs = documents(pages);
    let presentielijst = docs
        .iter()
        .find(|(_, d)| d[0].contains("Presentielijst"))
        .unwrap();
    for name in NAMES {
        assert!(
            presentielijst.1.iter().any(|p| p.contains(name)),
            "{name} on the presentielijst"
        );
    }
    let header = |page: &str| {
        page.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_owned()
    };
    let instructies = (docs.iter())
        .filter(|(_, d)| header(d[0]).contains("Instructie voor de beoordelaar"))
        .count();
    assert_eq!(instructies, 1);
    for (c, (name, number)) in NAMES.iter().zip(NUMBERS).enumerate() {
        let own: Vec<&(usize, Vec<&String>)> = docs
            .iter()
            .filter(|(_, d)| header(d[0]).contains(number))
            .collect();
        assert_eq!(own.len(), 3, "{name}: opdracht and a form per assessor");
        assert!(header(own[0].1[0]).contains("Opdracht voor de kandidaat"));
        assert!(header(own[1].1[0]).contains("Beoordelingsformulier"));
        assert!(header(own[2].1[0]).contains("Beoordelingsformulier"));
        for page in own.iter().flat_map(|(_, d)| d) {
            let header = header(page);
            assert!(
                header.contains(name) && header.contains(number),
                "header {header:?}"
            );
            for (other, other_number) in NAMES
                .iter()
                .zip(NUMBERS)
                .enumerate()
                .filter(|(o, _)| *o != c)
                .map(|(_, x)| x)
            {
                assert!(
                    !page.contains(other) && !page.contains(other_number),
                    "{other} on {name}'s page"
                );
            }
        }
        for (a, assessor) in ASSESSORS.iter().enumerate() {
            let form = own[1 + a].1.iter().map(|p| p.as_str()).collect::<String>();
            assert_eq!(field(&form, "Naam kandidaat"), [*name], "{name}'s form");
            assert_eq!(field(&form, "Kandidaatnummer"), [number], "{name}'s form");
            let mark = format!("Beoordelaar {} — {assessor}", a + 1);
            assert_eq!(form.matches(&mark).count(), 1, "{mark} on {name}'s form");
            let other = ASSESSORS[1 - a];
            assert!(!form.contains(other), "{other} on {assessor}'s form");
        }
    }
}

/// The values written after `label` on a page read with `-layout`: the text after `label:` (or,
/// in a table, after the label that begins the line and its gap) up to the next gap of two spaces or the line's end;
/// blank lines to write on are left out.
fn field<'a>(page: &'a str, label: &str) -> Vec<&'a str> {
    let mut values = Vec::new();
    for line in page.lines() {
        let line = line.trim_start();
        let colon = format!("{label}:");
        let after = [
            line.strip_prefix(&colon),
            (line.find(&format!("  {colon}"))).map(|at| &line[at + 2 + colon.len()..]),
            line.strip_prefix(&format!("{label}  ")),
        ];
        for rest in after.into_iter().flatten() {
            let value = rest
                .trim_start()
                .split("  ")
                .next()
                .unwrap_or("")
                .trim_end();
            if !value.is_empty() {
                values.push(value);
            }
        }
    }
    values
}

/// Date, time, location and each assessor have a field of their own on the voorblad, the
/// opdracht and every form (never "3 december 2026, Stadhuis" or "A en B" in one field); each form
/// names only its own assessor, with their signature row.
#[test]
fn each_field_holds_one_value() {
    let (_, _, pages) = packet();
    let expected = [
        ("Datum", "3 december 2026"),
        ("Tijd", "09:30 uur"),
        ("Locatie", "Stadhuis Den Haag, Spui 70"),
    ];
    let docs = documents(pages);
    let with_fields: Vec<String> = (docs.iter())
        .filter(|(_, d)| {
            [
                "Voorblad",
                "Opdracht voor de kandidaat",
                "Beoordelingsformulier",
            ]
            .iter()
            .any(|t| d[0].lines().take(3).any(|l| l.contains(t)))
        })
        .map(|(_, d)| d.iter().map(|p| p.as_str()).collect())
        .collect();
    assert_eq!(with_fields.len(), 1 + 3 * NAMES.len());
    let mut forms = 0;
    for doc in &with_fields {
        for (label, value) in expected {
            assert_eq!(field(doc, label), [value], "{label} in\n{doc}");
        }
        let Some(signing) = doc.find("Ondertekening").map(|at| &doc[at..]) else {
            for (a, assessor) in ASSESSORS.iter().enumerate() {
                let label = format!("Beoordelaar {}", a + 1);
                assert_eq!(field(doc, &label), [*assessor], "{label} in\n{doc}");
            }
            continue;
        };
        let a = forms % 2;
        forms += 1;
        let label = format!("Beoordelaar {}", a + 1);
        assert_eq!(
            field(doc, &label),
            [ASSESSORS[a]; 2],
            "field and signature row:\n{doc}"
        );
        assert_eq!(field(signing, &label), [ASSESSORS[a]], "{signing}");
        assert!(field(doc, &format!("Beoordelaar {}", 2 - a)).is_empty());
    }
    assert_eq!(forms, 2 * NAMES.len());
}

/// A session with one assessor (Delft) has one form per candidate, with the number filled in and
/// no assessor's mark; the voorblad says what the packet holds.
#[test]
fn one_assessor_one_form_per_candidate() {
    let dir = project();
    exits(
        toetsgen(dir.path()).args(["packet", "sessies/2026-12-04-delft.yaml"]),
        0,
        &["Windows-1252"],
    );
    let pages = pages(&dir.path().join("pakketten/2026-12-04-delft.pdf"));
    let docs = documents(&pages);
    assert_eq!(
        docs.len(),
        3 + 2 + 1,
        "one candidate: opdracht and one form"
    );
    let form: String = docs[4].1.iter().map(|p| p.as_str()).collect();
    assert_eq!(field(&form, "Naam kandidaat"), ["Chloë van der Berg"]);
    assert_eq!(field(&form, "Kandidaatnummer"), ["2026-0020"]);
    assert_eq!(field(&form, "Naam beoordelaar"), ["Bram Bakker"]);
    assert!(!form.contains("Beoordelaar 1"), "{form}");
    assert!(docs[0].1[0].contains("de opdracht en het beoordelingsformulier"));
}

/// Every toetsterm of V1 appears exactly once on each candidate's beoordelingsformulier.
#[test]
fn every_toetsterm_once_on_each_form() {
    let (_, _, pages) = packet();
    let plan = toetsgen::plan::load::load(&seed_v1()).unwrap();
    let codes: Vec<&str> = plan
        .plan
        .onderdelen
        .iter()
        .flat_map(|o| &o.toetstermen)
        .map(|t| t.code.as_str())
        .collect();
    assert_eq!(codes.len(), 20, "the V1 plan has 20 toetstermen");
    let forms: Vec<String> = (documents(pages).iter())
        .filter(|(_, d)| d[0].contains("Naam kandidaat:"))
        .map(|(_, d)| d.iter().map(|p| p.as_str()).collect())
        .collect();
    assert_eq!(forms.len(), 2 * NAMES.len(), "a form per assessor");
    for form in &forms {
        for code in &codes {
            let n = form.matches(code).count();
            assert_eq!(n, 1, "{code} on a form");
        }
    }
}

/// The bookmarks are the voorblad, presentielijst, instructie, each candidate by name and
/// number, and the proces-verbaal; the PDF is tagged and titled.
#[test]
fn bookmarks_name_every_candidate() {
    let (_, pdf, _) = packet();
    let info = pdfinfo(pdf);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Title:           Examenpakket V1: Dienstverlening"),
        "{info}"
    );
    let mut expected = vec![
        "Voorblad examenpakket V1: Dienstverlening".to_owned(),
        "Presentielijst".to_owned(),
        "Instructie voor de beoordelaar".to_owned(),
    ];
    expected.extend(NAMES.iter().zip(NUMBERS).map(|(n, k)| format!("{n} ({k})")));
    expected.push("Proces-verbaal van de afname".to_owned());
    assert_eq!(
        crate::common::pdf_outline(&std::fs::read(pdf).unwrap()),
        expected
    );
}

/// The same session gives the same bytes; a second run leaves the packet untouched.
#[test]
fn same_session_same_bytes() {
    let (dir, pdf, _) = packet();
    let again = dir.path().join("again.pdf");
    let packet_again = || {
        exits(
            toetsgen(dir.path())
                .args(["packet", &format!("sessies/{SESSION}.yaml"), "-o"])
                .arg(&again),
            0,
            &[],
        )
    };
    packet_again();
    assert_eq!(std::fs::read(pdf).unwrap(), std::fs::read(&again).unwrap());
    let (stdout, _) = packet_again();
    assert!(stdout.starts_with("Unchanged"), "{stdout}");
}

/// After `build` and `packet --all`, no candidate's name or number is in any file under
/// `output/` (PDFs read as text), and both packets are in `pakketten/`.
#[test]
fn no_candidate_data_under_output() {
    let dir = project();
    exits(toetsgen(dir.path()).args(["build"]), 0, &[]);
    // Windows-1252: the note on the CSV's encoding.
    exits(
        toetsgen(dir.path()).args(["packet", "--all"]),
        0,
        &["Windows-1252"],
    );
    assert!(dir.path().join("pakketten/2026-12-04-delft.pdf").is_file());
    let mut secrets: Vec<&str> = NAMES.iter().chain(NUMBERS.iter()).copied().collect();
    secrets.extend(["Chloë van der Berg", "2026-0020"]);
    let mut files = 0;
    for entry in walkdir::WalkDir::new(dir.path().join("output")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        files += 1;
        let text = if entry.path().extension().is_some_and(|e| e == "pdf") {
            let out = run(std::process::Command::new("pdftotext")
                .arg(entry.path())
                .arg("-"));
            String::from_utf8_lossy(&out.stdout).into_owned()
        } else {
            String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned()
        };
        for secret in &secrets {
            assert!(
                !text.contains(secret),
                "{secret} in {}",
                entry.path().display()
            );
        }
    }
    assert!(files > 10, "the build wrote {files} files");
}

/// A session with an error makes no packet and exits 1, with the file and line in the message.
#[test]
fn a_bad_session_makes_nothing() {
    let dir = project();
    let bad = dir.path().join("sessies/fout.yaml");
    std::fs::write(&bad, "plan: X9\ndatum: 2026-12-03\nlocatie: A\nbeoordelaars: [B]\nkandidaten: [{naam: C, nummer: \"1\"}]\n").unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["packet", "sessies/fout.yaml"]),
        1,
        &["sessies/fout.yaml:1:7"],
    );
    insta::assert_snapshot!("bad_session", stderr);
    assert!(!dir.path().join("pakketten").exists());
}

/// A packet is personal data: `-o` inside a published output folder (one holding a build record)
/// is refused and nothing is written there.
#[test]
fn a_packet_never_goes_into_the_published_output() {
    let dir = project();
    std::fs::create_dir_all(dir.path().join("output")).unwrap();
    std::fs::write(dir.path().join("output/.toetsgen.json"), "{}").unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args([
            "packet",
            "sessies/2026-12-03-den-haag.yaml",
            "-o",
            "output/pakket.pdf",
        ]),
        1,
        &[],
    );
    stable(dir.path()).bind(|| insta::assert_snapshot!(stderr, @"error: output/pakket.pdf lies inside [dir]/output, a published output folder (it holds toetsgen's build record): packets are personal data and never go on the site; write them elsewhere"));
    assert!(!dir.path().join("output/pakket.pdf").exists());
}

/// A session whose plan file has a YAML syntax error makes no packet and exits 1: the plan's
/// error is reported with its file, line and column and the line shown (pinned with insta), and
/// the session, whose plan cannot be read, is refused.
#[test]
fn a_session_whose_plan_is_broken_yaml_makes_nothing() {
    let dir = crate::common::project(&[&seed_v1(), &fixture("invalid/yaml-malformed/plan.yaml")]);
    std::fs::create_dir(dir.path().join("sessies")).unwrap();
    std::fs::write(
        dir.path().join("sessies/t1.yaml"),
        "plan: T1\ndatum: 2026-12-03\nlocatie: Stadhuis\nbeoordelaars: [A. de Vries]\nkandidaten: [{naam: Jan Jansen, nummer: \"1\"}]\n",
    )
    .unwrap();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["packet", "sessies/t1.yaml"]),
        1,
        &["--> toetsplannen/plan.yaml:17:16"],
    );
    insta::assert_snapshot!("broken_yaml_plan", stderr);
    assert!(!dir.path().join("pakketten").exists());
}

/// A packet is never written into a published output folder however it is named (issue 20,
/// item 7): through `..` after a missing folder, or through `pakketten/` linked into `output/`;
/// nothing is written there, exit code 1.
#[test]
fn no_way_around_the_published_output() {
    let dir = project();
    exits(
        toetsgen(dir.path()).args(["build", "--format", "md"]),
        0,
        &[],
    );
    let session = format!("sessies/{SESSION}.yaml");
    exits(
        toetsgen(dir.path()).args(["packet", &session, "-o", "nieuw/../output/x.pdf"]),
        1,
        &["a published output folder"],
    );
    std::os::unix::fs::symlink(dir.path().join("output/V1"), dir.path().join("pakketten")).unwrap();
    exits(
        toetsgen(dir.path()).args(["packet", &session]),
        1,
        &["a published output folder"],
    );
    let pdfs = walkdir::WalkDir::new(dir.path().join("output"))
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "pdf")
        })
        .count();
    assert_eq!(pdfs, 0, "no packet under output/");
}

/// `packet -o` does not replace a file that is not a packet (here the session file itself)
/// unless --force; a packet it made before is replaced as usual.
#[test]
fn packet_replaces_only_packets_unless_forced() {
    let dir = project();
    let session = format!("sessies/{SESSION}.yaml");
    let before = std::fs::read(dir.path().join(&session)).unwrap();
    exits(
        toetsgen(dir.path()).args(["packet", &session, "-o", &session]),
        1,
        &["is not a print packet toetsgen made, so it is left alone"],
    );
    assert_eq!(std::fs::read(dir.path().join(&session)).unwrap(), before);
    exits(
        toetsgen(dir.path()).args(["packet", &session, "-o", "p.pdf"]),
        0,
        &[],
    );
    exits(
        toetsgen(dir.path()).args(["packet", &session, "-o", "p.pdf"]),
        0,
        &[],
    );
    std::fs::write(dir.path().join("ander.pdf"), "%PDF-1.7 iets anders").unwrap();
    exits(
        toetsgen(dir.path()).args(["packet", &session, "-o", "ander.pdf", "--force"]),
        0,
        &[],
    );
}

/// When typst fails on a packet, its source (candidates' names included) is not left anywhere:
/// nothing in the temporary folder, nothing beside the packets; the error says how to keep it,
/// and with --keep-typst it is kept where asked (issue 20, item 8).
#[test]
fn a_failed_packet_leaves_no_candidate_data_behind() {
    let dir = project();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("_voorblad.typ.tera"), "#kapot(\n").unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let session = format!("sessies/{SESSION}.yaml");
    exits(
        toetsgen(dir.path())
            .args(["packet", &session])
            .env("TMPDIR", tmp.path()),
        1,
        &[
            "typst failed on pakketten/2026-12-03-den-haag.pdf",
            "run again with --keep-typst DIR",
        ],
    );
    let left = |d: &Path| std::fs::read_dir(d).map(|r| r.count()).unwrap_or(0);
    assert_eq!(left(tmp.path()), 0, "nothing in the temporary folder");
    assert_eq!(
        left(&dir.path().join("pakketten")),
        0,
        "nothing beside the packets"
    );
    exits(
        toetsgen(dir.path())
            .args(["packet", &session, "--keep-typst", "bewaard"])
            .env("TMPDIR", tmp.path()),
        1,
        &["kept in bewaard for inspection"],
    );
    let kept: Vec<String> = std::fs::read_dir(dir.path().join("bewaard"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(kept.iter().any(|n| n.ends_with(".typ")), "{kept:?}");
    assert_eq!(left(tmp.path()), 0);
}
