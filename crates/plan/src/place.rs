//! Where in a plan a problem is, as the office says it: "toetsterm V1.04 (onderdeel 2,
//! Communiceren met de klant), veld `tekst`" rather than the path
//! `onderdelen[1].toetstermen[3].tekst`. Numbers count from 1; a toetsterm is named by its code
//! and an onderdeel by its number and name, read from the [`Spans`] of the file, so that a plan
//! serde could not read is placed as well as one it could.

use toetsgen_base::msg;

use crate::spans::Spans;

/// One step of a path: a field or a place in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step<'a> {
    Field(&'a str),
    Item(usize),
}

/// The steps of a path such as `onderdelen[1].toetstermen[0].niveaus[2]`; `None` for a path
/// that is not of that shape.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (field, mut rest) = part.split_once('[').map_or((part, ""), |(f, r)| (f, r));
        if !field.is_empty() {
            out.push(Step::Field(field));
        }
        while !rest.is_empty() {
            let (number, after) = rest.split_once(']')?;
            out.push(Step::Item(number.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(out)
}

/// The place of `path` (as [`Spans`] and serde_path_to_error write it) in the plan whose fields
/// `spans` maps; `None` for the plan as a whole or a path of another shape.
pub fn of(path: &str, spans: &Spans) -> Option<String> {
    let steps = steps(path)?;
    match steps.as_slice() {
        [] => None,
        [Step::Field("onderdelen"), Step::Item(i), rest @ ..] => {
            let onderdeel = format!("onderdelen[{i}]");
            match rest {
                [Step::Field("toetstermen"), Step::Item(j), rest @ ..] => {
                    let term = toetsterm(spans, &onderdeel, *i, *j);
                    within(term, rest)
                }
                rest => within(onderdeel_place(spans, &onderdeel, *i), rest),
            }
        }
        [Step::Field("correcties"), Step::Item(i), rest @ ..] => {
            within(msg!("plan-place-correctie", n = i + 1), rest)
        }
        [Step::Field("beoordeling"), rest @ ..] if !rest.is_empty() => {
            within(msg!("plan-place-beoordeling"), rest)
        }
        fields => field(fields),
    }
}

/// The place `outer`, narrowed to the field `rest` names (if any).
fn within(outer: String, rest: &[Step<'_>]) -> Option<String> {
    Some(match field(rest) {
        Some(inner) => msg!("plan-place-within", outer = outer, inner = inner),
        None => outer,
    })
}

/// A field (`veld \`niveaus\``), or one value in a list field (`veld \`niveaus\`, waarde 2`).
fn field(steps: &[Step<'_>]) -> Option<String> {
    let name = match steps.first()? {
        Step::Field(name) => *name,
        Step::Item(_) => return None,
    };
    Some(match steps.get(1) {
        Some(Step::Item(k)) => msg!("plan-place-item", field = name, n = k + 1),
        _ => msg!("plan-place-field", field = name),
    })
}

/// Onderdeel `i` (0-based), with its name when it has one.
fn onderdeel_place(spans: &Spans, path: &str, i: usize) -> String {
    match spans.name(&format!("{path}.naam")).and_then(short) {
        Some(naam) => msg!("plan-place-onderdeel", n = i + 1, naam = naam),
        None => msg!("plan-place-onderdeel-unnamed", n = i + 1),
    }
}

/// Toetsterm `j` of onderdeel `i` (both 0-based): by its code, else by its number.
fn toetsterm(spans: &Spans, onderdeel: &str, i: usize, j: usize) -> String {
    let code = (spans.name(&format!("{onderdeel}.toetstermen[{j}].code"))).and_then(short);
    let naam = spans.name(&format!("{onderdeel}.naam")).and_then(short);
    match (code, naam) {
        (Some(code), Some(naam)) => msg!(
            "plan-place-toetsterm",
            code = code,
            onderdeel = i + 1,
            naam = naam
        ),
        (Some(code), None) => msg!(
            "plan-place-toetsterm-in-unnamed",
            code = code,
            onderdeel = i + 1
        ),
        (None, Some(naam)) => msg!(
            "plan-place-toetsterm-uncoded",
            n = j + 1,
            onderdeel = i + 1,
            naam = naam
        ),
        (None, None) => msg!(
            "plan-place-toetsterm-uncoded-in-unnamed",
            n = j + 1,
            onderdeel = i + 1
        ),
    }
}

/// A code or name as a place shows it: trimmed, on one line, shortened when it is long (a code
/// over its limit is an error of its own); `None` when empty.
fn short(text: &str) -> Option<String> {
    const LONGEST: usize = 60;
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = words.join(" ");
    if text.is_empty() {
        return None;
    }
    let mut short: String = text.chars().take(LONGEST).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    Some(short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use toetsgen_base::lang::{self, Lang};

    const SRC: &str = "code: V1\nonderdelen:\n  - naam: Eerste\n    toetstermen:\n      - code: V1.01\n  - naam: Communiceren met de klant\n    toetstermen:\n      - code: V1.03\n      - code: V1.04\n        niveaus: [PV, K]\n      - tekst: zonder code\n  - toetstermen: []\nbeoordeling:\n  schaal: [a]\ncorrecties:\n  - datum: 2021-01-01\n";

    /// Paths become places the office knows; numbers count from 1. (In English: the unit tests
    /// share one language, and none sets Dutch; `tests/suite/lang_plan.rs` shows the Dutch.)
    #[test]
    fn paths_become_places() {
        let spans = Spans::parse(SRC);
        let place = |path: &str| of(path, &spans);
        lang::set(Lang::En);
        assert_eq!(
            place("onderdelen[1].toetstermen[1].tekst").as_deref(),
            Some("toetsterm V1.04 (onderdeel 2, Communiceren met de klant), field `tekst`")
        );
        assert_eq!(
            place("onderdelen[1].toetstermen[1].niveaus[1]").as_deref(),
            Some(
                "toetsterm V1.04 (onderdeel 2, Communiceren met de klant), field `niveaus`, value 2"
            )
        );
        assert_eq!(
            place("onderdelen[1].toetstermen[2]").as_deref(),
            Some("toetsterm 3 of onderdeel 2 (Communiceren met de klant)")
        );
        assert_eq!(
            place("onderdelen[0].naam").as_deref(),
            Some("onderdeel 1 (Eerste), field `naam`")
        );
        assert_eq!(
            place("onderdelen[2].toetstermen").as_deref(),
            Some("onderdeel 3, field `toetstermen`")
        );
        assert_eq!(
            place("beoordeling.schaal[0]").as_deref(),
            Some("beoordeling, field `schaal`, value 1")
        );
        assert_eq!(
            place("correcties[0].reden").as_deref(),
            Some("correctie 1, field `reden`")
        );
        assert_eq!(place("naam").as_deref(), Some("field `naam`"));
        assert_eq!(place(""), None);
    }
}
