//! toetsgen speaks its users' language: Dutch by default, English on request (`--taal en`, the
//! locale variables), every text from the message catalogue (`locales/<taal>/*.ftl`).
//!
//! Three checks keep the catalogue whole: every id the code names exists in both languages;
//! every message of the catalogue is used; and no text meant for the user bypasses it (a scan of
//! the source for prose in string literals, with a shrinking list of files not yet converted).
//! `toetsgen_base::lang`'s own tests check that both languages hold the same ids and variables.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use toetsgen::base::lang::{Lang, has};

use crate::common::{each_file, english, exits, in_dutch, project, seed_v1, toetsgen};

/// The repository's root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every Rust source file of the program (not its tests), relative to the root.
fn sources() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["src", "crates"] {
        for rel in each_file(&root().join(dir), |_| ()).into_keys() {
            let rel = Path::new(dir).join(rel);
            let text = rel.to_string_lossy().into_owned();
            let test_file = text.contains("/tests/") || text.ends_with("/tests.rs");
            if text.ends_with(".rs") && !test_file && !text.contains("/benches/") {
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

/// The source of a file without its test module (`#[cfg(test)]` to the end, as this code base
/// writes them).
fn program_text(rel: &Path) -> String {
    let text = std::fs::read_to_string(root().join(rel)).unwrap();
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// The ids named in `msg!("…"` anywhere in the program.
fn ids_named() -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    for rel in sources() {
        let text: String = (program_text(&rel).lines())
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect();
        for part in text.split("msg!(").skip(1) {
            let part = part.trim_start();
            if let Some(rest) = part.strip_prefix('"')
                && let Some(end) = rest.find('"')
            {
                out.insert(rest[..end].to_owned(), rel.clone());
            }
        }
    }
    out
}

/// Every id `msg!` names is in the catalogue of every language.
#[test]
fn every_message_the_code_names_is_in_both_catalogues() {
    let named = ids_named();
    assert!(
        named.len() > 20,
        "too few msg! calls found: {}",
        named.len()
    );
    let missing: Vec<String> = (named.iter())
        .flat_map(|(id, file)| {
            Lang::ALL
                .into_iter()
                .filter(|lang| !has(*lang, id))
                .map(move |lang| format!("{id} ({}, locales/{})", file.display(), lang.code()))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "missing from the catalogue: {missing:#?}"
    );
}

/// The ids of the Dutch catalogue (the other languages have the same: `lang::tests`), each with
/// its attributes as `id.attribute`.
fn catalogue_ids() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, text) in toetsgen::base::lang::sources(Lang::Nl) {
        let mut current = None;
        for line in text.lines() {
            let first = line.chars().next();
            if first.is_some_and(|c| c.is_ascii_alphabetic())
                && let Some((id, _)) = line.split_once(" =")
            {
                out.insert(id.trim().to_owned());
                current = Some(id.trim().to_owned());
            } else if let Some(attr) = line.trim_start().strip_prefix('.')
                && let (Some(id), Some((name, _))) = (&current, attr.split_once(" ="))
            {
                out.insert(format!("{id}.{}", name.trim()));
            }
        }
    }
    out
}

/// Every message in the catalogue is used by the code: by `msg!`, or by name where the code
/// builds the id (the command line's texts: `cli-…`, checked by the binary's own test; the
/// operating system's errors: `io-…`, chosen by kind in `lang::io_error`).
#[test]
fn every_message_in_the_catalogue_is_used() {
    let named = ids_named();
    let all_source: String = sources().iter().map(|rel| program_text(rel)).collect();
    let unused: Vec<String> = catalogue_ids()
        .into_iter()
        .filter(|id| !named.contains_key(id))
        .filter(|id| !id.starts_with("cli-") && !all_source.contains(&format!("\"{id}\"")))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogue but never used: {unused:#?}"
    );
}

/// A string literal that reads as prose: three words in a row. The catalogue holds such texts;
/// in the code they are a message bypassing it, unless the line says why not.
fn prose_literals(line: &str) -> usize {
    let mut count = 0;
    let mut rest = line;
    while let Some(start) = rest.find('"') {
        let after = &rest[start + 1..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else { break };
        if is_prose(&after[..end]) {
            count += 1;
        }
        rest = &after[end + 1..];
    }
    count
}

/// Three words of letters in a row, separated by single spaces (placeholders `{…}` left out).
fn is_prose(literal: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !(c.is_alphabetic() || c == ' ' || c == '\''))
        .any(|run| {
            run.split(' ').collect::<Vec<_>>().windows(3).any(|w| {
                w.iter()
                    .all(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            })
        })
}

/// Lines whose literals are not messages to the user: internal invariants (a panic is a bug in
/// toetsgen, not a message), documentation, attributes, and texts marked as what they are.
fn exempt(line: &str) -> bool {
    let code = line.trim_start();
    code.starts_with("//")
        || code.starts_with("#[")
        || code.starts_with("description =")
        || [
            ".expect(",
            "panic!(",
            "unreachable!(",
            "assert!(",
            "assert_eq!(",
            "debug_assert",
            // A text of a generated document (Dutch in every language of the program) or of the
            // JSON Schema of the YAML, whose field names are Dutch too.
            "// document text",
        ]
        .iter()
        .any(|s| line.contains(s))
}

/// Files whose messages are not yet in the catalogue, with the count of prose literals they hold
/// now. The count may only go down: a new English text in any file fails this test, and a file
/// converted must leave this list (then the test holds it to zero).
const NOT_YET_IN_THE_CATALOGUE: &[(&str, usize)] = &[
    ("crates/build/src/archiving.rs", 3),
    ("crates/build/src/folders.rs", 1),
    ("crates/build/src/lib.rs", 3),
    ("crates/build/src/packet.rs", 6),
    ("crates/build/src/pdfs.rs", 1),
    ("crates/build/src/prepare.rs", 3),
    ("crates/build/src/stream.rs", 3),
    ("crates/build/src/versions.rs", 1),
    ("crates/document/src/bounds.rs", 14),
    ("crates/document/src/catalog.rs", 10),
    ("crates/document/src/engine.rs", 3),
    ("crates/document/src/format.rs", 1),
    ("crates/document/src/packet/mod.rs", 7),
    ("crates/document/src/pdf/compiler.rs", 6),
    ("crates/document/src/pdf/locate.rs", 4),
    ("crates/document/src/pdf/process.rs", 1),
    ("crates/document/src/templates.rs", 1),
    ("crates/document/src/view/mod.rs", 1),
    ("crates/output/src/batch.rs", 1),
    ("crates/output/src/dir.rs", 4),
    ("crates/output/src/overview.rs", 4),
    ("crates/output/src/path.rs", 8),
    ("crates/output/src/personal.rs", 1),
    ("crates/output/src/record/mod.rs", 3),
    ("crates/output/src/record/raw.rs", 6),
    ("crates/output/src/write/mod.rs", 2),
    ("crates/plan/src/archive/compare.rs", 5),
    ("crates/plan/src/archive/mod.rs", 8),
    ("crates/plan/src/limits.rs", 2),
    ("crates/plan/src/load.rs", 29),
    ("crates/plan/src/schema.rs", 2),
    ("crates/plan/src/starter.rs", 3),
    ("crates/plan/src/validate/beoordeling.rs", 21),
    ("crates/plan/src/validate/mod.rs", 6),
    ("crates/plan/src/validate/rules.rs", 27),
    ("crates/plan/src/validate/texts.rs", 15),
    ("crates/plan/src/values.rs", 5),
    ("crates/serve/src/http.rs", 5),
    ("crates/serve/src/http/client.rs", 10),
    ("crates/serve/src/http/head.rs", 9),
    ("crates/serve/src/http/respond.rs", 5),
    ("crates/serve/src/page.rs", 5),
    ("crates/serve/src/watch.rs", 2),
    ("src/cmd/changes.rs", 2),
    ("src/cmd/import.rs", 11),
    ("src/cmd/new.rs", 5),
    ("src/cmd/packet.rs", 1),
    ("src/cmd/serve.rs", 3),
    ("src/cmd/signals.rs", 1),
    ("src/cmd/uitslagen.rs", 2),
];

/// No text meant for the user bypasses the catalogue.
#[test]
fn no_message_bypasses_the_catalogue() {
    let allowed: BTreeMap<&str, usize> = NOT_YET_IN_THE_CATALOGUE.iter().copied().collect();
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for rel in sources() {
        for (n, line) in program_text(&rel).lines().enumerate() {
            if !exempt(line) && prose_literals(line) > 0 {
                let key = rel.to_string_lossy().into_owned();
                found
                    .entry(key)
                    .or_default()
                    .push(format!("{}: {}", n + 1, line.trim()));
            }
        }
    }
    let mut problems = Vec::new();
    for (file, lines) in &found {
        let budget = allowed.get(file.as_str()).copied().unwrap_or(0);
        if lines.len() > budget {
            problems.push(format!(
                "{file}: {} texts outside the catalogue (allowed {budget}):\n  {}",
                lines.len(),
                lines.join("\n  ")
            ));
        }
    }
    for (file, budget) in &allowed {
        let now = found.get(*file).map_or(0, Vec::len);
        if now < *budget {
            problems.push(format!(
                "{file}: {now} texts outside the catalogue, fewer than the {budget} listed: lower its count in NOT_YET_IN_THE_CATALOGUE (or remove it at 0)"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The scan sees prose and only prose.
#[test]
fn the_scan_tells_prose_from_names() {
    assert!(is_prose("cannot read the file"));
    assert!(is_prose("{path}: the plan is a concept"));
    assert!(!is_prose("text/markdown; charset=utf-8"));
    assert!(!is_prose("_scoreformulier.html.tera"));
    assert!(!is_prose("{}: {}"));
    assert!(!is_prose("Toegestane tijd"));
    assert_eq!(prose_literals(r#"f("a b", "no way out here", x)"#), 1);
    assert_eq!(prose_literals(r#"f("say \"it is here\" now")"#), 1);
}

/// Dutch without asking: `--help`, a wrong command line and an error, on a machine where no
/// language is set.
#[test]
fn dutch_is_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, _) = exits(
        in_dutch(&mut toetsgen(dir.path()))
            .arg("--help")
            .env("COLUMNS", "100"),
        0,
        &[],
    );
    insta::assert_snapshot!("help_nl", stdout);
    let (_, stderr) = exits(
        in_dutch(&mut toetsgen(dir.path())).args(["bouw", "--geen"]),
        2,
        &[],
    );
    insta::assert_snapshot!(stderr, @"
    fout: onbekende optie '--geen'

    Gebruik: toetsgen bouw [OPTIES]

    Meer uitleg: '--help'.
    ");
    let (_, stderr) = exits(in_dutch(&mut toetsgen(dir.path())).arg("biuw"), 2, &[]);
    assert!(
        stderr.starts_with("fout: onbekende opdracht 'biuw'"),
        "{stderr}"
    );
}

/// English on request: by `--taal en` (before or after the command) or by the locale variables;
/// `--taal nl` wins over an English locale.
#[test]
fn english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--taal", "en", "bouw", "--geen"][..],
        &["bouw", "--geen", "--lang=en"],
    ] {
        let (_, stderr) = exits(in_dutch(&mut toetsgen(dir.path())).args(args), 2, &[]);
        assert!(
            stderr.starts_with("error: unexpected argument '--geen' found"),
            "{args:?}: {stderr}"
        );
    }
    let (_, stderr) = exits(
        english(&mut toetsgen(dir.path())).args(["bouw", "--geen"]),
        2,
        &[],
    );
    assert!(stderr.starts_with("error: unexpected argument"), "{stderr}");
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["--taal", "nl", "bouw", "--geen"]),
        2,
        &[],
    );
    assert!(stderr.starts_with("fout: onbekende optie"), "{stderr}");
    let (_, stderr) = exits(toetsgen(dir.path()).args(["--taal", "fr", "bouw"]), 2, &[]);
    assert!(
        stderr.contains("toetsgen speaks nl (Nederlands) and en (English)"),
        "{stderr}"
    );
}

/// Every command answers to its Dutch name and to its English one, which scripts use.
#[test]
fn commands_have_dutch_names_and_english_aliases() {
    let dir = project(&[&seed_v1()]);
    for name in ["controleer", "check"] {
        exits(toetsgen(dir.path()).arg(name), 0, &[]);
    }
    let (stdout, _) = exits(toetsgen(dir.path()).arg("--help"), 0, &[]);
    for name in [
        "bouw",
        "controleer",
        "wijzigingen",
        "importeer",
        "bekijk",
        "schema",
        "nieuw",
        "uitslagen",
        "pakket",
        "analyse",
    ] {
        assert!(
            stdout.contains(&format!("\n  {name} ")),
            "--help lacks {name}: {stdout}"
        );
    }
    for alias in [
        "build", "check", "changes", "import", "serve", "new", "results", "packet", "analyze",
    ] {
        let (stdout, _) = exits(toetsgen(dir.path()).args([alias, "--help"]), 0, &[]);
        assert!(
            stdout.starts_with(|c: char| c.is_uppercase()),
            "{alias} --help: {stdout}"
        );
    }
}
