//! The workbench's folder: the only files the page can reach.
//!
//! The page names files by a relative name (`青山小学2026.yaml`,
//! `区县示例/district.yaml`). A name is refused when it is absolute, has a
//! drive or a `..`, or leads outside the folder through a symbolic link;
//! a file is read only when it is an ordinary file (not a FIFO or a device,
//! which would hang or never end) and no larger than its limit.

use std::path::{Component, Path, PathBuf};

use crate::input::{self, Kind, Refused};
use crate::messages::{self, Message};

/// The most a plan (or any text the page opens) may weigh.
pub const MAX_TEXT: u64 = Kind::Spec.limit();
/// The most an uploaded file or a file offered for download may weigh.
pub const MAX_FILE: u64 = Kind::Import.limit();

/// The folder, as the file system names it once all links are followed.
#[derive(Debug, Clone)]
pub struct Folder {
    root: PathBuf,
}

impl Folder {
    /// The folder at `path`, with its links followed; an error if there is
    /// no folder there.
    pub fn open(path: &Path) -> std::io::Result<Folder> {
        let root = path.canonicalize()?;
        if !root.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                "not a folder",
            ));
        }
        Ok(Folder { root })
    }

    /// The folder's own path.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The path of `name` in the folder, for a file that may not exist
    /// yet: its folder must exist and be inside.
    pub fn path(&self, name: &str) -> Result<PathBuf, Message> {
        let relative = relative_name(name)?;
        let path = self.root.join(&relative);
        // What exists of it must stay inside once links are followed.
        let existing = if path.exists() || path.symlink_metadata().is_ok() {
            path.canonicalize()
                .map_err(|_| messages::app_outside_folder(name))?
        } else {
            let parent = path.parent().unwrap_or(&self.root);
            parent
                .canonicalize()
                .map_err(|_| messages::app_not_found(name))?
                .join(path.file_name().unwrap_or_default())
        };
        if !existing.starts_with(&self.root) {
            return Err(messages::app_outside_folder(name));
        }
        Ok(existing)
    }

    /// The path of the ordinary file `name`, no larger than `kind`'s
    /// limit: for a caller that hands the path on to a library function
    /// that reads it (through [`input::read`] again).
    pub fn file(&self, name: &str, kind: Kind) -> Result<PathBuf, Message> {
        let path = self.path(name)?;
        let meta = input::check(&path).map_err(|e| refused(name, e))?;
        if meta.len() > kind.limit() {
            return Err(refused(
                name,
                Refused::TooLarge {
                    limit: kind.limit(),
                },
            ));
        }
        Ok(path)
    }

    /// The bytes of the ordinary file `name`, at most `kind`'s limit.
    pub fn read(&self, name: &str, kind: Kind) -> Result<(PathBuf, Vec<u8>), Message> {
        let path = self.path(name)?;
        let bytes = input::read(&path, kind).map_err(|e| refused(name, e))?;
        Ok((path, bytes))
    }

    /// `path`'s name relative to the folder, with `/` between parts, as the
    /// page shows and sends it.
    pub fn name_of(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }
}

/// `name` as a relative path of plain parts, or why not.
fn relative_name(name: &str) -> Result<PathBuf, Message> {
    let refused = || messages::app_bad_name(name);
    if name.is_empty() || name.contains('\0') || name.contains(':') {
        return Err(refused());
    }
    let mut out = PathBuf::new();
    for part in name.split(['/', '\\']) {
        if part.is_empty() {
            return Err(refused());
        }
        let mut components = Path::new(part).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(p)), None) => out.push(p),
            _ => return Err(refused()),
        }
    }
    Ok(out)
}

/// The page's words for a file [`input::read`] refused.
fn refused(name: &str, e: Refused) -> Message {
    match e {
        e if e.is_not_found() => messages::app_not_found(name),
        Refused::Folder | Refused::NotOrdinary => messages::app_not_a_file(name),
        Refused::TooLarge { limit } => messages::app_too_large(name, limit >> 20),
        e => messages::cannot_read(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "x").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let folder = Folder::open(dir.path()).unwrap();
        assert!(folder.read("a.yaml", Kind::Spec).is_ok());
        assert!(folder.path("sub/new.yaml").is_ok());
        for bad in [
            "../a.yaml",
            "sub/../../a.yaml",
            "/etc/passwd",
            "C:\\Windows\\win.ini",
            "",
            "sub//a",
            ".",
            "..",
            "a\0b",
        ] {
            let e = folder.path(bad).unwrap_err();
            assert_eq!(e.code, "app_bad_name", "{bad:?}");
        }
        assert_eq!(
            folder.read("sub", Kind::Spec).unwrap_err().code,
            "app_not_a_file"
        );
        assert_eq!(
            folder.read("none.yaml", Kind::Spec).unwrap_err().code,
            "app_not_found"
        );
        let big = vec![b'x'; Kind::Spec.limit() as usize + 1];
        std::fs::write(dir.path().join("big.yaml"), big).unwrap();
        assert_eq!(
            folder.read("big.yaml", Kind::Spec).unwrap_err().code,
            "app_too_large"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_and_special_files_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.yaml"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.yaml"),
            dir.path().join("l.yaml"),
        )
        .unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.yaml")).unwrap();
        let folder = Folder::open(dir.path()).unwrap();
        for name in ["l.yaml", "out/secret.yaml", "out/new.yaml"] {
            assert_eq!(
                folder.path(name).unwrap_err().code,
                "app_outside_folder",
                "{name}"
            );
        }
        assert_eq!(
            folder.read("zero.yaml", Kind::Spec).unwrap_err().code,
            "app_outside_folder"
        );
        let fifo = dir.path().join("fifo.yaml");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a NUL-terminated path; mkfifo touches nothing else.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert_eq!(
            folder.read("fifo.yaml", Kind::Spec).unwrap_err().code,
            "app_not_a_file"
        );
    }
}
