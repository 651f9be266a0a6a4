//! Unpacking a .docx within its limits: the file's size, the number of parts in the zip archive,
//! and `word/document.xml` read with a limit whatever size the archive states, as UTF-8 text.

use std::io::{Read, Seek};

use anyhow::{Context, Result, anyhow, bail};
use zip::ZipArchive;

use super::{DOCUMENT_XML, MAX_ENTRIES, MAX_FILE_BYTES, MAX_XML_BYTES};
use crate::MIB;
use toetsgen_base::lang::io_error;
use toetsgen_base::msg;

/// Refuses a file over [`MAX_FILE_BYTES`].
pub(super) fn check_file_size(size: u64) -> Result<()> {
    if size > MAX_FILE_BYTES {
        bail!(msg!(
            "import-docx-too-large",
            size = toetsgen_base::lang::decimal(size as f64 / MIB as f64, 1),
            max = MAX_FILE_BYTES / MIB
        ));
    }
    Ok(())
}

/// The text of `word/document.xml` in a .docx.
pub(super) fn document_xml<R: Read + Seek>(reader: R) -> Result<String> {
    let mut zip = open(reader)?;
    let bytes = unpack(&mut zip)?;
    String::from_utf8(bytes).map_err(|_| anyhow!(msg!("import-xml-not-utf8", part = DOCUMENT_XML)))
}

/// The zip archive, refused over [`MAX_ENTRIES`] parts.
fn open<R: Read + Seek>(reader: R) -> Result<ZipArchive<R>> {
    let zip = ZipArchive::new(reader).with_context(|| msg!("import-not-zip"))?;
    if zip.len() > MAX_ENTRIES {
        bail!(msg!(
            "import-too-many-parts",
            n = zip.len(),
            max = MAX_ENTRIES
        ));
    }
    Ok(zip)
}

/// The bytes of `word/document.xml`, at most [`MAX_XML_BYTES`].
fn unpack<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Result<Vec<u8>> {
    let damaged = |e: String| anyhow!(msg!("import-cannot-unpack", part = DOCUMENT_XML, error = e));
    let entry = zip.by_name(DOCUMENT_XML).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => {
            anyhow!(msg!("import-no-document-xml", part = DOCUMENT_XML))
        }
        e => damaged(e.to_string()),
    })?;
    // Read with a limit whatever size the archive states: the stated size can lie.
    let mut bytes = Vec::new();
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| damaged(io_error(&e)))?;
    if bytes.len() as u64 > MAX_XML_BYTES {
        bail!(msg!(
            "import-xml-too-large",
            part = DOCUMENT_XML,
            max = MAX_XML_BYTES / MIB
        ));
    }
    Ok(bytes)
}
