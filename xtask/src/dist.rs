//! `cargo xtask dist`: the package a teacher downloads for Windows.
//!
//! `target/dist/unionplan-<version>-windows-x86_64.zip` holds one folder of
//! that name with:
//!
//! - `unionplan.exe`, cross-built with Debian's mingw-w64 (no Rust needed
//!   to run it; Windows 10 or 11, 64-bit);
//! - `使用说明.html`, the guide `docs/使用说明.md` as a page that opens in a
//!   browser, with its pictures in `使用说明图片/` ([`crate::guide`]);
//! - `示例计划.yaml`, the example plan with Chinese keys, and
//!   `unionplan.schema.json` beside it for editors;
//! - `区县示例/`, the district example with its roster as an Excel file;
//! - `许可证.txt` (the project's licence), `第三方许可证.txt` (every crate
//!   built into the exe, with its licence texts) and `版本.txt`.
//!
//! Rebuilt in the same checkout, the same commit gives the same zip, byte
//! for byte: every entry carries the commit's time, in a fixed order with
//! fixed permissions; the linker writes no time stamp into the exe; and no
//! path of this checkout is in it (the crate sources' are remapped). A
//! clone in another folder still links the same imports in another order
//! (the README says more).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::{Result, cargo, exec, guide, output, root};

/// The Windows target: the GNU ABI, linked by mingw-w64 on Linux.
pub const TARGET: &str = "x86_64-pc-windows-gnu";

/// Build the exe and write the zip; returns the zip's path.
pub fn run() -> Result<PathBuf> {
    let root = root();
    let meta = Metadata::read(&root)?;
    build_exe(&root)?;
    let exe = meta
        .target_dir
        .join(TARGET)
        .join("release")
        .join("unionplan.exe");
    let commit = Commit::of(&root);
    let folder = format!("unionplan-{}-windows-x86_64", meta.version);
    let files = contents(&root, &meta, &commit, &exe)?;
    let bytes = zip(&folder, &files, &commit)?;
    let dir = meta.target_dir.join("dist");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let path = dir.join(format!("{folder}.zip"));
    // Written beside, then renamed: a half-written zip never has the name.
    let partial = path.with_extension("zip.partial");
    std::fs::write(&partial, &bytes)
        .and_then(|()| std::fs::rename(&partial, &path))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    eprintln!(
        "dist: {} ({:.1} MB)",
        path.display(),
        bytes.len() as f64 / 1_048_576.0
    );
    Ok(path)
}

/// `cargo build --release` of the exe for Windows, reproducibly.
fn build_exe(root: &Path) -> Result<()> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    // Cargo names the workspace's own sources by relative paths already;
    // those of crates.io crates are remapped. This checkout's folder must
    // not appear in the flags: Cargo hashes them into every crate's
    // identity, so a clone elsewhere would build another exe.
    let mut flags = vec![
        // GNU ld writes the link time into the PE header unless told not to.
        "-Clink-arg=-Wl,--no-insert-timestamp".to_string(),
    ];
    if let Some(home) = cargo_home {
        flags.push(format!("--remap-path-prefix={}=cargo", home.display()));
    }
    eprintln!("dist: building unionplan.exe for {TARGET}");
    exec(
        cargo()
            .current_dir(root)
            .args(["build", "--release", "--locked", "--bin", "unionplan"])
            .args(["--package", "unionplan", "--target", TARGET])
            // For this target only: the Linux build keeps its own flags, so
            // `cargo build` and `cargo test` are not rebuilt by a dist.
            .env(
                "CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS",
                flags.join(" "),
            )
            // No symbols: 14 MB becomes about half, and a teacher never
            // debugs the exe.
            .env("CARGO_PROFILE_RELEASE_STRIP", "symbols"),
    )
}

