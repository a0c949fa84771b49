//! A spec file as read from disk: its path, its text, its encoding and its
//! YAML tree, kept together because every later error must point back
//! into the text ([`Source::locate`], see [`super::locate`]).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::de::DeserializeSeed;

use super::locate::Probe;
use super::positions::{Lookup, Positions};
use super::slips;
use super::yaml::{located, yaml_error};
use crate::diag::Diagnostic;
use crate::messages::{self, Message};
use crate::text::{self, Encoding, NotText};

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// A map's key, in English (`measures`).
    Key(String),
    /// A list's entry, counted from 0.
    Index(usize),
}

/// A path from the document root to a node, e.g. `measures[0].items[2].title`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    /// The path of the document itself.
    pub fn root() -> FieldPath {
        FieldPath(Vec::new())
    }

    /// This path, then the key `k`.
    pub fn key(&self, k: &str) -> FieldPath {
        let mut v = self.0.clone();
        v.push(Seg::Key(k.to_string()));
        FieldPath(v)
    }

    /// This path, then the entry `i`, counted from 0.
    pub fn index(&self, i: usize) -> FieldPath {
        let mut v = self.0.clone();
        v.push(Seg::Index(i));
        FieldPath(v)
    }

    /// Is it the path of the document itself?
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

/// Shown to users counting from 1, the way they count list items.
impl FieldPath {
    /// The path as the user counts and names it: from 1, with each key in
    /// the file's naming (`主要工作[2].事项[1].内容`).
    pub fn shown(&self, naming: crate::spec::keys::Naming) -> String {
        let mut out = String::new();
        for seg in &self.0 {
            match seg {
                Seg::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&naming.key(k));
                }
                Seg::Index(i) => out.push_str(&format!("[{}]", i + 1)),
            }
        }
        out
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{}]", n + 1)?,
            }
        }
        Ok(())
    }
}

/// A spec file as read from disk: its path, its text and its YAML tree.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file's path, as given; named in messages.
    pub path: PathBuf,
    /// The file's text, decoded; old Mac line ends (a lone CR) made LF.
    pub text: String,
    /// How the file was encoded; a spec not in UTF-8 is read with a note.
    pub encoding: Encoding,
    /// The text parsed as YAML.
    pub value: serde_yaml::Value,
    /// Every node's position, read on the first lookup ([`Source::locate`]).
    positions: OnceLock<Option<Positions>>,
}

/// Where in the source a path points: at the node's value, or at its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The node's value (`13` in `month: 13`).
    Value,
    /// The key it is under (`month`).
    Key,
}

impl Source {
    /// Read and parse `path`. A file that can't be read, isn't UTF-8 or isn't
    /// YAML gives one located diagnostic (loading's shape, a list, as
    /// [`Loaded`](crate::load::Loaded) and validation give theirs).
    pub fn read(path: &Path) -> Result<Source, Vec<Diagnostic>> {
        let bytes = crate::input::read(path, crate::input::Kind::Spec)
            .map_err(|e| vec![Diagnostic::file_level(path, messages::cannot_read(&e))])?;
        Source::from_bytes(path, &bytes)
    }

