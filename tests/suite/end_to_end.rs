//! The whole program as a user runs it: the real binary, the real typst, and the outputs read
//! back with independent readers (pdftotext for PDFs, an HTML parser, a CommonMark renderer).

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::*;

const DOCUMENTS: [&str; 4] = [
    "toetsplan",
    "beoordelingsformulier",
    "instructie-beoordelaar",
    "opdracht-kandidaat",
];

/// A toetsterm row of the seed: code, text, date (d-m-yyyy) and its levels.
struct SeedTerm {
    code: String,
    tekst: String,
    datum: String,
    niveaus: Vec<&'static str>,
}

/// The toetstermen of the office's V1 document, read from its text export.
fn seed_terms() -> Vec<SeedTerm> {
    let seed = std::fs::read_to_string(fixture("seed-V1.txt")).unwrap();
    let levels = ["K", "B", "RV", "PV"];
    seed.lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|f| f.len() == 8 && f[0].starts_with("V1."))
        .map(|f| SeedTerm {
            code: f[0].to_owned(),
            tekst: collapse(f[1]),
            datum: f[2].to_owned(),
            niveaus: (0..4)
                .filter(|&i| f[4 + i] == "X")
                .map(|i| levels[i])
                .collect(),
        })
        .collect()
}

/// Markdown as a git host shows it: rendered by a CommonMark renderer, then read as text.
fn markdown_text(path: &Path) -> String {
    let md = std::fs::read_to_string(path).unwrap();
    let parser = pulldown_cmark::Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    let doc = scraper::Html::parse_fragment(&html);
    collapse(&doc.root_element().text().collect::<Vec<_>>().join(" "))
}

fn build_v1() -> tempfile::TempDir {
    let dir = project(&[&seed_v1()]);
    build_ok(dir.path(), &[]);
    dir
}

/// The README's main job on the real V1 plan makes all twelve files, and every toetsterm code and
/// text of the seed is in every document in every format; the form lists each exactly once.
#[test]
fn v1_documents_carry_every_toetsterm_in_every_format() {
    let dir = build_v1();
    let out = dir.path().join("output/V1");
    let mut files: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut expected: Vec<String> = DOCUMENTS
        .iter()
        .flat_map(|d| ["md", "html", "pdf"].map(|e| format!("{d}.{e}")))
        .chain(["index.html", "beoordelingsformulier.scan.json"].map(str::to_owned))
        .collect();
    expected.sort();
    assert_eq!(
        files, expected,
        "every document, the plan's page and the form's scan layout"
    );
    let terms = seed_terms();
    assert_eq!(terms.len(), 20);
    for doc in DOCUMENTS {
        let texts = [
            ("pdf", pdf_text(&out.join(format!("{doc}.pdf")))),
            ("html", html_text(&out.join(format!("{doc}.html")))),
            ("md", markdown_text(&out.join(format!("{doc}.md")))),
        ];
        for (format, text) in &texts {
            // pdftotext joins a line that ends in a hyphen to the next and drops the hyphen
            // (poppler's dehyphenation): "gemeente- en" reads "gemeenteen" where typst broke the
            // line after the hyphen, which hyphenated table cells make more likely.
            let joined = |s: &str| match *format {
                "pdf" => s.replace("- ", ""),
                _ => s.to_owned(),
            };
            let text = joined(text);
            for t in &terms {
                assert!(text.contains(&t.code), "{doc}.{format} lacks {}", t.code);
                assert!(
                    text.contains(&joined(&t.tekst)),
                    "{doc}.{format} lacks the text of {}: {}",
                    t.code,
                    t.tekst
                );
                if doc == "beoordelingsformulier" {
                    assert_eq!(
                        text.matches(&joined(&t.tekst)).count(),
                        1,
                        "{doc}.{format}: {} not exactly once",
                        t.code
                    );
                    assert_eq!(
                        text.matches(&format!("{} ", t.code)).count(),
                        1,
                        "{doc}.{format}: {} not once",
                        t.code
                    );
                }
            }
            assert!(
                text.contains("V1: Dienstverlening"),
                "{doc}.{format} does not name the plan"
            );
            assert!(
                text.contains("1 september 2021"),
                "{doc}.{format} does not show the version"
            );
        }
    }
}

