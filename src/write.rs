//! Stage 5 of the pipeline: put files on disk without ever leaving half of one.
//!
//! Each file is written to a temporary file in the same folder and then
//! renamed over the target. A rename within a folder is atomic, so a reader
//! (or a Word window) sees either the old complete file or the new complete
//! one, and a crash or a full disk leaves the old file as it was.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use crate::render::Format;
use crate::{Error, messages};

/// Where the output of `spec` in `format` goes: `<dir>/<spec's stem>.<ext>`.
pub fn output_path(dir: &Path, spec: &Path, format: Format) -> PathBuf {
    let stem = spec
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "plan".into());
    dir.join(format!("{stem}.{}", format.extension()))
}

/// The files a run reads: specs, the files they extend, district files,
/// rosters, the school's Word template, user templates. No output of the
/// run may be one of them: a `render -o .` next to a template named like the
/// spec, a `batch --flat -o .` beside its roster, or `diff --docx` onto the
/// spec a plan extends would replace the user's own file with a generated
/// one. Commands collect their inputs here and ask [`Inputs::check`] about
/// every output before they write anything.
#[derive(Debug, Default, Clone)]
pub struct Inputs(Vec<(String, PathBuf)>);

impl Inputs {
    /// No inputs yet.
    pub fn new() -> Inputs {
        Inputs::default()
    }

    /// Add a file read by the run.
    pub fn add(&mut self, path: &Path) {
        if let Some(key) = file_key(path) {
            if !self.0.iter().any(|(k, _)| *k == key) {
                self.0.push((key, path.to_path_buf()));
            }
        }
    }

    /// Add everything `spec` was made from: its file, the files it extends
    /// and the school's Word template it names.
    pub fn add_spec(&mut self, spec: &crate::spec::Spec) {
        for path in spec.files.iter().chain(&spec.style.reference_doc) {
            self.add(path);
        }
    }

    /// The input `output` would replace, if any.
    pub fn replaced_by(&self, output: &Path) -> Option<&Path> {
        let key = file_key(output)?;
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| p.as_path())
    }

    /// Refuse `outputs` if any is an input, naming both.
    pub fn check<'a>(&self, outputs: impl IntoIterator<Item = &'a Path>) -> Result<(), Error> {
        let problems: Vec<_> = outputs
            .into_iter()
            .filter_map(|out| {
                let input = self.replaced_by(out)?;
                Some(crate::diag::Diagnostic::general(messages::output_is_input(
                    out.display(),
                    input.display(),
                )))
            })
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(problems))
        }
    }
}

/// A file's name as the file system knows it: its real folder (links
/// followed) and its name, case folded, since Windows and macOS treat
/// `Plan.docx` and `plan.docx` as one file. An existing file that is a link
/// is known by its target.
pub fn file_key(path: &Path) -> Option<String> {
    let real = match path.canonicalize() {
        Ok(p) => p,
        Err(_) => {
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
            let dir = dir.unwrap_or(Path::new(".")).canonicalize().ok()?;
            dir.join(path.file_name()?)
        }
    };
    Some(real.to_string_lossy().to_lowercase())
}

/// The outputs two owners would both write: each `(owner, path)` of
/// `outputs` is compared with those before it as the file system names
/// files ([`file_key`], else the path case folded), and each pair of
/// owners that meet is given once, `(first, second, path)`. `render` (its
/// specs) and `batch` (its schools) refuse clashes by this one rule.
pub fn clashes(outputs: &[(usize, PathBuf)]) -> Vec<(usize, usize, PathBuf)> {
    let mut first_at: std::collections::HashMap<String, usize> = Default::default();
    let mut found: Vec<(usize, usize, PathBuf)> = Vec::new();
    for (owner, path) in outputs {
        let key = file_key(path).unwrap_or_else(|| path.to_string_lossy().to_lowercase());
        match first_at.get(&key) {
            Some(&first) if first != *owner => {
                if !found.iter().any(|&(a, b, _)| (a, b) == (first, *owner)) {
                    found.push((first, *owner, path.clone()));
                }
            }
            Some(_) => {}
            None => {
                first_at.insert(key, *owner);
            }
        }
    }
    found
}

/// Whether a file is flushed to the disk before it replaces the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Flushed (fsync) first: the file survives a power cut. For the files
    /// of one plan, where it costs nothing noticeable.
    Durable,
    /// Not flushed one by one: still atomic against an interrupted run, but
    /// after a power cut the last files written may be empty. For batches,
    /// where thousands of flushes would double the time; re-running the
    /// batch replaces any such file cleanly.
    Fast,
}

/// Write `bytes` to `path` atomically and durably, creating the folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_file(path, bytes, Durability::Durable)
}

/// Write `bytes` to `path` atomically, creating the folder if needed.
pub fn write_file(path: &Path, bytes: &[u8], durability: Durability) -> Result<(), Error> {
    write_with(path, bytes, durability, true)
}

/// Write `bytes` to a new file, refusing to replace one that exists. The
/// refusal is the rename's own (`persist_noclobber`), so a file that
/// appears between a check and the write is not replaced either.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_with(path, bytes, Durability::Durable, false)
}

