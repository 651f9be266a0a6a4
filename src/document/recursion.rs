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

use anyhow::Result;
use tera::Template;
use tera::ast::{Expr, ExprVal, Node};

/// The most steps of a cycle a message spells out; the rest are counted.
const SHOWN_STEPS: usize = 12;

/// Checks the templates of one engine (name and text) for recursion; `origin` names a template
/// for messages. A template that does not parse is left out: Tera reports it when it loads them.
pub fn check(sources: &[(&str, &str)], origin: impl Fn(&str) -> String) -> Result<()> {
    let parsed: BTreeMap<String, Template> = (sources.iter())
        .filter_map(|(name, text)| {
            Some(((*name).to_owned(), Template::new(name, None, text).ok()?))
        })
        .collect();
    check_parsed(&parsed, &origin)
}

/// Checks parsed templates, by name, for recursion.
fn check_parsed(
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
    let edges = |unit: &Unit| graph.get(unit).map(BTreeSet::iter).unwrap_or_default();
    let mut state: BTreeMap<&Unit, State> = BTreeMap::new();
    let mut order = Vec::new();
    for start in graph.keys() {
        if state.contains_key(start) {
            continue;
        }
        // The path from `start`, each unit with the edges it has yet to follow.
        let mut path = vec![(start, edges(start))];
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
                    path.push((target, edges(target)));
                }
                Some(State::Open) => {
                    let units: Vec<&Unit> = path.iter().map(|(u, _)| *u).collect();
                    return Err(cycle(graph, &units, target));
                }
                Some(State::Done) => {}
            }
        }
    }
    Ok(order)
}

