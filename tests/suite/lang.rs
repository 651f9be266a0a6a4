//! toetsgen speaks its users' language: Dutch by default, English on request (`--taal en`, the
//! locale variables), every text from the message catalogue (`locales/<taal>/*.ftl`).
//!
//! Three checks keep the catalogue whole: every id the code names exists in both languages;
//! every message of the catalogue is used; and no text meant for the user bypasses it (a scan of
//! the source for prose in string literals).
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

/// No text meant for the user bypasses the catalogue: no prose literal in the program outside
/// the exemptions of [`exempt`].
#[test]
fn no_message_bypasses_the_catalogue() {
    let mut found = Vec::new();
    for rel in sources() {
        for (n, line) in program_text(&rel).lines().enumerate() {
            if !exempt(line) && prose_literals(line) > 0 {
                found.push(format!("{}:{}: {}", rel.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "texts outside the catalogue (put them in locales/*/*.ftl and use msg!):\n  {}",
        found.join("\n  ")
    );
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
