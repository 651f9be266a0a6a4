//! Stage 4: render per format. The templates produce Markdown, HTML and Typst source for each
//! document of a plan; `html` and `typst` hold the escaping and Markdown conversion of their
//! format, `pdf` runs the typst program over the Typst sources.

pub mod html;
pub mod pdf;
pub mod typst;

use std::fmt;
use std::str::FromStr;

use anyhow::{Context as _, Result};

use crate::templates::{RenderedDocument, Templates};
use crate::view::{Context, PlanView};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `.md`
    Md,
    /// `.html`
    Html,
    /// `.pdf`
    Pdf,
}

impl Format {
    /// All formats, in the order they are written.
    pub const ALL: [Format; 3] = [Format::Md, Format::Html, Format::Pdf];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Md),
            "html" => Ok(Format::Html),
            "pdf" => Ok(Format::Pdf),
            other => Err(format!("unknown format `{other}`: use md, html or pdf")),
        }
    }
}

/// Renders every document of one plan (HTML and Typst only when those formats are wanted).
pub fn render_plan(
    templates: &Templates,
    plan: &PlanView,
    formats: &[Format],
) -> Result<Vec<RenderedDocument>> {
    let docs = templates.documents();
    docs.iter()
        .map(|doc| {
            let ctx = Context::new(plan, doc, docs);
            templates
                .render(
                    &ctx,
                    formats.contains(&Format::Html),
                    formats.contains(&Format::Pdf),
                )
                .with_context(|| format!("rendering {} for plan {}", doc.naam, plan.code))
        })
        .collect()
}