    /// Parse already-read bytes; `path` is only used in messages.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Source, Vec<Diagnostic>> {
        let decoded = text::decode(bytes).map_err(|e| vec![not_text(path, bytes, e)])?;
        let mut source = Source::from_text(path, decoded.text)?;
        source.encoding = decoded.encoding;
        Ok(source)
    }

    /// Parse already-decoded text; `path` is only used in messages. YAML
    /// that cannot be read, or a key read as text, gives one located
    /// diagnostic.
    pub fn from_text(path: &Path, text: String) -> Result<Source, Vec<Diagnostic>> {
        // Old Mac line ends (a CR alone): YAML takes them, but nothing that
        // counts lines does. Made LF, every line number and shown line is
        // right, and rollover writes the file back with LF. CRLF is kept.
        let lone_cr = text
            .bytes()
            .zip(text.bytes().skip(1).chain([b'\n']))
            .any(|(a, b)| a == b'\r' && b != b'\n');
        let text = if lone_cr {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text
        };
        let value: serde_yaml::Value = match serde_yaml::from_str(&text) {
            Ok(v) => v,
            Err(e) => return Err(vec![yaml_error(path, &text, &e)]),
        };
        // A key the parser read as text (`内容：…` under a title) would be
        // lost without a word: refuse it.
        if let Some(slip) = slips::silent(&text) {
            return Err(vec![located(path, &text, slip)]);
        }
        Ok(Source {
            path: path.to_path_buf(),
            text,
            encoding: Encoding::Utf8,
            value,
            positions: OnceLock::new(),
        })
    }

    /// The value at `path`, if there is one.
    pub fn value_at(&self, path: &FieldPath) -> Option<&serde_yaml::Value> {
        path.0.iter().try_fold(&self.value, |v, seg| match seg {
            Seg::Key(k) => v.get(k.as_str()),
            Seg::Index(i) => v.get(*i),
        })
    }

    /// 1-based line and column of the node (or key) at `path`.
    ///
    /// The first call reads every position in one pass ([`Positions`]), so
    /// a spec with thousands of problems is parsed twice, not once per
    /// problem; a node that pass could not place is probed on its own.
    pub fn locate(&self, path: &FieldPath, target: Target) -> Option<(usize, usize)> {
        let positions = self.positions.get_or_init(|| Positions::of(&self.text));
        match positions.as_ref().map(|p| p.find(&path.0, target)) {
            Some(Lookup::Found(at)) => Some(at),
            Some(Lookup::Absent) => None,
            Some(Lookup::Unknown) | None => self.probe(path, target),
        }
    }

    /// One parse that stops at `path` ([`super::locate`]).
    pub(super) fn probe(&self, path: &FieldPath, target: Target) -> Option<(usize, usize)> {
        let de = serde_yaml::Deserializer::from_str(&self.text);
        let probe = Probe {
            path: &path.0,
            target,
        };
        match probe.deserialize(de) {
            Err(e) => e.location().map(|l| (l.line(), l.column())),
            Ok(()) => None,
        }
    }

    /// The note for a spec read in an encoding other than UTF-8.
    pub fn encoding_note(&self) -> Option<Diagnostic> {
        (!self.encoding.is_utf8()).then(|| {
            Diagnostic::file_level(&self.path, messages::spec_encoding(self.encoding.name()))
                .as_note()
                .with_help(messages::spec_encoding_help())
        })
    }

    /// Warnings about text YAML cut off as a comment (`- 召开教代会 #第六届`),
    /// each at its `#`.
    pub fn comment_warnings(&self) -> Vec<Diagnostic> {
        slips::cut_by_comments(&self.text)
            .into_iter()
            .map(|slip| located(&self.path, &self.text, slip).as_warning())
            .collect()
    }

    /// A diagnostic for `path`, located in this file.
    pub fn diagnostic(&self, path: &FieldPath, target: Target, message: Message) -> Diagnostic {
        let mut d = Diagnostic::file_level(&self.path, message);
        if !path.is_root() {
            d.field = Some(path.to_string());
        }
        match self.locate(path, target) {
            Some((line, col)) => d.at(&self.text, line, col),
            None => d,
        }
    }
}

