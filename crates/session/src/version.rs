//! Which version of its plan a session uses: the one in force on the session date (the newest
//! version, current or archived, dated on or before it), or the one the session names with
//! `versie:`. A session before every version is refused rather than given a version that was not
//! in force: the packet fixes what candidates are judged on, and a date before the plan existed
//! is far more often a typing error than an exam; `versie:` makes the choice when it is meant.

use chrono::NaiveDate;

use crate::load::SourceSessie;
use crate::validate::PlanStatus;
use toetsgen_plan::dates;
use toetsgen_plan::diagnostic::Diagnostic;

/// Every version of a plan, oldest first: the archived ones and the current one.
fn versions(p: &PlanStatus<'_>) -> Vec<NaiveDate> {
    let mut all = p.archived.to_vec();
    all.push(p.plan.versie().0);
    all.sort();
    all.dedup();
    all
}

/// The version in force on `datum`: the newest dated on or before it.
fn in_force(versions: &[NaiveDate], datum: NaiveDate) -> Option<NaiveDate> {
    versions.iter().rev().find(|v| **v <= datum).copied()
}

/// "2021-09-01 and 2025-03-01 (the current one)".
fn listed(versions: &[NaiveDate], current: NaiveDate) -> String {
    let names: Vec<String> = (versions.iter())
        .map(|v| match *v == current {
            true => format!("{v} (the current one)"),
            false => v.to_string(),
        })
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// The version the session uses, with a warning when it names one not in force on its date; or
/// the error when it names a version that does not exist, or none was in force on its date.
pub(crate) fn choose(
    ss: &SourceSessie,
    p: &PlanStatus<'_>,
) -> Result<(NaiveDate, Option<Diagnostic>), Diagnostic> {
    let code = &p.plan.code;
    let datum = ss.bestand.datum.0;
    let versions = versions(p);
    let current = p.plan.versie().0;
    let known = listed(&versions, current);
    let in_force = in_force(&versions, datum);
    let at = |path: &str| ss.spans.value(path);
    let Some(asked) = ss.bestand.versie.map(|v| v.0) else {
        return match in_force {
            Some(v) => Ok((v, None)),
            None => Err(Diagnostic::error(
                &ss.display,
                at("datum"),
                format!(
                    "plan {code} had no version in force on the session date ({}): its oldest version dates from {}",
                    dates::lang(datum),
                    dates::lang(versions[0])
                ),
            )
            .with_source(&ss.source)
            .with_help(format!(
                "check the date. The versions of {code} are {known}. If the candidates prepared with a version before these, put that version's plan file (from version control) in the plan archive, `archief/{code}/<date>.yaml` in the plans folder; to use version {} all the same, name it: `versie: {}`",
                versions[0], versions[0]
            ))),
        };
    };
    if !versions.contains(&asked) {
        let fix = match in_force {
            Some(v) => format!(
                "name one of them, or leave `versie` out to use the one in force on the session date ({v})"
            ),
            None => "name one of them".to_owned(),
        };
        return Err(Diagnostic::error(
            &ss.display,
            at("versie"),
            format!("plan {code} has no version {asked}"),
        )
        .with_source(&ss.source)
        .with_help(format!(
            "the versions of {code} (the plan and its archive, `archief/{code}/` in the plans folder) are {known}; {fix}"
        )));
    }
    let warning = (in_force != Some(asked)).then(|| {
        let message = match in_force {
            Some(v) => format!(
                "the session asks for version {asked} of plan {code}, but version {v} was in force on the session date ({})",
                dates::lang(datum)
            ),
            None => format!(
                "the session asks for version {asked} of plan {code}, but no version was in force on the session date ({})",
                dates::lang(datum)
            ),
        };
        Diagnostic::warning(&ss.display, at("versie"), message)
            .with_source(&ss.source)
            .with_help(format!(
                "the packet is made from version {asked}, as the session asks; check that this is the version the candidates prepared with"
            ))
    });
    Ok((asked, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    /// The version in force is the newest on or before the date; none before the oldest.
    #[test]
    fn the_newest_version_on_or_before_the_date_is_in_force() {
        let versions = [d("2021-09-01"), d("2025-03-01")];
        assert_eq!(in_force(&versions, d("2021-08-31")), None);
        assert_eq!(in_force(&versions, d("2021-09-01")), Some(d("2021-09-01")));
        assert_eq!(in_force(&versions, d("2025-02-28")), Some(d("2021-09-01")));
        assert_eq!(in_force(&versions, d("2025-03-01")), Some(d("2025-03-01")));
        assert_eq!(in_force(&versions, d("2030-01-01")), Some(d("2025-03-01")));
    }

    /// The versions are listed in order, the current one marked.
    #[test]
    fn lists_the_versions() {
        let (a, b, c) = (d("2021-09-01"), d("2023-01-01"), d("2025-03-01"));
        assert_eq!(listed(&[a], a), "2021-09-01 (the current one)");
        assert_eq!(
            listed(&[a, b, c], c),
            "2021-09-01, 2023-01-01 and 2025-03-01 (the current one)"
        );
    }
}
