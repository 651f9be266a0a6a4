//! A session file, as text: parsed as `toetsgen pakket` parses it. Every refusal must be a
//! message that can be shown, without a control character that could drive a terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use toetsgen::session::load;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(problem) = load::parse("sessies/s.yaml", text) {
        let shown = problem.to_string();
        assert!(!shown.is_empty());
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
    }
});
