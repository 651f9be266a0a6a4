//! Markdown as it is read everywhere in toetsgen (one set of parser options), and a plan's
//! text made literal for a Markdown document: every character a Markdown renderer could read as
//! syntax is escaped, so GitHub and the HTML and PDF derived from Markdown show it as written.

use pulldown_cmark::{Options, Parser};

use crate::text::{self, Style};

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
/// punctuation is backslash-escaped everywhere, block markers only at the start of a line, `$`
/// (GitHub reads math) and an `@` that could start a mention too; a web address becomes an
/// autolink (`<https://…>`), inside which nothing needs escaping. The result is one line: every
/// kind of line break becomes a space.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for line in text::lines(text) {
        // Blank lines before the text add no space: four would make an indented code block.
        if !out.is_empty() {
            out.push(' ');
        }
        escape_line(line.trim(), &mut out);
    }
    out
}

/// One trimmed line, escaped into `out`.
fn escape_line(line: &str, out: &mut String) {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let enum_marker = digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')'));
    if matches!(line.chars().next(), Some('#' | '-' | '+' | '=')) {
        out.push('\\');
    }
    let mut previous: Option<char> = None;
    let mut rest = line.char_indices();
    while let Some((pos, ch)) = rest.next() {
        let word_start = previous.is_none_or(|p| p.is_whitespace() || "(\"'".contains(p));
        if let Some(url) = web_address(&line[pos..]).filter(|_| word_start) {
            out.push('<');
            out.push_str(url);
            out.push('>');
            let end = pos + url.len();
            while rest.clone().next().is_some_and(|(p, _)| p < end) {
                rest.next();
            }
            previous = url.chars().last();
            continue;
        }
        let inline_special = matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$'
        );
        let mention = ch == '@' && previous.is_none_or(|p| !p.is_alphanumeric());
        if inline_special || mention || (enum_marker && pos == digits) {
            out.push('\\');
        }
        out.push(ch);
        previous = Some(ch);
    }
}

/// The web address `text` starts with (`http://` or `https://` up to the next space), without
/// trailing punctuation that ends the sentence; `None` when it is none or cannot be an autolink.
fn web_address(text: &str) -> Option<&str> {
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"'))
        .unwrap_or(text.len());
    let mut url = &text[..end];
    loop {
        let unbalanced = url.ends_with(')') && url.matches('(').count() < url.matches(')').count();
        if url.ends_with(['.', ',', ';', ':', '!', '?', '\'']) || unbalanced {
            url = &url[..url.len() - 1];
        } else {
            break;
        }
    }
    let scheme = if url.starts_with("https") { 8 } else { 7 };
    (url.len() > scheme).then_some(url)
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

/// The widest a table column is padded to; wider cells are left as they are.
const PADDED_CELL: usize = 30;

/// A rendered Markdown document made tidy for readers of the plain text: the columns of each
/// table padded to line up (cells up to `PADDED_CELL` characters), and exactly one newline at
/// the end.
pub fn tidy(document: &str) -> String {
    let lines: Vec<&str> = document.split('\n').collect();
    let mut out = String::with_capacity(document.len() + 256);
    let mut i = 0;
    while i < lines.len() {
        let table = lines[i..].iter().take_while(|l| l.starts_with('|')).count();
        if table >= 2 {
            pad_table(&lines[i..i + table], &mut out);
            i += table;
        } else {
            out.push_str(lines[i]);
            out.push('\n');
            i += 1;
        }
    }
    let end = out.trim_end_matches(['\n', '\r', ' ', '\t']).len();
    out.truncate(end);
    out.push('\n');
    out
}

/// The rows of a table with their cells padded to the width of their column.
fn pad_table(rows: &[&str], out: &mut String) {
    let cells: Vec<Vec<String>> = rows.iter().map(|r| split_row(r)).collect();
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            let widest = (cells.iter())
                .filter_map(|row| row.get(c))
                .filter(|cell| !is_rule(cell))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(3);
            if widest > PADDED_CELL {
                0
            } else {
                widest.max(3)
            }
        })
        .collect();
    for row in &cells {
        out.push('|');
        for (cell, width) in row.iter().zip(&widths) {
            let padded = match is_rule(cell) {
                true => rule(cell, *width),
                false => format!("{cell:<width$}"),
            };
            out.push(' ');
            out.push_str(&padded);
            out.push_str(" |");
        }
        out.push('\n');
    }
}

/// The cells of a table row, trimmed: split at every `|` that is not escaped.
fn split_row(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|');
    let mut cells = Vec::new();
    let (mut cell, mut backslashes) = (String::new(), 0);
    for ch in inner.chars() {
        if ch == '|' && backslashes % 2 == 0 {
            cells.push(cell.trim().to_owned());
            cell.clear();
        } else {
            cell.push(ch);
        }
        backslashes = if ch == '\\' { backslashes + 1 } else { 0 };
    }
    if !cell.trim().is_empty() {
        cells.push(cell.trim().to_owned());
    }
    cells
}

/// Whether a cell is part of the rule under a table's header (`---`, `:-:`).
fn is_rule(cell: &str) -> bool {
    let core = cell.trim_start_matches(':').trim_end_matches(':');
    !core.is_empty() && core.chars().all(|c| c == '-')
}

/// The rule cell at `width`, keeping its alignment colons.
fn rule(cell: &str, width: usize) -> String {
    let (left, right) = (cell.starts_with(':'), cell.ends_with(':') && cell.len() > 1);
    let dashes = width.max(3) - usize::from(left) - usize::from(right);
    format!(
        "{}{}{}",
        if left { ":" } else { "" },
        "-".repeat(dashes),
        if right { ":" } else { "" }
    )
}

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

    /// A web address becomes an autolink whose target is the address itself; the sentence's
    /// punctuation stays outside; `$` and a mention's `@` are escaped, an e-mail's `@` is not.
    #[test]
    fn addresses_link_and_math_and_mentions_stay_text() {
        assert_eq!(
            escape("Zie https://example.org/a_b*c. En (http://x.nl/p(1))"),
            "Zie <https://example.org/a_b*c>. En (<http://x.nl/p(1)>)"
        );
        assert_eq!(
            escape("$x^2$ @naam info@example.nl"),
            "\\$x^2\\$ \\@naam info@example.nl"
        );
        assert_eq!(
            escape("https:// leeg"),
            "https://leeg".replace("//leeg", "// leeg")
        );
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            parse(&escape("Zie https://example.org/a_b*c.")),
        );
        assert_eq!(
            html,
            "<p>Zie <a href=\"https://example.org/a_b*c\">https://example.org/a_b*c</a>.</p>\n"
        );
    }

    /// Tables line up, escaped pipes stay inside their cell, and a document ends in one newline.
    #[test]
    fn tidy_pads_tables_and_ends_in_one_newline() {
        let doc = "# T\n\n| A | Bee |\n|---|:-:|\n| x \\| y | z |\n\n\n\n";
        assert_eq!(
            tidy(doc),
            "# T\n\n| A      | Bee |\n| ------ | :-: |\n| x \\| y | z   |\n"
        );
        assert_eq!(tidy("a"), "a\n");
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
