//! The record of what a build wrote, kept in the output folder as readable JSON
//! (`output/.toetsgen.json`): per plan its source and the source's hash, its version, every file
//! written with the hash of its bytes and its stamp (and, for a PDF, the hash of the Typst source
//! it was made from), its page of the site with what that was made from, the earlier versions
//! kept, and the typst program used (its path, size, modification time and version, so the next
//! build knows the version without running it). The next build uses it to skip what has not
//! changed, without reading files whose stamp is unchanged, and to remove only files it wrote
//! itself.
//!
//! The record is input like a plan: anyone with access to a shared folder can edit it. It is read
//! into typed entries — plan codes, dates, [`OutputFile`]s and [`SitePage`]s — and every entry
//! that is not one is reported and left out, so nothing is removed, moved or copied on its word.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::path::{OutputFile, SitePage};
use toetsgen_base::fs::{self, Stamp};
use toetsgen_base::msg;
use toetsgen_document::pdf::{ProgramId, parse_version};
use toetsgen_plan::limits::valid_plan_code;
use toetsgen_plan::model::parse_iso_date;

/// The record's file name, in the output folder.
pub const FILE_NAME: &str = ".toetsgen.json";

/// What the last build wrote.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Record {
    /// The toetsgen version that wrote the record.
    pub toetsgen: String,
    /// The typst version the PDFs were made with, if any.
    pub typst: Option<String>,
    /// The typst program last run, and the version it reported.
    pub typst_program: Option<(ProgramId, String)>,
    /// Hash of all templates used.
    pub sjablonen_sha256: String,
    /// Per plan code.
    pub plannen: BTreeMap<String, PlanRecord>,
    /// The pages of the site written.
    pub site: BTreeSet<SitePage>,
}

/// What was written for one plan.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PlanRecord {
    /// The plan's title, e.g. "V1: Dienstverlening".
    pub titel: String,
    /// The plan's file, as named on the command line.
    pub bron: String,
    /// Hash of the plan's file.
    pub bron_sha256: String,
    /// Hash of everything the plan's documents were made from (see `build::prepare::input`):
    /// when it is the same and every file is as recorded, the plan is not rendered again.
    pub invoer_sha256: Option<String>,
    /// The plan's version (latest change date) of the current documents.
    pub versie: NaiveDate,
    /// Files written.
    pub bestanden: BTreeMap<OutputFile, FileRecord>,
    /// Earlier versions kept, by version date: the files kept.
    pub eerdere_versies: BTreeMap<NaiveDate, Vec<OutputFile>>,
    /// The plan's page of the site, when written.
    pub pagina: Option<PageRecord>,
}

/// The plan's page of the site as written: what it was made from and the hash of its bytes. A
/// build that finds the plan unchanged and the page as recorded does not render it again.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PageRecord {
    /// Hash of everything the page shows (see `output::site::page_key`).
    pub invoer_sha256: String,
    /// Hash of the page's bytes.
    pub sha256: String,
}

/// One file written.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FileRecord {
    /// Hash of the file's bytes.
    pub sha256: String,
    /// For a PDF: hash of the Typst source, typst version and toetsgen version it was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typst_bron: Option<String>,
    /// The file's stamp when its bytes were last known to have `sha256` (written or hashed by a
    /// build): while the file keeps this stamp, the next build need not read it. A stamp in an
    /// edited record can at most make a build keep a file it would have rewritten. One that is
    /// not a stamp is left out (the file is then read, as without one).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient"
    )]
    pub stempel: Option<Stamp>,
    /// Made from an earlier text of the plan's file than its other files: kept because its
    /// format was not built since (`serve` without --pdf, `build --format md,html`). The plan's
    /// page does not link it; the next build of its format makes it again. An edited value can at
    /// most show or hide a link.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub verouderd: bool,
}

/// A value that is only a shortcut: when it is not what it should be, it is as if absent.
pub(crate) fn lenient<'de, D, T>(deserializer: D) -> std::result::Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}

