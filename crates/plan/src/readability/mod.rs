//! The readability of a text for the candidate at a [`Taalniveau`]: [`findings`] lists the
//! sentences that are too long, the passive constructions and a Flesch-Douma score below the
//! level. It says what it found and where (a byte range of the text), never how to word it: the
//! messages are the caller's.
//!
//! The text is cut into sentences (`sentences.rs`) and words (`words.rs`), syllables are
//! counted with Dutch hyphenation patterns (`syllables.rs`), passives found by their shape
//! (`passive.rs`), and the score is
//! Douma's Flesch formula for Dutch: 206.835 − 0.93 × (words per sentence) − 77 × (syllables per
//! word).

mod niveau;
mod passive;
mod sentences;
mod syllables;
mod words;

use std::ops::Range;

use crate::limits::MIN_WORDS_FOR_SCORE;

pub use niveau::Taalniveau;

/// One thing found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What was found.
    pub kind: FindingKind,
    /// Where: the byte range of the sentence in the text (of the whole text, trimmed, for a
    /// score).
    pub range: Range<usize>,
}

/// What a [`Finding`] is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FindingKind {
    /// A sentence of more words than the level allows.
    LongSentence {
        /// The words of the sentence.
        words: usize,
        /// The most the level allows.
        max: usize,
    },
    /// The text's Flesch-Douma score is below the level's (only for a text of at least
    /// [`MIN_WORDS_FOR_SCORE`] words).
    LowScore {
        /// The text's score.
        score: f64,
        /// The lowest score the level allows.
        min: f64,
    },
    /// A passive construction in the sentence.
    Passive,
}

/// What the score is computed from: the counts of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Sentences with at least one word.
    pub(crate) sentences: usize,
    /// Words.
    pub(crate) words: usize,
    /// Syllables.
    pub(crate) syllables: usize,
}

impl Counts {
    /// Douma's Flesch score; `None` for a text without words.
    pub(crate) fn flesch_douma(self) -> Option<f64> {
        (self.words > 0 && self.sentences > 0)
            .then(|| flesch_douma(self.words, self.sentences, self.syllables))
    }
}

/// Douma's Flesch formula for Dutch (1960): 206.835 − 0.93 × (words / sentences) − 77 ×
/// (syllables / words).
pub(crate) fn flesch_douma(words: usize, sentences: usize, syllables: usize) -> f64 {
    let (w, s, y) = (words as f64, sentences as f64, syllables as f64);
    206.835 - 0.93 * (w / s) - 77.0 * (y / w)
}

/// The sentences, words and syllables of `text`.
pub(crate) fn counts(text: &str) -> Counts {
    let mut c = Counts::default();
    for range in sentences::sentences(text) {
        let ws = words::words(&text[range]);
        if ws.is_empty() {
            continue;
        }
        c.sentences += 1;
        c.words += ws.len();
        c.syllables += ws.iter().map(|w| syllables::syllables(w)).sum::<usize>();
    }
    c
}

/// The first `n` words of `text` (fewer when it has fewer), as the check counts words: to find
/// a sentence in the file it came from.
pub fn first_words(text: &str, n: usize) -> Vec<&str> {
    let mut all = words::words(text);
    all.truncate(n);
    all
}

/// Everything in `text` above `niveau`, in the order of the text: the score first (it is about
/// the whole text), then per sentence its length and a passive.
pub fn findings(text: &str, niveau: Taalniveau) -> Vec<Finding> {
    let mut out = Vec::new();
    let counts = counts(text);
    if counts.words >= MIN_WORDS_FOR_SCORE
        && let Some(score) = counts.flesch_douma()
        && score < niveau.min_score()
    {
        let start = text.len() - text.trim_start().len();
        out.push(Finding {
            kind: FindingKind::LowScore {
                score,
                min: niveau.min_score(),
            },
            range: start..text.trim_end().len(),
        });
    }
    for range in sentences::sentences(text) {
        let sentence = &text[range.clone()];
        let n = words::words(sentence).len();
        let max = niveau.max_sentence_words();
        if n > max {
            out.push(Finding {
                kind: FindingKind::LongSentence { words: n, max },
                range: range.clone(),
            });
        }
        if passive::is_passive(sentence) {
            out.push(Finding {
                kind: FindingKind::Passive,
                range,
            });
        }
    }
    out
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    /// Plain text at 2F: nothing to say.
    #[test]
    fn plain_text_passes() {
        let text = "Je gaat de toets doen. In deze opdracht lees je wat je gaat doen. \
                    Je hebt een uur. De beoordelaar kijkt hoe je werkt. Na de toets hoor je de uitslag.";
        assert!(counts(text).words >= MIN_WORDS_FOR_SCORE);
        assert_eq!(findings(text, Taalniveau::TweeF), []);
    }

    /// V1's omschrijving: two long sentences, a low score; at 3F the same.
    #[test]
    fn v1_omschrijving() {
        let text = "De module 'V1 Dienstverlening' is bedoeld voor elke medewerker Burgerzaken die contact heeft met de klant. Na het volgen van deze module beschikt de medewerker over vaardigheden om op een klantgerichte wijze de dienstverlening aan de klant inhoud te geven en het contact met de klant op een bij Burgerzaken passende wijze uit te voeren.";
        let found = findings(text, Taalniveau::TweeF);
        let kinds: Vec<FindingKind> = found.iter().map(|f| f.kind).collect();
        assert!(
            matches!(kinds[0], FindingKind::LowScore { score, min } if score < 50.0 && min == 60.0),
            "{kinds:?}"
        );
        assert_eq!(
            kinds[1..],
            [FindingKind::LongSentence { words: 39, max: 20 }]
        );
        assert_eq!(&text[found[1].range.clone()][..14], "Na het volgen ");
        assert_eq!(found[0].range, 0..text.len());
        let at_3f = findings(text, Taalniveau::DrieF);
        assert_eq!(at_3f.len(), 2);
        assert_eq!(
            at_3f[1].kind,
            FindingKind::LongSentence { words: 39, max: 25 }
        );
    }

    /// A sentence of exactly the maximum passes; one more word does not.
    #[test]
    fn the_limit_is_inclusive() {
        let twenty = "Ik ".repeat(19) + "ga.";
        assert_eq!(findings(&twenty, Taalniveau::TweeF), []);
        let long = "Ik ".repeat(20) + "ga.";
        assert_eq!(
            findings(&long, Taalniveau::TweeF)
                .iter()
                .map(|f| f.kind)
                .filter(|k| matches!(k, FindingKind::LongSentence { .. }))
                .collect::<Vec<_>>(),
            [FindingKind::LongSentence { words: 21, max: 20 }]
        );
    }

    /// A short text is not scored, however hard its words; its passive is still found.
    #[test]
    fn short_texts_are_not_scored() {
        let text = "Worden verstrekt bij de opdracht";
        assert_eq!(
            findings(text, Taalniveau::TweeF),
            [Finding {
                kind: FindingKind::Passive,
                range: 0..text.len()
            }]
        );
    }

    /// Douma's formula, by hand: 100 words, 10 sentences, 150 syllables.
    #[test]
    fn the_formula() {
        let score = flesch_douma(100, 10, 150);
        assert!((score - (206.835 - 9.3 - 115.5)).abs() < 1e-9);
        assert_eq!(Counts::default().flesch_douma(), None);
    }
}
