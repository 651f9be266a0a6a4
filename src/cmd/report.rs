//! The command line's reporter: a progress bar on a terminal, plain lines when standard error
//! is a pipe or a CI log (a line when work starts and one when it ends, no animation).

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

use toetsgen_base::msg;
use toetsgen_base::report::Reporter;
use toetsgen_plan::diagnostic::visible;

/// Reports to standard error, as a bar or as plain lines.
pub(crate) struct Terminal {
    bar: Mutex<Option<ProgressBar>>,
    started: Mutex<Option<(String, usize, Instant)>>,
    steps: std::sync::atomic::AtomicUsize,
    animated: bool,
}

impl Terminal {
    /// A reporter that animates only when standard error is a terminal.
    pub(crate) fn new() -> Terminal {
        Terminal {
            bar: Mutex::new(None),
            started: Mutex::new(None),
            steps: std::sync::atomic::AtomicUsize::new(0),
            animated: std::io::stderr().is_terminal(),
        }
    }
}

impl Default for Terminal {
    fn default() -> Self {
        Terminal::new()
    }
}

impl Reporter for Terminal {
    fn note(&self, message: &str) {
        let message = visible(message);
        match lock(&self.bar).as_ref() {
            Some(bar) => bar.println(message),
            None => eprintln!("{message}"),
        }
    }

    fn begin(&self, what: &str, total: usize) {
        *lock(&self.started) = Some((what.to_owned(), total, Instant::now()));
        if self.animated {
            let style = ProgressStyle::with_template(&format!(
                "{{spinner}} {} {{pos}}/{{len}} {{wide_msg}}",
                Kind::of(what).name()
            ))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            *lock(&self.bar) = Some(ProgressBar::new(total as u64).with_style(style));
        } else {
            eprintln!("{}", Kind::of(what).making(total));
        }
    }

    fn more(&self, n: usize) {
        if let Some(bar) = lock(&self.bar).as_ref() {
            bar.inc_length(n as u64);
        }
    }

    fn step(&self, label: &str) {
        self.steps
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Some(bar) = lock(&self.bar).as_ref() {
            bar.set_message(visible(label));
            bar.inc(1);
        }
    }

    fn end(&self) {
        if let Some(bar) = lock(&self.bar).take() {
            bar.finish_and_clear();
        }
        let steps = self.steps.swap(0, std::sync::atomic::Ordering::Relaxed);
        if let Some((what, _, start)) = lock(&self.started).take()
            && !self.animated
        {
            let s = toetsgen_base::lang::decimal(start.elapsed().as_secs_f64(), 2);
            eprintln!("{}", Kind::of(&what).made(steps, s));
        }
    }
}

/// The kinds of work the library reports, by the name it gives them in [`Reporter::begin`].
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// `"pdfs"`: the PDFs of a build.
    Pdfs,
    /// `"candidates"`: the documents of a packet's candidates.
    Candidates,
    /// `"packet"`: the PDF of a print packet.
    Packet,
    /// `"scans"`: the scanned pages `scan` reads.
    Scans,
}

impl Kind {
    /// The kind `what` names (PDFs for a name this reporter does not know).
    fn of(what: &str) -> Kind {
        match what {
            "candidates" => Kind::Candidates,
            "packet" => Kind::Packet,
            "scans" => Kind::Scans,
            _ => Kind::Pdfs,
        }
    }

    /// Its name on the progress bar.
    fn name(self) -> String {
        match self {
            Kind::Pdfs => msg!("cmd-progress-pdfs"),
            Kind::Candidates => msg!("cmd-progress-candidates"),
            Kind::Packet => msg!("cmd-progress-packet"),
            Kind::Scans => msg!("cmd-progress-scans"),
        }
    }

    /// The line when `total` steps of it begin (0: not known yet).
    fn making(self, total: usize) -> String {
        match self {
            Kind::Pdfs => msg!("cmd-making-pdfs", n = total),
            Kind::Candidates => msg!("cmd-making-candidates", n = total),
            Kind::Packet => msg!("cmd-making-packet", n = total),
            Kind::Scans => msg!("cmd-making-scans", n = total),
        }
    }

    /// The line when `steps` of it were done in `s` seconds.
    fn made(self, steps: usize, s: String) -> String {
        match self {
            Kind::Pdfs => msg!("cmd-made-pdfs", n = steps, s = s),
            Kind::Candidates => msg!("cmd-made-candidates", n = steps, s = s),
            Kind::Packet => msg!("cmd-made-packet", n = steps, s = s),
            Kind::Scans => msg!("cmd-made-scans", n = steps, s = s),
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
