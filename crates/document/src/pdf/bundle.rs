//! Many documents in one typst process, through typst's bundle target: a main source whose every
//! line is `#document("pdf/<name>.pdf", include "/src/<source>.typ")`. Each document keeps its own page
//! counter and metadata; the run has one creation date, so a bundle holds only documents of the
//! same date. typst checks all documents before writing any, so a bundle with one failing
//! document writes nothing: the caller then compiles its documents one by one.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use toetsgen_base::cancel::Cancel;
use toetsgen_base::fs;

use super::process::{self, Sandbox, Target};

/// Compiles the documents `(source, pdf)` (paths in the root, the source without `.typ`) as one
/// bundle whose main source is `<name>.typ`; each PDF is written at its path in the root.
pub(super) fn compile(
    program: &Path,
    sandbox: &Sandbox<'_>,
    name: &str,
    documents: &[(&str, &str)],
    timestamp: i64,
    cancel: &Cancel,
) -> Result<()> {
    let mut main = String::new();
    for (source, pdf) in documents {
        let _ = writeln!(main, "#document(\"{pdf}\", include \"/{source}.typ\")");
    }
    let input = sandbox.root.join(format!("{name}.typ"));
    let log = sandbox.root.join(format!("{name}.log"));
    fs::write_scratch(&input, main.as_bytes())?;
    let target = Target::Bundle {
        input: &input,
        output: sandbox.root,
    };
    process::run(program, sandbox, &target, timestamp, &log, cancel)
}
