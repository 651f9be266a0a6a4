//! The words of a sentence: runs of letters and digits. A hyphen or an apostrophe between two
//! of them joins them into one word (`sociaal-culturele`, `e-mail`, `auto's`, `zo'n`), and so
//! does a full stop or comma between two digits (`3.5`, `12,50`, `V1.04`). Everything else
//! (spaces, punctuation, a slash as in `en/of`) separates words.

/// The words of `text`, in order.
pub(crate) fn words(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            start.get_or_insert(at);
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let joins = match (prev, next) {
            (Some(p), Some(n)) if p.is_alphanumeric() && n.is_alphanumeric() => match c {
                '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' => true,
                '.' | ',' => p.is_ascii_digit() && n.is_ascii_digit(),
                _ => false,
            },
            _ => false,
        };
        if !joins && let Some(s) = start.take() {
            out.push(&text[s..at]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words are letters and digits; hyphens, apostrophes and decimal marks inside join them.
    #[test]
    fn splits_words() {
        assert_eq!(
            words(
                "De sociaal-culturele achtergrond (zo'n 3.5 uur) en/of de e-mail — auto's, V1.04!"
            ),
            [
                "De",
                "sociaal-culturele",
                "achtergrond",
                "zo'n",
                "3.5",
                "uur",
                "en",
                "of",
                "de",
                "e-mail",
                "auto's",
                "V1.04"
            ]
        );
        assert_eq!(words("stem- en taalgebruik"), ["stem", "en", "taalgebruik"]);
        assert_eq!(words("Klaar. Nu"), ["Klaar", "Nu"]);
        assert!(words(" - ... ").is_empty());
    }
}
