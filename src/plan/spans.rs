//! Where each field of a YAML file is: a map from a field's path (as `onderdelen[1].toetstermen[0].code`)
//! to the line and column of its value and of its key. Serde gives typed values but no
//! positions; this second, event-level pass over the same text gives validation its locations.
//! Aliases are not expanded, so a hostile file costs no more than its own length. The same pass
//! finds what serde cannot place well: a key given twice (at the second key) and nesting deeper
//! than [`MAX_DEPTH`].

use std::collections::{HashMap, HashSet};

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

use crate::plan::diagnostic::Location;
use crate::plan::limits::MAX_DEPTH;

/// Locations of the keys and values of one YAML document, by path.
#[derive(Debug, Default, Clone)]
pub struct Spans {
    values: HashMap<String, Location>,
    keys: HashMap<String, Location>,
    nulls: HashSet<String>,
    duplicate: Option<(String, Location)>,
    too_deep: Option<Location>,
    syntax: Option<(String, Location)>,
    documents: Vec<Location>,
}

enum Frame {
    Map {
        key: Option<String>,
        seen: HashSet<String>,
        path_len: usize,
    },
    Seq {
        next: usize,
        path_len: usize,
    },
}

impl Spans {
    /// Maps the paths of `source`; a syntax error ends the map where it occurs and is kept.
    pub fn parse(source: &str) -> Spans {
        let mut spans = Spans::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut path = String::new();
        let mut parser = Parser::new_from_str(source);
        loop {
            let (event, mark) = match parser.next_token() {
                Ok(next) => next,
                Err(err) => {
                    let at = Location {
                        line: err.marker().line(),
                        column: err.marker().col() + 1,
                    };
                    spans.syntax = Some((err.info().to_owned(), at));
                    break;
                }
            };
            if event == Event::StreamEnd {
                break;
            }
            let here = Location {
                line: mark.line(),
                column: mark.col() + 1,
            };
            match event {
                Event::DocumentStart => spans.documents.push(here),
                Event::Scalar(text, style, ..) => {
                    if let Some(Frame::Map {
                        key: key @ None,
                        seen,
                        ..
                    }) = stack.last_mut()
                    {
                        let at = join(&path, &text);
                        if !seen.insert(text.clone()) && spans.duplicate.is_none() {
                            spans.duplicate = Some((at.clone(), here));
                        }
                        spans.keys.insert(at, here);
                        *key = Some(text);
                    } else {
                        let at = child(&stack, &path);
                        let null = style == TScalarStyle::Plain
                            && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL");
                        if null {
                            spans.nulls.insert(at.clone());
                        }
                        spans.values.insert(at, here);
                        advance(&mut stack);
                    }
                }
                Event::Alias(_) => {
                    spans.values.insert(child(&stack, &path), here);
                    advance(&mut stack);
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    if stack.len() >= MAX_DEPTH {
                        spans.too_deep = Some(here);
                        break;
                    }
                    let child_path = child(&stack, &path);
                    spans.values.insert(child_path.clone(), here);
                    let path_len = path.len();
                    path = child_path;
                    stack.push(match event {
                        Event::MappingStart(..) => Frame::Map {
                            key: None,
                            seen: HashSet::new(),
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

    /// The first key given twice in one mapping: its path and the place of the second one.
    pub fn duplicate(&self) -> Option<(&str, Location)> {
        (self.duplicate.as_ref()).map(|(path, loc)| (path.as_str(), *loc))
    }

    /// The YAML syntax error that ended the map, if any: what the reader says, and where.
    pub fn syntax_error(&self) -> Option<(&str, Location)> {
        (self.syntax.as_ref()).map(|(info, loc)| (info.as_str(), *loc))
    }

    /// Where a second YAML document starts in the file, if one does.
    pub fn second_document(&self) -> Option<Location> {
        self.documents.get(1).copied()
    }

    /// Where the nesting first goes deeper than [`MAX_DEPTH`], if it does.
    pub fn too_deep(&self) -> Option<Location> {
        self.too_deep
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

    /// Whether the value at `path` is written as null (`~`, `null` or nothing).
    pub fn is_null(&self, path: &str) -> bool {
        self.nulls.contains(path)
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

    /// Keys given twice and null values are found; nothing deeper than the limit is mapped.
    #[test]
    fn finds_duplicates_nulls_and_depth() {
        let s = Spans::parse("code: V1\nnaam: ~\ncode: V2\n");
        assert_eq!(
            s.duplicate(),
            Some(("code", Location { line: 3, column: 1 }))
        );
        assert!(s.is_null("naam"));
        assert!(!s.is_null("code"));
        let deep = format!("a: {}{}", "[".repeat(100), "]".repeat(100));
        assert!(Spans::parse(&deep).too_deep().is_some());
        assert!(Spans::parse(SRC).too_deep().is_none());
    }
}
