//! Helpers shared by the integration tests: the real binary, a scratch project, and readers
//! for the outputs (pdftotext for PDFs, an HTML parser for HTML).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture path under `tests/fixtures`.
pub(crate) fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The office's V1 plan as toetsgen ships it: a copy of `toetsplannen/V1-dienstverlening.yaml`
/// under `tests/fixtures/seed/`. The tests read this copy, never the working plans in
/// `toetsplannen/`, which a user edits (`seed::the_shipped_v1_plan_is_the_fixture_copy` is the
/// one test that reads the shipped file, to keep the two equal).
pub(crate) fn seed_v1() -> PathBuf {
    fixture("seed/V1-dienstverlening.yaml")
}

/// The toetsgen binary, run in `dir`, speaking English: the messages most tests pin are the
/// English catalogue's (the Dutch ones, the default, are pinned in `lang.rs`, which asks for
/// Dutch with [`in_dutch`]).
pub(crate) fn toetsgen(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_toetsgen"));
    cmd.current_dir(dir);
    english(&mut cmd);
    cmd
}

/// Sets the locale variables of `cmd` to English, whatever the machine running the tests has.
pub(crate) fn english(cmd: &mut Command) -> &mut Command {
    for var in ["LANGUAGE", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd.env("LC_ALL", "en_US.UTF-8")
}

/// Sets the locale variables of `cmd` to none at all, as on a machine where nobody chose a
/// language: toetsgen then speaks Dutch.
pub(crate) fn in_dutch(cmd: &mut Command) -> &mut Command {
    for var in ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs a command and returns its output, panicking if it cannot start.
pub(crate) fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the program could not be started")
}

/// Standard output and error as text, for assertion messages.
pub(crate) fn texts(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs toetsgen as `cmd` says and asserts that it exits with `code` and that its standard error
/// contains each of `said`; returns standard output and error (for a closer look, or a
/// snapshot). A failure shows the command and both outputs.
#[track_caller]
pub(crate) fn exits(cmd: &mut Command, code: i32, said: &[&str]) -> (String, String) {
    let out = run(cmd);
    let (stdout, stderr) = texts(&out);
    let shown = format!(
        "{cmd:?}
stdout: {stdout}
stderr: {stderr}"
    );
    assert_eq!(out.status.code(), Some(code), "exit code of {shown}");
    for s in said {
        assert!(stderr.contains(s), "standard error lacks {s:?}: {shown}");
    }
    (stdout, stderr)
}

/// The exit code and standard error of `cmd`, as the snapshots of messages pin them:
/// `exit code: N`, then the messages.
pub(crate) fn outcome(cmd: &mut Command) -> String {
    let out = run(cmd);
    let (_, stderr) = texts(&out);
    format!("exit code: {}\n{stderr}", out.status.code().unwrap_or(-1))
}

/// insta settings for a snapshot of what toetsgen printed in `dir`: the folder's path becomes
/// `[dir]` and a duration (`0.61 s`, in Dutch `0,61 s`) becomes `[time] s`, so that the snapshot
/// holds on every run.
pub(crate) fn stable(dir: &Path) -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    let mut literal = String::new();
    for c in dir.to_string_lossy().chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            literal.push('\\');
        }
        literal.push(c);
    }
    settings.add_filter(&literal, "[dir]");
    settings.add_filter(r"\b\d+[.,]\d+ s\b", "[time] s");
    settings
}

/// A fresh project folder holding copies of the given plan files under `toetsplannen/`.
pub(crate) fn project(plans: &[&Path]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("toetsplannen");
    std::fs::create_dir_all(&target).unwrap();
    for plan in plans {
        std::fs::copy(plan, target.join(plan.file_name().unwrap())).unwrap();
    }
    dir
}

/// Builds a project (all formats, unless `extra` says otherwise) and asserts success; returns
/// stdout.
#[track_caller]
pub(crate) fn build_ok(dir: &Path, extra: &[&str]) -> String {
    exits(toetsgen(dir).arg("build").args(extra), 0, &[]).0
}

/// Whether the staging folder holds a scratch folder of typst's: a build is making PDFs, or a
/// killed one left it.
pub(crate) fn has_typst_scratch(staging: &Path) -> bool {
    std::fs::read_dir(staging).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".toetsgen-typst-")
        })
    })
}

/// The text of a PDF, read back with pdftotext (an independent reader), whitespace collapsed; a
/// word hyphenated at a line's end (typst writes the hyphen it adds as U+00AD) is read whole.
pub(crate) fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed for the tests");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut whole = String::with_capacity(text.len());
    let mut rest = text.as_ref();
    while let Some(i) = rest.find('\u{AD}') {
        whole.push_str(&rest[..i]);
        rest = rest[i..].trim_start_matches(|c: char| c == '\u{AD}' || c.is_whitespace());
    }
    whole.push_str(rest);
    collapse(&whole)
}

