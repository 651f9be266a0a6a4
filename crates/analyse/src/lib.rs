//! The statistics of a toetsanalyse (issue 22), as numbers and typed results; the command line,
//! the CSV reader and the report build on them and say the words.
//!
//! - [`items`]: a question exam's score matrix (kandidaten × questions) → per question the
//!   p-waarde, Rit, Rir and alpha without it; for the test Cronbach's alpha (KR-20 for 0/1
//!   scores), the standard error of measurement, mean, SD, the score distribution and how many
//!   pass at a cesuur.
//! - [`cesuur`]: the Cohen-Schotanus proposal for a cesuur.
//! - [`agreement`]: two assessors on the same kandidaten: agreement, Cohen's kappa,
//!   Krippendorff's alpha (nominal) and each assessor's rate of voldoende.
//! - [`flags`]: the questions worth a second look, by documented thresholds.
//!
//! An undefined figure (a correlation with a constant, alpha of one question) is `None`, never
//! NaN. Every figure is computed in a few passes over the scores (O(kandidaten × questions)
//! time, O(kandidaten + questions) memory beside the scores), so 10,000 kandidaten × 100
//! questions take milliseconds (`cargo bench -p toetsgen-analyse`).

pub mod agreement;
pub mod cesuur;
pub mod flags;
pub mod items;
mod moments;
