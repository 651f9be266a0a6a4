//! Problems found in a toetsplan, each pointing at a file, line and column, saying what is
//! wrong and how to fix it. Printed in the style of compilers:
//!
//! ```text
//! error: toetsterm code `V2.01` does not start with the plan code `V1` and a dot
//!   --> toetsplannen/V1.yaml:12:15
//!    = help: rename it to start with `V1.`, e.g. `V1.01`
//! ```

use std::fmt;

/// How serious a problem is: errors stop a plan from being built, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The plan is built anyway.
    Warning,
    /// The plan is not built.
    Error,
}

/// A place in a source file (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user named it (relative to where they ran the program).
    pub file: String,
    /// Where in the file; `None` when the problem concerns the whole file.
    pub location: Option<Location>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at a location.
    pub fn error(file: &str, location: Option<Location>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_owned(),
            location,
            message: message.into(),
            help: None,
        }
    }

    /// A warning at a location.
    pub fn warning(file: &str, location: Option<Location>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, location, message)
        }
    }

    /// Adds the advice on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// True for errors (which stop the plan from being built).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        match self.location {
            Some(Location { line, column }) => write!(f, "  --> {}:{line}:{column}", self.file)?,
            None => write!(f, "  --> {}", self.file)?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n   = help: {help}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The printed form is what users and tests read: file, line, column, message and help.
    #[test]
    fn display_shows_location_and_help() {
        let d = Diagnostic::error("a.yaml", Some(Location { line: 3, column: 7 }), "bad code")
            .with_help("use letters");
        assert_eq!(
            d.to_string(),
            "error: bad code\n  --> a.yaml:3:7\n   = help: use letters"
        );
    }
}
