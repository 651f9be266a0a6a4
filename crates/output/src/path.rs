//! Names of files in the output folder. [`RelPath`] is a path that stays inside the folder it is
//! relative to: every write, copy and removal takes one, so no name read from anywhere (a plan, a
//! template, the build record) can reach outside. [`OutputFile`] names a document's file — plan
//! code, document, format and, for a kept earlier version, its date, or the scan layout published
//! beside a form's PDF (`beoordelingsformulier.scan.json`) — and is the only place that turns
//! that into a path or reads it back; [`SitePage`] names the site's pages and the schema
//! file beside them.

use std::fmt;

use chrono::NaiveDate;

use toetsgen_base::msg;
use toetsgen_document::Format;
use toetsgen_plan::limits::valid_plan_code;
use toetsgen_plan::schema;

/// The longest path inside the output folder, in bytes.
const MAX_PATH_BYTES: usize = 1024;

/// The longest name of one file or folder, in bytes (most file systems allow 255).
const MAX_NAME_BYTES: usize = 255;

/// A relative path of plain names joined by `/`: no `..` or `.`, no root, no drive, no
/// backslash, no control character, no name starting with a dot (hidden files are toetsgen's
/// own: the lock, the record, temporary files).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelPath(String);

impl RelPath {
    /// Checks `text` and makes it a path, or says why it cannot be one.
    pub fn new(text: &str) -> Result<RelPath, String> {
        if text.is_empty() || text.len() > MAX_PATH_BYTES {
            return Err(msg!("output-path-length", max = MAX_PATH_BYTES));
        }
        if text.starts_with('/') {
            return Err(msg!("output-path-absolute"));
        }
        for name in text.split('/') {
            check_name(name)?;
        }
        Ok(RelPath(text.to_owned()))
    }

    /// The path as text, with `/` between names.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its names, outermost first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.split('/')
    }

    /// The last name.
    pub fn file_name(&self) -> &str {
        self.0.rsplit('/').next().unwrap_or(&self.0)
    }
}

impl fmt::Display for RelPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn check_name(name: &str) -> Result<(), String> {
    match name {
        "" => Err(msg!("output-path-empty-name")),
        "." | ".." => Err(msg!("output-path-leads-outside", name = name)),
        _ if name.starts_with('.') => Err(msg!("output-path-hidden", name = name)),
        _ if name.len() > MAX_NAME_BYTES => {
            Err(msg!("output-path-name-length", max = MAX_NAME_BYTES))
        }
        _ if name.contains(['\\', ':']) => Err(msg!(
            "output-path-windows",
            name = name.escape_debug().to_string()
        )),
        _ if name.chars().any(char::is_control) => Err(msg!(
            "output-path-control",
            name = name.escape_debug().to_string()
        )),
        _ => Ok(()),
    }
}

/// The file of one document of one plan in one format, current or a kept earlier version.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutputFile {
    plan: String,
    document: String,
    format: Format,
    version: Option<NaiveDate>,
    /// The scan layout beside the document's PDF rather than the document (format PDF: it is
    /// made, kept and removed with the PDF).
    layout: bool,
}

/// The ending of a published scan layout's file name.
const LAYOUT_SUFFIX: &str = ".scan.json";

impl OutputFile {
    /// The current file of a document; the plan code and document name must be valid.
    pub fn new(plan: &str, document: &str, format: Format) -> Result<OutputFile, String> {
        if !valid_plan_code(plan) {
            return Err(msg!(
                "output-path-not-plan-code",
                code = plan.escape_debug().to_string()
            ));
        }
        if !valid_document_name(document) {
            return Err(msg!(
                "output-path-not-document-name",
                name = document.escape_debug().to_string()
            ));
        }
        Ok(OutputFile {
            plan: plan.to_owned(),
            document: document.to_owned(),
            format,
            version: None,
            layout: false,
        })
    }

    /// The scan layout published beside this document's PDF (`<document>.scan.json`).
    pub fn scan_layout(&self) -> OutputFile {
        OutputFile {
            format: Format::Pdf,
            layout: true,
            ..self.clone()
        }
    }

