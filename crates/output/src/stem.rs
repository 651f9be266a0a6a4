//! Dutch word forms for the site's search: what the start page's script does to a query, done
//! to the plans' texts at build time.
//!
//! Text is folded (accents off as `String.normalize("NFD")` takes them off, lower case), cut
//! into words at every character that is not a letter or digit, and each word of the letters
//! a–z only is stemmed with Snowball's Dutch stemmer (`rust-stemmers`; other words are their
//! own stem). The page runs the same algorithm in JavaScript (`templates/_zoeken.html.tera`),
//! and `tests/fixtures/search/stammen.txt` holds word and stem pairs that both must give: the
//! unit test below checks this side, the browser suite's `search` check the page's.
//!
//! A query word finds a text when the folded text contains it, or contains its stem (of five
//! letters or more), or has a word of that stem. The last needs the stems of the text's words,
//! but only those the page cannot see in the text itself: a stem that is not its word's start
//! or middle (`mogelijkheden` → `mogelijk`… is found; `maan` → `man` is not), or shorter than
//! five letters. [`extra_stems`] lists them for the index.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// A stem this long or longer is looked for anywhere in a text, also inside a compound
/// (`gesprekken` → `gesprek` finds `klantgesprek`); a shorter one only as a whole word.
pub const MIN_INNER_STEM: usize = 5;

/// Accents off and lower case, as the page's `gewoon()`: the NFD form without the combining
/// diacritical marks (U+0300–U+036F), lower-cased.
pub fn fold(text: &str) -> String {
    let bare: String = text
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    bare.to_lowercase()
}

/// The words of a folded text: its runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The stem of a folded word: Snowball's Dutch stem of a word of the letters a–z only; any
/// other word is its own stem.
pub fn stem<'a>(stemmer: &Stemmer, word: &'a str) -> Cow<'a, str> {
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()) {
        stemmer.stem(word)
    } else {
        Cow::Borrowed(word)
    }
}

/// Snowball's Dutch stemmer.
pub fn dutch() -> Stemmer {
    Stemmer::create(Algorithm::Dutch)
}

/// The stems of `text`'s words that the page cannot find in the folded text itself (see the
/// module's doc), once each, in order, separated by spaces.
pub fn extra_stems(stemmer: &Stemmer, text: &str) -> String {
    let folded = fold(text);
    let mut extra: Vec<Cow<'_, str>> = Vec::new();
    for word in words(&folded) {
        let stem = stem(stemmer, word);
        let seen = stem == word || (stem.len() >= MIN_INNER_STEM && word.contains(&*stem));
        if !seen && !extra.contains(&stem) {
            extra.push(stem);
        }
    }
    extra.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word and stem pairs the page's JavaScript stemmer is held to
    /// (`tests/fixtures/search/stammen.txt`) are what Snowball's Dutch stemmer gives here.
    #[test]
    fn stems_agree_with_the_shared_word_list() {
        let list = include_str!("../../../tests/fixtures/search/stammen.txt");
        let stemmer = dutch();
        let mut n = 0;
        for line in list
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (word, expected) = line.split_once(' ').expect("word and stem");
            assert_eq!(stem(&stemmer, &fold(word)), expected, "{word}");
            n += 1;
        }
        assert!(n >= 200, "only {n} words");
    }

    /// Folding takes accents off and lowers case; words split at everything else.
    #[test]
    fn folds_and_splits() {
        assert_eq!(
            fold("Ideeën, Coöperatie én CRÈCHE"),
            "ideeen, cooperatie en creche"
        );
        let folded = fold("V1.13: klant-gesprek (open)");
        assert_eq!(
            words(&folded).collect::<Vec<_>>(),
            ["v1", "13", "klant", "gesprek", "open"]
        );
    }

    /// Only the stems the page cannot see in the text are kept, once each.
    #[test]
    fn extra_stems_are_the_hidden_ones() {
        let stemmer = dutch();
        assert_eq!(stem(&stemmer, "klantgesprekken"), "klantgesprek");
        assert_eq!(extra_stems(&stemmer, "Vijf klantgesprekken"), "");
        // mogelijkheden → mogelijk is in the word; maan and manen → man is not, nor is it long.
        assert_eq!(
            extra_stems(&stemmer, "De mogelijkheden, de maan en de manen"),
            "man"
        );
    }
}
