//! What the site knows of every valid plan beyond the build record: for the start page's
//! search, every toetsterm's code and text; for the Wijzigingen page, which lists every changed
//! toetsterm by date across plans, the changed ones. Taken from all valid plans, also those
//! `--since` leaves alone, so the pages are whole whatever was rebuilt.
//!
//! The search index holds every toetsterm of every plan (over 6 MB for 2,000 plans), so each
//! plan's entry is written to a scratch file as the plan is read and copied into `zoekindex.js`
//! at the end: the build's memory does not grow with the toetstermen of all plans.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Serialize, Serializer};
use toetsgen_base::{lang, msg};

use toetsgen_document::Format;
use toetsgen_document::view::DatumView;
use toetsgen_plan::diff::{self, Piece};
use toetsgen_plan::history::History;
use toetsgen_plan::model::{Datum, Toetsplan};

use crate::path::SitePage;
use crate::record::Record;
use crate::stem;

/// Every valid plan as the site sees it, in the order they were read.
#[derive(Debug, Default)]
pub struct Site {
    plans: Vec<SitePlan>,
    /// The plans' search entries, when a search index is wanted.
    search: Option<Search>,
}

/// The search entries of the plans so far, one after another in a scratch file.
#[derive(Debug)]
struct Search {
    /// The folder of the scratch file (`None`: the system's temporary folder).
    folder: Option<PathBuf>,
    /// The scratch file, made for the first plan.
    file: Option<BufWriter<File>>,
    /// Why the entries could not be kept, once they could not.
    failed: Option<String>,
}

/// One plan as the site's search and Wijzigingen page see it.
#[derive(Debug, Serialize)]
pub struct SitePlan {
    /// Plan code.
    pub code: String,
    /// "V1: Dienstverlening".
    pub titel: String,
    /// Its toetstermen changed after its ingangsdatum, in plan order.
    pub gewijzigd: Vec<SiteTerm>,
    /// The length of its entry in the search index's scratch file.
    #[serde(skip)]
    entry_len: usize,
}

/// One toetsterm on the site.
#[derive(Debug, Serialize)]
pub struct SiteTerm {
    /// Its code.
    pub code: String,
    /// Its text, on one line.
    pub tekst: String,
    /// Its last change date, shown in every form of a [`DatumView`].
    #[serde(serialize_with = "as_datum_view")]
    pub gewijzigd: Datum,
    /// Whether it changed after its plan's ingangsdatum: always, for the toetstermen the site
    /// keeps (templates made for earlier versions test it).
    pub gewijzigd_na_ingang: bool,
    /// Its text before the change, when the plan archive holds the version before it.
    pub oud: Option<String>,
    /// The words that stayed, went and came from `oud` to `tekst` (empty without `oud`).
    pub verschil: Vec<Piece>,
    /// Whether it is new: the version before the change did not have it.
    pub nieuw: bool,
    /// Whether the current version left it out (then `tekst` is its last text).
    pub verwijderd: bool,
}

/// A changed toetsterm on the Wijzigingen page.
#[derive(Debug, Serialize)]
pub struct Change<'a> {
    /// The plan it belongs to.
    pub plan: &'a SitePlan,
    /// The toetsterm.
    pub term: &'a SiteTerm,
}

/// A plan's entry in the search index: each field the search looks in, as its text and the
/// stems of its words the page cannot see in that text (`stem::extra_stems`).
#[derive(Serialize)]
struct Entry<'a> {
    code: &'a str,
    titel: &'a str,
    /// The plan's name.
    naam: (&'a str, String),
    /// Its toetsvorm, when it has one.
    toetsvorm: Option<(String, String)>,
    /// Its onderdelen' names, in order.
    onderdelen: Vec<(String, String)>,
    /// Each toetsterm: code, text, stems, the index of its onderdeel.
    termen: Vec<(&'a str, &'a str, String, usize)>,
}

