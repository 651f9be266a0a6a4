//! What differs between two plans of the same code: every field of the plan, every onderdeel by
//! its place and every toetsterm by its code, each difference named as the office thinks of it
//! ("toetsterm V1.04 (onderdeel 2, Communiceren met de klant), veld `tekst`", in the words of
//! [`place`](crate::place)) with the old and the
//! new value, and whether it only changes wording (which a correction may do).

use crate::model::{AantalVragen, Beoordeling, Datum, Niveau, Toetsplan, Toetsterm};
use toetsgen_base::msg;

/// One way `new` differs from `old`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where, as the office says it.
    pub place: String,
    /// The field's path in the new plan (`onderdelen[1].toetstermen[3].tekst`), for its line.
    pub path: String,
    /// The old value as text ("(leeg)", in the user's language, when there was none).
    pub old: String,
    /// The new value as text.
    pub new: String,
    /// Whether only words changed (a text field), not the plan's structure or numbers.
    pub wording: bool,
    /// The toetsterm it concerns, if any.
    pub toetsterm: Option<String>,
}

/// What is shown for a value that is not there.
fn none() -> String {
    msg!("plan-value-none")
}

/// Every difference between `old` and `new`, plan fields first, then onderdelen, then toetstermen
/// in the new plan's order, then toetstermen that are gone.
pub fn differences(old: &Toetsplan, new: &Toetsplan) -> Vec<Difference> {
    let mut out = Vec::new();
    plan_fields(old, new, &mut out);
    onderdelen(old, new, &mut out);
    toetstermen(old, new, &mut out);
    out
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_else(none)
}

fn shown<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(none, |v| v.to_string())
}

fn push(
    out: &mut Vec<Difference>,
    place: String,
    path: String,
    old: String,
    new: String,
    wording: bool,
) {
    if old != new {
        out.push(Difference {
            place,
            path,
            old,
            new,
            wording,
            toetsterm: None,
        });
    }
}

fn plan_fields(old: &Toetsplan, new: &Toetsplan, out: &mut Vec<Difference>) {
    let texts = [
        ("naam", Some(old.naam.clone()), Some(new.naam.clone())),
        (
            "omschrijving",
            old.omschrijving.clone(),
            new.omschrijving.clone(),
        ),
        ("toetsvorm", old.toetsvorm.clone(), new.toetsvorm.clone()),
        (
            "toegestane_tijd",
            old.toegestane_tijd.clone(),
            new.toegestane_tijd.clone(),
        ),
        ("cesuur", old.cesuur.clone(), new.cesuur.clone()),
        (
            "scoringsregels",
            old.scoringsregels.clone(),
            new.scoringsregels.clone(),
        ),
        (
            "hulpmiddelen",
            old.hulpmiddelen.clone(),
            new.hulpmiddelen.clone(),
        ),
        (
            "instructies",
            old.instructies.clone(),
            new.instructies.clone(),
        ),
    ];
    for (name, a, b) in texts {
        push(
            out,
            msg!("plan-place-plan-field", field = name),
            name.into(),
            text(&a),
            text(&b),
            true,
        );
    }
    let vragen = |v: &Option<AantalVragen>| shown(v.as_ref());
    let wording = matches!(
        (&old.aantal_vragen, &new.aantal_vragen),
        (Some(AantalVragen::Tekst(_)), Some(AantalVragen::Tekst(_)))
    );
    let (a, b) = (vragen(&old.aantal_vragen), vragen(&new.aantal_vragen));
    push(
        out,
        msg!("plan-place-plan-field", field = "aantal_vragen"),
        "aantal_vragen".into(),
        a,
        b,
        wording,
    );
    let structural = [
        (
            "ingangsdatum",
            old.ingangsdatum.to_string(),
            new.ingangsdatum.to_string(),
        ),
        ("gewijzigd", shown(old.gewijzigd), shown(new.gewijzigd)),
        (
            "totaal_opdrachten",
            shown(old.totaal_opdrachten),
            shown(new.totaal_opdrachten),
        ),
    ];
    for (name, a, b) in structural {
        push(
            out,
            msg!("plan-place-plan-field", field = name),
            name.into(),
            a,
            b,
            false,
        );
    }
    beoordeling(
        old.beoordeling_or_default(),
        new.beoordeling_or_default(),
        out,
    );
}