/// The toetsplan's table gives each toetsterm the date and levels of the seed, and the TOTAAL.
#[test]
fn v1_toetsplan_table_matches_seed_levels_and_dates() {
    let dir = build_v1();
    let html = std::fs::read_to_string(dir.path().join("output/V1/toetsplan.html")).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("table.toetstermen tbody tr").unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    let mut found: BTreeMap<String, (String, Vec<&str>)> = BTreeMap::new();
    let mut totaal = None;
    for row in doc.select(&rows) {
        let cells: Vec<String> = row
            .select(&cell)
            .map(|c| collapse(&c.text().collect::<String>()))
            .collect();
        if cells[0].starts_with("V1.") {
            let levels = ["K", "B", "RV", "PV"];
            let marks = (0..4)
                .filter(|&i| cells[4 + i].starts_with('X'))
                .map(|i| levels[i])
                .collect();
            found.insert(cells[0].clone(), (cells[2].clone(), marks));
        } else if cells[0] == "TOTAAL:" {
            totaal = Some(cells[1].clone());
        }
    }
    for t in seed_terms() {
        assert_eq!(
            found.get(&t.code),
            Some(&(t.datum.clone(), t.niveaus.clone())),
            "{}",
            t.code
        );
    }
    assert_eq!(totaal.as_deref(), Some("1"));
}

/// Every PDF claims PDF/A-2a and PDF/UA-1 (typst checked them while writing): the XMP metadata
/// read back with pdfinfo has pdfaid part 2, conformance A, and pdfuaid part 1.
#[test]
fn every_pdf_is_pdf_a_2a_and_pdf_ua_1() {
    let dir = project(&[
        &seed_v1(),
        &fixture("plans/B2-theorie.yaml"),
        &fixture("plans/S9-tekens.yaml"),
    ]);
    build_ok(dir.path(), &[]);
    let pdfs: Vec<_> = walkdir::WalkDir::new(dir.path().join("output"))
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 12);
    for pdf in pdfs {
        let out = std::process::Command::new("pdfinfo")
            .arg("-meta")
            .arg(pdf.path())
            .output()
            .unwrap();
        let meta = String::from_utf8_lossy(&out.stdout);
        for claim in [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>A</pdfaid:conformance>",
            "<pdfuaid:part>1</pdfuaid:part>",
        ] {
            assert!(
                meta.contains(claim),
                "{} lacks {claim}",
                pdf.path().display()
            );
        }
    }
}

/// The same input gives the same bytes, in every format (PDFs included).
#[test]
fn builds_are_reproducible() {
    let a = build_v1();
    let b = build_v1();
    for doc in DOCUMENTS {
        for ext in ["md", "html", "pdf"] {
            let name = format!("output/V1/{doc}.{ext}");
            let x = std::fs::read(a.path().join(&name)).unwrap();
            let y = std::fs::read(b.path().join(&name)).unwrap();
            assert!(x == y, "{name} differs between two builds");
        }
    }
}

/// Every PDF page names the plan, the document, the version and "pagina x van y"; the form is
/// landscape A4.
#[test]
fn every_pdf_page_has_running_header_and_footer() {
    let dir = build_v1();
    for doc in DOCUMENTS {
        let pdf = dir.path().join(format!("output/V1/{doc}.pdf"));
        let pages = pdf_pages(&pdf);
        for page in 1..=pages {
            let out = std::process::Command::new("pdftotext")
                .args(["-f", &page.to_string(), "-l", &page.to_string()])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let text = collapse(&String::from_utf8_lossy(&out.stdout));
            assert!(
                text.contains("Toetsplan V1: Dienstverlening"),
                "{doc} p{page}: plan"
            );
            assert!(
                text.contains("Versie 1 september 2021"),
                "{doc} p{page}: version"
            );
            assert!(
                text.contains(&format!("pagina {page} van {pages}")),
                "{doc} p{page}: page number"
            );
        }
    }
    let info = std::process::Command::new("pdfinfo")
        .arg(dir.path().join("output/V1/beoordelingsformulier.pdf"))
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains("841.89 x 595.276 pts (A4)") || info.contains("842 x 595"),
        "{info}"
    );
}