    /// Whether this is the scan layout beside a PDF rather than a document.
    pub fn is_scan_layout(&self) -> bool {
        self.layout
    }

    /// The same document kept as the earlier version `date`.
    pub fn kept(&self, date: NaiveDate) -> OutputFile {
        OutputFile {
            version: Some(date),
            ..self.clone()
        }
    }

    /// The same document as the current version.
    pub fn current(&self) -> OutputFile {
        OutputFile {
            version: None,
            ..self.clone()
        }
    }

    /// The plan code.
    pub fn plan(&self) -> &str {
        &self.plan
    }

    /// The document's name, e.g. `toetsplan`.
    pub fn document(&self) -> &str {
        &self.document
    }

    /// The format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// The date of a kept version; `None` for the current file.
    pub fn version(&self) -> Option<NaiveDate> {
        self.version
    }

    /// `V1/toetsplan.pdf`, or `V1/versies/2021-09-01/toetsplan.pdf` for a kept version.
    pub fn rel(&self) -> RelPath {
        RelPath(self.to_string())
    }

    /// The path relative to the plan's folder, as the plan's pages link it.
    pub fn in_plan_folder(&self) -> String {
        let full = self.to_string();
        full[self.plan.len() + 1..].to_owned()
    }

    /// Reads a path written by [`OutputFile::rel`] back, or says why it is not one.
    pub fn parse(text: &str) -> Result<OutputFile, String> {
        let rel = RelPath::new(text)?;
        let names: Vec<&str> = rel.names().collect();
        let (plan, version, file) = match names[..] {
            [plan, file] => (plan, None, file),
            [plan, "versies", date, file] => (plan, Some(parse_date(date)?), file),
            _ => return Err(msg!("output-path-not-document")),
        };
        let current = match file.strip_suffix(LAYOUT_SUFFIX) {
            Some(stem) => OutputFile::new(plan, stem, Format::Pdf)?.scan_layout(),
            None => {
                let (stem, ext) = file
                    .rsplit_once('.')
                    .ok_or_else(|| msg!("output-path-no-extension", file = file))?;
                let format = Format::from_extension(ext)
                    .ok_or_else(|| msg!("output-path-not-format", ext = ext))?;
                OutputFile::new(plan, stem, format)?
            }
        };
        Ok(match version {
            Some(date) => current.kept(date),
            None => current,
        })
    }
}

impl fmt::Display for OutputFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (plan, doc) = (&self.plan, &self.document);
        let ending = match self.layout {
            true => LAYOUT_SUFFIX.to_owned(),
            false => format!(".{}", self.format.extension()),
        };
        match self.version {
            Some(date) => write!(
                f,
                "{plan}/versies/{}/{doc}{ending}",
                date.format("%Y-%m-%d")
            ),
            None => write!(f, "{plan}/{doc}{ending}"),
        }
    }
}

/// A file of the site that belongs to no one document: the index of all plans, a plan's page,
/// or the JSON Schema of a toetsplan for editors.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SitePage {
    /// `index.html`.
    Index,
    /// `<CODE>/index.html`.
    Plan(String),
    /// `toetsplan.schema.json`.
    Schema,
    /// `wijzigingen.html`: every changed toetsterm across plans, by date.
    Wijzigingen,
    /// `zoekindex.js`: the start page's search over every plan and toetsterm.
    Zoekindex,
}

impl SitePage {
    /// The page's path in the output folder.
    pub fn rel(&self) -> RelPath {
        RelPath(self.to_string())
    }

    /// Reads a path written by [`SitePage::rel`] back, or says why it is not one.
    pub fn parse(text: &str) -> Result<SitePage, String> {
        match text.split('/').collect::<Vec<_>>()[..] {
            ["index.html"] => Ok(SitePage::Index),
            [code, "index.html"] if valid_plan_code(code) => Ok(SitePage::Plan(code.to_owned())),
            [schema::FILE_NAME] => Ok(SitePage::Schema),
            [WIJZIGINGEN] => Ok(SitePage::Wijzigingen),
            [ZOEKINDEX] => Ok(SitePage::Zoekindex),
            _ => Err(msg!(
                "output-path-not-site-page",
                wijzigingen = WIJZIGINGEN,
                zoekindex = ZOEKINDEX,
                schema = schema::FILE_NAME
            )),
        }
    }
}