fn beoordeling(old: Beoordeling, new: Beoordeling, out: &mut Vec<Difference>) {
    let list = |items: &[String]| items.join(", ");
    let fields = [
        (
            "soort",
            format!("{:?}", old.soort).to_lowercase(),
            format!("{:?}", new.soort).to_lowercase(),
            false,
        ),
        (
            "waarnemingen",
            old.waarnemingen.to_string(),
            new.waarnemingen.to_string(),
            false,
        ),
        (
            "waarneming",
            old.waarneming.clone(),
            new.waarneming.clone(),
            true,
        ),
        ("schaal", list(&old.schaal), list(&new.schaal), false),
        (
            "minimaal_voldoende",
            shown(old.minimaal_voldoende),
            shown(new.minimaal_voldoende),
            false,
        ),
        (
            "verplicht",
            list(&old.verplicht),
            list(&new.verplicht),
            false,
        ),
        (
            "minimaal_goed",
            shown(old.minimaal_goed),
            shown(new.minimaal_goed),
            false,
        ),
    ];
    for (name, a, b, wording) in fields {
        let place = msg!(
            "plan-place-within",
            outer = msg!("plan-place-beoordeling"),
            inner = msg!("plan-place-field", field = name)
        );
        push(out, place, format!("beoordeling.{name}"), a, b, wording);
    }
}

fn onderdelen(old: &Toetsplan, new: &Toetsplan, out: &mut Vec<Difference>) {
    let names = |p: &Toetsplan| {
        p.onderdelen
            .iter()
            .map(|o| o.naam.clone())
            .collect::<Vec<_>>()
    };
    if old.onderdelen.len() != new.onderdelen.len() {
        let (a, b) = (names(old).join(" | "), names(new).join(" | "));
        push(
            out,
            msg!("plan-place-onderdelen"),
            "onderdelen".into(),
            a,
            b,
            false,
        );
        return;
    }
    for (i, (a, b)) in old.onderdelen.iter().zip(&new.onderdelen).enumerate() {
        let place = msg!("plan-place-onderdeel", n = i + 1, naam = b.naam.trim());
        push(
            out,
            place,
            format!("onderdelen[{i}].naam"),
            a.naam.clone(),
            b.naam.clone(),
            true,
        );
    }
}

/// A toetsterm with its place: its path, onderdeel number and onderdeel name.
struct Placed<'a> {
    term: &'a Toetsterm,
    path: String,
    onderdeel: usize,
    onderdeel_naam: &'a str,
}

fn placed(plan: &Toetsplan) -> Vec<Placed<'_>> {
    let mut out = Vec::new();
    for (i, o) in plan.onderdelen.iter().enumerate() {
        for (j, term) in o.toetstermen.iter().enumerate() {
            let path = format!("onderdelen[{i}].toetstermen[{j}]");
            out.push(Placed {
                term,
                path,
                onderdeel: i + 1,
                onderdeel_naam: o.naam.trim(),
            });
        }
    }
    out
}

