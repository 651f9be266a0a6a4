//! A stack of scanned pages put together into documents: each page read is filed under the
//! document its code names (a packet's document of one candidate and assessor), in page order.
//! Nothing is lost or misassigned silently: a page that gives no reading, a page scanned twice,
//! and a page missing from a document whose other pages are there are each a [`StackProblem`]
//! naming the file and page; a blank page (a packet's filler) is counted, not reported. A page
//! scanned twice is read twice: where the two readings of a field differ, the field is doubtful.
//!
//! A blank form printed from the site carries no candidate in its code, so pages of two such
//! forms cannot be told apart by their codes: they are grouped by their order in the scans. Its
//! pages 1 to y, one right after the other in the stack (the next page of the same file, or the
//! first page of the next file: a scanner that writes a file per page), make one form
//! ([`StackDocument::blanco`]); any other page of a blank form, and a form broken off by another
//! page, is reported ([`StackProblem::OutOfOrder`]).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::page::{Crop, PageProblem, PageReading};
use crate::values::{FieldReading, Reading};

/// Where a page of the stack is: its file and its page in that file (from 1).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    /// The scan file.
    pub file: PathBuf,
    /// The page in the file, from 1 (1 for an image file).
    pub page: usize,
}

/// A page of the stack and what reading it gave.
#[derive(Debug)]
pub struct StackPage {
    /// Where it is.
    pub origin: Origin,
    /// Its reading, or why there is none.
    pub reading: Result<PageReading, PageProblem>,
}

/// A document put together from the stack.
#[derive(Debug)]
pub struct StackDocument {
    /// The index of its packet's layout among those given.
    pub sidecar: usize,
    /// The index of the document in that layout.
    pub document: usize,
    /// Its pages found (page number within the document → where it was scanned), each once.
    pub pages: BTreeMap<u32, Origin>,
    /// How many pages it has.
    pub paginas: u32,
    /// Every field of its pages, as read; a field read differently on two scans of a page is
    /// doubtful.
    pub velden: Vec<FieldReading>,
    /// The boxes of its doubtful fields cut out of the scans, for a person to judge.
    pub crops: Vec<Crop>,
    /// A blank form from the site (no candidate in its code), put together by the order of its
    /// pages in one scan file.
    pub blanco: bool,
}

impl StackDocument {
    /// The document a page's reading names, with none of its pages yet; `blanco` for a blank
    /// form from the site.
    fn of(reading: &PageReading, blanco: bool) -> StackDocument {
        StackDocument {
            sidecar: reading.sidecar,
            document: reading.document,
            pages: BTreeMap::new(),
            paginas: reading.code.paginas,
            velden: Vec::new(),
            crops: Vec::new(),
            blanco,
        }
    }

    /// Whether every page of the document is in the stack.
    pub fn complete(&self) -> bool {
        (1..=self.paginas).all(|p| self.pages.contains_key(&p))
    }
}

/// What is wrong with the stack, page by page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StackProblem {
    /// A page that gives no reading (not a toetsgen page, unknown, marks not found …).
    Unread {
        /// Where it is.
        origin: Origin,
        /// Why.
        problem: PageProblem,
    },
    /// A page scanned again: the first scan of it is `first`.
    Twice {
        /// Where the second scan is.
        origin: Origin,
        /// Where the first is.
        first: Origin,
        /// Whether the two readings differ somewhere (those fields are doubtful).
        differ: bool,
    },
    /// A page of a document not in the stack, while other pages of it are.
    Missing {
        /// The index of the packet's layout.
        sidecar: usize,
        /// The index of the document in it.
        document: usize,
        /// The missing page, from 1.
        pagina: u32,
    },
    /// A page of a blank form (no candidate in its code) that is not part of its pages 1 to y
    /// one after the other in one scan file: it cannot be told which form it belongs to.
    OutOfOrder {
        /// Where it is.
        origin: Origin,
        /// Its page, from 1.
        pagina: u32,
        /// Its form's number of pages.
        paginas: u32,
    },
}

/// The stack put together: its documents in the order of their layouts, its problems in the order
/// of the stack, and how many blank pages it had.
#[derive(Debug, Default)]
pub struct Stack {
    /// The documents with at least one page in the stack.
    pub documents: Vec<StackDocument>,
    /// What is wrong.
    pub problems: Vec<StackProblem>,
    /// Blank pages (a packet's filler pages), skipped.
    pub blank: usize,
}

