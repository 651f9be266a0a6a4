//! The rules of SPEC.md that span fields and files. Each broken rule becomes a diagnostic at the
//! field concerned (with its line shown), saying what is wrong and how to fix it. A plan with an
//! error is not built; warnings are shown and the plan is built. The rules are grouped by what
//! they look at: [`texts`] (every text field), [`rules`] (structure, codes, levels, dates,
//! opdrachten), [`beoordeling`] and [`readability`] (the candidate's texts at the plan's
//! taalniveau: warnings only).

mod beoordeling;
mod readability;
mod rules;
mod texts;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Location};
use crate::limits::{self, MAX_DIAGNOSTICS, valid_plan_code};
use crate::load::SourcePlan;
use crate::model::{Toetsplan, Toetsterm};
use crate::place;
use toetsgen_base::msg;

/// The most observation columns a beoordelingsformulier can hold on A4 landscape.
pub const MAX_WAARNEMINGEN: u32 = 10;

/// Checks every plan on its own and all plans together (unique codes). Returns one list of
/// diagnostics per plan, in the order of `plans`.
pub fn validate_all(plans: &[SourcePlan], today: NaiveDate) -> Vec<Vec<Diagnostic>> {
    let mut codes = Codes::default();
    (plans.iter())
        .map(|sp| {
            let mut diags = validate(sp, today);
            diags.extend(codes.check(sp));
            diags
        })
        .collect()
}

/// The plan codes seen so far, to check plan by plan that every plan has its own: the plans can
/// be checked one at a time, without holding them all.
#[derive(Debug, Default)]
pub struct Codes {
    first_by_code: HashMap<String, String>,
}

impl Codes {
    /// An error when an earlier plan has the code of `sp` (compared without case and spaces).
    pub fn check(&mut self, sp: &SourcePlan) -> Option<Diagnostic> {
        let code = sp.plan.code.trim().to_uppercase();
        let Some(first) = self.first_by_code.get(&code) else {
            self.first_by_code.insert(code, sp.display.clone());
            return None;
        };
        let diag = Diagnostic::error(
            &sp.display,
            sp.spans.value("code"),
            msg!("plan-code-twice", code = &sp.plan.code, first = first),
        )
        .with_source(&sp.source)
        .with_place(place::of("code", &sp.spans))
        .with_help(msg!("plan-code-twice.help"));
        Some(diag)
    }
}

/// Checks the rules within one plan.
pub fn validate(sp: &SourcePlan, today: NaiveDate) -> Vec<Diagnostic> {
    let mut c = Checker {
        sp,
        lines: sp.source.split('\n').collect(),
        diags: Vec::new(),
    };
    c.plan_code();
    c.texts();
    c.code_lengths();
    c.structure();
    c.toetsterm_codes();
    c.niveaus();
    c.dates(today);
    c.opdrachten();
    c.beoordeling();
    c.starter_texts();
    capped(c.diags, &sp.display)
}

/// The advice for whoever reviews a plan, beyond its rules: the candidate's texts above the
/// plan's taalniveau ([`readability`]). Warnings only; `controleer` and the preview of `bekijk`
/// ask for them, the commands that use a plan do not repeat them.
pub fn review(sp: &SourcePlan) -> Vec<Diagnostic> {
    let mut c = Checker {
        sp,
        lines: sp.source.split('\n').collect(),
        diags: Vec::new(),
    };
    c.readability();
    capped(c.diags, &sp.display)
}

/// At most [`MAX_DIAGNOSTICS`] problems of one plan, and a last line saying how many more there are.
fn capped(mut diags: Vec<Diagnostic>, display: &str) -> Vec<Diagnostic> {
    if diags.len() > MAX_DIAGNOSTICS {
        let more = diags.len() - MAX_DIAGNOSTICS;
        let errors = diags.iter().any(Diagnostic::is_error);
        diags.truncate(MAX_DIAGNOSTICS);
        let message = msg!("plan-more-problems", more = more);
        let d = match errors {
            true => Diagnostic::error(display, None, message),
            false => Diagnostic::warning(display, None, message),
        };
        diags.push(d.with_help(msg!("plan-more-problems.help")));
    }
    diags
}

/// The errors of a plan whose texts hold characters the PDF cannot show: `printable` says which
/// it can (the document floor knows its fonts). One error per text, naming its characters.
pub fn unprintable(sp: &SourcePlan, printable: &dyn Fn(char) -> bool) -> Vec<Diagnostic> {
    let mut c = Checker {
        sp,
        lines: sp.source.split('\n').collect(),
        diags: Vec::new(),
    };
    c.printable(printable);
    capped(c.diags, &sp.display)
}

struct Checker<'a> {
    sp: &'a SourcePlan,
    /// The source's lines, split once (a plan can have thousands of problems).
    lines: Vec<&'a str>,
    diags: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn plan(&self) -> &'a Toetsplan {
        &self.sp.plan
    }

    fn at(&self, path: &str) -> Option<Location> {
        self.sp.spans.nearest(path)
    }

    fn error(&mut self, path: &str, message: String, help: &str) {
        let d = Diagnostic::error(&self.sp.display, self.at(path), message);
        self.push(path, path, d, help);
    }

    /// An error shown at `path` and placed at `place` (a field that is missing is placed at
    /// the mapping that lacks it, and shown at a line of it).
    fn error_placed(&mut self, path: &str, place: &str, message: String, help: &str) {
        let d = Diagnostic::error(&self.sp.display, self.at(path), message);
        self.push(path, place, d, help);
    }

    fn warning(&mut self, path: &str, message: String, help: &str) {
        let d = Diagnostic::warning(&self.sp.display, self.at(path), message);
        self.push(path, path, d, help);
    }

    /// Adds a problem with the line at `path`, the place of `place` and its advice.
    fn push(&mut self, path: &str, place: &str, d: Diagnostic, help: &str) {
        let line = self.line_at(path);
        let place = place::of(place, &self.sp.spans);
        (self.diags).push(d.with_line(line).with_place(place).with_help(help));
    }

    /// The source line of the value at `path`.
    fn line_at(&self, path: &str) -> Option<&'a str> {
        let loc = self.at(path)?;
        self.lines.get(loc.line.checked_sub(1)?).copied()
    }

    /// Every toetsterm with the path of its mapping.
    fn toetsterm_paths(&self) -> Vec<(String, &'a Toetsterm)> {
        let mut out = Vec::new();
        for (i, o) in self.sp.plan.onderdelen.iter().enumerate() {
            for (j, t) in o.toetstermen.iter().enumerate() {
                out.push((format!("onderdelen[{i}].toetstermen[{j}]"), t));
            }
        }
        out
    }

    fn plan_code(&mut self) {
        let code = &self.plan().code;
        if !valid_plan_code(code) {
            self.error(
                "code",
                msg!(
                    "plan-code-format",
                    code = code,
                    max = limits::MAX_CODE_CHARS
                ),
                &msg!("plan-code-format.help"),
            );
        }
    }
}
