//! toetsgen: the documents of an exam, generated from a toetsplan in YAML.
//!
//! The pipeline, one module per stage: [`load`] (YAML → [`model`], with [`spans`] for
//! locations) → [`validate`] → [`view`] → [`render`] per format through [`templates`] →
//! [`write`] into the [`output`] folder, recorded in the [`manifest`]; [`build`] runs the stages.
//! [`diagnostic`] is how problems in a plan are reported; [`fs`] reads and writes files safely;
//! [`changes`] lists what changed since a date.

pub mod build;
pub mod changes;
pub mod cli;
pub mod cmd;
pub mod dates;
pub mod diagnostic;
pub mod filters;
pub mod fs;
pub mod import;
pub mod load;
pub mod manifest;
pub mod markdown;
pub mod model;
pub mod output;
pub mod render;
pub mod site;
pub mod spans;
pub mod templates;
pub mod text;
pub mod validate;
pub mod view;
pub mod write;
