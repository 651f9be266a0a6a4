//! Which templates there are and which documents they make: the built-ins compiled into the
//! binary, the user's templates folder (whose templates win by name), and the documents those
//! names add up to — the four of SPEC.md, then one per extra Markdown template.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};

use crate::Format;
use crate::context::DocumentInfo;
use toetsgen_base::fs;
use toetsgen_base::msg;
use toetsgen_base::words::capitalize;

/// The documents every plan gets, with their titles, in order.
pub(crate) const DOCUMENTS: [(&str, &str); 4] = [
    ("toetsplan", "Toetsplan"),
    ("beoordelingsformulier", "Beoordelingsformulier"),
    ("instructie-beoordelaar", "Instructie voor de beoordelaar"), // document text
    ("opdracht-kandidaat", "Opdracht voor de kandidaat"),         // document text
];

/// Document names that would collide with the site's own files in a plan's folder
/// (`index.html`, the `versies/` folder).
pub(crate) const RESERVED: [&str; 2] = ["index", "versies"];

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../templates/", $name)))),*]
    };
}

/// The built-in templates, by name.
const BUILTIN: &[(&str, &str)] = builtin![
    "_base.html.tera",
    "_layout.html.tera",
    "_base.typ.tera",
    "_layout.typ.tera",
    "toetsplan.md.tera",
    "toetsplan.html.tera",
    "toetsplan.typ.tera",
    "beoordelingsformulier.md.tera",
    "beoordelingsformulier.html.tera",
    "beoordelingsformulier.typ.tera",
    "instructie-beoordelaar.md.tera",
    "opdracht-kandidaat.md.tera",
    "_versies.md.tera",
    "_toetsmatrijs.md.tera",
    "_toetsmatrijs.html.tera",
    "_toetsmatrijs.typ.tera",
    "_scoreformulier.md.tera",
    "_scoreformulier.html.tera",
    "_scoreformulier.typ.tera",
    "_instructie-vragen.md.tera",
    "_opdracht-vragen.md.tera",
    "_formulier.html.tera",
    "_formulier-stijl.html.tera",
    "_versies.html.tera",
    "_versies.typ.tera",
    "_vervangen.md.tera",
    "_vervangen.html.tera",
    "_vervangen.typ.tera",
    "_stijl.html.tera",
    "_kop.html.tera",
    "_kopieren.html.tera",
    "_sr-only.html.tera",
    "_site.html.tera",
    "_sitepagina.html.tera",
    "_zoeken.html.tera",
    "_wijzigingen.html.tera",
    "_plan.html.tera",
    "_pakket.typ.tera",
    "_scan.typ.tera",
    "_voorblad.typ.tera",
    "_presentielijst.typ.tera",
    "_proces-verbaal.typ.tera",
];

/// One template's text and where it came from.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The template's text.
    pub text: String,
    /// The user's file, or "built-in <name>", for messages.
    pub origin: String,
    /// Whether it is toetsgen's own.
    pub builtin: bool,
}

/// Every template by name: the user's folder first, then the built-ins not overridden.
pub(crate) fn sources(dir: Option<&Path>) -> Result<BTreeMap<String, Source>> {
    let mut sources = BTreeMap::new();
    if let Some(dir) = dir {
        for (name, path) in list_folder(dir)? {
            let text = fs::read_text(&path)?;
            let origin = path.display().to_string();
            check_size_and_nesting(&origin, &text)?;
            let builtin = false;
            sources.insert(
                name,
                Source {
                    text,
                    origin,
                    builtin,
                },
            );
        }
    }
    for (name, text) in BUILTIN {
        sources.entry((*name).to_owned()).or_insert_with(|| Source {
            text: (*text).to_owned(),
            origin: msg!("document-builtin-origin", name = *name),
            builtin: true,
        });
    }
    Ok(sources)
}

/// The largest template, in bytes.
const MAX_TEMPLATE_BYTES: usize = 512 * 1024;

/// The deepest nesting of tags (`{% if %}` … `{% endif %}`) and of brackets inside tags.
const MAX_TEMPLATE_DEPTH: usize = 64;

/// Refuses a template too large or nested too deeply for Tera's parser, which recurses and would
/// overflow the stack (aborting without a message) on a few thousand levels.
fn check_size_and_nesting(origin: &str, text: &str) -> Result<()> {
    if text.len() > MAX_TEMPLATE_BYTES {
        bail!(msg!(
            "document-template-too-large",
            origin = origin,
            kib = text.len() / 1024,
            max = MAX_TEMPLATE_BYTES / 1024
        ));
    }
    let (mut blocks, mut deepest) = (0usize, 0usize);
    for tag in text.split("{%").skip(1).chain(text.split("{{").skip(1)) {
        let inner = tag.split(['%', '}']).next().unwrap_or_default();
        let word = inner
            .trim_start_matches('-')
            .split_whitespace()
            .next()
            .unwrap_or_default();
        match word {
            "if" | "for" | "block" | "macro" | "filter" => blocks += 1,
            "endif" | "endfor" | "endblock" | "endmacro" | "endfilter" => {
                blocks = blocks.saturating_sub(1);
            }
            _ => {}
        }
        let mut brackets = 0usize;
        for ch in inner.chars() {
            match ch {
                '(' | '[' => brackets += 1,
                ')' | ']' => brackets = brackets.saturating_sub(1),
                _ => {}
            }
            deepest = deepest.max(brackets);
        }
        deepest = deepest.max(blocks);
    }
    if deepest > MAX_TEMPLATE_DEPTH {
        bail!(msg!(
            "document-template-too-deep",
            origin = origin,
            depth = deepest,
            max = MAX_TEMPLATE_DEPTH
        ));
    }
    Ok(())
}

