//! Personal data (print packets, results lists) never goes on the site: such a file is refused
//! inside a published output folder, one that holds toetsgen's build [`record`](crate::record).

use std::path::Path;

use anyhow::{Result, bail};

/// Refuses `target` (a file of personal data; `what` says which: "packets", "the results") when
/// it lies inside a published output folder, at any level above the file.
pub fn refuse_published(target: &Path, what: &str) -> Result<()> {
    let absolute = std::path::absolute(target).unwrap_or_else(|_| target.to_owned());
    let published = absolute
        .ancestors()
        .skip(1)
        .find(|dir| dir.join(crate::record::FILE_NAME).is_file());
    match published {
        Some(dir) => bail!(
            "{} lies inside {}, a published output folder (it holds toetsgen's build record): {what} are personal data and never go on the site; write them elsewhere",
            target.display(),
            dir.display()
        ),
        None => Ok(()),
    }
}
