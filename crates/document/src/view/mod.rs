//! What the templates see of a plan: one typed, serializable view per plan; everything a
//! template needs is computed here (Dutch dates, the version, level marks, observation columns,
//! the judgement scale as a sentence), so that templates only lay out. The variables are listed
//! in [`context`](crate::context).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::matrijs::Toetsmatrijs;
use toetsgen_plan::dates;
use toetsgen_plan::model::{AantalVragen, Datum, Niveau, Soort, Toetsplan, Toetsterm};

mod versies;

pub use versies::{CorrectieView, EerdereVersie, TermWijziging, VersieWijzigingen, VervangenDoor};

/// A date in the forms templates print.
#[derive(Debug, Clone, Serialize)]
pub struct DatumView {
    /// 2021-09-01.
    pub iso: String,
    /// 1 september 2021.
    pub lang: String,
    /// 1-9-2021.
    pub kort: String,
}

/// A plan ready for templates.
#[derive(Debug, Serialize)]
pub struct PlanView {
    /// Plan code.
    pub code: String,
    /// Module name.
    pub naam: String,
    /// "V1: Dienstverlening".
    pub titel: String,
    /// Introduction.
    pub omschrijving: Option<String>,
    /// Start date.
    pub ingangsdatum: DatumView,
    /// Latest change date.
    pub versie: DatumView,
    /// The version as the documents name it: "1 september 2021", after a correction "1 september
    /// 2021, gecorrigeerd op 5 december 2026".
    pub versie_tekst: String,
    /// The corrections of this version, oldest first.
    pub correcties: Vec<CorrectieView>,
    /// Form of the exam.
    pub toetsvorm: Option<String>,
    /// Time allowed.
    pub toegestane_tijd: Option<String>,
    /// Number of questions as text.
    pub aantal_vragen: Option<String>,
    /// Number of questions when it is a number.
    pub aantal_vragen_getal: Option<u64>,
    /// Pass mark text.
    pub cesuur: Option<String>,
    /// Scoring rules text.
    pub scoringsregels: Option<String>,
    /// Allowed aids text.
    pub hulpmiddelen: Option<String>,
    /// Instructions text.
    pub instructies: Option<String>,
    /// Metadata table rows.
    pub metadata: Vec<MetadataRij>,
    /// Groups of toetstermen.
    pub onderdelen: Vec<OnderdeelView>,
    /// All toetstermen in order.
    pub toetstermen: Vec<ToetstermView>,
    /// Number of toetstermen.
    pub aantal_toetstermen: usize,
    /// The TOTAAL row.
    pub totaal_opdrachten: Option<u32>,
    /// Whether the tables show an "Aantal opdr." column.
    pub toont_opdrachten: bool,
    /// Toetstermen changed after the ingangsdatum.
    pub wijzigingen: Vec<ToetstermView>,
    /// Earlier versions kept, newest first.
    pub eerdere_versies: Vec<EerdereVersie>,
    /// For the documents of an earlier version: the version that replaced it.
    pub vervangen_door: Option<VervangenDoor>,
    /// What changed in each version, newest first, as far as the plan archive tells (the plan's
    /// page of the site shows it).
    pub historie: Vec<VersieWijzigingen>,
    /// Shape of the beoordelingsformulier.
    pub beoordeling: BeoordelingView,
    /// The toetsmatrijs, for an exam judged by questions.
    pub toetsmatrijs: Option<Toetsmatrijs>,
}

/// One row of the metadata table.
#[derive(Debug, Serialize)]
pub struct MetadataRij {
    /// "Toetsvorm".
    pub label: &'static str,
    /// The value.
    pub tekst: String,
}

/// An onderdeel ready for templates.
#[derive(Debug, Serialize)]
pub struct OnderdeelView {
    /// Heading.
    pub naam: String,
    /// 1-based position.
    pub nummer: usize,
    /// Its toetstermen.
    pub toetstermen: Vec<ToetstermView>,
}

/// A toetsterm ready for templates.
#[derive(Debug, Clone, Serialize)]
pub struct ToetstermView {
    /// "V1.01".
    pub code: String,
    /// The criterion.
    pub tekst: String,
    /// Last change date.
    pub gewijzigd: DatumView,
    /// Level codes in table order.
    pub niveaus: Vec<&'static str>,
    /// "B, PV".
    pub niveau_tekst: String,
    /// Level code → tested at that level.
    pub heeft: BTreeMap<&'static str, bool>,
    /// Number of assignments.
    pub aantal_opdrachten: Option<u32>,
    /// Must be judged sufficient.
    pub verplicht: bool,
    /// Name of its onderdeel.
    pub onderdeel: String,
}

