//! Soft hyphens (U+00AD) in the long words of an HTML page's visible text, at the syllables the
//! Dutch hyphenation patterns find (`hypher`, the TeX patterns `hyph-nl`, as typst uses them for
//! the PDFs and `plan::readability` for syllables).
//!
//! Browsers hyphenate `hyphens: auto` text only with a dictionary of their own, and headless
//! Chromium on Linux has none: a long word in a narrow column was cut at whatever letter reached
//! the edge ("Dienstverleni / ng" at 320 px). With soft hyphens in the page the browser breaks
//! such a word only at a syllable (`hyphens: manual`, its default), showing a hyphen there, and
//! its find (Ctrl+F) finds the word whole. Chromium copies the soft hyphens along with the text,
//! so every page carries a small script (`templates/_kopieren.html.tera`) that puts the copied
//! text on the clipboard without them: a toetsterm pasted into a word processor or a search box
//! has no hidden characters inside its words.
//!
//! Only running text is touched: never a tag or its attributes (URLs, labels, `data-*`), nor the
//! content of `<title>`, `<script>`, `<style>`, `<code>`, `<pre>`, `<kbd>`, `<samp>` and
//! `<textarea>`, nor a word that is part of a URL, a file name or an e-mail address. Neither is
//! text that the beoordelingsformulier's script reads as data (the names of its fields and
//! choices, which become the keys and values of a saved form): see [`DATA_CLASSES`].

use hypher::Lang;

/// Words of at least this many letters get soft hyphens; shorter ones fit any column.
pub const MIN_LETTERS: usize = 10;

/// The soft hyphen.
pub const SOFT_HYPHEN: char = '\u{AD}';

/// Elements whose content is left as it is: not running text, or text read by a program.
const LEFT_ALONE: [&str; 10] = [
    "title", "script", "style", "code", "pre", "kbd", "samp", "textarea", "svg", "math",
];

/// Elements whose text the beoordelingsformulier's script turns into data (a saved form's keys
/// and values: the fields' names, the choices, the signature rows), by their class; as is the
/// label paragraph right before a `schrijfruimte`.
const DATA_CLASSES: [&str; 3] = ["invulveld", "keuze", "handtekening"];

