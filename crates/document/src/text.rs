//! How a text from a plan is laid out in a document: exactly as written. No character is
//! interpreted (a `*`, `#` or `<b>` in a plan prints as that character in every format); a
//! blank line starts a new paragraph and a single line break is kept. Every kind of line break
//! (`\n`, `\r\n`, a lone `\r`, U+0085, U+2028, U+2029, vertical tab, form feed) is one line
//! break, so none can sneak a new line past an escaper into a format that would read it as
//! structure. Each format supplies its escaping and its ways to break a line and a paragraph.

/// How one format writes escaped text, line breaks and paragraphs.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Makes one line of text literal in the format.
    pub escape: fn(&str) -> String,
    /// Written between two lines of a paragraph.
    pub line_break: &'static str,
    /// Written before and after each paragraph.
    pub paragraph: (&'static str, &'static str),
    /// Written between two paragraphs.
    pub between: &'static str,
    /// Written between lines and paragraphs when the text must stay inline (a table cell).
    pub inline_break: &'static str,
}

impl Style {
    /// A text as block content: paragraphs with their line breaks.
    pub fn block(&self, text: &str) -> String {
        paragraphs(text)
            .iter()
            .map(|lines| {
                let body: Vec<String> = lines.iter().map(|l| (self.escape)(l)).collect();
                format!(
                    "{}{}{}",
                    self.paragraph.0,
                    body.join(self.line_break),
                    self.paragraph.1
                )
            })
            .collect::<Vec<_>>()
            .join(self.between)
    }

    /// A text inside a line or table cell: every line and paragraph break becomes `inline_break`.
    pub fn inline(&self, text: &str) -> String {
        let lines: Vec<String> = paragraphs(text)
            .concat()
            .iter()
            .map(|l| (self.escape)(l))
            .collect();
        lines.join(self.inline_break)
    }
}

/// Whether `c` ends a line in any of the formats toetsgen reads or writes.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The lines of a text, split at every kind of line break (`\r\n` counts as one).
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_line_break(c) {
            out.push(&text[start..i]);
            let crlf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
            if crlf {
                chars.next();
            }
            start = i + c.len_utf8() + usize::from(crlf);
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The paragraphs of a text, each a list of trimmed, non-empty lines.
fn paragraphs(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = vec![Vec::new()];
    for line in lines(text).into_iter().map(str::trim) {
        match (line.is_empty(), out.last_mut()) {
            (true, Some(last)) if !last.is_empty() => out.push(Vec::new()),
            (false, Some(last)) => last.push(line),
            _ => {}
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(s: &str) -> String {
        s.to_uppercase()
    }

    const STYLE: Style = Style {
        escape: upper,
        line_break: "|",
        paragraph: ("<", ">"),
        between: "+",
        inline_break: " / ",
    };

    /// Blank lines separate paragraphs, single breaks stay, ends are trimmed.
    #[test]
    fn keeps_paragraphs_and_lines() {
        assert_eq!(STYLE.block("  a\n b \n\n\n c\n"), "<A|B>+<C>");
        assert_eq!(STYLE.inline("a\nb\n\nc"), "A / B / C");
        assert_eq!(STYLE.block("   \n"), "");
    }

    /// Every kind of line break splits lines; CRLF is one break, so no empty line appears.
    #[test]
    fn every_line_break_counts() {
        assert_eq!(
            lines("a\r\nb\rc\u{2028}d\u{85}e\u{2029}f\u{0B}g\u{0C}h\n"),
            ["a", "b", "c", "d", "e", "f", "g", "h"]
        );
        assert_eq!(STYLE.block("a\r\rb"), "<A>+<B>");
        assert_eq!(lines(""), Vec::<&str>::new());
    }
}
