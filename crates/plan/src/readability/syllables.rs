//! Syllables of a Dutch word, for the Flesch-Douma score.
//!
//! Counted with the Dutch hyphenation patterns (the TeX patterns `hyph-nl`) as `hypher` ships
//! them: a word has one syllable more than it has hyphenation points. The patterns are made for
//! breaking lines, and never leave one letter alone at either end of a word, whatever minimum
//! is asked: they give `apen`, `over` and `media` as one, one and two pieces. Douma counted
//! spoken syllables, so two kinds of one-letter syllable are added back:
//!
//! - an open first syllable of one vowel letter: a vowel, one consonant, a vowel (`a-pen`,
//!   `o-ver`, `e-ven`, `i-dee`);
//! - a last vowel after a vowel it does not form a sound with (`me-di-a`, `vi-de-o`, `Bel-gi-ë`):
//!   the endings `ia`, `io`, `ië` and `eo`.
//!
//! The parts of a compound written with a hyphen, and of a word with an apostrophe (`auto's`),
//! are counted one by one; a part without a vowel (the `s` of `auto's`) adds nothing, and a word
//! without any vowel (a number, a code such as `V1.04`) counts as one syllable, as Python's
//! textstat counts it. The reference test (`reference.rs`) compares the pattern count with
//! textstat's and Pyphen's on the fixtures of `tests/fixtures/leesbaarheid/`.

use hypher::Lang;

/// The syllables of one word as the score counts them: the hyphenation patterns' count of each
/// part, with the one-letter syllables of the module's doc added.
pub(crate) fn syllables(word: &str) -> usize {
    let total: usize = word
        .split(['-', '\u{2010}', '\u{2011}', '\'', '\u{2019}'])
        .filter(|part| part.chars().any(is_vowel))
        .map(|part| pattern_syllables(part) + one_letter_syllables(part))
        .sum();
    total.max(1)
}

/// The pieces the Dutch hyphenation patterns cut `word` into, with their own minimums (two
/// letters at either end): what Pyphen's `nl_NL` dictionary gives textstat.
pub(crate) fn pattern_syllables(word: &str) -> usize {
    hypher::hyphenate(word, Lang::Dutch).count()
}

/// The one-letter syllables at the ends of `part` that the patterns never split off.
fn one_letter_syllables(part: &str) -> usize {
    let lower: Vec<char> = part.chars().flat_map(char::to_lowercase).collect();
    let open_first = match lower.as_slice() {
        [v, c, w, ..] => is_vowel(*v) && is_consonant(*c) && is_vowel(*w),
        _ => false,
    };
    let hiatus_last = match lower.as_slice() {
        [.., a, b] if lower.len() > 2 => {
            matches!((a, b), ('i', 'a' | 'o' | 'ë') | ('e', 'o'))
        }
        _ => false,
    };
    usize::from(open_first) + usize::from(hiatus_last)
}

/// A vowel letter of Dutch, accented or not (`y` included: `systeem`, `typisch`).
fn is_vowel(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    "aeiouyàáâäèéêëìíîïòóôöùúûü".contains(lower)
}

/// A letter that is not a vowel.
fn is_consonant(c: char) -> bool {
    c.is_alphabetic() && !is_vowel(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ordinary words count as the patterns cut them.
    #[test]
    fn counts_by_the_patterns() {
        for (word, n) in [
            ("klant", 1),
            ("kandidaat", 3),
            ("beoordelingsformulier", 7),
            ("klantvriendelijke", 5),
            ("uitgereikt", 3),
            ("situatie", 4),
            ("geïnteresseerd", 5),
            ("zeeën", 2),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    /// The one-letter syllables the patterns leave out are counted.
    #[test]
    fn counts_one_letter_syllables() {
        for (word, n) in [
            ("apen", 2),
            ("over", 2),
            ("idee", 2),
            ("eventueel", 4),
            ("media", 3),
            ("video", 3),
            ("België", 3),
            ("via", 2),
        ] {
            assert_eq!(pattern_syllables(word) + 1, n, "the patterns alone: {word}");
            assert_eq!(syllables(word), n, "{word}");
        }
        // A vowel pair or two consonants after the first vowel open no syllable of one letter.
        for (word, n) in [
            ("ook", 1),
            ("ijverig", 3),
            ("alleen", 2),
            ("echter", 2),
            ("oever", 2),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    /// Compounds with a hyphen and words with an apostrophe count part by part; a word without
    /// a vowel is one syllable.
    #[test]
    fn counts_parts_and_words_without_vowels() {
        assert_eq!(syllables("sociaal-culturele"), 7);
        assert_eq!(syllables("e-mail"), 2);
        assert_eq!(syllables("auto's"), 2);
        assert_eq!(syllables("video's"), 3);
        assert_eq!(syllables("zo'n"), 1);
        assert_eq!(syllables("60"), 1);
        assert_eq!(syllables("V1.04"), 1);
        assert_eq!(syllables("'s"), 1);
    }
}
