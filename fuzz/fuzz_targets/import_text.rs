//! A text export, as bytes: decoded, split into rows, read as a plan, written as YAML.
#![no_main]

use libfuzzer_sys::fuzz_target;
use toetsgen::import::text;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = text::decode(data) else {
        return;
    };
    let Ok(rows) = text::rows(&decoded) else {
        return;
    };
    common::read_and_write(&rows);
});
