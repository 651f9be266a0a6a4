//! The template engines: one Tera engine per [`Format`], each autoescaping for its format and
//! holding that format's templates (see [`catalog`](crate::catalog) for which there are).
//!
//! Each document has a Markdown template (`<name>.md.tera`). Its HTML and PDF come from
//! `<name>.html.tera` and `<name>.typ.tera` when those exist; otherwise the rendered Markdown is
//! converted and placed in `_layout.html.tera` / `_layout.typ.tera` (as `inhoud`). Templates
//! whose name starts with `_` are building blocks, not documents. A plan's text prints literally
//! unless a filter says otherwise (see `filters`).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::catalog::{self, Source};
pub use crate::catalog::{MAX_DOCUMENT_NAME, valid_document_name};
use crate::context::{Context, DocumentInfo};
use crate::engine::{Engine, chain};
use crate::{Format, bounds, hyphenate, markdown};
use toetsgen_base::cancel::Cancel;
use toetsgen_base::msg;

/// One document rendered in the source form of each format asked for.
#[derive(Debug, Clone)]
pub struct RenderedDocument {
    /// Which document.
    pub info: DocumentInfo,
    /// Per format, the source and the template it came from.
    pub sources: BTreeMap<Format, Rendered>,
}

/// One document's source in one format.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The Markdown, HTML or Typst source.
    pub text: String,
    /// The template it came from (a user's file or a built-in), for messages.
    pub template: String,
}

impl RenderedDocument {
    /// The source in `format`, when it was rendered.
    pub fn source(&self, format: Format) -> Option<&Rendered> {
        self.sources.get(&format)
    }
}

/// All templates, ready to render.
pub struct Templates {
    engines: BTreeMap<Format, Engine>,
    documents: Vec<DocumentInfo>,
    origins: BTreeMap<String, String>,
    fingerprint: String,
    cancel: Cancel,
}

impl Templates {
    /// Loads the built-ins and, when given, the user's folder (whose templates win by name).
    pub fn load(dir: Option<&Path>) -> Result<Templates> {
        let sources = catalog::sources(dir)?;
        let documents = catalog::documents(sources.keys())?;
        // Parsing is most of a small build's own time: the formats' engines are made side by side
        // (those of the user's templates now, the others when first used). The first failing
        // format in order is reported, as when they were made one by one.
        let made: Vec<Result<Engine>> = (Format::ALL.par_iter())
            .map(|&format| Engine::new(format, &sources))
            .collect();
        let mut engines = BTreeMap::new();
        for (format, engine) in Format::ALL.into_iter().zip(made) {
            engines.insert(format, engine?);
        }
        Ok(Templates {
            engines,
            documents,
            fingerprint: fingerprint(&sources),
            origins: (sources.into_iter())
                .map(|(name, source)| (name, source.origin))
                .collect(),
            cancel: Cancel::new(),
        })
    }

    /// The templates, their renders stopped when `cancel` is (a render of a user's template
    /// then ends with [`Cancelled`](toetsgen_base::cancel::Cancelled)).
    pub fn stopped_by(self, cancel: Cancel) -> Templates {
        Templates { cancel, ..self }
    }

    /// A hash of every template's name and text: changes when any template changes.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// The documents to make for each plan: the four of SPEC.md, then the user's extras.
    pub fn documents(&self) -> &[DocumentInfo] {
        &self.documents
    }

    /// Whether every Typst template is toetsgen's own. Only then may typst compile many
    /// documents in one process: in a bundle, counters other than the page's, labels and queries
    /// span all its documents, which toetsgen's templates never use but a user's might.
    pub fn typst_all_builtin(&self) -> bool {
        self.engines[&Format::Pdf].all_builtin()
    }

