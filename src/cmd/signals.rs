//! SIGINT and SIGTERM ask a running build to stop cleanly (the library checks a [`Cancel`]);
//! a second one of either ends the process at once.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result};
use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::flag;

use toetsgen_base::cancel::Cancel;
use toetsgen_base::msg;

/// A token cancelled by the first SIGINT or SIGTERM.
pub(crate) fn cancel_on_signals() -> Result<Cancel> {
    let cancel = Cancel::new();
    let asked = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGTERM] {
        let code = 128 + signal;
        flag::register_conditional_shutdown(signal, code, Arc::clone(&asked))
            .and_then(|_| flag::register(signal, Arc::clone(&asked)))
            .and_then(|_| {
                flag::register_usize(signal, cancel.cell(), usize::try_from(signal).unwrap_or(1))
            })
            .context(msg!("cmd-no-signal-handler"))?;
    }
    Ok(cancel)
}
