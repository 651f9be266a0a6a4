//! Parsing `word/document.xml` within its limits: its size, the attribute and namespace limits
//! of `markup` checked before parsing, then the parser's own node limit, with no DTD.

use anyhow::{Result, anyhow, bail};
use roxmltree::{Document, ParsingOptions};

use super::{DOCUMENT_XML, MAX_XML_BYTES, MAX_XML_NODES};
use crate::{MIB, markup};

/// The parsed document, or why it is refused.
pub(super) fn parse(xml: &str) -> Result<Document<'_>> {
    if xml.len() as u64 > MAX_XML_BYTES {
        bail!(
            "{DOCUMENT_XML} is more than {} MiB, the limit",
            MAX_XML_BYTES / MIB
        );
    }
    markup::check(DOCUMENT_XML, xml)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(xml, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => anyhow!(
            "{DOCUMENT_XML} has more than {MAX_XML_NODES} XML nodes, the limit (a toetsplan's has about 5,000): check that this is one toetsplan, or split it into one document per toetsplan"
        ),
        roxmltree::Error::DtdDetected => anyhow!(
            "{DOCUMENT_XML} has a document type declaration (<!DOCTYPE>), which Word never writes: open the document in Word and save it again"
        ),
        e => anyhow!(
            "{DOCUMENT_XML} is not well-formed XML ({e}): the document is damaged; open it in Word and save it again"
        ),
    })
}