fn toetstermen(old: &Toetsplan, new: &Toetsplan, out: &mut Vec<Difference>) {
    let (before, after) = (placed(old), placed(new));
    let find =
        |list: &'_ [Placed<'_>], code: &str| list.iter().position(|p| p.term.code.trim() == code);
    for n in &after {
        let code = n.term.code.trim();
        let term = msg!(
            "plan-place-toetsterm",
            code = code,
            onderdeel = n.onderdeel,
            naam = n.onderdeel_naam
        );
        let at = |field: &str| {
            msg!(
                "plan-place-within",
                outer = &term,
                inner = msg!("plan-place-field", field = field)
            )
        };
        let start = out.len();
        match find(&before, code) {
            None => out.push(Difference {
                place: term.clone(),
                path: n.path.clone(),
                old: msg!("plan-value-no-toetsterm"),
                new: n.term.tekst.clone(),
                wording: false,
                toetsterm: None,
            }),
            Some(i) => {
                let o = &before[i];
                let levels = |t: &Toetsterm| {
                    t.niveaus
                        .iter()
                        .map(|l| Niveau::code(*l))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let date = |d: Datum| d.to_string();
                let fields = [
                    ("tekst", o.term.tekst.clone(), n.term.tekst.clone(), true),
                    (
                        "gewijzigd",
                        date(o.term.gewijzigd),
                        date(n.term.gewijzigd),
                        false,
                    ),
                    ("niveaus", levels(o.term), levels(n.term), false),
                    (
                        "aantal_opdrachten",
                        shown(o.term.aantal_opdrachten),
                        shown(n.term.aantal_opdrachten),
                        false,
                    ),
                ];
                for (field, a, b, wording) in fields {
                    push(out, at(field), format!("{}.{field}", n.path), a, b, wording);
                }
                if o.onderdeel_naam != n.onderdeel_naam || o.onderdeel != n.onderdeel {
                    let (a, b) = (
                        msg!(
                            "plan-place-onderdeel",
                            n = o.onderdeel,
                            naam = o.onderdeel_naam
                        ),
                        msg!(
                            "plan-place-onderdeel",
                            n = n.onderdeel,
                            naam = n.onderdeel_naam
                        ),
                    );
                    push(
                        out,
                        msg!("plan-place-toetsterm-onderdeel", code = code),
                        n.path.clone(),
                        a,
                        b,
                        false,
                    );
                }
            }
        }
        for d in &mut out[start..] {
            d.toetsterm = Some(code.to_owned());
        }
    }
    for o in before
        .iter()
        .filter(|o| find(&after, o.term.code.trim()).is_none())
    {
        let code = o.term.code.trim();
        out.push(Difference {
            place: msg!(
                "plan-place-toetsterm-was",
                code = code,
                onderdeel = o.onderdeel,
                naam = o.onderdeel_naam
            ),
            path: "onderdelen".into(),
            old: o.term.tekst.clone(),
            new: msg!("plan-value-removed"),
            wording: false,
            toetsterm: Some(code.to_owned()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(yaml: &str) -> Toetsplan {
        serde_yaml::from_str(yaml).expect("plan")
    }

    const OLD: &str = "code: X1\nnaam: X\ningangsdatum: 2021-09-01\ncesuur: Zie formulier\nonderdelen:\n  - naam: Eerste\n    toetstermen:\n      - code: X1.01\n        tekst: Kan iets.\n        gewijzigd: 2021-09-01\n        niveaus: [K]\n      - code: X1.02\n        tekst: Kan meer.\n        gewijzigd: 2021-09-01\n        niveaus: [B]\n";

    /// The same plan has no differences.
    #[test]
    fn a_plan_equals_itself() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        assert_eq!(differences(&plan(OLD), &plan(OLD)), []);
    }

    /// A changed text is named by toetsterm code, onderdeel and field, with both texts, as wording.
    #[test]
    fn a_changed_text_is_named_with_both_texts() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let new = plan(&OLD.replace("Kan meer.", "Kan veel meer."));
        let d = differences(&plan(OLD), &new);
        assert_eq!(
            d,
            [Difference {
                place: "toetsterm X1.02 (onderdeel 1, Eerste), field `tekst`".into(),
                path: "onderdelen[0].toetstermen[1].tekst".into(),
                old: "Kan meer.".into(),
                new: "Kan veel meer.".into(),
                wording: true,
                toetsterm: Some("X1.02".into()),
            }]
        );
    }

    /// Levels, plan fields, added and removed toetstermen are found, and are not wording.
    #[test]
    fn structure_is_not_wording() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let new = plan(
            &OLD.replace("niveaus: [B]", "niveaus: [B, K]")
                .replace("cesuur: Zie formulier\n", "")
                .replace("X1.01", "X1.03"),
        );
        let d = differences(&plan(OLD), &new);
        let places: Vec<(&str, bool)> = d.iter().map(|d| (d.place.as_str(), d.wording)).collect();
        assert_eq!(
            places,
            [
                ("field `cesuur` of the plan", true),
                ("toetsterm X1.03 (onderdeel 1, Eerste)", false),
                (
                    "toetsterm X1.02 (onderdeel 1, Eerste), field `niveaus`",
                    false
                ),
                ("toetsterm X1.01 (was onderdeel 1, Eerste)", false),
            ]
        );
        assert_eq!(d[0].new, none());
    }
}
