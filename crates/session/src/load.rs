//! Reads a session file into [`SessieFile`] with the field locations of its [`Spans`], every
//! read or parse failure a diagnostic with file, line and column, as for a plan.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::limits::MAX_SESSION_BYTES;
use crate::model::SessieFile;
use toetsgen_base::fs::{self, ReadError};
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
        bail!(
            "the sessions folder {} does not exist: put the session files (.yaml) in it, or name another with --sessies",
            dir.display()
        );
    }
    let mut files = Vec::new();
    for entry in
        std::fs::read_dir(dir).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", dir.display()))?
    {
        let path = entry
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", dir.display()))?
            .path();
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
        bail!("no session files (*.yaml) found in {}", dir.display());
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
                true => d.with_help(
                    "check the file name; `toetsgen packet --all` makes every session under sessies/",
                ),
                false => d,
            });
        }
        Err(Err(fs::BoundedReadError::TooLarge(_))) => {
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            return Err(Diagnostic::error(
                &display,
                None,
                format!("the file is {} KiB, more than a session file may be ({} KiB)", size / 1024, MAX_SESSION_BYTES / 1024),
            )
            .with_help("put many candidates in a spreadsheet export (`kandidaten_bestand`), or split the session"));
        }
        Err(Err(other)) => {
            return Err(Diagnostic::error(
                &display,
                None,
                format!("cannot read the file: {other}"),
            )
            .with_help("a session is a plain text file (.yaml): remove or rename what is there"));
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
        return Err(Diagnostic::error(display, None, "the file is empty").with_help(HELP_FIELDS));
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
            let d = yaml_error(display, &path, &err.into_inner(), source, &spans);
            let missing = d.message.contains("missing field");
            Err(if missing { d.with_help(HELP_FIELDS) } else { d })
        }
    }
}

const HELP_FIELDS: &str = "a session needs `plan`, `datum`, `locatie`, `beoordelaars` and `kandidaten` (or `kandidaten_bestand`); see README, \"Exam sessions and print packets\"";

/// Nesting too deep, a YAML syntax error, a second document or a key given twice.
fn structure_error(display: &str, source: &str, spans: &Spans) -> Option<Diagnostic> {
    let (at, message, help) = if let Some(at) = spans.too_deep() {
        (
            at,
            "the file nests too deeply here".to_owned(),
            "a session nests at most three levels (kandidaten → a candidate → its fields)",
        )
    } else if let Some((info, at)) = spans.syntax_error() {
        (
            at,
            format!("the YAML cannot be read: {info}"),
            "check the indentation and quoting around this place; a text containing `: ` must be quoted",
        )
    } else if let Some(at) = spans.second_document() {
        (
            at,
            "a second YAML document starts here".to_owned(),
            "a file holds one session: remove the extra `---` line or split the file",
        )
    } else {
        let (path, at) = spans.duplicate()?;
        (
            at,
            format!("duplicate field `{path}`"),
            "a field may appear once: remove one of the two",
        )
    };
    Some(
        Diagnostic::error(display, Some(at), message)
            .with_source(source)
            .with_help(help),
    )
}
