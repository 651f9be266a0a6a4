//! Paper that reads well (issue 21): every PDF read back one page at a time with
//! `pdftotext -layout`. No page ends with an onderdeel's heading row or a table's column
//! headers with no row under them, in every document of V1 and the fixture plans and in a print
//! packet; and after a change the toetsplan lists its earlier versions by date on a page with
//! content, without a file path.

use std::path::{Path, PathBuf};

use crate::common::*;

/// The text of every page of a PDF, in layout mode, one entry per page.
fn layout_pages(pdf: &Path) -> Vec<String> {
    (1..=pdf_pages(pdf))
        .map(|n| {
            let out = run(std::process::Command::new("pdftotext")
                .args([
                    "-enc",
                    "UTF-8",
                    "-layout",
                    "-f",
                    &n.to_string(),
                    "-l",
                    &n.to_string(),
                ])
                .arg(pdf)
                .arg("-"));
            assert!(
                out.status.success(),
                "pdftotext failed on {}",
                pdf.display()
            );
            String::from_utf8(out.stdout).unwrap()
        })
        .collect()
}

/// The lines of a page with content, whitespace collapsed, without the footer ("Versie … pagina
/// x van y").
fn content_lines(page: &str) -> Vec<String> {
    page.lines()
        .map(collapse)
        .filter(|l| !l.is_empty())
        .filter(|l| !(l.contains("pagina ") && l.contains(" van ") && l.starts_with("Versie ")))
        .collect()
}

/// Words that make up the column headers of the documents' tables (and nothing else but the
/// observation label, added per plan).
const HEADER_WORDS: &[&str] = &[
    "Toetsterm",
    "Niveau",
    "Oordeel",
    "Aandachtspunten",
    "Sterke",
    "punten",
    "Vragen",
    "Aantal",
    "goed",
    "opdr.",
    "K",
    "B",
    "RV",
    "PV",
    "Naam",
    "onderdeel",
    "en",
    "toetsnummer",
    "Laatste",
    "wijzigings-",
    "wijzigingsdatum",
    "datum",
    "waarop",
    "de",
    "toetsterm",
    "wordt",
    "getoetst",
    "Toetsnummer",
    "Gewijzigd",
    "op",
    "Waarneming",
];

/// The documents' section headings.
const SECTION_HEADINGS: &[&str] = &[
    "Toetstermen",
    "Wijzigingen",
    "Toetsmatrijs",
    "Eerdere versies",
    "Zo wordt dit formulier ingevuld",
    "Cesuur en scoringsregels",
    "Totaal, cesuur en scoringsregels",
    "Uitslag",
    "Feedback aan de kandidaat",
    "Ondertekening",
];

/// The lines that introduce a table, which must stand on the page of its first row.
const INTRODUCTIONS: &[&str] = &[
    "Gewijzigd sinds de ingangsdatum",
    "Hoeveel vragen bij elke toetsterm horen",
];

/// Whether a line holds nothing but column headers: only header words (or the observation
/// columns' numbers and label) and at least one header word that is not a number.
fn is_header_line(line: &str, waarneming: &[String]) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    let known = |w: &str| HEADER_WORDS.contains(&w) || waarneming.iter().any(|x| x == w);
    let all = words
        .iter()
        .all(|w| known(w) || w.chars().all(|c| c.is_ascii_digit()));
    let numbers_only = words.iter().all(|w| w.chars().all(|c| c.is_ascii_digit()));
    let counting = numbers_only
        && words.len() >= 2
        && words
            .windows(2)
            .all(|p| p[1].parse::<u32>().ok() == p[0].parse::<u32>().ok().map(|n| n + 1));
    all && (counting || words.iter().any(|w| known(w)))
}

