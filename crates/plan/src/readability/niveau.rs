//! The taalniveau a plan's candidate texts are written for, and what each level allows (the
//! thresholds are the named constants of [`crate::limits`]).

use schemars::JsonSchema;
use serde::Deserialize;

use crate::limits::{
    MAX_SENTENCE_WORDS_2F, MAX_SENTENCE_WORDS_3F, MIN_FLESCH_DOUMA_2F, MIN_FLESCH_DOUMA_3F,
};

/// The reading level of the candidates, as the Dutch reference levels for language name it:
/// 2F (about B1, most MBO levels) or 3F (about B2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(
    description = "Taalniveau van de kandidaten: 2F (ongeveer B1, de standaard) of 3F (ongeveer B2). toetsgen check waarschuwt waar een tekst voor de kandidaat moeilijker is."
)]
pub enum Taalniveau {
    /// Taalniveau 2F (B1): the level Dutch public bodies write for.
    #[default]
    #[serde(rename = "2F")]
    #[schemars(
        description = "Taalniveau 2F, ongeveer B1: het niveau waarvoor de overheid schrijft."
    )]
    TweeF,
    /// Taalniveau 3F (B2).
    #[serde(rename = "3F")]
    #[schemars(description = "Taalniveau 3F, ongeveer B2.")]
    DrieF,
}

impl Taalniveau {
    /// The most words one sentence may have at this level.
    pub fn max_sentence_words(self) -> usize {
        match self {
            Taalniveau::TweeF => MAX_SENTENCE_WORDS_2F,
            Taalniveau::DrieF => MAX_SENTENCE_WORDS_3F,
        }
    }

    /// The lowest Flesch-Douma score a text may have at this level.
    pub fn min_score(self) -> f64 {
        match self {
            Taalniveau::TweeF => MIN_FLESCH_DOUMA_2F,
            Taalniveau::DrieF => MIN_FLESCH_DOUMA_3F,
        }
    }

    /// The level's name as the plan writes it: `2F` or `3F`.
    pub fn code(self) -> &'static str {
        match self {
            Taalniveau::TweeF => "2F",
            Taalniveau::DrieF => "3F",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plan writes the levels as `2F` and `3F`, and 2F is the default.
    #[test]
    fn reads_2f_and_3f() {
        let read = |s: &str| serde_yaml::from_str::<Taalniveau>(s);
        assert_eq!(read("2F").unwrap(), Taalniveau::TweeF);
        assert_eq!(read("3F").unwrap(), Taalniveau::DrieF);
        assert!(read("1F").is_err());
        assert!(read("2f").is_err());
        assert_eq!(Taalniveau::default(), Taalniveau::TweeF);
        assert!(Taalniveau::DrieF.max_sentence_words() > Taalniveau::TweeF.max_sentence_words());
        assert!(Taalniveau::DrieF.min_score() < Taalniveau::TweeF.min_score());
    }
}
