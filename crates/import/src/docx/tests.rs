//! Tests of reading a Word document: paragraphs and tables into rows, and each limit refused with
//! its place.

use super::*;
use crate::Place;

/// Messages in English, as these tests read them (the library speaks Dutch unless told).
fn english() {
    toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
}

/// A document.xml with this body.
fn document(body: &str) -> String {
    format!(r#"<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#)
}

/// A table cell holding this text.
fn cell(text: &str) -> String {
    format!("<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
}

/// Paragraphs (also inside content controls) and table rows become rows; a spanning cell keeps
/// the columns in place.
#[test]
fn reads_paragraphs_and_tables() {
    let xml = document(
        r#"
        <w:p><w:r><w:t>Toetsplan V1: Dienst</w:t></w:r><w:r><w:t>verlening</w:t></w:r></w:p>
        <w:p/>
        <w:sdt><w:sdtContent><w:p><w:r><w:t>Inleiding</w:t></w:r></w:p></w:sdtContent></w:sdt>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cesuur</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>16</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Onderdeel</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>X</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        "#,
    );
    let rows = rows_from_xml(&xml).unwrap();
    assert_eq!(rows[0].cells, vec!["Toetsplan V1: Dienstverlening"]);
    assert_eq!(rows[1].cells, vec!["Inleiding"], "inside a content control");
    assert_eq!(rows[2].cells, vec!["Cesuur", "16"]);
    assert_eq!(rows[2].place, Place::TableRow { table: 1, row: 1 });
    assert_eq!(rows[3].cells, vec!["Onderdeel", "", "X"]);
}

/// A table's grid bounds its rows: a span within it is read, a span beyond it, a row wider
/// than it, or a grid over 64 columns is refused with the table and row.
#[test]
fn grid_bounds_the_columns() {
    english();
    let grid = |n: usize| format!("<w:tblGrid>{}</w:tblGrid>", "<w:gridCol/>".repeat(n));
    let span = |v: &str| {
        format!(
            r#"<w:tc><w:tcPr><w:gridSpan w:val="{v}"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>"#
        )
    };
    let table = |grid: String, row: String| {
        document(&format!(
            "<w:tbl>{grid}<w:tr>{}</w:tr><w:tr>{row}</w:tr></w:tbl>",
            cell("x")
        ))
    };
    let rows = rows_from_xml(&table(grid(3), span("2") + &cell("b"))).unwrap();
    assert_eq!(rows[1].cells, vec!["a", "", "b"]);
    for (xml, expected) in [
        (
            table(grid(3), span("2000000000")),
            "table 1, row 2: a cell spans \"2000000000\" columns (w:gridSpan), but the table has 3 (w:tblGrid)",
        ),
        (
            table(grid(3), span("0")),
            "table 1, row 2: a cell spans \"0\" columns",
        ),
        (
            table(String::new(), span("65")),
            "a cell spans \"65\" columns (w:gridSpan), but a table may have at most 64",
        ),
        (
            table(grid(3), span("2") + &span("2")),
            "table 1, row 2: the cells span more than 3 columns, but the table has 3",
        ),
        (
            table(grid(65), cell("a")),
            "table 1 has more than 64 columns (w:gridCol), the limit",
        ),
    ] {
        let err = rows_from_xml(&xml).unwrap_err().to_string();
        assert!(err.contains(expected), "{err}");
    }
}

/// Content controls nested up to the limit are opened; one level more is refused, naming
/// where (no recursion: the depth is counted on a stack of its own).
#[test]
fn nesting_is_bounded() {
    english();
    let nested = |n: usize| {
        document(&format!(
            "{}<w:p><w:r><w:t>diep</w:t></w:r></w:p>{}",
            "<w:sdt><w:sdtContent>".repeat(n),
            "</w:sdtContent></w:sdt>".repeat(n)
        ))
    };
    assert_eq!(
        rows_from_xml(&nested(MAX_NESTING)).unwrap()[0].cells,
        ["diep"]
    );
    let err = rows_from_xml(&nested(MAX_NESTING + 1))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(
            "the body of the document: content controls (w:sdt) are nested more than 64 deep"
        ),
        "{err}"
    );
    let in_cell = document(&format!(
        "<w:tbl><w:tr><w:tc><w:tbl><w:tr>{}</w:tr></w:tbl></w:tc></w:tr></w:tbl>",
        cell("a")
    ));
    let err = rows_from_xml(&in_cell).unwrap_err().to_string();
    assert!(
        err.starts_with("table 1, row 1: a cell holds a table of its own"),
        "{err}"
    );
}

/// Word's line break (`w:br`) and the Unicode line breaks a text may hold (XML allows no
/// vertical tab or form feed) become newlines in the cell.
#[test]
fn line_breaks_become_newlines() {
    let xml = document(&format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell("a&#x85;b"),
        "<w:tc><w:p><w:r><w:t>c</w:t><w:br/><w:t>d&#x2028;e</w:t></w:r></w:p></w:tc>"
    ));
    assert_eq!(rows_from_xml(&xml).unwrap()[0].cells, ["a\nb", "c\nd\ne"]);
}

/// XML that would make the parser slow or large is refused before it is parsed, and the
/// parser itself stops at the node limit and refuses a DTD.
#[test]
fn xml_is_bounded() {
    english();
    let attrs: String = (0..33).map(|i| format!(" w:a{i}=\"\"")).collect();
    let err = rows_from_xml(&document(&format!("<w:p{attrs}/>")))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("an element has 33 attributes, more than the 32 allowed"),
        "{err}"
    );
    let decls: String = (0..300).map(|i| format!(" xmlns:n{i}=\"u\"")).collect();
    let err = rows_from_xml(&document(&format!("<w:p{decls}/>")))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("more than 256 namespace declarations"),
        "{err}"
    );
    let err = rows_from_xml(&document(&"<w:p/>".repeat(MAX_XML_NODES as usize)))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("has more than 400000 XML nodes, the limit"),
        "{err}"
    );
    let dtd = format!("<!DOCTYPE d [<!ENTITY e \"x\">]>{}", document(""));
    let err = rows_from_xml(&dtd).unwrap_err().to_string();
    assert!(err.contains("has a document type declaration"), "{err}");
}
