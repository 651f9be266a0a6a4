//! Where each field of a YAML file is: a map from a field's path (as `onderdelen[1].toetstermen[0].code`)
//! to the line and column of its value and of its key. Serde gives typed values but no
//! positions; this second, event-level pass over the same text gives validation its locations.
//! Aliases are not expanded, so a hostile file costs no more than its own length.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};

use crate::plan::diagnostic::Location;

/// Locations of the keys and values of one YAML document, by path.
#[derive(Debug, Default, Clone)]
pub struct Spans {
    values: HashMap<String, Location>,
    keys: HashMap<String, Location>,
    scalars: HashMap<String, String>,
}

enum Frame {
    Map {
        key: Option<String>,
        path_len: usize,
    },
    Seq {
        next: usize,
        path_len: usize,
    },
}

impl Spans {
    /// Maps the paths of `source`; a syntax error simply ends the map where it occurs
    /// (serde reports the error itself).
    pub fn parse(source: &str) -> Spans {
        let mut spans = Spans::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut path = String::new();
        let mut parser = Parser::new_from_str(source);
        while let Ok((event, mark)) = parser.next_token() {
            if event == Event::StreamEnd {
                break;
            }
            let here = Location {
                line: mark.line(),
                column: mark.col() + 1,
            };
            match event {
                Event::Scalar(text, ..) => {
                    if let Some(Frame::Map {
                        key: key @ None, ..
                    }) = stack.last_mut()
                    {
                        spans.keys.insert(join(&path, &text), here);
                        *key = Some(text);
                    } else {
                        let at = child(&stack, &path);
                        spans.values.insert(at.clone(), here);
                        spans.scalars.insert(at, text);
                        advance(&mut stack);
                    }
                }
                Event::Alias(_) => {
                    spans.values.insert(child(&stack, &path), here);
                    advance(&mut stack);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let child_path = child(&stack, &path);
                    spans.values.insert(child_path.clone(), here);
                    let path_len = path.len();
                    path = child_path;
                    stack.push(match event {
                        Event::MappingStart(..) => Frame::Map {
                            key: None,
                            path_len,
                        },
                        _ => Frame::Seq { next: 0, path_len },
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    if let Some(Frame::Map { path_len, .. } | Frame::Seq { path_len, .. }) =
                        stack.pop()
                    {
                        path.truncate(path_len);
                    }
                    advance(&mut stack);
                }
                _ => {}
            }
        }
        spans
    }

    /// Where the value at `path` starts.
    pub fn value(&self, path: &str) -> Option<Location> {
        self.values.get(path).copied()
    }

    /// Where the key of the field at `path` is.
    pub fn key(&self, path: &str) -> Option<Location> {
        self.keys.get(path).copied()
    }

    /// The value at `path`, or else the nearest enclosing value that exists (for a missing
    /// field, the mapping that should hold it; for the document itself, its first key).
    pub fn nearest(&self, path: &str) -> Option<Location> {
        let mut p = path;
        loop {
            if let Some(loc) = self.value(p) {
                return Some(loc);
            }
            match p.rfind(['.', '[']) {
                Some(cut) => p = &p[..cut],
                None => return self.keys.values().min().copied(),
            }
        }
    }

    /// The path and location of the first scalar under `prefix` (the whole document when
    /// empty) whose text is `text`: how a message about a value is tied to its field.
    pub fn find_scalar(&self, prefix: &str, text: &str) -> Option<(&str, Location)> {
        let under = |path: &str| {
            prefix.is_empty()
                || path
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with(['.', '[']))
        };
        (self.scalars.iter())
            .filter(|(path, value)| value.as_str() == text && under(path))
            .filter_map(|(path, _)| Some((path.as_str(), self.value(path)?)))
            .min_by_key(|(_, loc)| *loc)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn child(stack: &[Frame], path: &str) -> String {
    match stack.last() {
        Some(Frame::Map { key: Some(key), .. }) => join(path, key),
        Some(Frame::Seq { next, .. }) => format!("{path}[{next}]"),
        _ => path.to_owned(),
    }
}

fn advance(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Map { key, .. }) => *key = None,
        Some(Frame::Seq { next, .. }) => *next += 1,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "code: V1\nonderdelen:\n  - naam: A\n    toetstermen:\n      - code: V1.01\n        niveaus: [PV, K]\n";

    /// Nested values and keys are found by path with 1-based line and column.
    #[test]
    fn maps_nested_paths() {
        let s = Spans::parse(SRC);
        assert_eq!(s.value("code"), Some(Location { line: 1, column: 7 }));
        assert_eq!(s.key("code"), Some(Location { line: 1, column: 1 }));
        assert_eq!(
            s.value("onderdelen[0].toetstermen[0].code"),
            Some(Location {
                line: 5,
                column: 15
            })
        );
        assert_eq!(
            s.value("onderdelen[0].toetstermen[0].niveaus[1]"),
            Some(Location {
                line: 6,
                column: 23
            })
        );
    }

    /// A missing field points at the mapping that should have held it.
    #[test]
    fn nearest_falls_back_to_parent() {
        let s = Spans::parse(SRC);
        assert_eq!(
            s.nearest("onderdelen[0].toetstermen[0].gewijzigd"),
            s.value("onderdelen[0].toetstermen[0]")
        );
        assert_eq!(
            s.nearest("totaal_opdrachten"),
            Some(Location { line: 1, column: 1 })
        );
    }

    /// A value named in a message is found under its parent's path.
    #[test]
    fn finds_scalar_by_text() {
        let s = Spans::parse(SRC);
        assert_eq!(
            s.find_scalar("onderdelen[0].toetstermen[0]", "K"),
            Some((
                "onderdelen[0].toetstermen[0].niveaus[1]",
                Location {
                    line: 6,
                    column: 23
                }
            ))
        );
        assert_eq!(s.find_scalar("onderdelen[1]", "K"), None);
    }
}
