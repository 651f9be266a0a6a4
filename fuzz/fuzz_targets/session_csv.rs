//! A candidates' CSV export, as bytes: decoded, its header and rows read. What is read must hold
//! what the reader promises (at most the limit of candidates, each with a line inside the file),
//! and every refusal must be a message that can be shown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use toetsgen::session::csv;

fuzz_target!(|data: &[u8]| {
    match csv::read("kandidaten.csv", data) {
        Ok(read) => {
            let lines = read.text.lines().count().max(1);
            assert!(read.rijen.len() <= 500, "more candidates than a session may have");
            for (_, line) in &read.rijen {
                assert!((1..=lines + 1).contains(line), "line {line} of {lines}");
            }
        }
        Err(problem) => {
            let shown = problem.to_string();
            assert!(!shown.is_empty());
            assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
        }
    }
});
