//! The figures of an observation exam, from saved forms read and checked as `uitslagen` reads
//! them (a form refused there is refused here, with the same message): per toetsterm how often
//! voldoende and how many observations were ticked; where two assessors judged the same
//! kandidaat, each on a form of their own, the agreement per toetsterm and overall (Cohen's
//! kappa, Krippendorff's alpha), each assessor's severity and the list of disagreements.
//!
//! Kandidaten are matched across forms as `uitslagen` matches them (by `kandidaatnummer`, else by
//! name; [`toetsgen_uitslagen::Kandidaat`]), and the two forms of a pair are compared in the order
//! of their `beoordelaar` (1, then 2; forms of formaatversie 1 in the order given). An assessor
//! is a person: told by the name on the form across kandidaten (by "beoordelaar 1" or 2 where
//! the name is empty), numbered in the order their first form is given, for their severity. Two
//! forms of the same kandidaat by the same assessor are refused by the reader; three assessors
//! on one kandidaat are refused here.

use std::collections::BTreeMap;

use serde::Serialize;

use toetsgen_analyse::agreement::{Oordeel, agreement, krippendorff_alpha, severity};
use toetsgen_base::msg;
use toetsgen_document::view::sufficient_list;
use toetsgen_plan::model::Toetsplan;
use toetsgen_uitslagen::{Kandidaat, Row};

/// The figures of an observation exam.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ObservationExam {
    /// Always "waarnemingen".
    pub soort: &'static str,
    pub plan: String,
    pub naam: String,
    /// The plan versions the forms were made under, oldest first.
    pub versies: Vec<String>,
    pub aantal_formulieren: usize,
    pub aantal_kandidaten: usize,
    /// Kandidaten judged by two assessors.
    pub aantal_paren: usize,
    pub toetstermen: Vec<ToetstermFigures>,
    /// Over all pairs of judgements: the share that agree and Cohen's kappa (pooled).
    pub overeenstemming: Option<f64>,
    pub kappa: Option<f64>,
    /// Krippendorff's alpha (nominal) over all judgements of kandidaten judged twice.
    pub krippendorff_alpha: Option<f64>,
    pub beoordelaars: Vec<Beoordelaar>,
    pub verschillen: Vec<Verschil>,
}

/// One toetsterm's figures.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ToetstermFigures {
    pub code: String,
    /// How many forms judge it, and how many of them voldoende.
    pub oordelen: usize,
    pub voldoende: usize,
    /// Observations ticked, of those on the forms.
    pub aangevinkt: usize,
    pub waarnemingen: usize,
    /// Pairs of judgements by two assessors on the same kandidaat.
    pub paren: usize,
    pub overeenstemming: Option<f64>,
    pub kappa: Option<f64>,
}

/// One assessor: how many forms, and the rate of voldoende against the other assessors' on the
/// same kandidaten and toetstermen (severity).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Beoordelaar {
    pub nummer: usize,
    pub naam: String,
    pub formulieren: usize,
    /// Pairs of judgements shared with another assessor.
    pub paren: usize,
    pub voldoende: Option<f64>,
    pub voldoende_ander: Option<f64>,
}

/// A toetsterm of a kandidaat on which two assessors disagree.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Verschil {
    /// The kandidaat's place: the order of their first form.
    pub kandidaat: usize,
    /// Their kandidaatnummer, where the forms have it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kandidaatnummer: Option<String>,
    /// Their name, with `--namen` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
    pub toetsterm: String,
    pub beoordelaar_1: usize,
    pub oordeel_1: String,
    pub beoordelaar_2: usize,
    pub oordeel_2: String,
}

/// A form with what it says per toetsterm.
struct Form<'a> {
    row: &'a Row,
    assessor: usize,
    /// Per toetsterm code of its plan version: the judgement, whether it is voldoende, the
    /// observations ticked and on the form.
    terms: BTreeMap<String, (String, bool, usize, usize)>,
}

