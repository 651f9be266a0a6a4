//! The catalogue's own checks: every file parses, both languages hold the same messages with the
//! same variables, the locale variables choose as they should, values and plurals are filled in.

use super::*;
use std::collections::{BTreeMap, BTreeSet};

/// Every file of every language parses, and no id is given twice.
#[test]
fn every_catalogue_file_parses_and_names_each_id_once() {
    for lang in Lang::ALL {
        let mut seen = BTreeSet::new();
        for (file, text) in sources(lang) {
            let resource = FluentResource::try_new(text.to_owned())
                .unwrap_or_else(|(_, errors)| panic!("locales/{}/{file}: {errors:?}", lang.code()));
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    assert!(
                        seen.insert(m.id.name.to_owned()),
                        "locales/{}/{file}: `{}` twice",
                        lang.code(),
                        m.id.name
                    );
                }
            }
        }
    }
}

/// What each language's catalogue holds: id (with `.attribute`) → the variables it uses.
fn shape(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (_, text) in sources(lang) {
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                if let Some(value) = &m.value {
                    out.insert(m.id.name.to_owned(), variables(value));
                }
                for a in &m.attributes {
                    out.insert(format!("{}.{}", m.id.name, a.id.name), variables(&a.value));
                }
            }
        }
    }
    out
}

/// The variables (`$name`) a pattern uses.
fn variables(pattern: &fluent_syntax::ast::Pattern<&str>) -> BTreeSet<String> {
    // The AST's debug form names each variable reference; simpler and sturdier than a
    // walk over every kind of expression.
    let debug = format!("{pattern:?}");
    let mut out = BTreeSet::new();
    let marker = "VariableReference { id: Identifier { name: \"";
    let mut rest = debug.as_str();
    while let Some(at) = rest.find(marker) {
        rest = &rest[at + marker.len()..];
        if let Some(end) = rest.find('"') {
            out.insert(rest[..end].to_owned());
        }
    }
    out
}

/// A message exists in every language or in none, with the same variables in each.
#[test]
fn both_languages_have_the_same_messages_and_variables() {
    let nl = shape(Lang::Nl);
    let en = shape(Lang::En);
    let only_nl: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    assert!(only_nl.is_empty(), "only in locales/nl: {only_nl:?}");
    assert!(only_en.is_empty(), "only in locales/en: {only_en:?}");
    for (id, vars) in &nl {
        assert_eq!(vars, &en[id], "`{id}` uses other variables in nl and en");
    }
    assert!(nl.len() > 1, "the catalogue is empty");
}

/// The locale variables choose as POSIX orders them, Dutch unless English is asked for.
#[test]
fn locale_variables_choose_the_language() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(Lang::from_env(env(&[])), Lang::Nl);
    assert_eq!(Lang::from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
    assert_eq!(
        Lang::from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "nl_NL.UTF-8")])),
        Lang::Nl
    );
    assert_eq!(
        Lang::from_env(env(&[("LANG", "nl_NL.UTF-8"), ("LC_MESSAGES", "en_GB")])),
        Lang::En
    );
    assert_eq!(Lang::from_env(env(&[("LANG", "de_DE.UTF-8")])), Lang::Nl);
    assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), Lang::Nl);
    assert_eq!(
        Lang::from_env(env(&[("LANG", "nl_NL"), ("LANGUAGE", "fr:en")])),
        Lang::En
    );
    // LANGUAGE is ignored under the C locale, as gettext does.
    assert_eq!(
        Lang::from_env(env(&[("LC_ALL", "C"), ("LANGUAGE", "en")])),
        Lang::Nl
    );
}

/// Values fill the variables, numbers pick the plural form, and an attribute is reached
/// with a dot.
#[test]
fn formats_values_plurals_and_attributes() {
    assert_eq!(
        text_in(
            Lang::Nl,
            "base-cannot-read",
            &[("path", Arg::from("x.yaml"))]
        ),
        "kan x.yaml niet lezen"
    );
    assert_eq!(
        text_in(
            Lang::En,
            "base-cannot-read",
            &[("path", Arg::from("x.yaml"))]
        ),
        "cannot read x.yaml"
    );
    let built = |lang, n: usize| text_in(lang, "cmd-build-written", &[("n", Arg::from(n))]);
    assert_eq!(built(Lang::Nl, 1), "1 bestand geschreven");
    assert_eq!(built(Lang::Nl, 3), "3 bestanden geschreven");
    assert_eq!(built(Lang::En, 3), "3 files written");
    assert_eq!(text_in(Lang::En, "no-such-message", &[]), "no-such-message");
}