/// The beoordelingsformulier's shape.
#[derive(Debug, Serialize)]
pub struct BeoordelingView {
    /// Whether the plan has a beoordeling block (otherwise defaults).
    pub opgegeven: bool,
    /// Judged by questions (a score form) rather than by observation.
    pub vragen: bool,
    /// The number of questions (the toetstermen's `aantal_opdrachten` together).
    pub aantal_vragen: u64,
    /// Structured cut-off of a question exam: at least this many questions correct.
    pub minimaal_goed: Option<u32>,
    /// The plan states a rule the fillable form can apply (`minimaal_voldoende`, `verplicht` or
    /// `minimaal_goed`); otherwise the form computes nothing.
    pub berekent: bool,
    /// The judgements that count as sufficient, one by one.
    pub voldoende_lijst: Vec<String>,
    /// Number of observation columns.
    pub waarnemingen: u32,
    /// Label of one observation.
    pub waarneming: String,
    /// Column labels: "Klantgesprek 1" … (just the label when there is one).
    pub kolommen: Vec<String>,
    /// Judgement scale, lowest first.
    pub schaal: Vec<String>,
    /// The judgements that count as sufficient, as text: "voldoende", or "voldoende of goed"
    /// (from the one named "voldoende" up, or else all but the lowest).
    pub voldoende_oordelen: String,
    /// The scale as text: "onvoldoende of voldoende".
    pub schaal_tekst: String,
    /// Whether the plan states a cesuur: as text, a minimum number voldoende, or toetstermen
    /// that must be voldoende.
    pub heeft_cesuur: bool,
    /// Structured cesuur.
    pub minimaal_voldoende: Option<u32>,
    /// Codes that must be sufficient.
    pub verplicht: Vec<String>,
}

impl DatumView {
    /// All forms of one date.
    pub fn new(d: Datum) -> Self {
        DatumView {
            iso: d.to_string(),
            lang: dates::lang(d.0),
            kort: dates::kort(d.0),
        }
    }
}

impl BeoordelingView {
    /// How the plan is judged, with the defaults where it says nothing.
    fn new(p: &Toetsplan, verplicht: Vec<String>) -> Self {
        let b = p.beoordeling_or_default();
        let kolommen = match b.waarnemingen {
            1 => vec![b.waarneming.trim().to_owned()],
            n => (1..=n)
                .map(|i| format!("{} {i}", b.waarneming.trim()))
                .collect(),
        };
        BeoordelingView {
            opgegeven: p.beoordeling.is_some(),
            vragen: b.soort == Soort::Vragen,
            aantal_vragen: p.aantal_vragen_som(),
            minimaal_goed: b.minimaal_goed,
            berekent: match b.soort {
                Soort::Vragen => b.minimaal_goed.is_some(),
                Soort::Waarnemingen => b.minimaal_voldoende.is_some() || !b.verplicht.is_empty(),
            },
            voldoende_lijst: sufficient_list(&b.schaal),
            waarnemingen: b.waarnemingen,
            waarneming: b.waarneming.trim().to_owned(),
            kolommen,
            schaal: b.schaal.iter().map(|s| s.trim().to_owned()).collect(),
            voldoende_oordelen: sufficient(&b.schaal),
            schaal_tekst: (b.schaal.iter().map(|s| s.trim()))
                .collect::<Vec<_>>()
                .join(" of "),
            heeft_cesuur: p.cesuur.is_some()
                || b.minimaal_voldoende.is_some()
                || b.minimaal_goed.is_some()
                || !b.verplicht.is_empty(),
            minimaal_voldoende: b.minimaal_voldoende,
            verplicht,
        }
    }
}

