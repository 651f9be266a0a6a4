//! The figures of a question exam, from its scores and its plan: per question, for the test, the
//! cesuur proposal beside the plan's cesuur, per toetsterm, onderdeel and niveau, and the flags.
//! Serialized as they are for `--json` (numbers unrounded, an undefined figure `null`).

use serde::Serialize;

use toetsgen_analyse::cesuur::cohen_schotanus;
use toetsgen_analyse::flags::{Flag, flag};
use toetsgen_analyse::items::{self, ScoreMatrix};
use toetsgen_plan::model::{Niveau, Toetsplan};

use super::scores::Scores;

/// How each question's maximum score was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Maximum {
    /// Every score of every question is 0 or 1: each question's maximum is 1.
    Goed,
    /// Some question has other scores: each question's maximum is the highest score given on it
    /// (at least 1), since the plan gives no points per question.
    HoogsteGegeven,
}

/// The figures of a question exam.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct QuestionExam {
    /// Always "vragen".
    pub soort: &'static str,
    /// The plan's code, name and version.
    pub plan: String,
    pub naam: String,
    pub versie: String,
    pub aantal_kandidaten: usize,
    pub aantal_vragen: usize,
    /// How the maxima were found.
    pub maximum: Maximum,
    /// The highest total possible.
    pub max_score: f64,
    pub alpha: Option<f64>,
    pub sem: Option<f64>,
    pub gemiddelde: f64,
    pub sd: Option<f64>,
    /// The plan's cesuur as a total score (`minimaal_goed`), and how many reach it.
    pub cesuur: Option<f64>,
    pub geslaagd: Option<usize>,
    /// The plan's cesuur as its text says it.
    pub cesuur_tekst: Option<String>,
    /// The Cohen-Schotanus proposal (guessing score 0), its reference score, and how many would
    /// reach it.
    pub cesuur_voorstel: Option<f64>,
    pub cesuur_voorstel_referentie: Option<f64>,
    pub geslaagd_bij_voorstel: Option<usize>,
    /// The score distribution, lowest first.
    pub verdeling: Vec<Frequentie>,
    pub vragen: Vec<Vraag>,
    pub toetstermen: Vec<Groep>,
    pub onderdelen: Vec<Groep>,
    pub niveaus: Vec<Groep>,
}

/// How many kandidaten have a total score.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Frequentie {
    pub score: f64,
    pub aantal: usize,
}

/// One question's figures.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Vraag {
    /// 1-based number of the question.
    pub vraag: usize,
    /// 1-based column in the score export.
    pub kolom: usize,
    pub toetsterm: String,
    pub max: f64,
    pub gemiddelde: f64,
    pub p: f64,
    pub rit: Option<f64>,
    pub rir: Option<f64>,
    pub alpha_zonder: Option<f64>,
    /// Why it is worth a second look: moeilijk, makkelijk, lage_rir, negatieve_rir, geen_rir.
    pub signalen: Vec<&'static str>,
}

/// A toetsterm, onderdeel or niveau: its questions' mean p-waarde.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Groep {
    /// A toetsterm's code, an onderdeel's name, a niveau's abbreviation.
    pub naam: String,
    pub aantal_vragen: usize,
    /// The mean p-waarde of its questions; `null` without questions.
    pub p: Option<f64>,
}

/// The name of a flag in the JSON and the report's ids.
pub(crate) fn signal(f: Flag) -> &'static str {
    match f {
        Flag::Hard => "moeilijk",
        Flag::Easy => "makkelijk",
        Flag::LowRir => "lage_rir",
        Flag::NegativeRir => "negatieve_rir",
        Flag::NoRir => "geen_rir",
    }
}

