//! `markdown::escape`, for any text a plan can hold: read back by the project's Markdown parser,
//! the escaped text is one paragraph of exactly the promised text (each line trimmed, lines
//! joined by one space), with no heading, list, code, emphasis, HTML, table or line break; the
//! only links are autolinks to web addresses whose text is exactly their target. The same
//! property as tests/suite/escapers.rs (one shared check, tests/oracles/markdown.rs), on inputs
//! that libFuzzer's coverage guidance finds.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod plan_text;

#[path = "../../tests/oracles/markdown.rs"]
mod markdown_oracle;

fuzz_target!(|text: &str| {
    if !plan_text::is_plan_text(text) {
        return;
    }
    if let Err(why) = markdown_oracle::check(text) {
        panic!("{why}");
    }
});
