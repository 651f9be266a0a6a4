//! Many documents in one typst process, through typst's bundle target: a main source whose every
//! line is `#document("<name>.pdf", include "/<name>.typ")`. Each document keeps its own page
//! counter and metadata; the run has one creation date, so a bundle holds only documents of the
//! same date. typst checks all documents before writing any, so a bundle with one failing
//! document writes nothing: the caller then compiles its documents one by one.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cancel::Cancel;
use crate::fs;

use super::process::{self, Sandbox, Target};

/// Compiles the sources `<root>/<stem>.typ` of `stems` as one bundle named `name`, and returns
/// the path of each PDF, in the order of `stems`.
pub fn compile(
    program: &Path,
    sandbox: &Sandbox<'_>,
    name: &str,
    stems: &[String],
    timestamp: i64,
    cancel: &Cancel,
) -> Result<Vec<PathBuf>> {
    let mut main = String::new();
    for stem in stems {
        let _ = writeln!(main, "#document(\"{stem}.pdf\", include \"/{stem}.typ\")");
    }
    let input = sandbox.root.join(format!("{name}.typ"));
    let output = sandbox.root.join(name);
    let log = sandbox.root.join(format!("{name}.log"));
    fs::write_scratch(&input, main.as_bytes())?;
    let target = Target::Bundle {
        input: &input,
        output: &output,
    };
    let result = process::run(program, sandbox, &target, timestamp, &log, cancel);
    let _ = std::fs::remove_file(&input);
    let _ = std::fs::remove_file(&log);
    result?;
    Ok(stems
        .iter()
        .map(|stem| output.join(format!("{stem}.pdf")))
        .collect())
}
