//! A text export of a toetsplan (Word: Save as → Plain text): one row per line, cells separated by
//! tabs. Word writes such exports in UTF-8 or, as "Unicode", in UTF-16 with a byte-order mark;
//! both are read, with lines ended by CR LF, LF or CR alone (Word offers all three).

use anyhow::{Result, bail};

use toetsgen_base::encoding::{self, Accepted};

use super::{CellCount, MAX_COLUMNS, Place, Row, clean_cell};

/// The text of an export: UTF-16 (with its byte-order mark) or UTF-8 (with or without one).
/// On bytes the encoding cannot read, the error is the 1-based line of the first.
pub fn decode(bytes: &[u8]) -> Result<String, usize> {
    (encoding::decode(bytes, Accepted::Unicode))
        .map(|decoded| decoded.text)
        .map_err(|at| at.line)
}

/// The rows of a text export; blank lines are left out. A line with more than
/// [`MAX_COLUMNS`](super::MAX_COLUMNS) cells, or more than [`MAX_CELLS`](super::MAX_CELLS)
/// cells in all, is refused.
pub fn rows(text: &str) -> Result<Vec<Row>> {
    let mut rows = Vec::new();
    let mut count = CellCount::default();
    for (i, line) in lines(text).enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let place = Place::Line(i + 1);
        let cells = line.bytes().filter(|&b| b == b'\t').count() + 1;
        if cells > MAX_COLUMNS {
            bail!(toetsgen_base::msg!(
                "import-too-many-columns",
                place = place.to_string(),
                cells = cells,
                max = MAX_COLUMNS
            ));
        }
        count.add(cells, place)?;
        rows.push(Row {
            place,
            cells: line.split('\t').map(clean_cell).collect(),
        });
    }
    Ok(rows)
}

/// The lines of a text, ended by CR LF, LF or CR.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// UTF-16 and UTF-8 exports read alike; a Latin-1 byte is reported by line.
    #[test]
    fn decodes_unicode_exports() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a\tb".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), "a\tb");
        assert_eq!(decode(b"\xEF\xBB\xBFa").unwrap(), "a");
        assert_eq!(decode(b"a\nb\xE9"), Err(2));
    }

    /// Cells are split on tabs and trimmed; line numbers count the blank lines too.
    #[test]
    fn splits_lines_on_tabs() {
        let rows = rows("Titel\n\nA\t b \t\n").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].place, Place::Line(3));
        assert_eq!(rows[1].cells, vec!["A", "b", ""]);
    }

    /// Lines end at CR LF, LF or a CR alone, and every ending counts for the line numbers; a
    /// vertical tab (Word's manual line break) stays inside its cell as a newline.
    #[test]
    fn reads_every_line_ending() {
        let rows = rows("a\r\nb\rc\nd\u{0B}e\tf").unwrap();
        let places: Vec<Place> = rows.iter().map(|r| r.place).collect();
        assert_eq!(
            places,
            [
                Place::Line(1),
                Place::Line(2),
                Place::Line(3),
                Place::Line(4)
            ]
        );
        assert_eq!(rows[3].cells, vec!["d\ne", "f"]);
    }

    /// A line with more cells than any table has, or more cells in all than a plan has, is
    /// refused with the limit, not read into memory.
    #[test]
    fn refuses_too_many_cells() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let wide = format!("a{}", "\tb".repeat(MAX_COLUMNS));
        let err = rows(&wide).unwrap_err().to_string();
        assert!(
            err.starts_with("line 1 has 65 cells (separated by tabs), more than the 64"),
            "{err}"
        );
        let long = "a\tb\n".repeat(super::super::MAX_CELLS / 2 + 1);
        let err = rows(&long).unwrap_err().to_string();
        assert!(
            err.contains("brings the cells and paragraphs read over 100000, the limit"),
            "{err}"
        );
    }
}
