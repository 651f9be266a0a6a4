//! Stage 1: find the toetsplannen on disk and parse each into the typed model, turning every
//! read or parse failure into a diagnostic with file, line and column.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Location};
use crate::limits;
use crate::model::Toetsplan;
use crate::spans::Spans;
use toetsgen_base::fs::{self, ReadError};

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
        anyhow::bail!(
            "{} is a file, not a folder: name the folder that holds the toetsplannen with --plans (for example `--plans {}`)",
            dir.display(),
            dir.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .display()
        );
    }
    if !dir.is_dir() {
        anyhow::bail!(
            "the plans folder {} does not exist: create it and put the toetsplannen (.yaml) in it, \
             or name another folder with --plans",
            dir.display()
        );
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
        let entry =
            entry.with_context(|| format!("cannot read the plans folder {}", dir.display()))?;
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
        anyhow::bail!(
            "no toetsplannen (*.yaml) found in {}: put the plans there, or name their folder with --plans",
            dir.display()
        );
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
            return Err(Diagnostic::error(
                &display,
                None,
                format!("cannot read the file: {other}"),
            )
            .with_help(
                "a toetsplan is a plain text file (.yaml): remove or rename what is there",
            ));
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
            "the file is not valid UTF-8",
        )
        .with_help("save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)"),
        ReadError::Io { source, .. } => {
            Diagnostic::error(display, None, format!("cannot read the file: {source}"))
        }
    }
}

/// Parses the text of a plan; `display` names it in messages.
pub fn parse(display: &str, source: String) -> Result<SourcePlan, Diagnostic> {
    if is_blank(&source) {
        return Err(Diagnostic::error(display, None, "the file is empty")
            .with_help("a toetsplan needs at least `code`, `naam`, `ingangsdatum` and `onderdelen`; see SPEC.md or toetsplannen/V1-dienstverlening.yaml for an example"));
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
            Err(yaml_error(
                display,
                &path,
                &err.into_inner(),
                &source,
                &spans,
            ))
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
            format!(
                "the file holds the control character {} here, which no document can print",
                char_name(ch)
            ),
        )
        .with_source(source)
        .with_help("remove it (it is invisible in most editors: delete the character at this place and type it again if needed)"),
    )
}

/// "U+001B (escape)": a character named so that a terminal shows it.
pub fn char_name(ch: char) -> String {
    let name = match ch {
        '\0' => " (NUL)",
        '\u{1b}' => " (escape)",
        '\u{7}' => " (bell)",
        '\u{8}' => " (backspace)",
        '\u{b}' => " (vertical tab)",
        '\u{c}' => " (form feed)",
        '\u{7f}' => " (delete)",
        _ => "",
    };
    format!("U+{:04X}{name}", u32::from(ch))
}

/// Nesting deeper than the limit, a YAML syntax error, or a key given twice, found by the span
/// pass.
fn structure_error(display: &str, source: &str, spans: &Spans) -> Option<Diagnostic> {
    if let Some(at) = spans.too_deep() {
        let d = Diagnostic::error(
            display,
            Some(at),
            format!(
                "the plan nests deeper than {} levels here",
                limits::MAX_DEPTH
            ),
        );
        return Some(d.with_source(source).with_help(
            "a toetsplan nests at most six levels (plan → onderdelen → toetstermen → niveaus); check the brackets and the indentation",
        ));
    }
    if let Some((info, at)) = spans.syntax_error() {
        let tab = source
            .split('\n')
            .nth(at.line.saturating_sub(1))
            .is_some_and(|line| line.trim_start_matches(' ').starts_with('\t'));
        let help = if tab {
            "YAML does not allow tabs for indentation: indent with spaces"
        } else {
            "check the indentation and quoting around this place; a text containing `: ` or starting with a special character such as `*`, `&`, `[` or `{` must be quoted"
        };
        let d = Diagnostic::error(
            display,
            Some(at),
            format!("the YAML cannot be read: {info}"),
        );
        return Some(d.with_source(source).with_help(help));
    }
    if let Some(at) = spans.second_document() {
        let d = Diagnostic::error(display, Some(at), "a second YAML document starts here");
        return Some(d.with_source(source).with_help(
            "a file holds one toetsplan: remove the extra `---` line or split the file",
        ));
    }
    let (path, at) = spans.duplicate()?;
    let (parent, field) = path.rsplit_once('.').unwrap_or(("", path));
    let message = if parent.is_empty() {
        format!("duplicate field `{field}`")
    } else {
        format!("{parent}: duplicate field `{field}`")
    };
    Some(
        Diagnostic::error(display, Some(at), message)
            .with_source(source)
            .with_help("a field may appear once: remove one of the two, or merge them"),
    )
}

