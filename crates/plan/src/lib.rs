//! Floor 1, from YAML to a checked plan: the typed [`model`], read by [`load`] with the field
//! locations of [`spans`], checked by [`validate`], every problem a [`diagnostic`] with file, line
//! and column, and its [`place`] in the plan as the office names it; [`folder`] does all of it
//! for every plan of a folder, in one way for every command. [`dates`] reads and writes dates as
//! Dutch readers expect them; [`changes`] lists what changed since a date; [`schema`] is the JSON
//! Schema of the format for editors; [`starter`] a new plan to start from; the [`archive`] keeps
//! every published version, [`history`] says what a changed toetsterm said before and [`diff`]
//! which words changed; [`readability`] judges a candidate's text at its taalniveau. Depends
//! only on the base crate (`toetsgen-base`).

pub mod archive;
pub mod changes;
pub mod dates;
pub mod diagnostic;
pub mod diff;
pub mod folder;
pub mod history;
pub mod limits;
pub mod load;
pub mod model;
pub mod place;
pub mod readability;
pub mod schema;
pub mod spans;
pub mod starter;
pub mod validate;
mod values;
