//! One typst process: run in its own scratch folder with only toetsgen's fonts, no system fonts,
//! no package from the user's machine and no network (packages would have to be downloaded: the
//! download goes to a closed local port and fails), its diagnostics kept in a file, and killed at
//! once when the build is cancelled.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::cancel::Cancel;
use crate::fs;

/// The folders one run of typst sees.
pub struct Sandbox<'a> {
    /// The root: only files inside it can be read (`--root`).
    pub root: &'a Path,
    /// The only fonts typst may use.
    pub fonts: &'a Path,
    /// An empty folder as typst's local and cached packages.
    pub packages: &'a Path,
}

/// The standards every PDF meets, checked by typst itself: archivable (PDF/A-2a) and accessible
/// (PDF/UA-1). A template that breaks them fails with typst's message.
pub const PDF_STANDARDS: &str = "a-2a,ua-1";

/// Where package downloads are sent: a local port where nothing listens.
const NO_NETWORK: &str = "http://127.0.0.1:9";

/// Compiles `source` (written to `<stem>.typ` in the root) into PDF bytes; on failure the error
/// holds typst's own diagnostics.
pub fn compile(
    program: &Path,
    sandbox: &Sandbox<'_>,
    stem: &str,
    source: &str,
    timestamp: i64,
    cancel: &Cancel,
) -> Result<Vec<u8>> {
    let input = sandbox.root.join(format!("{stem}.typ"));
    let output = sandbox.root.join(format!("{stem}.pdf"));
    let log = sandbox.root.join(format!("{stem}.log"));
    fs::write_scratch(&input, source.as_bytes())?;
    let stderr =
        std::fs::File::create(&log).with_context(|| format!("cannot create {}", log.display()))?;
    let mut child = command(program, sandbox, &input, &output, timestamp)
        .stderr(stderr)
        .spawn()
        .with_context(|| format!("cannot run {}", program.display()))?;
    let status = loop {
        if let Some(status) = child.try_wait().context("cannot wait for typst")? {
            break status;
        }
        if let Err(cancelled) = cancel.check() {
            let _ = child.kill();
            let _ = child.wait();
            return Err(cancelled.into());
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    if !status.success() {
        let diagnostics = std::fs::read_to_string(&log).unwrap_or_default();
        bail!("{}", diagnostics.trim_end());
    }
    std::fs::read(&output).context("typst wrote no PDF")
}

/// The typst command line for one compile, sandboxed.
fn command(
    program: &Path,
    sandbox: &Sandbox<'_>,
    input: &Path,
    output: &Path,
    timestamp: i64,
) -> Command {
    let mut command = Command::new(program);
    command
        .arg("compile")
        .arg("--root")
        .arg(sandbox.root)
        .arg("--font-path")
        .arg(sandbox.fonts)
        .arg("--ignore-system-fonts")
        .arg("--package-path")
        .arg(sandbox.packages)
        .arg("--package-cache-path")
        .arg(sandbox.packages)
        .arg("--pdf-standard")
        .arg(PDF_STANDARDS)
        .arg("--features")
        .arg("a11y-extras")
        .arg("--creation-timestamp")
        .arg(timestamp.to_string())
        .arg(input)
        .arg(output)
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    for var in [
        "SOURCE_DATE_EPOCH",
        "TYPST_FONT_PATHS",
        "NO_PROXY",
        "no_proxy",
    ] {
        command.env_remove(var);
    }
    let proxies = [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
    ];
    for var in proxies {
        command.env(var, NO_NETWORK);
    }
    command
}
