//! Floor 3, from documents in memory to the output folder on disk: the locked output [`dir`],
//! the build [`record`] of what was written, the [`write`] stage that writes a plan's files and
//! keeps its earlier versions, and the static [`site`] over all plans. Imports only from
//! `document`, `plan` and the base modules.

pub mod dir;
pub mod overview;
pub mod path;
pub mod record;
pub mod site;
pub mod write;
