//! Passive sentences (de lijdende vorm): a form of `worden` with a voltooid deelwoord in the
//! same clause (`De opdracht wordt vooraf uitgereikt.`), or a form of `zijn` with a voltooid
//! deelwoord and `door` (`De brief is door de klant ondertekend.`).
//!
//! A clause is the part of a sentence between commas, semicolons, colons, dashes and brackets:
//! `Als het druk wordt, bespreekt de kandidaat dat.` is not passive. The cost is that a passive
//! interrupted by a clause (`Het formulier wordt, als dat nodig is, aangepast.`) is missed;
//! a warning that is wrong costs the office more than one that is missing.
//!
//! Without a dictionary, a voltooid deelwoord is known by its shape, after a separable particle
//! (`uit`, `in`, `aan`, `door`, …) if there is one:
//!
//! - `ge…d` or `ge…t` (`gevraagd`, `gemaakt`, `gezet`), `ge…en` (`gegeven`, `gesproken`) and
//!   `ge…aan` (`gedaan`, `toegestaan`);
//! - `be…`, `ver…`, `ont…`, `her…`, `er…` ending in `d`, or in `t` after a consonant of
//!   't kofschip (`beoordeeld`, `verstrekt`; not `begint` or `betaalt`, which are present tense),
//!   and `onder…`, `over…`, `vol…` ending in `d` but not `nd` (`ondersteund`, `overtuigd`,
//!   `voltooid`; `overtuigend` is a present participle);
//! - the deelwoorden these shapes miss, from a list (`besproken`, `ontvangen`, `onderzocht`,
//!   `ondertekend`).
//!
//! Words of that shape that are nouns, adjectives or infinitives (`gebied`, `gezicht`, `gezond`,
//! `bericht`, `geven`, `gebruiken`, `gesprekken`) are listed and skipped, and so is any word
//! right after an article, a determiner, a number, `te` or a preposition that starts a noun
//! phrase (`het gebied`, `in gesprekken`). A noun of that shape missing from the list, after an
//! adjective (`een groot gevecht`), in a clause with a form of `worden`, is still taken for a
//! deelwoord.
//! `Word` with a capital inside a sentence is the word processor, not a form of `worden`.
//!
//! Measured on the 90 sentences of the reference texts (`tests/fixtures/leesbaarheid/`): it
//! finds their four passives (`wordt uitgereikt`, `Worden verstrekt`, `wordt … geacht`, `te
//! worden ingediend`) and nothing else; the tests below hold real sentences both ways.

use super::words::words;

/// The forms of `worden`.
const WORDEN: &[&str] = &["word", "wordt", "worden", "werd", "werden", "geworden"];

/// The forms of `zijn` that make a passive with `door`; `zijn` itself only when `door` or a
/// deelwoord follows at once (it is also the possessive).
const ZIJN: &[&str] = &["is", "was", "waren", "ben", "bent"];

/// Separable particles that stand before the `ge` of a deelwoord (`uitgereikt`).
const PARTICLES: &[&str] = &[
    "aan", "af", "achter", "bekend", "bij", "binnen", "buiten", "dicht", "door", "goed", "heen",
    "in", "klaar", "kwijt", "langs", "los", "mee", "na", "neer", "om", "onder", "op", "open",
    "over", "rond", "samen", "tegen", "terug", "thuis", "toe", "tussen", "uit", "vast", "voor",
    "voort", "vrij", "weg",
];

/// Inseparable prefixes without `ge` in the deelwoord.
const PREFIXES: &[&str] = &["be", "ver", "ont", "her", "er"];

/// Inseparable prefixes whose weak deelwoorden end in `d` (`ondertekend`, `overtuigd`).
const PREFIXES_D: &[&str] = &["onder", "over", "vol"];

/// Deelwoorden without `ge` that the shapes miss: strong ones (their shape is also that of an
/// infinitive) and weak ones in `-end` (the shape of a present participle).
const STRONG: &[&str] = &[
    "begonnen",
    "bedreven",
    "bedrogen",
    "begrepen",
    "bekeken",
    "beloofd",
    "beschreven",
    "besloten",
    "besproken",
    "bestreden",
    "bevolen",
    "bevonden",
    "bewezen",
    "verboden",
    "verbonden",
    "verbroken",
    "vergeleken",
    "vergeten",
    "verheven",
    "verholpen",
    "verkozen",
    "verkregen",
    "verloren",
    "verschenen",
    "verslagen",
    "verstoten",
    "vertrokken",
    "verweten",
    "verwezen",
    "verworven",
    "verzonden",
    "ontboden",
    "ontbonden",
    "ontnomen",
    "ontstaan",
    "ontvangen",
    "ontweken",
    "herschreven",
    "herzien",
    "onderbroken",
    "ondergaan",
    "onderscheiden",
    "onderschreven",
    "onderzocht",
    "overwogen",
    "overgenomen",
    "omschreven",
    "voorzien",
    "ondertekend",
    "overhandigd",
    "herkend",
    "erkend",
];

