//! The message catalogue: every text that toetsgen shows its user (errors and their advice,
//! warnings, progress, summaries, `--help`, the pages of `serve`) comes from one catalogue per
//! language, the [Project Fluent](https://projectfluent.org) files under `locales/<taal>/`,
//! one file per part of the program. Dutch is the default; English on request
//! ([`Lang::from_env`], `--taal en`).
//!
//! Code names a message by its id and passes its values by name:
//!
//! ```
//! use toetsgen_base::msg;
//! toetsgen_base::lang::set(toetsgen_base::lang::Lang::Nl);
//! assert_eq!(msg!("base-cannot-read", path = "a.yaml"), "kan a.yaml niet lezen");
//! ```
//!
//! An id may name an attribute of a message (`"plan-tab.help"`), so that a problem and the advice
//! to fix it stand together in the catalogue. `tests/suite/lang.rs` checks that both languages
//! have the same ids and variables, that every id the code names exists, and that no text meant
//! for the user bypasses the catalogue.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language toetsgen speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Nederlands, the default.
    Nl,
    /// English, on request.
    En,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The language's code, as `--taal` takes it and `locales/` names its folder.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The language a code or locale names (`nl`, `en`, `en_GB.UTF-8`, `nl-BE`), if toetsgen
    /// speaks it.
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.trim().to_ascii_lowercase();
        let primary = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match primary {
            "nl" | "nederlands" | "dutch" => Some(Lang::Nl),
            "en" | "english" | "engels" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language the usual locale variables ask for, read through `var`: `LANGUAGE` (a list
    /// such as `en:nl`, its first language toetsgen speaks), else the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set, as POSIX orders them. Dutch when they name no
    /// language toetsgen speaks (or `C`), since toetsgen's users are Dutch.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(set);
        let is_c = locale
            .as_deref()
            .is_some_and(|l| matches!(l.split('.').next(), Some("C" | "POSIX")));
        if !is_c
            && let Some(list) = set("LANGUAGE")
            && let Some(lang) = list.split(':').find_map(Lang::parse)
        {
            return lang;
        }
        locale.as_deref().and_then(Lang::parse).unwrap_or(Lang::Nl)
    }
}

/// The language chosen for this run (an index into [`Lang::ALL`]).
static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every message from now on (the binary does so once, at the start).
pub fn set(lang: Lang) {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CURRENT.store(index as u8, Ordering::Relaxed);
}

/// The language messages are given in.
pub fn current() -> Lang {
    Lang::ALL[usize::from(CURRENT.load(Ordering::Relaxed)).min(Lang::ALL.len() - 1)]
}

/// The catalogue's files, one per part of the program, in every language.
macro_rules! catalogue {
    ($lang:literal) => {
        [
            (
                "base.ftl",
                include_str!(concat!("../../../locales/", $lang, "/base.ftl")),
            ),
            (
                "cli.ftl",
                include_str!(concat!("../../../locales/", $lang, "/cli.ftl")),
            ),
            (
                "plan.ftl",
                include_str!(concat!("../../../locales/", $lang, "/plan.ftl")),
            ),
            (
                "session.ftl",
                include_str!(concat!("../../../locales/", $lang, "/session.ftl")),
            ),
            (
                "document.ftl",
                include_str!(concat!("../../../locales/", $lang, "/document.ftl")),
            ),
            (
                "output.ftl",
                include_str!(concat!("../../../locales/", $lang, "/output.ftl")),
            ),
            (
                "import.ftl",
                include_str!(concat!("../../../locales/", $lang, "/import.ftl")),
            ),
            (
                "uitslagen.ftl",
                include_str!(concat!("../../../locales/", $lang, "/uitslagen.ftl")),
            ),
            (
                "build.ftl",
                include_str!(concat!("../../../locales/", $lang, "/build.ftl")),
            ),
            (
                "serve.ftl",
                include_str!(concat!("../../../locales/", $lang, "/serve.ftl")),
            ),
            (
                "leesbaarheid.ftl",
                include_str!(concat!("../../../locales/", $lang, "/leesbaarheid.ftl")),
            ),
            (
                "analyse.ftl",
                include_str!(concat!("../../../locales/", $lang, "/analyse.ftl")),
            ),
            (
                "scan.ftl",
                include_str!(concat!("../../../locales/", $lang, "/scan.ftl")),
            ),
        ]
    };
}

