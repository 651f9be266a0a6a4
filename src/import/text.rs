//! A text export of a toetsplan (Word: Save as → Plain text): one row per line, cells separated by
//! tabs. Word writes such exports in UTF-8 or, as "Unicode", in UTF-16 with a byte-order mark;
//! both are read.

use super::{Place, Row};

/// The text of an export: UTF-16 (with its byte-order mark) or UTF-8 (with or without one).
/// On invalid UTF-8, the error is the 1-based line of the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<String, usize> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(utf16(rest, u16::from_be_bytes));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map(str::to_owned).map_err(|e| {
        bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    })
}

/// The rows of a text export; blank lines are left out.
pub fn rows(text: &str) -> Vec<Row> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| Row {
            place: Place::Line(i + 1),
            cells: line.split('\t').map(|c| c.trim().to_owned()).collect(),
        })
        .collect()
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
        let rows = rows("Titel\n\nA\t b \t\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].place, Place::Line(3));
        assert_eq!(rows[1].cells, vec!["A", "b", ""]);
    }
}