/// `html` with soft hyphens at the syllables of every word of [`MIN_LETTERS`] letters or more
/// in its running text (see the module's doc for what is left alone).
pub fn soft_hyphens(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text(rest, &mut out);
            break;
        };
        text(&rest[..lt], &mut out);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").map_or(rest.len(), |i| 4 + i + 3);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let tag_end = tag_end(rest);
        let tag = &rest[..tag_end];
        out.push_str(tag);
        rest = &rest[tag_end..];
        let Some(name) = start_tag_name(tag) else {
            continue;
        };
        if tag.ends_with("/>") {
            continue;
        }
        if LEFT_ALONE.contains(&name.as_str()) || holds_data(&name, tag, rest) {
            let end = element_end(&name, rest);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

/// Whether the element opened by `tag` holds text the form's script reads as data; `after` is
/// what follows the tag.
fn holds_data(name: &str, tag: &str, after: &str) -> bool {
    if let Some(classes) = attribute(tag, "class")
        && classes
            .split_whitespace()
            .any(|c| DATA_CLASSES.contains(&c))
    {
        return true;
    }
    name == "p"
        && after.find("</p>").is_some_and(|end| {
            after[end + 4..]
                .trim_start()
                .starts_with("<div class=\"schrijfruimte\"")
        })
}

/// The value of attribute `name` in a start tag, when quoted (as toetsgen's templates write it).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before = tag[..at].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let value = tag[from..].strip_prefix('=')?;
        let quote = value.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let value = &value[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

/// The length of the tag at the start of `html` (which starts with `<`), up to its `>` outside
/// quotes; all of `html` when it never ends.
fn tag_end(html: &str) -> usize {
    let mut quote = None;
    for (i, c) in html.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// The lower-case name of a start tag (`<td class="x">` → `td`); `None` for an end tag, a
/// doctype or a stray `<`.
fn start_tag_name(tag: &str) -> Option<String> {
    let name: String = tag[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    (!name.is_empty() && tag[1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .then(|| name.to_ascii_lowercase())
}

/// The length of an element's content and end tag in `html` (which follows its start tag),
/// counting elements of the same name nested in it; all of `html` when it never ends.
fn element_end(name: &str, html: &str) -> usize {
    let raw = matches!(name, "title" | "script" | "style" | "textarea");
    // Whether `html[at..]` starts with `prefix` (ASCII, any case) followed by the name's end.
    let tag_at = |at: usize, prefix: &str| {
        let end = at + prefix.len();
        html.get(at..end)
            .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
            && !html[end..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-')
    };
    let (open, close) = (format!("<{name}"), format!("</{name}"));
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(i) = html[at..].find('<') {
        let here = at + i;
        if tag_at(here, &close) {
            if depth == 0 {
                return here + tag_end(&html[here..]);
            }
            depth -= 1;
        } else if !raw && tag_at(here, &open) {
            let end = here + tag_end(&html[here..]);
            if !html[..end].ends_with("/>") {
                depth += 1;
            }
        }
        at = here + 1;
    }
    html.len()
}

/// Writes a run of text (between tags) with its long words hyphenated.
fn text(run: &str, out: &mut String) {
    let mut rest = run;
    while !rest.is_empty() {
        let space = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..space];
        if is_address(token) {
            out.push_str(token);
        } else {
            words(token, out);
        }
        rest = &rest[space..];
        let word = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        out.push_str(&rest[..word]);
        rest = &rest[word..];
    }
}

/// Whether a token of text (no whitespace in it) is, or holds, a URL, a path, a file name or an
/// e-mail address: left whole.
fn is_address(token: &str) -> bool {
    token.contains(['/', '\\', '@', '_', '='])
        || token.contains("://")
        || token
            .char_indices()
            .any(|(i, c)| c == '.' && token[i + 1..].starts_with(char::is_alphabetic))
}

/// Writes a token with soft hyphens in its long letter runs; character references (`&amp;`)
/// are copied as they are.
fn words(token: &str, out: &mut String) {
    let mut rest = token;
    while !rest.is_empty() {
        if rest.starts_with('&')
            && let Some(end) = rest.find(';').filter(|&e| e <= 32)
        {
            out.push_str(&rest[..=end]);
            rest = &rest[end + 1..];
            continue;
        }
        let letters = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if letters == 0 {
            let c = rest.chars().next().expect("not empty");
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        hyphenate(&rest[..letters], out);
        rest = &rest[letters..];
    }
}

/// Writes one word of letters, with soft hyphens between its syllables when it is long.
pub fn hyphenate(word: &str, out: &mut String) {
    if word.chars().count() < MIN_LETTERS {
        out.push_str(word);
        return;
    }
    for (i, syllable) in hypher::hyphenate(word, Lang::Dutch).enumerate() {
        if i > 0 {
            out.push(SOFT_HYPHEN);
        }
        out.push_str(syllable);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(html: &str) -> String {
        soft_hyphens(html).replace(SOFT_HYPHEN, "|")
    }

    /// Long words break at their syllables, short ones never; removing the soft hyphens gives
    /// the page back byte for byte.
    #[test]
    fn long_words_get_soft_hyphens_at_syllables() {
        let page =
            "<h1>V1: Dienstverlening</h1><td>Klantgericht denken &amp; beoordelingsformulier</td>";
        assert_eq!(
            shown(page),
            "<h1>V1: Dienst|ver|le|ning</h1><td>Klant|ge|richt denken &amp; be|oor|de|lings|for|mu|lier</td>"
        );
        assert_eq!(soft_hyphens(page).replace(SOFT_HYPHEN, ""), page);
        assert_eq!(
            shown("gemeente- en afdelingsgrenzen."),
            "gemeente- en af|de|lings|gren|zen."
        );
    }

    /// Tags and attributes, the title, scripts, styles, code and addresses stay whole.
    #[test]
    fn leaves_markup_code_and_addresses_alone() {
        for page in [
            "<a href=\"dienstverlening.html\" title=\"Dienstverlening\" data-label=\"Beoordelingsformulier\">x</a>",
            "<title>Dienstverlening</title>",
            "<script>var dienstverlening = \"Dienstverlening <b>\";</script>",
            "<style>.dienstverlening{}</style>",
            "<code>dienstverlening</code><pre><span>Dienstverlening</span></pre>",
            "<p>versies/2021-09-01/dienstverlening.pdf https://dienstverlening.example.nl/ examenbureau@gemeente.nl toetsplan_dienstverlening</p>",
            "<!-- Dienstverlening -->",
            "<textarea>Dienstverlening</textarea>",
            "<SCRIPT>var dienstverlening;</Script>",
            "<code><code>a</code>dienstverlening</code>",
        ] {
            assert_eq!(soft_hyphens(page), page);
        }
    }

    /// The text the beoordelingsformulier's script reads as data stays whole; the text around
    /// it does not.
    #[test]
    fn leaves_the_forms_data_alone() {
        let page = "<p class=\"invulveld\"><span>Kandidaatnummer</span><span class=\"veld\">Stadskantoorplein</span></p>\
            <span class=\"keuze\"><span class=\"vakje\"></span>Onvoldoende, toelichting</span>\
            <table class=\"handtekening\"><tr><th>Beoordelaar 1</th><td>Handtekening</td></tr></table>\
            <p>Aandachtspunten:</p><div class=\"schrijfruimte\"></div>\
            <p>Aandachtspunten</p>";
        assert_eq!(
            shown(page),
            page.replace("<p>Aandachtspunten</p>", "<p>Aan|dachts|pun|ten</p>")
        );
    }
}
