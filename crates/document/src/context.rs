//! The context of one template rendering: the plan's [`PlanView`] and the document being made.
//!
//! # Template context
//!
//! Every template gets these variables (names as in the YAML where they come from it):
//!
//! - `plan.code`, `plan.naam`, `plan.titel` ("V1: Dienstverlening")
//! - `plan.omschrijving`, `plan.toetsvorm`, `plan.toegestane_tijd`, `plan.aantal_vragen`,
//!   `plan.cesuur`, `plan.scoringsregels`, `plan.hulpmiddelen`, `plan.instructies`: texts, absent
//!   when the plan does not give them; `plan.aantal_vragen_getal` when it is a number. Print a
//!   text with `{{ x | tekst }}` (paragraphs) or `{{ x | tekst_inline }}` (one cell or line).
//! - `plan.ingangsdatum`, `plan.versie` (latest change date): dates with `.iso` (2021-09-01),
//!   `.lang` (1 september 2021) and `.kort` (1-9-2021)
//! - `plan.metadata`: the rows of the plan's metadata table, each with `label` and `tekst`
//! - `plan.onderdelen`: each with `naam`, `nummer` (1-based) and `toetstermen`
//! - `plan.toetstermen`: all toetstermen in order; each has `code`, `tekst`, `gewijzigd` (date),
//!   `niveaus` (list of codes), `niveau_tekst` ("B, PV"), `heeft` (map K/B/RV/PV → bool),
//!   `aantal_opdrachten`, `verplicht`, `onderdeel`
//! - `plan.aantal_toetstermen`, `plan.totaal_opdrachten`, `plan.toont_opdrachten` (whether the
//!   table has an "Aantal opdr." column)
//! - `plan.wijzigingen`: toetstermen changed after the ingangsdatum
//! - `plan.eerdere_versies`: the earlier versions kept in the output folder, newest first, each
//!   a date with `map`, the folder of its documents relative to the plan's folder
//! - `plan.beoordeling`: `opgegeven` (the plan has a beoordeling block), `waarnemingen`,
//!   `waarneming`, `kolommen` (column labels), `schaal`, `schaal_tekst` (the scale as text,
//!   "onvoldoende of voldoende"), `voldoende_oordelen` (the sufficient judgements as text, e.g.
//!   "voldoende of goed"), `minimaal_voldoende`, `verplicht`, `heeft_cesuur` (the plan states
//!   a cesuur: as text, a minimum or toetstermen that must be voldoende); for an exam judged by
//!   questions `vragen` (true), `aantal_vragen` (the toetstermen's questions together) and
//!   `minimaal_goed` (the cut-off, absent when the plan gives the cesuur only as text)
//! - `plan.toetsmatrijs` (only for an exam judged by questions): `onderdelen` (each with
//!   `naam`, `nummer`, `vragen`, `per_niveau` and `rijen`, a row per toetsterm with `code`,
//!   `vragen` and `per_niveau`), `per_niveau` and `totaal`; `per_niveau` lists the questions
//!   under K, B, RV and PV as texts ("" where none); `meerdere_niveaus` says whether a
//!   toetsterm at several levels counts under each of them
//! - `niveaus`: the four levels with `code` and `naam`
//! - `document`: this document's `naam` (file name) and `titel`; `documenten`: all of them
//! - `generator`: `naam` and `versie` of toetsgen
//! - `lang_blok`: a row or item whose text is longer than this many characters may break across
//!   pages (`{% if t.tekst | length > lang_blok %}`); shorter ones are kept on one page
//!
//! Only in a print packet (`toetsgen packet`; absent in the published documents, so test them
//! with `{% if kandidaat %}`):
//!
//! - `sessie`: the exam session: `naam`, `datum` (a date as above), `tijd` ("09:30", optional),
//!   `locatie`, `beoordelaars` (one or two names), `beoordelaars_tekst` ("A. de Vries en B. Bakker"),
//!   `kandidaten` (each with `naam`, `nummer`, `gemeente`) and `aantal_kandidaten`
//! - `kandidaat`: on a candidate's documents, that candidate: `naam`, `nummer`, `gemeente`
//!   (optional)
//! - `beoordelaar`: on a beoordelingsformulier of a session with two assessors, the assessor who
//!   fills in this form: `nummer` (1 or 2) and `naam` (each assessor has a form of their own)
//! - `pakket`: how the document sits in the packet: `nummer` (its place, from 1), `kop` (a heading to open it with, naming the
//!   candidate; it is the candidate's bookmark) and `onder_kop` (the document sits under such a
//!   heading: its own headings are no bookmarks)
//!
//! Only in the published PDF of a document a scan reads back (the beoordelingsformulier; absent
//! in a packet, which has its own marks, and in Markdown and HTML):
//!
//! - `scan`: `codes`, the file in typst's root that holds the QR code of every page (made by
//!   toetsgen after a first typst run has read where the form's boxes are)

