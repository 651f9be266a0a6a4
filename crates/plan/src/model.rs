//! The toetsplan as SPEC.md defines it: the typed form of one YAML file. Field names are the
//! Dutch ones of the YAML; unknown fields are rejected so that a typo is never ignored.
//! Type-level rules (dates, levels, whole numbers) are enforced while deserializing; the
//! rules that span fields live in `validate`.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::limits::{MAX_TEXT_CHARS, MAX_TOETSTERM_CODE_CHARS};
pub use crate::readability::Taalniveau;
use crate::validate::MAX_WAARNEMINGEN;

pub use crate::values::{AantalVragen, Datum, Niveau, parse_iso_date};

/// One exam module's plan (e.g. "V1: Dienstverlening"). The `schemars` attributes give the JSON
/// Schema for editors (`toetsgen schema`) its Dutch descriptions and the limits a field keeps.
#[derive(Debug, Clone, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Toetsplan",
    description = "Een toetsplan van één module, zoals toetsgen het leest (toetsplannen/*.yaml)."
)]
pub struct Toetsplan {
    /// Short code of letters and digits, e.g. `V1`; used in file and folder names.
    #[schemars(
        description = "Code van de module: 1 tot 20 letters en cijfers, bijvoorbeeld V1. Wordt gebruikt in bestands- en mapnamen.",
        regex(pattern = r"^[A-Za-z0-9]{1,20}$")
    )]
    pub code: String,
    /// Name of the module, e.g. `Dienstverlening`.
    #[schemars(
        description = "Naam van de module, bijvoorbeeld Dienstverlening. Getoond als \"V1: Dienstverlening\".",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub naam: String,
    /// Introduction above the table.
    #[serde(default)]
    #[schemars(
        description = "Inleiding boven de tabel met toetstermen. Een lege regel begint een nieuwe alinea; de tekst wordt gedrukt zoals hij hier staat.",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub omschrijving: Option<String>,
    /// Date the plan takes effect.
    #[schemars(
        description = "Datum waarop het toetsplan ingaat, als JJJJ-MM-DD, bijvoorbeeld 2021-09-01."
    )]
    pub ingangsdatum: Datum,
    /// Form of the exam (text).
    #[serde(default)]
    #[schemars(
        description = "Toetsvorm, bijvoorbeeld \"Proeve op de werkplek op basis van vijf klantgesprekken\".",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub toetsvorm: Option<String>,
    /// Time allowed.
    #[serde(default)]
    #[schemars(
        description = "Toegestane tijd, als tekst, bijvoorbeeld \"60 minuten\".",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub toegestane_tijd: Option<String>,
    /// Number of questions: a whole number, or text such as "Niet van toepassing".
    #[serde(default)]
    #[schemars(
        description = "Aantal vragen: een heel getal (bijvoorbeeld 40) of een tekst (bijvoorbeeld \"Niet van toepassing\")."
    )]
    pub aantal_vragen: Option<AantalVragen>,
    /// Pass mark as text.
    #[serde(default)]
    #[schemars(
        description = "Cesuur: wanneer de kandidaat geslaagd is, als tekst.",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub cesuur: Option<String>,
    /// Scoring rules as text.
    #[serde(default)]
    #[schemars(
        description = "Scoringsregels: hoe de toets wordt gescoord, als tekst.",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub scoringsregels: Option<String>,
    /// Allowed aids as text.
    #[serde(default)]
    #[schemars(
        description = "Toegestane hulpmiddelen, als tekst, bijvoorbeeld \"Niet van toepassing\".",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub hulpmiddelen: Option<String>,
    /// Where the instructions come from, as text.
    #[serde(default)]
    #[schemars(
        description = "Instructies: waar de kandidaat de instructies krijgt, als tekst.",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub instructies: Option<String>,
    /// The reading level of the candidates, for the readability warnings of `check`; 2F when
    /// absent.
    #[serde(default)]
    #[schemars(
        description = "Taalniveau van de kandidaten: 2F (ongeveer B1; de standaard als dit veld ontbreekt) of 3F (ongeveer B2). toetsgen check waarschuwt waar een tekst die de kandidaat leest moeilijker is dan dit niveau: te lange zinnen, een te lage leesbaarheidsscore (Flesch-Douma) en de lijdende vorm. Het gaat om omschrijving, toetsvorm, toegestane_tijd, hulpmiddelen, instructies, cesuur en (bij een toets met vragen) scoringsregels; toetstermen worden niet beoordeeld, want die mag het examenbureau niet veranderen."
    )]
    pub taalniveau: Option<Taalniveau>,
    /// The TOTAAL row of the toetstermen table.
    #[serde(default)]
    #[schemars(
        description = "Totaal aantal opdrachten (de rij TOTAAL van de tabel). Waar toetstermen aantal_opdrachten geven, moet hun som dit getal zijn."
    )]
    pub totaal_opdrachten: Option<u32>,
    /// How the beoordelingsformulier is shaped; absent for plans without observations.
    #[serde(default)]
    #[schemars(
        description = "Hoe het beoordelingsformulier eruitziet: waarnemingen, schaal en een gestructureerde cesuur. Weglaten bij een toets zonder waarnemingen."
    )]
    pub beoordeling: Option<Beoordeling>,
    /// A plan still being written (`toetsgen new` marks it so): checked, but not published.
    #[serde(default)]
    #[schemars(
        description = "Een concept: een plan dat nog geschreven wordt. toetsgen check controleert het, maar toetsgen build publiceert het niet. Haal deze regel weg (of zet false) als het plan klaar is."
    )]
    pub concept: bool,
    /// The plan's own last change date, for a change outside the toetstermen (a new cesuur, a
    /// new time): it makes a new version as a toetsterm's `gewijzigd` does.
    #[serde(default)]
    #[schemars(
        description = "Laatste wijzigingsdatum van het plan zelf, als JJJJ-MM-DD: zet deze datum wanneer iets buiten de toetstermen verandert (bijvoorbeeld de cesuur of de toegestane tijd). Het plan krijgt dan een nieuwe versie."
    )]
    pub gewijzigd: Option<Datum>,
    /// Corrections of a version that change no meaning (a typo), each recorded with its date and
    /// reason; the documents of the corrected version say so.
    #[serde(default)]
    #[schemars(
        description = "Correcties die de betekenis niet veranderen (een typefout), elk met datum en reden. Een correctie verandert alleen woorden; wie iets anders verandert, geeft de gewijzigde toetstermen een nieuwe datum. De documenten noemen de correctie."
    )]
    pub correcties: Vec<Correctie>,
    /// The groups of toetstermen, in order.
    #[schemars(
        description = "De onderdelen met hun toetstermen, in volgorde. Minstens één.",
        length(min = 1)
    )]
    pub onderdelen: Vec<Onderdeel>,
}

