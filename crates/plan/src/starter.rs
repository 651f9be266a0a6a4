//! The plan `toetsgen new` writes to start from: every field present and explained in Dutch, one
//! onderdeel with one toetsterm, dated today, valid as it stands.

use chrono::NaiveDate;

/// The starting plan; `{…}` are filled in by [`yaml`].
const STARTER: &str = r#"{modeline}
# Nieuw toetsplan, gemaakt met `toetsgen new`. Vul de velden in en controleer het plan met
# `toetsgen check`. Velden met "verplicht" moeten er staan; de andere mag u weglaten.
# Teksten worden precies zo gedrukt als ze hier staan. Een lege regel begint een nieuwe alinea.

# Een concept: `toetsgen check` controleert het plan, `toetsgen build` publiceert het nog niet.
# Haal deze regel weg als het plan klaar is.
concept: true
# Code van de module (verplicht): 1 tot 20 letters en cijfers. Wordt gebruikt in map- en
# bestandsnamen en is het begin van elke toetstermcode.
code: {code}
# Naam van de module (verplicht). De documenten tonen "code: naam".
naam: {naam}
# Inleiding boven de tabel met toetstermen.
omschrijving: |
  Beschrijf hier waar de module over gaat, voor wie de toets is en wat de kandidaat na de
  module kan.
# Datum waarop het toetsplan ingaat (verplicht), als JJJJ-MM-DD.
ingangsdatum: {datum}
# Toetsvorm, bijvoorbeeld "Proeve op de werkplek op basis van vijf klantgesprekken".
toetsvorm: Proeve op de werkplek
# Toegestane tijd.
toegestane_tijd: 60 minuten
# Aantal vragen: een heel getal (bijvoorbeeld 40) of een tekst.
aantal_vragen: Niet van toepassing
# Cesuur: wanneer de kandidaat geslaagd is.
cesuur: Dat staat op het beoordelingsformulier. Je krijgt dat formulier vooraf, samen met de opdracht.
# Scoringsregels: hoe de toets wordt gescoord.
scoringsregels: Met het beoordelingsformulier. Je krijgt dat formulier vooraf, samen met de opdracht.
# Toegestane hulpmiddelen.
hulpmiddelen: Niet van toepassing
# Waar de kandidaat de instructies krijgt.
instructies: Je krijgt de instructies samen met de opdracht.
# Taalniveau van de kandidaten: 2F (ongeveer B1, de standaard) of 3F (ongeveer B2).
# `toetsgen check` waarschuwt waar een tekst die de kandidaat leest moeilijker is.
taalniveau: 2F
# Totaal aantal opdrachten (de rij TOTAAL). Moet gelijk zijn aan de som van aantal_opdrachten
# van de toetstermen. Weglaten als het plan geen opdrachten telt.
totaal_opdrachten: 1
# Hoe de toets wordt beoordeeld; dit bepaalt het beoordelingsformulier.
beoordeling:
  # waarnemingen (een proeve, de standaard) of vragen (een theorietoets). Bij een theorietoets:
  # schrijf `soort: vragen`, geef elke toetsterm aantal_opdrachten (zijn aantal vragen), laat de
  # regels hieronder weg en geef de cesuur als `minimaal_goed: 28` (minstens zoveel vragen goed).
  soort: waarnemingen
  # Aantal waarnemingen (kolommen om af te vinken), van 1 tot 10.
  waarnemingen: 1
  # Naam van één waarneming, bijvoorbeeld "Klantgesprek".
  waarneming: Waarneming
  # De oordelen per toetsterm, van laag naar hoog; minstens twee.
  schaal: [onvoldoende, voldoende]
  # Gestructureerde cesuur: minstens zoveel toetstermen moeten voldoende zijn.
  minimaal_voldoende: 1
  # Toetstermen die in elk geval voldoende moeten zijn.
  verplicht: [{code}.01]
# Laatste wijzigingsdatum van het plan zelf, als JJJJ-MM-DD: pas deze aan als iets buiten de
# toetstermen verandert (bijvoorbeeld de cesuur). De nieuwste datum van het plan is zijn versie.
gewijzigd: {datum}
# Correcties van een typefout die de betekenis niet verandert, zonder nieuwe versie: elk met
# datum en reden, bijvoorbeeld `- { datum: 2025-01-15, reden: typefout in {code}.01 }`.
correcties: []
# De onderdelen (verplicht, minstens één), elk met een kop en zijn toetstermen.
onderdelen:
  - naam: Eerste onderdeel
    toetstermen:
      # Code (verplicht): de code van het plan, een punt en een nummer.
      - code: {code}.01
        # De toetsterm (verplicht).
        tekst: >-
          Beschrijf hier wat de kandidaat moet kunnen.
        # Laatste wijzigingsdatum (verplicht), als JJJJ-MM-DD. Pas deze aan als de tekst
        # verandert: de documenten tonen zo welke versie ze zijn.
        gewijzigd: {datum}
        # Niveaus (verplicht, minstens één): K (kennis), B (begrip), RV (reproductieve
        # vaardigheden), PV (productieve vaardigheden).
        niveaus: [PV]
        # Aantal opdrachten waarin deze toetsterm wordt getoetst.
        aantal_opdrachten: 1
"#;

/// The texts the starting plan holds for the office to replace: (a path in the plan, the text).
pub const PLACEHOLDERS: [(&str, &str); 2] = [
    ("omschrijving", "Beschrijf hier waar de module over gaat"),
    ("tekst", "Beschrijf hier wat de kandidaat moet kunnen."),
];

/// The starting plan for `code` and `naam`, dated `today`, with `modeline` as its first line.
/// The name is written as a quoted string, so any text is read back exactly.
pub fn yaml(code: &str, naam: &str, today: NaiveDate, modeline: &str) -> String {
    let quoted = serde_json::to_string(naam).unwrap_or_default();
    STARTER
        .replace("{modeline}", modeline)
        .replace("{code}", code)
        .replace("{datum}", &today.format("%Y-%m-%d").to_string())
        .replace("{naam}", &quoted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load, validate};

    /// The starting plan passes every rule, whatever the name, and keeps the name exactly; it is
    /// warned about as a concept with example texts.
    #[test]
    fn starter_is_valid() {
        let today = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        for naam in ["Publiekszaken", "Naam: met \"tekens\" # {code} en {datum}"] {
            let text = yaml("V2", naam, today, "# modeline");
            let sp = load::parse("V2.yaml", text).unwrap();
            assert_eq!(sp.plan.naam, naam);
            let problems = validate::validate(&sp, today);
            assert!(problems.iter().all(|d| !d.is_error()), "{problems:?}");
            // The concept, and the two example texts the office replaces.
            assert_eq!(problems.len(), 3, "{problems:?}");
        }
    }
}