/// Why `bytes` are no spec: a Word, Excel or PDF file handed over by
/// mistake, or text in an encoding nobody could guess.
fn not_text(path: &Path, bytes: &[u8], kind: NotText) -> Diagnostic {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let excel = matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "et" | "ods" | "csv");
    let file = path.display();
    let (message, help) = match kind {
        NotText::Zip | NotText::Ole if excel => (
            messages::spec_is_spreadsheet(),
            messages::spec_is_spreadsheet_help(file),
        ),
        NotText::Zip => (messages::spec_is_word(), messages::spec_is_word_help(file)),
        NotText::Ole => (
            messages::spec_is_old_word(),
            messages::spec_is_old_word_help(),
        ),
        NotText::Pdf => (messages::spec_is_pdf(), messages::spec_is_pdf_help()),
        NotText::Unknown { line, column } => {
            let lossy = String::from_utf8_lossy(bytes);
            return Diagnostic::file_level(path, messages::not_utf8())
                .at(&lossy, line, column)
                .with_help(messages::not_utf8_help());
        }
    };
    Diagnostic::file_level(path, message).with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source::from_text(Path::new("t.yaml"), text.to_string()).unwrap()
    }

    #[test]
    fn locates_values_and_keys_in_block_style() {
        let s = src(
            "school: 礼河\nmeasures:\n  - title: 甲\n    items:\n      - 乙\n      - title: 丙\n",
        );
        let p = FieldPath::root()
            .key("measures")
            .index(0)
            .key("items")
            .index(1)
            .key("title");
        assert_eq!(s.locate(&p, Target::Value), Some((6, 16)));
        assert_eq!(s.locate(&p, Target::Key), Some((6, 9)));
        let p = FieldPath::root()
            .key("measures")
            .index(0)
            .key("items")
            .index(0);
        assert_eq!(s.locate(&p, Target::Value), Some((5, 9)));
    }

    #[test]
    fn locates_in_flow_style_and_reports_missing_paths_as_none() {
        let s = src("schedule: [{month: 2, items: [a, b]}, {month: 13}]\n");
        let p = FieldPath::root().key("schedule").index(1).key("month");
        assert_eq!(s.locate(&p, Target::Value), Some((1, 47)));
        let p = FieldPath::root().key("nothing");
        assert_eq!(s.locate(&p, Target::Value), None);
    }

    #[test]
    fn paths_display_counting_from_one() {
        let p = FieldPath::root()
            .key("measures")
            .index(0)
            .key("items")
            .index(2)
            .key("title");
        assert_eq!(p.to_string(), "measures[1].items[3].title");
    }

    #[test]
    fn an_unknown_encoding_is_located() {
        let err =
            Source::from_bytes(Path::new("t.yaml"), b"school: a\nyear: \xFF\xFE\n").unwrap_err();
        let [err] = &err[..] else { panic!("{err:?}") };
        assert_eq!((err.line, err.column), (Some(2), Some(7)));
        assert_eq!(err.code, "not_utf8");
    }

    #[test]
    fn a_gbk_spec_is_read_with_a_note() {
        let bytes = encoding_rs::GBK.encode("school: 青溪小学\n").0;
        let s = Source::from_bytes(Path::new("t.yaml"), &bytes).unwrap();
        assert_eq!(s.value["school"].as_str(), Some("青溪小学"));
        let note = s.encoding_note().unwrap();
        assert_eq!(note.code, "spec_encoding");
        assert!(note.message.contains("GBK"), "{}", note.message);
    }

    #[test]
    fn a_word_file_is_sent_to_import() {
        let one = |e: Vec<crate::diag::Diagnostic>| e.into_iter().next().unwrap();
        let err = one(Source::from_bytes(Path::new("计划.docx"), b"PK\x03\x04rest").unwrap_err());
        assert_eq!(err.code, "spec_is_word");
        assert!(err.help.unwrap().contains("unionplan import 计划.docx"));
        let err = one(Source::from_bytes(Path::new("名单.xlsx"), b"PK\x03\x04rest").unwrap_err());
        assert_eq!(err.code, "spec_is_spreadsheet");
        let err = one(
            Source::from_bytes(Path::new("旧.wps"), b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
                .unwrap_err(),
        );
        assert_eq!(err.code, "spec_is_old_word");
        let err = one(Source::from_bytes(Path::new("p.pdf"), b"%PDF-1.4").unwrap_err());
        assert_eq!(err.code, "spec_is_pdf");
    }

    #[test]
    fn bom_is_accepted() {
        let s = Source::from_bytes(Path::new("t.yaml"), b"\xEF\xBB\xBFschool: a\n").unwrap();
        assert_eq!(s.value["school"].as_str(), Some("a"));
    }
}
