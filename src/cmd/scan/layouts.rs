//! The layouts `scan` reads pages against: those written beside the packets
//! (`pakketten/<session>.scan.json`) and those published beside the beoordelingsformulier PDFs
//! of the site (`output/<CODE>/beoordelingsformulier.scan.json`, and under
//! `versies/<date>/` for earlier versions), so that a blank form printed from the site and
//! filled in by hand is read too. A folder that is not there gives none; no layout at all is an
//! error that says where they come from.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use toetsgen_base::{fs, msg};
use toetsgen_document::packet::scan::{FORMAAT, Sidecar};

/// The largest layout read (a packet of 500 candidates has a layout of some 30 MB).
const MAX_SIDECAR: u64 = 256 * 1024 * 1024;

/// The file names' ending.
const ENDING: &str = ".scan.json";

/// Every layout beside the packets in `pakketten`, then every published one in `site`, each
/// folder's sorted by path, with their files.
pub(super) fn read(pakketten: &Path, site: &Path) -> Result<(Vec<Sidecar>, Vec<PathBuf>)> {
    let packets = layouts_in(pakketten).into_iter().map(|p| (p, pakketten));
    let paths: Vec<(PathBuf, &Path)> = packets
        .chain(published(site).into_iter().map(|p| (p, site)))
        .collect();
    let mut sidecars = Vec::new();
    for (path, inside) in &paths {
        let bytes = fs::read_bounded(path, MAX_SIDECAR, Some(inside))
            .with_context(|| msg!("cmd-scan-bad-layout", path = path))?;
        let sidecar: Sidecar = serde_json::from_slice(&bytes)
            .ok()
            .filter(|s: &Sidecar| s.formaat == FORMAAT)
            .with_context(|| msg!("cmd-scan-bad-layout", path = path))?;
        sidecars.push(sidecar);
    }
    anyhow::ensure!(
        !sidecars.is_empty(),
        msg!("cmd-scan-no-layouts", dir = pakketten, site = site)
    );
    Ok((sidecars, paths.into_iter().map(|(p, _)| p).collect()))
}

/// The layouts (`*.scan.json`) directly in `dir`, sorted; none when it cannot be read.
fn layouts_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = (entries.flatten())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(ENDING) && p.is_file())
        .collect();
    paths.sort();
    paths
}

/// The published layouts of the site in `site`: in each plan's folder and in its earlier
/// versions' folders (`<CODE>/versies/<date>/`), plans and versions sorted.
fn published(site: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for plan in folders(site) {
        out.extend(layouts_in(&plan));
        for version in folders(&plan.join("versies")) {
            out.extend(layouts_in(&version));
        }
    }
    out
}

/// The folders in `dir` not starting with a dot (toetsgen's own), sorted.
fn folders(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = (entries.flatten())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}