/// The site: an index of the plans links each plan's page, which links every document in every
/// format; every link resolves to a file in the output folder (it works straight from disk).
#[test]
fn site_pages_link_every_document() {
    let dir = build_v1();
    let out = dir.path().join("output");
    let links = |page: &Path| -> Vec<String> {
        let doc = scraper::Html::parse_document(&std::fs::read_to_string(page).unwrap());
        let a = scraper::Selector::parse("a[href]").unwrap();
        doc.select(&a)
            .map(|e| e.value().attr("href").unwrap().to_owned())
            .collect()
    };
    let resolves = |base: &Path, href: &str| {
        let path = href.split('#').next().unwrap_or_default();
        path.is_empty() || base.join(path).is_file()
    };
    let index = links(&out.join("index.html"));
    for wanted in ["#inhoud", "index.html", "wijzigingen.html", "V1/index.html"] {
        assert!(
            index.iter().any(|h| h == wanted),
            "index lacks {wanted}: {index:?}"
        );
    }
    let plan = links(&out.join("V1/index.html"));
    for doc in DOCUMENTS {
        for ext in ["html", "pdf", "md"] {
            assert!(
                plan.contains(&format!("{doc}.{ext}")),
                "plan page lacks {doc}.{ext}"
            );
        }
    }
    for (page, hrefs) in [(&out, &index), (&out.join("V1"), &plan)] {
        for href in hrefs {
            assert!(resolves(page, href), "broken link {href}");
        }
    }
    for href in links(&out.join("wijzigingen.html")) {
        assert!(
            resolves(&out, &href),
            "broken link {href} on wijzigingen.html"
        );
    }
}

/// The Wijzigingen page lists every toetsterm changed after its plan's ingangsdatum, across
/// plans, with a link to its row in the toetsplan; unchanged ones are not listed.
#[test]
fn wijzigingen_page_lists_changes_across_plans() {
    let dir = project(&[&seed_v1(), &fixture("plans/S9-tekens.yaml")]);
    build_ok(dir.path(), &["--format", "md,html"]);
    let out = dir.path().join("output");
    let page = std::fs::read_to_string(out.join("wijzigingen.html")).unwrap();
    assert!(
        page.contains("href=\"S9/toetsplan.html#t-S9.02\""),
        "{page}"
    );
    assert!(html_text(&out.join("wijzigingen.html")).contains("1 februari 2024 S9.02"));
    assert!(!page.contains("V1.01"), "an unchanged toetsterm is listed");
    let toetsplan = std::fs::read_to_string(out.join("S9/toetsplan.html")).unwrap();
    assert!(
        toetsplan.contains("id=\"t-S9.02\""),
        "the row the link points at"
    );
}

/// The HTML is standalone and accessible: lang="nl", inline CSS and scripts only (the copy
/// handler of every page, and the fillable form's script), header cells with scope, a print
/// stylesheet for A4.
#[test]
fn html_is_standalone_and_accessible() {
    let dir = build_v1();
    for doc in DOCUMENTS {
        let html =
            std::fs::read_to_string(dir.path().join(format!("output/V1/{doc}.html"))).unwrap();
        let parsed = scraper::Html::parse_document(&html);
        let sel = |s: &str| scraper::Selector::parse(s).unwrap();
        assert_eq!(
            parsed.select(&sel("html[lang=nl]")).count(),
            1,
            "{doc}: lang"
        );
        assert_eq!(
            parsed
                .select(&sel("link, script[src], img, iframe"))
                .count(),
            0,
            "{doc}: external resources"
        );
        let scripts = page_scripts(&dir.path().join(format!("output/V1/{doc}.html")));
        let others = scripts.iter().filter(|s| *s != copy_handler()).count();
        assert!(
            scripts.len() == others + 1 && others == usize::from(doc == "beoordelingsformulier"),
            "{doc}: the copy handler, and a script of its own only on the fillable form"
        );
        assert!(html.contains("@page"), "{doc}: print stylesheet");
        for th in parsed.select(&sel("th")) {
            let in_head = th
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "thead"));
            if in_head || th.value().attr("scope").is_some() {
                continue;
            }
            panic!("{doc}: a <th> without scope outside thead: {}", th.html());
        }
        assert!(
            parsed
                .select(&sel("thead th"))
                .all(|th| th.value().attr("scope").is_some()),
            "{doc}: thead th scope"
        );
    }
}

