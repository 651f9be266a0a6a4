//! The fonts every PDF is set in, compiled into the binary and handed to typst as its only fonts
//! (`--ignore-system-fonts`), so the same plan gives the same PDF on every machine.

use std::path::Path;

use anyhow::Result;

use toetsgen_base::fs;

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
