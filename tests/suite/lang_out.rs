//! The messages of building and serving in Dutch, the default language: a build's progress and
//! summary, a missing typst, a template that would loop too long or includes itself, and the
//! page `bekijk` shows for a missing file. The English ones are pinned where each part is tested
//! (`cli.rs`, `templates.rs`, `serve.rs`); these pin that the Dutch catalogue reaches the user.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Stdio;

use crate::common::{exits, in_dutch, project, seed_v1, stable, toetsgen};

/// `bouw` in Dutch: the progress lines on standard error (no terminal: a line when the PDFs
/// begin and one when they are done) and the summary on standard output.
#[test]
fn bouw_reports_progress_and_summary_in_dutch() {
    let dir = project(&[&seed_v1()]);
    let (stdout, stderr) = exits(in_dutch(&mut toetsgen(dir.path())).arg("bouw"), 0, &[]);
    stable(dir.path()).bind(|| {
        insta::assert_snapshot!(stderr, @"
        Pdf's maken…
        4 pdf's gemaakt in [time] s
        ");
        insta::assert_snapshot!(stdout, @"
        Versie 2021-09-01 van V1 gearchiveerd in toetsplannen/archief/V1/2021-09-01.yaml
        1 plan gemaakt: 4 documenten (md, html, pdf); 18 bestanden geschreven in output ([time] s)
        ");
    });
}

/// A missing typst in Dutch: what is missing, the system's reason in Dutch, and how to install it.
#[test]
fn missing_typst_is_explained_in_dutch() {
    let dir = project(&[&seed_v1()]);
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path()))
            .arg("bouw")
            .env("TYPST", "/nonexistent/typst"),
        3,
        &[],
    );
    insta::assert_snapshot!(stderr, @"fout: het programma typst is nodig voor pdf's, maar `/nonexistent/typst` kan niet worden gestart (bestand of map bestaat niet): installeer het met `cargo install typst-cli --locked` (ongeveer 7 minuten), of zet in de omgevingsvariabele TYPST waar het programma staat; bouw zonder pdf's met `--format md,html`");
}

/// A user's template that would loop over three billion numbers, and one that includes itself,
/// are refused in Dutch before anything is rendered, naming the template.
#[test]
fn broken_templates_are_refused_in_dutch() {
    let dir = project(&[&seed_v1()]);
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let template = templates.join("toetsplan.md.tera");
    std::fs::write(
        &template,
        "{% for i in range(end=3000000000) %}{{ i }}{% endfor %}\n",
    )
    .unwrap();
    let controleer = || {
        let (_, stderr) = exits(
            in_dutch(&mut toetsgen(dir.path())).arg("controleer"),
            1,
            &[],
        );
        stderr
    };
    insta::assert_snapshot!(controleer(), @"fout: sjabloon templates/toetsplan.md.tera roept range(end=3000000000) aan, dat 3000000000 getallen maakt, meer dan een sjabloon mag doorlopen (100000): doorloop de lijsten van het plan, of neem een kleiner bereik");
    std::fs::write(&template, "x{% include \"toetsplan.md.tera\" %}\n").unwrap();
    insta::assert_snapshot!(controleer(), @"fout: sjabloonrecursie: templates/toetsplan.md.tera neemt zichzelf op: een sjabloon mag zichzelf niet opnemen, niet direct en niet via andere");
}

/// The page `bekijk` shows for a file the output folder does not have is Dutch, and says so in
/// its `lang` attribute.
#[test]
fn bekijk_shows_a_dutch_page_for_a_missing_file() {
    let dir = project(&[&seed_v1()]);
    let mut child = in_dutch(&mut toetsgen(dir.path()))
        .args(["bekijk", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let port: u16 = first
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in the first line: {first:?}"));
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /V9/niet-er.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        first.starts_with("output te bekijken op http://127.0.0.1:"),
        "{first}"
    );
    assert!(
        response.starts_with("HTTP/1.1 404 Not Found\r\n"),
        "{response}"
    );
    let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    let page = body.split("<script").next().unwrap_or(body);
    insta::assert_snapshot!(page, @r#"<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Niet gevonden</title></head><body>"#);
    let rest = body.split_once("</script>").map_or("", |(_, r)| r);
    // Once the first build is done, V1's readability warnings stand before the page's own
    // content (serve::broken_plan_shows_its_error_until_fixed pins them); the request may come
    // before that.
    let main = &rest[rest.find("<main>").unwrap_or(0)..];
    insta::assert_snapshot!(main, @r#"<main><h1>Niet gevonden</h1><p>De uitvoermap heeft geen <code>V9/niet-er.html</code>. <a href="/">Alle plannen</a></p></main></body></html>"#);
}
