//! Property tests for the escapers: for any text a plan can hold, each escaper's output, read back
//! by a real reader of its format (pulldown-cmark, an HTML parser, the typst program), is exactly
//! the text the escaper promises to print, with nothing interpreted as syntax. Hand-written cases
//! test what we thought of; proptest generates the mixtures of punctuation, line breaks and
//! Unicode that we did not, and shrinks a failure to a minimal input.

use std::path::Path;
use std::process::Command;

use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use scraper::{Html, Selector};
use serde::Deserialize;

use toetsgen::document::text::is_line_break;
use toetsgen::document::{html, typst};

/// The property `markdown::escape` promises, shared with the fuzz target.
#[path = "../oracles/markdown.rs"]
mod markdown_oracle;

/// Punctuation that is syntax in Markdown, HTML or Typst, or was once in one of them.
const PUNCTUATION: &[char] = &[
    '#', '*', '_', '\\', '`', '[', ']', '(', ')', '<', '>', '|', '~', '&', '!', '-', '+', '=', '.',
    ':', ';', '{', '}', '$', '@', '/', '"', '\'', '%', '^', '?', ',',
];

/// Spaces and every kind of line break, including ones that only some formats see as a break.
const SPACES: &[char] = &[
    ' ', ' ', ' ', '\t', '\r', '\n', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
    '\u{A0}', '\u{3000}',
];

/// Letters and symbols outside ASCII, combining marks and invisible characters.
const UNICODE: &[char] = &[
    'é', 'ß', 'ĳ', 'ж', 'λ', 'ي', '中', '😀', '👍', '€', '–', '—', '‐', '“', '”', '\u{301}',
    '\u{200B}', '\u{200D}', '\u{FEFF}',
];

/// Pieces of syntax that single characters rarely add up to.
const TOKENS: &[&str] = &[
    "1.",
    "12)",
    "# ",
    "- ",
    "+ ",
    "= ",
    "/ a: b",
    "---",
    "***",
    "```",
    "~~~",
    "> ",
    "    ",
    "\r\n",
    "|a|",
    "[a](b)",
    "![a](b)",
    "[a]: b",
    "<b>",
    "</p>",
    "<!--",
    "&amp;",
    "&#65;",
    "https://x.nl",
    " https://example.org/a_b*c?q=1&r=(2). ",
    " http://x.nl/p(1)),",
    "www.x.nl",
    "a@b.nl",
    "$x$",
    "<lbl>",
    "@ref",
    "//",
    "/*",
    "#{",
    "#set page(width: 1cm)",
    "\\u{41}",
    "...",
    "-?",
    "sociaal-culturele",
    "en/of",
];

/// Whether a plan may hold `c`: validation rejects control characters other than tab and the
/// line breaks, before any escaper sees the text.
fn is_plan_char(c: char) -> bool {
    !c.is_control() || c == '\t' || is_line_break(c)
}

/// Often nothing, sometimes a run of spaces and line breaks, as at the ends of a YAML block.
fn blank_run() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        1 => proptest::collection::vec(select(SPACES), 1..8).prop_map(String::from_iter),
    ]
}

/// A text as a plan may hold it, built from pieces weighted towards what is dangerous, often
/// with blank lines before and after.
fn plan_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => select(PUNCTUATION).prop_map(String::from),
        6 => "[a-zA-Z0-9]{1,6}",
        5 => select(SPACES).prop_map(String::from),
        3 => select(TOKENS).prop_map(String::from),
        2 => select(UNICODE).prop_map(String::from),
        2 => any::<char>()
            .prop_filter("not in a plan", |&c| is_plan_char(c))
            .prop_map(String::from),
        1 => "[a-z]{19,45}",
    ];
    let body = proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat());
    (blank_run(), body, blank_run()).prop_map(|(before, body, after)| before + &body + &after)
}