/// The files of the package, in the order they are zipped: each a path
/// inside the package's folder and its bytes.
fn contents(
    root: &Path,
    meta: &Metadata,
    commit: &Commit,
    exe: &Path,
) -> Result<Vec<(String, Vec<u8>)>> {
    let read = |rel: &str| -> Result<Vec<u8>> {
        std::fs::read(root.join(rel)).map_err(|e| format!("cannot read {rel}: {e}"))
    };
    let text = |rel: &str| -> Result<String> {
        String::from_utf8(read(rel)?).map_err(|e| format!("{rel} is not UTF-8: {e}"))
    };
    let mut files = vec![(
        "unionplan.exe".to_string(),
        std::fs::read(exe).map_err(|e| format!("cannot read {}: {e}", exe.display()))?,
    )];

    let guide_md = text("docs/使用说明.md")?;
    let page = guide::page(&guide_md);
    files.push(("使用说明.html".into(), page.html.into_bytes()));
    for picture in page.pictures {
        if picture.split(['/', '\\']).any(|part| part == "..") {
            return Err(format!(
                "the guide shows {picture}: keep its pictures in docs/"
            ));
        }
        let bytes = read(&format!("docs/{picture}"))?;
        files.push((format!("{}/{picture}", guide::PICTURES), bytes));
    }

    let example = edit(
        &text("specs/qingxi-2025-zh.yaml")?,
        "specs/qingxi-2025-zh.yaml",
        &[
            (
                "$schema=../schema/unionplan.schema.json",
                "$schema=unionplan.schema.json",
            ),
            (
                "unionplan render qingxi-2025-zh.yaml",
                "unionplan render 示例计划.yaml",
            ),
            ("见 README 的“计划文件怎么写”", "见使用说明.html"),
            (
                "（见 qingxi-2026.yaml）",
                "（见使用说明.html 的“五、明年的计划”）",
            ),
        ],
    )?;
    files.push(("示例计划.yaml".into(), example.into_bytes()));
    files.push((
        "unionplan.schema.json".into(),
        read("schema/unionplan.schema.json")?,
    ));

    let district = edit(
        &text("specs/district/district.yaml")?,
        "specs/district/district.yaml",
        &[
            (
                "unionplan batch specs/district/district.yaml -o plans",
                "unionplan batch 区县示例\\district.yaml -o 各校计划",
            ),
            ("roster: schools.csv", "roster: 各校名单.xlsx"),
        ],
    )?;
    files.push(("区县示例/district.yaml".into(), district.into_bytes()));
    let common = edit(
        &text("specs/district/common.yaml")?,
        "specs/district/common.yaml",
        &[(
            "district.yaml 或 schools.csv",
            "district.yaml 或 各校名单.xlsx",
        )],
    )?;
    files.push(("区县示例/common.yaml".into(), common.into_bytes()));
    files.push((
        "区县示例/schools/dahu-middle.yaml".into(),
        read("specs/district/schools/dahu-middle.yaml")?,
    ));
    files.push((
        "区县示例/各校名单.xlsx".into(),
        roster_xlsx(&text("specs/district/schools.csv")?, commit)?,
    ));

    let licence = format!(
        "unionplan 可以按 MIT 许可证或 Apache 2.0 许可证（任选其一）使用、复制、修改和分发。\n\
         两份许可证的原文如下。unionplan.exe 里还包含其他开源软件，它们的许可证见“第三方许可证.txt”。\n\
         \n\
         unionplan is licensed under either of the MIT licence or the Apache License 2.0, at your option.\n\
         \n\
         ==================== MIT ====================\n\n{}\n\
         ==================== Apache-2.0 ====================\n\n{}",
        text("LICENSE-MIT")?,
        text("LICENSE-APACHE")?
    );
    files.push(("许可证.txt".into(), windows_text(&licence)));
    files.push((
        "第三方许可证.txt".into(),
        windows_text(&meta.third_party_licences()?),
    ));
    let version = format!(
        "unionplan {}\n源代码：提交 {}（{}）\n适用于 64 位的 Windows 10 和 Windows 11。\n",
        meta.version, commit.id, commit.date
    );
    files.push(("版本.txt".into(), windows_text(&version)));
    Ok(files)
}

/// `text` with each `(from, to)` replaced; fails when a `from` is no longer
/// there, so an edit of the source cannot silently leave a stale line.
fn edit(text: &str, name: &str, edits: &[(&str, &str)]) -> Result<String> {
    let mut out = text.to_string();
    for (from, to) in edits {
        if !out.contains(from) {
            return Err(format!(
                "{name} no longer contains {from:?}: update xtask/src/dist.rs"
            ));
        }
        out = out.replace(from, to);
    }
    Ok(out)
}