/// Words shaped like a deelwoord that are nouns, adjectives or infinitives.
const NOT_DEELWOORD: &[&str] = &[
    // nouns
    "gebed",
    "gebied",
    "gebit",
    "gedicht",
    "geduld",
    "geest",
    "gehalte",
    "gelaat",
    "geld",
    "geluid",
    "gemoed",
    "genot",
    "gerecht",
    "gesticht",
    "gevecht",
    "gewicht",
    "gezicht",
    "bed",
    "beleid",
    "bericht",
    "besluit",
    "bestand",
    "bezit",
    "beurt",
    "verband",
    "verbod",
    "verstand",
    "verzet",
    "ontbijt",
    "herfst",
    "ernst",
    "overzicht",
    "vervolg",
    "geheugen",
    "gebouwen",
    "gebieden",
    "gedachten",
    "gegevens",
    "gemeenten",
    "gesprekken",
    "getallen",
    "gevaren",
    "gevolgen",
    "gewoonten",
    "gezichten",
    "gewichten",
    "gerechten",
    "geluiden",
    "geheimen",
    "gelegenheden",
    "gebeurtenissen",
    "geboden",
    "gebeden",
    "gevechten",
    "gedichten",
    "berichten",
    "besluiten",
    "bestanden",
    "verhalen",
    "vermogen",
    "verleden",
    "ervaren",
    // adjectives and adverbs
    "gezond",
    "gewoon",
    "geleden",
    "gemiddeld",
    "gerust",
    "bekend",
    "bereid",
    "bewust",
    "beroemd",
    "verschillend",
    "bepalend",
    "beslissend",
    "ontbrekend",
    "ontevreden",
    "tevreden",
    "verlegen",
    "bescheiden",
    "geschikt",
    "gepast",
    // infinitives
    "geven",
    "gebruiken",
    "geloven",
    "genieten",
    "gelden",
    "gebeuren",
    "genezen",
    "geraken",
    "gelijken",
    "gewennen",
    "getuigen",
    "gedragen",
    "geleiden",
    // present tenses
    "gebeurt",
    "geniet",
    "gelooft",
    "gelijkt",
];

/// Words after which a word of deelwoord shape is a noun: articles, determiners, numbers in
/// words, `te` (an infinitive follows) and prepositions that start a noun phrase.
const BEFORE_NOUN: &[&str] = &[
    "de", "het", "een", "deze", "dit", "die", "dat", "zijn", "haar", "hun", "mijn", "jouw", "je",
    "uw", "ons", "onze", "elk", "elke", "ieder", "iedere", "welk", "welke", "geen", "veel",
    "weinig", "sommige", "alle", "andere", "twee", "drie", "vier", "vijf", "te", "in", "met",
    "bij", "tijdens", "zonder", "tussen", "per", "tot",
];

/// The consonants of 't kofschip: a weak deelwoord ends in `t` after them and in `d` otherwise.
const KOFSCHIP: &[char] = &['t', 'k', 'f', 's', 'h', 'p', 'x'];

/// Whether the sentence holds a passive construction in one of its clauses.
pub(crate) fn is_passive(sentence: &str) -> bool {
    let first = words(sentence).first().map(|w| w.as_ptr());
    sentence
        .split([',', ';', ':', '(', ')', '–', '—'])
        .any(|clause| clause_is_passive(clause, first))
}

/// Whether one clause is passive; `first` points at the sentence's first word.
fn clause_is_passive(clause: &str, first: Option<*const u8>) -> bool {
    let ws = words(clause);
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let deelwoord = |i: usize| {
        let before = i.checked_sub(1).map(|j| lower[j].as_str());
        !before.is_some_and(|b| BEFORE_NOUN.contains(&b) || b.chars().all(|c| c.is_ascii_digit()))
            && is_deelwoord(&lower[i])
    };
    let worden = |i: usize| {
        // "Word" with a capital inside the sentence is the word processor.
        let processor = ws[i] == "Word" && Some(ws[i].as_ptr()) != first;
        WORDEN.contains(&lower[i].as_str()) && !processor
    };
    let has = |f: &dyn Fn(usize) -> bool| (0..ws.len()).any(f);
    if has(&worden) && has(&|i| !worden(i) && deelwoord(i)) {
        return true;
    }
    let zijn = |i: usize| {
        ZIJN.contains(&lower[i].as_str())
            || (lower[i] == "zijn"
                && lower
                    .get(i + 1)
                    .is_some_and(|n| n == "door" || is_deelwoord(n)))
    };
    has(&zijn) && lower.iter().any(|w| w == "door") && has(&|i| deelwoord(i) && !motion(&lower[i]))
}

/// Deelwoorden of verbs of motion and being, which make a perfect tense with `zijn`
/// (`Hij is door de deur gelopen`), not a passive.
fn motion(word: &str) -> bool {
    [
        "gelopen",
        "gegaan",
        "gekomen",
        "gereden",
        "gefietst",
        "gevlogen",
        "gevaren",
        "gereisd",
        "gewandeld",
        "gerend",
        "gesprongen",
        "gevallen",
        "gebleven",
        "geweest",
        "geworden",
        "gestapt",
        "gestegen",
        "gedaald",
        "gezakt",
        "geslaagd",
        "binnengekomen",
        "doorgegaan",
    ]
    .contains(&word)
}

