//! The limits a plan must keep, in one place: generous for real plans (the V1 plan is 7 KB with
//! 25 toetstermen and texts under 1,000 characters; a plan of 300 toetstermen builds), small enough
//! that no file can make a check or a build take unbounded time or memory. README lists them.

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use toetsgen_base::msg;

/// The largest plan file, in bytes (2 MiB: about 300 times the V1 plan).
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The deepest nesting of lists and mappings (a plan needs six levels).
pub const MAX_DEPTH: usize = 24;

/// The longest text of one field, in characters (about ten printed pages).
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The most toetstermen in one plan.
pub const MAX_TOETSTERMEN: usize = 1_000;

/// The longest plan code, in characters (it becomes a folder name).
pub const MAX_CODE_CHARS: usize = 20;

/// The longest toetsterm code, in characters.
pub const MAX_TOETSTERM_CODE_CHARS: usize = 40;

/// The most problems reported for one plan file; the rest are counted.
pub const MAX_DIAGNOSTICS: usize = 50;

/// The earliest date: a PDF carries its plan's version date as a UNIX timestamp, which starts here.
pub const FIRST_DATE: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a real date");

/// Whether a plan code is valid: 1 to [`MAX_CODE_CHARS`] ASCII letters and digits.
pub fn valid_plan_code(code: &str) -> bool {
    (1..=MAX_CODE_CHARS).contains(&code.len()) && code.chars().all(|ch| ch.is_ascii_alphanumeric())
}

/// The error for a plan file over [`MAX_FILE_BYTES`].
pub fn file_too_large(display: &str, size: u64) -> Diagnostic {
    Diagnostic::error(
        display,
        None,
        msg!(
            "plan-file-too-large",
            kib = size / 1024,
            max = MAX_FILE_BYTES / 1024
        ),
    )
    .with_help(msg!("plan-file-too-large.help"))
}

// The readability of candidate texts (`crate::readability`), per taalniveau. Where they come
// from: Dutch public bodies write for readers at B1, which is taalniveau 2F (3F is about B2); their
// guidance (the Rijksoverheid's "Direct Duidelijk", Stichting Makkelijk Lezen) asks for short
// sentences, about 15 words on average and seldom more than 20. The scores are on Douma's
// adaptation of the Flesch scale, whose bands are Flesch's: 60 to 70 reads as plain, 50 to 60 as
// fairly difficult. They are starting points for the office, which may tune them here.

/// The most words of one sentence at taalniveau 2F (B1).
pub const MAX_SENTENCE_WORDS_2F: usize = 20;

/// The lowest Flesch-Douma score of a text at taalniveau 2F (B1).
pub const MIN_FLESCH_DOUMA_2F: f64 = 60.0;

/// The most words of one sentence at taalniveau 3F (B2).
pub const MAX_SENTENCE_WORDS_3F: usize = 25;

/// The lowest Flesch-Douma score of a text at taalniveau 3F (B2).
pub const MIN_FLESCH_DOUMA_3F: f64 = 50.0;

/// The fewest words a text needs before its Flesch-Douma score is judged: the score is an
/// average over sentences and words, and says little about a line or two.
pub const MIN_WORDS_FOR_SCORE: usize = 20;