/// A correction of the plan's wording that changes no meaning.
#[derive(Debug, Clone, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "Een correctie: een verbetering van de woorden die de betekenis niet verandert."
)]
pub struct Correctie {
    /// The day of the correction.
    #[schemars(description = "De dag van de correctie, als JJJJ-MM-DD. Niet in de toekomst.")]
    pub datum: Datum,
    /// Why, e.g. "typefout in V1.04".
    #[schemars(
        description = "Wat er verbeterd is en waarom, bijvoorbeeld \"typefout in V1.04 (klantvriendelijk)\".",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub reden: String,
}

/// A group of toetstermen under one heading.
#[derive(Debug, Clone, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Een onderdeel: een groep toetstermen onder één kop.")]
pub struct Onderdeel {
    /// Heading, e.g. "Klantgericht denken en handelen".
    #[schemars(
        description = "Kop van het onderdeel, bijvoorbeeld \"Klantgericht denken en handelen\".",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub naam: String,
    /// The criteria in this group, in order.
    #[schemars(
        description = "De toetstermen van dit onderdeel, in volgorde. Minstens één.",
        length(min = 1)
    )]
    pub toetstermen: Vec<Toetsterm>,
}

/// One numbered, dated assessment criterion.
#[derive(Debug, Clone, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Een toetsterm: een genummerd, gedateerd beoordelingscriterium.")]
pub struct Toetsterm {
    /// Code: the plan code, a dot and a number, e.g. `V1.01`.
    #[schemars(
        description = "Code: de code van het plan, een punt en een nummer, bijvoorbeeld V1.01. Uniek in het plan; hoogstens 40 tekens.",
        length(min = 1, max = MAX_TOETSTERM_CODE_CHARS)
    )]
    pub code: String,
    /// The criterion, printed exactly as written.
    #[schemars(
        description = "De tekst van de toetsterm, gedrukt precies zoals hij hier staat.",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub tekst: String,
    /// Last change date (laatste wijzigingsdatum).
    #[schemars(
        description = "Laatste wijzigingsdatum van deze toetsterm, als JJJJ-MM-DD. Niet in de toekomst en niet vóór de ingangsdatum."
    )]
    pub gewijzigd: Datum,
    /// Taxonomy levels at which it is tested; at least one.
    #[schemars(
        description = "Niveaus waarop de toetsterm wordt getoetst, elk hoogstens één keer: K (kennis), B (begrip), RV (reproductieve vaardigheden), PV (productieve vaardigheden). Minstens één.",
        length(min = 1),
        extend("uniqueItems" = true)
    )]
    pub niveaus: Vec<Niveau>,
    /// Number of assignments (opdrachten) testing it, if the plan counts them.
    #[serde(default)]
    #[schemars(
        description = "Aantal opdrachten waarin deze toetsterm wordt getoetst (een heel getal), als het plan die telt."
    )]
    pub aantal_opdrachten: Option<u32>,
}