/// A text file for Notepad: CRLF line ends and a UTF-8 byte order mark,
/// which the Notepad of every Windows 10 reads as UTF-8 (without it, older
/// ones take the file for GBK).
fn windows_text(text: &str) -> Vec<u8> {
    let mut out = "\u{feff}".to_string();
    out.push_str(&text.replace("\r\n", "\n").replace('\n', "\r\n"));
    out.into_bytes()
}

/// The district roster, `specs/district/schools.csv`, as an Excel
/// workbook: Chinese column titles, as a district office types them, and
/// the dates as real date cells.
fn roster_xlsx(csv: &str, commit: &Commit) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| format!("the roster workbook: {e}");
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header = lines.next().ok_or("schools.csv is empty")?;
    let titles: Vec<&str> = header
        .split(',')
        .map(|h| match h {
            "school" => Ok("学校"),
            "signature.org" => Ok("落款单位"),
            "signature.date" => Ok("落款日期"),
            other => Err(format!("schools.csv: no Chinese title for column {other}")),
        })
        .collect::<Result<_>>()?;
    let mut book = Workbook::new();
    let created = ExcelDateTime::parse_from_str(&commit.date).map_err(fail)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let sheet = book.add_worksheet();
    sheet.set_name("各校名单").map_err(fail)?;
    for (col, title) in titles.iter().enumerate() {
        sheet
            .write_string_with_format(0, col as u16, *title, &bold)
            .map_err(fail)?;
        sheet.set_column_width(col as u16, 24).map_err(fail)?;
    }
    for (row, line) in lines.enumerate() {
        let row = row as u32 + 1;
        for (col, cell) in line.split(',').enumerate() {
            let cell = cell.trim_matches('"');
            let col = col as u16;
            if cell.is_empty() {
                continue;
            }
            if titles[col as usize] == "落款日期" {
                let date = ExcelDateTime::parse_from_str(cell).map_err(fail)?;
                sheet
                    .write_datetime_with_format(row, col, &date, &date_format)
                    .map_err(fail)?;
            } else {
                sheet.write_string(row, col, cell).map_err(fail)?;
            }
        }
    }
    book.save_to_buffer().map_err(fail)
}

/// Zip `files` under `folder/`: deflated, each entry with the commit's
/// time and fixed permissions, names in UTF-8 (flagged as such, which
/// Explorer reads).
fn zip(folder: &str, files: &[(String, Vec<u8>)], commit: &Commit) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let fail = |e: zip::result::ZipError| format!("the zip: {e}");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(commit.zip_time()?);
    let mut folders = BTreeSet::new();
    for (name, bytes) in files {
        // Each folder once, before its first file, as Explorer writes them.
        let mut dir = String::new();
        for part in name
            .split('/')
            .rev()
            .skip(1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            dir.push_str(part);
            dir.push('/');
            if folders.insert(dir.clone()) {
                zip.add_directory(format!("{folder}/{dir}"), options.unix_permissions(0o755))
                    .map_err(fail)?;
            }
        }
        let mode = if name.ends_with(".exe") { 0o755 } else { 0o644 };
        zip.start_file(format!("{folder}/{name}"), options.unix_permissions(mode))
            .map_err(fail)?;
        zip.write_all(bytes).map_err(|e| format!("the zip: {e}"))?;
    }
    Ok(zip.finish().map_err(fail)?.into_inner())
}

/// The commit the package is built from: its id and time, which every
/// entry of the zip carries.
struct Commit {
    id: String,
    /// `YYYY-MM-DD`, in UTC.
    date: String,
    /// `YYYY-MM-DD-hh-mm-ss`, in UTC.
    time: String,
}

impl Commit {
    /// HEAD's, or (outside a git checkout) a fixed one.
    fn of(root: &Path) -> Commit {
        let git = |args: &[&str]| {
            output(
                Command::new("git")
                    .current_dir(root)
                    .env("TZ", "UTC")
                    .args(["log", "-1"])
                    .args(args),
            )
            .map(|s| s.trim().to_string())
            .ok()
            .filter(|s| !s.is_empty())
        };
        let time = git(&["--format=%cd", "--date=format-local:%Y-%m-%d-%H-%M-%S"]);
        match (git(&["--format=%H"]), time) {
            (Some(id), Some(time)) => Commit {
                id,
                date: time[..10].to_string(),
                time,
            },
            _ => Commit {
                id: "(不在 git 仓库中)".into(),
                date: "2026-01-01".into(),
                time: "2026-01-01-00-00-00".into(),
            },
        }
    }