/// Turns a YAML or serde error into a diagnostic with location and advice. The location is that
/// of the failing value's path (`path`, from serde_path_to_error) in the span map — its key or its
/// value, whichever the YAML reader pointed at — or else where the YAML reader stopped.
pub fn yaml_error(
    display: &str,
    path: &str,
    err: &serde_yaml::Error,
    source: &str,
    spans: &Spans,
) -> Diagnostic {
    let reader = err.location().map(|l| Location {
        line: l.line(),
        column: l.column(),
    });
    let path = if path == "." { "" } else { path };
    let by_path = [spans.key(path), spans.value(path)]
        .into_iter()
        .flatten()
        .find(|loc| Some(*loc) == reader)
        .or_else(|| (!path.is_empty()).then(|| spans.nearest(path)).flatten());
    let location = by_path.or(reader);
    let mut message = strip_positions(&err.to_string());
    if let Some((prefix, rest)) = message.split_once(": ")
        && !prefix.contains(' ')
        && path.starts_with(prefix)
    {
        message = rest.to_owned();
    }
    if !path.is_empty() {
        message = format!("{path}: {message}");
    }
    let tab = location.is_some_and(|l| {
        source
            .lines()
            .nth(l.line.saturating_sub(1))
            .is_some_and(|line| line.trim_start_matches(' ').starts_with('\t'))
    });
    let help = if tab {
        Some("YAML does not allow tabs for indentation: indent with spaces".to_owned())
    } else {
        advice(&message)
    };
    let diagnostic = Diagnostic::error(display, location, message).with_source(source);
    match help {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// Removes the first " at line N column M" (the diagnostic shows that location itself); a
/// second one, where libyaml says where the construct it was reading began, is kept.
fn strip_positions(message: &str) -> String {
    let Some(i) = message.find(" at line ") else {
        return message.to_owned();
    };
    let tail = &message[i + " at line ".len()..];
    let skip = tail
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
        .map_or(tail.len(), |(j, _)| j);
    format!("{}{}", &message[..i], &tail[skip..])
}

fn advice(message: &str) -> Option<String> {
    let help = if message.contains("unknown field") {
        "check the spelling of the field name; the fields allowed here are listed above"
    } else if message.contains("unknown variant") {
        "use one of the values listed above, written exactly so"
    } else if message.contains("missing field") {
        "add the missing field; SPEC.md lists every field of a toetsplan"
    } else if message.contains("repetition limit") || message.contains("recursion limit") {
        "the file expands into too much data (nested anchors and aliases); write the plan out without `&anchor`/`*alias` chains"
    } else if message.contains("expected a sequence") {
        "write a list in square brackets, e.g. `niveaus: [PV]` or `niveaus: [K, B]`"
    } else if message.contains("invalid type") || message.contains("invalid value") {
        "give the value the type named above; quote a text that looks like a number or date"
    } else if [
        "while parsing",
        "while scanning",
        "did not find expected",
        "found ",
    ]
    .iter()
    .any(|s| message.contains(s))
    {
        "check the indentation and quoting around this place; a text containing `: ` or starting with a special character such as `*`, `&`, `[` or `{` must be quoted"
    } else {
        return None;
    };
    Some(help.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Positions are shown by the diagnostic, so they are removed from the message itself.
    #[test]
    fn strips_positions() {
        assert_eq!(
            strip_positions(
                "did not find expected key at line 3 column 5, while parsing a block mapping at line 1 column 1"
            ),
            "did not find expected key, while parsing a block mapping at line 1 column 1"
        );
    }
}
