//! What the escaper targets share: which texts a plan can hold.

use toetsgen::document::text::is_line_break;

/// Whether a plan may hold `text`: validation rejects control characters other than tab and
/// the line breaks before any escaper sees a text (the escapers promise nothing for others).
pub fn is_plan_text(text: &str) -> bool {
    text.chars()
        .all(|c| !c.is_control() || c == '\t' || is_line_break(c))
}
