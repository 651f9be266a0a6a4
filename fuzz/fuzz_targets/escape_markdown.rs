//! `markdown::escape`, for any text a plan can hold: read back by the project's Markdown parser,
//! the escaped text is one paragraph of exactly the promised text (each line trimmed, lines
//! joined by one space), with no heading, list, code, emphasis, HTML, table or line break; the
//! only links are autolinks to web addresses whose text is exactly their target. The same
//! property as tests/escapers.rs, on inputs that libFuzzer's coverage guidance finds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use toetsgen::document::markdown;
use toetsgen::document::text::lines;

mod plan_text;

/// What `markdown::escape` promises to print: each line trimmed, lines joined by one space; a
/// Markdown paragraph drops the spaces this may leave at its start and end.
fn promise(text: &str) -> String {
    let joined: Vec<&str> = lines(text).into_iter().map(str::trim).collect();
    joined.join(" ").trim_matches(' ').to_owned()
}

fuzz_target!(|text: &str| {
    if !plan_text::is_plan_text(text) {
        return;
    }
    let escaped = markdown::escape(text);
    let mut shape: Vec<&str> = Vec::new();
    let mut read = String::new();
    let mut link: Option<(String, String)> = None;
    for event in markdown::parse(&escaped) {
        match event {
            Event::Start(Tag::Paragraph) => shape.push("<p>"),
            Event::End(TagEnd::Paragraph) => shape.push("</p>"),
            Event::Text(t) => {
                if shape.last() != Some(&"text") {
                    shape.push("text");
                }
                read.push_str(&t);
                if let Some((_, link_text)) = link.as_mut() {
                    link_text.push_str(&t);
                }
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url,
                ..
            }) if link.is_none() => link = Some((dest_url.to_string(), String::new())),
            Event::End(TagEnd::Link) => {
                let (target, link_text) = link.take().expect("a link ends that never started");
                assert_eq!(target, link_text, "escaped: {escaped:?} (input {text:?})");
                assert!(
                    target.starts_with("http"),
                    "escaped: {escaped:?} (input {text:?})"
                );
            }
            other => panic!("{other:?} in {escaped:?} (input {text:?})"),
        }
    }
    let expected = promise(text);
    let expected_shape: &[&str] = if expected.is_empty() {
        &[]
    } else {
        &["<p>", "text", "</p>"]
    };
    assert_eq!(
        shape, expected_shape,
        "escaped: {escaped:?} (input {text:?})"
    );
    assert_eq!(read, expected, "escaped: {escaped:?} (input {text:?})");
});
