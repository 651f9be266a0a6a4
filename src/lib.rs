//! toetsgen: the documents of an exam, generated from a toetsplan in YAML.
//!
//! The code is a pipeline in floors; a module imports only from its own floor and those below:
//!
//! 1. [`plan`]: YAML → a checked toetsplan (load, spans, validate, diagnostics).
//! 2. [`document`]: a plan → its documents in memory, per format (view, templates, escaping, PDF
//!    through typst).
//! 3. [`output`]: documents → the output folder (record, writes, kept versions, site).
//!
//! [`build`] runs the floors in order, and [`serve`] runs it again on every change, serving the
//! output folder with live reload. Beside them: [`import`] reads office documents into a plan,
//! [`uitslagen`] collects saved beoordelingsformulieren into a results list, and [`cli`] and [`cmd`] are the command line, the only place that prints. At the base, used by
//! every floor: [`fs`] (files, safely) [`report`] (how the library tells about its progress), [`cancel`] (how it is stopped)
//! and [`words`].

pub mod build;
pub mod cancel;
pub mod cli;
pub mod cmd;
pub mod document;
pub mod fs;
pub mod import;
pub mod output;
pub mod plan;
pub mod report;
pub mod serve;
pub mod session;
pub mod uitslagen;
pub mod words;
