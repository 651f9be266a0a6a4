//! The question beside each doubtful field on the review page: the toetsterm's text, from the
//! plan in the version the packet was printed with (the current plan, or that version from the
//! archive, as `uitslagen` finds it). A plan folder that cannot be read, or a plan or version not
//! in it, leaves the questions out: the page then names the toetsterm by its code only, and
//! reading the scans does not depend on it.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use toetsgen_document::packet::scan::Sidecar;
use toetsgen_plan::archive::Archive;
use toetsgen_plan::folder::Plans;
use toetsgen_plan::model::Toetsplan;
use toetsgen_uitslagen::{self as uitslagen, Versions};

/// Per packet layout (in the order given), each toetsterm's code and text.
pub(super) type Questions = Vec<BTreeMap<String, String>>;

/// The toetsterm texts of every packet's plan version, read from the plans in `dir`.
pub(super) fn read(dir: &Path, sidecars: &[Sidecar]) -> Questions {
    let today = chrono::Local::now().date_naive();
    let Ok(read) = Plans::read(dir, today) else {
        return vec![BTreeMap::new(); sidecars.len()];
    };
    let plans: HashMap<String, Toetsplan> = (read.valid())
        .map(|sp| (sp.plan.code.trim().to_owned(), sp.plan.clone()))
        .collect();
    let archive = Archive::of(dir);
    let versions = Versions {
        current: &plans,
        archive: &archive,
        today,
    };
    (sidecars.iter())
        .map(|s| match uitslagen::plan_of(versions, &s.plan, s.versie) {
            Ok(plan) => texts(&plan),
            Err(_) => BTreeMap::new(),
        })
        .collect()
}

/// Each toetsterm's code and text.
fn texts(plan: &Toetsplan) -> BTreeMap<String, String> {
    (plan.onderdelen.iter())
        .flat_map(|o| o.toetstermen.iter())
        .map(|t| (t.code.clone(), t.tekst.clone()))
        .collect()
}

/// The toetsterm a saved form's key belongs to (`t.V1.03.w2` → `V1.03`), if any.
pub(super) fn toetsterm(veld: &str) -> Option<&str> {
    let rest = veld.strip_prefix("t.")?;
    rest.rsplit_once('.').map(|(code, _)| code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys of observations and judgements name their toetsterm; the result names none.
    #[test]
    fn keys_name_their_toetsterm() {
        assert_eq!(toetsterm("t.V1.03.w2"), Some("V1.03"));
        assert_eq!(toetsterm("t.V1.03.oordeel"), Some("V1.03"));
        assert_eq!(toetsterm("uitslag"), None);
    }
}
