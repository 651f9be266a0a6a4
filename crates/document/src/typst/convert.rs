//! Markdown (a document's rendered Markdown template) turned into Typst markup by walking
//! pulldown-cmark's events: text through [`escape`], structure as function calls, links by the
//! PDF format's link policy, images dropped to their text.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Tag, TagEnd};

use super::{LONG_BLOCK, escape, string};
use crate::links::{is_safe_url, retarget_markdown_link};
use crate::markdown;

/// Converts Markdown into Typst markup.
pub fn from_markdown(text: &str) -> String {
    let mut w = Writer::default();
    for event in markdown::parse(text) {
        w.event(event);
    }
    w.out.trim().to_owned()
}

#[derive(Default)]
struct Writer {
    out: String,
    /// Per open link: whether it was written (safe) or dropped to text.
    links: Vec<bool>,
    in_image: bool,
    /// The text of the open code block, if any.
    code: Option<String>,
    /// Where each open list item starts in `out`.
    items: Vec<usize>,
    /// Where each cell of the open table row starts in `out`, and the longest cell so far.
    row: (Vec<usize>, usize),
}

/// The opening of a list item kept on one page.
const ITEM_OPEN: &str = "[#block(breakable: false)[";

impl Writer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.code.is_some() => self.code.get_or_insert_default().push_str(&t),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.out.push_str(&escape(&t))
            }
            Event::Code(t) => {
                self.out.push_str("#raw(");
                self.out.push_str(&string(&t));
                self.out.push_str(");");
            }
            Event::SoftBreak => self.out.push(' '),
            Event::HardBreak => self.out.push_str("#linebreak();"),
            Event::Rule => self.out.push_str("\n#line(length: 100%);\n\n"),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        if self.in_image {
            return;
        }
        let open: String = match tag {
            Tag::Paragraph => String::new(),
            Tag::Heading { level, .. } => format!("\n#heading(level: {})[", heading_level(level)),
            Tag::BlockQuote(_) => "\n#quote(block: true)[".to_owned(),
            Tag::CodeBlock(_) => {
                self.code = Some(String::new());
                "\n#raw(block: true, ".to_owned()
            }
            Tag::List(None) => "\n#list(".to_owned(),
            Tag::List(Some(start)) => format!("\n#enum(start: {start}, "),
            Tag::Item => {
                self.items.push(self.out.len());
                ITEM_OPEN.to_owned()
            }
            Tag::TableCell => {
                self.row.0.push(self.out.len());
                "[".to_owned()
            }
            Tag::Emphasis => "#emph[".to_owned(),
            Tag::Strong => "#strong[".to_owned(),
            Tag::Strikethrough => "#strike[".to_owned(),
            Tag::Link { dest_url, .. } => {
                let safe = is_safe_url(&dest_url);
                self.links.push(safe);
                if safe {
                    format!(
                        "#link({})[",
                        string(&retarget_markdown_link(&dest_url, "pdf"))
                    )
                } else {
                    String::new()
                }
            }
            Tag::Image { .. } => {
                self.in_image = true;
                String::new()
            }
            Tag::Table(aligns) => table_open(&aligns),
            Tag::TableHead => "table.header(".to_owned(),
            _ => String::new(),
        };
        self.out.push_str(&open);
    }

    fn end(&mut self, tag: TagEnd) {
        if self.in_image {
            if tag == TagEnd::Image {
                self.in_image = false;
            }
            return;
        }
        let close = match tag {
            TagEnd::Paragraph => "\n\n",
            TagEnd::Heading(_) | TagEnd::BlockQuote(_) => "];\n\n",
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                self.out.push_str(&string(code.trim_end_matches('\n')));
                ");\n\n"
            }
            TagEnd::List(_) => ");\n\n",
            TagEnd::Item => "]], ",
            TagEnd::TableCell => "], ",
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough => "];",
            TagEnd::Link => match self.links.pop() {
                Some(true) => "];",
                _ => "",
            },
            TagEnd::TableHead => "), ",
            TagEnd::Table => ");\n\n",
            _ => "",
        };
        if tag == TagEnd::Item || tag == TagEnd::TableCell {
            // A paragraph's break inside an item or cell would leave a trailing gap.
            let trimmed = self.out.trim_end().trim_end_matches("#linebreak();").len();
            self.out.truncate(trimmed);
        }
        match tag {
            TagEnd::Item => self.let_long_item_break(),
            TagEnd::TableCell => {
                let start = self.row.0.last().copied().unwrap_or(0);
                self.row.1 = self.row.1.max(self.out.len() - start);
            }
            TagEnd::TableRow | TagEnd::TableHead => self.let_long_row_break(),
            _ => {}
        }
        self.out.push_str(close);
    }

    /// A list item too long for one page may break after all.
    fn let_long_item_break(&mut self) {
        if let Some(start) = self.items.pop()
            && self.out.len() - start > LONG_BLOCK
        {
            self.out
                .replace_range(start..start + ITEM_OPEN.len(), "[#block(breakable: true)[");
        }
    }

    /// A table row with a cell too long for one page may break after all.
    fn let_long_row_break(&mut self) {
        let (cells, longest) = std::mem::take(&mut self.row);
        if longest > LONG_BLOCK {
            for start in cells.into_iter().rev() {
                self.out.insert_str(start, "table.cell(breakable: true)");
            }
        }
    }
}

/// The opening of a table with the columns' alignments.
fn table_open(aligns: &[Alignment]) -> String {
    let aligns: Vec<&str> = (aligns.iter())
        .map(|a| match a {
            Alignment::Center => "center",
            Alignment::Right => "right",
            Alignment::Left | Alignment::None => "left",
        })
        .collect();
    format!(
        "\n#table(columns: {}, align: ({},), ",
        aligns.len(),
        aligns.join(", ")
    )
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items and rows stay on one page unless they are too long for one.
    #[test]
    fn long_items_and_rows_may_break() {
        let long = "woord ".repeat(400);
        let item = from_markdown(&format!("- kort\n- {long}"));
        assert!(item.contains("[#block(breakable: false)[kort]]"), "{item}");
        assert!(item.contains("[#block(breakable: true)[woord"), "{item}");
        let table = from_markdown(&format!(
            "| a | b |\n|---|---|\n| x | y |\n| {long} | z |\n"
        ));
        assert!(table.contains("[x], [y], "), "{table}");
        assert!(
            table.contains("table.cell(breakable: true)[woord"),
            "{table}"
        );
        assert!(table.contains("table.cell(breakable: true)[z]"), "{table}");
    }

    /// Markdown structure becomes function calls closed with a semicolon.
    #[test]
    fn markdown_to_typst() {
        assert_eq!(from_markdown("a **b** c"), "a #strong[b]; c");
        assert_eq!(
            from_markdown("- x\n- y"),
            "#list([#block(breakable: false)[x]], [#block(breakable: false)[y]], );"
        );
        assert_eq!(
            super::super::TEXT.inline("a\n\n*b*"),
            "a#linebreak();\\*b\\*"
        );
        assert_eq!(super::super::TEXT.block("a\nb\n\nc"), "a \\\nb\n\nc");
        assert_eq!(from_markdown("[s](javascript:x)"), "s");
    }
}