/// Folds a name for matching: spaces collapsed, lower case.
fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The figures of the forms `rows`, each judged by its plan version in `plans` (same order), of
/// the `kandidaten` `uitslagen` matched; `current` is the plan as it is now (its code, name and
/// toetsterm order). `namen`: put the kandidaten's names in the list of disagreements.
pub(crate) fn figures(
    current: &Toetsplan,
    rows: &[Row],
    kandidaten: &[Kandidaat],
    plans: &[Toetsplan],
    namen: bool,
) -> Result<ObservationExam, String> {
    let mut assessors: Vec<(String, String, usize)> = Vec::new();
    let mut forms = Vec::new();
    for (row, plan) in rows.iter().zip(plans) {
        let mut name = row.form.kandidaat.beoordelaar.trim().to_owned();
        if let (true, Some(n)) = (name.is_empty(), row.form.beoordelaar) {
            name = format!("beoordelaar {n}");
        }
        let key = fold(&name);
        let assessor = match assessors.iter().position(|(k, _, _)| *k == key) {
            Some(i) => i,
            None => {
                assessors.push((key, name, 0));
                assessors.len() - 1
            }
        };
        assessors[assessor].2 += 1;
        forms.push(Form {
            row,
            assessor,
            terms: terms(plan, row),
        });
    }
    if let Some(k) = kandidaten.iter().find(|k| k.forms.len() > 2) {
        let files: Vec<&str> = k
            .forms
            .iter()
            .map(|&i| forms[i].row.file.as_str())
            .collect();
        return Err(msg!(
            "analyse-forms-three",
            name = rows[k.forms[0]].form.kandidaat.naam.trim(),
            n = k.forms.len(),
            files = files.join(", ")
        ));
    }
    let codes: Vec<String> = current
        .toetstermen()
        .map(|t| t.code.trim().to_owned())
        .collect();
    let mut all_codes = codes.clone();
    for f in &forms {
        for code in f.terms.keys() {
            if !all_codes.contains(code) {
                all_codes.push(code.clone());
            }
        }
    }
    let mut pairs: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    let mut units: Vec<[Option<&str>; 2]> = Vec::new();
    let mut per_assessor: Vec<Vec<(Oordeel, Oordeel)>> = vec![Vec::new(); assessors.len()];
    let mut verschillen = Vec::new();
    let mut aantal_paren = 0;
    for (number, k) in kandidaten.iter().enumerate() {
        let Some((a, b)) = k.pair() else { continue };
        aantal_paren += 1;
        let (first, second) = (&forms[a], &forms[b]);
        let naam = (k.forms.iter())
            .map(|&i| rows[i].form.kandidaat.naam.trim())
            .find(|n| !n.is_empty())
            .unwrap_or("");
        let nummer = k.forms.iter().find_map(|&i| rows[i].form.nummer());
        for code in &all_codes {
            let (Some(x), Some(y)) = (first.terms.get(code), second.terms.get(code)) else {
                continue;
            };
            pairs.entry(code).or_default().push((&x.0, &y.0));
            units.push([Some(&x.0), Some(&y.0)]);
            let oordeel = |v: bool| match v {
                true => Oordeel::Voldoende,
                false => Oordeel::Onvoldoende,
            };
            per_assessor[first.assessor].push((oordeel(x.1), oordeel(y.1)));
            per_assessor[second.assessor].push((oordeel(y.1), oordeel(x.1)));
            if x.0 != y.0 {
                verschillen.push(Verschil {
                    kandidaat: number + 1,
                    kandidaatnummer: nummer.map(str::to_owned),
                    naam: namen.then(|| naam.to_owned()),
                    toetsterm: code.clone(),
                    beoordelaar_1: first.assessor + 1,
                    oordeel_1: x.0.clone(),
                    beoordelaar_2: second.assessor + 1,
                    oordeel_2: y.0.clone(),
                });
            }
        }
    }
    let toetstermen = (all_codes.iter())
        .map(|code| {
            let judged: Vec<&(String, bool, usize, usize)> =
                forms.iter().filter_map(|f| f.terms.get(code)).collect();
            let empty = Vec::new();
            let these = pairs.get(code.as_str()).unwrap_or(&empty);
            let a = agreement(these.iter());
            ToetstermFigures {
                code: code.clone(),
                oordelen: judged.len(),
                voldoende: judged.iter().filter(|t| t.1).count(),
                aangevinkt: judged.iter().map(|t| t.2).sum(),
                waarnemingen: judged.iter().map(|t| t.3).sum(),
                paren: a.pairs,
                overeenstemming: a.proportion,
                kappa: a.kappa,
            }
        })
        .collect();
    let overall = agreement(pairs.values().flatten());
    let mut versies: Vec<String> = rows.iter().map(|r| r.versie.to_string()).collect();
    versies.sort();
    versies.dedup();
    Ok(ObservationExam {
        soort: "waarnemingen",
        plan: current.code.trim().to_owned(),
        naam: current.naam.trim().to_owned(),
        versies,
        aantal_formulieren: forms.len(),
        aantal_kandidaten: kandidaten.len(),
        aantal_paren,
        toetstermen,
        overeenstemming: overall.proportion,
        kappa: overall.kappa,
        krippendorff_alpha: krippendorff_alpha(&units),
        beoordelaars: (assessors.iter().enumerate())
            .map(|(i, (_, naam, n))| {
                let s = severity(per_assessor[i].iter());
                Beoordelaar {
                    nummer: i + 1,
                    naam: naam.clone(),
                    formulieren: *n,
                    paren: s.pairs,
                    voldoende: s.eerste,
                    voldoende_ander: s.tweede,
                }
            })
            .collect(),
        verschillen,
    })
}

/// What the form `row` says of each toetsterm of its plan version `plan`: the judgement, whether
/// it is voldoende, observations ticked and on the form.
fn terms(plan: &Toetsplan, row: &Row) -> BTreeMap<String, (String, bool, usize, usize)> {
    let b = plan.beoordeling_or_default();
    let voldoende = sufficient_list(&b.schaal);
    let w = b.waarnemingen as usize;
    (plan.toetstermen())
        .filter_map(|t| {
            let code = t.code.trim();
            let oordeel = row.form.tekst(&format!("t.{code}.oordeel"))?;
            let ticked = (1..=w)
                .filter(|n| {
                    row.form.waarden.get(&format!("t.{code}.w{n}"))
                        == Some(&serde_json::Value::Bool(true))
                })
                .count();
            let ok = voldoende.iter().any(|v| v == oordeel);
            Some((code.to_owned(), (oordeel.to_owned(), ok, ticked, w)))
        })
        .collect()
}