/// The figures of `scores` on the questions of `plan`.
pub(crate) fn figures(plan: &Toetsplan, scores: &Scores) -> QuestionExam {
    let k = scores.questions.len();
    let zero_one = (scores.rows.iter()).all(|r| r.iter().all(|&x| x == 0.0 || x == 1.0));
    let maxima: Vec<f64> = (0..k)
        .map(|j| match zero_one {
            true => 1.0,
            false => scores.rows.iter().map(|r| r[j]).fold(1.0, f64::max),
        })
        .collect();
    let matrix = match ScoreMatrix::new(maxima, &scores.rows) {
        Ok(m) => m,
        // The reader gives at least one question and kandidaat, rows of equal length and
        // scores from 0 to the maxima found above.
        Err(e) => unreachable!("the reader checked the scores: {e:?}"),
    };
    let a = items::analyse(&matrix);
    let vragen: Vec<Vraag> = (a.questions.iter().zip(&scores.questions))
        .enumerate()
        .map(|(j, (f, q))| Vraag {
            vraag: j + 1,
            kolom: q.kolom,
            toetsterm: q.toetsterm.clone(),
            max: f.max,
            gemiddelde: f.mean,
            p: f.p,
            rit: f.rit,
            rir: f.rir,
            alpha_zonder: f.alpha_zonder,
            signalen: flag(f).into_iter().map(signal).collect(),
        })
        .collect();
    let b = plan.beoordeling_or_default();
    let cesuur = b.minimaal_goed.map(f64::from);
    let proposal = cohen_schotanus(&a.totals, 0.0);
    let mean_p = |qs: &mut dyn Iterator<Item = &Vraag>| {
        let ps: Vec<f64> = qs.map(|v| v.p).collect();
        let n = ps.len();
        (n, (n > 0).then(|| ps.iter().sum::<f64>() / n as f64))
    };
    let toetstermen = (plan.toetstermen())
        .map(|t| {
            let code = t.code.trim();
            let (n, p) = mean_p(&mut vragen.iter().filter(|v| v.toetsterm == code));
            Groep {
                naam: code.to_owned(),
                aantal_vragen: n,
                p,
            }
        })
        .collect();
    let onderdelen = (plan.onderdelen.iter())
        .map(|o| {
            let codes: Vec<&str> = o.toetstermen.iter().map(|t| t.code.trim()).collect();
            let (n, p) = mean_p(
                &mut vragen
                    .iter()
                    .filter(|v| codes.contains(&v.toetsterm.as_str())),
            );
            Groep {
                naam: o.naam.trim().to_owned(),
                aantal_vragen: n,
                p,
            }
        })
        .collect();
    let niveaus = (Niveau::ALL.iter())
        .map(|niveau| {
            let codes: Vec<&str> = (plan.toetstermen())
                .filter(|t| t.niveaus.contains(niveau))
                .map(|t| t.code.trim())
                .collect();
            let (n, p) = mean_p(
                &mut vragen
                    .iter()
                    .filter(|v| codes.contains(&v.toetsterm.as_str())),
            );
            Groep {
                naam: niveau.code().to_owned(),
                aantal_vragen: n,
                p,
            }
        })
        .collect();
    QuestionExam {
        soort: "vragen",
        plan: plan.code.trim().to_owned(),
        naam: plan.naam.trim().to_owned(),
        versie: plan.versie().0.to_string(),
        aantal_kandidaten: a.test.kandidaten,
        aantal_vragen: k,
        maximum: if zero_one {
            Maximum::Goed
        } else {
            Maximum::HoogsteGegeven
        },
        max_score: a.test.max_score,
        alpha: a.test.alpha,
        sem: a.test.sem,
        gemiddelde: a.test.mean,
        sd: a.test.sd,
        cesuur,
        geslaagd: cesuur.map(|c| a.passing(c)),
        cesuur_tekst: plan.cesuur.as_deref().map(|c| c.trim().to_owned()),
        cesuur_voorstel: proposal.map(|p| p.cesuur),
        cesuur_voorstel_referentie: proposal.map(|p| p.reference),
        geslaagd_bij_voorstel: proposal.map(|p| a.passing(p.cesuur)),
        verdeling: (a.distribution().into_iter())
            .map(|f| Frequentie {
                score: f.score,
                aantal: f.count,
            })
            .collect(),
        vragen,
        toetstermen,
        onderdelen,
        niveaus,
    }
}
