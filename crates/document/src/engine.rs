//! One format's Tera engine: its templates parsed once each, checked for recursion, loaded, with
//! the format's autoescaping and filters. An engine holding a template of the user's is made
//! when the templates are loaded, so that a mistake in it is reported before anything is
//! written; an engine of toetsgen's own templates only (which its tests compile) is made when
//! first used, so that a build with nothing to render in that format does not parse them.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use anyhow::{Result, anyhow, bail};
use rayon::prelude::*;
use tera::{Template, Tera};
use toetsgen_base::msg;

use crate::catalog::Source;
use crate::{Format, bounds, filters, recursion};

/// A format's engine, made now or on first use.
pub(crate) struct Engine {
    format: Format,
    /// The format's templates, by name.
    sources: BTreeMap<String, Source>,
    made: OnceLock<Result<Arc<Tera>, String>>,
}

impl Engine {
    /// The engine of `format` over its templates among `sources`: made at once (its templates
    /// parsed side by side) when one of them is the user's.
    pub(crate) fn new(format: Format, sources: &BTreeMap<String, Source>) -> Result<Engine> {
        let suffix = format.template_suffix();
        let sources: BTreeMap<String, Source> = (sources.iter())
            .filter(|(name, _)| name.ends_with(suffix))
            .map(|(name, source)| (name.clone(), source.clone()))
            .collect();
        let engine = Engine {
            format,
            made: OnceLock::new(),
            sources,
        };
        if !engine.all_builtin() {
            let tera = make(format, &engine.sources, true)?;
            let _ = engine.made.set(Ok(Arc::new(tera)));
        }
        Ok(engine)
    }

    /// The engine, made now if it was not yet. Parsed one template after another: it may be
    /// made inside a parallel task, which must not wait on other tasks while it holds the lock.
    pub(crate) fn get(&self) -> Result<&Arc<Tera>> {
        let made = (self.made).get_or_init(|| {
            (make(self.format, &self.sources, false).map(Arc::new)).map_err(|e| format!("{e:#}"))
        });
        made.as_ref().map_err(|e| anyhow!("{e}"))
    }

    /// Whether every template of the engine is toetsgen's own.
    pub(crate) fn all_builtin(&self) -> bool {
        self.sources.values().all(|s| s.builtin)
    }

    /// Whether the engine has a template of this name.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }
}

/// Tera's `get_env`, closed: a document shows what its plan says, never the environment of the
/// computer that builds it (a template could otherwise print a secret into a published page).
fn no_env(_: &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    Err(tera::Error::msg(msg!("document-no-get-env")))
}

/// The engine of one format: its templates, its autoescaping and its filters. Each template is
/// parsed once (side by side when `parallel`) and checked for recursion before Tera loads them
/// (an `extends` loop can overflow its stack while loading); then loaded as
/// `Tera::add_raw_templates` loads them, with its messages.
fn make(format: Format, sources: &BTreeMap<String, Source>, parallel: bool) -> Result<Tera> {
    let suffix = format.template_suffix();
    let mut tera = Tera::default();
    tera.autoescape_on(vec![suffix]);
    tera.set_escape_fn(format.escape());
    filters::register(&mut tera, format);
    // Tera's `range`, bounded (see `bounds`).
    tera.register_function("range", bounds::Range);
    tera.register_function("get_env", no_env);
    fn parse<'a>((name, source): (&'a String, &'a Source)) -> (&'a str, tera::Result<Template>) {
        (name.as_str(), Template::new(name, None, &source.text))
    }
    let parsed: Vec<(&str, tera::Result<Template>)> = match parallel {
        true => sources.par_iter().map(parse).collect(),
        false => sources.iter().map(parse).collect(),
    };
    let mut ok: BTreeMap<String, Template> = BTreeMap::new();
    let mut failed = None;
    for (name, result) in parsed {
        match result {
            Ok(tpl) => {
                ok.insert(name.to_owned(), tpl);
            }
            Err(err) if failed.is_none() => {
                let parse_failed = msg!("document-tera-parse-failed", name = name);
                failed = Some(tera::Error::chain(parse_failed, err));
            }
            Err(_) => {}
        }
    }
    let origin = |name: &str| {
        sources
            .get(name)
            .map_or(name.to_owned(), |s| s.origin.clone())
    };
    recursion::check_parsed(&ok, &origin)?;
    let loaded = match failed {
        Some(err) => Err(err),
        None => {
            // Tera's own loader does exactly this after parsing each template.
            tera.templates.extend(ok);
            tera.build_inheritance_chains()
                .and_then(|()| tera.check_macro_files())
        }
    };
    if let Err(err) = loaded {
        let message = chain(&err);
        let culprit = (sources.iter())
            .find(|(name, _)| message.contains(&format!("'{name}'")))
            .map_or_else(
                || msg!("document-templates-of-format", suffix = suffix),
                |(_, source)| source.origin.clone(),
            );
        bail!(msg!(
            "document-template-does-not-compile",
            origin = culprit,
            message = message
        ));
    }
    Ok(tera)
}

/// Tera's error with all its causes, which hold the line and the reason.
pub(crate) fn chain(err: &tera::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    parts.join(": ")
}
