//! Which toetstermen changed on or after a date, per plan: what the office reviews after a round
//! of changes, and what `build --since` builds.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Toetsplan;

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
}

/// Whether any toetsterm of the plan changed on or after `since`.
pub fn changed_since(plan: &Toetsplan, since: NaiveDate) -> bool {
    plan.toetstermen().any(|t| t.gewijzigd.0 >= since)
}

/// The changes of a plan on or after `since`, or `None` when there are none.
pub fn of_plan(plan: &Toetsplan, file: &str, since: NaiveDate) -> Option<PlanChanges> {
    let toetstermen: Vec<Change> = (plan.toetstermen())
        .filter(|t| t.gewijzigd.0 >= since)
        .map(|t| Change {
            code: t.code.trim().to_owned(),
            gewijzigd: t.gewijzigd.to_string(),
            tekst: t.tekst.split_whitespace().collect::<Vec<_>>().join(" "),
        })
        .collect();
    (!toetstermen.is_empty()).then(|| PlanChanges {
        plan: plan.code.clone(),
        naam: plan.naam.trim().to_owned(),
        bestand: file.to_owned(),
        versie: plan.versie().to_string(),
        toetstermen,
    })
}

/// The changes as a table for the terminal: plan, toetsterm, date and text, in aligned columns.
pub fn table(changes: &[PlanChanges]) -> String {
    let mut rows = vec![[
        "Plan".to_owned(),
        "Toetsterm".to_owned(),
        "Gewijzigd".to_owned(),
        "Tekst".to_owned(),
    ]];
    for p in changes {
        for t in &p.toetstermen {
            rows.push([
                p.plan.clone(),
                t.code.clone(),
                t.gewijzigd.clone(),
                t.tekst.clone(),
            ]);
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
        let c = of_plan(&plan, "v1.yaml", d("2025-03-01")).unwrap();
        assert_eq!(c.toetstermen.len(), 1);
        assert_eq!(c.toetstermen[0].code, "V1.02");
        assert_eq!(c.versie, "2025-03-01");
        assert!(of_plan(&plan, "v1.yaml", d("2025-03-02")).is_none());
        assert!(changed_since(&plan, d("2021-01-01")));
        assert_eq!(
            table(&[c]),
            "Plan  Toetsterm  Gewijzigd   Tekst\nV1    V1.02      2025-03-01  B b\n"
        );
    }
}
