//! PDF: the Word file, converted by LibreOffice.
//!
//! A PDF made any other way would be a second typesetter to keep in step
//! with the DOCX; LibreOffice's own export of the DOCX has the same pages,
//! the same text and its fonts embedded (as subsets), which is what a
//! school uploads. So `-f pdf` needs LibreOffice installed.
//!
//! [`Pdfs`] collects the DOCX files of a run (one plan, several, or a
//! whole district) in a temporary folder and converts them all with **one**
//! `soffice --headless --convert-to pdf` process: starting LibreOffice
//! costs seconds, converting a plan a fraction of one. LibreOffice runs
//! with a profile of its own, so a LibreOffice window the user has open is
//! neither used nor disturbed. Each PDF is then put in place atomically,
//! like every other file ([`crate::write`]).
//!
//! Where LibreOffice is: `UNIONPLAN_SOFFICE` if set (the program itself);
//! otherwise `soffice` or `libreoffice` on the `PATH`; otherwise where its
//! installers put it on Windows and macOS.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::write::{self, Durability};
use crate::{Error, messages};

/// The environment variable naming the LibreOffice program to use.
pub const SOFFICE_VAR: &str = "UNIONPLAN_SOFFICE";

/// The settings of the profile LibreOffice runs with: links from the
/// documents it converts are blocked ("Block any links from documents not
/// among the trusted locations", and no location is trusted), so that a
/// picture a DOCX links to, on the web or anywhere on the disk, is neither
/// fetched nor put into the PDF. The plans unionplan writes link to
/// nothing, but a school's template once brought such links along.
const SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"#;

/// The fontconfig set-up LibreOffice runs with on Linux: the system's own,
/// and for each Chinese font of a 公文 that is missing, the free font
/// closest to it: the serif Noto Serif CJK (Debian's fonts-noto-cjk) for
/// 仿宋, 宋体 and 方正小标宋, AR PL UKai (fonts-arphic-ukai) for 楷体, Noto
/// Sans CJK for 黑体. Without it LibreOffice sets every one of them in one
/// sans-serif, so the PDF's body looks like its 一级标题. `accept` lists the
/// stand-in after the font asked for: a real 仿宋, where installed, wins.
const FONTCONFIG: &str = r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>仿宋_GB2312</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>FangSong</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>宋体</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>SimSun</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>方正小标宋简体</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>方正小标宋_GBK</family><accept><family>Noto Serif CJK SC</family></accept></alias>
  <alias binding="same"><family>楷体</family><accept><family>AR PL UKai CN</family></accept></alias>
  <alias binding="same"><family>楷体_GB2312</family><accept><family>AR PL UKai CN</family></accept></alias>
  <alias binding="same"><family>KaiTi</family><accept><family>AR PL UKai CN</family></accept></alias>
  <alias binding="same"><family>黑体</family><accept><family>Noto Sans CJK SC</family></accept></alias>
  <alias binding="same"><family>SimHei</family><accept><family>Noto Sans CJK SC</family></accept></alias>
</fontconfig>
"#;

/// Each PDF of a run: where it goes, and whether it was written there.
pub type Made = Vec<(PathBuf, Result<(), Error>)>;

/// The DOCX files of a run waiting to become PDFs.
pub struct Pdfs {
    /// The LibreOffice program, found before anything is queued.
    soffice: PathBuf,
    dir: write::TemporaryDir,
    /// Each DOCX in `dir` and the PDF it becomes.
    jobs: Mutex<Vec<(PathBuf, PathBuf)>>,
}

impl Pdfs {
    /// Ready to take DOCX files, or why no PDF can be made: LibreOffice is
    /// looked for first, so a run without it says so before it starts.
    pub fn new() -> Result<Pdfs, Error> {
        let soffice = find_soffice().ok_or_else(|| match std::env::var_os(SOFFICE_VAR) {
            Some(named) => Error::render(messages::pdf_soffice_var_missing(
                SOFFICE_VAR,
                Path::new(&named).display(),
            )),
            None => Error::render(messages::pdf_no_libreoffice()),
        })?;
        let dir = write::temporary_dir("unionplan-pdf-").map_err(|e| {
            let shown = std::env::temp_dir().display().to_string();
            Error::io(messages::cannot_create_dir(shown, &e), e)
        })?;
        Ok(Pdfs {
            soffice,
            dir,
            jobs: Mutex::new(Vec::new()),
        })
    }

