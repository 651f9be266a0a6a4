//! The toetsmatrijs of a question exam: per toetsterm the number of questions at each of its
//! levels, with totals per onderdeel and per level. A toetsterm tested at more than one level
//! counts its questions once in the total and under each of its levels (the plan does not say
//! how its questions split), so the level totals together can exceed the total; the
//! documents say so where it happens.

use serde::Serialize;

use toetsgen_plan::model::{Niveau, Toetsplan};

/// The toetsmatrijs: rows grouped by onderdeel, level totals in [`Niveau::ALL`] order.
#[derive(Debug, Serialize)]
pub struct Toetsmatrijs {
    /// The onderdelen with their rows and subtotals.
    pub onderdelen: Vec<MatrijsOnderdeel>,
    /// Questions per level over the whole exam ("" where none), K, B, RV, PV.
    pub per_niveau: Vec<String>,
    /// All questions: the sum of the toetstermen's `aantal_opdrachten`.
    pub totaal: u64,
    /// Whether some toetsterm is tested at more than one level.
    pub meerdere_niveaus: bool,
}

/// One onderdeel of the toetsmatrijs.
#[derive(Debug, Serialize)]
pub struct MatrijsOnderdeel {
    /// Its name.
    pub naam: String,
    /// 1-based number.
    pub nummer: usize,
    /// One row per toetsterm.
    pub rijen: Vec<MatrijsRij>,
    /// Questions per level in this onderdeel ("" where none).
    pub per_niveau: Vec<String>,
    /// Questions in this onderdeel.
    pub vragen: u64,
}

/// One toetsterm's row.
#[derive(Debug, Serialize)]
pub struct MatrijsRij {
    /// "B2.01".
    pub code: String,
    /// Its questions under each of its levels ("" elsewhere).
    pub per_niveau: Vec<String>,
    /// Its questions.
    pub vragen: u32,
}

impl Toetsmatrijs {
    /// The toetsmatrijs of a plan (toetstermen without `aantal_opdrachten` count 0).
    pub fn new(p: &Toetsplan) -> Self {
        let mut totals = [0u64; 4];
        let onderdelen = (p.onderdelen.iter().enumerate())
            .map(|(i, o)| {
                let mut sub = [0u64; 4];
                let rijen = (o.toetstermen.iter())
                    .map(|t| {
                        let n = t.aantal_opdrachten.unwrap_or(0);
                        let at = levels(&t.niveaus);
                        for (k, on) in at.iter().enumerate() {
                            if *on {
                                sub[k] += u64::from(n);
                            }
                        }
                        MatrijsRij {
                            code: t.code.trim().to_owned(),
                            per_niveau: at.iter().map(|on| cell(*on, n.into())).collect(),
                            vragen: n,
                        }
                    })
                    .collect::<Vec<_>>();
                for k in 0..4 {
                    totals[k] += sub[k];
                }
                MatrijsOnderdeel {
                    naam: o.naam.trim().to_owned(),
                    nummer: i + 1,
                    vragen: rijen.iter().map(|r| u64::from(r.vragen)).sum(),
                    per_niveau: sub.iter().map(|&s| cell(s > 0, s)).collect(),
                    rijen,
                }
            })
            .collect::<Vec<_>>();
        Toetsmatrijs {
            totaal: onderdelen.iter().map(|o| o.vragen).sum(),
            per_niveau: totals.iter().map(|&s| cell(s > 0, s)).collect(),
            meerdere_niveaus: p
                .toetstermen()
                .any(|t| levels(&t.niveaus).iter().filter(|x| **x).count() > 1),
            onderdelen,
        }
    }
}

/// Whether each level of [`Niveau::ALL`] is among `niveaus`.
fn levels(niveaus: &[Niveau]) -> [bool; 4] {
    let mut at = [false; 4];
    for (k, n) in Niveau::ALL.iter().enumerate() {
        at[k] = niveaus.contains(n);
    }
    at
}

fn cell(on: bool, n: u64) -> String {
    if on { n.to_string() } else { String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toetsgen_plan::load::parse;

    /// The toetsmatrijs totals equal the questions of the plan, per onderdeel and in all; a
    /// toetsterm at two levels counts under both.
    #[test]
    fn totals_add_up() {
        let yaml = include_str!("../../../tests/fixtures/plans/B2-theorie.yaml");
        let plan = parse("B2.yaml", yaml.to_owned()).unwrap().plan;
        let m = Toetsmatrijs::new(&plan);
        assert_eq!(m.totaal, 40);
        assert_eq!(m.onderdelen.iter().map(|o| o.vragen).sum::<u64>(), 40);
        assert_eq!(m.onderdelen[0].vragen, 12);
        assert!(m.meerdere_niveaus);
        let b204 = &m.onderdelen[1].rijen[0];
        assert_eq!(
            (b204.code.as_str(), &b204.per_niveau[..2]),
            ("B2.04", &["6".to_owned(), "6".to_owned()][..])
        );
        assert_eq!(m.per_niveau[3], "", "no PV questions");
    }
}
