//! Which toetstermen changed on or after a date, per plan: what the office reviews after a round
//! of changes, and what `build --since` builds.

use chrono::NaiveDate;
use serde::Serialize;

use crate::diff::{self, Piece};
use crate::history::History;
use crate::model::Toetsplan;
use toetsgen_base::msg;

/// The changes of one plan.
#[derive(Debug, Serialize, PartialEq)]
pub struct PlanChanges {
    /// Plan code.
    pub plan: String,
    /// Plan name.
    pub naam: String,
    /// The plan's file.
    pub bestand: String,
    /// The plan's version (latest change date), `YYYY-MM-DD`.
    pub versie: String,
    /// Toetstermen changed on or after the date, in plan order.
    pub toetstermen: Vec<Change>,
    /// Toetstermen the previous version had and this one no longer has (when this version is on
    /// or after the date and the archive holds the previous one).
    pub verwijderd: Vec<RemovedTerm>,
}

/// A toetsterm that a new version left out.
#[derive(Debug, Serialize, PartialEq)]
pub struct RemovedTerm {
    /// Its code.
    pub code: String,
    /// Its last text.
    pub tekst: String,
    /// The last version that had it, `YYYY-MM-DD`.
    pub laatste_versie: String,
}

/// One changed toetsterm.
#[derive(Debug, Serialize, PartialEq)]
pub struct Change {
    /// Its code.
    pub code: String,
    /// Its change date, `YYYY-MM-DD`.
    pub gewijzigd: String,
    /// Its text.
    pub tekst: String,
    /// Its text before the change, from the plan archive (absent when the archive does not
    /// hold the version before it, or when the toetsterm is new).
    pub oud: Option<String>,
    /// Whether the toetsterm is new: the version before the change did not have it.
    pub nieuw: bool,
    /// The words that stayed, went and came, from the old text to the new (empty without an
    /// old text).
    pub verschil: Vec<Piece>,
}

/// Whether any toetsterm of the plan changed on or after `since`.
pub fn changed_since(plan: &Toetsplan, since: NaiveDate) -> bool {
    plan.toetstermen().any(|t| t.gewijzigd.0 >= since)
}

/// The changes of a plan on or after `since` (with what the toetstermen said before, from
/// `history`), or `None` when there are none.
pub fn of_plan(
    plan: &Toetsplan,
    file: &str,
    since: NaiveDate,
    history: &History,
) -> Option<PlanChanges> {
    let toetstermen: Vec<Change> = (plan.toetstermen())
        .filter(|t| t.gewijzigd.0 >= since)
        .map(|t| {
            let tekst = one_line(&t.tekst);
            let previous = history.previous.get(t.code.trim());
            let oud = previous.and_then(|p| p.tekst.as_deref()).map(one_line);
            Change {
                code: t.code.trim().to_owned(),
                gewijzigd: t.gewijzigd.to_string(),
                verschil: oud
                    .as_deref()
                    .map_or_else(Vec::new, |o| diff::words(o, &tekst)),
                nieuw: previous.is_some_and(|p| p.tekst.is_none()),
                oud,
                tekst,
            }
        })
        .collect();
    let verwijderd: Vec<RemovedTerm> = (history.removed.iter())
        .filter(|_| plan.versie().0 >= since)
        .map(|r| RemovedTerm {
            code: r.code.clone(),
            tekst: one_line(&r.tekst),
            laatste_versie: r.versie.to_string(),
        })
        .collect();
    (!toetstermen.is_empty() || !verwijderd.is_empty()).then(|| PlanChanges {
        plan: plan.code.clone(),
        naam: plan.naam.trim().to_owned(),
        bestand: file.to_owned(),
        versie: plan.versie().to_string(),
        toetstermen,
        verwijderd,
    })
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The changes as a table for the terminal: plan, toetsterm, date and text, in aligned columns;
/// a changed text with its changed words marked `[-weg-]{+nieuw+}`, a new or removed toetsterm
/// said so.
pub fn table(changes: &[PlanChanges]) -> String {
    let mut rows = vec![[
        msg!("plan-changes-plan"),
        msg!("plan-changes-toetsterm"),
        msg!("plan-changes-gewijzigd"),
        msg!("plan-changes-tekst"),
    ]];
    for p in changes {
        for t in &p.toetstermen {
            let tekst = match (&t.oud, t.nieuw) {
                (Some(oud), _) => diff::marked(oud, &t.tekst),
                (None, true) => msg!("plan-changes-new", tekst = &t.tekst),
                (None, false) => t.tekst.clone(),
            };
            rows.push([p.plan.clone(), t.code.clone(), t.gewijzigd.clone(), tekst]);
        }
        for r in &p.verwijderd {
            let tekst = msg!("plan-changes-removed", tekst = &r.tekst);
            rows.push([p.plan.clone(), r.code.clone(), p.versie.clone(), tekst]);
        }
    }
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2)];
    let mut out = String::new();
    for row in &rows {
        for (i, w) in widths.iter().enumerate() {
            out.push_str(&format!("{:<w$}  ", row[i], w = w));
        }
        out.push_str(&row[3]);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "code: V1\nnaam: D\ningangsdatum: 2021-09-01\nonderdelen:\n  - naam: O\n    toetstermen:\n      - {code: V1.01, tekst: A, gewijzigd: 2021-09-01, niveaus: [PV]}\n      - {code: V1.02, tekst: B b, gewijzigd: 2025-03-01, niveaus: [PV]}\n";

    /// Only toetstermen changed on or after the date are listed; the date itself counts.
    #[test]
    fn lists_changes_on_or_after() {
        let plan: Toetsplan = serde_yaml::from_str(PLAN).unwrap();
        let d = |s| crate::model::parse_iso_date(s).unwrap();
        let c = of_plan(&plan, "v1.yaml", d("2025-03-01"), &History::default()).unwrap();
        assert_eq!(c.toetstermen.len(), 1);
        assert_eq!(c.toetstermen[0].code, "V1.02");
        assert_eq!(c.versie, "2025-03-01");
        assert!(of_plan(&plan, "v1.yaml", d("2025-03-02"), &History::default()).is_none());
        assert!(changed_since(&plan, d("2021-01-01")));
        assert_eq!(
            table(&[c]),
            "Plan  Toetsterm  Gewijzigd   Tekst\nV1    V1.02      2025-03-01  B b\n"
        );
    }
}