/// The visible text of an HTML file, parsed with an HTML parser, whitespace collapsed (the text
/// of `<script>` elements left out), without the soft hyphens of long words (`document::hyphenate`):
/// the words as a reader sees and finds them.
pub(crate) fn html_text(path: &Path) -> String {
    let html = std::fs::read_to_string(path).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let body = scraper::Selector::parse("body").unwrap();
    let text: Vec<String> = doc
        .select(&body)
        .flat_map(|b| b.descendants())
        .filter(|n| {
            !n.ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "script"))
        })
        .filter_map(|n| n.value().as_text().map(|t| t.replace('\u{AD}', "")))
        .collect();
    collapse(&text.join(" "))
}

/// The text of each `<script>` element of an HTML file, in order.
pub(crate) fn page_scripts(path: &Path) -> Vec<String> {
    let html = std::fs::read_to_string(path).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let script = scraper::Selector::parse("script").unwrap();
    doc.select(&script).map(|s| s.text().collect()).collect()
}

/// The script of `templates/_kopieren.html.tera`, which every page carries: text copied from a
/// page without the soft hyphens of long words (`document::hyphenate`).
pub(crate) fn copy_handler() -> &'static str {
    let template = include_str!("../../templates/_kopieren.html.tera");
    let start = template.find("<script>").expect("the template's script") + "<script>".len();
    let end = template.rfind("</script>").expect("the end of its script");
    &template[start..end]
}

/// Whitespace runs become single spaces.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number of pages of a PDF, from pdfinfo.
pub(crate) fn pdf_pages(path: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo must be installed");
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

/// The titles of a PDF's bookmarks (its outline items), in file order: every `/Title` of an
/// object that also has a `/Parent n 0 R` (an outline item), as a literal string (with its
/// escapes and balanced parentheses) or UTF-16 hex.
pub(crate) fn pdf_outline(pdf: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    let mut titles = Vec::new();
    for object in text.split("endobj") {
        let item = object.match_indices("/Parent").any(|(i, _)| {
            let after = &object[i + "/Parent".len()..];
            after.trim_start().starts_with(|c: char| c.is_ascii_digit())
        });
        if !item {
            continue;
        }
        let Some(at) = object.find("/Title") else {
            continue;
        };
        let rest = object[at + "/Title".len()..].trim_start();
        titles.push(if let Some(hex) = rest.strip_prefix('<') {
            let hex = &hex[..hex.find('>').unwrap()];
            let bytes: Vec<u16> = (0..hex.len() / 4)
                .map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).unwrap())
                .collect();
            String::from_utf16(&bytes)
                .unwrap()
                .trim_start_matches('\u{feff}')
                .to_owned()
        } else {
            let (mut out, mut depth) = (String::new(), 0);
            let mut chars = rest[1..].chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    ')' if depth == 0 => break,
                    '(' | ')' => {
                        depth += if c == '(' { 1 } else { -1 };
                        out.push(c);
                    }
                    c => out.push(c),
                }
            }
            out
        });
    }
    titles
}

/// Changes V1.13's text ("Reageert altijd professioneel op emoties") in the project's
/// `toetsplannen/V1-dienstverlening.yaml` and sets its `gewijzigd` to `date`, as the office
/// would: a new version of V1.
pub(crate) fn change_v1_13(project: &Path, date: &str) {
    let path = project.join("toetsplannen/V1-dienstverlening.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("code: V1.13").unwrap();
    let at = start + text[start..].find("gewijzigd: 2021-09-01").unwrap();
    let changed = format!(
        "{}{}gewijzigd: {date}{}",
        &text[..start],
        text[start..at].replace(
            "Reageert professioneel op emoties",
            "Reageert altijd professioneel op emoties"
        ),
        &text[at + "gewijzigd: 2021-09-01".len()..]
    );
    assert!(changed != text, "the change changed nothing");
    std::fs::write(&path, changed).unwrap();
}

/// Every file under `dir`, by its path relative to `dir`, with what `of` makes of it (its bytes,
/// hash or time): a folder as it is, to compare before and after.
pub(crate) fn each_file<T>(
    dir: &Path,
    of: impl Fn(&Path) -> T,
) -> std::collections::BTreeMap<PathBuf, T> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_owned(), of(e.path())))
        .collect()
}

/// How long [`wait_for`] polls before the test fails.
pub(crate) const WAIT_LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Polls `check` until it gives a value; fails after [`WAIT_LIMIT`].
pub(crate) fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = std::time::Instant::now();
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(start.elapsed() < WAIT_LIMIT, "timed out waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
