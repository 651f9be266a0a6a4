//! Problems found in a toetsplan, each pointing at a file, line and column, saying what is
//! wrong and how to fix it, with the offending line shown under the message as compilers do
//! (rendered by `annotate-snippets`, the renderer of rustc):
//!
//! ```text
//! error: toetsterm code `V2.01` does not start with the plan code `V1` and a dot
//!   --> toetsplannen/V1.yaml:12:15
//!    |
//! 12 |       - code: V2.01
//!    |               ^^^^^
//!    = place: toetsterm V2.01 (onderdeel 1, Klantcontact), field `code`
//!    = help: write it as `V1.` followed by its number, e.g. `V1.01`
//! ```
//!
//! The place says where in the plan, as the office says it ([`place`](crate::place)); the words
//! of the rendering ("error", "place", "help") come from the message catalogue, like the
//! messages themselves.
//!
//! Text from the plan is shown with control characters escaped (`\u{1b}`), so a message can
//! never drive the terminal.

use std::fmt;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use toetsgen_base::msg;

/// How serious a problem is: errors stop a plan from being built, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The plan is built anyway.
    Warning,
    /// The plan is not built.
    Error,
}

/// A place in a source file (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user named it (relative to where they ran the program).
    pub file: String,
    /// Where in the file; `None` when the problem concerns the whole file.
    pub location: Option<Location>,
    /// Where in the file, as the office says it ("toetsterm V1.04 (onderdeel 2, …), veld
    /// `tekst`"); `None` when the location says enough.
    pub place: Option<Box<str>>,
    /// What is wrong.
    pub message: Box<str>,
    /// How to fix it.
    pub help: Option<Box<str>>,
    /// The line of the file at `location`, shown under the message.
    pub line: Option<Box<str>>,
    /// How many characters the mark under the line covers; 0: the token at the location (up to
    /// a comma, bracket or comment). A plain number, so that a diagnostic stays small.
    pub width: u32,
}

impl Diagnostic {
    /// An error at a location.
    pub fn error(file: &str, location: Option<Location>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            location,
            place: None,
            message: message.into().into_boxed_str(),
            help: None,
            line: None,
            width: 0,
        }
    }

    /// A warning at a location.
    pub fn warning(file: &str, location: Option<Location>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, location, message)
        }
    }

    /// Adds the advice on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    /// Adds where in the plan the problem is, as the office says it.
    pub fn with_place(mut self, place: Option<String>) -> Self {
        self.place = place.map(String::into_boxed_str);
        self
    }

    /// Keeps the line of `source` at the location, to show it under the message.
    pub fn with_source(mut self, source: &str) -> Self {
        if let Some(loc) = self.location {
            self.line = source
                .split('\n')
                .nth(loc.line.saturating_sub(1))
                .map(|l| l.trim_end_matches('\r').into());
        }
        self
    }

    /// Keeps `line`, the text of the line at the location, to show it under the message.
    pub fn with_line(mut self, line: Option<&str>) -> Self {
        self.line = line.map(|l| l.trim_end_matches('\r').into());
        self
    }

    /// Marks `chars` characters from the location (at least one), rather than the token there:
    /// the start of a long sentence, say, where the message quotes the rest.
    pub fn with_width(mut self, chars: usize) -> Self {
        self.width = u32::try_from(chars.max(1)).unwrap_or(u32::MAX);
        self
    }

    /// True for errors (which stop the plan from being built).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts problems by file and place; a problem of the whole file (such as the count of those not
/// shown) last in its file.
pub fn sort_by_place<D: std::borrow::Borrow<Diagnostic>>(diagnostics: &mut [D]) {
    let last = Location {
        line: usize::MAX,
        column: usize::MAX,
    };
    diagnostics.sort_by(|a, b| {
        let (a, b) = (a.borrow(), b.borrow());
        (&a.file, a.location.unwrap_or(last)).cmp(&(&b.file, b.location.unwrap_or(last)))
    });
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => Level::ERROR.with_name(msg!("plan-label-error")),
            Severity::Warning => Level::WARNING.with_name(msg!("plan-label-warning")),
        };
        let message = visible(&self.message);
        let file = visible(&self.file);
        let help = self.help.as_deref().map(visible);
        let mut group = Group::with_title(level.primary_title(&message));
        let shown;
        match (self.location, &self.line) {
            (Some(loc), Some(line)) => {
                let (text, span) = marked(line, loc.column, self.width);
                shown = text;
                group = group.element(
                    Snippet::source(&shown)
                        .line_start(loc.line)
                        .path(&file)
                        .annotation(AnnotationKind::Primary.span(span)),
                );
            }
            (location, _) => {
                let at = location.map_or(String::new(), |l| format!(":{}:{}", l.line, l.column));
                shown = format!("{file}{at}");
                group = group.element(annotate_snippets::Origin::path(&shown));
            }
        }
        let place = self.place.as_deref().map(visible);
        if let Some(place) = &place {
            let label = Level::NOTE.with_name(msg!("plan-label-place"));
            group = group.element(label.message(place));
        }
        if let Some(help) = &help {
            let label = Level::HELP.with_name(msg!("plan-label-help"));
            group = group.element(label.message(help));
        }
        let rendered = Renderer::plain().render(&[group]).to_string();
        f.write_str(rendered.trim_end())
    }
}

