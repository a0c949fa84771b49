//! Every sentence a user can see: errors, hints, warnings and progress.
//!
//! The readers are Chinese school teachers, so the words are plain Chinese and
//! they quote what the user typed. Keeping them all here (and nowhere else)
//! means the wording can be reviewed, and later translated, in one place:
//! one file per area, all re-exported here, so a caller writes
//! `messages::name` whatever the area.
//! Field names such as `measures` stay as typed, because that is what the user
//! sees in their spec.

mod batch;
mod diff;
mod extends;
mod import;
mod preview;
mod progress;
mod reading;
mod rollover;
mod templates;
mod validation;
mod writing;

pub use batch::*;
pub use diff::*;
pub use extends::*;
pub use import::*;
pub use preview::*;
pub use progress::*;
pub use reading::*;
pub use rollover::*;
pub use templates::*;
pub use validation::*;
pub use writing::*;
