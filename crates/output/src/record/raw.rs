//! The record as it is stored: plain strings, checked into the typed record on reading.

use super::*;
use toetsgen_base::msg;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Record {
    pub toetsgen: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typst: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typst_programma: Option<Programma>,
    #[serde(default)]
    pub sjablonen_sha256: String,
    #[serde(default)]
    pub plannen: BTreeMap<String, PlanRecord>,
    #[serde(default)]
    pub site: BTreeSet<String>,
}

/// The typst program: what identifies its file, and its version.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Programma {
    pub pad: String,
    pub grootte: u64,
    pub gewijzigd_s: i64,
    pub gewijzigd_ns: u32,
    pub versie: String,
}

impl Programma {
    /// The program's identity and version, or why this entry is not one.
    pub(super) fn checked(self) -> Result<(ProgramId, String), String> {
        let version_like = self.versie.len() <= 20
            && self.versie.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && parse_version(&self.versie).is_some();
        if !version_like {
            return Err(msg!("output-record-bad-version"));
        }
        let path = std::path::PathBuf::from(&self.pad);
        if !path.is_absolute() || self.gewijzigd_ns >= 1_000_000_000 {
            return Err(msg!("output-record-bad-program"));
        }
        let id = ProgramId {
            path,
            size: self.grootte,
            modified: (self.gewijzigd_s, self.gewijzigd_ns),
        };
        Ok((id, self.versie))
    }
}

impl From<&(ProgramId, String)> for Programma {
    fn from((id, version): &(ProgramId, String)) -> Self {
        Programma {
            pad: id.path.to_string_lossy().into_owned(),
            grootte: id.size,
            gewijzigd_s: id.modified.0,
            gewijzigd_ns: id.modified.1,
            versie: version.clone(),
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlanRecord {
    #[serde(default)]
    pub titel: String,
    pub bron: String,
    pub bron_sha256: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoer_sha256: Option<String>,
    pub versie: String,
    #[serde(default)]
    pub bestanden: BTreeMap<String, FileRecord>,
    #[serde(default)]
    pub eerdere_versies: BTreeMap<String, Vec<String>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::lenient"
    )]
    pub pagina: Option<PageRecord>,
}

impl Record {
    /// The typed record and the entries left out, with the reason for each.
    pub(super) fn checked(self) -> (super::Record, Vec<String>) {
        let mut problems = Vec::new();
        let mut plannen = BTreeMap::new();
        for (code, plan) in self.plannen {
            match plan.checked(&code, &mut problems) {
                Ok(plan) => {
                    plannen.insert(code, plan);
                }
                Err(why) => problems.push(msg!(
                    "output-record-plan",
                    code = code.escape_debug().to_string(),
                    why = why
                )),
            }
        }
        let site = (self.site.into_iter())
            .filter_map(|page| {
                SitePage::parse(&page)
                    .map_err(|why| {
                        problems.push(msg!(
                            "output-record-site-page",
                            page = page.escape_debug().to_string(),
                            why = why
                        ))
                    })
                    .ok()
            })
            .collect();
        let typst_program = (self.typst_programma).and_then(|p| {
            p.checked()
                .map_err(|why| problems.push(msg!("output-record-typst", why = why)))
                .ok()
        });
        let record = super::Record {
            toetsgen: self.toetsgen,
            typst: self.typst,
            typst_program,
            sjablonen_sha256: self.sjablonen_sha256,
            plannen,
            site,
        };
        (record, problems)
    }
}

impl PlanRecord {
    fn checked(self, code: &str, problems: &mut Vec<String>) -> Result<super::PlanRecord, String> {
        if !valid_plan_code(code) {
            return Err(msg!("output-record-not-plan-code"));
        }
        let versie = parse_iso_date(&self.versie)?;
        let mut bestanden = BTreeMap::new();
        for (path, file) in self.bestanden {
            let written = earlier_or_current(code, versie, &path);
            match written.and_then(|f| hash_ok(&file).map(|()| f)) {
                Ok(f) => {
                    bestanden.insert(f, file);
                }
                Err(why) => problems.push(entry(code, &path, &why)),
            }
        }
        let mut eerdere_versies = BTreeMap::new();
        for (date, files) in self.eerdere_versies {
            let Ok(day) = parse_iso_date(&date) else {
                problems.push(entry(code, &date, &msg!("output-record-not-version-date")));
                continue;
            };
            let kept = (files.iter())
                .filter_map(|path| {
                    own_file(code, Some(day), path)
                        .map_err(|why| problems.push(entry(code, path, &why)))
                        .ok()
                })
                .collect();
            eerdere_versies.insert(day, kept);
        }
        Ok(super::PlanRecord {
            titel: self.titel,
            bron: self.bron,
            bron_sha256: self.bron_sha256,
            invoer_sha256: self.invoer_sha256.filter(|h| is_hash(h)),
            versie,
            bestanden,
            eerdere_versies,
            pagina: self
                .pagina
                .filter(|p| is_hash(&p.invoer_sha256) && is_hash(&p.sha256)),
        })
    }
}

/// A file of plan `code` of version `versie` or of an earlier version made from the archive, or
/// why it is not one.
fn earlier_or_current(code: &str, versie: NaiveDate, path: &str) -> Result<OutputFile, String> {
    let file = OutputFile::parse(path)?;
    match file.version() {
        _ if file.plan() != code => Err(msg!("output-record-other-plan")),
        Some(v) if v >= versie => Err(msg!("output-record-not-earlier", version = v.to_string())),
        _ => Ok(file),
    }
}

/// A file of plan `code` (of its kept version `version`), or why it is not one.
fn own_file(code: &str, version: Option<NaiveDate>, path: &str) -> Result<OutputFile, String> {
    let file = OutputFile::parse(path)?;
    if file.plan() != code || file.version() != version {
        return Err(msg!("output-record-not-own"));
    }
    Ok(file)
}

fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn hash_ok(file: &FileRecord) -> Result<(), String> {
    if is_hash(&file.sha256) && file.typst_bron.as_deref().is_none_or(is_hash) {
        Ok(())
    } else {
        Err(msg!("output-record-bad-hash"))
    }
}

fn entry(code: &str, what: &str, why: &str) -> String {
    msg!(
        "output-record-entry",
        code = code,
        entry = what.escape_debug().to_string(),
        why = why
    )
}

/// The typed record as it is stored, the same JSON as [`Record`], serialized a plan at a time:
/// a large record is never copied whole to be saved.
pub(super) struct Saved<'a>(pub &'a super::Record);

