//! `write-floor FROM TO THREADS`: the file system's own time for a batch's
//! files, the floor `benches/batch.sh` measures the batch against.
//!
//! Every file under FROM (a batch's output) is read into memory first,
//! then written under TO as the batch writes its files: each folder made
//! once, each file created new (`O_CREAT|O_EXCL`) under a temporary name
//! in its folder, written, and renamed into place, with no flush (the
//! batch's `Durability::Fast`), by THREADS threads taking files in turn.
//! It prints the seconds the writing took: no rendering, no checking, only
//! what any program writing those files atomically must pay.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The files under `dir`, as paths relative to it, with their bytes.
fn read_all(dir: &Path, root: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) -> crate::Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            read_all(&path, root, out)?;
        } else {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            out.push((path.strip_prefix(root).unwrap().to_path_buf(), bytes));
        }
    }
    Ok(())
}

/// Write one file as the batch does: a new temporary file in its folder,
/// renamed over the name.
fn write_one(to: &Path, rel: &Path, bytes: &[u8], n: usize) -> std::io::Result<()> {
    let path = to.join(rel);
    let dir = path.parent().unwrap_or(to);
    let tmp = dir.join(format!(".floor-{n}.tmp"));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
    file.write_all(bytes)?;
    drop(file);
    std::fs::rename(&tmp, &path)
}

pub fn run(from: &Path, to: &Path, threads: usize) -> crate::Result<()> {
    let mut files = Vec::new();
    read_all(from, from, &mut files)?;
    let mut folders: Vec<PathBuf> = files
        .iter()
        .filter_map(|(rel, _)| rel.parent().map(Path::to_path_buf))
        .collect();
    folders.sort();
    folders.dedup();
    let threads = threads.max(1);
    let start = Instant::now();
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let result: crate::Result<()> = std::thread::scope(|s| {
        // Folders first, once each, shared out like the files.
        let made: Vec<_> = (0..threads)
            .map(|t| {
                let folders = &folders;
                s.spawn(move || -> std::io::Result<()> {
                    for dir in folders.iter().skip(t).step_by(threads) {
                        std::fs::create_dir_all(to.join(dir))?;
                    }
                    Ok(())
                })
            })
            .collect();
        for h in made {
            h.join().unwrap().map_err(|e| e.to_string())?;
        }
        let writers: Vec<_> = (0..threads)
            .map(|t| {
                let files = &files;
                s.spawn(move || -> std::io::Result<()> {
                    for (n, (rel, bytes)) in files.iter().enumerate().skip(t).step_by(threads) {
                        write_one(to, rel, bytes, n)?;
                    }
                    Ok(())
                })
            })
            .collect();
        for h in writers {
            h.join().unwrap().map_err(|e| e.to_string())?;
        }
        Ok(())
    });
    result?;
    println!("{:.3}", start.elapsed().as_secs_f64());
    Ok(())
}
