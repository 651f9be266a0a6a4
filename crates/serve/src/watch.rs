//! Watching the plans and templates for changes, as typst's `watch` does: `notify` reports what
//! the system saw, and a burst of changes (an editor's save-as-rename, ten quick saves, a
//! `git checkout`) becomes one rebuild, once the folders have been quiet for [`QUIET`].
//!
//! The debouncing is our own, a few lines: `notify-debouncer-mini` reports a burst longer than
//! its timeout in two batches (first as "continuous", then as done), which would be two builds.
//! Reads are not changes, so the build reading the plans never triggers another build.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use notify::event::{EventKind, MetadataKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher as _};

use toetsgen_base::cancel::Cancel;
use toetsgen_base::msg;

/// How long the folders must be quiet before a burst of changes counts as done.
pub const QUIET: Duration = Duration::from_millis(250);

/// The longest a burst may last before it is built anyway (a folder that never stops changing).
const LONGEST_BURST: Duration = Duration::from_secs(3);

/// How often a wait looks whether serve was asked to stop.
const POLL: Duration = Duration::from_millis(100);

/// Watches folders; [`Watcher::next`] waits for the next burst of changes.
pub struct Watcher {
    _watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
}

impl Watcher {
    /// Watches each folder that exists in `folders`, with everything below it.
    pub fn new(folders: &[&Path]) -> Result<Watcher> {
        let (tx, events) = channel();
        let mut watcher = notify::recommended_watcher(tx).context(msg!("serve-cannot-watch"))?;
        for folder in folders.iter().filter(|f| f.is_dir()) {
            watcher
                .watch(folder, RecursiveMode::Recursive)
                .with_context(|| msg!("serve-cannot-watch-folder", path = *folder))?;
        }
        Ok(Watcher {
            _watcher: watcher,
            events,
        })
    }

    /// Waits for a burst of changes and returns the files it touched, once the folders have been
    /// quiet for [`QUIET`]. Fails when `cancel` asks to stop, or when watching failed.
    pub fn next(&self, cancel: &Cancel) -> Result<Vec<PathBuf>> {
        let mut changed = Vec::new();
        while changed.is_empty() {
            cancel.check()?;
            match self.events.recv_timeout(POLL) {
                Ok(event) => collect(event?, &mut changed),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Err(watch_ended()),
            }
        }
        let start = Instant::now();
        while start.elapsed() < LONGEST_BURST {
            cancel.check()?;
            match self.events.recv_timeout(QUIET) {
                Ok(event) => collect(event?, &mut changed),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return Err(watch_ended()),
            }
        }
        changed.sort();
        changed.dedup();
        Ok(changed)
    }
}

fn watch_ended() -> anyhow::Error {
    anyhow::anyhow!(msg!("serve-watch-ended"))
}

/// Adds the files an event changed, unless it only read them or touched an editor's own files.
fn collect(event: Event, changed: &mut Vec<PathBuf>) {
    let change = !matches!(
        event.kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    );
    if change {
        changed.extend(event.paths.into_iter().filter(|p| !scratch(p)));
    }
}

/// An editor's backup, swap or lock file (`.V1.yaml.swp`, `V1.yaml~`, `#V1.yaml#`).
fn scratch(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten saves in quick succession are one burst; a read is no change at all (events arrive in
    /// order, so the file written after the read is the only change seen).
    #[test]
    fn a_burst_of_saves_is_one_change() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("V1.yaml");
        std::fs::write(&plan, "a").unwrap();
        let watcher = Watcher::new(&[dir.path()]).unwrap();
        for i in 0..10 {
            std::fs::write(&plan, format!("versie {i}")).unwrap();
        }
        let changed = watcher.next(&Cancel::new()).unwrap();
        assert_eq!(changed, vec![plan.clone()]);
        let _ = std::fs::read(&plan).unwrap();
        let sentinel = dir.path().join("klaar");
        std::fs::write(&sentinel, "").unwrap();
        let changed = watcher.next(&Cancel::new()).unwrap();
        assert_eq!(changed, vec![sentinel], "the read is no change");
    }

    /// Editors' scratch files are not plans.
    #[test]
    fn scratch_files_are_left_out() {
        for name in [".V1.yaml.swp", "V1.yaml~", "#V1.yaml#"] {
            assert!(scratch(Path::new(name)), "{name}");
        }
        assert!(!scratch(Path::new("toetsplannen/V1.yaml")));
    }
}
