//! `typst::escape` and `typst::string`.
//!
//! `escape`, for any text a plan can hold: its output is Typst markup in which every ASCII
//! character Typst markup could read as syntax is preceded by a backslash, holds no line break
//! or tab, and has no structure but the `#box[…];` the escaper writes itself to keep a word
//! whole; with those escapes and boxes taken off, it is the input with each line break and tab
//! as a space.
//!
//! `string`, for any text at all: a quoted Typst string literal with no raw control character or
//! line break inside, which a reference unescaper (`\\`, `\"`, `\n`, `\r`, `\t`, `\u{…}`) reads
//! back as exactly the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use toetsgen::document::text::is_line_break;
use toetsgen::document::typst;

mod plan_text;

/// Every character the escaper must write preceded by a backslash.
fn is_markup(c: char) -> bool {
    typst::MARKUP.contains(&c)
}

/// The text `escaped` shows, checking on the way that it holds nothing but escaped markup
/// characters, the escaper's own boxes and plain text.
fn read_markup(escaped: &str, input: &str) -> String {
    const OPEN: &str = "#box[";
    const CLOSE: &str = "];";
    let fail = |why: &str| -> ! { panic!("{why} in {escaped:?} (input {input:?})") };
    let mut shown = String::with_capacity(escaped.len());
    let mut depth = 0usize;
    let mut rest = escaped;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with(OPEN) {
            depth += 1;
            rest = &rest[OPEN.len()..];
        } else if depth > 0 && rest.starts_with(CLOSE) {
            depth -= 1;
            rest = &rest[CLOSE.len()..];
        } else if c == '\\' {
            let Some(next) = rest[1..].chars().next() else {
                fail("a backslash at the end");
            };
            if !is_markup(next) {
                fail(&format!("an escape of {next:?}, which is not markup"));
            }
            shown.push(next);
            rest = &rest[1 + next.len_utf8()..];
        } else if is_markup(c) {
            fail(&format!("an unescaped {c:?}"));
        } else if is_line_break(c) || c == '\t' || c.is_control() {
            fail(&format!("a raw {c:?}"));
        } else {
            shown.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if depth != 0 {
        fail("a box left open");
    }
    shown
}

/// Reads a Typst string literal as typst does, for the escapes `typst::string` writes; panics on
/// anything else (an unknown escape, a raw quote or line break, a missing quote).
fn read_string(literal: &str, input: &str) -> String {
    let fail = |why: &str| -> ! { panic!("{why} in {literal:?} (input {input:?})") };
    let Some(inner) = literal.strip_prefix('"').and_then(|l| l.strip_suffix('"')) else {
        fail("no quotes around the literal");
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    if chars.next() != Some('{') {
                        fail("\\u without {");
                    }
                    let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    let ch = u32::from_str_radix(&hex, 16)
                        .ok()
                        .filter(|_| !hex.is_empty() && hex.len() <= 6)
                        .and_then(char::from_u32)
                        .unwrap_or_else(|| fail(&format!("a bad \\u{{{hex}}}")));
                    out.push(ch);
                }
                other => fail(&format!("an unknown escape \\{other:?}")),
            },
            '"' => fail("a raw quote inside"),
            _ if c.is_control() || is_line_break(c) => fail(&format!("a raw {c:?} inside")),
            _ => out.push(c),
        }
    }
    out
}

fuzz_target!(|text: &str| {
    let literal = typst::string(text);
    assert_eq!(read_string(&literal, text), text, "literal: {literal:?}");

    if !plan_text::is_plan_text(text) {
        return;
    }
    let escaped = typst::escape(text);
    let expected: String = text
        .chars()
        .map(|c| {
            if is_line_break(c) || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect();
    assert_eq!(
        read_markup(&escaped, text),
        expected,
        "escaped: {escaped:?}"
    );
});
