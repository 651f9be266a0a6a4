//! Stage 1: find the toetsplannen on disk and parse each into the typed model, turning every
//! read or parse failure into a diagnostic with file, line and column.

use std::path::{Path, PathBuf};

use anyhow::Result;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Location};
use crate::limits;
use crate::model::Toetsplan;
use crate::place;
use crate::spans::Spans;
use toetsgen_base::fs::{self, ReadError};
use toetsgen_base::lang::io_error;
use toetsgen_base::msg;

mod reader;

pub use reader::{missing_field, yaml_error};
use reader::{raw_message, reader_error};

/// A parsed plan together with where it came from.
#[derive(Debug, Clone)]
pub struct SourcePlan {
    /// The file as shown in messages.
    pub display: String,
    /// The file's text.
    pub source: String,
    /// The typed plan.
    pub plan: Toetsplan,
    /// Locations of its fields, for validation messages.
    pub spans: Spans,
}

/// Lists the `.yaml` and `.yml` files under `dir`, recursively, in a stable order; a link to a
/// file counts as that file. Hidden files and folders (starting with a dot) are skipped, and so is
/// the plan archive (`archief/` directly in `dir`).
pub fn discover(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.is_file() {
        let parent = dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        anyhow::bail!(
            "{}",
            msg!("plan-plans-is-file", path = dir, parent = parent)
        );
    }
    if !dir.is_dir() {
        anyhow::bail!("{}", msg!("plan-plans-missing", path = dir));
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            let archive = e.depth() == 1 && name == crate::archive::FOLDER;
            e.depth() == 0 || !(name.starts_with('.') || archive)
        });
    for entry in walker {
        let entry = entry.map_err(|err| {
            let detail = match (err.path(), err.io_error()) {
                (Some(path), Some(io)) => {
                    msg!(
                        "plan-plans-unreadable-at",
                        path = path,
                        detail = io_error(io)
                    )
                }
                _ => err.to_string(),
            };
            anyhow::anyhow!(
                "{}",
                msg!("plan-plans-unreadable", path = dir, detail = detail)
            )
        })?;
        let is_yaml = entry
            .path()
            .extension()
            .is_some_and(|ext| ext == "yaml" || ext == "yml");
        let is_file =
            entry.file_type().is_file() || (entry.path_is_symlink() && entry.path().is_file());
        if is_file && is_yaml {
            files.push(entry.into_path());
        }
    }
    if files.is_empty() {
        anyhow::bail!("{}", msg!("plan-plans-none", path = dir));
    }
    Ok(files)
}

/// Reads and parses one plan file.
pub fn load(path: &Path) -> Result<SourcePlan, Diagnostic> {
    let display = path.display().to_string();
    let source = match fs::read_text_bounded(path, limits::MAX_FILE_BYTES as u64) {
        Ok(source) => source,
        Err(Ok(err)) => return Err(read_error(&display, err)),
        Err(Err(fs::BoundedReadError::TooLarge(_))) => {
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            return Err(limits::file_too_large(&display, size));
        }
        Err(Err(other)) => {
            let detail = match other {
                fs::BoundedReadError::Io(io) => io_error(&io),
                fs::BoundedReadError::Outside(folder) => {
                    msg!("plan-file-outside", folder = folder)
                }
                _ => msg!("plan-file-not-plain"),
            };
            return Err(Diagnostic::error(
                &display,
                None,
                msg!("plan-file-unreadable", detail = detail),
            )
            .with_help(msg!("plan-file-not-plain.help")));
        }
    };
    parse(&display, source)
}

/// A file that could not be read as text, as a diagnostic: not UTF-8 (with the place of the first
/// bad byte and how to save it right), or not readable at all.
pub fn read_error(display: &str, err: ReadError) -> Diagnostic {
    match err {
        ReadError::NotUtf8 { line, column, .. } => Diagnostic::error(
            display,
            Some(Location { line, column }),
            msg!("plan-file-not-utf8"),
        )
        .with_help(msg!("plan-file-not-utf8.help")),
        ReadError::Io { source, .. } => Diagnostic::error(
            display,
            None,
            msg!("plan-file-unreadable", detail = io_error(&source)),
        ),
    }
}

