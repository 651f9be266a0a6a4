//! The rules on every text of a plan: present where required (not empty, not a bare `~`), no
//! longer than [`MAX_TEXT_CHARS`], and free of control characters other than tab and line
//! breaks (which no document can print, and which could reach a terminal).

use super::Checker;
use crate::limits::{MAX_TEXT_CHARS, MAX_TOETSTERM_CODE_CHARS};
use crate::load::char_name;
use crate::model::AantalVragen;

/// A text field: its path, its value, and whether it must hold text.
struct Field<'a> {
    path: String,
    value: &'a str,
    required: bool,
}

impl<'a> Checker<'a> {
    pub(super) fn texts(&mut self) {
        for field in self.fields() {
            if let Some((message, help)) = self.text_problem(&field) {
                self.error(&field.path, message, help);
            }
        }
    }

    /// What is wrong with one text, if anything.
    fn text_problem(&self, field: &Field<'_>) -> Option<(String, &'static str)> {
        let name = field.path.rsplit('.').next().unwrap_or(&field.path);
        if field.required && self.sp.spans.is_null(&field.path) {
            return Some((
                format!("`{name}` has no value (`~` or `null` means nothing)"),
                "write the text, or remove the field if it is optional",
            ));
        }
        if field.required && field.value.trim().is_empty() {
            return Some((
                format!("`{name}` is empty"),
                "write the text, or remove the field if it is optional",
            ));
        }
        let chars = field.value.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Some((
                format!(
                    "`{name}` is {chars} characters long, more than the {MAX_TEXT_CHARS} a text may have"
                ),
                "shorten the text; a toetsterm or description of ten printed pages is too long for a form",
            ));
        }
        let bad = field
            .value
            .chars()
            .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'));
        bad.map(|c| {
            (
                format!("`{name}` holds the control character {}, which no document can print", char_name(c)),
                "remove it; in a quoted text, remove the escape that makes it (such as \\e, \\x1b or \\0)",
            )
        })
    }

    /// A warning for every text still as `toetsgen new` wrote it, and for a concept.
    pub(super) fn starter_texts(&mut self) {
        let fields = self.fields();
        for field in &fields {
            let placeholder = (crate::starter::PLACEHOLDERS.iter()).any(|(path, text)| {
                field.path.ends_with(path) && field.value.trim().starts_with(text)
            });
            if placeholder {
                self.warning(
                    &field.path,
                    "this text is still the example `toetsgen new` wrote".to_owned(),
                    "write the plan's own text here",
                );
            }
        }
        if self.plan().concept {
            self.warning(
                "concept",
                "this plan is a concept: `toetsgen build` does not publish it".to_owned(),
                "remove `concept: true` when the plan is ready",
            );
        }
    }

    /// An error for every text holding characters the PDF fonts lack.
    pub(super) fn printable(&mut self, printable: &dyn Fn(char) -> bool) {
        for field in self.fields() {
            // In the order they stand in the text, each once.
            let mut seen = std::collections::HashSet::new();
            let missing: Vec<char> = (field.value.chars())
                .filter(|&c| !printable(c) && seen.insert(c))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let name = field
                .path
                .rsplit('.')
                .next()
                .unwrap_or(&field.path)
                .to_owned();
            let shown: Vec<String> = (missing.iter().take(5))
                .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
                .collect();
            let more = match missing.len() {
                n if n > 5 => format!(" and {} more", n - 5),
                _ => String::new(),
            };
            self.error(
                &field.path,
                format!("`{name}` holds {}{more}, which the fonts of the PDFs cannot show", shown.join(", ")),
                "write the text with characters the documents can print (Latin, Arabic and common symbols), or build without PDFs (--format md,html)",
            );
        }
    }

    /// Every text field of the plan, with its path.
    fn fields(&self) -> Vec<Field<'a>> {
        let p = self.plan();
        let field = |path: String, value: &'a str, required: bool| Field {
            path,
            value,
            required,
        };
        let mut out = vec![
            field("naam".into(), &p.naam, true),
            field("code".into(), &p.code, false),
        ];
        let optional = [
            ("omschrijving", &p.omschrijving),
            ("toetsvorm", &p.toetsvorm),
            ("toegestane_tijd", &p.toegestane_tijd),
            ("cesuur", &p.cesuur),
            ("scoringsregels", &p.scoringsregels),
            ("hulpmiddelen", &p.hulpmiddelen),
            ("instructies", &p.instructies),
        ];
        for (name, value) in optional {
            out.extend(value.as_deref().map(|v| field(name.into(), v, true)));
        }
        if let Some(AantalVragen::Tekst(t)) = &p.aantal_vragen {
            out.push(field("aantal_vragen".into(), t, true));
        }
        for (i, o) in p.onderdelen.iter().enumerate() {
            out.push(field(format!("onderdelen[{i}].naam"), &o.naam, true));
        }
        for (path, t) in self.toetsterm_paths() {
            out.push(field(format!("{path}.tekst"), &t.tekst, true));
            out.push(field(format!("{path}.code"), &t.code, false));
        }
        for (i, c) in p.correcties.iter().enumerate() {
            out.push(field(format!("correcties[{i}].reden"), &c.reden, true));
        }
        if let Some(b) = &p.beoordeling {
            out.push(field("beoordeling.waarneming".into(), &b.waarneming, true));
            for (i, s) in b.schaal.iter().enumerate() {
                out.push(field(format!("beoordeling.schaal[{i}]"), s, true));
            }
            for (i, v) in b.verplicht.iter().enumerate() {
                out.push(field(format!("beoordeling.verplicht[{i}]"), v, false));
            }
        }
        out
    }

    /// Toetsterm codes no longer than [`MAX_TOETSTERM_CODE_CHARS`].
    pub(super) fn code_lengths(&mut self) {
        let long: Vec<(String, usize)> = (self.toetsterm_paths().into_iter())
            .map(|(path, t)| (format!("{path}.code"), t.code.chars().count()))
            .filter(|(_, n)| *n > MAX_TOETSTERM_CODE_CHARS)
            .collect();
        for (path, n) in long {
            self.error(
                &path,
                format!("the toetsterm code is {n} characters long, more than {MAX_TOETSTERM_CODE_CHARS}"),
                "use the plan code, a dot and a number, e.g. `V1.01`",
            );
        }
    }
}
