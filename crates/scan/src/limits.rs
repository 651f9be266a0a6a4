//! The limits and thresholds of the reader, in one place: how large a scan may be, the resolution
//! scanned PDFs are rendered at, and where the ink of a box turns from empty to ticked to filled,
//! with the doubtful bands between.

/// The longest side of a page image, in pixels (A3 at 600 dpi is 9,921).
pub const MAX_SIDE: u32 = 12_000;

/// The most pixels a page image may have (A3 at 600 dpi: 69.6 million).
pub const MAX_PIXELS: u64 = 72_000_000;

/// The largest scan file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// The most pages one scan file may have.
pub const MAX_PAGES: usize = 10_000;

/// The resolution a page of a scanned PDF is rendered at, in dots per inch, unless the page is so
/// large that fewer pixels fit into [`MAX_PIXELS`].
pub const PDF_DPI: f64 = 250.0;

/// The lowest resolution a PDF page is rendered at; a larger page is refused.
pub const PDF_MIN_DPI: f64 = 100.0;

/// How much of a box's border-free inside is measured: its printed border (0.6 pt, centred on its
/// edge) and this margin, in points, are left out on every side.
pub const BOX_INSET: f64 = 1.2;

/// How dark a pixel must be, as a fraction of the way from the local paper white to the page's
/// black, to count as ink: light pencil (a third of the way) still counts, paper noise does not.
pub const INK_LEVEL: f64 = 0.25;

/// At most this fraction of a box's inside inked: the box is empty.
pub const EMPTY_MAX: f64 = 0.025;

/// At least this fraction inked: ticked (a tick, a cross). Between [`EMPTY_MAX`] and this, the
/// lower doubtful band: a dot, a short stroke, a smudge.
pub const TICKED_MIN: f64 = 0.10;

/// At most this fraction inked: still a tick or cross. Between this and [`FILLED_MIN`], the
/// upper doubtful band: a heavy cross or a box half blacked out.
pub const TICKED_MAX: f64 = 0.66;

/// At least this fraction inked: the box is filled in completely, a cancelled mark.
pub const FILLED_MIN: f64 = 0.84;

/// How far (as a fraction of the inside) a box's ink must be from the nearest threshold for the
/// reading to be fully sure; nearer, its confidence falls in proportion.
pub const SURE_MARGIN: f64 = 0.05;

/// A page whose pixels are at least this fraction paper white has nothing on it: a blank page.
pub const BLANK_WHITE: f64 = 0.995;

/// The half size of the window searched for a corner mark, in points, around where the QR code
/// predicts it; grows with the distance from the code (see [`MARK_SEARCH_SPREAD`]).
pub const MARK_SEARCH: f64 = 28.0;

/// The share of its distance from the QR code that a corner mark's predicted place may be off.
pub const MARK_SEARCH_SPREAD: f64 = 0.08;

/// The largest distance, in points, between where the fitted transform puts a corner mark and
/// where it was found; more, and the marks do not agree with one page.
pub const MARK_RESIDUAL_MAX: f64 = 3.0;

/// The margin around a doubtful box in its crop, in points.
pub const CROP_MARGIN: f64 = 9.0;

/// The crop's resolution, in pixels per point (about 290 dpi).
pub const CROP_SCALE: f64 = 4.0;

/// The resolution of a page set upright ([`crate::upright`]): enough to read handwriting, small
/// enough to write a page for every page read.
pub const UPRIGHT_DPI: f64 = 150.0;

/// How far inside a handwritten field's edges writing is looked for, in points: its cell's
/// printed lines stay out.
pub const WRITING_INSET: f64 = 3.0;

/// A pixel this dark (of 255) in a handwritten field is ink.
pub const WRITING_LEVEL: u8 = 140;

/// A handwritten field holds writing when more than this share of its inside is ink (a short
/// word in a small cell is about 1 %; scanner noise stays far below).
pub const WRITING_MIN: f64 = 0.002;