/// Parses the text of a plan; `display` names it in messages.
pub fn parse(display: &str, source: String) -> Result<SourcePlan, Diagnostic> {
    if is_blank(&source) {
        return Err(Diagnostic::error(display, None, msg!("plan-file-empty"))
            .with_help(msg!("plan-file-empty.help")));
    }
    if source.len() > limits::MAX_FILE_BYTES {
        return Err(limits::file_too_large(display, source.len() as u64));
    }
    if let Some(d) = control_character(display, &source) {
        return Err(d);
    }
    let spans = Spans::parse(&source);
    if let Some(d) = structure_error(display, &source, &spans) {
        return Err(d);
    }
    let deserializer = serde_yaml::Deserializer::from_str(&source);
    match serde_path_to_error::deserialize::<_, Toetsplan>(deserializer) {
        Ok(plan) => Ok(SourcePlan {
            display: display.to_owned(),
            source,
            plan,
            spans,
        }),
        Err(err) => {
            let path = err.path().to_string();
            let err = err.into_inner();
            let d = reader_error(display, &path, &err, &source, &spans, true);
            // A missing field is placed where it belongs: the field of its mapping.
            let raw = raw_message(if path == "." { "" } else { &path }, &err);
            let place_path = match missing_field(&raw) {
                Some(field) if path == "." => field.to_owned(),
                Some(field) => format!("{path}.{field}"),
                None => path,
            };
            Err(d.with_place(place::of(&place_path, &spans)))
        }
    }
}

fn is_blank(source: &str) -> bool {
    source.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// The first control character in the file other than tab and line breaks, as an error.
pub fn control_character(display: &str, source: &str) -> Option<Diagnostic> {
    let (at, ch) = source
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))?;
    let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let location = Location {
        line: source[..at].matches('\n').count() + 1,
        column: source[line_start..at].chars().count() + 1,
    };
    Some(
        Diagnostic::error(
            display,
            Some(location),
            msg!("plan-control-character", character = char_name(ch)),
        )
        .with_source(source)
        .with_help(msg!("plan-control-character.help")),
    )
}

/// "U+001B (escape)": a character named so that a terminal shows it.
pub fn char_name(ch: char) -> String {
    let name = match ch {
        '\0' => Some(msg!("plan-char-nul")),
        '\u{1b}' => Some(msg!("plan-char-escape")),
        '\u{7}' => Some(msg!("plan-char-bell")),
        '\u{8}' => Some(msg!("plan-char-backspace")),
        '\u{b}' => Some(msg!("plan-char-vertical-tab")),
        '\u{c}' => Some(msg!("plan-char-form-feed")),
        '\u{7f}' => Some(msg!("plan-char-delete")),
        _ => None,
    };
    let code = format!("U+{:04X}", u32::from(ch));
    match name {
        Some(name) => format!("{code} ({name})"),
        None => code,
    }
}

/// Nesting deeper than the limit, a YAML syntax error, or a key given twice, found by the span
/// pass.
fn structure_error(display: &str, source: &str, spans: &Spans) -> Option<Diagnostic> {
    if let Some(at) = spans.too_deep() {
        let d = Diagnostic::error(
            display,
            Some(at),
            msg!("plan-too-deep", max = limits::MAX_DEPTH),
        );
        return Some(d.with_source(source).with_help(msg!("plan-too-deep.help")));
    }
    if let Some((info, at)) = spans.syntax_error() {
        let help = if tab_at(source, at) {
            msg!("plan-help-tab")
        } else {
            msg!("plan-help-quoting")
        };
        let d = Diagnostic::error(display, Some(at), msg!("plan-yaml-syntax", detail = info));
        return Some(d.with_source(source).with_help(help));
    }
    if let Some(at) = spans.second_document() {
        let d = Diagnostic::error(display, Some(at), msg!("plan-second-document"));
        return Some(
            d.with_source(source)
                .with_help(msg!("plan-second-document.help")),
        );
    }
    let (path, at) = spans.duplicate()?;
    let field = path.rsplit_once('.').map_or(path, |(_, field)| field);
    Some(
        Diagnostic::error(
            display,
            Some(at),
            msg!("plan-reader-duplicate-field", field = field),
        )
        .with_source(source)
        .with_place(place::of(path, spans))
        .with_help(msg!("plan-reader-duplicate-field.help")),
    )
}

/// Whether the line at `at` is indented with a tab.
pub(super) fn tab_at(source: &str, at: Location) -> bool {
    source
        .split('\n')
        .nth(at.line.saturating_sub(1))
        .is_some_and(|line| line.trim_start_matches(' ').starts_with('\t'))
}
