//! A scan of an XML text before it is parsed, refusing what would make the parser slow or large:
//! roxmltree checks an element's attributes against each other (time grows with the square of
//! their number), looks namespace prefixes up in a list, and copies the namespaces in scope for
//! every element that declares one more (time and memory grow with the cube of the number of
//! declarations). Measured with roxmltree 0.21: one element with 40,000 attributes (470 KB) takes
//! 7 s to parse, 2,000 namespace declarations (70 KB) 13 s. Word writes at most about 15
//! attributes on an element and about 40 namespace declarations in a document.
//!
//! The scan is conservative: it counts at least what the parser will see. Every start tag is read
//! up to its `>` outside quotes (a `<` cannot occur inside a tag); comments, CDATA sections and
//! processing instructions are skipped as the parser skips them.

use anyhow::{Result, bail};
use toetsgen_base::msg;

/// The most attributes one element may have (namespace declarations not counted).
pub(crate) const MAX_ATTRIBUTES_PER_ELEMENT: usize = 32;

/// The most attributes in the whole XML text (namespace declarations not counted).
pub(crate) const MAX_ATTRIBUTES: usize = 400_000;

/// The most namespace declarations (`xmlns`, `xmlns:x`) in the whole XML text.
pub(crate) const MAX_NAMESPACES: usize = 256;

/// The longest namespace name (a URI; Word's are under 80 bytes).
pub(crate) const MAX_NAMESPACE_BYTES: usize = 512;

/// Checks the markup of `xml` (named `name` in messages) against the limits above.
pub(crate) fn check(name: &str, xml: &str) -> Result<()> {
    let b = xml.as_bytes();
    let mut attributes = 0;
    let mut namespaces = 0;
    let mut i = 0;
    while let Some(at) = find(b, i, b"<") {
        i = at + 1;
        let rest = &b[i..];
        let end = if rest.starts_with(b"!--") {
            find(b, i + 3, b"-->").map(|e| e + 3)
        } else if rest.starts_with(b"![CDATA[") {
            find(b, i + 8, b"]]>").map(|e| e + 3)
        } else if rest.starts_with(b"?") {
            find(b, i + 1, b"?>").map(|e| e + 2)
        } else if rest.starts_with(b"!") || rest.starts_with(b"/") {
            // A document type declaration (the parser refuses it) or an end tag: no attributes.
            Some(i)
        } else {
            let tag = start_tag(b, i);
            if tag.value_too_long {
                bail!(msg!(
                    "import-namespace-too-long",
                    part = name,
                    line = line_at(b, at),
                    max = MAX_NAMESPACE_BYTES
                ));
            }
            if tag.attributes > MAX_ATTRIBUTES_PER_ELEMENT {
                bail!(msg!(
                    "import-too-many-attributes",
                    part = name,
                    line = line_at(b, at),
                    n = tag.attributes,
                    max = MAX_ATTRIBUTES_PER_ELEMENT
                ));
            }
            attributes += tag.attributes;
            namespaces += tag.namespaces;
            if attributes > MAX_ATTRIBUTES {
                bail!(msg!(
                    "import-too-many-attributes-total",
                    part = name,
                    line = line_at(b, at),
                    max = MAX_ATTRIBUTES
                ));
            }
            if namespaces > MAX_NAMESPACES {
                bail!(msg!(
                    "import-too-many-namespaces",
                    part = name,
                    line = line_at(b, at),
                    max = MAX_NAMESPACES
                ));
            }
            Some(tag.end)
        };
        // An unclosed comment, section or tag runs to the end; the parser reports it.
        i = end.unwrap_or(b.len());
    }
    Ok(())
}

/// What a start tag holds.
struct Tag {
    /// Attributes other than namespace declarations.
    attributes: usize,
    /// Namespace declarations.
    namespaces: usize,
    /// Whether a namespace declaration's value is longer than [`MAX_NAMESPACE_BYTES`].
    value_too_long: bool,
    /// Where the scan goes on: after the tag's `>`, or at a `<` that ended it early.
    end: usize,
}

