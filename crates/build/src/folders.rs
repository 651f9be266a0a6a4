//! The output folder must stand apart from the folders a build reads: a build writes and removes
//! files in it, so it may not be, lie inside, or hold the plans or templates folder.

use std::path::{Component, Path, PathBuf};

use anyhow::{Result, bail};
use toetsgen_base::msg;

use crate::Options;

/// Refuses an output folder that is, lies inside or holds the plans or templates folder.
pub(crate) fn check_apart(opts: &Options) -> Result<()> {
    let output = real_path(&opts.output);
    let read = [
        ("plans", Some(&opts.plans)),
        ("templates", opts.templates.as_ref()),
    ];
    for (what, dir) in read {
        let Some(dir) = dir else { continue };
        let real = real_path(dir);
        let relation = if output == real {
            "is"
        } else if output.starts_with(&real) {
            "inside"
        } else if real.starts_with(&output) {
            "holds"
        } else {
            continue;
        };
        bail!(msg!(
            "build-output-overlaps",
            output = &opts.output,
            relation = relation,
            what = what,
            folder = dir
        ));
    }
    Ok(())
}

/// The absolute path with links resolved as far as it exists, and the rest normalized.
fn real_path(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut real = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_owned());
    for name in rest.iter().rev() {
        real.push(name);
    }
    normalize(&real)
}

/// Removes `.` and resolves `..` lexically.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use toetsgen_base::cancel::Cancel;

    fn opts(plans: &Path, output: &Path) -> Options {
        Options {
            formats: vec![],
            jobs: 1,
            today: chrono::NaiveDate::MIN,
            ..Options::new(plans.to_owned(), output.to_owned(), None, Cancel::new())
        }
    }

    /// Output equal to, inside or around the plans folder is refused; a sibling is fine.
    #[test]
    fn output_stands_apart() {
        // The messages checked here are the English ones.
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let dir = tempfile::tempdir().unwrap();
        let plans = dir.path().join("toetsplannen");
        std::fs::create_dir(&plans).unwrap();
        for bad in [
            plans.clone(),
            plans.join("out"),
            dir.path().to_owned(),
            plans.join("x/../."),
        ] {
            let err = check_apart(&opts(&plans, &bad)).unwrap_err().to_string();
            assert!(err.contains("the plans folder"), "{bad:?}: {err}");
        }
        check_apart(&opts(&plans, &dir.path().join("output"))).unwrap();
    }
}
