//! `html::escape`: the escaped text holds no `<`, `>`, `"` or `'`, and an `&` only as the start
//! of one of the five entities the escaper writes, so it is safe in element content and in a
//! quoted attribute value; decoding those five entities gives back the input exactly. The
//! promise holds for any text, so any text is tried, not only what a plan can hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use toetsgen::document::html;

/// The entities `html::escape` writes and the characters they stand for.
const ENTITIES: [(&str, char); 5] = [
    ("&amp;", '&'),
    ("&lt;", '<'),
    ("&gt;", '>'),
    ("&quot;", '"'),
    ("&#39;", '\''),
];

fuzz_target!(|text: &str| {
    let escaped = html::escape(text);
    let mut decoded = String::with_capacity(text.len());
    let mut rest = escaped.as_str();
    while let Some(c) = rest.chars().next() {
        match c {
            '&' => {
                let Some((entity, ch)) = ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) else {
                    panic!("a bare & in {escaped:?} (input {text:?})");
                };
                decoded.push(*ch);
                rest = &rest[entity.len()..];
            }
            '<' | '>' | '"' | '\'' => panic!("a raw {c:?} in {escaped:?} (input {text:?})"),
            _ => {
                decoded.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    assert_eq!(decoded, text, "escaped: {escaped:?}");
});
