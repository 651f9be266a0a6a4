//! The fonts every PDF is set in, compiled into the binary and handed to typst as its only fonts
//! (`--ignore-system-fonts`), so the same plan gives the same PDF on every machine.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::Result;

use toetsgen_base::fs;

/// Whether the PDFs can show `ch`: one of the fonts has a glyph for it, or it is white space or
/// a character that is not drawn (joiners, variation selectors, line breaks).
pub fn can_print(ch: char) -> bool {
    static FACES: OnceLock<Vec<ttf_parser::Face<'static>>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        (FONTS.iter())
            .filter_map(|(_, bytes)| ttf_parser::Face::parse(bytes, 0).ok())
            .collect()
    });
    not_drawn(ch)
        || faces
            .iter()
            .any(|f| f.glyph_index(ch).is_some_and(|g| g.0 != 0))
}

/// White space, line breaks, controls the escapers handle, and characters that join or vary
/// the ones around them without a glyph of their own.
fn not_drawn(ch: char) -> bool {
    ch.is_whitespace()
        || ch.is_control()
        || matches!(ch, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{FEFF}' | '\u{AD}')
}

/// Writes the fonts into `dir`.
pub(super) fn write_all(dir: &Path) -> Result<()> {
    for (name, bytes) in FONTS {
        fs::write_scratch(&dir.join(name), bytes)?;
    }
    Ok(())
}

const FONTS: &[(&str, &[u8])] = &[
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../../../fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSans-Bold.ttf",
        include_bytes!("../../../../fonts/NotoSans-Bold.ttf"),
    ),
    (
        "NotoSans-Italic.ttf",
        include_bytes!("../../../../fonts/NotoSans-Italic.ttf"),
    ),
    (
        "NotoSans-BoldItalic.ttf",
        include_bytes!("../../../../fonts/NotoSans-BoldItalic.ttf"),
    ),
    (
        "NotoSansArabic-Regular.ttf",
        include_bytes!("../../../../fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "NotoSansArabic-Bold.ttf",
        include_bytes!("../../../../fonts/NotoSansArabic-Bold.ttf"),
    ),
    (
        "NotoEmoji-Regular.ttf",
        include_bytes!("../../../../fonts/NotoEmoji-Regular.ttf"),
    ),
    (
        "NotoSansSymbols2-Regular.ttf",
        include_bytes!("../../../../fonts/NotoSansSymbols2-Regular.ttf"),
    ),
    (
        "DejaVuSans.ttf",
        include_bytes!("../../../../fonts/DejaVuSans.ttf"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Latin, Dutch accents, Arabic and emoji are shown; CJK, Thai, Tamil and private use are not.
    #[test]
    fn the_fonts_cover_what_plans_use() {
        for ch in ['a', 'é', 'ë', 'ĳ', '€', '–', 'ع', '😀', '✓'] {
            assert!(can_print(ch), "{ch}");
        }
        for ch in ['李', 'ひ', '한', 'ไ', 'த', '\u{E000}'] {
            assert!(!can_print(ch), "{ch}");
        }
    }
}
