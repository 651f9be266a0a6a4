//! Small helpers for words in messages and titles, shared by every floor.

/// "aanwezigheids lijst" → "Aanwezigheids lijst".
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "1 plan", "2 plans".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first letter only is raised, also beyond ASCII; counts pick their form.
    #[test]
    fn capitalizes_and_counts() {
        assert_eq!(capitalize("ëerste woord"), "Ëerste woord");
        assert_eq!(capitalize(""), "");
        assert_eq!(plural(1, "plan", "plans"), "1 plan");
        assert_eq!(plural(0, "plan", "plans"), "0 plans");
    }
}
