//! Floor 1, from YAML to a checked plan: the typed [`model`], read by [`load`] with the field
//! locations of [`spans`], checked by [`validate`], every problem a [`diagnostic`] with file, line
//! and column. [`dates`] reads and writes dates as Dutch readers expect them; [`changes`] lists
//! what changed since a date. Imports only from the base modules (`fs`).

pub mod changes;
pub mod dates;
pub mod diagnostic;
pub mod limits;
pub mod load;
pub mod model;
pub mod spans;
pub mod validate;
