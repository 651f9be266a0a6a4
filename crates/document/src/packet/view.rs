//! What a print packet's templates see besides the plan: the session, the candidate and the
//! document's place in the packet (see [`context`](crate::context) for the names).

use serde::Serialize;

use crate::view::DatumView;
use toetsgen_plan::model::Datum;
use toetsgen_session::{Kandidaat, Sessie};

/// An exam session ready for templates.
#[derive(Debug, Serialize)]
pub struct SessieView {
    /// The session file's name without extension.
    pub naam: String,
    /// The day of the exam.
    pub datum: DatumView,
    /// The starting time, "09:30".
    pub tijd: Option<String>,
    /// Where.
    pub locatie: String,
    /// One or two assessors.
    pub beoordelaars: Vec<String>,
    /// "A. de Vries" or "A. de Vries en B. Bakker".
    pub beoordelaars_tekst: String,
    /// Every candidate, in the order given.
    pub kandidaten: Vec<KandidaatView>,
    /// Their number.
    pub aantal_kandidaten: usize,
}

/// One candidate ready for templates.
#[derive(Debug, Clone, Serialize)]
pub struct KandidaatView {
    /// Full name.
    pub naam: String,
    /// Candidate number.
    pub nummer: String,
    /// Municipality, when given.
    pub gemeente: Option<String>,
}

/// The assessor who fills in one beoordelingsformulier, where the session names two.
#[derive(Debug, Clone, Serialize)]
pub struct BeoordelaarView {
    /// 1 or 2: the place in the session's list of assessors.
    pub nummer: usize,
    /// Their name.
    pub naam: String,
}

/// How one document sits in the packet.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PakketDeel {
    /// The document's place in the packet, from 1: it names the label at the document's end,
    /// where its page count is read.
    pub nummer: usize,
    /// A level-1 heading to open the document with (the candidate's bookmark).
    pub kop: Option<String>,
    /// Whether the document sits under a candidate's heading: its own headings are then no
    /// bookmarks.
    pub onder_kop: bool,
}

impl SessieView {
    /// The view of a checked session.
    pub fn new(s: &Sessie) -> Self {
        SessieView {
            naam: s.naam.clone(),
            datum: DatumView::new(Datum(s.datum)),
            tijd: s.tijd.clone(),
            locatie: s.locatie.clone(),
            beoordelaars: s.beoordelaars.clone(),
            beoordelaars_tekst: s.beoordelaars.join(" en "),
            kandidaten: s.kandidaten.iter().map(KandidaatView::new).collect(),
            aantal_kandidaten: s.kandidaten.len(),
        }
    }
}

impl KandidaatView {
    /// The view of one candidate.
    pub fn new(k: &Kandidaat) -> Self {
        KandidaatView {
            naam: k.naam.trim().to_owned(),
            nummer: k.nummer.trim().to_owned(),
            gemeente: k.gemeente.as_ref().map(|g| g.trim().to_owned()),
        }
    }
}
