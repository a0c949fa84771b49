//! Every sentence a user can see: errors, hints, warnings and progress.
//!
//! The readers are Chinese school teachers, so the words are plain Chinese and
//! they quote what the user typed. Keeping them all here (and nowhere else)
//! means the wording can be reviewed, and later translated, in one place:
//! one file per area, all re-exported here, so a caller writes
//! `messages::name` whatever the area.
//! Field names such as `measures` stay as typed, because that is what the user
//! sees in their spec.

mod app;
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

pub use app::*;
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

/// The language every message is given in: Chinese unless the locale asks
/// for English. The command line sets it once at start ([`set_lang`]); the
/// library on its own speaks Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// English when the locale asks for it (`LC_ALL`, then `LC_MESSAGES`,
    /// then `LANG`, the first that is set, starts with `en`); Chinese
    /// otherwise, whatever the machine's locale.
    pub fn from_env() -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
        Lang::from_locale(locale.as_deref())
    }

    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.starts_with("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// The one of a pair (Chinese, English) for this language.
    pub fn pick(self, [zh, en]: [&'static str; 2]) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

static ENGLISH: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Chooses the language of every later message.
pub fn set_lang(lang: Lang) {
    ENGLISH.store(lang == Lang::En, std::sync::atomic::Ordering::Relaxed);
}

thread_local! {
    static IN_DOCUMENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `words` with Chinese chosen, whatever the user's language: for
/// words that go into a Chinese document, such as the `# 请核对` comments
/// import writes into a spec, while the same words on the terminal follow
/// the user.
pub fn in_chinese<T>(words: impl FnOnce() -> T) -> T {
    let before = IN_DOCUMENT.replace(true);
    let out = words();
    IN_DOCUMENT.set(before);
    out
}

/// The language chosen by [`set_lang`] (Chinese until then).
pub fn lang() -> Lang {
    if IN_DOCUMENT.get() {
        return Lang::Zh;
    }
    if ENGLISH.load(std::sync::atomic::Ordering::Relaxed) {
        Lang::En
    } else {
        Lang::Zh
    }
}

/// A catalogue entry's wording, Chinese first: `zh_en!(chinese, english)`
/// builds only the one [`lang`] asks for.
macro_rules! zh_en {
    ($zh:expr, $en:expr $(,)?) => {
        match $crate::messages::lang() {
            $crate::messages::Lang::Zh => $zh,
            $crate::messages::Lang::En => $en,
        }
    };
}
pub(crate) use zh_en;

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
