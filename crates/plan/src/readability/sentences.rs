//! A text cut into sentences, each a byte range of the text.
//!
//! A sentence ends at `.`, `!` or `?` followed by a space or the end (closing quotes and
//! brackets may come between), at `:` at the end of a line (the lead-in of a list), and at a
//! blank line. Each item of a Markdown list (`- `, `* `, `+ `, `1. `, `1) `) and each heading
//! (`# `) is a sentence of its own, or more when it holds more. A line break alone does not end
//! a sentence (a long text in YAML may wrap anywhere).
//!
//! A full stop does not end a sentence after an abbreviation (`bijv.`, `o.a.`, `d.w.z.`, `bv.`,
//! an initial as in `J. de Vries`, …), inside a number (`3.5`) or when the next word starts with
//! a small letter (so an abbreviation missing from the list does not cut a sentence either);
//! `enz.` and `etc.` end one when a capital follows.

use std::ops::Range;

/// Abbreviations written with one full stop at the end (compared without case and the stop).
/// Abbreviations with a stop inside (`o.a.`, `d.w.z.`, `i.p.v.`) need no entry.
const ABBREVIATIONS: &[&str] = &[
    "bijv", "bv", "enz", "etc", "ca", "nr", "evt", "incl", "excl", "resp", "mevr", "dhr", "dr",
    "ir", "mr", "drs", "prof", "jl", "st", "blz", "pag", "max", "min", "tel", "vgl", "zgn", "nl",
    "art", "ong", "vnl", "mln", "mld", "afd", "co", "ing", "jr", "sr",
];

/// Abbreviations that often end a sentence: they do when a capital follows.
const MAY_END: &[&str] = &["enz", "etc"];

/// The sentences of `text`, in order, each trimmed of spaces and holding at least one letter or
/// digit.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut cut = Cutter {
        text,
        start: None,
        out: Vec::new(),
    };
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        cut.line(offset, content);
        offset += line.len();
    }
    cut.close(text.len());
    cut.out
}

/// The state of the cut: where the open sentence starts, and the sentences so far.
struct Cutter<'a> {
    text: &'a str,
    start: Option<usize>,
    out: Vec<Range<usize>>,
}

impl Cutter<'_> {
    /// Cuts one line (without its line break), which starts at byte `offset` of the text.
    fn line(&mut self, offset: usize, line: &str) {
        if line.trim().is_empty() {
            self.close(offset);
            return;
        }
        let mut from = 0;
        if let Some(marker) = block_marker(line) {
            self.close(offset);
            from = marker;
        } else if !line.starts_with([' ', '\t']) && self.after_item() {
            // A line that is not indented after a list item starts a new sentence.
            self.close(offset);
        }
        let chars: Vec<(usize, char)> = line[from..].char_indices().collect();
        // The closing quotes and brackets after a sentence's end belong to it.
        let mut skip_to = 0;
        for (i, &(at, c)) in chars.iter().enumerate() {
            let at = offset + from + at;
            if at < skip_to {
                continue;
            }
            if self.start.is_none() && !c.is_whitespace() {
                self.start = Some(at);
            }
            let rest = &line[from + chars[i].0 + c.len_utf8()..];
            let ends = match c {
                '!' | '?' => stop_followed_by_space(rest),
                '.' => stop_followed_by_space(rest) && self.full_stop_ends(at, rest),
                ':' => rest.trim().is_empty(),
                _ => false,
            };
            if ends {
                let end = at + c.len_utf8() + closing_len(rest);
                self.close(end);
                skip_to = end;
            }
        }
    }

    /// Whether the sentence before is a list item or heading that a new line may end.
    fn after_item(&self) -> bool {
        let start = self.start.unwrap_or(self.text.len());
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        self.start.is_some() && block_marker(&self.text[line_start..]).is_some()
    }

    /// Whether the full stop at byte `at`, followed by `rest` of its line, ends the sentence.
    fn full_stop_ends(&self, at: usize, rest: &str) -> bool {
        let before = &self.text[..at];
        let word_start = before
            .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\'' | '‘' | '“'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = before[word_start..].to_lowercase();
        let next = rest[closing_len(rest)..].trim_start().chars().next();
        let capital_follows = next.is_some_and(char::is_uppercase);
        if next.is_some_and(char::is_lowercase) {
            return false;
        }
        if MAY_END.contains(&word.as_str()) {
            return capital_follows || next.is_none();
        }
        let abbreviation = ABBREVIATIONS.contains(&word.as_str())
            || word.contains('.')
            || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic));
        !abbreviation
    }

    /// Ends the open sentence at byte `end`, keeping it when it holds a word.
    fn close(&mut self, end: usize) {
        if let Some(start) = self.start.take() {
            let s = &self.text[start..end];
            let trimmed = s.trim_end();
            if trimmed.chars().any(char::is_alphanumeric) {
                self.out.push(start..start + trimmed.len());
            }
        }
    }
}