impl Site {
    /// Whether a build of `formats` into a folder with `record` writes the site (its index,
    /// Wijzigingen page and search index): when it makes HTML, or when an earlier build wrote the
    /// site there (which must then follow the plans). The one place this is decided.
    pub fn is_written(formats: &[Format], record: &Record) -> bool {
        formats.contains(&Format::Html) || record.site.contains(&SitePage::Index)
    }

    /// A site this build writes, with a search index whose entries go to a scratch file in
    /// `scratch` (or the system's temporary folder), removed by the system when the build ends
    /// however it ends. [`Site::default`] is a site that is not written (`check`, a build that
    /// makes no HTML into a folder without a site): it keeps no search entries.
    pub fn with_search(scratch: Option<&Path>) -> Site {
        Site {
            plans: Vec::new(),
            search: Some(Search {
                folder: scratch.map(Path::to_owned),
                file: None,
                failed: None,
            }),
        }
    }

    /// Whether this build writes the site ([`Site::with_search`]).
    pub fn written(&self) -> bool {
        self.search.is_some()
    }

    /// Adds a valid plan, with what its changed toetstermen said before (`history`).
    pub fn push(&mut self, plan: &Toetsplan, history: &History) {
        let titel = format!("{}: {}", plan.code, plan.naam.trim());
        let termen: Vec<(String, String, Datum)> = (plan.toetstermen())
            .map(|t| {
                let tekst = t.tekst.split_whitespace().collect::<Vec<_>>().join(" ");
                (t.code.trim().to_owned(), tekst, t.gewijzigd)
            })
            .collect();
        let entry_len = match self.search.as_mut() {
            Some(search) => {
                let stemmer = &stem::dutch();
                let field = |text: &str| {
                    let text = one_line(text);
                    let stems = stem::extra_stems(stemmer, &text);
                    (text, stems)
                };
                let onderdeel_of = (plan.onderdelen.iter().enumerate())
                    .flat_map(|(i, o)| o.toetstermen.iter().map(move |_| i));
                let entry = Entry {
                    code: &plan.code,
                    titel: &titel,
                    naam: (plan.naam.trim(), stem::extra_stems(stemmer, &plan.naam)),
                    toetsvorm: plan.toetsvorm.as_deref().map(field),
                    onderdelen: plan.onderdelen.iter().map(|o| field(&o.naam)).collect(),
                    termen: (termen.iter().zip(onderdeel_of))
                        .map(|((c, t, _), o)| {
                            (c.as_str(), t.as_str(), stem::extra_stems(stemmer, t), o)
                        })
                        .collect(),
                };
                search.add(&entry)
            }
            None => 0,
        };
        let mut gewijzigd: Vec<SiteTerm> = (termen.into_iter())
            .filter(|(_, _, date)| *date > plan.ingangsdatum)
            .map(|(code, tekst, gewijzigd)| {
                let previous = history.previous.get(&code);
                let oud = previous.and_then(|p| p.tekst.as_deref()).map(one_line);
                SiteTerm {
                    verschil: oud
                        .as_deref()
                        .map_or_else(Vec::new, |o| diff::words(o, &tekst)),
                    nieuw: previous.is_some_and(|p| p.tekst.is_none()),
                    verwijderd: false,
                    oud,
                    code,
                    tekst,
                    gewijzigd,
                    gewijzigd_na_ingang: true,
                }
            })
            .collect();
        gewijzigd.extend(history.removed.iter().map(|r| SiteTerm {
            code: r.code.clone(),
            tekst: one_line(&r.tekst),
            gewijzigd: plan.versie(),
            gewijzigd_na_ingang: true,
            oud: None,
            verschil: Vec::new(),
            nieuw: false,
            verwijderd: true,
        }));
        // Collected in place, it would keep the room of every toetsterm.
        gewijzigd.shrink_to_fit();
        self.plans.push(SitePlan {
            code: plan.code.clone(),
            titel,
            gewijzigd,
            entry_len,
        });
    }

    /// Every valid plan, in the order they were read.
    pub fn plans(&self) -> &[SitePlan] {
        &self.plans
    }