/// The `.tera` files directly in `dir`, by name.
fn list_folder(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let unreadable = || msg!("document-templates-folder-unreadable", path = dir);
    let entries = std::fs::read_dir(dir).with_context(unreadable)?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.with_context(unreadable)?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !path.is_file() || !name.ends_with(".tera") {
            continue;
        }
        if Format::of_template(&name).is_none() {
            bail!(msg!("document-template-unknown-format", path = &path));
        }
        out.push((name, path));
    }
    out.sort();
    Ok(out)
}

/// The documents named by a set of template names.
pub(crate) fn documents<'a>(names: impl Iterator<Item = &'a String>) -> Result<Vec<DocumentInfo>> {
    let mut docs: Vec<DocumentInfo> = DOCUMENTS
        .iter()
        .map(|(naam, titel)| DocumentInfo {
            naam: (*naam).to_owned(),
            titel: (*titel).to_owned(),
        })
        .collect();
    let names: Vec<&String> = names.collect();
    let known = |stem: &str| DOCUMENTS.iter().any(|(n, _)| *n == stem);
    for name in &names {
        let stem = name.split('.').next().unwrap_or_default();
        if stem.starts_with('_') || known(stem) {
            continue;
        }
        check_document_name(name, stem, &names)?;
        if name.ends_with(Format::Md.template_suffix()) {
            docs.push(DocumentInfo {
                naam: stem.to_owned(),
                titel: capitalize(&stem.replace('-', " ")),
            });
        }
    }
    Ok(docs)
}

/// Refuses a document name that has no Markdown template, is no valid file name, or collides
/// with the site's files.
fn check_document_name(name: &str, stem: &str, names: &[&String]) -> Result<()> {
    let has_markdown = names.iter().any(|n| **n == format!("{stem}.md.tera"));
    if !has_markdown {
        bail!(msg!(
            "document-template-no-markdown",
            name = name,
            stem = stem
        ));
    }
    if !valid_document_name(stem) {
        bail!(msg!(
            "document-template-bad-name",
            name = name,
            max = MAX_DOCUMENT_NAME
        ));
    }
    if RESERVED.contains(&stem) {
        bail!(msg!(
            "document-template-reserved-name",
            name = name,
            stem = stem
        ));
    }
    Ok(())
}

/// The longest name a document may have (it becomes a file name).
pub const MAX_DOCUMENT_NAME: usize = 64;

/// Whether `stem` may name a document: lowercase letters, digits and dashes, at most
/// [`MAX_DOCUMENT_NAME`].
pub fn valid_document_name(stem: &str) -> bool {
    (1..=MAX_DOCUMENT_NAME).contains(&stem.len())
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// An extra Markdown template adds a document with a title made from its name.
    #[test]
    fn extra_templates_add_documents() {
        let docs = documents(names(&["presentie-lijst.md.tera", "_x.html.tera"]).iter()).unwrap();
        assert_eq!(docs.len(), 5);
        assert_eq!(docs[4].titel, "Presentie lijst");
    }

    /// Templates nested deeper than Tera's parser can take are refused; the built-ins pass.
    #[test]
    fn deep_nesting_is_refused() {
        // The messages checked here are the English ones.
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let deep = format!(
            "{}x{}",
            "{% if a %}".repeat(2000),
            "{% endif %}".repeat(2000)
        );
        let err = check_size_and_nesting("t.md.tera", &deep)
            .unwrap_err()
            .to_string();
        assert!(err.contains("nests 2000 levels deep"), "{err}");
        let brackets = format!("{{{{ {}1{} }}}}", "(".repeat(500), ")".repeat(500));
        assert!(check_size_and_nesting("t.md.tera", &brackets).is_err());
        for (name, text) in BUILTIN {
            check_size_and_nesting(name, text).unwrap();
        }
    }

    /// Names the site uses, names without Markdown and bad file names are refused.
    #[test]
    fn bad_names_are_refused() {
        // The messages checked here are the English ones.
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let err = |list: &[&str]| documents(names(list).iter()).unwrap_err().to_string();
        assert!(err(&["index.md.tera"]).contains("taken by the site"));
        assert!(err(&["extra.html.tera"]).contains("no Markdown template"));
        assert!(err(&["Extra.md.tera"]).contains("only lowercase"));
    }
}