/// Puts `pages` together into documents.
pub fn assemble(pages: Vec<StackPage>) -> Stack {
    let mut stack = Stack::default();
    let mut docs: BTreeMap<(usize, usize), StackDocument> = BTreeMap::new();
    let (mut run, mut blanks) = (None, Vec::new());
    let mut prev: Option<Origin> = None;
    for page in pages {
        let before = prev.replace(page.origin.clone());
        match page.reading {
            Err(problem) if problem.is_blank() => stack.blank += 1,
            Err(problem) => stack.problems.push(StackProblem::Unread {
                origin: page.origin,
                problem,
            }),
            Ok(reading) if reading.code.is_blank_form() => {
                let at = (page.origin, before);
                let done = blank(&mut run, &mut stack.problems, at, reading);
                blanks.extend(done);
            }
            Ok(reading) => file(&mut docs, &mut stack.problems, page.origin, reading),
        }
    }
    if let Some(open) = run {
        broken(open, &mut stack.problems);
    }
    for doc in docs.values() {
        for pagina in (1..=doc.paginas).filter(|p| !doc.pages.contains_key(p)) {
            stack.problems.push(StackProblem::Missing {
                sidecar: doc.sidecar,
                document: doc.document,
                pagina,
            });
        }
    }
    stack.documents = docs.into_values().chain(blanks).collect();
    stack
}

/// Adds a page of a blank form (at `origin`, the stack's page `before` it) to the form whose
/// pages run on right before it, or starts one with its page 1; returns the form when this page
/// completes it. A page that runs on from nothing is reported, as are the pages of a form it
/// breaks off.
fn blank(
    run: &mut Option<StackDocument>,
    problems: &mut Vec<StackProblem>,
    (origin, before): (Origin, Option<Origin>),
    reading: PageReading,
) -> Option<StackDocument> {
    let follows = run.as_ref().is_some_and(|d| {
        let last = d.pages.values().next_back();
        let next = |l: &Origin| match l.file == origin.file {
            true => l.page + 1 == origin.page,
            false => origin.page == 1,
        };
        d.sidecar == reading.sidecar
            && d.document == reading.document
            && reading.code.pagina as usize == d.pages.len() + 1
            && last.is_some_and(|l| before.as_ref() == Some(l) && next(l))
    });
    if !follows {
        if let Some(open) = run.take() {
            broken(open, problems);
        }
        if reading.code.pagina != 1 {
            problems.push(StackProblem::OutOfOrder {
                origin,
                pagina: reading.code.pagina,
                paginas: reading.code.paginas,
            });
            return None;
        }
    }
    let doc = run.get_or_insert_with(|| StackDocument::of(&reading, true));
    doc.pages.insert(reading.code.pagina, origin);
    doc.velden.extend(reading.velden);
    doc.crops.extend(reading.crops);
    match doc.complete() {
        true => run.take(),
        false => None,
    }
}

/// Reports every page of a blank form broken off before its last page.
fn broken(doc: StackDocument, problems: &mut Vec<StackProblem>) {
    for (pagina, origin) in doc.pages {
        problems.push(StackProblem::OutOfOrder {
            origin,
            pagina,
            paginas: doc.paginas,
        });
    }
}

/// Files one page's reading under its document.
fn file(
    docs: &mut BTreeMap<(usize, usize), StackDocument>,
    problems: &mut Vec<StackProblem>,
    origin: Origin,
    reading: PageReading,
) {
    let doc = (docs.entry((reading.sidecar, reading.document)))
        .or_insert_with(|| StackDocument::of(&reading, false));
    if let Some(first) = doc.pages.get(&reading.code.pagina) {
        let differ = merge_again(&mut doc.velden, reading.velden);
        problems.push(StackProblem::Twice {
            origin,
            first: first.clone(),
            differ,
        });
        return;
    }
    doc.pages.insert(reading.code.pagina, origin);
    doc.velden.extend(reading.velden);
    doc.crops.extend(reading.crops);
}

