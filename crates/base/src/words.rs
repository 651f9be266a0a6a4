//! Small helpers for words in messages and titles, shared by every floor.

/// "aanwezigheids lijst" → "Aanwezigheids lijst".
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first letter only is raised, also beyond ASCII.
    #[test]
    fn capitalizes() {
        assert_eq!(capitalize("ëerste woord"), "Ëerste woord");
        assert_eq!(capitalize(""), "");
    }
}