    /// Queue `docx` to become the PDF at `target`. Safe to call from many
    /// threads: each DOCX gets a numbered name of its own.
    pub fn add(&self, docx: &[u8], target: PathBuf) -> Result<(), Error> {
        let mut jobs = self.jobs.lock().unwrap_or_else(|e| e.into_inner());
        let path = self.dir.path().join(format!("{:06}.docx", jobs.len() + 1));
        std::fs::write(&path, docx)
            .map_err(|e| Error::io(messages::cannot_write(path.display(), &e), e))?;
        jobs.push((path, target));
        Ok(())
    }

    /// Convert every queued DOCX in one LibreOffice process and write each
    /// PDF to its place. The outer error is for the whole run (LibreOffice
    /// missing, or failing to start); otherwise each PDF written, or why not.
    pub fn convert(self, durability: Durability) -> Result<Made, Error> {
        let jobs = self.jobs.into_inner().unwrap_or_else(|e| e.into_inner());
        if jobs.is_empty() {
            return Ok(Vec::new());
        }
        let soffice = &self.soffice;
        let out_dir = self.dir.path().join("pdf");
        let profile = self.dir.path().join("profile");
        let mut command = Command::new(soffice);
        // Where 仿宋, 宋体 and 楷体 are missing (Linux), the free fonts that
        // look like them, rather than one sans-serif for everything.
        if cfg!(all(unix, not(target_os = "macos"))) {
            let conf = self.dir.path().join("fonts.conf");
            if std::fs::write(&conf, FONTCONFIG).is_ok() {
                command.env("FONTCONFIG_FILE", &conf);
            }
        }
        // The profile's settings, before LibreOffice makes the rest of it.
        let user = profile.join("user");
        if let Err(e) = std::fs::create_dir_all(&user)
            .and_then(|()| std::fs::write(user.join("registrymodifications.xcu"), SETTINGS))
        {
            return Err(Error::io(
                messages::cannot_create_dir(user.display(), &e),
                e,
            ));
        }
        command
            .arg(format!("-env:UserInstallation={}", file_url(&profile)))
            .args(["--headless", "--norestore", "--nologo", "--nolockcheck"])
            .args(["--convert-to", "pdf:writer_pdf_Export", "--outdir"])
            .arg(&out_dir)
            .args(jobs.iter().map(|(docx, _)| docx))
            // Nothing it prints is read: a pipe left unread would stop
            // it once full.
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // A process group of its own, so that stopping it stops what its
        // launcher started too.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command
            .spawn()
            .map_err(|e| Error::render(messages::pdf_libreoffice_failed(soffice.display(), &e)))?;
        let running = Running::new(child.id());
        // LibreOffice can hang on a broken installation: give it a minute
        // to start and some seconds a plan, then stop it.
        let limit = Duration::from_secs(60 + 10 * jobs.len() as u64);
        let started = Instant::now();
        loop {
            match child.try_wait() {
                Ok(Some(_)) => break,
                Ok(None) if started.elapsed() > limit => {
                    running.stop();
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(Error::render(messages::pdf_libreoffice_timeout(
                        limit.as_secs(),
                    )));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(50)),
                Err(e) => {
                    return Err(Error::render(messages::pdf_libreoffice_failed(
                        soffice.display(),
                        &e,
                    )));
                }
            }
        }
        // What the launcher left running (a LibreOffice that outlived it).
        running.stop();
        drop(running);
        Ok(jobs
            .into_iter()
            .map(|(docx, target)| {
                let made = out_dir
                    .join(docx.file_stem().unwrap_or_default())
                    .with_extension("pdf");
                let result = match crate::input::read(&made, crate::input::Kind::Pdf) {
                    Ok(bytes) if bytes.starts_with(b"%PDF") => {
                        write::write_file(&target, &bytes, durability)
                    }
                    _ => Err(Error::render(messages::pdf_not_made(target.display()))),
                };
                (target, result)
            })
            .collect())
    }
}

/// The LibreOffice process group converting now, for [`stop`].
static RUNNING: Mutex<Option<u32>> = Mutex::new(None);

/// The conversion under way: on [`RUNNING`] while it lives.
struct Running(u32);