/// Merges a second reading of a page into the fields read: a field read differently becomes
/// doubtful. Returns whether any did.
fn merge_again(velden: &mut [FieldReading], again: Vec<FieldReading>) -> bool {
    let mut differ = false;
    for new in again {
        let Some(old) = velden.iter_mut().find(|f| f.veld == new.veld) else {
            continue;
        };
        if old.waarde != new.waarde {
            differ = true;
            old.waarde = Reading::Doubtful;
            old.zekerheid = 0.0;
        } else {
            old.zekerheid = old.zekerheid.min(new.zekerheid);
        }
    }
    differ
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::Homography;
    use chrono::NaiveDate;
    use toetsgen_document::packet::scan::code::PageCode;

    fn reading(document: usize, pagina: u32, paginas: u32, tick: bool) -> PageReading {
        let mut r = blank_reading(document, pagina, paginas, tick);
        r.code.sessie = Some("5F0C2A".to_owned());
        r.code.kandidaat = Some(format!("{document}"));
        r
    }

    fn blank_reading(document: usize, pagina: u32, paginas: u32, tick: bool) -> PageReading {
        PageReading {
            code: PageCode {
                plan: "V1".to_owned(),
                versie: NaiveDate::from_ymd_opt(2021, 9, 1).unwrap(),
                document: "BF".to_owned(),
                pagina,
                paginas,
                sessie: None,
                kandidaat: None,
                beoordelaar: None,
                opmaak: "X".to_owned(),
            },
            sidecar: 0,
            document,
            transform: Homography::IDENTITY,
            vakjes: Vec::new(),
            velden: vec![FieldReading {
                veld: format!("t.{pagina}.w1"),
                waarde: Reading::Tick(tick),
                zekerheid: 0.9,
            }],
            crops: Vec::new(),
        }
    }

    fn page(n: usize, reading: Result<PageReading, PageProblem>) -> StackPage {
        StackPage {
            origin: Origin {
                file: PathBuf::from("stapel.pdf"),
                page: n,
            },
            reading,
        }
    }

    /// Pages in any order make their documents; a blank page is counted; a foreign page, a
    /// missing page and a page scanned twice are reported with their places; two scans that
    /// disagree make the field doubtful.
    #[test]
    fn a_shuffled_stack_with_every_kind_of_problem() {
        let stack = assemble(vec![
            page(1, Ok(reading(5, 2, 2, true))),
            page(2, Err(PageProblem::Blank)),
            page(3, Ok(reading(5, 1, 2, false))),
            page(4, Err(PageProblem::NotOurs)),
            page(5, Ok(reading(7, 1, 3, true))),
            page(6, Ok(reading(7, 1, 3, false))),
            page(7, Ok(reading(7, 3, 3, true))),
        ]);
        assert_eq!(stack.blank, 1);
        assert_eq!(stack.documents.len(), 2);
        let five = &stack.documents[0];
        assert!(five.complete());
        assert_eq!(five.pages[&1].page, 3);
        let seven = &stack.documents[1];
        assert!(!seven.complete());
        assert_eq!(seven.velden[0].waarde, Reading::Doubtful);
        let at = |n| Origin {
            file: PathBuf::from("stapel.pdf"),
            page: n,
        };
        assert_eq!(
            stack.problems,
            vec![
                StackProblem::Unread {
                    origin: at(4),
                    problem: PageProblem::NotOurs
                },
                StackProblem::Twice {
                    origin: at(6),
                    first: at(5),
                    differ: true
                },
                StackProblem::Missing {
                    sidecar: 0,
                    document: 7,
                    pagina: 2
                },
            ]
        );
    }

    /// Blank forms are told apart by the order of their pages: two forms one after the other in
    /// a file make two forms, as do two image files of one page each given in order; a page out
    /// of its place and a form broken off by another page are reported page by page, never
    /// guessed.
    #[test]
    fn blank_forms_go_by_the_order_of_their_pages() {
        let in_file = |file: &str, n: usize, r: PageReading| StackPage {
            origin: Origin {
                file: PathBuf::from(file),
                page: n,
            },
            reading: Ok(r),
        };
        let stack = assemble(vec![
            in_file("a.pdf", 1, blank_reading(0, 1, 2, true)),
            in_file("a.pdf", 2, blank_reading(0, 2, 2, true)),
            in_file("a.pdf", 3, blank_reading(0, 1, 2, false)),
            in_file("a.pdf", 4, blank_reading(0, 2, 2, false)),
            in_file("a.pdf", 5, blank_reading(0, 2, 2, true)),
            in_file("a.pdf", 6, blank_reading(0, 1, 2, true)),
            page(7, Err(PageProblem::Blank)),
            in_file("b.pdf", 1, blank_reading(0, 2, 2, true)),
            in_file("c.pdf", 1, blank_reading(0, 1, 2, true)),
            in_file("d.pdf", 1, blank_reading(0, 2, 2, true)),
        ]);
        let blanks: Vec<&StackDocument> = stack.documents.iter().filter(|d| d.blanco).collect();
        assert_eq!(blanks.len(), 3, "two in a.pdf, one of c.pdf and d.pdf");
        assert_eq!(blanks[2].pages[&2].file, PathBuf::from("d.pdf"));
        assert_eq!(blanks[0].pages[&1].page, 1);
        assert_eq!(blanks[1].pages[&1].page, 3);
        assert_eq!(blanks[1].velden[0].waarde, Reading::Tick(false));
        let at = |file: &str, n| Origin {
            file: PathBuf::from(file),
            page: n,
        };
        let out = |o, pagina| StackProblem::OutOfOrder {
            origin: o,
            pagina,
            paginas: 2,
        };
        assert_eq!(
            stack.problems,
            vec![
                out(at("a.pdf", 5), 2),
                out(at("a.pdf", 6), 1),
                out(at("b.pdf", 1), 2),
            ]
        );
    }
}