impl Record {
    /// Reads the record of `output`: an output folder without one has an empty record; a record
    /// that cannot be read at all, and each entry that is not valid, is left out and reported
    /// in the returned list (which entry, and why).
    pub fn load(output: &Path) -> Result<(Record, Vec<String>)> {
        let path = output.join(FILE_NAME);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok((Record::default(), Vec::new()));
        }
        let text = fs::read_text_no_follow(&path)
            .with_context(|| msg!("output-record-unreadable", path = &path))?;
        match serde_json::from_str::<raw::Record>(&text) {
            Ok(raw) => Ok(raw.checked()),
            Err(err) => Ok((
                Record::default(),
                vec![msg!(
                    "output-record-damaged",
                    path = &path,
                    error = err.to_string()
                )],
            )),
        }
    }

    /// Only the typst program the record in `output` names, if it names a valid one: read before
    /// the output folder is opened, so that a missing typst is reported before anything is
    /// written.
    pub fn typst_program(output: &Path) -> Option<(ProgramId, String)> {
        #[derive(Deserialize)]
        struct Only {
            typst_programma: Option<raw::Programma>,
        }
        let text = fs::read_text_no_follow(&output.join(FILE_NAME)).ok()?;
        let only: Only = serde_json::from_str(&text).ok()?;
        only.typst_programma?.checked().ok()
    }

    /// Writes the record into `output`, atomically, through the staging folder `staging` where
    /// there is one; an unchanged record is not rewritten.
    pub fn save(&self, output: &Path, staging: Option<&Path>) -> Result<()> {
        // Written as it is serialized: the record of 2,000 plans is about 8 MB.
        fs::write_atomic_with(&output.join(FILE_NAME), staging, |out| {
            let saved = raw::Saved(self);
            serde_json::to_writer_pretty(&mut *out, &saved).map_err(std::io::Error::other)?;
            out.write_all(b"\n")
        })
        .context(msg!("output-record-cannot-save"))?;

        Ok(())
    }

    /// Whether any plan's record lists `file` as written or kept.
    pub fn lists(&self, file: &OutputFile) -> bool {
        (self.plannen.get(file.plan())).is_some_and(|p| {
            p.bestanden.contains_key(file)
                || (file.version())
                    .and_then(|v| p.eerdere_versies.get(&v))
                    .is_some_and(|kept| kept.contains(file))
        })
    }
}

mod raw;

#[cfg(test)]
mod tests {
    use super::*;
    use toetsgen_document::Format;

    const HASH: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    fn plan_record() -> PlanRecord {
        let file = OutputFile::new("V1", "toetsplan", Format::Md).unwrap();
        let date = NaiveDate::from_ymd_opt(2021, 9, 1).unwrap();
        PlanRecord {
            titel: "V1: D".into(),
            bron: "toetsplannen/v1.yaml".into(),
            bron_sha256: HASH.into(),
            invoer_sha256: Some(HASH.into()),
            versie: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            bestanden: [(
                file.clone(),
                FileRecord {
                    sha256: HASH.into(),
                    typst_bron: None,
                    stempel: None,
                    verouderd: false,
                },
            )]
            .into(),
            eerdere_versies: [(date, vec![file.kept(date)])].into(),
            pagina: Some(PageRecord {
                invoer_sha256: HASH.into(),
                sha256: HASH.into(),
            }),
        }
    }

