//! A wrong command line, told in the user's language: clap finds the mistake and hands over
//! what it found (the option, the value, the valid values, a suggestion); the sentence comes from
//! the message catalogue (`locales/*/cli.ftl`, ids `cli-error-*`).

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use toetsgen_base::lang::Arg;
use toetsgen_base::msg;

/// clap's errors with toetsgen's words ([`ErrorFormatter`]).
#[derive(Debug)]
pub(crate) struct Dutch;

impl ErrorFormatter for Dutch {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let mut out = format!("{} {}", msg!("cli-error"), sentence(error));
        for (kind, id) in [
            (ContextKind::SuggestedSubcommand, "cli-error-did-you-mean"),
            (ContextKind::SuggestedArg, "cli-error-did-you-mean"),
            (ContextKind::SuggestedValue, "cli-error-did-you-mean"),
        ] {
            if let Some(value) = string(error, kind).or_else(|| strings(error, kind)) {
                out.push_str(&format!("\n\n  {}", tip(id, value)));
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.to_string();
            let line = usage
                .split_once(':')
                .map_or(usage.as_str(), |(_, rest)| rest)
                .trim();
            out.push_str(&format!("\n\n{} {line}", msg!("cli-heading-usage")));
        }
        out.push_str(&format!("\n\n{}\n", msg!("cli-error-more")));
        StyledStr::from(out)
    }
}

/// "tip: bedoelt u 'bouw'?"
fn tip(id: &str, value: String) -> String {
    format!(
        "{} {}",
        msg!("cli-error-tip"),
        toetsgen_base::lang::text(id, &[("value", Arg::from(value))])
    )
}

/// The value of a context as one text.
fn string(error: &clap::error::Error<Dutch>, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The values of a context, comma-separated.
fn strings(error: &clap::error::Error<Dutch>, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::Strings(list) if !list.is_empty() => Some(list.join(", ")),
        ContextValue::StyledStrs(list) if !list.is_empty() => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}

/// What is wrong, in a sentence.
fn sentence(error: &clap::error::Error<Dutch>) -> String {
    let arg = || {
        string(error, ContextKind::InvalidArg)
            .or_else(|| strings(error, ContextKind::InvalidArg))
            .unwrap_or_default()
    };
    let value = || string(error, ContextKind::InvalidValue).unwrap_or_default();
    let valid = |kind| strings(error, kind).unwrap_or_default();
    match error.kind() {
        ErrorKind::InvalidValue if value().is_empty() => {
            msg!("cli-error-value-missing", arg = arg())
        }
        ErrorKind::InvalidValue => {
            let mut text = msg!("cli-error-value-invalid", value = value(), arg = arg());
            let possible = valid(ContextKind::ValidValue);
            if !possible.is_empty() {
                text.push_str(&format!("\n  {}", msg!("cli-possible", values = possible)));
            }
            text
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_default();
            msg!(
                "cli-error-value-rejected",
                value = value(),
                arg = arg(),
                reason = reason
            )
        }
        ErrorKind::UnknownArgument => msg!("cli-error-unknown-argument", arg = arg()),
        ErrorKind::InvalidSubcommand => msg!(
            "cli-error-unknown-command",
            command = string(error, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::MissingRequiredArgument => msg!("cli-error-missing", args = arg()),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            msg!(
                "cli-error-missing-command",
                commands = valid(ContextKind::ValidSubcommand)
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = string(error, ContextKind::PriorArg)
                .or_else(|| strings(error, ContextKind::PriorArg));
            match prior {
                Some(prior) if prior == arg() => msg!("cli-error-twice", arg = arg()),
                Some(prior) => msg!("cli-error-conflict", arg = arg(), other = prior),
                None => msg!("cli-error-conflict-any", arg = arg()),
            }
        }
        ErrorKind::TooManyValues => msg!("cli-error-too-many", value = value(), arg = arg()),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg!("cli-error-number", arg = arg())
        }
        ErrorKind::NoEquals => msg!("cli-error-no-equals", arg = arg()),
        ErrorKind::InvalidUtf8 => msg!("cli-error-utf8"),
        _ => msg!("cli-error-unknown"),
    }
}
