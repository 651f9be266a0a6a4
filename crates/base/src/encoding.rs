//! Bytes read from a file turned into text, in one way for every kind of file: a byte-order mark
//! decides the encoding (UTF-8, UTF-16 LE or BE, sniffed by `encoding_rs`); without one the text
//! is UTF-8, or where a kind of file allows it, another encoding (Windows-1252 for spreadsheet
//! exports). Bytes that the encoding cannot read are an error at their line and column, never
//! silently replaced.

use encoding_rs::{Encoding, UTF_8};

/// The encodings a kind of file may be in.
#[derive(Debug, Clone, Copy)]
pub enum Accepted {
    /// UTF-8 only (a byte-order mark allowed): toetsplannen, sessions.
    Utf8,
    /// UTF-8, or UTF-16 with its byte-order mark: Word's "Unicode" text exports.
    Unicode,
    /// UTF-8 (or UTF-16 with a byte-order mark), else this encoding: spreadsheet exports.
    Utf8Else(&'static Encoding),
}

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding it was read in.
    pub encoding: &'static Encoding,
}

/// The 1-based line and column (in bytes for UTF-8, in characters otherwise) of the first byte
/// that the file's encoding cannot read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undecodable {
    /// The line.
    pub line: usize,
    /// The column.
    pub column: usize,
}

/// Decodes `bytes` as a file of a kind that accepts `accepted`.
pub fn decode(bytes: &[u8], accepted: Accepted) -> Result<Decoded, Undecodable> {
    let (encoding, bom) = Encoding::for_bom(bytes).unwrap_or((UTF_8, 0));
    let body = &bytes[bom..];
    if encoding == UTF_8 {
        return match std::str::from_utf8(body) {
            Ok(text) => Ok(Decoded {
                text: text.to_owned(),
                encoding,
            }),
            Err(err) => match accepted {
                Accepted::Utf8Else(other) if bom == 0 => Ok(Decoded {
                    text: other.decode_without_bom_handling(body).0.into_owned(),
                    encoding: other,
                }),
                _ => Err(place_in_bytes(&body[..err.valid_up_to()])),
            },
        };
    }
    if matches!(accepted, Accepted::Utf8) {
        return Err(Undecodable { line: 1, column: 1 });
    }
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding,
        }),
        None => {
            let (lossy, _) = encoding.decode_without_bom_handling(body);
            let good = lossy.split('\u{FFFD}').next().unwrap_or_default();
            let line = good.matches('\n').count() + 1;
            let column = good.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
            Err(Undecodable { line, column })
        }
    }
}

/// The place just after `good`, the bytes before the first bad one.
fn place_in_bytes(good: &[u8]) -> Undecodable {
    let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    Undecodable {
        line,
        column: good.len() - line_start + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, bom: &[u8], unit: fn(u16) -> [u8; 2]) -> Vec<u8> {
        let mut bytes = bom.to_vec();
        bytes.extend(text.encode_utf16().flat_map(unit));
        bytes
    }

    /// UTF-8 with or without its mark, and UTF-16 of both byte orders where accepted.
    #[test]
    fn byte_order_marks_decide() {
        let text = |b: &[u8], a| decode(b, a).map(|d| d.text);
        assert_eq!(
            text(b"\xEF\xBB\xBFcode: V1", Accepted::Utf8).as_deref(),
            Ok("code: V1")
        );
        let le = utf16("één\ttwee", b"\xFF\xFE", u16::to_le_bytes);
        let be = utf16("één\ttwee", b"\xFE\xFF", u16::to_be_bytes);
        assert_eq!(text(&le, Accepted::Unicode).as_deref(), Ok("één\ttwee"));
        assert_eq!(text(&be, Accepted::Unicode).as_deref(), Ok("één\ttwee"));
        assert_eq!(
            text(&le, Accepted::Utf8),
            Err(Undecodable { line: 1, column: 1 })
        );
    }

    /// Invalid UTF-8 is an error at its place, or read in the fallback encoding where allowed.
    #[test]
    fn invalid_utf8_is_placed_or_read_otherwise() {
        let bytes = b"naam;nummer\nJos\xE9;1\n";
        assert_eq!(
            decode(bytes, Accepted::Utf8),
            Err(Undecodable { line: 2, column: 4 })
        );
        let read = decode(bytes, Accepted::Utf8Else(encoding_rs::WINDOWS_1252)).expect("1252");
        assert_eq!(read.text, "naam;nummer\nJosé;1\n");
        assert_eq!(read.encoding, encoding_rs::WINDOWS_1252);
    }

    /// A lone surrogate in UTF-16 is an error at its place, not a replacement character.
    #[test]
    fn broken_utf16_is_placed() {
        let mut bytes = utf16("a\nbc", b"\xFF\xFE", u16::to_le_bytes);
        bytes.extend([0x00, 0xD8]);
        assert_eq!(
            decode(&bytes, Accepted::Unicode),
            Err(Undecodable { line: 2, column: 3 })
        );
    }
}
