//! Unpacking a .docx within its limits: the file's size, the number of parts in the zip archive,
//! and `word/document.xml` read with a limit whatever size the archive states, as UTF-8 text.

use std::io::{Read, Seek};

use anyhow::{Context, Result, anyhow, bail};
use zip::ZipArchive;

use super::{DOCUMENT_XML, MAX_ENTRIES, MAX_FILE_BYTES, MAX_XML_BYTES};
use crate::MIB;

/// Refuses a file over [`MAX_FILE_BYTES`].
pub(super) fn check_file_size(size: u64) -> Result<()> {
    if size > MAX_FILE_BYTES {
        bail!(
            "the file is {:.1} MiB, more than the {} MiB allowed (a toetsplan's document is about 0.1 MiB; pictures and embedded fonts make it large): save a copy without pictures, or split it into one document per toetsplan",
            size as f64 / MIB as f64,
            MAX_FILE_BYTES / MIB
        );
    }
    Ok(())
}

/// The text of `word/document.xml` in a .docx.
pub(super) fn document_xml<R: Read + Seek>(reader: R) -> Result<String> {
    let mut zip = open(reader)?;
    let bytes = unpack(&mut zip)?;
    String::from_utf8(bytes).map_err(|_| {
        anyhow!("{DOCUMENT_XML} is not UTF-8 text: the document is damaged; open it in Word and save it again")
    })
}

/// The zip archive, refused over [`MAX_ENTRIES`] parts.
fn open<R: Read + Seek>(reader: R) -> Result<ZipArchive<R>> {
    let zip = ZipArchive::new(reader).context(
        "the file is not a Word document (not a zip archive): save it from Word as \"Word Document (.docx)\"; a password-protected document must have its password removed first",
    )?;
    if zip.len() > MAX_ENTRIES {
        bail!(
            "the file holds {} parts, more than the {MAX_ENTRIES} allowed (Word writes about 15): it is not a Word document as Word saves it; open it in Word and save it again",
            zip.len()
        );
    }
    Ok(zip)
}

/// The bytes of `word/document.xml`, at most [`MAX_XML_BYTES`].
fn unpack<R: Read + Seek>(zip: &mut ZipArchive<R>) -> Result<Vec<u8>> {
    let damaged = |e: &dyn std::fmt::Display| {
        anyhow!(
            "cannot unpack {DOCUMENT_XML} ({e}): the document is damaged or not saved by Word; open it in Word and save it again"
        )
    };
    let entry = zip.by_name(DOCUMENT_XML).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => anyhow!(
            "the file is not a Word document (it has no {DOCUMENT_XML}): save it from Word as \"Word Document (.docx)\""
        ),
        e => damaged(&e),
    })?;
    // Read with a limit whatever size the archive states: the stated size can lie.
    let mut bytes = Vec::new();
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| damaged(&e))?;
    if bytes.len() as u64 > MAX_XML_BYTES {
        bail!(
            "{DOCUMENT_XML} unpacks to more than {} MiB, the limit (a toetsplan's is about 0.2 MiB): save the document again from Word, or split it into one document per toetsplan",
            MAX_XML_BYTES / MIB
        );
    }
    Ok(bytes)
}
