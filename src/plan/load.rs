//! Stage 1: find the toetsplannen on disk and parse each into the typed model, turning every
//! read or parse failure into a diagnostic with file, line and column.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use walkdir::WalkDir;

use crate::fs::{self, ReadError};
use crate::plan::diagnostic::{Diagnostic, Location};
use crate::plan::model::Toetsplan;
use crate::plan::spans::Spans;

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

/// Lists the `.yaml` and `.yml` files under `dir`, recursively, in a stable order.
/// Hidden files and folders (starting with a dot) are skipped.
pub fn discover(dir: &Path) -> Result<Vec<PathBuf>> {
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
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry =
            entry.with_context(|| format!("cannot read the plans folder {}", dir.display()))?;
        let is_yaml = entry
            .path()
            .extension()
            .is_some_and(|ext| ext == "yaml" || ext == "yml");
        if entry.file_type().is_file() && is_yaml {
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
    let source = fs::read_text(path).map_err(|err| match err {
        ReadError::NotUtf8 { line, column, .. } => Diagnostic::error(
            &display,
            Some(Location { line, column }),
            "the file is not valid UTF-8",
        )
        .with_help("save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)"),
        ReadError::Io { source, .. } => {
            Diagnostic::error(&display, None, format!("cannot read the file: {source}"))
        }
    })?;
    parse(&display, source).map(|(plan, source, spans)| SourcePlan {
        display,
        source,
        plan,
        spans,
    })
}

/// Parses the text of a plan; `display` names it in messages.
pub fn parse(display: &str, source: String) -> Result<(Toetsplan, String, Spans), Diagnostic> {
    if is_blank(&source) {
        return Err(Diagnostic::error(display, None, "the file is empty")
            .with_help("a toetsplan needs at least `code`, `naam`, `ingangsdatum` and `onderdelen`; see SPEC.md or toetsplannen/V1-dienstverlening.yaml for an example"));
    }
    match serde_yaml::from_str::<Toetsplan>(&source) {
        Ok(plan) => {
            let spans = Spans::parse(&source);
            Ok((plan, source, spans))
        }
        Err(err) => Err(yaml_error(display, &err, &source)),
    }
}

fn is_blank(source: &str) -> bool {
    source.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// Turns a YAML or serde error into a diagnostic with location and advice. A message about a
/// value (a date, a level) is tied to that value's own line and column where it can be found.
fn yaml_error(display: &str, err: &serde_yaml::Error, source: &str) -> Diagnostic {
    let mut location = err.location().map(|l| Location {
        line: l.line(),
        column: l.column(),
    });
    let mut message = strip_positions(&err.to_string());
    if let Some((path, loc, rest)) = locate_value(&message, source) {
        location = Some(loc);
        message = format!("{path}: {rest}");
    } else if let Some(loc) = locate_duplicate(&message, source) {
        location = Some(loc);
    }
    let tab = location.is_some_and(|l| {
        source
            .lines()
            .nth(l.line.saturating_sub(1))
            .is_some_and(|line| line.trim_start_matches(' ').starts_with('\t'))
    });
    let diagnostic = Diagnostic::error(display, location, message.clone());
    let help = if tab {
        Some("YAML does not allow tabs for indentation: indent with spaces".to_owned())
    } else {
        advice(&message)
    };
    match help {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

/// For "[<path>: ]duplicate field `<name>`", the place of the second key (the last one read).
fn locate_duplicate(message: &str, source: &str) -> Option<Location> {
    let (prefix, rest) = match message.split_once(": ") {
        Some((p, r)) if !p.contains(' ') => (p, r),
        _ => ("", message),
    };
    let field = rest.strip_prefix("duplicate field `")?.split('`').next()?;
    let path = if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    };
    Spans::parse(source).key(&path)
}

/// For "<path>: `<value>` is not …" (the messages of `model`'s own checks), finds the field
/// holding `<value>` under `<path>`: its full path, its location, and the message without path.
fn locate_value(message: &str, source: &str) -> Option<(String, Location, String)> {
    let (prefix, rest) = match message.split_once(": ") {
        Some((p, r)) if !p.contains(' ') => (p, r),
        _ => ("", message),
    };
    let value = rest.split('`').nth(1)?;
    let spans = Spans::parse(source);
    let (path, loc) = spans.find_scalar(prefix, value)?;
    Some((path.to_owned(), loc, rest.to_owned()))
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
    } else if message.contains("duplicate field") {
        "a field may appear once: remove one of the two, or merge them"
    } else if message.contains("missing field") {
        "add the missing field; SPEC.md lists every field of a toetsplan"
    } else if message.contains("repetition limit") || message.contains("recursion limit") {
        "the file expands into too much data (nested anchors and aliases); write the plan out without `&anchor`/`*alias` chains"
    } else if message.contains("more than one document") {
        "a file holds one toetsplan: remove the extra `---` line or split the file"
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