    fn zip_time(&self) -> Result<zip::DateTime> {
        let n: Vec<u16> = self
            .time
            .split('-')
            .map(|p| {
                p.parse()
                    .map_err(|e| format!("commit time {}: {e}", self.time))
            })
            .collect::<Result<_>>()?;
        let [year, month, day, hour, minute, second] = n[..] else {
            return Err(format!("commit time {}", self.time));
        };
        zip::DateTime::from_date_and_time(
            year,
            month as u8,
            day as u8,
            hour as u8,
            minute as u8,
            second as u8,
        )
        .map_err(|e| format!("commit time {}: {e}", self.time))
    }
}

/// What `cargo metadata` says of the workspace, for the Windows target.
struct Metadata {
    version: String,
    target_dir: PathBuf,
    json: Value,
}

impl Metadata {
    fn read(root: &Path) -> Result<Metadata> {
        let text = output(cargo().current_dir(root).args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            TARGET,
        ]))?;
        let json: Value =
            serde_json::from_str(&text).map_err(|e| format!("cargo metadata: {e}"))?;
        let package = json["packages"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["name"] == "unionplan"))
            .ok_or("cargo metadata names no unionplan package")?;
        let version = package["version"].as_str().unwrap_or_default().to_string();
        let target_dir = PathBuf::from(json["target_directory"].as_str().unwrap_or("target"));
        Ok(Metadata {
            version,
            target_dir,
            json,
        })
    }

    /// Every crate built into the exe (the normal dependencies of
    /// unionplan, followed to the end) with its licence and the licence
    /// files it ships; identical texts are given once, with the crates
    /// that share them.
    fn third_party_licences(&self) -> Result<String> {
        let packages: BTreeMap<&str, &Value> = self.json["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| Some((p["id"].as_str()?, p)))
            .collect();
        let nodes: BTreeMap<&str, &Value> = self.json["resolve"]["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| Some((n["id"].as_str()?, n)))
            .collect();
        let root_id = packages
            .iter()
            .find(|(_, p)| p["name"] == "unionplan")
            .map(|(id, _)| *id)
            .ok_or("no unionplan package")?;
        let mut seen = BTreeSet::new();
        let mut todo = vec![root_id];
        while let Some(id) = todo.pop() {
            let Some(node) = nodes.get(id) else { continue };
            for dep in node["deps"].as_array().into_iter().flatten() {
                let normal = dep["dep_kinds"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|k| k["kind"].is_null());
                if let Some(dep_id) = dep["pkg"].as_str().filter(|_| normal)
                    && seen.insert(dep_id)
                {
                    todo.push(dep_id);
                }
            }
        }
        // Each licence text, and the crates that ship it.
        let mut texts: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut crates = Vec::new();
        for id in &seen {
            let p = packages[id];
            let name = format!(
                "{} {}",
                p["name"].as_str().unwrap_or("?"),
                p["version"].as_str().unwrap_or("?")
            );
            let licence = p["license"].as_str().unwrap_or("（见许可证文件）");
            crates.push(format!("{name}  {licence}"));
            let dir = Path::new(p["manifest_path"].as_str().unwrap_or_default())
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            for text in licence_files(&dir) {
                texts.entry(text).or_default().push(name.clone());
            }
        }
        crates.sort();
        let mut out = format!(
            "unionplan.exe 里包含下列 {} 个开源软件包（名称、版本、许可证）。\n\
             它们各自附带的许可证原文在后面，相同的原文只列一次。\n\
             The exe contains these crates; their licence texts follow, each identical text once.\n\n",
            crates.len()
        );
        for c in &crates {
            out.push_str(c);
            out.push('\n');
        }
        for (text, names) in &texts {
            out.push_str("\n\n==================== ");
            out.push_str(&names.join(", "));
            out.push_str(" ====================\n\n");
            out.push_str(text.trim_end());
            out.push('\n');
        }
        Ok(out)
    }
}

/// The texts of a crate's licence files (`LICENSE*`, `LICENCE*`,
/// `COPYING*`, `NOTICE*`, `UNLICENSE`), in name order.
fn licence_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_uppercase())
                .unwrap_or_default();
            p.is_file()
                && ["LICENSE", "LICENCE", "COPYING", "NOTICE", "UNLICENSE"]
                    .iter()
                    .any(|k| name.starts_with(k))
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}