    /// Where a template came from: a file of the user's, or the built-in.
    pub fn origin(&self, name: &str) -> String {
        self.origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_owned())
    }

    /// Makes the engines that rendering documents in `formats` needs (Markdown's always: every
    /// document starts from it), side by side, so that the first documents do not wait for
    /// them one after another.
    pub fn warm(&self, formats: &[Format]) {
        (Format::ALL.par_iter())
            .filter(|f| **f == Format::Md || formats.contains(f))
            .for_each(|f| {
                // A failure shows when the engine is used.
                let _ = self.engines[f].get();
            });
    }

    fn has(&self, format: Format, name: &str) -> bool {
        self.engines[&format].has(name)
    }

    /// Renders one template; an HTML page gets soft hyphens in its long words (see `hyphenate`).
    fn render_one(&self, format: Format, name: &str, ctx: &tera::Context) -> Result<String> {
        let page = self.render_unhyphenated(format, name, ctx)?;
        Ok(match format {
            Format::Html => hyphenate::soft_hyphens(&page),
            _ => page,
        })
    }

    /// Renders one template: on a thread of its own, bounded in time and output (see `bounds`),
    /// when its engine holds a template of the user's; toetsgen's own in this thread.
    fn render_unhyphenated(
        &self,
        format: Format,
        name: &str,
        ctx: &tera::Context,
    ) -> Result<String> {
        let engine = &self.engines[&format];
        if !engine.all_builtin() {
            let origin = self.origin(name);
            return bounds::render(engine.get()?, name, ctx, &origin, &self.cancel);
        }
        engine
            .get()?
            .render(name, ctx)
            .map_err(|e| anyhow::anyhow!(chain(&e)))
            .with_context(|| format!("template {} failed", self.origin(name)))
    }

    /// Renders an HTML template that is not a document (the site's pages) with its own context.
    pub fn render_html(&self, name: &str, ctx: &tera::Context) -> Result<String> {
        self.render_one(Format::Html, name, ctx)
    }

    /// Renders a Typst template that is not a plan's document (the print packet's own documents
    /// and the packet itself) with its own context.
    pub fn render_typst(&self, name: &str, ctx: &tera::Context) -> Result<String> {
        self.render_one(Format::Pdf, name, ctx)
    }

    /// Renders one document in Markdown and in each of `formats`.
    pub fn render(&self, ctx: &Context<'_>, formats: &[Format]) -> Result<RenderedDocument> {
        let doc = &ctx.document.naam;
        let mut tctx = tera::Context::from_serialize(ctx).context(msg!("document-context-plan"))?;

        let md_name = format!("{doc}{}", Format::Md.template_suffix());
        let markdown = markdown::tidy(&self.render_one(Format::Md, &md_name, &tctx)?);
        let mut sources = BTreeMap::new();
        for &format in formats.iter().filter(|f| **f != Format::Md) {
            let rendered = self.derived(format, doc, &markdown, &mut tctx)?;
            sources.insert(format, rendered);
        }
        let template = self.origin(&md_name);
        sources.insert(
            Format::Md,
            Rendered {
                text: markdown,
                template,
            },
        );
        Ok(RenderedDocument {
            info: ctx.document.clone(),
            sources,
        })
    }

    /// A document in a format other than Markdown: from its own template, or else its Markdown
    /// converted and placed in the format's layout.
    fn derived(
        &self,
        format: Format,
        doc: &str,
        markdown: &str,
        tctx: &mut tera::Context,
    ) -> Result<Rendered> {
        let own = format!("{doc}{}", format.template_suffix());
        let (text, name) = match format.from_markdown() {
            Some(convert) if !self.has(format, &own) => {
                let layout = format!("_layout{}", format.template_suffix());
                tctx.insert("inhoud", &convert(markdown));
                let text = self.render_one(format, &layout, tctx);
                tctx.remove("inhoud");
                (text?, layout)
            }
            _ => (self.render_one(format, &own, tctx)?, own),
        };
        Ok(Rendered {
            text,
            template: self.origin(&name),
        })
    }
}

/// A hash of every template's name and text.
fn fingerprint(sources: &BTreeMap<String, Source>) -> String {
    let all: Vec<String> = (sources.iter())
        .map(|(name, source)| format!("{name}\0{}", source.text))
        .collect();
    toetsgen_base::fs::sha256(all.join("\0").as_bytes())
}
