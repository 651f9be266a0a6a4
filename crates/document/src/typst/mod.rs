//! Typst source: text from a plan escaped so that it can never become Typst code or markup
//! (here), and Markdown turned into Typst markup ([`convert`]). Every piece of text goes through
//! [`escape`]; every structure is written as a function call (`#strong[…];`) closed by a
//! semicolon, so that nothing a plan says can continue the call.

mod convert;

pub use convert::from_markdown;

use crate::text::{Style, is_line_break};

/// Table rows and list items are kept on one page unless they are longer than this: such a block
/// could not fit on a page, and would lose text instead of breaking. Templates compare it with a
/// plan text's characters (as `lang_blok`); Markdown converted here, with its Typst source's
/// bytes (the escapes add a few percent).
pub const LONG_BLOCK: usize = 1200;

/// Escapes text for Typst markup: every ASCII punctuation character that Typst markup could
/// read as syntax (including smart quotes, dashes and list markers) is backslash-escaped, and
/// line breaks become spaces.
///
/// Two layout rules keep a word whole for its reader and for PDF text extraction: a short word
/// with a hyphen or slash inside (`sociaal-culturele`, `en/of`, `1-9-2021`) is boxed so that no
/// line breaks inside it, and a run of more than [`LONG_WORD`] letters is set as boxes of that
/// many letters, between which a line may break (Typst never breaks inside a word, so it would
/// run out of its table cell). The text itself is unchanged.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut token = String::new();
    for ch in text.chars() {
        if ch.is_whitespace() {
            push_token(&mut out, &token);
            token.clear();
            out.push(if is_line_break(ch) || ch == '\t' {
                ' '
            } else {
                ch
            });
        } else {
            token.push(ch);
        }
    }
    push_token(&mut out, &token);
    out
}

/// The longest word with a hyphen or slash that is kept on one line.
const SHORT_COMPOUND: usize = 30;

fn push_token(out: &mut String, token: &str) {
    let breakable = token.contains(['-', '/', '\u{2010}', '\u{2013}', '\u{2014}']);
    if breakable && token.chars().count() <= SHORT_COMPOUND {
        out.push_str("#box[");
        push_chars(out, token);
        out.push_str("];");
    } else {
        push_chars(out, token);
    }
}

/// Every ASCII character that is syntax in Typst markup, or could continue a `#` expression or
/// a `#box[…];` the escaper writes: each is written preceded by a backslash.
pub const MARKUP: &[char] = &[
    '\\', '#', '$', '*', '_', '`', '<', '>', '@', '[', ']', '~', '\'', '"', '-', '+', '=', '/',
    '.', ':', '{', '}', ';',
];

fn push_chars(out: &mut String, text: &str) {
    let mut word = String::new();
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            word.push(ch);
            continue;
        }
        push_word(out, &mut word);
        if MARKUP.contains(&ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    push_word(out, &mut word);
}

/// Writes a run of letters and digits, boxed in pieces when it is too long to fit a cell.
fn push_word(out: &mut String, word: &mut String) {
    if word.chars().count() <= LONG_WORD {
        out.push_str(word);
    } else {
        let letters: Vec<char> = word.chars().collect();
        for piece in letters.chunks(LONG_WORD) {
            out.push_str("#box[");
            out.extend(piece);
            out.push_str("];");
        }
    }
    word.clear();
}

/// The longest run of letters printed without a break opportunity.
pub const LONG_WORD: usize = 20;

/// Writes text as a Typst string literal, quotes included.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ if ch.is_control() || is_line_break(ch) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(ch)))
            }
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

/// How a plan's text is written in Typst markup: escaped, paragraphs, line breaks.
pub const TEXT: Style = Style {
    escape,
    line_break: " \\\n",
    paragraph: ("", ""),
    between: "\n\n",
    inline_break: "#linebreak();",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character Typst could read as syntax is escaped, so text stays text.
    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape("#set $x$ @ref <l> // c"),
            "\\#set \\$x\\$ \\@ref \\<l\\> #box[\\/\\/]; c"
        );
        assert_eq!(escape("1. 'a' -- b"), "1\\. \\'a\\' #box[\\-\\-]; b");
        assert_eq!(escape("en/of\nx"), "#box[en\\/of]; x");
    }

    /// Very long words get break opportunities; ordinary words are untouched.
    #[test]
    fn long_words_can_break() {
        let word = "a".repeat(45);
        let expected = format!(
            "#box[{}];#box[{}];#box[{}];.",
            "a".repeat(20),
            "a".repeat(20),
            "a".repeat(5)
        );
        assert_eq!(escape(&format!("{word}.")), expected.replace(";.", ";\\."));
        assert_eq!(escape("Klantgerichtheid"), "Klantgerichtheid");
    }

    /// Strings escape quotes and backslashes only.
    #[test]
    fn string_literal() {
        assert_eq!(string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
    }
}