use serde::Serialize;

use crate::packet::view::{BeoordelaarView, KandidaatView, PakketDeel, SessieView};
use crate::typst::LONG_BLOCK;
use crate::view::PlanView;
use toetsgen_plan::model::Niveau;

/// The whole context of one template rendering.
#[derive(Debug, Serialize)]
pub struct Context<'a> {
    /// The plan.
    pub plan: &'a PlanView,
    /// The document being rendered.
    pub document: &'a DocumentInfo,
    /// All documents made for the plan.
    pub documenten: &'a [DocumentInfo],
    /// The four levels.
    pub niveaus: Vec<NiveauView>,
    /// The program that made the document.
    pub generator: Generator,
    /// A table row or list item whose text is longer than this many characters may break across
    /// pages (it could not fit on one); shorter ones are kept whole.
    pub lang_blok: usize,
    /// The exam session, in a print packet only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sessie: Option<&'a SessieView>,
    /// The candidate whose document this is, in a print packet only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kandidaat: Option<&'a KandidaatView>,
    /// The document's place in a print packet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pakket: Option<PakketDeel>,
    /// The assessor whose form this is, where the session names two.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beoordelaar: Option<BeoordelaarView>,
    /// The page codes of a published form a scan reads back (see [`ScanCodes`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scan: Option<ScanCodes>,
}

/// Where a published form's page codes are for typst: the form carries corner marks and a QR
/// code on every page, without session or candidate, so that a blank form printed from the site
/// can be scanned.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ScanCodes {
    /// The file in typst's root, from its root (`/scan/V1-2021-09-01-beoordelingsformulier.json`).
    pub codes: String,
}

/// A document's name and title.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DocumentInfo {
    /// File name without extension, e.g. `beoordelingsformulier`.
    pub naam: String,
    /// Title, e.g. `Beoordelingsformulier`.
    pub titel: String,
}

/// Name and version of toetsgen.
#[derive(Debug, Serialize)]
pub struct Generator {
    /// "toetsgen".
    pub naam: &'static str,
    /// The program version.
    pub versie: &'static str,
}

impl Generator {
    /// This program.
    pub const TOETSGEN: Generator = Generator {
        naam: "toetsgen",
        versie: env!("CARGO_PKG_VERSION"),
    };
}

/// A level with its Dutch name.
#[derive(Debug, Serialize)]
pub struct NiveauView {
    /// "PV".
    pub code: &'static str,
    /// "productieve vaardigheden".
    pub naam: &'static str,
}

impl<'a> Context<'a> {
    /// The context for one document of one plan.
    pub fn new(
        plan: &'a PlanView,
        document: &'a DocumentInfo,
        documenten: &'a [DocumentInfo],
    ) -> Self {
        Context {
            plan,
            document,
            documenten,
            niveaus: Niveau::ALL
                .iter()
                .map(|n| NiveauView {
                    code: n.code(),
                    naam: n.naam(),
                })
                .collect(),
            generator: Generator::TOETSGEN,
            lang_blok: LONG_BLOCK,
            sessie: None,
            kandidaat: None,
            pakket: None,
            beoordelaar: None,
            scan: crate::packet::scan::scannable(&document.naam).then(|| ScanCodes {
                codes: format!(
                    "/{}",
                    crate::packet::scan::published_codes_file(
                        &plan.code,
                        &plan.versie.iso,
                        &document.naam
                    )
                ),
            }),
        }
    }

    /// The same document as part of the print packet of `sessie`, for `kandidaat` when given.
    pub fn in_packet(
        mut self,
        sessie: &'a SessieView,
        kandidaat: Option<&'a KandidaatView>,
        pakket: PakketDeel,
    ) -> Self {
        self.sessie = Some(sessie);
        self.kandidaat = kandidaat;
        self.pakket = Some(pakket);
        self.scan = None;
        self
    }

    /// The same document as the form of one of the session's two assessors.
    pub fn for_assessor(mut self, beoordelaar: BeoordelaarView) -> Self {
        self.beoordelaar = Some(beoordelaar);
        self
    }
}
