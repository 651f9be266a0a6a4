//! What the templates see of a plan's versions: the earlier versions its documents list, the
//! version that replaced an earlier one, the corrections of a version, and what changed in each
//! version (old and new text, word by word).

use serde::Serialize;

use super::DatumView;
use toetsgen_plan::diff::{self, Piece};
use toetsgen_plan::history::History;
use toetsgen_plan::model::{Datum, Toetsplan};

/// An earlier version of the plan's documents, kept in the output folder.
#[derive(Debug, Clone, Serialize)]
pub struct EerdereVersie {
    /// Its version date.
    pub datum: DatumView,
    /// Its folder relative to the plan's folder, e.g. `versies/2021-09-01`.
    pub map: String,
}

/// The changes that made one version.
#[derive(Debug, Clone, Serialize)]
pub struct VersieWijzigingen {
    /// The version.
    pub datum: DatumView,
    /// Its changed, new and removed toetstermen, in plan order.
    pub termen: Vec<TermWijziging>,
}

/// One toetsterm's change, ready for templates.
#[derive(Debug, Clone, Serialize)]
pub struct TermWijziging {
    /// Its code.
    pub code: String,
    /// Its text (a removed toetsterm's last text), on one line.
    pub tekst: String,
    /// The words that stayed, went and came (empty for a new or removed toetsterm).
    pub verschil: Vec<Piece>,
    /// Whether the version added it.
    pub nieuw: bool,
    /// Whether the version left it out.
    pub verwijderd: bool,
}

impl VersieWijzigingen {
    /// What changed per version of `plan`, from its `history` in the plan archive, newest first.
    pub fn list(plan: &Toetsplan, history: &History) -> Vec<VersieWijzigingen> {
        let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut by_version: std::collections::BTreeMap<Datum, Vec<TermWijziging>> =
            Default::default();
        for t in plan.toetstermen() {
            let Some(previous) = history.previous.get(t.code.trim()) else {
                continue;
            };
            let tekst = one_line(&t.tekst);
            let verschil =
                (previous.tekst.as_deref()).map_or_else(Vec::new, |old| diff::words(old, &tekst));
            by_version
                .entry(t.gewijzigd)
                .or_default()
                .push(TermWijziging {
                    code: t.code.trim().to_owned(),
                    nieuw: previous.tekst.is_none(),
                    verwijderd: false,
                    verschil,
                    tekst,
                });
        }
        for r in &history.removed {
            by_version
                .entry(plan.versie())
                .or_default()
                .push(TermWijziging {
                    code: r.code.clone(),
                    tekst: one_line(&r.tekst),
                    verschil: Vec::new(),
                    nieuw: false,
                    verwijderd: true,
                });
        }
        (by_version.into_iter().rev())
            .map(|(datum, termen)| VersieWijzigingen {
                datum: DatumView::new(datum),
                termen,
            })
            .collect()
    }
}

/// The version that replaced an earlier one, as its documents link to it.
#[derive(Debug, Clone, Serialize)]
pub struct VervangenDoor {
    /// Its version date.
    pub datum: DatumView,
    /// Its documents' folder relative to the earlier version's folder: `../..` for the current
    /// version, `../2025-03-01` for a later earlier one.
    pub map: String,
}

/// A correction of the plan's wording, ready for templates.
#[derive(Debug, Clone, Serialize)]
pub struct CorrectieView {
    /// When.
    pub datum: DatumView,
    /// What and why.
    pub reden: String,
}

impl EerdereVersie {
    /// The earlier versions kept, newest first, from their dates in any order, as the current
    /// version's documents link to them; the current version (`current`, as ISO date) is left
    /// out.
    pub fn list(current: &str, dates: impl IntoIterator<Item = Datum>) -> Vec<EerdereVersie> {
        let mut dates: Vec<Datum> = (dates.into_iter())
            .filter(|d| d.to_string() != current)
            .collect();
        dates.sort_by(|a, b| b.cmp(a));
        dates.dedup();
        (dates.into_iter())
            .map(|d| EerdereVersie {
                map: format!("versies/{d}"),
                datum: DatumView::new(d),
            })
            .collect()
    }

    /// The same list as the documents of another earlier version link to it, from its own
    /// folder `versies/<date>/`.
    pub fn from_earlier(list: &[EerdereVersie]) -> Vec<EerdereVersie> {
        (list.iter())
            .map(|v| EerdereVersie {
                map: format!("../{}", v.datum.iso),
                datum: v.datum.clone(),
            })
            .collect()
    }
}

impl VervangenDoor {
    /// The version `date` that replaced an earlier one; `current` when it is the plan's current
    /// version.
    pub fn new(date: Datum, current: bool) -> VervangenDoor {
        VervangenDoor {
            map: if current {
                "../..".to_owned()
            } else {
                format!("../{date}")
            },
            datum: DatumView::new(date),
        }
    }
}
