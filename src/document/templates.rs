//! The templates: built-in defaults compiled into the binary, overridden by name from the
//! project's `templates/` folder, where a template the program does not know adds a document.
//!
//! Each document has a Markdown template (`<name>.md.tera`). Its HTML and PDF come from
//! `<name>.html.tera` and `<name>.typ.tera` when those exist; otherwise the rendered Markdown is
//! converted and placed in `_layout.html.tera` / `_layout.typ.tera` (as `inhoud`). Templates
//! whose name starts with `_` are building blocks, not documents. One Tera engine per format,
//! each autoescaping for its target, so a plan's text prints literally unless a filter says
//! otherwise (see `filters`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use tera::Tera;

use crate::document::filters::{self, Target};
use crate::fs;
use crate::document::{html, typst};
use crate::document::view::{Context, DocumentInfo};

/// The documents every plan gets, with their titles, in order.
pub const DOCUMENTS: [(&str, &str); 4] = [
    ("toetsplan", "Toetsplan"),
    ("beoordelingsformulier", "Beoordelingsformulier"),
    ("instructie-beoordelaar", "Instructie voor de beoordelaar"),
    ("opdracht-kandidaat", "Opdracht voor de kandidaat"),
];

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name)))),*]
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
    "_versies.html.tera",
    "_versies.typ.tera",
    "_stijl.html.tera",
    "_site.html.tera",
    "_plan.html.tera",
];

/// One document rendered in each format's source form.
#[derive(Debug, Clone)]
pub struct RenderedDocument {
    /// The Markdown document.
    pub markdown: String,
    /// The HTML document.
    pub html: String,
    /// The Typst source of the PDF.
    pub typst: String,
    /// The template the Typst source came from, for messages.
    pub typst_template: String,
}

/// All templates, ready to render.
pub struct Templates {
    engines: BTreeMap<Target, Tera>,
    documents: Vec<DocumentInfo>,
    origins: BTreeMap<String, String>,
    fingerprint: String,
}

impl Templates {
    /// Loads the built-ins and, when given, the user's folder (whose templates win by name).
    pub fn load(dir: Option<&Path>) -> Result<Templates> {
        let mut sources: BTreeMap<String, (String, String)> = BTreeMap::new();
        if let Some(dir) = dir {
            for (name, path) in list_folder(dir)? {
                let text = fs::read_text(&path)?;
                sources.insert(name, (text, path.display().to_string()));
            }
        }
        for (name, text) in BUILTIN {
            sources
                .entry((*name).to_owned())
                .or_insert_with(|| ((*text).to_owned(), format!("built-in {name}")));
        }
        let documents = documents(sources.keys())?;
        let mut engines = BTreeMap::new();
        for target in [Target::Markdown, Target::Html, Target::Typst] {
            let suffix = suffix(target);
            let mut tera = Tera::default();
            tera.autoescape_on(vec![suffix]);
            tera.set_escape_fn(match target {
                Target::Markdown => crate::document::markdown::escape,
                Target::Html => html::escape,
                Target::Typst => typst::escape,
            });
            filters::register(&mut tera, target);
            let mine: Vec<(&str, &str)> = (sources.iter())
                .filter(|(name, _)| name.ends_with(suffix))
                .map(|(name, (text, _))| (name.as_str(), text.as_str()))
                .collect();
            if let Err(err) = tera.add_raw_templates(mine) {
                let message = chain(&err);
                let culprit = (sources.iter())
                    .find(|(name, _)| message.contains(&format!("'{name}'")))
                    .map_or_else(
                        || format!("the {suffix} templates"),
                        |(_, (_, origin))| origin.clone(),
                    );
                bail!("template {culprit} does not compile: {message}");
            }
            engines.insert(target, tera);
        }
        let fingerprint = {
            let all: Vec<String> = sources
                .iter()
                .map(|(name, (text, _))| format!("{name}\0{text}"))
                .collect();
            crate::fs::sha256(all.join("\0").as_bytes())
        };
        let origins = sources
            .into_iter()
            .map(|(name, (_, origin))| (name, origin))
            .collect();
        Ok(Templates {
            engines,
            documents,
            origins,
            fingerprint,
        })
    }

    /// A hash of every template's name and text: changes when any template changes.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The documents to make for each plan: the four of SPEC.md, then the user's extras.
    pub fn documents(&self) -> &[DocumentInfo] {
        &self.documents
    }