    /// The record survives a round trip through its file, and a missing file is an empty record.
    #[test]
    fn round_trip_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Record::load(dir.path()).unwrap(),
            (Record::default(), vec![])
        );
        let mut r = Record {
            toetsgen: "0.1.0".into(),
            ..Record::default()
        };
        r.plannen.insert("V1".into(), plan_record());
        r.site.insert(SitePage::Plan("V1".into()));
        r.save(dir.path(), None).unwrap();
        assert_eq!(Record::load(dir.path()).unwrap(), (r, vec![]));
    }

    /// A stamp survives a round trip; a stamp or page entry that is not one is as if absent,
    /// without costing the rest of the record.
    #[test]
    fn a_malformed_stamp_or_page_is_left_out_alone() {
        let dir = tempfile::tempdir().unwrap();
        let mut plan = plan_record();
        for rec in plan.bestanden.values_mut() {
            rec.stempel = Some(Stamp {
                size: 5,
                modified: 1,
                changed: 2,
                inode: 3,
            });
        }
        let mut r = Record {
            toetsgen: "0.1.0".into(),
            ..Record::default()
        };
        r.plannen.insert("V1".into(), plan);
        r.save(dir.path(), None).unwrap();
        assert_eq!(Record::load(dir.path()).unwrap(), (r.clone(), vec![]));
        let path = dir.path().join(FILE_NAME);
        let mut json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let entry = &mut json["plannen"]["V1"];
        entry["bestanden"]["V1/toetsplan.md"]["stempel"] = "gisteren".into();
        entry["pagina"] = 7.into();
        std::fs::write(&path, json.to_string()).unwrap();
        let (loaded, problems) = Record::load(dir.path()).unwrap();
        assert_eq!(problems, Vec::<String>::new());
        let mut expected = r;
        let plan = expected.plannen.get_mut("V1").unwrap();
        plan.pagina = None;
        for rec in plan.bestanden.values_mut() {
            rec.stempel = None;
        }
        assert_eq!(loaded, expected);
    }

    /// A damaged record is ignored, and reported with what that means.
    #[test]
    fn damaged_record_is_ignored_and_explained() {
        // The messages checked here are the English ones.
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "{ nee").unwrap();
        let (record, problems) = Record::load(dir.path()).unwrap();
        assert_eq!(record, Record::default());
        assert!(problems[0].contains("is damaged"), "{problems:?}");
    }

    /// Entries that lead outside the folder or belong elsewhere are left out, each reported.
    #[test]
    fn hostile_entries_are_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let json = format!(
            r#"{{"toetsgen":"0.1.0","plannen":{{
              "V1":{{"bron":"a","bron_sha256":"{HASH}","versie":"2025-03-01",
                "bestanden":{{"../../x":{{"sha256":"{HASH}"}},"/etc/passwd":{{"sha256":"{HASH}"}},
                  "V2/toetsplan.md":{{"sha256":"{HASH}"}},"V1/toetsplan.md":{{"sha256":"{HASH}"}}}},
                "eerdere_versies":{{"2021-09-01":["V1/versies/../../../x","V1/versies/2021-09-01/toetsplan.md"],
                  "../x":["V1/toetsplan.md"]}}}},
              "..":{{"bron":"a","bron_sha256":"{HASH}","versie":"2025-03-01"}},
              "V3":{{"bron":"a","bron_sha256":"{HASH}","versie":"../2025"}}}},
              "site":["index.html","../index.html"]}}"#
        );
        std::fs::write(dir.path().join(FILE_NAME), json).unwrap();
        let (record, problems) = Record::load(dir.path()).unwrap();
        assert_eq!(record.plannen.keys().collect::<Vec<_>>(), ["V1"]);
        let v1 = &record.plannen["V1"];
        assert_eq!(v1.bestanden.len(), 1);
        assert_eq!(v1.eerdere_versies.values().flatten().count(), 1);
        assert_eq!(record.site.len(), 1);
        assert_eq!(problems.len(), 8, "{problems:#?}");
    }
}

#[cfg(test)]
mod typst_program_tests {
    use super::*;
    use std::path::PathBuf;

    /// The typst program survives a round trip; an entry with a relative path or a version
    /// that is no version is left out and reported, and never trusted.
    #[test]
    fn typst_program_is_checked() {
        let dir = tempfile::tempdir().unwrap();
        let id = ProgramId {
            path: PathBuf::from("/usr/bin/typst"),
            size: 42,
            modified: (1_700_000_000, 5),
        };
        let record = Record {
            toetsgen: "0.1.0".into(),
            typst_program: Some((id.clone(), "0.15.1".into())),
            ..Record::default()
        };
        record.save(dir.path(), None).unwrap();
        assert_eq!(Record::load(dir.path()).unwrap(), (record, vec![]));
        assert_eq!(
            Record::typst_program(dir.path()),
            Some((id, "0.15.1".into()))
        );
        for bad in [
            r#"{"pad":"typst","grootte":1,"gewijzigd_s":1,"gewijzigd_ns":1,"versie":"0.15.1"}"#,
            r#"{"pad":"/t","grootte":1,"gewijzigd_s":1,"gewijzigd_ns":1,"versie":"0.15; rm"}"#,
        ] {
            let json = format!(r#"{{"toetsgen":"0.1.0","typst_programma":{bad}}}"#);
            std::fs::write(dir.path().join(FILE_NAME), json).unwrap();
            let (record, problems) = Record::load(dir.path()).unwrap();
            assert_eq!(record.typst_program, None);
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(Record::typst_program(dir.path()), None);
        }
    }
}