/// The names of a plan's onderdelen, whitespace collapsed, and its observation label's words.
fn plan_facts(plan: &Path) -> (Vec<String>, Vec<String>) {
    let plan = toetsgen::plan::load::load(plan).unwrap().plan;
    let names = plan.onderdelen.iter().map(|o| collapse(&o.naam)).collect();
    let label = plan
        .beoordeling
        .as_ref()
        .map(|b| {
            collapse(&b.waarneming)
                .split(' ')
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    (names, label)
}

/// What is wrong with the end of one page (its text in layout mode), if anything: its content
/// ends with an onderdeel's heading (with or without its number), a section heading, the line
/// that introduces a table, or a line of column headers.
fn page_end_problem(page: &str, names: &[String], waarneming: &[String]) -> Option<String> {
    let lines = content_lines(page);
    let last = lines.last()?;
    let tail = lines.join(" ");
    for (n, name) in names.iter().enumerate() {
        let numbered = format!("{}. {name}", n + 1);
        if tail.ends_with(&numbered) || tail.ends_with(name) {
            return Some(format!("ends with the heading {name:?}"));
        }
    }
    if SECTION_HEADINGS.contains(&last.as_str())
        || INTRODUCTIONS.iter().any(|i| last.starts_with(i))
    {
        return Some(format!(
            "ends with a heading or the line that introduces a table: {last:?}"
        ));
    }
    if is_header_line(last, waarneming) {
        return Some(format!("ends with column headers: {last:?}"));
    }
    None
}

/// The problems of a PDF's page ends (see [`page_end_problem`]), one line per page.
fn page_end_problems(pdf: &Path, names: &[String], waarneming: &[String]) -> Vec<String> {
    let pages = layout_pages(pdf);
    let count = pages.len();
    (pages.iter().enumerate())
        .filter_map(|(i, page)| {
            let problem = page_end_problem(page, names, waarneming)?;
            Some(format!(
                "{} page {} of {count} {problem}",
                pdf.display(),
                i + 1
            ))
        })
        .collect()
}

/// The documents of a plan.
const DOCUMENTS: [&str; 4] = [
    "toetsplan",
    "beoordelingsformulier",
    "instructie-beoordelaar",
    "opdracht-kandidaat",
];

/// The reference plans: V1 and the fixture plans.
fn reference_plans() -> Vec<PathBuf> {
    let mut plans = vec![seed_v1()];
    for entry in std::fs::read_dir(fixture("plans")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            plans.push(path);
        }
    }
    plans.sort();
    plans
}

/// The checks themselves: they see a heading and a header left alone at a page's end.
#[test]
fn the_checks_see_a_heading_or_header_at_a_page_end() {
    let names = ["Informatie verwerken en omgevingsbewustzijn".to_owned()];
    let waarneming = ["Klantgesprek".to_owned()];
    let page = |end: &str| {
        format!(
            "Toetsplan V1: Dienstverlening      Beoordelingsformulier\n\n V1.15 Beoordeelt een \
             lastige situatie   PV\n{end}\n\n\n Versie 1 september 2021          pagina 2 van 4\n"
        )
    };
    for end in [
        "   4. Informatie verwerken en\n      omgevingsbewustzijn",
        "   Informatie verwerken en omgevingsbewustzijn",
        "Wijzigingen",
        "Gewijzigd sinds de ingangsdatum (1 september 2021):",
        " Toetsterm     Niveau    Klantgesprek   Oordeel  Aandachtspunten  Sterke punten\n   1  2  3  4  5",
    ] {
        assert!(
            page_end_problem(&page(end), &names, &waarneming).is_some(),
            "{end}"
        );
    }
    for end in [
        "",
        " V1.16 Kan de sociaal-culturele achtergrond herkennen.  B",
    ] {
        assert_eq!(
            page_end_problem(&page(end), &names, &waarneming),
            None,
            "{end}"
        );
    }
    for line in [
        "Toetsterm Niveau Klantgesprek Oordeel Aandachtspunten Sterke punten",
        "1 2 3 4 5",
        "K B RV PV",
        "Toetsterm Niveau Vragen Aantal goed",
        "Toetsnummer Gewijzigd op Toetsterm",
    ] {
        assert!(is_header_line(line, &waarneming), "{line}");
    }
    for line in [
        "V1.15 Beoordeelt een lastige situatie PV",
        "Totaal 3 2 5",
        "2 5",
        "Succes!",
        "Kandidaat (voor gezien)",
    ] {
        assert!(!is_header_line(line, &waarneming), "{line}");
    }
}

/// No page of any document of the reference plans ends with an onderdeel's heading or a
/// table's column headers: a heading row goes to the next page with its first toetsterm.
#[test]
fn no_page_ends_with_a_heading_or_column_headers() {
    let plans = reference_plans();
    let refs: Vec<&Path> = plans.iter().map(PathBuf::as_path).collect();
    let dir = project(&refs);
    build_ok(dir.path(), &["--format", "pdf"]);
    let mut problems = Vec::new();
    let mut checked = 0;
    for plan in &plans {
        let (names, waarneming) = plan_facts(plan);
        let code = toetsgen::plan::load::load(plan).unwrap().plan.code;
        for entry in std::fs::read_dir(dir.path().join("output").join(&code)).unwrap() {
            let pdf = entry.unwrap().path();
            if pdf.extension().is_some_and(|e| e == "pdf") {
                problems.extend(page_end_problems(&pdf, &names, &waarneming));
                checked += 1;
            }
        }
    }
    assert!(checked >= 4 * plans.len(), "{checked} PDFs");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// V1's beoordelingsformulier: onderdeel 4's heading stands above its first toetsterm, on the
/// same page (it used to end page 2 alone).
#[test]
fn v1_onderdeel_4_heading_is_on_the_page_of_its_first_toetsterm() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "pdf"]);
    let pages = layout_pages(&dir.path().join("output/V1/beoordelingsformulier.pdf"));
    let heading = "4. Informatie verwerken en omgevingsbewustzijn";
    let with_heading: Vec<usize> = (0..pages.len())
        .filter(|&i| collapse(&pages[i]).contains(heading))
        .collect();
    assert_eq!(with_heading.len(), 1, "the heading is printed once");
    let page = collapse(&pages[with_heading[0]]);
    let after = &page[page.find(heading).unwrap()..];
    assert!(after.contains("V1.16"), "{page}");
}

