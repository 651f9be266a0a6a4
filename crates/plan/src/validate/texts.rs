//! The rules on every text of a plan: present where required (not empty, not a bare `~`), no
//! longer than [`MAX_TEXT_CHARS`], and free of control characters other than tab and line
//! breaks (which no document can print, and which could reach a terminal).

use super::Checker;
use crate::limits::{MAX_TEXT_CHARS, MAX_TOETSTERM_CODE_CHARS};
use crate::load::char_name;
use crate::model::AantalVragen;
use toetsgen_base::msg;

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
                self.error(&field.path, message, &help);
            }
        }
    }

    /// What is wrong with one text, if anything.
    fn text_problem(&self, field: &Field<'_>) -> Option<(String, String)> {
        let name = field.path.rsplit('.').next().unwrap_or(&field.path);
        if field.required && self.sp.spans.is_null(&field.path) {
            return Some((
                msg!("plan-text-null", field = name),
                msg!("plan-text-null.help"),
            ));
        }
        if field.required && field.value.trim().is_empty() {
            return Some((
                msg!("plan-text-empty", field = name),
                msg!("plan-text-empty.help"),
            ));
        }
        let chars = field.value.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Some((
                msg!(
                    "plan-text-too-long",
                    field = name,
                    n = chars,
                    max = MAX_TEXT_CHARS
                ),
                msg!("plan-text-too-long.help"),
            ));
        }
        let bad = field
            .value
            .chars()
            .find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'));
        bad.map(|c| {
            (
                msg!("plan-text-control", field = name, character = char_name(c)),
                msg!("plan-text-control.help"),
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
                    msg!("plan-placeholder"),
                    &msg!("plan-placeholder.help"),
                );
            }
        }
        if self.plan().concept {
            self.warning("concept", msg!("plan-concept"), &msg!("plan-concept.help"));
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
            let message = match missing.len() {
                n if n > 5 => msg!(
                    "plan-text-unprintable-more",
                    field = name,
                    characters = shown.join(", "),
                    more = n - 5
                ),
                _ => msg!(
                    "plan-text-unprintable",
                    field = name,
                    characters = shown.join(", ")
                ),
            };
            self.error(&field.path, message, &msg!("plan-text-unprintable.help"));
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
                msg!(
                    "plan-toetsterm-code-too-long",
                    n = n,
                    max = MAX_TOETSTERM_CODE_CHARS
                ),
                &msg!("plan-toetsterm-code-too-long.help"),
            );
        }
    }
}