    /// Writes the search index of the plans `listed` picks as a script,
    /// `window.toetsgenZoekindex = [...];`, whose JSON is also safe inside a `<script>` element
    /// (`<`, `>` and `&` written as escapes, so no text can close one). Fails when the site
    /// keeps no search entries or they could not be kept.
    pub fn write_search_index(
        &mut self,
        listed: &dyn Fn(&SitePlan) -> bool,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        let Some(search) = self.search.as_mut() else {
            return Err(std::io::Error::other(msg!("output-search-not-kept")));
        };
        let written = search.copy(&self.plans, listed, out);
        if let Err(err) = &written {
            let error = lang::io_error(err);
            search.failed = Some(msg!("output-search-unreadable", error = error));
            search.file = None;
        }
        written
    }
}

impl Search {
    /// Writes a plan's entry to the scratch file; its length (0 once writing failed).
    fn add(&mut self, entry: &Entry<'_>) -> usize {
        if self.failed.is_some() {
            return 0;
        }
        let mut bytes = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, ScriptSafe);
        let written = (entry
            .serialize(&mut serializer)
            .map_err(std::io::Error::other))
        .and_then(|()| self.file())
        .and_then(|file| file.write_all(&bytes));
        match written {
            Ok(()) => bytes.len(),
            Err(err) => {
                let error = lang::io_error(&err);
                self.failed = Some(msg!("output-search-scratch", error = error));
                0
            }
        }
    }

    fn file(&mut self) -> std::io::Result<&mut BufWriter<File>> {
        if self.file.is_none() {
            let file = match &self.folder {
                Some(dir) => tempfile::tempfile_in(dir)?,
                None => tempfile::tempfile()?,
            };
            self.file = Some(BufWriter::new(file));
        }
        Ok(self.file.as_mut().expect("made above"))
    }

    /// Copies the entries of the plans `listed` picks from the scratch file into `out`, as the
    /// search index script; the file is left at its end, ready for more entries.
    fn copy(
        &mut self,
        plans: &[SitePlan],
        listed: &dyn Fn(&SitePlan) -> bool,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        if let Some(why) = &self.failed {
            return Err(std::io::Error::other(why.clone()));
        }
        out.write_all(b"window.toetsgenZoekindex = [")?;
        let mut file = match self.file.take() {
            Some(file) => file.into_inner().map_err(|e| e.into_error())?,
            None if plans.is_empty() => return out.write_all(b"];\n"),
            None => return Err(std::io::Error::other(msg!("output-search-gone"))),
        };
        file.rewind()?;
        let mut entries = BufReader::new(file);
        let (mut first, mut entry) = (true, Vec::new());
        for plan in plans {
            entry.resize(plan.entry_len, 0);
            entries.read_exact(&mut entry)?;
            if listed(plan) {
                if !first {
                    out.write_all(b",")?;
                }
                out.write_all(&entry)?;
                first = false;
            }
        }
        out.write_all(b"];\n")?;
        let mut file = entries.into_inner();
        file.seek(SeekFrom::End(0))?;
        self.file = Some(BufWriter::new(file));
        Ok(())
    }
}

/// A date as templates see it.
fn as_datum_view<S: Serializer>(date: &Datum, serializer: S) -> Result<S::Ok, S::Error> {
    DatumView::new(*date).serialize(serializer)
}

/// Every toetsterm changed after its plan's ingangsdatum, newest first, then by plan and code.
pub fn changes<'a>(plans: &[&'a SitePlan]) -> Vec<Change<'a>> {
    let mut all: Vec<Change<'a>> = (plans.iter().copied())
        .flat_map(|plan| (plan.gewijzigd.iter()).map(move |term| Change { plan, term }))
        .collect();
    all.sort_by(|a, b| {
        (b.term.gewijzigd.cmp(&a.term.gewijzigd))
            .then_with(|| (&a.plan.code, &a.term.code).cmp(&(&b.plan.code, &b.term.code)))
    });
    all
}

