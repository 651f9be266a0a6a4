//! toetsgen: the documents of an exam, generated from a toetsplan in YAML.
//!
//! The work is done by a workspace of crates, one per floor of the pipeline; each can use only
//! the crates below it, so the floors hold by construction:
//!
//! 1. [`plan`] (YAML → a checked toetsplan) and [`session`] (an exam session and its candidates):
//!    the input.
//! 2. [`document`]: a plan → its documents in memory, per format.
//! 3. [`output`]: documents → the output folder.
//! 4. [`build`]: the floors run in order, for `build`, `check` and print packets.
//!
//! Beside them: [`import`], [`uitslagen`], [`analyse`], [`scan`] and [`serve`]; under all of them [`base`] (files,
//! progress, cancellation, word forms). The `toetsgen` binary owns the command line. This crate
//! re-exports the floors under one name, for the tests and the fuzz targets.

pub use toetsgen_analyse as analyse;
pub use toetsgen_base as base;
pub use toetsgen_base::{cancel, fs, report, words};
pub use toetsgen_build as build;
pub use toetsgen_document as document;
pub use toetsgen_import as import;
pub use toetsgen_output as output;
pub use toetsgen_plan as plan;
pub use toetsgen_scan as scan;
pub use toetsgen_serve as serve;
pub use toetsgen_session as session;
pub use toetsgen_uitslagen as uitslagen;
