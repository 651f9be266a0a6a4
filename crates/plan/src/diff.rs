//! The words that changed between two texts (a toetsterm's old and new wording), found by the
//! `similar` crate's word diff: the pieces every format marks its own way (`<del>`/`<ins>` in
//! HTML, struck and underlined on paper, `[-…-]{+…+}` in a terminal).

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// A run of text that stayed, went or came.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// `gelijk` (in both), `weg` (only in the old text) or `nieuw` (only in the new).
    pub soort: &'static str,
    /// The text, spaces included.
    pub tekst: String,
}

/// The pieces of `old` and `new`, word by word (whitespace runs collapsed to one space), runs of
/// the same kind joined.
pub fn words(old: &str, new: &str) -> Vec<Piece> {
    let (old, new) = (one_line(old), one_line(new));
    let diff = TextDiff::from_words(&old, &new);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let soort = match change.tag() {
            ChangeTag::Equal => "gelijk",
            ChangeTag::Delete => "weg",
            ChangeTag::Insert => "nieuw",
        };
        match pieces.last_mut() {
            Some(last) if last.soort == soort => last.tekst.push_str(change.value()),
            _ => pieces.push(Piece {
                soort,
                tekst: change.value().to_owned(),
            }),
        }
    }
    pieces
}

/// The change as one line of plain text, the changed words marked `[-weg-]{+nieuw+}` (as
/// `git diff --word-diff` does).
pub fn marked(old: &str, new: &str) -> String {
    (words(old, new).into_iter())
        .map(|p| match p.soort {
            "weg" => format!("[-{}-]", p.tekst),
            "nieuw" => format!("{{+{}+}}", p.tekst),
            _ => p.tekst,
        })
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One word added: the rest stays, the new word is marked.
    #[test]
    fn an_added_word_is_marked() {
        let old = "Reageert professioneel op emoties.";
        let new = "Reageert altijd professioneel op emoties.";
        assert_eq!(
            marked(old, new),
            "Reageert {+altijd +}professioneel op emoties."
        );
        let kinds: Vec<&str> = words(old, new).iter().map(|p| p.soort).collect();
        assert_eq!(kinds, ["gelijk", "nieuw", "gelijk"]);
    }

    /// A replaced word shows both; line breaks and double spaces are not changes.
    #[test]
    fn a_replaced_word_shows_both() {
        assert_eq!(
            marked("Kan de klant\nhelpen.", "Kan  de burger helpen."),
            "Kan de [-klant-]{+burger+} helpen."
        );
        assert_eq!(marked("Same  text", "Same text"), "Same text");
    }
}
