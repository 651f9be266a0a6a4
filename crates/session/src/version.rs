//! Which version of its plan a session uses: the one in force on the session date (the newest
//! version, current or archived, dated on or before it), or the one the session names with
//! `versie:`. A session before every version is refused rather than given a version that was not
//! in force: the packet fixes what candidates are judged on, and a date before the plan existed
//! is far more often a typing error than an exam; `versie:` makes the choice when it is meant.

use chrono::NaiveDate;

use crate::load::SourceSessie;
use crate::validate::PlanStatus;
use toetsgen_base::msg;
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
            true => msg!("session-version-current", version = v.to_string()),
            false => v.to_string(),
        })
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => msg!("session-list-and", list = rest.join(", "), last = last),
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
                msg!(
                    "session-no-version-in-force",
                    code = code,
                    date = dates::lang(datum),
                    oldest = dates::lang(versions[0])
                ),
            )
            .with_source(&ss.source)
            .with_help(msg!(
                "session-no-version-in-force.help",
                code = code,
                known = &known,
                first = versions[0].to_string()
            ))),
        };
    };
    if !versions.contains(&asked) {
        let help = match in_force {
            Some(v) => msg!(
                "session-no-such-version.help-in-force",
                code = code,
                known = &known,
                in_force = v.to_string()
            ),
            None => msg!("session-no-such-version.help", code = code, known = &known),
        };
        return Err(Diagnostic::error(
            &ss.display,
            at("versie"),
            msg!(
                "session-no-such-version",
                code = code,
                asked = asked.to_string()
            ),
        )
        .with_source(&ss.source)
        .with_help(help));
    }
    let warning = (in_force != Some(asked)).then(|| {
        let (asked, date) = (asked.to_string(), dates::lang(datum));
        let message = match in_force {
            Some(v) => msg!(
                "session-version-not-in-force",
                asked = &asked,
                code = code,
                in_force = v.to_string(),
                date = &date
            ),
            None => msg!(
                "session-version-none-in-force",
                asked = &asked,
                code = code,
                date = &date
            ),
        };
        Diagnostic::warning(&ss.display, at("versie"), message)
            .with_source(&ss.source)
            .with_help(msg!("session-version-asked-help", asked = &asked))
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
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let (a, b, c) = (d("2021-09-01"), d("2023-01-01"), d("2025-03-01"));
        assert_eq!(listed(&[a], a), "2021-09-01 (the current one)");
        assert_eq!(
            listed(&[a, b, c], c),
            "2021-09-01, 2023-01-01 and 2025-03-01 (the current one)"
        );
    }
}
