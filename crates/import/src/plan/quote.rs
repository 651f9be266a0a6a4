//! How text from the source appears in a message: at most 60 characters, control characters
//! written as U+XXXX (they would act on the terminal), in quotes.

use crate::is_forbidden_control;

/// `U+001B`.
pub(super) fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A text from the source as a message shows it: at most 60 characters, control characters
/// written as U+XXXX (they would act on the terminal).
pub(super) fn short(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if is_forbidden_control(c) {
            out.push_str(&codepoint(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// [`short`] in quotes.
pub(super) fn q(text: &str) -> String {
    format!("\"{}\"", short(text))
}
