//! The report as one model of blocks (headings, paragraphs, tables, charts), rendered to
//! Markdown and to a standalone HTML page. A chart is drawn as SVG in the HTML and is always
//! followed by its data as a table, which is all the Markdown shows (for screen readers and for
//! plain text alike).

use toetsgen_base::msg;
use toetsgen_document::{html, markdown};

/// One part of the report.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    /// A heading of level 2 or 3 (the title is the report's own).
    Heading(u8, String),
    /// A paragraph of plain text.
    Para(String),
    /// A table with a caption; `numeric` says which columns hold numbers (right-aligned).
    Table(Table),
    /// A chart: an SVG drawing (HTML only) with a title and a description, then its data.
    Chart {
        /// The SVG element, complete.
        svg: String,
        /// Its data.
        data: Table,
    },
}

/// A table of text cells.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub numeric: Vec<bool>,
}

impl Table {
    /// A table whose columns after the first `text` hold numbers.
    pub(crate) fn new(caption: String, head: Vec<String>, text: usize) -> Table {
        let numeric = (0..head.len()).map(|i| i >= text).collect();
        Table {
            caption,
            head,
            rows: Vec::new(),
            numeric,
        }
    }
}

/// A report: its title, the language of its text and its blocks.
#[derive(Debug, Clone)]
pub(crate) struct Report {
    pub title: String,
    pub lang: &'static str,
    pub blocks: Vec<Block>,
}

/// A number for the report, in the language's notation (a decimal comma in Dutch), with
/// `decimals` places; an undefined figure is a dash.
pub(crate) fn number(x: Option<f64>, decimals: usize) -> String {
    match x {
        None => "–".to_owned(),
        Some(x) => {
            let text = format!("{x:.decimals$}");
            let text =
                if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
                    text[1..].to_owned()
                } else {
                    text
                };
            let text = text.replace('-', "−");
            match toetsgen_base::lang::current() {
                toetsgen_base::lang::Lang::Nl => text.replace('.', ","),
                toetsgen_base::lang::Lang::En => text,
            }
        }
    }
}

/// A score as it is: whole numbers without decimals, else up to two.
pub(crate) fn score(x: f64) -> String {
    if x.fract() == 0.0 {
        number(Some(x), 0)
    } else {
        number(Some(x), 2)
    }
}

/// A share as a percentage: `85 %`.
pub(crate) fn percent(x: Option<f64>) -> String {
    match x {
        None => "–".to_owned(),
        Some(x) => format!("{} %", number(Some(100.0 * x), 0)),
    }
}

/// The report as Markdown.
pub(crate) fn to_markdown(r: &Report) -> String {
    let mut out = format!("# {}\n", markdown::escape(&r.title));
    for block in &r.blocks {
        out.push('\n');
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!(
                    "{} {}\n",
                    "#".repeat(usize::from(*level)),
                    markdown::escape(text)
                ));
            }
            Block::Para(text) => out.push_str(&format!("{}\n", markdown::escape(text))),
            Block::Table(t) | Block::Chart { data: t, .. } => out.push_str(&markdown_table(t)),
        }
    }
    out
}

fn markdown_table(t: &Table) -> String {
    let cell = |s: &str| markdown::escape(s).replace('|', "\\|");
    let mut out = format!("*{}*\n\n", markdown::escape(&t.caption));
    let head: Vec<String> = t.head.iter().map(|h| cell(h)).collect();
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    let rule: Vec<&str> = (t.numeric.iter())
        .map(|&n| if n { "---:" } else { "---" })
        .collect();
    out.push_str(&format!("| {} |\n", rule.join(" | ")));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// The page's style: readable at 320 CSS px (tables scroll in their own box), high contrast.
const STYLE: &str = "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem}caption{text-align:left;font-weight:600;padding:.25rem 0}\
th,td{border:1px solid #767676;padding:.2rem .5rem;vertical-align:top}th{background:#eee;text-align:left}\
td.n{text-align:right;font-variant-numeric:tabular-nums}.scroll{overflow-x:auto}\
svg{max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif;fill:#1a1a1a}";

/// The report as a standalone HTML page.
pub(crate) fn to_html(r: &Report) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        r.lang,
        html::escape(&r.title),
        html::escape(&r.title)
    );
    for block in &r.blocks {
        match block {
            Block::Heading(level, text) => {
                out.push_str(&format!("<h{level}>{}</h{level}>\n", html::escape(text)))
            }
            Block::Para(text) => out.push_str(&format!("<p>{}</p>\n", html::escape(text))),
            Block::Table(t) => out.push_str(&html_table(t)),
            Block::Chart { svg, data } => {
                out.push_str(&format!("<figure>\n{svg}\n</figure>\n"));
                out.push_str(&html_table(data));
            }
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn html_table(t: &Table) -> String {
    // A table wider than a narrow screen scrolls in a labelled region of its own, which the
    // keyboard can reach (WCAG 2.1: reflow, and scrollable regions focusable).
    let caption = html::escape(&t.caption);
    let mut out = format!(
        "<div class=\"scroll\" role=\"region\" aria-label=\"{caption}\" tabindex=\"0\">\n<table>\n<caption>{caption}</caption>\n<thead><tr>"
    );
    for h in &t.head {
        out.push_str(&format!("<th scope=\"col\">{}</th>", html::escape(h)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = if t.numeric.get(i) == Some(&true) {
                " class=\"n\""
            } else {
                ""
            };
            match i {
                0 => out.push_str(&format!("<th scope=\"row\">{}</th>", html::escape(c))),
                _ => out.push_str(&format!("<td{class}>{}</td>", html::escape(c))),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

/// The line under the title: which exam, when made.
pub(crate) fn made_on(date: &str) -> String {
    msg!("analyse-report-made", date = date)
}
