//! Recursion in templates, found before Tera loads or renders them: a template that includes,
//! extends or imports itself, directly or through others, and a macro that calls itself. Tera
//! follows such a loop until the stack overflows and the process aborts without a message (an
//! `extends` loop that does not pass through the first template can do so while Tera loads the
//! templates), so [`check_parsed`] runs on each engine's templates before Tera sees them.
//!
//! The check takes each template parsed on its own and reads from its syntax tree what it includes,
//! extends and imports, and which macros it and each of its macros call. Two depth-first searches
//! then look for a cycle: one over the templates (extends, includes, imports), and, once that
//! graph is known to be free of loops so that macro namespaces can be resolved as Tera does, one
//! over everything that renders (templates and macros). The tree walk and both searches keep their
//! own stack: a deeply nested template or a long chain of templates cannot overflow the thread's.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use tera::Template;
use toetsgen_base::msg;

mod graph;
mod refs;

use graph::{Cycle, Graph, search};
pub(crate) use refs::Refs;
use refs::{refs, refs_with};

/// The most steps of a cycle a message spells out; the rest are counted.
const SHOWN_STEPS: usize = 12;

/// Checks the parsed templates of one engine, by name, for recursion; `origin` names a
/// template for messages.
pub(crate) fn check_parsed(
    templates: &BTreeMap<String, Template>,
    origin: &dyn Fn(&str) -> String,
) -> Result<()> {
    let bodies: BTreeMap<Unit, Refs<'_>> = (templates.iter())
        .flat_map(|(name, tpl)| {
            let own = (Unit::Template(name.clone()), refs(&tpl.ast));
            let macros = (tpl.macros.iter()).map(|(m, def)| {
                let defaults = def.args.values().flatten();
                (
                    Unit::Macro(name.clone(), m.clone()),
                    refs_with(&def.body, defaults),
                )
            });
            std::iter::once(own).chain(macros)
        })
        .collect();
    let loading = loading(templates, &bodies);
    let order = search(&loading).map_err(|c| recursion(&c, origin))?;
    // Free of loops, so each template's macro namespaces can be built after its parent's and
    // those of the files it imports.
    let mut namespaces = BTreeMap::new();
    for unit in order {
        if let Unit::Template(name) = unit {
            let map = self::namespaces(&templates[name], &namespaces);
            namespaces.insert(name.as_str(), map);
        }
    }
    let rendering = rendering(templates, &bodies, &namespaces);
    search(&rendering).map_err(|c| recursion(&c, origin))?;
    for (unit, refs) in &bodies {
        let (Unit::Template(file) | Unit::Macro(file, _)) = unit;
        crate::bounds::check_body(refs, &origin(file))?;
    }
    Ok(())
}

/// The templates alone, as Tera follows them when it loads them and gathers their macros: what
/// each extends, imports, and includes from its own body.
fn loading(templates: &BTreeMap<String, Template>, bodies: &BTreeMap<Unit, Refs<'_>>) -> Graph {
    let mut graph: Graph = BTreeMap::new();
    for (name, tpl) in templates {
        let unit = Unit::Template(name.clone());
        let mut edges = parent(templates, &unit);
        let imports = (tpl.imported_macro_files.iter()).filter(|(f, _)| templates.contains_key(f));
        edges.extend(imports.map(|(f, _)| (Step::Imports, Unit::Template(f.clone()))));
        edges.extend(includes(templates, &bodies[&unit]));
        graph.insert(unit, edges);
    }
    graph
}

/// Everything that renders: a template's body leads to its parent's, to what it includes and to
/// the macros it calls; a macro to what it includes and the macros it calls. A call is resolved
/// through the namespaces of the template it is written in.
fn rendering(
    templates: &BTreeMap<String, Template>,
    bodies: &BTreeMap<Unit, Refs<'_>>,
    namespaces: &BTreeMap<&str, BTreeMap<String, String>>,
) -> Graph {
    let mut graph: Graph = BTreeMap::new();
    for (unit, refs) in bodies {
        let (Unit::Template(file) | Unit::Macro(file, _)) = unit;
        let mut edges = parent(templates, unit);
        edges.extend(includes(templates, refs));
        for (namespace, name) in &refs.calls {
            let target = (namespaces.get(file.as_str()))
                .and_then(|n| n.get(*namespace))
                .filter(|f| (templates.get(*f)).is_some_and(|t| t.macros.contains_key(*name)))
                .map(|f| Unit::Macro(f.clone(), (*name).to_owned()));
            edges.extend(target.map(|t| (Step::Calls, t)));
        }
        graph.insert(unit.clone(), edges);
    }
    graph
}

/// The edge from a template to the template it extends, when it does and that one exists.
fn parent(templates: &BTreeMap<String, Template>, unit: &Unit) -> BTreeSet<(Step, Unit)> {
    let Unit::Template(name) = unit else {
        return BTreeSet::new();
    };
    (templates[name].parent.iter())
        .filter(|p| templates.contains_key(*p))
        .map(|p| (Step::Extends, Unit::Template(p.clone())))
        .collect()
}