impl Serialize for Saved<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let r = self.0;
        let mut out = serializer.serialize_struct("Record", 6)?;
        out.serialize_field("toetsgen", &r.toetsgen)?;
        match &r.typst {
            Some(typst) => out.serialize_field("typst", typst)?,
            None => out.skip_field("typst")?,
        }
        match r.typst_program.as_ref().map(Programma::from) {
            Some(program) => out.serialize_field("typst_programma", &program)?,
            None => out.skip_field("typst_programma")?,
        }
        out.serialize_field("sjablonen_sha256", &r.sjablonen_sha256)?;
        out.serialize_field("plannen", &Plannen(&r.plannen))?;
        let site: BTreeSet<String> = r.site.iter().map(ToString::to_string).collect();
        out.serialize_field("site", &site)?;
        out.end()
    }
}

/// The plans of the record, each turned into its stored form as it is serialized.
struct Plannen<'a>(&'a BTreeMap<String, super::PlanRecord>);

impl Serialize for Plannen<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map((self.0.iter()).map(|(code, p)| (code, PlanRecord::from(p))))
    }
}

impl From<&super::PlanRecord> for PlanRecord {
    fn from(p: &super::PlanRecord) -> Self {
        let iso = |d: &NaiveDate| d.format("%Y-%m-%d").to_string();
        PlanRecord {
            titel: p.titel.clone(),
            bron: p.bron.clone(),
            bron_sha256: p.bron_sha256.clone(),
            invoer_sha256: p.invoer_sha256.clone(),
            versie: iso(&p.versie),
            bestanden: (p.bestanden.iter())
                .map(|(f, rec)| (f.to_string(), rec.clone()))
                .collect(),
            eerdere_versies: (p.eerdere_versies.iter())
                .map(|(d, files)| (iso(d), files.iter().map(ToString::to_string).collect()))
                .collect(),
            pagina: p.pagina.clone(),
        }
    }
}
