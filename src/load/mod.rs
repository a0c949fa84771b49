//! Stage 1 of the pipeline: read a spec file, decode its text ([`crate::text`]),
//! parse its YAML ([`source`]), and merge in everything it `extends`
//! ([`extends`]). The result, [`Loaded`], keeps every file's text beside the
//! merged tree, because every later error must point back into the file
//! that holds the value ([`locate`]).

pub(crate) mod extends;
mod loaded;
mod locate;
mod positions;
mod slips;
mod source;
mod yaml;

pub use loaded::{Cell, Loaded, Table};
pub(crate) use slips::plain_item_slips;
pub use source::{FieldPath, Seg, Source, Target};
