//! Warnings where a text the candidate reads is above the plan's taalniveau (`taalniveau`, 2F
//! when absent): each sentence too long, each passive, and a low Flesch-Douma score, as
//! [`crate::readability`] finds them, at the file, line and column of the sentence, the
//! sentence quoted.
//!
//! The texts judged are those the candidate's opdracht prints from the plan
//! (`templates/opdracht-kandidaat.md.tera`: toetsvorm, instructies, toegestane tijd,
//! hulpmiddelen, cesuur, and for an exam with questions the scoringsregels) and the plan's
//! omschrijving, which the candidate reads in the published toetsplan.
//!
//! Toetstermen are not judged, and give no warning: the candidate's documents quote them as the
//! body that sets them wrote them, and the office may not change them. A warning nobody may act
//! on would only teach the office to skip warnings. The built-in templates' own wording is
//! judged by a test (`tests/suite/leesbaarheid.rs`), not at every check.

use toetsgen_base::msg;

use super::Checker;
use crate::diagnostic::{Diagnostic, Location};
use crate::model::Soort;
use crate::readability::{self, Finding, FindingKind};

/// The longest quote of a sentence in a message, in characters; a longer one ends in `…`.
const QUOTE_CHARS: usize = 90;

impl<'a> Checker<'a> {
    /// A warning for everything above the plan's taalniveau in the texts the candidate reads.
    pub(super) fn readability(&mut self) {
        let p = self.plan();
        let niveau = p.taalniveau.unwrap_or_default();
        let mut texts = vec![
            ("omschrijving", &p.omschrijving),
            ("toetsvorm", &p.toetsvorm),
            ("toegestane_tijd", &p.toegestane_tijd),
            ("hulpmiddelen", &p.hulpmiddelen),
            ("instructies", &p.instructies),
            ("cesuur", &p.cesuur),
        ];
        if p.soort() == Soort::Vragen {
            texts.push(("scoringsregels", &p.scoringsregels));
        }
        for (field, text) in texts {
            let Some(text) = text.as_deref() else {
                continue;
            };
            let findings = readability::findings(text, niveau);
            if findings.is_empty() {
                continue;
            }
            let mut from = self.value_offset(field);
            for finding in findings {
                let at = self.find_sentence(&text[finding.range.clone()], from);
                if let Some(offset) = at {
                    from = from.max(offset);
                }
                let location = at.map(|o| self.location_of(o)).or(self.at(field));
                self.readability_warning(field, text, &finding, niveau.code(), location);
            }
        }
    }

    /// The warning for one finding in the text of `field`, at `location`.
    fn readability_warning(
        &mut self,
        field: &str,
        text: &str,
        finding: &Finding,
        niveau: &str,
        location: Option<Location>,
    ) {
        let zin = quote(&text[finding.range.clone()]);
        let (message, help) = match finding.kind {
            FindingKind::LongSentence { words, max } => (
                msg!(
                    "leesbaarheid-lange-zin",
                    veld = field,
                    woorden = words,
                    max = max,
                    niveau = niveau,
                    zin = zin
                ),
                msg!("leesbaarheid-lange-zin.help"),
            ),
            FindingKind::LowScore { score, min } => (
                msg!(
                    "leesbaarheid-lage-score",
                    veld = field,
                    score = score.round() as i64,
                    min = min.round() as i64,
                    niveau = niveau
                ),
                msg!("leesbaarheid-lage-score.help"),
            ),
            FindingKind::Passive => (
                msg!("leesbaarheid-lijdende-vorm", veld = field, zin = zin),
                msg!("leesbaarheid-lijdende-vorm.help"),
            ),
        };
        let line = location.and_then(|l| self.lines.get(l.line.checked_sub(1)?).copied());
        // The mark covers the sentence's first words (up to the end of the line); the message
        // quotes the sentence.
        let sentence = &text[finding.range.clone()];
        let end = (readability::first_words(sentence, 4).last()).map_or(sentence.len(), |w| {
            w.as_ptr() as usize + w.len() - sentence.as_ptr() as usize
        });
        let shown = sentence[..end.min(sentence.len())]
            .lines()
            .next()
            .unwrap_or("");
        let d = Diagnostic::warning(&self.sp.display, location, message);
        let d = d
            .with_line(line)
            .with_help(help)
            .with_width(shown.chars().count());
        self.diags.push(d);
    }

    /// The byte offset in the source where the value of `field` starts (0 when unknown).
    fn value_offset(&self, field: &str) -> usize {
        self.at(field).map_or(0, |l| self.offset_of(l))
    }

    /// The byte offset in the source of a line and column.
    fn offset_of(&self, at: Location) -> usize {
        let line_start: usize = (self.lines.iter().take(at.line.saturating_sub(1)))
            .map(|l| l.len() + 1)
            .sum();
        let line = self
            .lines
            .get(at.line.saturating_sub(1))
            .copied()
            .unwrap_or("");
        let column: usize = (line.chars().take(at.column.saturating_sub(1)))
            .map(char::len_utf8)
            .sum();
        line_start + column
    }

    /// The line and column of a byte offset in the source.
    fn location_of(&self, offset: usize) -> Location {
        let source = &self.sp.source[..offset.min(self.sp.source.len())];
        let line_start = source.rfind('\n').map_or(0, |i| i + 1);
        Location {
            line: source.matches('\n').count() + 1,
            column: source[line_start..].chars().count() + 1,
        }
    }

    /// Where `sentence` starts in the source, at or after byte `from`: the first place its first
    /// words stand in that order with nothing but spaces, line breaks and punctuation between
    /// (YAML folds and indents a long text, and may quote or escape it).
    fn find_sentence(&self, sentence: &str, from: usize) -> Option<usize> {
        let words = readability::first_words(sentence, 4);
        let (first, rest) = words.split_first()?;
        let source = &self.sp.source;
        (source.get(from..)?.match_indices(first))
            .map(|(i, _)| from + i)
            .filter(|&at| !source[..at].ends_with(char::is_alphanumeric))
            .find(|&at| follows(&source[at + first.len()..], rest))
    }
}

/// Whether `words` follow at the start of `text`, each after at most a few characters that are
/// not letters or digits.
fn follows(mut text: &str, words: &[&str]) -> bool {
    for word in words {
        let gap = text.len()
            - text
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        if gap > 40 || !text[gap..].starts_with(word) {
            return false;
        }
        text = &text[gap + word.len()..];
    }
    true
}

/// A sentence as a message quotes it: on one line, at most [`QUOTE_CHARS`] characters.
fn quote(sentence: &str) -> String {
    let one_line = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", one_line[..cut].trim_end()),
        None => one_line,
    }
}
