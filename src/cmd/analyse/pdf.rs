//! The report as a PDF: the same blocks as the Markdown and the HTML ([`super::report`]) written
//! as one Typst source and compiled by typst as every PDF of toetsgen is (PDF/A-2a and PDF/UA-1,
//! the shipped fonts, no network): headings, tables with a header row that repeats on every
//! page and rows that do not split, each chart as its SVG with the data table's caption as its
//! alternative text and the table itself after it.

use std::path::Path;

use anyhow::{Context, Result};
use toetsgen_base::cancel::Cancel;
use toetsgen_base::msg;
use toetsgen_document::pdf::{Chunk, Compiler, Job, Typst};
use toetsgen_document::typst::{escape, string};

use super::report::{Block, Report, Table};

/// The report's PDF, made by `typst` in a private scratch folder under `scratch` (the report
/// holds candidates' numbers, and names with `--namen`): its bytes.
pub(crate) fn make(report: &Report, typst: &Typst, scratch: &Path, date: i64) -> Result<Vec<u8>> {
    let compiler = Compiler::new(typst, Some(scratch), false, None)?;
    let job = Job {
        label: report.title.clone(),
        template: msg!("analyse-pdf-source"),
        source: source(report),
    };
    let chunk = Chunk {
        timestamp: date,
        jobs: vec![job],
    };
    let made = compiler.compile(&chunk, &Cancel::new())?;
    let path = made
        .into_iter()
        .next()
        .context(msg!("analyse-pdf-none"))??;
    std::fs::read(&path).with_context(|| msg!("base-cannot-read", path = &path))
}

/// The Typst source of the report.
pub(crate) fn source(r: &Report) -> String {
    let mut out = format!(
        "#set document(title: {title})\n\
         #set page(paper: \"a4\", margin: (x: 18mm, y: 20mm), footer: context [#set text(size: 8pt, fill: luma(70)); #{title} #h(1fr) #counter(page).display(\"1 / 1\", both: true)])\n\
         #set text(font: (\"Noto Sans\", \"Noto Sans Symbols2\", \"DejaVu Sans\"), size: 9.5pt, lang: {lang})\n\
         #set par(justify: false)\n\
         #show heading: set text(fill: rgb(\"#154273\"))\n\
         #show table.cell.where(y: 0): set text(weight: \"bold\")\n\
         #set table.cell(breakable: false)\n\
         = {heading}\n",
        title = string(&r.title),
        lang = string(r.lang),
        heading = escape(&r.title),
    );
    for block in &r.blocks {
        out.push('\n');
        match block {
            Block::Heading(level, text) => {
                let marks = "=".repeat(usize::from(*level));
                out.push_str(&format!("{marks} {}\n", escape(text)));
            }
            Block::Para(text) => out.push_str(&format!("{}\n", escape(text))),
            Block::Table(t) => out.push_str(&table(t)),
            Block::Chart { svg, data } => {
                out.push_str(&format!(
                    "#align(center, image(bytes({}), format: \"svg\", width: 80%, alt: {}))\n",
                    string(svg),
                    string(&data.caption)
                ));
                out.push_str(&table(data));
            }
        }
    }
    out
}

/// A table: its caption in bold above it, a header row repeated on every page, numbers to the
/// right, rows kept whole.
fn table(t: &Table) -> String {
    let columns = t.head.len().max(1);
    let align: Vec<&str> = (0..columns)
        .map(|i| match t.numeric.get(i) {
            Some(true) => "right",
            _ => "left",
        })
        .collect();
    let mut out = format!(
        "#block(breakable: false, below: 2pt)[*{}*]\n#table(columns: {columns}, align: ({},), stroke: 0.5pt + luma(120), inset: 4pt,\n  table.header(repeat: true, ",
        escape(&t.caption),
        align.join(", "),
    );
    let cells: Vec<String> = t.head.iter().map(|h| format!("[{}]", escape(h))).collect();
    out.push_str(&cells.join(", "));
    out.push_str("),\n");
    for row in &t.rows {
        let mut cells: Vec<String> = row.iter().map(|c| format!("[{}]", escape(c))).collect();
        cells.resize(columns, "[]".to_owned());
        out.push_str(&format!("  {},\n", cells.join(", ")));
    }
    out.push_str(")\n");
    out
}
