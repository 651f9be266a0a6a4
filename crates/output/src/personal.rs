//! Personal data (print packets, results lists) never goes on the site: such a file is refused
//! inside a published output folder, one that holds toetsgen's build [`record`](crate::record).

use std::path::{Component, Path, PathBuf};

use anyhow::{Result, bail};
use toetsgen_base::msg;

/// Which personal data a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Personal {
    /// Print packets, with the candidates' names.
    Packets,
    /// A results list.
    Results,
    /// A toetsanalyse (candidate numbers, and names on request).
    Analyses,
}

/// Refuses `target` (a file of personal data; `what` says which) when it lies inside a
/// published output folder, at any level above the file. The place is the real one
/// ([`real_place`]): a `..` after a missing folder, or a link anywhere on the way, cannot lead
/// the file into the site.
pub fn refuse_published(target: &Path, what: Personal) -> Result<()> {
    let absolute = real_place(target);
    let published = absolute
        .ancestors()
        .skip(1)
        .find(|dir| dir.join(crate::record::FILE_NAME).is_file());
    match published {
        Some(dir) => bail!(msg!(
            "output-personal-published",
            path = target,
            folder = dir,
            what = match what {
                Personal::Packets => "packets",
                Personal::Results => "results",
                Personal::Analyses => "analyses",
            }
        )),

        None => Ok(()),
    }
}

/// Where `target` really is: each existing folder on the way resolved with its links, and a `..`
/// taking away the name before it as the system will once the missing folders are made.
pub fn real_place(target: &Path) -> PathBuf {
    let absolute = std::path::absolute(target).unwrap_or_else(|_| target.to_owned());
    let mut place = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                place.pop();
            }
            other => {
                place.push(other);
                if let Ok(real) = place.canonicalize() {
                    place = real;
                }
            }
        }
    }
    place
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A missing folder and `..`, and a link to a folder, lead to the real place.
    #[test]
    fn the_real_place_follows_links_and_dot_dots() {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path().canonicalize().expect("real");
        std::fs::create_dir_all(root.join("output/V1")).expect("folders");
        assert_eq!(
            real_place(&root.join("nieuw/../output/x.pdf")),
            root.join("output/x.pdf")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("output/V1"), root.join("pakketten"))
                .expect("link");
            assert_eq!(
                real_place(&root.join("pakketten/x.pdf")),
                root.join("output/V1/x.pdf")
            );
        }
    }
}
