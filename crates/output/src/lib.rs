//! Floor 3, from documents in memory to the output folder on disk: the locked output [`dir`],
//! the build [`record`] of what was written, the [`write`] stage that decides a plan's files and
//! keeps its earlier versions, the [`batch`] that stages those writes and makes them durable
//! together, and the static [`site`] over all plans with its search ([`overview`], [`stem`]);
//! [`personal`] keeps personal data off the site. Depends only on `toetsgen-document`,
//! `toetsgen-plan` and the base crate.

mod batch;
pub mod dir;
pub mod overview;
pub mod path;
pub mod personal;
pub mod record;
pub mod site;
pub mod stem;
pub mod write;