    /// Where a template came from: a file of the user's, or the built-in.
    pub fn origin(&self, name: &str) -> String {
        self.origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_owned())
    }

    fn has(&self, target: Target, name: &str) -> bool {
        self.engines[&target]
            .get_template_names()
            .any(|n| n == name)
    }

    fn render_one(&self, target: Target, name: &str, ctx: &tera::Context) -> Result<String> {
        self.engines[&target]
            .render(name, ctx)
            .map_err(|e| anyhow::anyhow!(chain(&e)))
            .with_context(|| format!("template {} failed", self.origin(name)))
    }

    /// Renders an HTML template that is not a document (the site's pages) with its own context.
    pub fn render_html(&self, name: &str, ctx: &tera::Context) -> Result<String> {
        self.render_one(Target::Html, name, ctx)
    }

    /// Renders one document in all three formats.
    pub fn render(
        &self,
        ctx: &Context<'_>,
        want_html: bool,
        want_typst: bool,
    ) -> Result<RenderedDocument> {
        let doc = &ctx.document.naam;
        let mut tctx =
            tera::Context::from_serialize(ctx).context("cannot pass the plan to the templates")?;
        let markdown = self.render_one(Target::Markdown, &format!("{doc}.md.tera"), &tctx)?;
        let mut derived =
            |target: Target, want: bool, convert: fn(&str) -> String| -> Result<(String, String)> {
                if !want {
                    return Ok((String::new(), String::new()));
                }
                let own = format!("{doc}{}", suffix(target));
                if self.has(target, &own) {
                    return Ok((self.render_one(target, &own, &tctx)?, own));
                }
                let layout = format!("_layout{}", suffix(target));
                tctx.insert("inhoud", &convert(&markdown));
                let out = self.render_one(target, &layout, &tctx)?;
                tctx.remove("inhoud");
                Ok((out, layout))
            };
        let (html, _) = derived(Target::Html, want_html, html::from_markdown)?;
        let (typst, typst_template) = derived(Target::Typst, want_typst, typst::from_markdown)?;
        Ok(RenderedDocument {
            markdown,
            html,
            typst,
            typst_template: self.origin(&typst_template),
        })
    }
}

/// The file-name ending of a format's templates.
fn suffix(target: Target) -> &'static str {
    match target {
        Target::Markdown => ".md.tera",
        Target::Html => ".html.tera",
        Target::Typst => ".typ.tera",
    }
}

/// The `.tera` files directly in `dir`, by name.
fn list_folder(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the templates folder {}", dir.display()))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry
            .with_context(|| format!("cannot read the templates folder {}", dir.display()))?
            .path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !path.is_file() || !name.ends_with(".tera") {
            continue;
        }
        if ![Target::Markdown, Target::Html, Target::Typst]
            .iter()
            .any(|&t| name.ends_with(suffix(t)))
        {
            bail!(
                "{}: unknown template format: name it <document>.md.tera, <document>.html.tera or <document>.typ.tera",
                path.display()
            );
        }
        out.push((name, path));
    }
    out.sort();
    Ok(out)
}

/// The documents named by a set of template names.
fn documents<'a>(names: impl Iterator<Item = &'a String>) -> Result<Vec<DocumentInfo>> {
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
        let has_markdown = names.iter().any(|n| **n == format!("{stem}.md.tera"));
        if !has_markdown {
            bail!(
                "template {name} belongs to a document `{stem}` that has no Markdown template: add {stem}.md.tera (every document has one; its HTML and PDF can be derived from it)"
            );
        }
        if !valid_document_name(stem) {
            bail!(
                "template {name}: a document name may contain only lowercase letters, digits and dashes (it becomes a file name)"
            );
        }
        if name.ends_with(".md.tera") {
            docs.push(DocumentInfo {
                naam: stem.to_owned(),
                titel: title_of(stem),
            });
        }
    }
    Ok(docs)
}

fn valid_document_name(stem: &str) -> bool {
    !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// "aanwezigheids-lijst" → "Aanwezigheids lijst".
fn title_of(stem: &str) -> String {
    let spaced = stem.replace('-', " ");
    let mut chars = spaced.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Tera's error with all its causes, which hold the line and the reason.
fn chain(err: &tera::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    parts.join(": ")
}
