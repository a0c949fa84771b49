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
pub mod cli;
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

/// A problem's sentence and its stable name.
///
/// The name (`code`) is the catalogue function's own name, such as
/// `unknown_field`: it never changes when the wording does, so JSON
/// consumers and tests match the code, not the Chinese text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub code: &'static str,
    pub text: String,
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::ops::Deref for Message {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl From<Message> for String {
    fn from(m: Message) -> String {
        m.text
    }
}

/// Catalogue entries for problems: each `pub fn name(..) { text }` becomes
/// a function returning a [`Message`] whose code is `"name"`, so the code
/// is written once, by the function's name, and cannot drift from it.
macro_rules! problems {
    ($(
        $(#[$meta:meta])*
        pub fn $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) $body:block
    )*) => {$(
        $(#[$meta])*
        pub fn $name($($arg: $ty),*) -> $crate::messages::Message {
            let text: String = $body;
            $crate::messages::Message { code: stringify!($name), text }
        }
    )*};
}
pub(crate) use problems;
