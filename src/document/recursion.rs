//! Recursion in templates, found before Tera loads or renders them: a template that includes,
//! extends or imports itself, directly or through others, and a macro that calls itself. Tera
//! follows such a loop until the stack overflows and the process aborts without a message (an
//! `extends` loop that does not pass through the first template can do so while Tera loads the
//! templates), so [`check`] runs on each engine's templates before Tera sees them.
//!
//! The check parses each template on its own and reads from its syntax tree what it includes,
//! extends and imports, and which macros it and each of its macros call. Two depth-first searches
//! then look for a cycle: one over the templates (extends, includes, imports), and, once that
//! graph is known to be free of loops so that macro namespaces can be resolved as Tera does, one
//! over everything that renders (templates and macros). The tree walk and both searches keep their
//! own stack: a deeply nested template or a long chain of templates cannot overflow the thread's.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Result, bail};
use tera::Template;
use tera::ast::{Expr, ExprVal, Node};

/// The most steps of a cycle a message spells out; the rest are counted.
const SHOWN_STEPS: usize = 12;

/// Checks the templates of one engine (name and text) for recursion; `origin` names a template
/// for messages. A template that does not parse is left out: Tera reports it when it loads them.
pub fn check(sources: &[(&str, &str)], origin: impl Fn(&str) -> String) -> Result<()> {
    let parsed: BTreeMap<String, Template> = (sources.iter())
        .filter_map(|(name, text)| Some(((*name).to_owned(), Template::new(name, None, text).ok()?)))
        .collect();
    check_parsed(&parsed, &origin)
}

/// Checks parsed templates, by name, for recursion.
fn check_parsed(templates: &BTreeMap<String, Template>, origin: &dyn Fn(&str) -> String) -> Result<()> {
    let bodies: BTreeMap<Unit, Refs<'_>> = (templates.iter())
        .flat_map(|(name, tpl)| {
            let own = (Unit::Template(name.clone()), refs(&tpl.ast));
            let macros = (tpl.macros.iter()).map(|(m, def)| {
                let defaults = def.args.values().flatten();
                let refs = refs_with(&def.body, defaults);
                (Unit::Macro(name.clone(), m.clone()), refs)
            });
            std::iter::once(own).chain(macros)
        })
        .collect();
    let include = |names: &[String]| names.iter().find(|n| templates.contains_key(*n)).cloned();

    // The templates alone: what Tera follows when it loads them and gathers their macros.
    let mut loading: Graph = BTreeMap::new();
    for (name, tpl) in templates {
        let edges = loading.entry(Unit::Template(name.clone())).or_default();
        let parent = tpl.parent.iter().filter(|p| templates.contains_key(*p));
        edges.extend(parent.map(|p| (Step::Extends, Unit::Template(p.clone()))));
        let imports = (tpl.imported_macro_files.iter()).filter(|(f, _)| templates.contains_key(f));
        edges.extend(imports.map(|(f, _)| (Step::Imports, Unit::Template(f.clone()))));
        let includes = bodies[&Unit::Template(name.clone())].includes.iter();
        edges.extend(includes.filter_map(|names| Some((Step::Includes, Unit::Template(include(names)?)))));
    }
    let order = search(&loading).map_err(|cycle| recursion(&cycle, origin))?;

    // Free of loops, so each template's macro namespaces can be built after its parent's and
    // those of the files it imports.
    let mut namespaces: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    for unit in order {
        if let Unit::Template(name) = unit {
            let map = self::namespaces(&templates[name], &namespaces);
            namespaces.insert(name, map);
        }
    }

    // Everything that renders: a template's body, its parent's, what it includes and the macros
    // called, and for a macro, what it includes and the macros it calls.
    let mut rendering: Graph = BTreeMap::new();
    for (unit, refs) in &bodies {
        let (Unit::Template(file) | Unit::Macro(file, _)) = unit;
        let edges = rendering.entry(unit.clone()).or_default();
        if let Unit::Template(name) = unit {
            let parent = templates[name].parent.iter().filter(|p| templates.contains_key(*p));
            edges.extend(parent.map(|p| (Step::Extends, Unit::Template(p.clone()))));
        }
        let includes = refs.includes.iter().filter_map(|names| include(names));
        edges.extend(includes.map(|t| (Step::Includes, Unit::Template(t))));
        for (namespace, name) in &refs.calls {
            let target = (namespaces[file.as_str()].get(*namespace))
                .filter(|f| templates[*f].macros.contains_key(*name))
                .map(|f| Unit::Macro(f.clone(), (*name).to_owned()));
            edges.extend(target.map(|t| (Step::Calls, t)));
        }
    }
    search(&rendering).map_err(|cycle| recursion(&cycle, origin))?;
    Ok(())
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
    for parent in &tpl.parent {
        for (namespace, file) in known.get(parent.as_str()).into_iter().flatten() {
            map.entry(namespace.clone()).or_insert_with(|| file.clone());
        }
    }
    map
}

