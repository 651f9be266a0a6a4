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
fn tab_at(source: &str, at: Location) -> bool {
    source
        .split('\n')
        .nth(at.line.saturating_sub(1))
        .is_some_and(|line| line.trim_start_matches(' ').starts_with('\t'))
}

/// Turns a YAML or serde error into a diagnostic with location and advice. The location is that
/// of the failing value's path (`path`, from serde_path_to_error) in the span map — its key or its
/// value, whichever the YAML reader pointed at — or else where the YAML reader stopped. The
/// message starts with the path (`kandidaten[2]: missing field \`naam\``); a plan's errors name
/// their place instead ([`place`]).
pub fn yaml_error(
    display: &str,
    path: &str,
    err: &serde_yaml::Error,
    source: &str,
    spans: &Spans,
) -> Diagnostic {
    reader_error(display, path, err, source, spans, false)
}

/// [`yaml_error`], with the path in front of the message unless `placed`.
fn reader_error(
    display: &str,
    path: &str,
    err: &serde_yaml::Error,
    source: &str,
    spans: &Spans,
    placed: bool,
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
    let raw = raw_message(path, err);
    let help = if location.is_some_and(|at| tab_at(source, at)) {
        Some(msg!("plan-help-tab"))
    } else {
        advice(&raw)
    };
    let mut message = reader_message(&raw);
    if !path.is_empty() && !placed {
        message = format!("{path}: {message}");
    }
    let diagnostic = Diagnostic::error(display, location, message).with_source(source);
    match help {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// What serde or the YAML reader says, without the place it names itself (the diagnostic shows
/// the location, and the path or place).
fn raw_message(path: &str, err: &serde_yaml::Error) -> String {
    let raw = strip_positions(&err.to_string());
    match raw.split_once(": ") {
        Some((prefix, rest)) if !prefix.contains(' ') && path.starts_with(prefix) => {
            rest.to_owned()
        }
        _ => raw,
    }
}

/// The field a "missing field `x`" message names.
pub fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split_once('`').map(|(field, _)| field)
}

/// What serde and the YAML reader say (in English), in the user's language: the messages whose
/// form is known are told from the catalogue with their names filled in; the others (the
/// details of a YAML syntax error) follow a lead sentence of ours.
fn reader_message(raw: &str) -> String {
    let quoted = |text: &str| -> Option<(String, String)> {
        let rest = text.strip_prefix('`')?;
        let (name, after) = rest.split_once('`')?;
        Some((name.to_owned(), after.to_owned()))
    };
    if let Some(field) = missing_field(raw) {
        return msg!("plan-reader-missing-field", field = field);
    }
    if let Some((field, rest)) = raw.strip_prefix("duplicate field ").and_then(quoted)
        && rest.is_empty()
    {
        return msg!("plan-reader-duplicate-field", field = field);
    }
    if let Some((field, after)) = raw.strip_prefix("unknown field ").and_then(quoted)
        && let Some(allowed) = after.strip_prefix(", ").and_then(allowed)
    {
        return msg!(
            "plan-reader-unknown-field",
            field = field,
            allowed = allowed
        );
    }
    if let Some((value, after)) = raw.strip_prefix("unknown variant ").and_then(quoted)
        && let Some(allowed) = after.strip_prefix(", ").and_then(allowed)
    {
        return msg!(
            "plan-reader-unknown-value",
            value = value,
            allowed = allowed
        );
    }
    for (lead, id) in [
        ("invalid type: ", "plan-reader-invalid-type"),
        ("invalid value: ", "plan-reader-invalid-value"),
    ] {
        if let Some(rest) = raw.strip_prefix(lead)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            let (found, expected) = (unexpected(found), expecting(expected));
            return match id {
                "plan-reader-invalid-type" => {
                    msg!(
                        "plan-reader-invalid-type",
                        found = found,
                        expected = expected
                    )
                }
                _ => msg!(
                    "plan-reader-invalid-value",
                    found = found,
                    expected = expected
                ),
            };
        }
    }
    if raw.contains("recursion limit") || raw.contains("repetition limit") {
        return msg!("plan-reader-too-large", detail = raw);
    }
    if is_syntax(raw) {
        return msg!("plan-reader-syntax", detail = raw);
    }
    // A message of ours (a level, a date: already in the user's language), or one of the
    // reader's without a known form.
    raw.to_owned()
}

/// Whether a message of the YAML reader is about its syntax.
fn is_syntax(message: &str) -> bool {
    ["while parsing", "while scanning", "find expected", "found "]
        .iter()
        .any(|s| message.contains(s))
}

/// The names serde allows, from its "expected one of `a`, `b`", "expected `a` or `b`",
/// "expected `a`" or "there are no fields".
fn allowed(text: &str) -> Option<String> {
    if text.starts_with("there are") {
        return Some(msg!("plan-reader-allowed-none"));
    }
    let list = text.strip_prefix("expected ")?;
    if let Some(list) = list.strip_prefix("one of ") {
        return Some(msg!("plan-reader-allowed-list", list = list));
    }
    if let Some((first, second)) = list.split_once(" or ") {
        return Some(msg!(
            "plan-reader-allowed-two",
            first = first,
            second = second
        ));
    }
    Some(msg!("plan-reader-allowed-one", only = list))
}

/// What serde found, as it says it (`string "RV"`, `integer \`-2\``, `sequence`).
fn unexpected(found: &str) -> String {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    match (kind, value) {
        ("string", value) => msg!("plan-kind-string", value = value),
        ("integer", value) => msg!("plan-kind-integer", value = value),
        ("floating", value) => {
            let value = value.strip_prefix("point ").unwrap_or(value);
            msg!("plan-kind-float", value = value)
        }
        ("boolean", value) => msg!("plan-kind-boolean", value = value),
        ("sequence", "") => msg!("plan-kind-sequence"),
        ("map", "") => msg!("plan-kind-map"),
        ("unit", "value") => msg!("plan-kind-unit"),
        _ => found.to_owned(),
    }
}

/// What serde expected, as it says it (`a sequence`, `u32`, `struct Toetsplan`); a kind the plan
/// does not use as serde says it.
fn expecting(expected: &str) -> String {
    match expected {
        "a sequence" => msg!("plan-expect-sequence"),
        "a string" => msg!("plan-expect-string"),
        "a boolean" => msg!("plan-expect-boolean"),
        // The plan's numbers are all u32 (counts, never negative).
        "u32" => msg!("plan-expect-u32"),
        _ => match expected.strip_prefix("struct ") {
            Some(name) => msg!("plan-expect-struct", name = name),
            None => expected.to_owned(),
        },
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

/// How to fix what serde or the YAML reader says (`message`, in its English).
fn advice(message: &str) -> Option<String> {
    Some(if message.contains("unknown field") {
        msg!("plan-reader-unknown-field.help")
    } else if message.contains("unknown variant") {
        msg!("plan-reader-unknown-value.help")
    } else if message.contains("missing field") {
        msg!("plan-reader-missing-field.help")
    } else if message.contains("repetition limit") || message.contains("recursion limit") {
        msg!("plan-reader-too-large.help")
    } else if message.contains("expected a sequence") {
        msg!("plan-help-list")
    } else if message.contains("invalid type") || message.contains("invalid value") {
        msg!("plan-reader-invalid-type.help")
    } else if is_syntax(message) {
        msg!("plan-help-quoting")
    } else {
        return None;
    })
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
