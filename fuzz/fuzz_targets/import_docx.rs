//! A Word document, as bytes: a .docx (a zip archive, starting "PK") through the whole reader, or
//! else a word/document.xml by itself, so that mutations reach the XML walker without first
//! having to pass the archive's checksums. Rows that are read go on as in `import_text`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use toetsgen::import::docx;

mod common;

fuzz_target!(|data: &[u8]| {
    let rows = if data.starts_with(b"PK") {
        docx::rows_from_bytes(data)
    } else {
        let Ok(xml) = std::str::from_utf8(data) else {
            return;
        };
        docx::rows_from_xml(xml)
    };
    if let Ok(rows) = rows {
        common::read_and_write(&rows);
    }
});
