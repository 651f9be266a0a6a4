//! What an output format is: its file extension, the suffix of its templates, how a plan's text is
//! escaped and laid out in it, how Markdown becomes it, and whether typst must make it. Renderers,
//! filters and template lookup all ask this one type.

use std::fmt;
use std::str::FromStr;

use crate::links::{is_safe_url, retarget_markdown_link};
use crate::text::Style;
use crate::{html, markdown, typst};
use toetsgen_base::msg;

/// An output format. A PDF's templates are written in Typst: its source format is Typst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `.md`, from `<document>.md.tera`.
    Md,
    /// `.html`, from `<document>.html.tera`.
    Html,
    /// `.pdf`, from the Typst source of `<document>.typ.tera`.
    Pdf,
}

impl Format {
    /// All formats, in the order they are written.
    pub const ALL: [Format; 3] = [Format::Md, Format::Html, Format::Pdf];

    /// The file extension of the output.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }

    /// The format with this file extension.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.extension() == ext)
    }

    /// The ending of this format's template names.
    pub fn template_suffix(self) -> &'static str {
        match self {
            Format::Md => ".md.tera",
            Format::Html => ".html.tera",
            Format::Pdf => ".typ.tera",
        }
    }

    /// The format whose templates end in `name`'s suffix.
    pub fn of_template(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| name.ends_with(f.template_suffix()))
    }

    /// How a value is escaped in the template's source (autoescaping).
    pub fn escape(self) -> fn(&str) -> String {
        self.style().escape
    }

    /// How a plan's text is laid out: escaping, line and paragraph breaks.
    pub fn style(self) -> Style {
        match self {
            Format::Md => markdown::TEXT,
            Format::Html => html::TEXT,
            Format::Pdf => typst::TEXT,
        }
    }

    /// How the rendered Markdown of a document without its own template in this format becomes
    /// this format's source; `None` for Markdown itself.
    pub fn from_markdown(self) -> Option<fn(&str) -> String> {
        match self {
            Format::Md => None,
            Format::Html => Some(html::from_markdown),
            Format::Pdf => Some(typst::from_markdown),
        }
    }

    /// Where a link in a document may point: only the web, e-mail, the document itself or
    /// another file of the output folder (see [`links`](crate::links)); links to a Markdown
    /// document are pointed at the same document in this format.
    pub fn link(self, url: &str) -> Option<String> {
        is_safe_url(url).then(|| match self {
            Format::Md => url.to_owned(),
            other => retarget_markdown_link(url, other.extension()),
        })
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
            other => Err(msg!("document-unknown-format", format = other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each format's names agree: extension, template suffix and parsing.
    #[test]
    fn names_agree() {
        for f in Format::ALL {
            assert_eq!(Format::from_extension(f.extension()), Some(f));
            assert_eq!(
                Format::of_template(&format!("a{}", f.template_suffix())),
                Some(f)
            );
            assert_eq!(f.extension().parse::<Format>(), Ok(f));
        }
        assert_eq!(Format::of_template("a.txt.tera"), None);
    }

    /// Unsafe links are dropped; Markdown links are retargeted for HTML and PDF only.
    #[test]
    fn link_policy() {
        assert_eq!(Format::Html.link("javascript:alert(1)"), None);
        assert_eq!(Format::Pdf.link("a/b.md#x").as_deref(), Some("a/b.pdf#x"));
        assert_eq!(Format::Md.link("a/b.md").as_deref(), Some("a/b.md"));
    }
}
