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
#[cfg(test)]
mod catalogue_tests;
mod codes;

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
pub use codes::Code;
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

/// The language every message is given in: Chinese unless the caller asks
/// for English.
///
/// There is no process-wide setting. A caller chooses the language for the
/// work it runs ([`speaking`]), on its own thread, and the library carries
/// it to the threads it starts itself (a batch's workers, a server's
/// blocking tasks): two callers in one process, such as two workbenches,
/// each hear their own. Work run with no language chosen speaks Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Chinese, the readers' language and the default.
    Zh,
    /// English, for a locale that asks for it.
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

    /// English for a locale name starting with `en` (`en_US.UTF-8`);
    /// Chinese for any other, and for none.
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

thread_local! {
    static SPEAKING: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::Zh) };
}

/// Runs `work` with every message it makes, on this thread, in `lang`;
/// the language before is back when `work` returns or unwinds.
///
/// The library's own threads take the language of the call that starts
/// them (see [`lang`]), so a caller chooses once, around the work.
pub fn speaking<T>(lang: Lang, work: impl FnOnce() -> T) -> T {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            SPEAKING.set(self.0);
        }
    }
    let _restore = Restore(SPEAKING.replace(lang));
    work()
}

/// Runs `words` with Chinese chosen, whatever the user's language: for
/// words that go into a Chinese document, such as the `# 请核对` comments
/// import writes into a spec, while the same words on the terminal follow
/// the user.
pub fn in_chinese<T>(words: impl FnOnce() -> T) -> T {
    speaking(Lang::Zh, words)
}

/// The language the work running on this thread speaks: the one chosen
/// by the nearest [`speaking`] around it, Chinese when none was. Code
/// that starts a thread reads it first and runs the thread's work in it.
pub fn lang() -> Lang {
    SPEAKING.get()
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
    /// The problem's stable name.
    pub code: Code,
    /// The sentence, in the language of the work that made it
    /// ([`speaking`]).
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
        #[doc = concat!("\n\nCode: [`", stringify!($name), "`](crate::messages::Code::", stringify!($name), ").")]
        pub fn $name($($arg: $ty),*) -> $crate::messages::Message {
            let text: String = $body;
            $crate::messages::Message { code: $crate::messages::Code::$name, text }
        }
    )*};
}
pub(crate) use problems;
