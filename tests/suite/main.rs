//! The integration tests of toetsgen, one test binary (as mdBook's `tests/testsuite/main.rs`):
//! one link instead of one per file. Each module is a part of the program as a user meets it;
//! `common` holds the helpers they share. Fixtures stay under `tests/fixtures/`, insta's
//! snapshots of these modules under `tests/suite/snapshots/`.

mod analyse;
mod common;

mod batch;
mod bounded_templates;
mod cli;
mod copying;
mod end_to_end;
mod escapers;
mod floors;
mod glyphs;
mod honest_summaries;
mod import;
mod import_contract;
mod invalid_plans;
mod lang;
mod lang_analyse;
mod lang_input;
mod lang_out;
mod lang_plan;
mod leesbaarheid;
mod limits;
mod navigation;
mod new;
mod own_files;
mod packet;
mod print_layout;
mod question_exam;
mod readme;
mod scan_assessors;
mod scan_blank;
mod scan_command;
mod scan_formats;
mod scan_marks;
mod scan_read;
mod schema;
mod search;
mod seed;
mod serve;
mod serve_hostile;
mod sessions;
mod signals;
mod templates;
mod terminal;
mod uitslagen;
mod untrusted;
mod versions;
mod versions_use;
mod workflow;
