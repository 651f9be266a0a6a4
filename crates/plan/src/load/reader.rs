//! What the YAML reader (libyaml through yaml_serde, and serde) says about a file it cannot read,
//! told as toetsgen tells every problem: at the place in the file, in the user's language (the
//! patterns serde and libyaml use — unknown field, missing field, invalid type, unknown variant —
//! become whole sentences of the catalogue; other details follow a sentence of ours), with advice.

use super::tab_at;
use crate::diagnostic::{Diagnostic, Location};
use crate::spans::Spans;
use toetsgen_base::msg;

/// Turns a YAML or serde error into a diagnostic with location and advice. The location is that
/// of the failing value's path (`path`, from serde_path_to_error) in the span map — its key or its
/// value, whichever the YAML reader pointed at — or else where the YAML reader stopped. The
/// message starts with the path (`kandidaten[2]: missing field \`naam\``); a plan's errors name
/// their place instead ([`crate::place`]).
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
pub(super) fn reader_error(
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
pub(super) fn raw_message(path: &str, err: &serde_yaml::Error) -> String {
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
