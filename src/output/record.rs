//! The record of what a build wrote, kept in the output folder as readable JSON
//! (`output/.toetsgen.json`): per plan its source and the source's hash, its version, every file
//! written with the hash of its bytes (and, for a PDF, the hash of the Typst source it was made
//! from), and the earlier versions kept. The next build uses it to skip what has not changed and to
//! remove only files it wrote itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::fs;

/// The record's file name, in the output folder.
pub const FILE_NAME: &str = ".toetsgen.json";

/// What the last build wrote.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The toetsgen version that wrote the record.
    pub toetsgen: String,
    /// The typst version the PDFs were made with, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typst: Option<String>,
    /// Hash of all templates used.
    #[serde(default)]
    pub sjablonen_sha256: String,
    /// Per plan code.
    #[serde(default)]
    pub plannen: BTreeMap<String, PlanRecord>,
    /// The pages of the site written (the index and each plan's page), relative to the output
    /// folder.
    #[serde(default)]
    pub site: BTreeSet<String>,
}

/// What was written for one plan.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PlanRecord {
    /// The plan's title, e.g. "V1: Dienstverlening".
    #[serde(default)]
    pub titel: String,
    /// The plan's file, as named on the command line.
    pub bron: String,
    /// Hash of the plan's file.
    pub bron_sha256: String,
    /// The plan's version (latest change date) of the current documents, `YYYY-MM-DD`.
    pub versie: String,
    /// Files written, by path relative to the output folder.
    #[serde(default)]
    pub bestanden: BTreeMap<String, FileRecord>,
    /// Earlier versions kept, by version date: the files kept, relative to the output folder.
    #[serde(default)]
    pub eerdere_versies: BTreeMap<String, Vec<String>>,
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
}

impl Manifest {
    /// Reads the record of `output`; an output folder without one has an empty record.
    pub fn load(output: &Path) -> Result<Manifest> {
        let path = output.join(FILE_NAME);
        if !path.exists() {
            return Ok(Manifest::default());
        }
        let text = fs::read_text(&path)?;
        serde_json::from_str(&text).with_context(|| {
            format!(
                "the build record {} is damaged: remove it, and the next build rewrites every document",
                path.display()
            )
        })
    }

    /// Writes the record into `output`, atomically; an unchanged record is not rewritten.
    pub fn save(&self, output: &Path) -> Result<()> {
        let mut json =
            serde_json::to_string_pretty(self).context("cannot serialize the build record")?;
        json.push('\n');
        let path = output.join(FILE_NAME);
        if std::fs::read(&path).is_ok_and(|old| old == json.as_bytes()) {
            return Ok(());
        }
        fs::write_atomic(&path, json.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The record survives a round trip through its file, and a missing file is an empty record.
    #[test]
    fn round_trip_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::load(dir.path()).unwrap(), Manifest::default());
        let mut m = Manifest {
            toetsgen: "0.1.0".into(),
            ..Manifest::default()
        };
        m.plannen.insert(
            "V1".into(),
            PlanRecord {
                versie: "2021-09-01".into(),
                ..PlanRecord::default()
            },
        );
        m.save(dir.path()).unwrap();
        assert_eq!(Manifest::load(dir.path()).unwrap(), m);
    }

    /// A damaged record is reported with what to do about it.
    #[test]
    fn damaged_record_is_explained() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "{ nee").unwrap();
        let err = format!("{:#}", Manifest::load(dir.path()).unwrap_err());
        assert!(err.contains("is damaged: remove it"), "{err}");
    }
}