/// The line with control characters escaped, and the byte range of the token at `column` (or of
/// `width` characters from there).
fn marked(line: &str, column: usize, width: u32) -> (String, std::ops::Range<usize>) {
    let before: String = line.chars().take(column.saturating_sub(1)).collect();
    let rest: String = line.chars().skip(column.saturating_sub(1)).collect();
    let token_end = match width {
        0 => rest.find([',', ']', '}', '#']).unwrap_or(rest.len()),
        chars => (rest.char_indices().nth(chars as usize)).map_or(rest.len(), |(i, _)| i),
    };
    let token = rest[..token_end].trim_end();
    let (before, token, after) = (
        visible(&before),
        visible(token),
        visible(&rest[token.len()..]),
    );
    let start = before.len();
    let text = format!("{before}{token}{after}");
    // At least one character, whole: a token may be empty (a line that starts with a space
    // such as U+2004 before a `}`), and the next character may take several bytes.
    let first = text[start..].chars().next().map_or(1, char::len_utf8);
    let end = start + token.len().max(first);
    let end = end.min(text.len().max(start + 1));
    (text, start..end)
}

/// Text as a terminal may show it: every control character (and invisible line or paragraph
/// separator) written as an escape such as `\u{1b}`.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if (ch.is_control() && ch != '\n') || matches!(ch, '\u{2028}' | '\u{2029}') {
            out.extend(ch.escape_default());
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The printed form is what users and tests read: file, line, column, the line, message, help.
    #[test]
    fn display_shows_location_line_and_help() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let d = Diagnostic::error("a.yaml", Some(Location { line: 2, column: 7 }), "bad code")
            .with_source("naam: x\ncode: T-1, rest\n")
            .with_help("use letters");
        assert_eq!(
            d.to_string(),
            "error: bad code\n --> a.yaml:2:7\n  |\n2 | code: T-1, rest\n  |       ^^^\n  |\n  = help: use letters"
        );
    }

    /// The place in the plan stands above the advice, named by the catalogue.
    #[test]
    fn display_shows_the_place() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let d = Diagnostic::error("a.yaml", Some(Location { line: 1, column: 1 }), "leeg")
            .with_source("tekst: ''\n")
            .with_place(Some(
                "toetsterm V1.04 (onderdeel 2, X), field `tekst`".into(),
            ))
            .with_help("schrijf");
        assert!(
            d.to_string().ends_with(
                "  = place: toetsterm V1.04 (onderdeel 2, X), field `tekst`\n  = help: schrijf"
            ),
            "{d}"
        );
    }

    /// Without the line, the location alone is shown.
    #[test]
    fn display_without_line() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let d = Diagnostic::warning("a.yaml", None, "leeg");
        assert_eq!(d.to_string(), "warning: leeg\n--> a.yaml");
    }

    /// Control characters in a message or a shown line reach the terminal escaped.
    #[test]
    fn control_characters_are_escaped() {
        let d = Diagnostic::error(
            "a\u{1b}.yaml",
            Some(Location { line: 1, column: 1 }),
            "x\u{1b}[31m",
        )
        .with_source("\u{1b}[2J");
        let shown = d.to_string();
        assert!(!shown.contains('\u{1b}'), "{shown:?}");
        assert!(shown.contains("\\u{1b}[31m"), "{shown}");
    }

    /// A token that is empty or starts with a character of several bytes is marked whole (the
    /// fuzzer's `\u{2004}}`, a plan of one three-per-em space and a brace, made this panic).
    #[test]
    fn marks_whole_characters() {
        for (line, column) in [("\u{2004}}", 1), ("é}", 1), ("a: ë", 4), ("\u{2004}", 2)] {
            let d = Diagnostic::error("a.yaml", Some(Location { line: 1, column }), "x")
                .with_source(line);
            let shown = d.to_string();
            assert!(shown.contains("a.yaml:1:"), "{shown}");
        }
    }
}
