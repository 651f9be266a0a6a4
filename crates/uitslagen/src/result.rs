//! A saved form's result, worked out with the plan's own rule, in the words of the HTML form:
//! "geslaagd: 5 van 5 toetstermen voldoende (minimaal 4), alle verplichte voldoende",
//! "niet geslaagd: F1.02 is verplicht en onvoldoende". Where the plan gives the cesuur only as
//! text, the result is the assessor's own choice on the form, and says so.

use crate::form::SavedForm;
use toetsgen_base::msg;
use toetsgen_document::view::sufficient_list;
use toetsgen_plan::model::{Soort, Toetsplan};

/// The result of one candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uitslag {
    /// Passed, failed, or not known (nothing chosen on a form the plan gives no rule for).
    pub geslaagd: Option<bool>,
    /// Why, in Dutch.
    pub reden: String,
}

/// The result of `f`, or what is missing from it.
pub(crate) fn of(plan: &Toetsplan, f: &SavedForm) -> Result<Uitslag, String> {
    if f.candidate_undecided() {
        return Err(msg!("uitslagen-candidate-undecided"));
    }
    let b = plan.beoordeling_or_default();
    match b.soort {
        Soort::Vragen => questions(plan, f, b.minimaal_goed),
        Soort::Waarnemingen => {
            let open = unjudged(plan, f);
            if !open.is_empty() {
                return Err(msg!("uitslagen-unjudged", codes = open.join(", ")));
            }
            match b.minimaal_voldoende.is_none() && b.verplicht.is_empty() {
                true => chosen(f),
                false => observations(plan, f),
            }
        }
    }
}

/// The toetstermen of an observation form without a judgement on the plan's scale.
fn unjudged<'a>(plan: &'a Toetsplan, f: &SavedForm) -> Vec<&'a str> {
    let schaal = plan.beoordeling_or_default().schaal;
    (plan.toetstermen())
        .map(|t| t.code.trim())
        .filter(|code| {
            let oordeel = f.tekst(&format!("t.{code}.oordeel"));
            !oordeel.is_some_and(|o| schaal.iter().any(|s| s.trim() == o))
        })
        .collect()
}

/// A plan without a structured cesuur: the assessor's choice, which a complete form has.
fn chosen(f: &SavedForm) -> Result<Uitslag, String> {
    let geslaagd = match f.tekst("uitslag") {
        Some("geslaagd") => Some(true),
        Some("niet geslaagd") => Some(false),
        _ => None,
    };
    if geslaagd.is_none() {
        return Err(msg!("uitslagen-no-result"));
    }
    Ok(Uitslag {
        geslaagd,
        reden: "gekozen door de beoordelaar (de cesuur staat als tekst in het toetsplan)" // document text
            .to_owned(),
    })
}

fn observations(plan: &Toetsplan, f: &SavedForm) -> Result<Uitslag, String> {
    let b = plan.beoordeling_or_default();
    let voldoende = sufficient_list(&b.schaal);
    // Every toetsterm has a judgement here (see `unjudged`).
    let (mut goed, mut zwak) = (0usize, Vec::new());
    for t in plan.toetstermen() {
        let code = t.code.trim();
        match f.tekst(&format!("t.{code}.oordeel")) {
            None => {}
            Some(o) if voldoende.iter().any(|v| v == o) => goed += 1,
            Some(o) if b.verplicht.iter().any(|v| v.trim() == code) => {
                zwak.push(format!("{code} is verplicht en {o}")) // document text
            }
            Some(_) => {}
        }
    }
    let n = plan.toetstermen().count();
    let oordeel = voldoende.join(" of ");
    let genoeg = b.minimaal_voldoende.is_none_or(|m| goed >= m as usize);
    let mut deel = format!("{goed} van {n} toetstermen {oordeel}");
    if let Some(m) = b.minimaal_voldoende {
        deel.push_str(&format!(" (minimaal {m})"));
    }
    if genoeg && zwak.is_empty() {
        let alle = if b.verplicht.is_empty() {
            String::new()
        } else {
            format!(", alle verplichte {oordeel}")
        };
        return Ok(Uitslag {
            geslaagd: Some(true),
            reden: format!("geslaagd: {deel}{alle}"),
        });
    }
    if let (false, Some(m)) = (genoeg, b.minimaal_voldoende) {
        zwak.push(format!(
            "{goed} van {n} toetstermen {oordeel}, minimaal {m} nodig"
        ));
    }
    Ok(Uitslag {
        geslaagd: Some(false),
        reden: format!("niet geslaagd: {}", zwak.join("; ")),
    })
}

fn questions(plan: &Toetsplan, f: &SavedForm, minimaal: Option<u32>) -> Result<Uitslag, String> {
    let mut totaal = 0u64;
    let mut problems = Vec::new();
    for t in plan.toetstermen() {
        let code = t.code.trim();
        let max = t.aantal_opdrachten.unwrap_or(0);
        match f.tekst(&format!("t.{code}.goed")).map(str::parse::<u32>) {
            Some(Ok(n)) if n <= max => totaal += u64::from(n),
            Some(_) => problems.push(msg!("uitslagen-not-a-number", code = code, max = max)),
            None => problems.push(msg!("uitslagen-empty", code = code)),
        }
    }
    if !problems.is_empty() {
        return Err(msg!(
            "uitslagen-no-valid-number",
            codes = problems.join(", ")
        ));
    }
    let van = plan.aantal_vragen_som();
    Ok(match minimaal {
        None => Uitslag {
            geslaagd: None,
            reden: format!(
                "{totaal} van de {van} vragen goed; de cesuur staat als tekst in het toetsplan" // document text
            ),
        },
        Some(m) if totaal >= u64::from(m) => Uitslag {
            geslaagd: Some(true),
            reden: format!("geslaagd: {totaal} van de {van} vragen goed (minimaal {m})"),
        },
        Some(m) => Uitslag {
            geslaagd: Some(false),
            reden: format!("niet geslaagd: {totaal} van de {van} vragen goed, minimaal {m} nodig"),
        },
    })
}
