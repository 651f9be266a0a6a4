//! One scanned page read: its code found and looked up in the packets' layouts, its place in the
//! scan fitted to its corner marks, every box of it measured and judged, and its fields read.
//! What cannot be read is a [`PageProblem`], never a guess; a blank page (a packet's filler page,
//! "Deze pagina is bewust leeg gelaten.") is reported as blank, which is not an error.

use std::fmt;

use toetsgen_base::msg;
use toetsgen_document::packet::scan::Sidecar;
use toetsgen_document::packet::scan::code::{PageCode, document_code};
use toetsgen_document::packet::scan::layout::{DocumentLayout, Geometry};

use crate::geometry::{Homography, Point};
use crate::grey::Grey;
use crate::ink::{self, Place};
use crate::limits::{BLANK_WHITE, MARK_RESIDUAL_MAX, MARK_SEARCH, MARK_SEARCH_SPREAD};
use crate::marks::{self, Levels};
use crate::qr::{self, Code, Effort};
use crate::values::{self, BoxReading, FieldReading, Reading};

/// The modules of quiet zone around a page code (as `document::packet::scan` draws it).
const QUIET: f64 = 2.0;

/// A page read.
#[derive(Debug, Clone)]
pub struct PageReading {
    /// What the page says it is.
    pub code: PageCode,
    /// The index of its packet's layout among those given.
    pub sidecar: usize,
    /// The index of its document in that layout.
    pub document: usize,
    /// From the page's points to the scan's pixels.
    pub transform: Homography,
    /// Every box of the page, as read.
    pub vakjes: Vec<BoxReading>,
    /// Every field of the page, as read.
    pub velden: Vec<FieldReading>,
    /// The boxes of every doubtful field, cut out of the scan for a person to judge.
    pub crops: Vec<Crop>,
}

/// A box and its surroundings, cut out of the scan and set upright.
#[derive(Debug, Clone)]
pub struct Crop {
    /// The saved form's key of the box.
    pub veld: String,
    /// The box's value, in a choice.
    pub waarde: Option<String>,
    /// The image, as PNG (kept small: a stack may have many doubtful boxes).
    pub png: Vec<u8>,
}

/// Why a page gives no reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageProblem {
    /// Nearly white, without a code: a blank page (not an error).
    Blank,
    /// No toetsgen page code on it: not a page of a packet.
    NotOurs,
    /// Its code names a page that no layout given has.
    UnknownPage {
        /// The code's text.
        code: String,
    },
    /// Its page is known, but was printed with another layout.
    UnknownLayout {
        /// The code's text.
        code: String,
    },
    /// Fewer than three corner marks found.
    MarksNotFound {
        /// How many were found.
        found: usize,
    },
    /// The corner marks and the code do not agree on where the page lies.
    Misaligned,
}

impl PageProblem {
    /// Whether this is only a blank page.
    pub fn is_blank(&self) -> bool {
        *self == PageProblem::Blank
    }
}