/// The cycle closed by an edge back to `target` from the end of `path`, starting at its least
/// unit (a template before any macro), so the same loop is always told the same way.
fn cycle(graph: &Graph, path: &[&Unit], target: &Unit) -> Cycle {
    let at = path.iter().position(|u| *u == target).unwrap_or(0);
    let units = &path[at..];
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
        let through = if cycle.len() == 1 {
            String::new()
        } else {
            let mut names: Vec<String> = cycle[1..].iter().map(|(u, _)| name(u)).collect();
            if names.len() > SHOWN_STEPS {
                let more = names.len() - SHOWN_STEPS;
                names.truncate(SHOWN_STEPS);
                names.push(format!("{more} more"));
            }
            format!(" (through {})", names.join(", then "))
        };
        return anyhow::anyhow!(
            "macro recursion: {first} calls itself{through}: rewrite it without recursion"
        );
    }
    let path = if let [(_, step)] = cycle.as_slice() {
        format!("{} itself", step.verb())
    } else {
        let nexts = cycle.iter().skip(1).map(|(u, _)| name(u));
        let mut links: Vec<String> = (cycle.iter().zip(nexts.chain([first.clone()])))
            .map(|((_, step), next)| format!("{} {next}", step.verb()))
            .collect();
        if links.len() > SHOWN_STEPS {
            let more = links.len() - SHOWN_STEPS;
            let last = links.pop().unwrap_or_default();
            links.truncate(SHOWN_STEPS - 1);
            format!("{}, … {more} more …, which {last}", links.join(", which "))
        } else {
            links.join(", which ")
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
        "template recursion: {first} {path}: a template may not {} itself, directly or through others",
        verbs.join(" or "),
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::document::catalog;

    /// The message for a set of templates, named by themselves; `None` when they pass.
    fn message(sources: &[(&str, &str)]) -> Option<String> {
        check(sources, str::to_owned)
            .err()
            .map(|e| format!("{e:#}"))
    }

    /// A template that includes itself is refused, naming it.
    #[test]
    fn direct_include() {
        let found = message(&[("a", "x{% include \"a\" %}")]);
        assert_eq!(
            found.as_deref(),
            Some(
                "template recursion: a includes itself: \
                 a template may not include itself, directly or through others"
            )
        );
    }

    /// Two templates that include each other are refused, both named, in a stable order.
    #[test]
    fn mutual_include() {
        let sources = [
            ("b", "{% if x %}{% include \"a\" %}{% endif %}"),
            ("a", "{% for i in [1] %}{% include \"b\" %}{% endfor %}"),
            ("page", "{% include \"b\" %}"),
        ];
        assert_eq!(
            message(&sources).as_deref(),
            Some(
                "template recursion: a includes b, which includes a: \
                 a template may not include itself, directly or through others"
            )
        );
    }

    /// In an include list, the first template that exists is the one rendered.
    #[test]
    fn include_list() {
        let found = message(&[("a", "{% include [\"missing\", \"a\"] ignore missing %}")]);
        assert!(
            found
                .unwrap()
                .starts_with("template recursion: a includes itself")
        );
        let found = message(&[
            ("a", "{% include [\"b\", \"c\"] %}"),
            ("b", ""),
            ("c", "{% include \"a\" %}"),
        ]);
        assert_eq!(found, None, "c is never rendered: b comes first and exists");
        let found = message(&[
            ("a", "{% include [\"b\", \"c\"] %}"),
            ("b", "{% include \"a\" %}"),
            ("c", ""),
        ]);
        assert!(
            found
                .unwrap()
                .starts_with("template recursion: a includes b, which includes a")
        );
    }

    /// An `extends` loop is refused before Tera loads it, also when it does not pass through the
    /// template that starts the chain (which overflows Tera's stack while loading).
    #[test]
    fn extends_loop() {
        let sources = [
            ("a", "{% extends \"b\" %}"),
            ("b", "{% extends \"c\" %}"),
            ("c", "{% extends \"b\" %}{% block x %}{% endblock %}"),
        ];
        assert_eq!(
            message(&sources).as_deref(),
            Some(
                "template recursion: b extends c, which extends b: \
                 a template may not extend itself, directly or through others"
            )
        );
        let found = message(&[("a", "{% extends \"a\" %}")]);
        assert!(
            found
                .unwrap()
                .starts_with("template recursion: a extends itself")
        );
    }

    /// Macro files that import each other are refused (Tera loops gathering their macros).
    #[test]
    fn import_loop() {
        let sources = [
            (
                "m1",
                "{% import \"m2\" as two %}{% macro a() %}{% endmacro %}",
            ),
            (
                "m2",
                "{% import \"m1\" as one %}{% macro b() %}{{ one::a() }}{% endmacro %}",
            ),
        ];
        assert_eq!(
            message(&sources).as_deref(),
            Some(
                "template recursion: m1 imports m2, which imports m1: \
                 a template may not import itself, directly or through others"
            )
        );
    }

    /// A macro that calls itself is refused, naming it and its file.
    #[test]
    fn direct_macro_recursion() {
        let sources = [(
            "x",
            "{% macro m(n) %}{{ n }}{{ self::m(n=n - 1) | upper }}{% endmacro %}",
        )];
        assert_eq!(
            message(&sources).as_deref(),
            Some("macro recursion: macro `m` in x calls itself: rewrite it without recursion")
        );
    }

    /// Macros of an imported file that call each other are refused, deep inside expressions.
    #[test]
    fn mutual_macro_recursion_through_an_import() {
        let sources = [
            (
                "page",
                "{% import \"macros\" as m %}{% block b %}{{ m::even(n=3) }}{% endblock %}",
            ),
            (
                "macros",
                "{% macro even(n) %}{% if n == 0 %}ja{% else %}{{ self::odd(n=n - 1) }}{% endif %}{% endmacro %}\
                 {% macro odd(n) %}{{ [1, 2 + self::even(n=n - 1) | length] | join(sep=\",\") }}{% endmacro %}",
            ),
        ];
        assert_eq!(
            message(&sources).as_deref(),
            Some(
                "macro recursion: macro `even` in macros calls itself \
                 (through macro `odd` in macros): rewrite it without recursion"
            )
        );
    }

    /// A macro called through a namespace its file gets from an import of an import, which then
    /// includes the template that called it, is refused.
    #[test]
    fn macro_and_include_loop() {
        let sources = [
            ("page", "{% import \"outer\" as o %}{{ inner::deel() }}"),
            ("outer", "{% import \"inner\" as inner %}"),
            (
                "inner",
                "{% macro deel() %}{% include \"page\" %}{% endmacro %}",
            ),
        ];
        assert_eq!(
            message(&sources).as_deref(),
            Some(
                "template recursion: page calls macro `deel` in inner, which includes page: \
                 a template may not include itself, directly or through others"
            )
        );
    }

    /// Templates that include, extend, import and call macros without a loop pass.
    #[test]
    fn no_recursion_passes() {
        let sources = [
            (
                "base",
                "<{% block body %}{% endblock %}>{% include \"foot\" %}",
            ),
            (
                "foot",
                "{% import \"macros\" as m %}{{ m::groet(naam=\"x\") }}",
            ),
            (
                "macros",
                "{% macro groet(naam) %}{{ self::hallo() }} {{ naam }}{% endmacro %}\
                 {% macro hallo() %}hallo{% endmacro %}",
            ),
            (
                "page",
                "{% extends \"base\" %}{% import \"macros\" as m %}\
                 {% block body %}{{ m::groet(naam=\"y\") }}{% include \"foot\" %}{% endblock %}",
            ),
            ("broken", "{% if %}"),
        ];
        assert_eq!(message(&sources), None);
    }

    /// The built-in templates of every format pass.
    #[test]
    fn builtins_pass() {
        let sources = catalog::sources(None).unwrap();
        for format in Format::ALL {
            let mine: Vec<(&str, &str)> = (sources.iter())
                .filter(|(name, _)| name.ends_with(format.template_suffix()))
                .map(|(name, source)| (name.as_str(), source.text.as_str()))
                .collect();
            assert!(!mine.is_empty());
            let origin = |name: &str| sources[name].origin.clone();
            assert!(check(&mine, origin).is_ok(), "{format:?}");
        }
    }

    /// A long chain of templates that loops is found, without overflowing the stack, and its
    /// message stays short.
    #[test]
    fn long_chain() {
        let names: Vec<String> = (0..5000).map(|i| format!("t{i:04}")).collect();
        let texts: Vec<String> = (0..5000)
            .map(|i| format!("{{% include \"{}\" %}}", names[(i + 1) % 5000]))
            .collect();
        let sources: Vec<(&str, &str)> = names
            .iter()
            .map(String::as_str)
            .zip(texts.iter().map(String::as_str))
            .collect();
        let found = message(&sources).unwrap();
        assert!(
            found.starts_with("template recursion: t0000 includes t0001, which includes t0002"),
            "{found}"
        );
        assert!(
            found.contains(", … 4988 more …, which includes t0000: "),
            "{found}"
        );
    }

    /// A deeply nested template is walked without overflowing the stack.
    #[test]
    fn deep_nesting() {
        let mut tpl = Template::new("deep", None, "").unwrap();
        let mut body = vec![Node::Include(
            Default::default(),
            vec!["deep".to_owned()],
            false,
        )];
        for _ in 0..200_000 {
            let condition = Expr::new(ExprVal::Bool(true));
            let branch = tera::ast::If {
                conditions: vec![(Default::default(), condition, body)],
                otherwise: None,
            };
            body = vec![Node::If(branch, Default::default())];
        }
        tpl.ast = body;
        let templates = BTreeMap::from([("deep".to_owned(), tpl)]);
        let found = check_parsed(&templates, &str::to_owned).unwrap_err();
        assert!(
            found
                .to_string()
                .starts_with("template recursion: deep includes itself")
        );
        // Dropping a tree this deep recurses inside Tera's types: leave it to the process's end.
        std::mem::forget(templates);
    }
}