/// Something that renders: a template's body, or a macro (its file and name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    Template(String),
    Macro(String, String),
}

/// How one unit leads to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Extends,
    Includes,
    Imports,
    Calls,
}

impl Step {
    fn verb(self) -> &'static str {
        match self {
            Step::Extends => "extends",
            Step::Includes => "includes",
            Step::Imports => "imports",
            Step::Calls => "calls",
        }
    }
}

/// Each unit and where it leads.
type Graph = BTreeMap<Unit, BTreeSet<(Step, Unit)>>;

/// A cycle: each unit with the step it takes to the next, the last leading back to the first.
type Cycle = Vec<(Unit, Step)>;

/// A depth-first search: every unit, each after all it leads to, or the first cycle found.
fn search(graph: &Graph) -> Result<Vec<&Unit>, Cycle> {
    #[derive(PartialEq)]
    enum State {
        Open,
        Done,
    }
    let no_edges = BTreeSet::new();
    let edges = |unit: &Unit| graph.get(unit).unwrap_or(&no_edges);
    let mut state: BTreeMap<&Unit, State> = BTreeMap::new();
    let mut order = Vec::new();
    for start in graph.keys() {
        if state.contains_key(start) {
            continue;
        }
        // The path from `start`, each unit with the edges it has yet to follow.
        let mut path = vec![(start, edges(start).iter())];
        state.insert(start, State::Open);
        while let Some((unit, next)) = path.last_mut() {
            let unit = *unit;
            let Some((_, target)) = next.next() else {
                state.insert(unit, State::Done);
                order.push(unit);
                path.pop();
                continue;
            };
            match state.get(target) {
                None => {
                    state.insert(target, State::Open);
                    path.push((target, edges(target).iter()));
                }
                Some(State::Open) => return Err(cycle(graph, &path, target)),
                Some(State::Done) => {}
            }
        }
    }
    Ok(order)
}

/// The cycle closed by an edge back to `target` from the end of `path`, starting at its least
/// unit (a template before any macro), so the same loop is always told the same way.
fn cycle<'a>(
    graph: &'a Graph,
    path: &[(&'a Unit, impl Iterator<Item = &'a (Step, Unit)> + Clone)],
    target: &Unit,
) -> Cycle {
    let at = path.iter().position(|(u, _)| *u == target).unwrap_or(0);
    let units: Vec<&Unit> = path[at..].iter().map(|(u, _)| *u).collect();
    let mut cycle: Cycle = (units.iter().enumerate())
        .map(|(i, unit)| {
            let next = units.get(i + 1).copied().unwrap_or(target);
            let step = (graph[*unit].iter())
                .find(|(_, t)| t == next)
                .map_or(Step::Includes, |(s, _)| *s);
            ((*unit).clone(), step)
        })
        .collect();
    let least = (cycle.iter().enumerate())
        .min_by(|a, b| a.1.0.cmp(&b.1.0))
        .map_or(0, |(i, _)| i);
    cycle.rotate_left(least);
    cycle
}

/// The error for a cycle: "macro recursion" when only macros take part, else "template recursion".
fn recursion(cycle: &Cycle, origin: &dyn Fn(&str) -> String) -> anyhow::Error {
    let name = |unit: &Unit| match unit {
        Unit::Template(t) => origin(t),
        Unit::Macro(file, m) => format!("macro `{m}` in {}", origin(file)),
    };
    let first = name(&cycle[0].0);
    if cycle.iter().all(|(u, _)| matches!(u, Unit::Macro(..))) {
        let through = match shown(&cycle[1..], |(u, _)| name(u)) {
            Some(names) => format!(" (through {})", names.join(", then ")),
            None => String::new(),
        };
        return anyhow::anyhow!(
            "macro recursion: {first} calls itself{through}: rewrite it without recursion"
        );
    }
    let steps: Vec<String> = match cycle.as_slice() {
        [(_, step)] => vec![format!("{} itself", step.verb())],
        _ => {
            let nexts = cycle.iter().skip(1).map(|(u, _)| name(u)).chain([first.clone()]);
            let all: Vec<(String, String)> = (cycle.iter().map(|(_, s)| s.verb().to_owned()))
                .zip(nexts)
                .map(|(verb, next)| (verb, next))
                .collect();
            let mut steps: Vec<String> = (all.iter().take(SHOWN_STEPS))
                .map(|(verb, next)| format!("{verb} {next}"))
                .collect();
            if all.len() > SHOWN_STEPS {
                let (verb, next) = &all[all.len() - 1];
                steps.truncate(SHOWN_STEPS - 1);
                steps.push(format!("… {} more …", all.len() - SHOWN_STEPS));
                steps.push(format!("{verb} {next}"));
            }
            steps
        }
    };
    let mut verbs: Vec<&str> = Vec::new();
    for (_, step) in cycle {
        let verb = match step {
            Step::Includes => "include",
            Step::Extends => "extend",
            Step::Imports => "import",
            Step::Calls => continue,
        };
        if !verbs.contains(&verb) {
            verbs.push(verb);
        }
    }
    anyhow::anyhow!(
        "template recursion: {first} {}: a template may not {} itself, directly or through others",
        steps.join(", which "),
        verbs.join(" or "),
    )
}

