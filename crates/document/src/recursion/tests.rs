//! Unit tests of the recursion check.

use super::*;
use crate::Format;
use crate::catalog;
use tera::ast::{Expr, ExprVal, Node};

/// Checks templates given as name and text (one that does not parse is left out, as Tera
/// reports it when it loads them).
fn check(sources: &[(&str, &str)], origin: impl Fn(&str) -> String) -> Result<()> {
    // The messages checked here are the English ones.
    toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
    let parsed: BTreeMap<String, Template> = (sources.iter())
        .filter_map(|(name, text)| {
            Some(((*name).to_owned(), Template::new(name, None, text).ok()?))
        })
        .collect();
    check_parsed(&parsed, &origin)
}

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