/// The edges of a body's includes: each to the first template of its list that exists, which is
/// the one Tera renders.
fn includes<'a>(
    templates: &'a BTreeMap<String, Template>,
    refs: &'a Refs<'_>,
) -> impl Iterator<Item = (Step, Unit)> + 'a {
    (refs.includes.iter())
        .filter_map(|names| names.iter().find(|n| templates.contains_key(*n)))
        .map(|name| (Step::Includes, Unit::Template(name.clone())))
}

/// The macro namespaces of a template, each to the file whose macros it names, as Tera builds
/// them: `self` for its own macros, then each import (a later one replacing an earlier one of the
/// same name), then what the imported files see, then what its parent sees, each without replacing.
fn namespaces(
    tpl: &Template,
    known: &BTreeMap<&str, BTreeMap<String, String>>,
) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    if !tpl.macros.is_empty() {
        map.insert("self".to_owned(), tpl.name.clone());
    }
    for (file, namespace) in &tpl.imported_macro_files {
        map.insert(namespace.clone(), file.clone());
        for (namespace, file) in known.get(file.as_str()).into_iter().flatten() {
            map.entry(namespace.clone()).or_insert_with(|| file.clone());
        }
    }
    let parent = tpl.parent.as_ref().and_then(|p| known.get(p.as_str()));
    for (namespace, file) in parent.into_iter().flatten() {
        map.entry(namespace.clone()).or_insert_with(|| file.clone());
    }
    map
}

/// Something that renders: a template's body, or a macro (its file and name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Unit {
    Template(String),
    Macro(String, String),
}

/// How one unit leads to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Step {
    Extends,
    Includes,
    Imports,
    Calls,
}

impl Step {
    /// "extends itself".
    fn itself(self) -> String {
        match self {
            Step::Extends => msg!("document-extends-itself"),
            Step::Includes => msg!("document-includes-itself"),
            Step::Imports => msg!("document-imports-itself"),
            Step::Calls => msg!("document-calls-itself"),
        }
    }

    /// "extends `next`", the first link of a chain.
    fn first(self, next: &str) -> String {
        match self {
            Step::Extends => msg!("document-extends", next = next),
            Step::Includes => msg!("document-includes", next = next),
            Step::Imports => msg!("document-imports", next = next),
            Step::Calls => msg!("document-calls", next = next),
        }
    }

    /// ", which extends `next`", a later link of a chain.
    fn which(self, next: &str) -> String {
        match self {
            Step::Extends => msg!("document-which-extends", next = next),
            Step::Includes => msg!("document-which-includes", next = next),
            Step::Imports => msg!("document-which-imports", next = next),
            Step::Calls => msg!("document-which-calls", next = next),
        }
    }
}

/// The error for a cycle: "macro recursion" when only macros take part, else "template recursion".
fn recursion(cycle: &Cycle, origin: &dyn Fn(&str) -> String) -> anyhow::Error {
    let name = |unit: &Unit| match unit {
        Unit::Template(t) => origin(t),
        Unit::Macro(file, m) => msg!("document-macro-in", name = m, origin = origin(file)),
    };
    let first = name(&cycle[0].0);
    if cycle.iter().all(|(u, _)| matches!(u, Unit::Macro(..))) {
        let through = if cycle.len() == 1 {
            String::new()
        } else {
            let mut names: Vec<String> = cycle[1..].iter().map(|(u, _)| name(u)).collect();
            if names.len() > SHOWN_STEPS {
                let more = names.len() - SHOWN_STEPS;
                names.truncate(SHOWN_STEPS);
                names.push(msg!("document-macro-more", n = more));
            }
            let names = names.join(&msg!("document-macro-then"));
            msg!("document-macro-through", names = names)
        };
        return anyhow::anyhow!(msg!(
            "document-macro-recursion",
            first = first,
            through = through
        ));
    }
    let path = if let [(_, step)] = cycle.as_slice() {
        step.itself()
    } else {
        let nexts = cycle.iter().skip(1).map(|(u, _)| name(u));
        let mut links: Vec<String> = (cycle.iter().zip(nexts.chain([first.clone()])))
            .enumerate()
            .map(|(i, ((_, step), next))| match i {
                0 => step.first(&next),
                _ => step.which(&next),
            })
            .collect();
        if links.len() > SHOWN_STEPS {
            let more = links.len() - SHOWN_STEPS;
            let last = links.pop().unwrap_or_default();
            links.truncate(SHOWN_STEPS - 1);
            format!(
                "{}{}{last}",
                links.concat(),
                msg!("document-recursion-more", n = more)
            )
        } else {
            links.concat()
        }
    };
    let mut verbs: Vec<String> = Vec::new();
    for (_, step) in cycle {
        let verb = match step {
            Step::Includes => msg!("document-may-not-include"),
            Step::Extends => msg!("document-may-not-extend"),
            Step::Imports => msg!("document-may-not-import"),
            Step::Calls => continue,
        };
        if !verbs.contains(&verb) {
            verbs.push(verb);
        }
    }
    anyhow::anyhow!(msg!(
        "document-template-recursion",
        first = first,
        path = path,
        verbs = verbs.join(&msg!("document-or")),
    ))
}

// At the end, as everywhere in this code base: the catalogue's checks read a file's program up
// to its first `#[cfg(test)]`.
#[cfg(test)]
pub(crate) use refs::refs as refs_of;
#[cfg(test)]
mod tests;
