//! Filled-in paper forms read back from scans (issue 23): the reading core of `toetsgen scan`.
//!
//! A scanned page ([`Grey`], loaded by [`load`] from PNG, JPEG, TIFF or a PDF of scanned images)
//! is read by [`read_page`] against the layouts written beside the packets ([`Sidecar`]): its QR
//! code says what the page is ([`qr`]), the code's corners give a first estimate of where the page
//! lies in the image and which way up it is, the four corner marks ([`marks`]) refine that into a
//! transform ([`geometry`]), and every box the layout names on that page is measured and judged
//! ([`ink`]) and turned into the saved form's values ([`values`]), each with how sure the reading
//! is. Nothing is guessed: a box between the thresholds, or a choice with no box or two boxes
//! ticked, is doubtful and comes with a crop of the scan for a person to judge.
//!
//! [`Sidecar`]: toetsgen_document::packet::scan::Sidecar

pub mod form;
pub mod geometry;
pub mod grey;
pub mod ink;
pub mod limits;
pub mod load;
pub mod marks;
pub mod page;
mod pdf;
pub mod qr;
pub mod review;
pub mod stack;
mod tiff;
pub mod upright;
pub mod values;

pub use grey::Grey;
pub use load::{LoadError, ScanFile, load};
pub use page::{PageProblem, PageReading, read_page};