/// Compact JSON whose strings hold no `<`, `>` or `&`: each is written as its `\u` escape.
struct ScriptSafe;

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(i) = rest.find(['<', '>', '&']) {
            writer.write_all(&rest.as_bytes()[..i])?;
            writer.write_all(match rest.as_bytes()[i] {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                _ => b"\\u0026",
            })?;
            rest = &rest[i + 1..];
        }
        writer.write_all(rest.as_bytes())
    }
}

/// Whitespace runs become one space: a text on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "code: V1\nnaam: D\ningangsdatum: 2021-09-01\nonderdelen:\n  - naam: O\n    toetstermen:\n      - {code: V1.01, tekst: \"A </script> &\", gewijzigd: 2021-09-01, niveaus: [PV]}\n      - {code: V1.02, tekst: B, gewijzigd: 2025-03-01, niveaus: [PV]}\n";

    /// Only toetstermen changed after the ingangsdatum are changes; the index cannot close its
    /// script element, holds the plans picked, and is the same when written again.
    #[test]
    fn changes_and_a_safe_index() {
        let plan: Toetsplan = serde_yaml::from_str(PLAN).unwrap();
        let mut site = Site::with_search(None);
        site.push(&plan, &History::default());
        {
            let plans: Vec<&SitePlan> = site.plans().iter().collect();
            let changed = changes(&plans);
            assert_eq!(changed.len(), 1);
            assert_eq!(changed[0].term.code, "V1.02");
        }
        let mut index = Vec::new();
        site.write_search_index(&|_| true, &mut index).unwrap();
        let index = String::from_utf8(index).unwrap();
        assert!(
            !index.contains("</script>") && !index.contains('&'),
            "{index}"
        );
        assert_eq!(
            index,
            concat!(
                "window.toetsgenZoekindex = [{\"code\":\"V1\",\"titel\":\"V1: D\",\"naam\":[\"D\",\"\"],",
                "\"toetsvorm\":null,\"onderdelen\":[[\"O\",\"\"]],",
                "\"termen\":[[\"V1.01\",\"A \\u003c/script\\u003e \\u0026\",\"\",0],[\"V1.02\",\"B\",\"\",0]]}];\n"
            )
        );
        let mut again = Vec::new();
        site.write_search_index(&|_| true, &mut again).unwrap();
        assert_eq!(index.as_bytes(), again);
        let mut none = Vec::new();
        site.write_search_index(&|p| p.code != "V1", &mut none)
            .unwrap();
        assert_eq!(none, b"window.toetsgenZoekindex = [];\n");
        // A plan added after the index was written comes after the first.
        let second: Toetsplan = serde_yaml::from_str(&PLAN.replace("V1", "V2")).unwrap();
        site.push(&second, &History::default());
        let mut both = Vec::new();
        site.write_search_index(&|_| true, &mut both).unwrap();
        let both = String::from_utf8(both).unwrap();
        let first_entry = &index["window.toetsgenZoekindex = [".len()..index.len() - 3];
        let start = format!("window.toetsgenZoekindex = [{first_entry},{{");
        assert!(both.starts_with(&start), "{both}");
        assert!(
            both.ends_with("]]}];\n") && both.contains("\"V2: D\""),
            "{both}"
        );
    }

    /// A site that keeps no search entries (as `check` makes it) writes no index; nor does one
    /// whose index failed to be written once.
    #[test]
    fn no_index_without_its_entries() {
        // The messages checked here are the English ones.
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let plan: Toetsplan = serde_yaml::from_str(PLAN).unwrap();
        let mut site = Site::default();
        site.push(&plan, &History::default());
        assert_eq!(site.plans().len(), 1);
        assert!(site.write_search_index(&|_| true, &mut Vec::new()).is_err());
        let mut site = Site::with_search(None);
        site.push(&plan, &History::default());
        let mut full = [0u8; 8];
        assert!(
            site.write_search_index(&|_| true, &mut &mut full[..])
                .is_err()
        );
        let again = site.write_search_index(&|_| true, &mut Vec::new());
        assert!(
            again
                .unwrap_err()
                .to_string()
                .contains("could not be read back")
        );
    }
}