/// Writes under way share this lock, each from creating its temporary
/// file until the file is in place or removed; [`stop_writing`] takes
/// it alone. An interrupted run (Ctrl+C, SIGTERM) then ends between
/// writes, leaving no `.unionplan-*.tmp` of megabytes behind: only
/// complete files, each either the old one or the new one.
///
/// Shared, not a list guarded by one mutex: a batch's threads create their
/// temporary files (`open(O_CREAT|O_EXCL)`, the slowest call of a write)
/// at the same time instead of one after another.
static WRITING: RwLock<()> = RwLock::new(());

/// Stop writing, for a handler of Ctrl+C and SIGTERM that then ends the
/// process: waits for the writes under way (each is one file:
/// milliseconds), removes the run's temporary folders, and returns a guard
/// under which no write starts. Hold it until the process ends. The
/// library never ends the process itself: its caller does.
pub fn stop_writing() -> StoppedWriting {
    let alone = WRITING.write().unwrap_or_else(|e| e.into_inner());
    for d in TEMPORARY_DIRS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
    {
        let _ = std::fs::remove_dir_all(d);
    }
    StoppedWriting(alone)
}

/// See [`stop_writing`]: while it lives, no file is written.
pub struct StoppedWriting(#[allow(dead_code)] std::sync::RwLockWriteGuard<'static, ()>);

/// Temporary folders of the run (the PDFs' work folder), removed by
/// [`stop_writing`] as well: `tempfile` removes them on drop, which an
/// interrupted process never reaches.
static TEMPORARY_DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A new temporary folder, removed when dropped or when the run is
/// interrupted.
pub fn temporary_dir(prefix: &str) -> std::io::Result<TemporaryDir> {
    let dir = tempfile::Builder::new().prefix(prefix).tempdir()?;
    TEMPORARY_DIRS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(dir.path().to_path_buf());
    Ok(TemporaryDir(dir))
}

/// See [`temporary_dir`].
pub struct TemporaryDir(tempfile::TempDir);

impl TemporaryDir {
    /// The folder's path.
    pub fn path(&self) -> &Path {
        self.0.path()
    }
}

impl Drop for TemporaryDir {
    fn drop(&mut self) {
        let mut dirs = TEMPORARY_DIRS.lock().unwrap_or_else(|e| e.into_inner());
        dirs.retain(|d| d != self.0.path());
    }
}

fn write_with(
    path: &Path,
    bytes: &[u8],
    durability: Durability,
    replace: bool,
) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| Error::io(messages::cannot_write(path.display(), &e), e);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".unionplan-").suffix(".tmp");
    // Temporary files are private (0600); the output is a normal document:
    // keep the mode of the file being replaced, or the usual 0666 less umask.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode());
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    use std::io::ErrorKind;
    let _writing = WRITING.read().unwrap_or_else(|e| e.into_inner());
    // The folder is made when the first file of it finds none (a batch
    // writes three or four files to each school's folder), not looked for
    // before every file.
    let tmp = match builder.tempfile_in(dir) {
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::io(messages::cannot_create_dir(dir.display(), &e), e))?;
            builder.tempfile_in(dir)
        }
        made => made,
    }
    .map_err(fail)?;
    // On any failure below the temporary file is removed as it drops,
    // still under the shared lock.
    finish(tmp, path, bytes, durability, replace)
}

/// Fill the temporary file and put it in place.
fn finish(
    mut tmp: tempfile::NamedTempFile,
    path: &Path,
    bytes: &[u8],
    durability: Durability,
    replace: bool,
) -> Result<(), Error> {
    let fail = |e: std::io::Error| Error::io(messages::cannot_write(path.display(), &e), e);
    tmp.write_all(bytes).map_err(fail)?;
    if durability == Durability::Durable {
        tmp.as_file().sync_all().map_err(fail)?;
    }
    if replace {
        tmp.persist(path).map_err(|e| {
            if open_elsewhere(&e.error, path) {
                Error::io(messages::file_open_elsewhere(path.display()), e.error)
            } else {
                fail(e.error)
            }
        })?;
    } else {
        tmp.persist_noclobber(path)
            .map_err(|e| match e.error.kind() {
                std::io::ErrorKind::AlreadyExists => {
                    Error::write(messages::file_exists(path.display()))
                }
                _ => fail(e.error),
            })?;
    }
    Ok(())
}

/// Whether replacing `path` failed because another program holds it open,
/// as Word and WPS hold the document they show: Windows then refuses with
/// a sharing or lock violation, or (for a rename over it) with "access
/// denied", which for a writable file means the same.
fn open_elsewhere(err: &std::io::Error, path: &Path) -> bool {
    const ERROR_ACCESS_DENIED: i32 = 5;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    if !cfg!(windows) {
        return false;
    }
    match err.raw_os_error() {
        Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION) => true,
        Some(ERROR_ACCESS_DENIED) => {
            std::fs::metadata(path).is_ok_and(|m| m.is_file() && !m.permissions().readonly())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_files_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("a.md");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
        assert!(write_new(&path, b"x").is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn outputs_are_readable_by_others_like_any_document() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.docx");
        write_atomic(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o044, 0o044, "group and others can read: {mode:o}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"y").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "a replaced file keeps its mode");
    }
}