impl fmt::Display for SitePage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SitePage::Index => f.write_str("index.html"),
            SitePage::Plan(code) => write!(f, "{code}/index.html"),
            SitePage::Schema => f.write_str(schema::FILE_NAME),
            SitePage::Wijzigingen => f.write_str(WIJZIGINGEN),
            SitePage::Zoekindex => f.write_str(ZOEKINDEX),
        }
    }
}

/// The Wijzigingen page's file name.
const WIJZIGINGEN: &str = "wijzigingen.html";

/// The start page's search index, a script beside it.
const ZOEKINDEX: &str = "zoekindex.js";

/// A document name (as the template catalogue demands) other than the plan page's.
fn valid_document_name(name: &str) -> bool {
    toetsgen_document::templates::valid_document_name(name) && name != "index"
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    toetsgen_plan::model::parse_iso_date(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paths that lead outside, are absolute, hidden or carry a drive are refused.
    #[test]
    fn rel_paths_stay_inside() {
        for bad in [
            "../x",
            "a/../../x",
            "/etc/passwd",
            "a//b",
            "a/",
            "C:/x",
            "a\\..\\x",
            ".toetsgen.json",
            "a/./b",
            "a\u{0}b",
            "",
        ] {
            assert!(RelPath::new(bad).is_err(), "{bad:?} must be refused");
        }
        assert_eq!(
            RelPath::new("V1/versies/2021-09-01/a.md")
                .unwrap()
                .file_name(),
            "a.md"
        );
    }

    /// A document's file and its kept version round-trip through their paths.
    #[test]
    fn output_files_round_trip() {
        let f = OutputFile::new("V1", "toetsplan", Format::Pdf).unwrap();
        assert_eq!(f.rel().as_str(), "V1/toetsplan.pdf");
        let date = NaiveDate::from_ymd_opt(2021, 9, 1).unwrap();
        let kept = f.kept(date);
        assert_eq!(kept.rel().as_str(), "V1/versies/2021-09-01/toetsplan.pdf");
        assert_eq!(kept.in_plan_folder(), "versies/2021-09-01/toetsplan.pdf");
        assert_eq!(OutputFile::parse(kept.rel().as_str()), Ok(kept));
        assert_eq!(OutputFile::parse("V1/toetsplan.pdf"), Ok(f.clone()));
        let layout = f.scan_layout().kept(date);
        assert_eq!(
            layout.rel().as_str(),
            "V1/versies/2021-09-01/toetsplan.scan.json"
        );
        assert!(layout.is_scan_layout() && !f.is_scan_layout());
        assert_eq!(OutputFile::parse(layout.rel().as_str()), Ok(layout));
    }

    /// Paths that are not a document's are refused with the reason.
    #[test]
    fn foreign_paths_are_not_output_files() {
        for bad in [
            "V1/../toetsplan.md",
            "../V1/toetsplan.md",
            "V-1/toetsplan.md",
            "V1/toetsplan.exe",
            "V1/versies/2021-02-30/toetsplan.md",
            "V1/a/b.md",
            "V1/index.html",
            "/V1/a.md",
        ] {
            assert!(OutputFile::parse(bad).is_err(), "{bad:?} must be refused");
        }
        assert_eq!(
            SitePage::parse("V1/index.html"),
            Ok(SitePage::Plan("V1".into()))
        );
        assert!(SitePage::parse("../index.html").is_err());
        assert_eq!(
            SitePage::parse("toetsplan.schema.json"),
            Ok(SitePage::Schema)
        );
        assert_eq!(SitePage::Schema.rel().as_str(), "toetsplan.schema.json");
    }
}
