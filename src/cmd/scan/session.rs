//! The names on a form read from a scan: a packet's layout holds candidate numbers only, so the
//! candidate's name and gemeente, the assessor's name and the date come from the packet's
//! session file (`<sessies>/<session>.yaml`) when it is there, its candidates inline or in its
//! candidates' export, read as `pakket` reads them (bounded, inside the session's folder). A
//! number the session no longer has, or a session file that is gone or unreadable, leaves the
//! names empty: `uitslagen` matches forms by number. A blank form from the site has no session.

use std::path::Path;

use toetsgen_document::packet::scan::Sidecar;
use toetsgen_document::packet::scan::layout::DocumentLayout;
use toetsgen_scan::form::Names;
use toetsgen_session::Kandidaat;
use toetsgen_session::load::{SourceSessie, load};

/// The largest candidates' export read (as `pakket` allows).
const MAX_CSV: u64 = 2 * 1024 * 1024;

/// The names for the form `layout` of the packet `sidecar`, from its session in `sessies`.
pub(super) fn names(sessies: &Path, sidecar: &Sidecar, layout: &DocumentLayout) -> Names {
    let Some(sessie) = &sidecar.sessie else {
        return Names::default();
    };
    let Ok(ss) = load(&sessies.join(format!("{sessie}.yaml"))) else {
        return Names::default();
    };
    let kandidaat = (layout.kandidaat.as_deref()).and_then(|nummer| {
        candidates(&ss)
            .into_iter()
            .find(|k| k.nummer.trim() == nummer)
    });
    let assessor = usize::from(layout.beoordelaar.unwrap_or(1)) - 1;
    Names {
        kandidaat: kandidaat
            .as_ref()
            .map_or_else(String::new, |k| k.naam.clone()),
        gemeente: (kandidaat.as_ref())
            .and_then(|k| k.gemeente.clone())
            .unwrap_or_default(),
        beoordelaar: (ss.bestand.beoordelaars.get(assessor).cloned()).unwrap_or_default(),
        datum: ss.bestand.datum.0.to_string(),
    }
}

/// The session's candidates: inline, or from its candidates' export.
fn candidates(ss: &SourceSessie) -> Vec<Kandidaat> {
    if let Some(inline) = &ss.bestand.kandidaten {
        return inline.clone();
    }
    let Some(file) = &ss.bestand.kandidaten_bestand else {
        return Vec::new();
    };
    let path = ss.dir.join(file);
    let Ok(bytes) = toetsgen_base::fs::read_bounded(&path, MAX_CSV, Some(&ss.dir)) else {
        return Vec::new();
    };
    match toetsgen_session::csv::read(&path.display().to_string(), &bytes) {
        Ok(read) => read.rijen.into_iter().map(|(k, _)| k).collect(),
        Err(_) => Vec::new(),
    }
}
