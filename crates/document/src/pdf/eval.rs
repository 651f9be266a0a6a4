//! One `typst eval` run: a Typst expression evaluated in the context of a laid-out source (its
//! `query`s and `locate`s see the document as it will be printed), in the same sandbox as a
//! compile; its JSON answer read from standard output, up to [`MAX_ANSWER`] bytes. Nothing is
//! written to disk.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use toetsgen_base::cancel::Cancel;
use toetsgen_base::msg;

use super::process::{Sandbox, sandboxed};

/// The most bytes an answer may have (the layout of a packet of 500 candidates is a few MB).
const MAX_ANSWER: u64 = 256 * 1024 * 1024;

/// Evaluates `expr` in the context of the source `input`, typst's diagnostics going to `log`;
/// returns typst's JSON.
pub(super) fn run(
    program: &Path,
    sandbox: &Sandbox<'_>,
    input: &Path,
    expr: &str,
    log: &Path,
    cancel: &Cancel,
) -> Result<Vec<u8>> {
    cancel.check()?;
    let stderr =
        std::fs::File::create(log).with_context(|| msg!("document-cannot-create", path = log))?;
    let mut child = sandboxed(program, "eval", sandbox)
        .arg("--features")
        .arg("a11y-extras")
        .arg("--in")
        .arg(input)
        .arg(expr)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .with_context(|| msg!("document-cannot-run", path = program))?;
    let stdout = child.stdout.take().context(msg!("document-cannot-wait"))?;
    let reader = std::thread::spawn(move || {
        let mut answer = Vec::new();
        let read = stdout.take(MAX_ANSWER).read_to_end(&mut answer);
        read.map(|_| answer)
    });
    let status = loop {
        if let Some(status) = child.try_wait().context(msg!("document-cannot-wait"))? {
            break status;
        }
        if let Err(cancelled) = cancel.check() {
            let _ = child.kill();
            let _ = child.wait();
            return Err(cancelled.into());
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let answer = reader.join().ok().and_then(Result::ok);
    if !status.success() {
        let diagnostics = std::fs::read_to_string(log).unwrap_or_default();
        bail!("{}", diagnostics.trim_end());
    }
    answer.context(msg!("document-cannot-wait"))
}
