//! A plan file, as bytes: read (`plan::load::parse`), checked (`validate`) on a fixed date and,
//! when it has no errors, rendered in memory into every document in Markdown, HTML and Typst.
//! Checks that nothing panics, that every diagnostic prints no control character other than a
//! newline (a message can never drive the terminal), and that a plan that passes the checks
//! renders without error (whatever `check` accepts, `build` builds).
#![no_main]

use std::sync::OnceLock;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use toetsgen::document::templates::Templates;
use toetsgen::document::view::PlanView;
use toetsgen::document::{Format, render_plan};
use toetsgen::plan::diagnostic::Diagnostic;
use toetsgen::plan::{load, validate};

/// The built-in templates, loaded once for all inputs.
fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::load(None).expect("the built-in templates load"))
}

/// A diagnostic as the terminal shows it must hold no control character but the newline.
fn check_printable(d: &Diagnostic) {
    let shown = d.to_string();
    if let Some(c) = shown.chars().find(|&c| c.is_control() && c != '\n') {
        panic!(
            "control character U+{:04X} in a diagnostic:\n{shown:?}",
            u32::from(c)
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let sp = match load::parse("fuzz.yaml", text.to_owned()) {
        Ok(sp) => sp,
        Err(d) => return check_printable(&d),
    };
    let today = NaiveDate::from_ymd_opt(2026, 5, 20).unwrap();
    let diags = validate::validate(&sp, today);
    diags.iter().for_each(check_printable);
    if diags.iter().any(Diagnostic::is_error) {
        return;
    }
    let view = PlanView::new(&sp.plan);
    if let Err(e) = render_plan(templates(), &view, &[Format::Md, Format::Html, Format::Pdf]) {
        panic!("a plan that passes the checks does not render: {e:#}\n{text}");
    }
    // Replaying a corpus with this set counts the inputs that reach the renderer.
    if std::env::var_os("FUZZ_SAY_RENDERED").is_some() {
        eprintln!("rendered: {} warnings", diags.len());
    }
});