impl Running {
    fn new(pid: u32) -> Running {
        *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = Some(pid);
        Running(pid)
    }

    fn stop(&self) {
        kill_group(self.0);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// Stop a conversion under way, with every process LibreOffice started:
/// for an interrupted run, before its temporary files are removed.
pub fn stop() {
    if let Some(pid) = *RUNNING.lock().unwrap_or_else(|e| e.into_inner()) {
        kill_group(pid);
    }
}

#[cfg(unix)]
fn kill_group(pid: u32) {
    let Ok(pid) = i32::try_from(pid) else { return };
    // SAFETY: kill(2) takes plain integers and touches no memory of ours;
    // a negative pid names the process group made for LibreOffice alone.
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }
}

/// Elsewhere the child itself is stopped (`Child::kill`), and Ctrl+C
/// reaches every program of the console.
#[cfg(not(unix))]
fn kill_group(_pid: u32) {}

/// The LibreOffice program, if there is one.
pub fn find_soffice() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os(SOFFICE_VAR) {
        let p = PathBuf::from(named);
        return p.is_file().then_some(p);
    }
    let names: &[&str] = if cfg!(windows) {
        &["soffice.exe", "soffice.com"]
    } else {
        &["soffice", "libreoffice"]
    };
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
            .find(|p| p.is_file())
    });
    on_path.or_else(|| installed().into_iter().find(|p| p.is_file()))
}

/// Where LibreOffice's installers put it on Windows: the folder its
/// installer registered under the registry's App Paths (for a LibreOffice
/// installed anywhere), then the Program Files folders as the system names
/// them (`C:\Program Files` on an English Windows, but not on every one).
#[cfg(windows)]
fn installed() -> Vec<PathBuf> {
    let mut places = registered_soffice();
    for var in ["ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"] {
        if let Some(dir) = std::env::var_os(var) {
            places.push(Path::new(&dir).join(r"LibreOffice\program\soffice.exe"));
        }
    }
    places
}

/// Where the installer of macOS puts it.
#[cfg(not(windows))]
fn installed() -> Vec<PathBuf> {
    if cfg!(target_os = "macos") {
        vec!["/Applications/LibreOffice.app/Contents/MacOS/soffice".into()]
    } else {
        Vec::new()
    }
}

/// `soffice.exe` as App Paths names it, for this user and for the machine.
#[cfg(windows)]
fn registered_soffice() -> Vec<PathBuf> {
    use std::os::windows::ffi::{OsStrExt, OsStringExt};
    use windows_sys::Win32::System::Registry::{
        HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, RRF_RT_REG_SZ, RegGetValueW,
    };
    let wide = |s: &str| -> Vec<u16> {
        std::ffi::OsStr::new(s)
            .encode_wide()
            .chain(std::iter::once(0))
            .collect()
    };
    let key = wide(r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe");
    let mut found = Vec::new();
    for root in [HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE] {
        let mut buf = vec![0u16; 1024];
        let mut bytes = (buf.len() * 2) as u32;
        // SAFETY: the key name is NUL-terminated; `buf` holds `bytes`
        // bytes, and RegGetValueW writes no more than that (it fails with
        // ERROR_MORE_DATA instead), NUL-terminated for RRF_RT_REG_SZ.
        let status = unsafe {
            RegGetValueW(
                root,
                key.as_ptr(),
                std::ptr::null(),
                RRF_RT_REG_SZ,
                std::ptr::null_mut(),
                buf.as_mut_ptr().cast(),
                &mut bytes,
            )
        };
        if status == 0 {
            let len = (bytes as usize / 2).min(buf.len());
            let value: Vec<u16> = buf[..len].iter().copied().take_while(|&c| c != 0).collect();
            // Some installers write the path in quotes.
            let value = std::ffi::OsString::from_wide(&value);
            let text = value.to_string_lossy();
            found.push(PathBuf::from(text.trim().trim_matches('"')));
        }
    }
    found
}

/// `path` as a `file://` URL, as LibreOffice's `-env:` wants it: bytes
/// other than letters, digits and `/-._~` percent-encoded.
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/计划 1/profile")),
            "file:///tmp/%E8%AE%A1%E5%88%92%201/profile"
        );
        assert_eq!(file_url(Path::new(r"C:\Temp\p")), "file:///C:/Temp/p");
    }
}
