//! A user's templates that recurse (issue 7, item 5): the real binary refuses them with a message
//! naming the templates and macros involved and exit code 1, before it renders or writes
//! anything, instead of overflowing its stack and aborting. Each message is pinned with insta
//! (`tests/snapshots/`).

use std::path::Path;

use crate::common::*;

/// A scratch project with the V1 plan and `templates` holding the given files.
fn project_with_templates(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = project(&[&seed_v1()]);
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    for (name, text) in files {
        std::fs::write(templates.join(name), text).unwrap();
    }
    dir
}

/// Runs `toetsgen build --format md,html` and `toetsgen check` in `dir`; asserts each exits 1
/// with the same message, leaves no output and no staging folder; returns the message.
fn refused(dir: &Path) -> String {
    let mut messages = Vec::new();
    for args in [&["build", "--format", "md,html"][..], &["check"][..]] {
        let (_, stderr) = exits(toetsgen(dir).args(args), 1, &[]);
        let output = dir.join("output");
        let written = walkdir::WalkDir::new(&output)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .count();
        assert_eq!(
            written,
            0,
            "toetsgen {args:?} wrote into {}",
            output.display()
        );
        assert!(
            !dir.join(".output.toetsgen-staging").exists(),
            "toetsgen {args:?} left its staging folder"
        );
        messages.push(stderr);
    }
    assert_eq!(messages[0], messages[1], "build and check disagree");
    messages.swap_remove(0)
}

/// A template that includes itself is refused, naming it.
#[test]
fn self_including_template() {
    let dir = project_with_templates(&[
        (
            "toetsplan.html.tera",
            "<main>{% include \"_kop.html.tera\" %}</main>",
        ),
        (
            "_kop.html.tera",
            "<h1>{% include \"_kop.html.tera\" %}</h1>",
        ),
    ]);
    let message = refused(dir.path());
    assert!(message.contains("templates/_kop.html.tera includes itself"));
    insta::assert_snapshot!("self_including_template", message);
}

/// Two templates that include each other are refused, naming both.
#[test]
fn mutually_including_templates() {
    let dir = project_with_templates(&[
        (
            "toetsplan.html.tera",
            "<main>{% include \"_a.html.tera\" %}</main>",
        ),
        ("_a.html.tera", "<div>{% include \"_b.html.tera\" %}</div>"),
        ("_b.html.tera", "<p>{% include \"_a.html.tera\" %}</p>"),
    ]);
    let message = refused(dir.path());
    assert!(message.contains("_a.html.tera includes templates/_b.html.tera"));
    insta::assert_snapshot!("mutually_including_templates", message);
}

/// A macro that calls itself is refused, naming the macro and its file.
#[test]
fn recursive_macro() {
    let dir = project_with_templates(&[
        (
            "toetsplan.html.tera",
            "{% import \"_macros.html.tera\" as m %}<main>{{ m::aftellen(n=3) }}</main>",
        ),
        (
            "_macros.html.tera",
            "{% macro aftellen(n) %}{{ n }} {{ self::aftellen(n=n - 1) }}{% endmacro %}",
        ),
    ]);
    let message = refused(dir.path());
    assert!(message.contains("macro `aftellen` in templates/_macros.html.tera calls itself"));
    insta::assert_snapshot!("recursive_macro", message);
}