/// The first [`SHOWN_STEPS`] of `items` named, and how many more; `None` when there are none.
fn shown<T>(items: &[T], name: impl Fn(&T) -> String) -> Option<Vec<String>> {
    if items.is_empty() {
        return None;
    }
    let mut names: Vec<String> = items.iter().take(SHOWN_STEPS).map(name).collect();
    if items.len() > SHOWN_STEPS {
        names.push(format!("{} more", items.len() - SHOWN_STEPS));
    }
    Some(names)
}

/// What one body refers to: each `include` (its list of names) and each macro call
/// (namespace and name).
#[derive(Default)]
struct Refs<'a> {
    includes: Vec<&'a [String]>,
    calls: Vec<(&'a str, &'a str)>,
}

/// One piece of the syntax tree still to visit.
enum Item<'a> {
    Node(&'a Node),
    Expr(&'a Expr),
    Val(&'a ExprVal),
}

/// What a body refers to, nested macro definitions left out (they are units of their own).
fn refs(body: &[Node]) -> Refs<'_> {
    refs_with(body, std::iter::empty())
}

/// What a body and some expressions refer to, walked with a stack of their own.
fn refs_with<'a>(body: &'a [Node], exprs: impl Iterator<Item = &'a Expr>) -> Refs<'a> {
    let mut refs = Refs::default();
    let mut stack: Vec<Item<'a>> = body.iter().map(Item::Node).collect();
    stack.extend(exprs.map(Item::Expr));
    let nodes = |body: &'a [Node]| body.iter().map(Item::Node);
    while let Some(item) = stack.pop() {
        match item {
            Item::Node(node) => match node {
                Node::VariableBlock(_, expr) => stack.push(Item::Expr(expr)),
                Node::Include(_, names, _) => refs.includes.push(names),
                Node::Set(_, set) => stack.push(Item::Expr(&set.value)),
                Node::FilterSection(_, section, _) => {
                    stack.extend(section.filter.args.values().map(Item::Expr));
                    stack.extend(nodes(&section.body));
                }
                Node::Block(_, block, _) => stack.extend(nodes(&block.body)),
                Node::Forloop(_, each, _) => {
                    stack.push(Item::Expr(&each.container));
                    stack.extend(nodes(&each.body));
                    stack.extend(each.empty_body.iter().flat_map(|b| nodes(b)));
                }
                Node::If(branches, _) => {
                    for (_, condition, body) in &branches.conditions {
                        stack.push(Item::Expr(condition));
                        stack.extend(nodes(body));
                    }
                    stack.extend(branches.otherwise.iter().flat_map(|(_, b)| nodes(b)));
                }
                // Macros are units of their own; parents and imports come from the template.
                Node::MacroDefinition(..) | Node::Extends(..) | Node::ImportMacro(..) => {}
                Node::Super
                | Node::Text(_)
                | Node::Raw(..)
                | Node::Break(_)
                | Node::Continue(_)
                | Node::Comment(..) => {}
            },
            Item::Expr(expr) => {
                stack.push(Item::Val(&expr.val));
                for filter in &expr.filters {
                    stack.extend(filter.args.values().map(Item::Expr));
                }
            }
            Item::Val(val) => match val {
                ExprVal::Math(math) => stack.extend([Item::Expr(&math.lhs), Item::Expr(&math.rhs)]),
                ExprVal::Logic(logic) => {
                    stack.extend([Item::Expr(&logic.lhs), Item::Expr(&logic.rhs)]);
                }
                ExprVal::In(within) => {
                    stack.extend([Item::Expr(&within.lhs), Item::Expr(&within.rhs)]);
                }
                ExprVal::Test(test) => stack.extend(test.args.iter().map(Item::Expr)),
                ExprVal::MacroCall(call) => {
                    refs.calls.push((&call.namespace, &call.name));
                    stack.extend(call.args.values().map(Item::Expr));
                }
                ExprVal::FunctionCall(call) => stack.extend(call.args.values().map(Item::Expr)),
                ExprVal::Array(items) => stack.extend(items.iter().map(Item::Expr)),
                ExprVal::StringConcat(concat) => stack.extend(concat.values.iter().map(Item::Val)),
                ExprVal::String(_)
                | ExprVal::Int(_)
                | ExprVal::Float(_)
                | ExprVal::Bool(_)
                | ExprVal::Ident(_) => {}
            },
        }
    }
    refs
}