/// What an HTML parser makes of text: a CR, alone or before an LF, becomes one LF (the HTML
/// standard's input stream preprocessing, for element content and attribute values alike).
fn html_promise(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What `typst::escape` promises to show: every line break and tab as a space, and, as in all
/// Typst markup, each run of spaces as one space. Other whitespace (no-break space, ideographic
/// space) is text.
fn typst_promise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if is_line_break(c) || c == '\t' {
            ' '
        } else {
            c
        };
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

proptest! {
    /// Escaped plan text is one Markdown paragraph of literal text: no heading, list, code,
    /// emphasis, HTML or table can come out of it, and the only links are web addresses linking
    /// to exactly themselves.
    #[test]
    fn markdown_escape_is_one_literal_paragraph(text in plan_text()) {
        markdown_oracle::check(&text).map_err(TestCaseError::fail)?;
    }

    /// Escaped plan text in an HTML element or attribute value reads back as exactly that text.
    #[test]
    fn html_escape_round_trips(text in plan_text()) {
        let escaped = html::escape(&text);
        // The `<i>` after it shows that the text closed nothing and opened nothing.
        let doc = Html::parse_fragment(&format!("<p title=\"{escaped}\">{escaped}</p><i></i>"));
        let p: Vec<_> = doc.select(&Selector::parse("p").unwrap()).collect();
        prop_assert_eq!(p.len(), 1, "escaped: {:?}", escaped);
        prop_assert_eq!(doc.select(&Selector::parse("i").unwrap()).count(), 1);
        let expected = html_promise(&text);
        let content: String = p[0].text().collect();
        prop_assert_eq!(content, expected.clone(), "escaped: {:?}", escaped);
        prop_assert_eq!(p[0].value().attr("title"), Some(expected.as_str()));
    }
}

/// Texts no generator should be trusted to find.
const NASTY: &[&str] = &[
    "#set page(width: 1cm)",
    "= kop",
    "- item",
    "+ item",
    "1. item",
    "/ term: uitleg",
    "$x$",
    "<lbl>",
    "@ref",
    "*b*",
    "_i_",
    "`c`",
    "```rust\nfn\n```",
    "\\",
    "a\\",
    "\\ a",
    "//",
    "// commentaar",
    "/*",
    "*/",
    "]",
    "[",
    "#{",
    "}",
    "#box[x];",
    "\"a\" 'b' -- c --- d ... e ~ f -? g",
    "https://x.nl/a_b",
    "a\u{2028}= kop",
    "a\u{2029}- item\u{85}+ ook",
    "a\r\n\r\nb\rc\n\td",
    "  voor en na  ",
    "",
    " ",
    "\u{A0}a\u{3000}",
    "\\u{41} \\# \\\\",
    "sociaal-culturele",
    "en/of",
    "1-9-2021",
    "een-heel-erg-lang-samengesteld-woord-met-streepjes",
];

/// One typst query result: which case and what typst made of it.
#[derive(Debug, Deserialize)]
struct Read {
    id: String,
    value: String,
}

/// Flattens content to the text it shows. Only what `typst::escape` writes is allowed (text,
/// escaped characters, spaces, boxes); any other element, such as a heading, list, emphasis,
/// equation, raw text, label or reference, is shown by name, so the comparison fails on it.
const PLAIN: &str = r#"#let escaped = [\#].func()
#let plain(it) = {
  if it.func() == text or it.func() == escaped { it.text }
  else if it.func() == [ ].func() { " " }
  else if it.func() == [].func() { it.children.map(plain).fold("", (a, b) => a + b) }
  else if it.func() == box { plain(it.body) }
  else { "⟨" + repr(it.func()) + "⟩" }
}
"#;

/// A sample of plan texts, hand-picked and generated, goes through the real typst: each string
/// literal evaluates to the text itself, and each escaped text shows exactly the promised text,
/// with no markup interpreted.
#[test]
fn typst_reads_back_strings_and_escaped_markup() {
    let mut texts: Vec<String> = NASTY.iter().map(|s| s.to_string()).collect();
    texts.push(format!("kijk:\u{2028}{}", "a".repeat(100)));
    let mut runner = TestRunner::deterministic();
    let strategy = plan_text();
    for _ in 0..300 {
        texts.push(strategy.new_tree(&mut runner).unwrap().current());
    }

    let dir = tempfile::tempdir().unwrap();
    let mut source = String::from(PLAIN);
    for (i, text) in texts.iter().enumerate() {
        source.push_str(&format!(
            "#metadata((id: \"string {i}\", value: {})) <case>\n",
            typst::string(text)
        ));
        source.push_str(&format!(
            "#metadata((id: \"markup {i}\", value: plain[{}])) <case>\n",
            typst::escape(text)
        ));
    }
    let reads = query(dir.path(), &source);

    assert_eq!(reads.len(), 2 * texts.len(), "one result per case");
    let mut failures = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let cases = [
            (&reads[2 * i], format!("string {i}"), text.clone()),
            (
                &reads[2 * i + 1],
                format!("markup {i}"),
                typst_promise(text),
            ),
        ];
        for (read, id, expected) in cases {
            assert_eq!(read.id, id, "results in document order");
            if read.value != expected {
                failures.push(format!(
                    "{id}: input {text:?}\n  string   {}\n  markup   {}\n  \
                     expected {expected:?}\n  typst    {:?}",
                    typst::string(text),
                    typst::escape(text),
                    read.value
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        reads.len(),
        failures.join("\n")
    );
}

/// Runs `typst query` once over `source`, sandboxed in `dir`, and returns the cases' values.
fn query(dir: &Path, source: &str) -> Vec<Read> {
    let file = dir.join("cases.typ");
    std::fs::write(&file, source).unwrap();
    let program = std::env::var_os("TYPST").unwrap_or_else(|| "typst".into());
    let output = Command::new(&program)
        .arg("query")
        .arg("--root")
        .arg(dir)
        .arg(&file)
        .arg("<case>")
        .args(["--field", "value"])
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {program:?} ({e}): this test needs the typst program (CI installs it); \
                 install it with `cargo install typst-cli --locked`, or set TYPST to the program"
            )
        });
    assert!(
        output.status.success(),
        "typst query failed ({}):\n{}\nsource:\n{source}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "typst query printed no JSON list of cases ({e}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}
