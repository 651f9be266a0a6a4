//! Markdown as it is read everywhere in toetsgen (one set of parser options), and a plan's
//! text made literal for a Markdown document: every character a Markdown renderer could read as
//! syntax is escaped, so GitHub and the HTML and PDF derived from Markdown show it as written.

use pulldown_cmark::{Options, Parser};

use crate::document::text::{self, Style};

/// The parser options used for every piece of Markdown: CommonMark with GitHub tables and
/// strikethrough. No smart punctuation: a plan's wording is printed exactly.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Parses Markdown with the project's options.
pub fn parse(text: &str) -> Parser<'_> {
    Parser::new_ext(text, options())
}

/// Escapes plain text for a Markdown document so that it prints literally: inline
/// punctuation is backslash-escaped everywhere, block markers only at the start of a line. The
/// result is one line: every kind of line break becomes a space.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for line in text::lines(text) {
        // Blank lines before the text add no space: four would make an indented code block.
        if !out.is_empty() {
            out.push(' ');
        }
        let line = line.trim();
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        let enum_marker = digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')'));
        if matches!(line.chars().next(), Some('#' | '-' | '+' | '=')) {
            out.push('\\');
        }
        for (pos, ch) in line.char_indices() {
            let inline_special = matches!(
                ch,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
            );
            if inline_special || (enum_marker && pos == digits) {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    out
}

/// How a plan's text is written in Markdown: literal, paragraphs with hard line breaks, one
/// line in a table cell.
pub const TEXT: Style = Style {
    escape,
    line_break: "\\\n",
    paragraph: ("", ""),
    between: "\n\n",
    inline_break: " ",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain text with Markdown punctuation must come out of a Markdown renderer unchanged.
    #[test]
    fn escaped_text_renders_literally() {
        let text = "1. *ster* _onder_ `code` [x](y) <b> a|b #kop C:\\pad ~x~ &amp;";
        let html = {
            let mut s = String::new();
            pulldown_cmark::html::push_html(&mut s, parse(&escape(text)));
            s
        };
        assert_eq!(
            html,
            "<p>1. *ster* _onder_ `code` [x](y) &lt;b&gt; a|b #kop C:\\pad ~x~ &amp;amp;</p>\n"
        );
    }

    /// A pipe in a cell's text must not split the table row; lines are joined.
    #[test]
    fn inline_joins_lines_and_escapes_pipes() {
        assert_eq!(TEXT.inline("a |\n\nb"), "a \\| b");
        assert_eq!(TEXT.block("# a\nb\n\nc"), "\\# a\\\nb\n\nc");
    }

    /// Blank lines before a text must not indent it into a code block (found by proptest).
    #[test]
    fn leading_blank_lines_add_no_indent() {
        assert_eq!(escape("\r\r\r\u{b}#"), "\\#");
        assert_eq!(escape("\n\n\n\n1. a\n\nb"), "1\\. a  b");
    }
}
