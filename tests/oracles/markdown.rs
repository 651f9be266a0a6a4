//! The property `markdown::escape` promises, checked on one text. Shared by the property test
//! (`tests/suite/escapers.rs`, on texts proptest makes) and the fuzz target
//! (`fuzz/fuzz_targets/escape_markdown.rs`, on texts libFuzzer's coverage guidance finds), each
//! including this file as a module.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use toetsgen::document::markdown;
use toetsgen::document::text::lines;

/// What `markdown::escape` promises to print: each line trimmed, lines joined by one space. A
/// Markdown paragraph drops the spaces this may leave at its start and end.
pub(crate) fn promise(text: &str) -> String {
    let joined: Vec<&str> = lines(text).into_iter().map(str::trim).collect();
    joined.join(" ").trim_matches(' ').to_owned()
}

/// Whether `markdown::escape(text)`, read back by the project's Markdown parser, is one paragraph
/// of exactly [`promise`]`(text)` (none for an empty promise), with no heading, list, code,
/// emphasis, HTML, table or line break, and whose only links are autolinks to web addresses
/// whose text is exactly their target. `Err` says what came out instead.
pub(crate) fn check(text: &str) -> Result<(), String> {
    let escaped = markdown::escape(text);
    let fail = |why: String| Err(format!("{why}; escaped: {escaped:?} (input {text:?})"));
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
                let Some((target, link_text)) = link.take() else {
                    return fail("a link ends that never started".into());
                };
                if target != link_text || !target.starts_with("http") {
                    return fail(format!("a link to {target:?} reading {link_text:?}"));
                }
            }
            other => return fail(format!("{other:?}")),
        }
    }
    let expected = promise(text);
    let expected_shape: &[&str] = match expected.is_empty() {
        true => &[],
        false => &["<p>", "text", "</p>"],
    };
    if shape != expected_shape {
        return fail(format!("shape {shape:?}, not {expected_shape:?}"));
    }
    if read != expected {
        return fail(format!("reads {read:?}, not {expected:?}"));
    }
    Ok(())
}