impl PlanView {
    /// Builds the view of a valid plan.
    pub fn new(p: &Toetsplan) -> Self {
        let verplicht: Vec<String> = (p.beoordeling_or_default().verplicht.iter())
            .map(|c| c.trim().to_owned())
            .collect();
        let onderdelen: Vec<OnderdeelView> = (p.onderdelen.iter().enumerate())
            .map(|(i, o)| OnderdeelView {
                naam: o.naam.trim().to_owned(),
                nummer: i + 1,
                toetstermen: (o.toetstermen.iter())
                    .map(|t| toetsterm(t, o.naam.trim(), &verplicht))
                    .collect(),
            })
            .collect();
        let toetstermen: Vec<ToetstermView> = onderdelen
            .iter()
            .flat_map(|o| o.toetstermen.clone())
            .collect();
        let wijzigingen = (p.toetstermen().zip(&toetstermen))
            .filter(|(t, _)| t.gewijzigd > p.ingangsdatum)
            .map(|(_, v)| v.clone())
            .collect();
        PlanView {
            code: p.code.clone(),
            naam: p.naam.trim().to_owned(),
            titel: format!("{}: {}", p.code, p.naam.trim()),
            omschrijving: text(&p.omschrijving),
            ingangsdatum: DatumView::new(p.ingangsdatum),
            versie: DatumView::new(p.versie()),
            versie_tekst: versie_tekst(p),
            correcties: (p.correcties_van_versie().into_iter())
                .map(|c| CorrectieView {
                    datum: DatumView::new(c.datum),
                    reden: c.reden.trim().to_owned(),
                })
                .collect(),
            toetsvorm: text(&p.toetsvorm),
            toegestane_tijd: text(&p.toegestane_tijd),
            aantal_vragen: p
                .aantal_vragen
                .as_ref()
                .map(|a| a.to_string().trim().to_owned()),
            aantal_vragen_getal: match p.aantal_vragen {
                Some(AantalVragen::Aantal(n)) => Some(n),
                _ => None,
            },
            cesuur: text(&p.cesuur),
            scoringsregels: text(&p.scoringsregels),
            hulpmiddelen: text(&p.hulpmiddelen),
            instructies: text(&p.instructies),
            metadata: metadata(p),
            aantal_toetstermen: toetstermen.len(),
            toont_opdrachten: p.totaal_opdrachten.is_some()
                || p.toetstermen().any(|t| t.aantal_opdrachten.is_some()),
            totaal_opdrachten: p.totaal_opdrachten,
            onderdelen,
            toetstermen,
            wijzigingen,
            eerdere_versies: Vec::new(),
            vervangen_door: None,
            historie: Vec::new(),
            beoordeling: BeoordelingView::new(p, verplicht),
            toetsmatrijs: (p.soort() == Soort::Vragen).then(|| Toetsmatrijs::new(p)),
        }
    }
}

/// "1 september 2021", or "1 september 2021, gecorrigeerd op 5 december 2026" when the version
/// was corrected (the last correction's date).
fn versie_tekst(p: &Toetsplan) -> String {
    let versie = DatumView::new(p.versie()).lang;
    match p.correcties_van_versie().last() {
        Some(c) => format!("{versie}, gecorrigeerd op {}", DatumView::new(c.datum).lang),
        None => versie,
    }
}

/// The judgements that count as sufficient, joined with "of".
fn sufficient(schaal: &[String]) -> String {
    sufficient_list(schaal).join(" of ")
}

/// The judgements that count as sufficient: from the one named "voldoende" up, or else all but
/// the lowest.
pub fn sufficient_list(schaal: &[String]) -> Vec<String> {
    let from = schaal
        .iter()
        .position(|s| s.trim().eq_ignore_ascii_case("voldoende"))
        .unwrap_or(1);
    schaal
        .iter()
        .skip(from)
        .map(|s| s.trim().to_owned())
        .collect()
}

fn text(value: &Option<String>) -> Option<String> {
    value.as_ref().map(|v| v.trim().to_owned())
}

fn toetsterm(t: &Toetsterm, onderdeel: &str, verplicht: &[String]) -> ToetstermView {
    let mut niveaus: Vec<Niveau> = t.niveaus.clone();
    niveaus.sort();
    niveaus.dedup();
    ToetstermView {
        code: t.code.trim().to_owned(),
        tekst: t.tekst.trim().to_owned(),
        gewijzigd: DatumView::new(t.gewijzigd),
        niveau_tekst: niveaus
            .iter()
            .map(|n| n.code())
            .collect::<Vec<_>>()
            .join(", "),
        heeft: Niveau::ALL
            .iter()
            .map(|n| (n.code(), niveaus.contains(n)))
            .collect(),
        niveaus: niveaus.iter().map(|n| n.code()).collect(),
        aantal_opdrachten: t.aantal_opdrachten,
        verplicht: verplicht.iter().any(|c| c == t.code.trim()),
        onderdeel: onderdeel.to_owned(),
    }
}

fn metadata(p: &Toetsplan) -> Vec<MetadataRij> {
    let mut rows = vec![
        MetadataRij {
            label: "Ingangsdatum",
            tekst: dates::lang(p.ingangsdatum.0),
        },
        MetadataRij {
            label: "Naam van de toets", // document text

            tekst: format!("{}: {}", p.code, p.naam.trim()),
        },
    ];
    let texts = [
        ("Toetsvorm", &p.toetsvorm),
        ("Toegestane tijd", &p.toegestane_tijd),
        (
            "Aantal vragen",
            &p.aantal_vragen.as_ref().map(|a| a.to_string()),
        ),
        ("Cesuur", &p.cesuur),
        ("Scoringsregels", &p.scoringsregels),
        ("Toegestane hulpmiddelen", &p.hulpmiddelen),
        ("Instructies", &p.instructies),
    ];
    for (label, value) in texts {
        if let Some(v) = value {
            rows.push(MetadataRij {
                label,
                tekst: v.trim().to_owned(),
            });
        }
    }
    rows
}