/// Reads the start tag whose name begins at `i` (just after its `<`). Every `=` outside a quoted
/// value counts as an attribute, named by the word before it.
fn start_tag(b: &[u8], mut i: usize) -> Tag {
    let mut tag = Tag {
        attributes: 0,
        namespaces: 0,
        value_too_long: false,
        end: b.len(),
    };
    // The last run of name characters seen: the name of an attribute when `=` follows.
    let mut word = (i, i);
    while let Some(&c) = b.get(i) {
        match c {
            b'<' => {
                // A broken tag; the parser reports it. Scanning goes on at this `<`.
                tag.end = i;
                return tag;
            }
            b'>' => {
                tag.end = i + 1;
                return tag;
            }
            b'=' => {
                let name = &b[word.0..word.1];
                let namespace = name == b"xmlns" || name.starts_with(b"xmlns:");
                if namespace {
                    tag.namespaces += 1;
                } else {
                    tag.attributes += 1;
                }
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = b.get(i) {
                    let close = b[i + 1..]
                        .iter()
                        .position(|&x| x == quote || x == b'<')
                        .map_or(b.len(), |p| p + i + 1);
                    tag.value_too_long |= namespace && close - (i + 1) > MAX_NAMESPACE_BYTES;
                    if b.get(close) != Some(&quote) {
                        tag.end = close;
                        return tag;
                    }
                    i = close + 1;
                }
                word = (i, i);
            }
            c if c.is_ascii_whitespace() || b"/\"'".contains(&c) => i += 1,
            _ => {
                if word.1 != i {
                    word = (i, i);
                }
                word.1 = i + 1;
                i += 1;
            }
        }
    }
    tag
}

/// The first position of `needle` in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// "line N" of a byte position.
fn line_at(b: &[u8], at: usize) -> String {
    let n = b[..at].iter().filter(|&&c| c == b'\n').count() + 1;
    msg!("import-place-line", n = n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Attributes are counted per element however the tag is written (quotes holding `>` or `=`,
    /// whitespace around `=`), and not inside comments, CDATA or processing instructions.
    #[test]
    fn counts_attributes_as_the_parser_sees_them() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let many = |n: usize, sep: &str| {
            (0..n)
                .map(|i| format!(" a{i}{sep}'>=x'"))
                .collect::<String>()
        };
        assert!(check("x", &format!("<e{}/>", many(32, "="))).is_ok());
        for sep in ["=", " = ", "\n=\t"] {
            let err = check("x", &format!("<r>\n<e{}/></r>", many(33, sep)))
                .unwrap_err()
                .to_string();
            assert_eq!(
                err,
                "x: line 2: an element has 33 attributes, more than the 32 allowed (Word writes at most about 15): the file was not made by Word; open it in Word and save it again"
            );
        }
        let hidden = format!(
            "<r><!--<e{0}/>--><![CDATA[<e{0}/>]]><?p <e{0}/>?></r>",
            many(40, "=")
        );
        assert!(check("x", &hidden).is_ok());
    }

    /// Namespace declarations count across the document, and their names have a length limit.
    #[test]
    fn bounds_namespaces() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let decls = |n: usize| {
            (0..n)
                .map(|i| format!("<e xmlns:n{i}=\"u\"/>"))
                .collect::<String>()
        };
        assert!(check("x", &format!("<r>{}</r>", decls(256))).is_ok());
        let err = check("x", &format!("<r>{}</r>", decls(257)))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("more than 256 namespace declarations"),
            "{err}"
        );
        let long = format!("<r xmlns=\"{}\"/>", "u".repeat(513));
        let err = check("x", &long).unwrap_err().to_string();
        assert!(
            err.contains("a namespace name is longer than 512 bytes"),
            "{err}"
        );
    }
}