/// A theory exam, a plan of 300 toetstermen and a plan full of special characters all build.
#[test]
fn other_shapes_of_plans_build() {
    let dir = project(&[
        &fixture("plans/B2-theorie.yaml"),
        &fixture("plans/S9-tekens.yaml"),
    ]);
    let mut big = String::from(
        "code: G3\nnaam: Groot plan\ningangsdatum: 2022-01-01\nbeoordeling:\n  waarnemingen: 10\n  waarneming: Opdracht\nonderdelen:\n",
    );
    for o in 0..15 {
        big.push_str(&format!(
            "  - naam: Onderdeel {}\n    toetstermen:\n",
            o + 1
        ));
        for t in 0..20 {
            let n = o * 20 + t + 1;
            big.push_str(&format!(
                "      - code: G3.{n:03}\n        tekst: Toetsterm nummer {n} beschrijft gedrag dat de beoordelaar waarneemt.\n        gewijzigd: 2022-01-01\n        niveaus: [PV]\n"
            ));
        }
    }
    std::fs::write(dir.path().join("toetsplannen/G3-groot.yaml"), big).unwrap();
    let stdout = build_ok(dir.path(), &[]);
    assert!(stdout.contains("Built 3 plans: 12 documents"), "{stdout}");
    let form = pdf_text(&dir.path().join("output/G3/beoordelingsformulier.pdf"));
    for n in [1, 150, 300] {
        assert_eq!(
            form.matches(&format!("G3.{n:03} ")).count(),
            1,
            "G3.{n:03} on the form"
        );
    }
    let layout = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(dir.path().join("output/B2/toetsplan.pdf"))
        .arg("-")
        .output()
        .unwrap();
    let layout = String::from_utf8_lossy(&layout.stdout);
    let totaal = layout
        .lines()
        .find(|l| l.trim_start().starts_with("TOTAAL:"))
        .expect("a TOTAAL row");
    assert_eq!(
        collapse(totaal),
        "TOTAAL: 40",
        "the TOTAAL row of the theory exam"
    );
    let opdracht = pdf_text(&dir.path().join("output/B2/opdracht-kandidaat.pdf"));
    assert!(opdracht.contains("De toets heeft 40 vragen."), "{opdracht}");
}

/// A toetsterm too long for one page breaks across pages instead of running off the page: its
/// whole text is in every PDF.
#[test]
fn a_toetsterm_longer_than_a_page_is_printed_whole() {
    let dir = project(&[]);
    let sentence =
        "Dit is een zeer lange toetsterm die over meerdere regels loopt en steeds maar doorgaat.";
    let long: Vec<String> = (1..=60).map(|i| format!("{sentence} ({i})")).collect();
    let plan = format!(
        "code: L1\nnaam: Lang\ningangsdatum: 2024-01-01\nonderdelen:\n  - naam: O\n    toetstermen:\n      - {{code: L1.01, tekst: Kort., gewijzigd: 2024-01-01, niveaus: [K]}}\n      - {{code: L1.02, tekst: \"{}\", gewijzigd: 2024-01-01, niveaus: [PV]}}\n",
        long.join(" ")
    );
    std::fs::write(dir.path().join("toetsplannen/L1.yaml"), plan).unwrap();
    build_ok(dir.path(), &[]);
    for doc in DOCUMENTS {
        let text = pdf_text(&dir.path().join(format!("output/L1/{doc}.pdf")));
        for i in [1, 30, 60] {
            assert!(
                text.contains(&format!("doorgaat. ({i})")),
                "{doc}: sentence {i} lost"
            );
        }
    }
}

