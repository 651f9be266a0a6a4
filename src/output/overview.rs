//! What the site knows of every valid plan beyond the build record: its toetstermen, for the
//! start page's search and for the Wijzigingen page that lists every changed toetsterm by date
//! across plans. Taken from all valid plans, also those `--since` leaves alone, so the pages are
//! whole whatever was rebuilt.

use serde::Serialize;

use crate::document::view::DatumView;
use crate::plan::model::Toetsplan;

/// One plan as the site's search and Wijzigingen page see it.
#[derive(Debug, Clone, Serialize)]
pub struct SitePlan {
    /// Plan code.
    pub code: String,
    /// "V1: Dienstverlening".
    pub titel: String,
    /// Its toetstermen, in plan order.
    pub termen: Vec<SiteTerm>,
}

/// One toetsterm on the site.
#[derive(Debug, Clone, Serialize)]
pub struct SiteTerm {
    /// Its code.
    pub code: String,
    /// Its text, on one line.
    pub tekst: String,
    /// Its last change date.
    pub gewijzigd: DatumView,
    /// Whether it changed after the plan's ingangsdatum.
    pub gewijzigd_na_ingang: bool,
}

/// A changed toetsterm on the Wijzigingen page.
#[derive(Debug, Serialize)]
pub struct Change<'a> {
    /// The plan it belongs to.
    pub plan: &'a SitePlan,
    /// The toetsterm.
    pub term: &'a SiteTerm,
}

impl SitePlan {
    /// What the site shows of a valid plan.
    pub fn of(plan: &Toetsplan) -> SitePlan {
        SitePlan {
            code: plan.code.clone(),
            titel: format!("{}: {}", plan.code, plan.naam.trim()),
            termen: (plan.toetstermen())
                .map(|t| SiteTerm {
                    code: t.code.trim().to_owned(),
                    tekst: t.tekst.split_whitespace().collect::<Vec<_>>().join(" "),
                    gewijzigd: DatumView::new(t.gewijzigd),
                    gewijzigd_na_ingang: t.gewijzigd > plan.ingangsdatum,
                })
                .collect(),
        }
    }
}

/// Every toetsterm changed after its plan's ingangsdatum, newest first, then by plan and code.
pub fn changes<'a>(plans: &[&'a SitePlan]) -> Vec<Change<'a>> {
    let mut all: Vec<Change<'a>> = (plans.iter().copied())
        .flat_map(|plan| {
            (plan.termen.iter())
                .filter(|t| t.gewijzigd_na_ingang)
                .map(move |term| Change { plan, term })
        })
        .collect();
    all.sort_by(|a, b| {
        (b.term.gewijzigd.iso.cmp(&a.term.gewijzigd.iso))
            .then_with(|| (&a.plan.code, &a.term.code).cmp(&(&b.plan.code, &b.term.code)))
    });
    all
}

/// Writes the search index as a script, `window.toetsgenZoekindex = [...];`, whose JSON is
/// also safe inside a `<script>` element (`<`, `>` and `&` written as escapes, so no text can
/// close one). Written as it is serialized: the index of 2,000 plans is over 6 MB.
pub fn write_search_index(
    plans: &[&SitePlan],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Entry<'a> {
        code: &'a str,
        titel: &'a str,
        termen: Vec<[&'a str; 2]>,
    }
    let entries: Vec<Entry<'_>> = (plans.iter())
        .map(|p| Entry {
            code: &p.code,
            titel: &p.titel,
            termen: p
                .termen
                .iter()
                .map(|t| [t.code.as_str(), t.tekst.as_str()])
                .collect(),
        })
        .collect();
    out.write_all(b"window.toetsgenZoekindex = ")?;
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, ScriptSafe);
    entries
        .serialize(&mut serializer)
        .map_err(std::io::Error::other)?;
    out.write_all(b";\n")
}

/// Compact JSON whose strings hold no `<`, `>` or `&`: each is written as its `\u` escape.
struct ScriptSafe;

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(i) = rest.find(['<', '>', '&']) {
            writer.write_all(&rest.as_bytes()[..i])?;
            writer.write_all(match rest.as_bytes()[i] {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                _ => b"\\u0026",
            })?;
            rest = &rest[i + 1..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "code: V1\nnaam: D\ningangsdatum: 2021-09-01\nonderdelen:\n  - naam: O\n    toetstermen:\n      - {code: V1.01, tekst: \"A </script> &\", gewijzigd: 2021-09-01, niveaus: [PV]}\n      - {code: V1.02, tekst: B, gewijzigd: 2025-03-01, niveaus: [PV]}\n";

    /// Only toetstermen changed after the ingangsdatum are changes; the index cannot close its
    /// script element.
    #[test]
    fn changes_and_a_safe_index() {
        let plan: Toetsplan = serde_yaml::from_str(PLAN).unwrap();
        let site_plan = SitePlan::of(&plan);
        let plans = vec![&site_plan];
        let changed = changes(&plans);
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[0].term.code, "V1.02");
        let mut index = Vec::new();
        write_search_index(&plans, &mut index).unwrap();
        let index = String::from_utf8(index).unwrap();
        assert!(
            !index.contains("</script>") && !index.contains('&'),
            "{index}"
        );
        assert!(index.contains("A \\u003c/script\\u003e \\u0026"), "{index}");
    }
}