/// Whether a word in small letters has the shape of a voltooid deelwoord (see the module).
fn is_deelwoord(word: &str) -> bool {
    if NOT_DEELWOORD.contains(&word) || WORDEN.contains(&word) || word.ends_with("heid") {
        return false;
    }
    let mut cores = vec![word];
    cores.extend(
        PARTICLES
            .iter()
            .filter_map(|p| word.strip_prefix(p))
            .filter(|rest| rest.len() >= 4),
    );
    cores.into_iter().any(core_is_deelwoord)
}

/// Whether a word without its particle is a deelwoord.
fn core_is_deelwoord(core: &str) -> bool {
    if STRONG.contains(&core) {
        return true;
    }
    if let Some(stem) = core.strip_prefix("ge")
        && stem.chars().count() >= 3
        && stem.chars().any(|c| "aeiouyëïéèöü".contains(c))
    {
        let weak = stem.ends_with('d') && !stem.ends_with("dd")
            || stem.ends_with('t') && !stem.ends_with("dt");
        let strong =
            (stem.ends_with("en") || stem.ends_with("aan")) && !NOT_DEELWOORD.contains(&core);
        return weak || strong;
    }
    let prefixed = PREFIXES.iter().filter_map(|p| core.strip_prefix(p));
    let weak = |stem: &str| {
        let mut back = stem.chars().rev();
        let (last, before) = (back.next(), back.next());
        match (last, before) {
            (Some('d'), Some(b)) => b != 'd',
            (Some('t'), Some(b)) => KOFSCHIP.contains(&b),
            _ => false,
        }
    };
    if prefixed.filter(|s| s.chars().count() >= 3).any(weak) {
        return true;
    }
    (PREFIXES_D.iter().filter_map(|p| core.strip_prefix(p)))
        .any(|stem| stem.chars().count() >= 4 && stem.ends_with('d') && !stem.ends_with("nd"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real passive sentences, from plans and exam texts, are found.
    #[test]
    fn finds_passives() {
        for s in [
            "Op basis van het beoordelingsformulier dat vooraf wordt uitgereikt bij de opdracht",
            "Worden verstrekt bij de opdracht",
            "De kandidaat wordt door de beoordelaar beoordeeld.",
            "Het formulier moet worden ingevuld.",
            "De uitslag werd direct na de toets bekendgemaakt.",
            "Er wordt gekeken hoe je de klant helpt.",
            "Je wordt gebeld door het examenbureau.",
            "De toetstermen worden in het gesprek besproken.",
            "De fouten werden snel hersteld.",
            "Hierover wordt niet gesproken.",
            "De klant wordt doorverwezen naar een collega.",
            "Wat er in het gesprek is gezegd, wordt vastgelegd in het dossier.",
            "De aanvraag wordt door de gemeente ontvangen en gecontroleerd.",
            "Het paspoort wordt binnen vijf dagen gemaakt.",
            "Het contract wordt door beide partijen ondertekend.",
            "De brief is door de klant ondertekend.",
            "De regels zijn door de gemeente vastgesteld.",
            "Tijdens de proeve wordt gelet op je houding.",
            "Dat werd hem niet toegestaan.",
        ] {
            assert!(is_passive(s), "not found: {s}");
        }
    }

    /// Sentences with `worden` as a copula, present tenses, nouns and adjectives of the same
    /// shape are not passive.
    #[test]
    fn leaves_other_sentences() {
        for s in [
            "Hij wordt boos.",
            "Als het druk wordt, bespreekt de kandidaat dat met de klant.",
            "Het wordt lastig als de klant begint te schreeuwen.",
            "De klant wordt ongeduldig in het gesprek.",
            "Het gesprek wordt een groot succes.",
            "Ik word later dokter bij de gemeente.",
            "Schrijf je brief in Word en stuur hem op.",
            "Het wordt een gesprek over het gebied van de gemeente.",
            "Wat gebeurt er als het donker wordt?",
            "De kandidaat wordt beter in gesprekken met klanten.",
            "Hij werd verkoper en verdient nu meer.",
            "Het werd tijd om naar huis te gaan.",
            "Het wordt tijd om de lijst te gebruiken.",
            "Wat betekent het als de klant stil wordt?",
            "Het wordt gezellig en gezond.",
            "De kandidaat geeft actief uitleg aan de klant over regelgeving en klantprocessen.",
            "Hij is door de deur naar binnen gelopen.",
            "Hij past zijn stijl aan door goed te luisteren.",
            "De klant wordt steeds bozer omdat hij lang moet wachten.",
            "Je bent geslaagd als je alle toetstermen voldoende hebt.",
            "Het wordt een verschillend verhaal voor elke klant.",
        ] {
            assert!(!is_passive(s), "found in: {s}");
        }
    }
}
