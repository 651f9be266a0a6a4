//! Parsing `word/document.xml` within its limits: its size, the attribute and namespace limits
//! of `markup` checked before parsing, then the parser's own node limit, with no DTD.

use anyhow::{Result, anyhow, bail};
use roxmltree::{Document, ParsingOptions};

use super::{DOCUMENT_XML, MAX_XML_BYTES, MAX_XML_NODES};
use crate::{MIB, markup};
use toetsgen_base::msg;

/// The parsed document, or why it is refused.
pub(super) fn parse(xml: &str) -> Result<Document<'_>> {
    if xml.len() as u64 > MAX_XML_BYTES {
        bail!(msg!(
            "import-xml-over-limit",
            part = DOCUMENT_XML,
            max = MAX_XML_BYTES / MIB
        ));
    }
    markup::check(DOCUMENT_XML, xml)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(xml, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => anyhow!(msg!(
            "import-xml-too-many-nodes",
            part = DOCUMENT_XML,
            max = MAX_XML_NODES
        )),
        roxmltree::Error::DtdDetected => anyhow!(msg!("import-xml-dtd", part = DOCUMENT_XML)),
        e => anyhow!(msg!(
            "import-xml-malformed",
            part = DOCUMENT_XML,
            error = e.to_string()
        )),
    })
}