impl fmt::Display for PageProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            PageProblem::Blank => msg!("scan-page-blank"),
            PageProblem::NotOurs => msg!("scan-page-not-ours"),
            PageProblem::UnknownPage { code } => msg!("scan-page-unknown", code = code.as_str()),
            PageProblem::UnknownLayout { code } => {
                msg!("scan-page-other-layout", code = code.as_str())
            }
            PageProblem::MarksNotFound { found } => msg!("scan-page-marks", found = *found),
            PageProblem::Misaligned => msg!("scan-page-misaligned"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for PageProblem {}

/// Reads a scanned page against the layouts of the packets it may come from.
pub fn read_page(page: &Grey, sidecars: &[Sidecar]) -> Result<PageReading, PageProblem> {
    let quick = qr::find(page, Effort::Quick);
    let Some(code) = quick.or_else(|| {
        // A blank page is told before the thorough (slower) search for a code.
        (!is_blank(page)).then(|| qr::find(page, Effort::Thorough))?
    }) else {
        return Err(if is_blank(page) {
            PageProblem::Blank
        } else {
            PageProblem::NotOurs
        });
    };
    let pc = PageCode::parse(&code.text).ok_or(PageProblem::NotOurs)?;
    let (sidecar, document) = lookup(&pc, sidecars)?;
    let doc = &sidecars[sidecar].documenten[document];
    let levels = marks::levels(page, &code);
    let transform = locate(page, &code, &doc.geometrie, levels)?;
    let place = Place {
        page,
        transform: &transform,
        black: levels.black,
    };
    let vakjes = measure(&place, doc, pc.pagina);
    let velden = values::fields(&vakjes);
    let crops = crops(&place, doc, pc.pagina, &velden);
    Ok(PageReading {
        code: pc,
        sidecar,
        document,
        transform,
        vakjes,
        velden,
        crops,
    })
}

/// Whether a page without a code is blank: nearly all of it paper white.
fn is_blank(page: &Grey) -> bool {
    let px = page.pixels();
    let mut sample: Vec<u8> = px.iter().step_by(7).copied().collect();
    sample.sort_unstable();
    let white = f64::from(sample[sample.len() * 9 / 10]);
    let dark = sample
        .iter()
        .filter(|&&v| f64::from(v) < white - 80.0)
        .count();
    1.0 - dark as f64 / sample.len() as f64 >= BLANK_WHITE
}

/// The layout and document a code names: its session, plan, version, document, candidate,
/// assessor and page count must all match, and then its layout hash.
fn lookup(pc: &PageCode, sidecars: &[Sidecar]) -> Result<(usize, usize), PageProblem> {
    let mut other_layout = false;
    for (s, sidecar) in sidecars.iter().enumerate() {
        let session = pc.sessie.as_deref() == sidecar.sessie_code.as_deref()
            && pc.plan == sidecar.plan
            && pc.versie == sidecar.versie;
        if !session {
            continue;
        }
        for (d, doc) in sidecar.documenten.iter().enumerate() {
            if same_page(pc, doc) {
                if doc.opmaak == pc.opmaak {
                    return Ok((s, d));
                }
                other_layout = true;
            }
        }
    }
    let code = pc.text();
    Err(if other_layout {
        PageProblem::UnknownLayout { code }
    } else {
        PageProblem::UnknownPage { code }
    })
}

/// Whether a code names a page of this document (its layout aside).
fn same_page(pc: &PageCode, doc: &DocumentLayout) -> bool {
    document_code(&doc.document) == pc.document
        && doc.kandidaat == pc.kandidaat
        && doc.beoordelaar == pc.beoordelaar
        && doc.paginas == pc.paginas
}

/// Where the page lies in the scan: first from the code's corners, then fitted to the corner
/// marks found near where that puts them, and checked against the code again.
fn locate(
    page: &Grey,
    code: &Code,
    g: &Geometry,
    levels: Levels,
) -> Result<Homography, PageProblem> {
    let (symbol, rough) = from_code(code, g).ok_or(PageProblem::Misaligned)?;
    let qr_centre = centre(&symbol);
    let mut pairs = Vec::new();
    for c in mark_centres(g) {
        let scale = rough.scale_at(c);
        let half = MARK_SEARCH.max(MARK_SEARCH_SPREAD * c.distance(qr_centre)) * scale;
        let side = g.hoek * scale;
        if let Some(found) = marks::find(page, rough.apply(c), half, side, levels.middle()) {
            pairs.push((c, found));
        }
    }
    if pairs.len() < 3 {
        return Err(PageProblem::MarksNotFound { found: pairs.len() });
    }
    let fitted = Homography::fit(&pairs).ok_or(PageProblem::Misaligned)?;
    let seen = centre(&code.corners);
    let off = fitted.apply(qr_centre).distance(seen) / fitted.scale_at(qr_centre);
    if off > MARK_RESIDUAL_MAX {
        return Err(PageProblem::Misaligned);
    }
    Ok(fitted)
}

/// The code's symbol corners on the page (points) and the transform they give to the scan.
fn from_code(code: &Code, g: &Geometry) -> Option<([Point; 4], Homography)> {
    let module = g.qr / (code.modules as f64 + 2.0 * QUIET);
    let left = (g.breedte - g.qr) / 2.0 + QUIET * module;
    let top = g.hoogte - g.qr_rand - g.qr + QUIET * module;
    let side = code.modules as f64 * module;
    let symbol = [
        Point::new(left, top),
        Point::new(left + side, top),
        Point::new(left + side, top + side),
        Point::new(left, top + side),
    ];
    let pairs: Vec<_> = symbol.iter().copied().zip(code.corners).collect();
    Some((symbol, Homography::fit_affine(&pairs)?))
}

/// The mean of four points.
fn centre(points: &[Point; 4]) -> Point {
    let x = points.iter().map(|p| p.x).sum::<f64>() / 4.0;
    let y = points.iter().map(|p| p.y).sum::<f64>() / 4.0;
    Point::new(x, y)
}

/// The centres of the four corner marks on the page.
fn mark_centres(g: &Geometry) -> [Point; 4] {
    let near = g.rand + g.hoek / 2.0;
    let (far_x, far_y) = (g.breedte - near, g.hoogte - near);
    [
        Point::new(near, near),
        Point::new(far_x, near),
        Point::new(far_x, far_y),
        Point::new(near, far_y),
    ]
}

/// Every box of page `pagina` of the document, measured and judged.
fn measure(place: &Place<'_>, doc: &DocumentLayout, pagina: u32) -> Vec<BoxReading> {
    (doc.vakjes.iter())
        .filter(|b| b.pagina == pagina)
        .map(|b| {
            let ink = place.ink(b.x, b.y, doc.geometrie.vakje);
            let (mark, zekerheid) = ink::classify(ink);
            BoxReading {
                veld: b.veld.clone(),
                waarde: b.waarde.clone(),
                ink,
                mark,
                zekerheid,
            }
        })
        .collect()
}

/// Crops of every box of the doubtful fields.
fn crops(
    place: &Place<'_>,
    doc: &DocumentLayout,
    pagina: u32,
    velden: &[FieldReading],
) -> Vec<Crop> {
    let doubtful =
        |veld: &str| (velden.iter()).any(|f| f.veld == veld && f.waarde == Reading::Doubtful);
    (doc.vakjes.iter())
        .filter(|b| b.pagina == pagina && doubtful(&b.veld))
        .map(|b| Crop {
            veld: b.veld.clone(),
            waarde: b.waarde.clone(),
            png: crate::upright::png(&place.crop(b.x, b.y, doc.geometrie.vakje)),
        })
        .collect()
}