/// Nothing a plan says becomes markup or code: each special character prints literally in the
/// PDF text, the parsed HTML and the rendered Markdown of every document.
#[test]
fn special_characters_print_literally() {
    let dir = project(&[&fixture("plans/S9-tekens.yaml")]);
    build_ok(dir.path(), &[]);
    let literal = [
        "Tekens #1 $x$ @ref <tag> // 'quote' \"dubbel\" & {{ x }} [ ] * _ ` \\ 😀",
        "Gebruikt #set, $x^2$, @label, <label>, \\backslash, // commentaar, /* blok */, [inhoud] en `code` letterlijk.",
        "Mail naar beoordelaar@example.nl of {{ x }} of {% raw %} of {# commentaar #}.",
        "1. Begint met een nummer.",
        "Onderdeel #1 <met> $tekens$ & {{ x }}",
    ];
    let form_only = ["Rollenspel <1>", "onvoldoende #", "voldoende $"];
    let out = dir.path().join("output/S9");
    for doc in DOCUMENTS {
        for (format, text) in [
            ("pdf", pdf_text(&out.join(format!("{doc}.pdf")))),
            ("html", html_text(&out.join(format!("{doc}.html")))),
            ("md", markdown_text(&out.join(format!("{doc}.md")))),
        ] {
            for s in literal.iter().chain(if doc == "beoordelingsformulier" {
                &form_only[..]
            } else {
                &[]
            }) {
                assert!(
                    text.contains(s),
                    "{doc}.{format} does not show literally: {s}\n{text}"
                );
            }
        }
    }
    let html = std::fs::read_to_string(out.join("toetsplan.html")).unwrap();
    assert!(
        !html.contains("<script>alert")
            && page_scripts(&out.join("toetsplan.html")) == [copy_handler()],
        "raw HTML from a plan reached the HTML"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

/// The Markdown of the special-characters plan, rendered as GitHub does (tables, strikethrough,
/// task lists, math), shows the plan's text exactly: `$x$` is no math, `@ref` no mention, and web
/// addresses are links to themselves; the file ends in exactly one newline.
#[test]
fn markdown_renders_as_written_on_git_hosts() {
    let dir = project(&[&fixture("plans/S9-tekens.yaml")]);
    build_ok(dir.path(), &["--format", "md"]);
    let md = std::fs::read_to_string(dir.path().join("output/S9/toetsplan.md")).unwrap();
    assert!(
        md.ends_with('\n') && !md.ends_with("\n\n"),
        "one newline at the end"
    );
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_TASKLISTS
        | pulldown_cmark::Options::ENABLE_GFM
        | pulldown_cmark::Options::ENABLE_MATH;
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&md, options));
    for url in ["https://example.org/a_b*c", "https://example.org/x_(y)"] {
        assert!(
            html.contains(&format!("<a href=\"{url}\">{url}</a>")),
            "{url} is a link:\n{html}"
        );
    }
    assert!(!html.contains("math"), "no math: {html}");
    let text = collapse(
        &scraper::Html::parse_fragment(&html)
            .root_element()
            .text()
            .collect::<String>(),
    );
    for literal in [
        "$x$",
        "@ref",
        "$prijs",
        "@vermelding",
        "Meer op https://example.org/a_b*c (zie ook https://example.org/x_(y)).",
    ] {
        assert!(text.contains(literal), "{literal} not literal in:\n{text}");
    }
}

/// Every kind of line break in a plan's text (a lone CR, U+0085, U+2028, U+2029, CRLF) is one
/// line break to every escaper: what follows it — `#`, `-`, `=`, `+`, `1.`, `#set` — prints
/// literally in the PDF text, the parsed HTML and the rendered Markdown of all 12 documents.
#[test]
fn every_kind_of_line_break_stays_text() {
    let dir = project(&[&fixture("plans/S8-regeleinden.yaml")]);
    build_ok(dir.path(), &[]);
    let literal = [
        "Kan dit # geen kop - geen item #set text(red) = geen typst-kop + geen plus 1. geen nummer",
        "Onderdeel - geen lijst # geen kop",
    ];
    let out = dir.path().join("output/S8");
    for doc in DOCUMENTS {
        for (format, text) in [
            ("pdf", pdf_text(&out.join(format!("{doc}.pdf")))),
            ("html", html_text(&out.join(format!("{doc}.html")))),
            ("md", markdown_text(&out.join(format!("{doc}.md")))),
        ] {
            for s in literal {
                assert!(
                    text.contains(s),
                    "{doc}.{format} does not show literally: {s}\n{text}"
                );
            }
        }
        let html = std::fs::read_to_string(out.join(format!("{doc}.html"))).unwrap();
        assert!(
            !html.contains("<h1>geen kop"),
            "{doc}.html: a line break made a heading"
        );
        let md = std::fs::read_to_string(out.join(format!("{doc}.md"))).unwrap();
        assert!(
            !md.lines()
                .any(|l| l.starts_with("# geen") || l.starts_with("- geen")),
            "{doc}.md: a line break made Markdown structure"
        );
    }
}
