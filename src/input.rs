//! Every file unionplan reads from outside goes through [`read`]: specs and
//! the files they extend, district files, rosters, the school's Word
//! template, files to import, user templates, and the PDF LibreOffice wrote.
//!
//! Two things make a path dangerous to read as if it were a file:
//! - **it is not an ordinary file.** A FIFO blocks the reader forever (one
//!   roster cell naming one hangs a whole batch, and the preview stops
//!   serving); `/dev/zero`, or a link to it, never ends. Only ordinary files
//!   are read, checked before opening (opening a FIFO already blocks) and
//!   again on the opened handle;
//! - **it is larger than anything of its kind can be.** Each [`Kind`] has a
//!   limit far above real files of that kind, and no more than the limit is
//!   ever read, whatever the file claims its size is.

use std::io::Read as _;
use std::path::Path;

use crate::messages;

/// What a file is for; each kind has its own size limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A plan spec, a file it extends, a district file, a school's spec.
    Spec,
    /// A roster of schools (CSV or a spreadsheet).
    Roster,
    /// The school's Word template (`style.reference_doc`).
    Reference,
    /// A plan to import (DOCX, a web page, Markdown, text).
    Import,
    /// A user's layout template (`--templates`).
    Template,
    /// A PDF LibreOffice wrote for us.
    Pdf,
}

impl Kind {
    /// The most a file of this kind may weigh. A plan spec is tens of
    /// kilobytes; a roster of a whole district a few hundred; a Word
    /// template with its letterhead images a few megabytes; a saved web page
    /// with its pictures inlined can reach tens.
    pub const fn limit(self) -> u64 {
        match self {
            Kind::Spec => 4 << 20,
            Kind::Template => 1 << 20,
            Kind::Roster | Kind::Reference => 32 << 20,
            Kind::Import => 64 << 20,
            Kind::Pdf => 256 << 20,
        }
    }

    /// Is a symbolic link followed? Files the user names may be links
    /// (a shortcut to last year's plan); a file another program was asked
    /// to write must be that file itself, not a link it left to elsewhere.
    const fn follows_links(self) -> bool {
        !matches!(self, Kind::Pdf)
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum Refused {
    /// The system could not open or read it (missing, no permission, …).
    Io(std::io::Error),
    /// It is a folder.
    Folder,
    /// It exists but is not an ordinary file: a FIFO, a device, a socket.
    NotOrdinary,
    /// It is larger than `limit` bytes.
    TooLarge {
        /// The most its kind of file may weigh, in bytes.
        limit: u64,
    },
}

impl Refused {
    /// Is it that nothing is there at all?
    pub fn is_not_found(&self) -> bool {
        matches!(self, Refused::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }

    /// Why, in the user's language, as the end of a sentence
    /// (`无法读取这个文件：…`).
    pub fn reason(&self) -> String {
        match self {
            Refused::Io(e) => messages::io_reason(e),
            Refused::Folder => messages::refused_folder(),
            Refused::NotOrdinary => messages::refused_not_ordinary(),
            Refused::TooLarge { limit } => messages::refused_too_large(limit >> 20),
        }
    }
}

impl From<std::io::Error> for Refused {
    fn from(e: std::io::Error) -> Refused {
        if e.kind() == std::io::ErrorKind::IsADirectory {
            Refused::Folder
        } else {
            Refused::Io(e)
        }
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason())
    }
}

/// Is `path` an ordinary file (following links)? Folders and special files
/// say which they are.
pub fn check(path: &Path) -> Result<std::fs::Metadata, Refused> {
    let meta = std::fs::metadata(path)?;
    ordinary(&meta)?;
    Ok(meta)
}

fn ordinary(meta: &std::fs::Metadata) -> Result<(), Refused> {
    if meta.is_dir() {
        Err(Refused::Folder)
    } else if !meta.is_file() {
        Err(Refused::NotOrdinary)
    } else {
        Ok(())
    }
}

/// The bytes of the ordinary file `path`, at most `kind`'s limit of them.
pub fn read(path: &Path, kind: Kind) -> Result<Vec<u8>, Refused> {
    let limit = kind.limit();
    let meta = if kind.follows_links() {
        std::fs::metadata(path)?
    } else {
        std::fs::symlink_metadata(path)?
    };
    ordinary(&meta)?;
    if meta.len() > limit {
        return Err(Refused::TooLarge { limit });
    }
    let file = open(path, kind)?;
    // What was opened may not be what was looked at (the name can be
    // replaced in between): look again at the handle itself.
    ordinary(&file.metadata()?)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge { limit });
    }
    Ok(bytes)
}

/// Open for reading without ever waiting: should the name have become a
/// FIFO since it was looked at, `O_NONBLOCK` opens it at once (and the
/// handle's own check then refuses it); a name not to be followed as a link
/// is opened with `O_NOFOLLOW`.
#[cfg(unix)]
fn open(path: &Path, kind: Kind) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    let mut flags = libc::O_NONBLOCK;
    if !kind.follows_links() {
        flags |= libc::O_NOFOLLOW;
    }
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path, _kind: Kind) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// [`read`], as text in UTF-8 (for files only unionplan's own users write
/// in an editor: user templates).
pub fn read_utf8(path: &Path, kind: Kind) -> Result<String, Refused> {
    let bytes = read(path, kind)?;
    String::from_utf8(bytes).map_err(|e| {
        Refused::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            e.utf8_error(),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("计划.yaml");
        std::fs::write(&path, "school: 甲校\n").unwrap();
        assert_eq!(
            read(&path, Kind::Spec).unwrap(),
            "school: 甲校\n".as_bytes()
        );
    }

    #[test]
    fn folders_missing_files_and_large_files_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(read(dir.path(), Kind::Spec), Err(Refused::Folder)));
        let missing = read(&dir.path().join("无"), Kind::Spec).unwrap_err();
        assert!(missing.is_not_found(), "{missing:?}");
        let big = dir.path().join("big.html");
        std::fs::write(&big, vec![b'a'; (Kind::Template.limit() + 1) as usize]).unwrap();
        assert!(matches!(
            read(&big, Kind::Template),
            Err(Refused::TooLarge { limit }) if limit == Kind::Template.limit()
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_links_to_them_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.yaml");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        for path in [Path::new("/dev/zero"), &link] {
            assert!(
                matches!(read(path, Kind::Import), Err(Refused::NotOrdinary)),
                "{path:?}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_pdf_left_as_a_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere.pdf");
        std::fs::write(&target, b"%PDF-1.7").unwrap();
        let link = dir.path().join("plan.pdf");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(matches!(read(&link, Kind::Pdf), Err(Refused::NotOrdinary)));
        assert_eq!(read(&link, Kind::Import).unwrap(), b"%PDF-1.7");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("名单.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            panic!("mkfifo could not make a FIFO to test with");
        }
        // Were the FIFO opened, this would block forever: no writer comes.
        assert!(matches!(
            read(&fifo, Kind::Roster),
            Err(Refused::NotOrdinary)
        ));
    }
}