/// How the assessor records observations and judgements on the beoordelingsformulier.
#[derive(Debug, Clone, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "Hoe de toets wordt beoordeeld: door waarneming (een proeve: waarnemingen, een oordeel per toetsterm) of met vragen (een theorietoets: een score per toetsterm, een cesuur in goede vragen)."
)]
pub struct Beoordeling {
    /// How the exam is judged: by observation (the default) or by questions.
    #[serde(default)]
    #[schemars(
        description = "Soort beoordeling: `waarnemingen` (een proeve; dit is de standaard) of `vragen` (een theorietoets met aantal_opdrachten vragen per toetsterm)."
    )]
    pub soort: Soort,
    /// Number of observation columns (V1: five klantgesprekken).
    #[serde(default = "default_waarnemingen")]
    #[schemars(
        description = "Aantal waarnemingen: de kolommen om af te vinken op het beoordelingsformulier (V1: vijf klantgesprekken). Van 1 tot 10.",
        range(min = 1, max = MAX_WAARNEMINGEN)
    )]
    pub waarnemingen: u32,
    /// Label of one observation, e.g. "Klantgesprek".
    #[serde(default = "default_waarneming")]
    #[schemars(
        description = "Naam van één waarneming, bijvoorbeeld \"Klantgesprek\".",
        length(min = 1, max = MAX_TEXT_CHARS)
    )]
    pub waarneming: String,
    /// The judgement scale per toetsterm, lowest first.
    #[serde(default = "default_schaal")]
    #[schemars(
        description = "De oordelen per toetsterm, van laag naar hoog; minstens twee.",
        length(min = 2),
        inner(length(min = 1, max = MAX_TEXT_CHARS))
    )]
    pub schaal: Vec<String>,
    /// Structured cesuur: at least this many toetstermen must be judged sufficient.
    #[serde(default)]
    #[schemars(
        description = "Gestructureerde cesuur: minstens zoveel toetstermen moeten voldoende zijn (van 1 tot het aantal toetstermen).",
        range(min = 1)
    )]
    pub minimaal_voldoende: Option<u32>,
    /// Toetstermen that must be judged sufficient.
    #[serde(default)]
    #[schemars(
        description = "Codes van de toetstermen die voldoende moeten zijn, bijvoorbeeld [V1.13, V1.14]; elk hoogstens één keer.",
        extend("uniqueItems" = true)
    )]
    pub verplicht: Vec<String>,
    /// Structured cut-off of a question exam: at least this many questions answered correctly.
    #[serde(default)]
    #[schemars(
        description = "Gestructureerde cesuur van een toets met vragen (`soort: vragen`): minstens zoveel vragen goed (van 1 tot het aantal vragen).",
        range(min = 1)
    )]
    pub minimaal_goed: Option<u32>,
}

/// How an exam is judged; it decides the shape of the beoordelingsformulier.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(description = "`waarnemingen` (een proeve) of `vragen` (een theorietoets).")]
pub enum Soort {
    /// A proeve: observation columns and a judgement per toetsterm on a scale.
    #[default]
    Waarnemingen,
    /// A theory exam: `aantal_opdrachten` questions per toetsterm, a score, a cut-off.
    Vragen,
}

impl Default for Beoordeling {
    fn default() -> Self {
        Beoordeling {
            waarnemingen: default_waarnemingen(),
            waarneming: default_waarneming(),
            schaal: default_schaal(),
            minimaal_voldoende: None,
            verplicht: Vec::new(),
            minimaal_goed: None,
            soort: Soort::default(),
        }
    }
}

fn default_waarnemingen() -> u32 {
    1
}

fn default_waarneming() -> String {
    "Waarneming".to_owned()
}

fn default_schaal() -> Vec<String> {
    vec!["onvoldoende".to_owned(), "voldoende".to_owned()]
}

impl Toetsplan {
    /// All toetstermen in document order.
    pub fn toetstermen(&self) -> impl Iterator<Item = &Toetsterm> {
        self.onderdelen.iter().flat_map(|o| o.toetstermen.iter())
    }

    /// The plan's version: its latest change date (ingangsdatum, the plan's own `gewijzigd` or
    /// any toetsterm's).
    pub fn versie(&self) -> Datum {
        self.toetstermen()
            .map(|t| t.gewijzigd)
            .chain([self.ingangsdatum])
            .chain(self.gewijzigd)
            .max()
            .unwrap_or(self.ingangsdatum)
    }

    /// The corrections of the current version (made on or after its date), oldest first.
    pub fn correcties_van_versie(&self) -> Vec<&Correctie> {
        let versie = self.versie();
        let mut list: Vec<&Correctie> = (self.correcties.iter())
            .filter(|c| c.datum >= versie)
            .collect();
        list.sort_by_key(|c| c.datum);
        list
    }

    /// How the plan is judged (by observation when it has no beoordeling block).
    pub fn soort(&self) -> Soort {
        self.beoordeling
            .as_ref()
            .map_or(Soort::default(), |b| b.soort)
    }

    /// The number of questions of a question exam: the sum of the toetstermen's
    /// `aantal_opdrachten`.
    pub fn aantal_vragen_som(&self) -> u64 {
        self.toetstermen()
            .filter_map(|t| t.aantal_opdrachten)
            .map(u64::from)
            .sum()
    }

    /// The beoordeling block, or its defaults when the plan has none.
    pub fn beoordeling_or_default(&self) -> Beoordeling {
        self.beoordeling.clone().unwrap_or_default()
    }
}
