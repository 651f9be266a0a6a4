//! Where each field of a YAML file is: a map from a field's path (as `onderdelen[1].toetstermen[0].code`)
//! to the line and column of its value and of its key. Serde gives typed values but no
//! positions; this second, event-level pass over the same text gives validation its locations.
//! Aliases are not expanded, so a hostile file costs no more than its own length. The same pass
//! finds what serde cannot place well: a key given twice (at the second key) and nesting deeper
//! than [`MAX_DEPTH`].

use std::collections::{HashMap, HashSet};

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;

use crate::diagnostic::Location;
use crate::limits::MAX_DEPTH;

/// Locations of the keys and values of one YAML document, by path.
#[derive(Debug, Default, Clone)]
pub struct Spans {
    values: HashMap<String, Location>,
    keys: HashMap<String, Location>,
    nulls: HashSet<String>,
    /// The texts of the fields that name a thing (`code`, `naam`), for [`place`](crate::place).
    names: HashMap<String, String>,
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
        let mut walk = Walk::default();
        let mut parser = Parser::new_from_str(source);
        loop {
            let (event, mark) = match parser.next_token() {
                Ok(next) => next,
                Err(err) => {
                    let at = Location {
                        line: err.marker().line(),
                        column: err.marker().col() + 1,
                    };
                    walk.spans.syntax = Some((err.info().to_owned(), at));
                    break;
                }
            };
            let here = Location {
                line: mark.line(),
                column: mark.col() + 1,
            };
            if event == Event::StreamEnd || !walk.event(event, here) {
                break;
            }
        }
        walk.spans
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

    /// The text of the `code` or `naam` field at `path` as written, if it is a plain value
    /// (read even when the plan as a whole could not be: a place is named by it).
    pub fn name(&self, path: &str) -> Option<&str> {
        self.names.get(path).map(String::as_str)
    }

    /// Whether the value at `path` is written as null (`~`, `null` or nothing).
    pub fn is_null(&self, path: &str) -> bool {
        self.nulls.contains(path)
    }
}

/// The state of one pass over the events: the map being filled, the open collections and the
/// path of the innermost one.
#[derive(Default)]
struct Walk {
    spans: Spans,
    stack: Vec<Frame>,
    path: String,
}

impl Walk {
    /// Takes one event; `false` when the walk must stop (nesting too deep).
    fn event(&mut self, event: Event, here: Location) -> bool {
        match event {
            Event::DocumentStart => self.spans.documents.push(here),
            Event::Scalar(text, style, ..) => self.scalar(text, style, here),
            Event::Alias(_) => {
                self.spans
                    .values
                    .insert(child(&self.stack, &self.path), here);
                advance(&mut self.stack);
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if self.stack.len() >= MAX_DEPTH {
                    self.spans.too_deep = Some(here);
                    return false;
                }
                self.open(matches!(event, Event::MappingStart(..)), here);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(Frame::Map { path_len, .. } | Frame::Seq { path_len, .. }) =
                    self.stack.pop()
                {
                    self.path.truncate(path_len);
                }
                advance(&mut self.stack);
            }
            _ => {}
        }
        true
    }

    /// A key (noting one given twice) or a scalar value (noting a null).
    fn scalar(&mut self, text: String, style: TScalarStyle, here: Location) {
        if let Some(Frame::Map {
            key: key @ None,
            seen,
            ..
        }) = self.stack.last_mut()
        {
            let at = join(&self.path, &text);
            if !seen.insert(text.clone()) && self.spans.duplicate.is_none() {
                self.spans.duplicate = Some((at.clone(), here));
            }
            self.spans.keys.insert(at, here);
            *key = Some(text);
        } else {
            let at = child(&self.stack, &self.path);
            let null = style == TScalarStyle::Plain
                && matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL");
            if null {
                self.spans.nulls.insert(at.clone());
            } else if at.ends_with(".code") || at.ends_with(".naam") {
                self.spans.names.insert(at.clone(), text);
            }
            self.spans.values.insert(at, here);
            advance(&mut self.stack);
        }
    }

    /// A mapping or a sequence opens at `here`.
    fn open(&mut self, map: bool, here: Location) {
        let child_path = child(&self.stack, &self.path);
        self.spans.values.insert(child_path.clone(), here);
        let path_len = self.path.len();
        self.path = child_path;
        self.stack.push(if map {
            Frame::Map {
                key: None,
                seen: HashSet::new(),
                path_len,
            }
        } else {
            Frame::Seq { next: 0, path_len }
        });
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