/// A print packet: no page ends with a heading or column headers either.
#[test]
fn no_packet_page_ends_with_a_heading_or_column_headers() {
    let dir = project(&[&seed_v1()]);
    let sessies = dir.path().join("sessies");
    std::fs::create_dir_all(&sessies).unwrap();
    for entry in std::fs::read_dir(fixture("sessions/pakket")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, sessies.join(path.file_name().unwrap())).unwrap();
    }
    exits(
        toetsgen(dir.path()).args(["packet", "sessies/2026-12-03-den-haag.yaml"]),
        0,
        &[],
    );
    let pdf = dir.path().join("pakketten/2026-12-03-den-haag.pdf");
    let (names, waarneming) = plan_facts(&seed_v1());
    let problems = page_end_problems(&pdf, &names, &waarneming);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// After a change every PDF names its earlier version by date, on its last page, which holds
/// other content too, and prints no file path.
#[test]
fn earlier_versions_are_listed_by_date_without_a_path_or_a_page_of_their_own() {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &["--format", "pdf"]);
    let path = dir.path().join("toetsplannen/V1-dienstverlening.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("code: V1.13").unwrap();
    let date = start + text[start..].find("gewijzigd: 2021-09-01").unwrap();
    let changed = format!(
        "{}gewijzigd: 2025-06-01{}",
        text[..date].replacen(
            "Reageert professioneel op emoties",
            "Reageert altijd professioneel op emoties",
            1
        ),
        &text[date + "gewijzigd: 2021-09-01".len()..]
    );
    assert_ne!(changed, text);
    std::fs::write(&path, changed).unwrap();
    build_ok(dir.path(), &["--format", "pdf"]);
    let (names, waarneming) = plan_facts(&path);
    for doc in DOCUMENTS {
        let pdf = dir.path().join(format!("output/V1/{doc}.pdf"));
        let problems = page_end_problems(&pdf, &names, &waarneming);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
    for doc in DOCUMENTS {
        let pdf = dir.path().join(format!("output/V1/{doc}.pdf"));
        let all = pdf_text(&pdf);
        assert!(all.contains("Eerdere versies"), "{doc}: {all}");
        assert!(all.contains("versie 1 september 2021"), "{doc}: {all}");
        assert!(!all.contains("versies/"), "{doc} prints a path: {all}");
        assert!(!all.contains(".pdf"), "{doc} prints a file name: {all}");
        let pages = layout_pages(&pdf);
        let last = pages.last().unwrap();
        assert!(
            collapse(last).contains("Eerdere versies"),
            "{doc}: earlier versions on the last page"
        );
        for (i, page) in pages.iter().enumerate() {
            let lines = content_lines(page);
            // The running header (plan and document) is the first line of every page.
            let body: Vec<&String> = lines.iter().skip(1).collect();
            let own = body
                .iter()
                .all(|l| l.contains("Eerdere versies") || l.contains("versie "));
            assert!(
                !own,
                "{doc} page {} holds only the earlier versions: {lines:?}",
                i + 1
            );
        }
    }
}
