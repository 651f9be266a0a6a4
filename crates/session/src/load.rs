//! Reads a session file into [`SessieFile`] with the field locations of its [`Spans`], every
//! read or parse failure a diagnostic with file, line and column, as for a plan.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::limits::MAX_SESSION_BYTES;
use crate::model::SessieFile;
use toetsgen_base::fs::{self, ReadError};
use toetsgen_base::lang::io_error;
use toetsgen_base::msg;
use toetsgen_plan::diagnostic::Diagnostic;
use toetsgen_plan::load::{control_character, read_error, yaml_error};
use toetsgen_plan::spans::Spans;

/// A parsed session file with where it came from.
#[derive(Debug, Clone)]
pub struct SourceSessie {
    /// The file as shown in messages.
    pub display: String,
    /// The folder it lies in: a candidates file is read relative to it.
    pub dir: PathBuf,
    /// The file name without extension.
    pub stem: String,
    /// The file's text.
    pub source: String,
    /// The session as written.
    pub bestand: SessieFile,
    /// Locations of its fields.
    pub spans: Spans,
}

/// The session files (`*.yaml`, `*.yml`) directly in `dir`, sorted by name.
pub fn discover(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        bail!(msg!("session-no-folder", path = dir));
    }
    let mut files = Vec::new();
    let unreadable = |e: std::io::Error| {
        anyhow::anyhow!(msg!(
            "session-cannot-read",
            path = dir,
            error = io_error(&e)
        ))
    };
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        let yaml = path.extension().is_some_and(|e| e == "yaml" || e == "yml");
        if yaml && !hidden && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        bail!(msg!("session-none-found", path = dir));
    }
    Ok(files)
}

/// Reads and parses one session file.
pub fn load(path: &Path) -> Result<SourceSessie, Diagnostic> {
    let display = path.display().to_string();
    let source = match fs::read_text_bounded(path, MAX_SESSION_BYTES as u64) {
        Ok(source) => source,
        Err(Ok(err)) => {
            let io = matches!(err, ReadError::Io { .. });
            let d = read_error(&display, err);
            return Err(match io {
                true => d.with_help(msg!("session-read-help")),
                false => d,
            });
        }
        Err(Err(fs::BoundedReadError::TooLarge(_))) => {
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            return Err(Diagnostic::error(
                &display,
                None,
                msg!(
                    "session-too-large",
                    size = size / 1024,
                    max = MAX_SESSION_BYTES / 1024
                ),
            )
            .with_help(msg!("session-too-large.help")));
        }
        Err(Err(other)) => {
            return Err(Diagnostic::error(
                &display,
                None,
                msg!(
                    "session-cannot-read-file",
                    error = crate::read_failure(&other)
                ),
            )
            .with_help(msg!("session-cannot-read-file.help")));
        }
    };
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let dir = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let (bestand, spans) = parse(&display, &source)?;
    Ok(SourceSessie {
        display,
        dir,
        stem,
        source,
        bestand,
        spans,
    })
}

/// Parses the text of a session file.
pub fn parse(display: &str, source: &str) -> Result<(SessieFile, Spans), Diagnostic> {
    if source.trim().is_empty() {
        return Err(Diagnostic::error(display, None, msg!("session-empty"))
            .with_help(msg!("session-fields-help")));
    }
    if let Some(d) = control_character(display, source) {
        return Err(d);
    }
    let spans = Spans::parse(source);
    if let Some(d) = structure_error(display, source, &spans) {
        return Err(d);
    }
    let deserializer = serde_yaml::Deserializer::from_str(source);
    match serde_path_to_error::deserialize::<_, SessieFile>(deserializer) {
        Ok(bestand) => Ok((bestand, spans)),
        Err(err) => {
            let path = err.path().to_string();
            // serde's own words, whatever language the message is given in.
            let missing = err.inner().to_string().contains("missing field");
            let d = yaml_error(display, &path, &err.into_inner(), source, &spans);
            Err(match missing {
                true => d.with_help(msg!("session-fields-help")),
                false => d,
            })
        }
    }
}

/// Nesting too deep, a YAML syntax error, a second document or a key given twice.
fn structure_error(display: &str, source: &str, spans: &Spans) -> Option<Diagnostic> {
    let (at, message, help) = if let Some(at) = spans.too_deep() {
        (at, msg!("session-too-deep"), msg!("session-too-deep.help"))
    } else if let Some((info, at)) = spans.syntax_error() {
        (
            at,
            msg!("session-yaml-syntax", info = info),
            msg!("session-yaml-syntax.help"),
        )
    } else if let Some(at) = spans.second_document() {
        (
            at,
            msg!("session-second-document"),
            msg!("session-second-document.help"),
        )
    } else {
        let (path, at) = spans.duplicate()?;
        (
            at,
            msg!("session-duplicate-field", path = path),
            msg!("session-duplicate-field.help"),
        )
    };
    Some(
        Diagnostic::error(display, Some(at), message)
            .with_source(source)
            .with_help(help),
    )
}
