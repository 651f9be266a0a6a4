//! One typst process: run with the build's scratch folder as its root, only toetsgen's fonts, no
//! system fonts, no package from the user's machine and no network (packages would have to be
//! downloaded: the download goes to a closed local port and fails), its diagnostics kept in a
//! file, and killed at once when the build is cancelled. It compiles either one document or a
//! bundle of many ([`super::bundle`]). One document's PDF comes through a pipe (typst writes it
//! to its standard output) and toetsgen writes it to disk itself: a typst left running when
//! toetsgen is killed outright (it may be compiling a packet, with candidates' names) finds the
//! pipe closed and leaves no PDF behind.

use std::io::Read;
use std::path::Path;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use toetsgen_base::cancel::Cancel;
use toetsgen_base::{fs, msg};

/// The folders one run of typst sees.
pub(super) struct Sandbox<'a> {
    /// The root: only files inside it can be read (`--root`).
    pub root: &'a Path,
    /// The only fonts typst may use.
    pub fonts: &'a Path,
    /// An empty folder as typst's local and cached packages.
    pub packages: &'a Path,
}

/// The standards every PDF meets, checked by typst itself: archivable (PDF/A-2a) and accessible
/// (PDF/UA-1). A template that breaks them fails with typst's message.
pub(super) const PDF_STANDARDS: &str = "a-2a,ua-1";

/// Where package downloads are sent: a local port where nothing listens.
const NO_NETWORK: &str = "http://127.0.0.1:9";

/// What one run compiles: a single document into a PDF, or a bundle into a folder.
pub(super) enum Target<'a> {
    /// `input` → the PDF `output` (through typst's standard output).
    Single {
        /// The Typst source.
        input: &'a Path,
        /// The PDF.
        output: &'a Path,
    },
    /// The bundle `input` (made of `#document` elements) → files in the folder `output`.
    Bundle {
        /// The bundle's main source.
        input: &'a Path,
        /// The folder the documents are written to.
        output: &'a Path,
    },
}

/// Runs typst on `target`, its diagnostics going to `log`; on failure the error holds them.
pub(super) fn run(
    program: &Path,
    sandbox: &Sandbox<'_>,
    target: &Target<'_>,
    timestamp: i64,
    log: &Path,
    cancel: &Cancel,
) -> Result<()> {
    cancel.check()?;
    let stderr =
        std::fs::File::create(log).with_context(|| msg!("document-cannot-create", path = log))?;
    let mut child = command(program, sandbox, target, timestamp)
        .stderr(stderr)
        .spawn()
        .with_context(|| msg!("document-cannot-run", path = program))?;
    let pdf = match child.stdout.take().map(read_on_thread).transpose() {
        Ok(pdf) => pdf,
        Err(err) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(err);
        }
    };
    let status = wait(&mut child, cancel);
    // The pipe is closed once typst has ended, so the reader ends too.
    let bytes = pdf.map(|reader| reader.join());
    if !status?.success() {
        let diagnostics = std::fs::read_to_string(log).unwrap_or_default();
        bail!("{}", diagnostics.trim_end());
    }
    if let (Target::Single { output, .. }, Some(bytes)) = (target, bytes) {
        let bytes = (bytes.ok())
            .context(msg!("document-typst-pdf-unread"))?
            .context(msg!("document-typst-pdf-unread"))?;
        fs::write_scratch(output, &bytes)?;
    }
    Ok(())
}

/// Reads typst's standard output (the PDF) to its end, on a thread of its own, while typst runs.
fn read_on_thread(mut stdout: ChildStdout) -> Result<JoinHandle<std::io::Result<Vec<u8>>>> {
    std::thread::Builder::new()
        .name("typst-pdf".to_owned())
        .spawn(move || {
            let mut bytes = Vec::new();
            stdout.read_to_end(&mut bytes).map(|_| bytes)
        })
        .context(msg!("document-typst-pdf-unread"))
}

/// Waits for typst to end; kills it at once when `cancel` is set (or waiting fails).
fn wait(child: &mut Child, cancel: &Cancel) -> Result<ExitStatus> {
    loop {
        let stop = match child.try_wait() {
            Ok(Some(status)) => return Ok(status),
            Ok(None) => cancel.check().err().map(anyhow::Error::from),
            Err(err) => Some(anyhow::Error::new(err).context(msg!("document-cannot-wait"))),
        };
        if let Some(err) = stop {
            let _ = child.kill();
            let _ = child.wait();
            return Err(err);
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// The typst command line for one run, sandboxed.
fn command(program: &Path, sandbox: &Sandbox<'_>, target: &Target<'_>, timestamp: i64) -> Command {
    let mut command = sandboxed(program, "compile", sandbox);
    let (input, output, features, stdout) = match target {
        Target::Single { input, .. } => {
            command.args(["--format", "pdf"]);
            (input, Path::new("-"), "a11y-extras", Stdio::piped())
        }
        Target::Bundle { input, output } => {
            // One thread per process: toetsgen runs one process per core.
            command.args(["--format", "bundle", "--jobs", "1"]);
            (input, *output, "bundle,a11y-extras", Stdio::null())
        }
    };
    command
        .arg("--pdf-standard")
        .arg(PDF_STANDARDS)
        .arg("--features")
        .arg(features)
        .arg("--creation-timestamp")
        .arg(timestamp.to_string())
        .arg(input)
        .arg(output)
        .stdin(Stdio::null())
        .stdout(stdout);
    command
}

/// typst's `subcommand` (`compile`, `eval`) confined to `sandbox`: only its root and fonts, no
/// system fonts, no packages, no network, none of the user's typst settings.
pub(super) fn sandboxed(program: &Path, subcommand: &str, sandbox: &Sandbox<'_>) -> Command {
    let mut command = Command::new(program);
    command
        .arg(subcommand)
        .arg("--root")
        .arg(sandbox.root)
        .arg("--font-path")
        .arg(sandbox.fonts)
        .arg("--ignore-system-fonts")
        .arg("--package-path")
        .arg(sandbox.packages)
        .arg("--package-cache-path")
        .arg(sandbox.packages);
    for var in [
        "SOURCE_DATE_EPOCH",
        "TYPST_FONT_PATHS",
        "TYPST_FEATURES",
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