/// Whether a sentence mark followed by `rest` of its line stands before a space or the end.
fn stop_followed_by_space(rest: &str) -> bool {
    let after = &rest[closing_len(rest)..];
    after.is_empty() || after.starts_with(char::is_whitespace)
}

/// The bytes of closing quotes and brackets at the start of `rest`.
fn closing_len(rest: &str) -> usize {
    rest.chars()
        .take_while(|c| matches!(c, '"' | '\'' | ')' | ']' | '’' | '”' | '»'))
        .map(char::len_utf8)
        .sum()
}

/// The byte where the text of a list item or heading starts, after its marker.
fn block_marker(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    let bullet = ["- ", "* ", "+ ", "• "]
        .iter()
        .find(|m| trimmed.starts_with(*m))
        .map(|m| m.len());
    let heading = trimmed
        .strip_prefix('#')
        .map(|r| r.trim_start_matches('#'))
        .filter(|r| r.starts_with(' '))
        .map(|r| trimmed.len() - r.len() + 1);
    let digits = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let numbered = (digits > 0 && digits <= 3)
        .then(|| &trimmed[digits..])
        .filter(|r| r.starts_with(". ") || r.starts_with(") "))
        .map(|_| digits + 2);
    bullet.or(heading).or(numbered).map(|m| indent + m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    /// Full stops, question and exclamation marks end sentences; the ranges are trimmed.
    #[test]
    fn cuts_at_sentence_marks() {
        assert_eq!(
            cut("  Je krijgt een opdracht. Lees hem goed! Is iets niet duidelijk? Vraag het.  "),
            [
                "Je krijgt een opdracht.",
                "Lees hem goed!",
                "Is iets niet duidelijk?",
                "Vraag het."
            ]
        );
        assert_eq!(
            cut("Hij zei: \"Kom binnen.\" Daarna ging hij zitten (op de stoel.) Klaar"),
            [
                "Hij zei: \"Kom binnen.\"",
                "Daarna ging hij zitten (op de stoel.)",
                "Klaar"
            ]
        );
    }

    /// Abbreviations, initials and numbers do not end a sentence; enz. before a capital does.
    #[test]
    fn keeps_abbreviations_and_numbers() {
        assert_eq!(
            cut("Neem o.a. je paspoort mee, bijv. in een map. Dat is d.w.z. verplicht."),
            [
                "Neem o.a. je paspoort mee, bijv. in een map.",
                "Dat is d.w.z. verplicht."
            ]
        );
        assert_eq!(
            cut(
                "Je hebt 3.5 uur, bv. van 9 tot 12.30 uur. Vraag J. de Vries. Neem pen, papier enz. Daarna begin je."
            ),
            [
                "Je hebt 3.5 uur, bv. van 9 tot 12.30 uur.",
                "Vraag J. de Vries.",
                "Neem pen, papier enz.",
                "Daarna begin je."
            ]
        );
        assert_eq!(
            cut("Dat kost ca. twintig euro."),
            ["Dat kost ca. twintig euro."]
        );
    }

    /// A colon at the end of a line ends the lead-in of a list; every item is a sentence, also
    /// without a full stop, and an item may go on on an indented line.
    #[test]
    fn lists_and_lines() {
        let text = "Neem mee:\n- je paspoort\n- een pen. Een blauwe\n  of zwarte.\n1. Lees de opdracht\n2) Begin\nDaarna\nga je\nnaar huis\n\nNieuwe alinea";
        assert_eq!(
            cut(text),
            [
                "Neem mee:",
                "je paspoort",
                "een pen.",
                "Een blauwe\n  of zwarte.",
                "Lees de opdracht",
                "Begin",
                "Daarna\nga je\nnaar huis",
                "Nieuwe alinea"
            ]
        );
        assert_eq!(
            cut("## Wat ga je doen?\nJe doet de toets."),
            ["Wat ga je doen?", "Je doet de toets."]
        );
        assert_eq!(
            cut("Let op: dit is belangrijk."),
            ["Let op: dit is belangrijk."]
        );
    }

    /// Nothing but punctuation or spaces is no sentence.
    #[test]
    fn empty_texts() {
        assert!(cut("").is_empty());
        assert!(cut(" \n\n - \n...").is_empty());
    }
}