/// The catalogue files of a language: (file name, text).
pub fn sources(lang: Lang) -> [(&'static str, &'static str); 13] {
    match lang {
        Lang::Nl => catalogue!("nl"),
        Lang::En => catalogue!("en"),
    }
}

/// One language's messages, ready to format.
type Bundle = FluentBundle<FluentResource>;

/// The bundles, built on first use.
static BUNDLES: LazyLock<[Bundle; 2]> = LazyLock::new(|| Lang::ALL.map(bundle));

/// Builds the bundle of a language from its files. A file that does not parse, or an id given
/// twice, fails the tests (`lang::tests`); here the messages that do parse are kept.
fn bundle(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around values: the text goes to a terminal, not to a page of
    // mixed writing directions.
    bundle.set_use_isolating(false);
    for (_, text) in sources(lang) {
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// An error of the operating system in the current language: in English as the system says
/// it (`No such file or directory (os error 2)`), in Dutch by its kind.
pub fn io_error(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if current() == Lang::En {
        return err.to_string();
    }
    let id = match err.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        K::DirectoryNotEmpty => "io-directory-not-empty",
        K::ReadOnlyFilesystem => "io-read-only",
        K::StorageFull => "io-storage-full",
        K::InvalidFilename => "io-invalid-filename",
        K::Interrupted => "io-interrupted",
        _ => return text("io-other", &[("detail", Arg::from(err.to_string()))]),
    };
    text(id, &[])
}

/// A number with `places` decimals, written with the decimal separator of the current language
/// (`17.3` in English, `17,3` in Dutch).
pub fn decimal(x: f64, places: usize) -> String {
    let text = format!("{x:.places$}");
    match current() {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A value passed to a message: text or a number (numbers choose plural forms).
#[derive(Debug, Clone)]
pub struct Arg(FluentValue<'static>);

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg(FluentValue::from(text.to_owned()))
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg(FluentValue::from(text))
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg(FluentValue::from(text.clone()))
    }
}

impl From<&Box<str>> for Arg {
    fn from(text: &Box<str>) -> Self {
        Arg::from(&**text)
    }
}

impl From<&std::path::Path> for Arg {
    fn from(path: &std::path::Path) -> Self {
        Arg(FluentValue::from(path.display().to_string()))
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(path: &std::path::PathBuf) -> Self {
        Arg::from(path.as_path())
    }
}

/// Numbers become Fluent numbers, so that `{ $n -> [one] … *[other] … }` picks the right form.
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg(FluentValue::from(n))
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i32, i64, f64);

/// The text of message `id` (or `id.attribute`) in the current language, its variables filled
/// from `args`. Use it through [`msg!`](crate::msg).
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    text_in(current(), id, args)
}

/// The text of message `id` in `lang`. A message missing there is taken from the other
/// language, and a message missing in both gives its id (the tests see to it that neither
/// happens).
pub fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let order = [lang, if lang == Lang::Nl { Lang::En } else { Lang::Nl }];
    order
        .into_iter()
        .find_map(|l| format(&BUNDLES[l as usize], id, args))
        .unwrap_or_else(|| id.to_owned())
}

/// Whether `lang`'s catalogue itself has message `id` (or `id.attribute`).
pub fn has(lang: Lang, id: &str) -> bool {
    format(&BUNDLES[lang as usize], id, &[]).is_some()
}

/// Formats `id` from one bundle, or `None` when it has no such message or attribute.
fn format(bundle: &Bundle, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let (name, attribute) = match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    };
    let message = bundle.get_message(name)?;
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (key, value) in args {
        fluent_args.set(*key, value.0.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    Some(text.into_owned())
}

/// The text of a message from the catalogue in the current language:
/// `msg!("base-cannot-write", path = file)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(,)?) => {
        $crate::lang::text($id, &[])
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::lang::text($id, &[$((stringify!($key), $crate::lang::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
