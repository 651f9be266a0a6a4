//! A table of the document: a row per table row that has text, each cell's paragraphs joined,
//! and a cell spanning columns (`w:gridSpan`) followed by empty cells so that columns keep their
//! positions. The columns are the table's grid (`w:tblGrid`), at most [`MAX_COLUMNS`].

use anyhow::{Result, bail};
use roxmltree::Node;

use super::body::{Reader, blocks, paragraph_text};
use super::{W, is};
use crate::{MAX_COLUMNS, Place, Row, clean_cell};
use toetsgen_base::msg;

impl Reader {
    /// A table: a row per table row that has text, a cell spanning columns followed by empty
    /// cells. The columns are the table's grid (`w:tblGrid`), at most [`MAX_COLUMNS`].
    pub(super) fn table(&mut self, tbl: &Node) -> Result<()> {
        self.tables += 1;
        let table = self.tables;
        let grid = grid_columns(tbl, table)?;
        // Word always writes the grid; without one, a row may still have at most MAX_COLUMNS.
        let width = if grid == 0 { MAX_COLUMNS } else { grid };
        let trs = blocks(*tbl, || msg!("import-place-table", table = table))?;
        for (r, tr) in trs.into_iter().filter(|n| is(n, "tr")).enumerate() {
            let place = Place::TableRow { table, row: r + 1 };
            let cells = row_cells(tr, place, width, grid)?;
            if cells.iter().any(|c| !c.is_empty()) {
                self.cells.add(cells.len(), place)?;
                self.rows.push(Row { place, cells });
            }
        }
        Ok(())
    }
}

/// The number of columns in the table's grid (0 if it has none), refused over [`MAX_COLUMNS`].
fn grid_columns(tbl: &Node, table: usize) -> Result<usize> {
    let grid = tbl
        .children()
        .filter(|n| is(n, "tblGrid"))
        .flat_map(|g| g.children())
        .filter(|n| is(n, "gridCol"))
        .take(MAX_COLUMNS + 1)
        .count();
    if grid > MAX_COLUMNS {
        bail!(msg!(
            "import-too-many-grid-columns",
            table = table,
            max = MAX_COLUMNS
        ));
    }
    Ok(grid)
}

/// The cells of a table row, `width` columns at most.
fn row_cells(tr: Node, place: Place, width: usize, grid: usize) -> Result<Vec<String>> {
    let has = if grid == 0 {
        msg!("import-table-may-have", max = MAX_COLUMNS)
    } else {
        msg!("import-table-has", grid = grid)
    };
    let mut cells = Vec::new();
    for tc in blocks(tr, || place.to_string())?
        .into_iter()
        .filter(|n| is(n, "tc"))
    {
        let span = span(&tc, place, width, &has)?;
        if cells.len() + span > width {
            bail!(msg!(
                "import-cells-span",
                place = place.to_string(),
                width = width,
                has = &has
            ));
        }
        cells.push(cell_text(tc, place)?);
        cells.resize(cells.len() + span - 1, String::new());
    }
    Ok(cells)
}

/// The columns a cell spans: 1, or its `w:gridSpan` if that is within `width` (`has` says how
/// many columns the table has, for the message).
fn span(tc: &Node, place: Place, width: usize, has: &str) -> Result<usize> {
    Ok(match grid_span(tc) {
        None => 1,
        Some(v) => match v.trim().parse::<usize>() {
            Ok(n) if (1..=width).contains(&n) => n,
            _ => bail!(msg!(
                "import-cell-span",
                place = place.to_string(),
                span = format!("{:?}", v.chars().take(40).collect::<String>()),
                has = has
            )),
        },
    })
}

/// The text of a cell: its paragraphs, one a line. A table inside a cell is refused.
fn cell_text(tc: Node, place: Place) -> Result<String> {
    let mut text = Vec::new();
    for block in blocks(tc, || place.to_string())? {
        if is(&block, "p") {
            text.push(paragraph_text(&block));
        } else if is(&block, "tbl") {
            bail!(msg!("import-nested-table", place = place.to_string()));
        }
    }
    Ok(clean_cell(&text.join("\n")))
}

/// The `w:gridSpan` of a cell, as written.
fn grid_span<'a>(tc: &Node<'a, '_>) -> Option<&'a str> {
    tc.children()
        .filter(|n| is(n, "tcPr"))
        .flat_map(|pr| pr.children())
        .find(|n| is(n, "gridSpan"))
        .and_then(|n| n.attribute((W, "val")))
}
