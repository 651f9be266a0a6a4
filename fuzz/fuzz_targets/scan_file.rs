//! A scan file, as bytes (PDF, TIFF of one or more pages, PNG, JPEG …): opened and its first
//! pages rendered and read as `toetsgen scan` does, against no layout. Whatever the bytes, this
//! ends with pages or a message — never a panic, never more than the limits allow.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use toetsgen::scan::{ScanFile, read_page};

fuzz_target!(|data: &[u8]| {
    match ScanFile::from_bytes(Path::new("scan"), data.to_vec()) {
        Ok(file) => {
            for index in 0..file.len().min(3) {
                match file.page(index) {
                    Ok(page) => {
                        let _ = read_page(&page, &[]);
                    }
                    Err(err) => assert!(!err.to_string().is_empty()),
                }
            }
        }
        Err(err) => assert!(!err.to_string().is_empty()),
    }
});
