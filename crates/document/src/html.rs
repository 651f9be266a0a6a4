//! HTML output: text from a plan escaped for HTML, and the Markdown of documents that have no
//! HTML template of their own turned into HTML by pulldown-cmark with three changes for official documents: raw HTML is shown as text (a plan
//! can never inject markup), table header cells get `scope="col"` for screen readers, and images
//! and unsafe links become plain text (no external resources, no scripts).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::links::{is_safe_url, retarget_markdown_link};
use crate::markdown;
use crate::text::{Style, is_line_break};

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Writes text as a CSS string literal, quotes included, safe inside a `<style>` element.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:X} ", u32::from(ch))),
            _ if ch.is_control() || is_line_break(ch) => {
                out.push_str(&format!("\\{:X} ", u32::from(ch)))
            }
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

/// Converts Markdown into safe HTML.
pub fn from_markdown(text: &str) -> String {
    let mut safety = Safety::default();
    let events = markdown::parse(text).filter_map(move |event| safety.pass(event));
    // A table may be wider than a narrow screen: it scrolls in a labelled region of its own.
    let events = events.flat_map(|event| match event {
        Event::Start(Tag::Table(_)) => vec![Event::Html(CowStr::from(TABLE_REGION)), event],
        Event::End(TagEnd::Table) => vec![event, Event::Html(CowStr::from("</div>\n"))],
        other => vec![other],
    });
    let mut out = String::with_capacity(text.len() * 2);
    pulldown_cmark::html::push_html(&mut out, events);
    out
}

/// The filter Markdown's events pass on their way to HTML: raw HTML becomes text, header cells
/// get their scope, images and unsafe links are reduced to their text.
#[derive(Default)]
struct Safety {
    in_head: bool,
    in_image: bool,
    /// Per open link: whether it was dropped (unsafe).
    dropped_links: Vec<bool>,
}

impl Safety {
    /// The event as it goes on, or `None` when it is dropped.
    fn pass<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
            Event::Start(Tag::TableHead) | Event::End(TagEnd::TableHead) => {
                self.in_head = matches!(event, Event::Start(_));
                Some(event)
            }
            Event::Start(Tag::TableCell) if self.in_head => {
                Some(Event::Html(CowStr::from("<th scope=\"col\">")))
            }
            Event::End(TagEnd::TableCell) if self.in_head => {
                Some(Event::Html(CowStr::from("</th>")))
            }
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {
                self.in_image = matches!(event, Event::Start(_));
                None
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let safe = is_safe_url(&dest_url);
                self.dropped_links.push(!safe);
                let dest_url = CowStr::from(retarget_markdown_link(&dest_url, "html"));
                safe.then_some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Link) => {
                let dropped = self.dropped_links.pop().unwrap_or(false);
                (!dropped).then_some(event)
            }
            other if self.in_image => match other {
                Event::Text(_) | Event::Code(_) => Some(other),
                _ => None,
            },
            other => Some(other),
        }
    }
}

/// The opening of the scrollable, keyboard-reachable region around a table.
const TABLE_REGION: &str =
    "<div class=\"tabel\" role=\"region\" aria-label=\"Tabel\" tabindex=\"0\">\n";

/// How a plan's text is written in HTML: escaped, `<p>` paragraphs, `<br>` line breaks.
pub const TEXT: Style = Style {
    escape,
    line_break: "<br>\n",
    paragraph: ("<p>", "</p>"),
    between: "\n",
    inline_break: "<br>",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Raw HTML in a plan is shown as text, never passed through.
    #[test]
    fn raw_html_becomes_text() {
        assert_eq!(
            from_markdown("a <script>alert(1)</script> b"),
            "<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n"
        );
        assert_eq!(
            from_markdown("<div>x</div>\n"),
            "&lt;div&gt;x&lt;/div&gt;\n"
        );
    }

    /// Header cells carry scope for assistive technology.
    #[test]
    fn table_headers_have_scope() {
        let html = from_markdown("| A | B |\n|---|---|\n| 1 | 2 |\n");
        assert!(
            html.contains("<th scope=\"col\">A</th><th scope=\"col\">B</th>"),
            "{html}"
        );
        assert!(html.contains("<td>1</td>"), "{html}");
    }

    /// Script links and remote images are reduced to their text.
    #[test]
    fn unsafe_links_and_images_become_text() {
        assert_eq!(
            from_markdown("[klik](javascript:alert(1))"),
            "<p>klik</p>\n"
        );
        assert_eq!(
            from_markdown("![logo](https://x.nl/a.png)"),
            "<p>logo</p>\n"
        );
        assert_eq!(
            from_markdown("[site](https://x.nl)"),
            "<p><a href=\"https://x.nl\">site</a></p>\n"
        );
        assert_eq!(
            from_markdown("[oud](versies/2021-09-01/toetsplan.md)"),
            "<p><a href=\"versies/2021-09-01/toetsplan.html\">oud</a></p>\n"
        );
    }

    /// A plan's text is escaped, with its paragraphs and line breaks.
    #[test]
    fn plan_text_is_literal() {
        assert_eq!(
            TEXT.block("<b>a</b>\n*b*\n\nc"),
            "<p>&lt;b&gt;a&lt;/b&gt;<br>\n*b*</p>\n<p>c</p>"
        );
        assert_eq!(TEXT.inline("a\n\nb"), "a<br>b");
    }
}
