//! `--help` in the user's language: every command's description, every option's help, the
//! headings, the names of values (`<MAP>`), the defaults and the usage line come from the
//! message catalogue (`locales/*/cli.ftl`). clap writes a few words itself ("Usage:",
//! "[OPTIONS]", "[default: …]"); those are replaced here by the catalogue's.
//!
//! Ids: `cli-about` (the program), `cli-<command>-about`, `cli-<command>-<option>` for an option
//! of one command, else `cli-arg-<option>` for an option that means the same everywhere,
//! `cli-value-<name>` for a value's name. `tests` checks that every command and option has its
//! text in every language.

use clap::{Arg, ArgAction, Command};
use toetsgen_base::lang::{Lang, text_in};

/// The layout of every `--help`: clap's parts without clap's English headings.
const TEMPLATE: &str = "{about-with-newline}\n{usage-heading} {usage}\n\n{all-args}{after-help}\n";

/// `cmd` with every text in `lang`.
pub(super) fn localize(cmd: Command, lang: Lang) -> Command {
    let cmd = cmd
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(text_in(lang, "cli-arg-version", &[])),
        )
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(ArgAction::Help)
                .help(text_in(lang, "cli-arg-help", &[])),
        );
    let mut cmd = command(cmd, None, lang);
    cmd.build();
    usages(&mut cmd, lang);
    cmd
}

/// One command (and its subcommands) in `lang`; `parent` is `None` for the program itself.
fn command(cmd: Command, parent: Option<&str>, lang: Lang) -> Command {
    let name = cmd.get_name().to_owned();
    let key = match parent {
        None => "cli".to_owned(),
        Some(_) => format!("cli-{name}"),
    };
    let heading = |id: &str| text_in(lang, id, &[]);
    let cmd = cmd
        .about(text_in(lang, &format!("{key}-about"), &[]))
        .help_template(TEMPLATE.replace("{usage-heading}", &heading("cli-heading-usage")))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .subcommand_help_heading(heading("cli-heading-commands"))
        .subcommand_value_name(heading("cli-value-command"))
        .next_help_heading(heading("cli-heading-options"));
    let options = heading("cli-heading-options");
    let arguments = heading("cli-heading-arguments");
    let cmd =
        cmd.mut_args(|arg| argument(arg, &name, parent.is_none(), lang, &options, &arguments));
    cmd.mut_subcommands(|sub| command(sub, Some(&name), lang))
}

/// One option or argument of command `command` in `lang`.
fn argument(arg: Arg, command: &str, top: bool, lang: Lang, options: &str, arguments: &str) -> Arg {
    if arg.is_hide_set() {
        return arg;
    }
    let id = arg.get_id().as_str().to_owned();
    let mut help = help_text(command, &id, top, lang);
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let default = text_in(lang, "cli-default", &[("value", defaults.join(",").into())]);
        help = format!("{help} {default}");
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() && arg.get_action().takes_values() && !arg.is_hide_possible_values_set() {
        let possible = text_in(
            lang,
            "cli-possible",
            &[("values", values.join(", ").into())],
        );
        help = format!("{help} {possible}");
    }
    let names: Vec<String> = arg
        .get_value_names()
        .map(|names| names.iter().map(|n| value_name(n, lang)).collect())
        .unwrap_or_default();
    let heading = if arg.is_positional() {
        arguments
    } else {
        options
    };
    let takes_values = arg.get_action().takes_values();
    let arg = arg.help(help).help_heading(heading.to_owned());
    let arg = if takes_values {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    };
    if names.is_empty() {
        arg
    } else {
        arg.value_names(names)
    }
}

/// The help of option `id` of `command`: its own (`cli-<command>-<id>`), else the shared one.
fn help_text(command: &str, id: &str, top: bool, lang: Lang) -> String {
    let own = format!("cli-{command}-{id}");
    if !top && toetsgen_base::lang::has(lang, &own) {
        text_in(lang, &own, &[])
    } else {
        text_in(lang, &format!("cli-arg-{id}"), &[])
    }
}

/// The name of a value, `DIR` → `MAP`.
fn value_name(name: &str, lang: Lang) -> String {
    let id = format!("cli-value-{}", name.to_ascii_lowercase().replace('.', "-"));
    if toetsgen_base::lang::has(lang, &id) {
        text_in(lang, &id, &[])
    } else {
        name.to_owned()
    }
}

/// Gives every command its usage line in `lang` ("[OPTIES]" for clap's "[OPTIONS]"), once the
/// command is built and knows its full name.
fn usages(cmd: &mut Command, lang: Lang) {
    let options = text_in(lang, "cli-usage-options", &[]);
    let rendered = cmd.render_usage().to_string();
    let line = rendered
        .split_once(':')
        .map_or(rendered.as_str(), |(_, rest)| rest)
        .trim()
        .replace("[OPTIONS]", &options);
    *cmd = std::mem::take(cmd).override_usage(line);
    for sub in cmd.get_subcommands_mut() {
        usages(sub, lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;

    /// Every command and every shown option has its own text in every language: none falls
    /// back to an id or to the other language.
    #[test]
    fn every_command_and_option_has_its_text_in_every_language() {
        use toetsgen_base::lang::has;
        let cmd = <Cli as clap::CommandFactory>::command();
        for lang in Lang::ALL {
            let mut missing = Vec::new();
            if !has(lang, "cli-about") {
                missing.push("cli-about".to_owned());
            }
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = format!("cli-arg-{}", arg.get_id());
                if !has(lang, &id) {
                    missing.push(id);
                }
            }
            for sub in cmd.get_subcommands() {
                let name = sub.get_name();
                for id in [format!("cli-{name}-about")] {
                    if !has(lang, &id) {
                        missing.push(id);
                    }
                }
                for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
                    let own = format!("cli-{name}-{}", arg.get_id());
                    let shared = format!("cli-arg-{}", arg.get_id());
                    if !has(lang, &own) && !has(lang, &shared) {
                        missing.push(own);
                    }
                }
            }
            for id in [
                "cli-heading-usage",
                "cli-heading-commands",
                "cli-heading-options",
                "cli-heading-arguments",
                "cli-value-command",
                "cli-usage-options",
                "cli-default",
                "cli-possible",
                "cli-arg-help",
                "cli-arg-version",
            ] {
                if !has(lang, id) {
                    missing.push(id.to_owned());
                }
            }
            assert!(
                missing.is_empty(),
                "locales/{}/cli.ftl lacks {missing:?}",
                lang.code()
            );
        }
    }

    /// The help is in the language asked for, Dutch command names in both.
    #[test]
    fn help_is_in_the_language_asked_for() {
        let nl = Cli::command_in(Lang::Nl).render_help().to_string();
        let en = Cli::command_in(Lang::En).render_help().to_string();
        assert!(nl.contains("Gebruik: toetsgen [OPTIES] <OPDRACHT>"), "{nl}");
        assert!(nl.contains("bouw"), "{nl}");
        assert!(!nl.contains("Usage") && !nl.contains("Options"), "{nl}");
        assert!(en.contains("Usage: toetsgen [OPTIONS] <COMMAND>"), "{en}");
        assert!(en.contains("bouw"), "{en}");
    }
}
