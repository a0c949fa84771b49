//! The workbench's requests, each a thin call of the library functions the
//! commands use: `plans`, `fields`, `status`, `new` (`init`), `plan`,
//! `check` (`validate` and the HTML rendering, on the page's text in
//! memory), `save`, `render` ([`crate::Pipeline::write`], PDFs included),
//! `file` (a download), `import`, `rollover` and `diff`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::{Body, HttpBody};
use axum::http::{HeaderValue, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};

use crate::messages::Code;

use super::folder::{MAX_FILE, MAX_TEXT};
use super::{Answer, Query, Workbench, json, percent_encode, text, with_type};
use crate::diag::{Diagnostic, Severity};
use crate::input::Kind;
use crate::messages::{self, Message};
use crate::render::Format;
use crate::server;
use crate::spec::{Choice as _, Period};
use crate::template::Templates;
use crate::{Error, Pipeline, write};

/// Answer `/api/NAME`: its body, where it takes one, read here without a
/// thread (a slow upload holds none), then the work on a blocking thread.
/// GET and HEAD (`get`) read; any other method acts.
pub async fn call(bench: Arc<Workbench>, name: String, get: bool, q: Query, body: Body) -> Answer {
    // The requests that send a body, and the most each may send.
    let limit = match (get, name.as_str()) {
        (false, "new" | "check" | "save") => Some(MAX_TEXT),
        (false, "import") => Some(MAX_FILE),
        _ => None,
    };
    let body = match limit {
        Some(limit) => read_body(body, limit).await,
        None => Ok(Vec::new()),
    };
    server::blocking(move || answer(&bench, &name, get, &q, body)).await
}

fn answer(
    bench: &Arc<Workbench>,
    name: &str,
    get: bool,
    q: &Query,
    body: Result<Vec<u8>, Refusal>,
) -> Answer {
    let result = match (get, name) {
        (true, "plans") => plans(bench),
        (true, "fields") => Ok(fields()),
        (true, "status") => Ok(status()),
        (true, "plan") => plan(bench, q),
        (true, "file") => return file(bench, q),
        (false, "new") => body.and_then(|b| new_plan(bench, &b)),
        (false, "check") => body.and_then(|b| check(bench, q, &b)),
        (false, "save") => body.and_then(|b| save(bench, q, &b)),
        (false, "render") => render(bench, q),
        (false, "import") => body.and_then(|b| import(bench, q, &b)),
        (false, "rollover") => rollover(bench, q),
        (false, "diff") => diff(bench, q),
        (false, "batch") => start_batch(bench, q),
        (true, "batch") => Ok(batch_state(bench)),
        _ => return text(404, messages::preview_not_found().to_string()),
    };
    match result {
        Ok(value) => json(200, &value),
        Err(refusal) => json(
            refusal.status,
            &json!({ "code": refusal.message.code, "message": refusal.message.text }),
        ),
    }
}

/// A request the workbench cannot do, and why.
struct Refusal {
    status: u16,
    message: Message,
}

impl From<Message> for Refusal {
    fn from(message: Message) -> Self {
        let status = match message.code {
            Code::app_not_found => 404,
            Code::app_changed_on_disk | Code::app_exists | Code::app_batch_running => 409,
            Code::app_too_large => 413,
            _ => 400,
        };
        Refusal { status, message }
    }
}

type Outcome = Result<Value, Refusal>;

fn bad(what: &str) -> Refusal {
    messages::app_bad_request(what).into()
}

/// The request's body, at most `limit` bytes: refused at once when its
/// length says it is larger, else as soon as it grows larger.
async fn read_body(mut body: Body, limit: u64) -> Result<Vec<u8>, Refusal> {
    let too_large = || Refusal::from(messages::app_too_large(messages::app_upload(), limit >> 20));
    if body.size_hint().lower() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| bad("body"))?;
        if let Some(data) = frame.data_ref() {
            if (bytes.len() + data.len()) as u64 > limit {
                return Err(too_large());
            }
            bytes.extend_from_slice(data);
        }
    }
    Ok(bytes)
}

fn utf8(bytes: Vec<u8>) -> Result<String, Refusal> {
    String::from_utf8(bytes).map_err(|_| messages::not_utf8().into())
}

fn param(q: &Query, key: &str) -> Result<String, Refusal> {
    q.get(key).filter(|v| !v.is_empty()).ok_or_else(|| bad(key))
}

/// A version of a file's bytes: what `save` compares to see whether the
/// file changed on disk since the page read it.
fn version(bytes: &[u8]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    format!("{:016x}-{}", h.finish(), bytes.len())
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The plans of the folder, newest first, with school and year read from
/// each; district files are marked as such.
fn plans(bench: &Workbench) -> Outcome {
    let mut found = Vec::new();
    let entries =
        std::fs::read_dir(bench.folder.root()).map_err(|e| messages::cannot_read(&e.into()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_yaml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
        let Some(name) = bench.folder.name_of(&path).filter(|_| is_yaml) else {
            continue;
        };
        let Ok((_, bytes)) = bench.folder.read(&name, Kind::Spec) else {
            continue;
        };
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_secs());
        let yaml: serde_yaml::Value = crate::text::decode(&bytes)
            .ok()
            .and_then(|t| serde_yaml::from_str(&t.text).ok())
            .unwrap_or(serde_yaml::Value::Null);
        let field = |names: &[&str]| {
            names.iter().find_map(|n| match yaml.get(n) {
                Some(serde_yaml::Value::String(s)) => Some(s.clone()),
                Some(serde_yaml::Value::Number(n)) => Some(n.to_string()),
                _ => None,
            })
        };
        let district = is_district_yaml(&yaml);
        found.push(json!({
            "name": name,
            "school": field(&["school", "学校", "学校名称"]),
            "year": field(&["year", "年度", "年份"]),
            "district": district,
            "modified": modified,
        }));
    }
    found.sort_by(|a, b| b["modified"].as_u64().cmp(&a["modified"].as_u64()));
    Ok(json!({ "folder": bench.folder.root().display().to_string(), "plans": found }))
}

/// The keys of a plan, for completion: English, Chinese and what each means.
fn fields() -> Value {
    let mut seen = std::collections::BTreeSet::new();
    let list: Vec<Value> = crate::spec::fields::all()
        .filter(|(_, f)| seen.insert(f.name))
        .map(|(_, f)| {
            json!({
                "key": f.name,
                "zh": f.chinese.first().copied().unwrap_or(f.name),
                "help": f.description,
            })
        })
        .collect();
    Value::Array(list)
}

/// Whether a PDF can be made here, and if not, what to install.
fn status() -> Value {
    let pdf = crate::pdf::find_soffice().is_some();
    json!({
        "pdf": pdf,
        "pdf_help": if pdf { String::new() } else { messages::pdf_no_libreoffice().text },
    })
}

/// `新建计划`: the example `init` writes, with Chinese keys, for the
/// school, year and period asked; never over an existing file.
fn new_plan(bench: &Workbench, body: &[u8]) -> Outcome {
    let asked: Value = serde_json::from_slice(body).map_err(|_| bad("JSON"))?;
    let school = asked["school"].as_str().unwrap_or("").trim().to_string();
    let year = asked["year"]
        .as_i64()
        .or_else(|| asked["year"].as_str().and_then(|y| y.trim().parse().ok()))
        .ok_or_else(|| bad("年度"))?;
    let period = asked["period"]
        .as_str()
        .and_then(Period::from_name)
        .unwrap_or(Period::Year);
    if school.is_empty() {
        return Err(bad("学校"));
    }
    let file = format!("{school}{year}{}.yaml", period_suffix(period));
    let path = bench.folder.path(&file)?;
    let text = crate::init::example(&path, true, Some(&school), i32::try_from(year).ok())
        .and_then(|t| crate::init::with_period(&path, &t, period))
        .map_err(first_message)?;
    match write::write_new(&path, text.as_bytes()) {
        Ok(()) => {}
        Err(Error::Write { problem, .. }) if problem.code == "file_exists" => {
            return Err(messages::app_exists(&file).into());
        }
        Err(e) => return Err(first_message(e).into()),
    }
    let schema = path.with_file_name(crate::schema::LOCAL_NAME);
    if !schema.exists() {
        let _ = write::write_new(&schema, crate::schema::text_form().as_bytes());
    }
    Ok(json!({ "name": file }))
}

fn period_suffix(period: Period) -> &'static str {
    match period {
        Period::Year => "",
        Period::Spring => "上半年",
        Period::Autumn => "下半年",
        Period::SchoolYear => "学年",
    }
}

fn first_message(e: Error) -> Message {
    let d = &e.problems()[0];
    Message {
        code: d.code,
        text: d.message.clone(),
    }
}

fn plan(bench: &Workbench, q: &Query) -> Outcome {
    let name = param(q, "name")?;
    let (path, bytes) = bench.folder.read(&name, Kind::Spec)?;
    let source = crate::load::Source::from_bytes(&path, &bytes)
        .map_err(|d| first_message(Error::Invalid(d)))?;
    Ok(json!({ "name": name, "text": source.text, "version": version(&bytes) }))
}

/// The page's text checked as `validate` checks it, and rendered as the
/// HTML page when it is valid.
fn check(bench: &Workbench, q: &Query, body: &[u8]) -> Outcome {
    let name = param(q, "name")?;
    let path = bench.folder.path(&name)?;
    let text = utf8(body.to_vec())?;
    let shown = |d: &Diagnostic| problem(bench, &path, d);
    match crate::parse_spec(&path, &text) {
        Ok(spec) => {
            let pipeline = Pipeline::new(Templates::builtin(), today());
            let html = pipeline
                .render(&spec, &[Format::Html])
                .map(|mut o| String::from_utf8_lossy(&o.remove(0).bytes).into_owned());
            let mut problems: Vec<Value> = spec.warnings.iter().map(shown).collect();
            let html = match html {
                Ok(h) => Some(h),
                Err(e) => {
                    problems.extend(e.problems().iter().map(shown));
                    None
                }
            };
            Ok(json!({ "problems": problems, "html": html }))
        }
        // A district file is no plan: said as such, not as a plan's
        // problems (looked at only here, off the path of a valid plan).
        Err(_) if is_district(&text) => {
            Ok(json!({ "problems": [], "html": null, "district": true }))
        }
        Err(e) => Ok(json!({
            "problems": e.problems().iter().map(shown).collect::<Vec<_>>(),
            "html": null,
        })),
    }
}

/// One problem for the page: where it is (in this plan, or in a file it
/// extends) and what `validate` says of it.
fn problem(bench: &Workbench, path: &Path, d: &Diagnostic) -> Value {
    let here = d.file == path || d.file.as_os_str().is_empty();
    let mut shown = d.clone();
    if let Some(name) = bench.folder.name_of(&d.file) {
        shown.file = PathBuf::from(name);
    }
    json!({
        "severity": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "info",
        },
        "code": d.code,
        "here": here,
        "line": if here { d.line } else { None },
        "column": if here { d.column } else { None },
        "field": d.field,
        "message": d.message,
        "help": d.help,
        "text": shown.render(false),
    })
}

/// `保存`: atomically, and only over the version the page read, unless
/// the user chose to replace what changed on disk.
fn save(bench: &Workbench, q: &Query, body: &[u8]) -> Outcome {
    let name = param(q, "name")?;
    let path = bench.folder.path(&name)?;
    let force = q.get("force").as_deref() == Some("1");
    if !force {
        let on_disk = match bench.folder.read(&name, Kind::Spec) {
            Ok((_, bytes)) => Some(version(&bytes)),
            Err(m) if m.code == Code::app_not_found => None,
            Err(m) => return Err(m.into()),
        };
        if on_disk != q.get("base").filter(|b| !b.is_empty()) {
            return Err(messages::app_changed_on_disk(&name).into());
        }
    }
    let text = utf8(body.to_vec())?;
    write::write_atomic(&path, text.as_bytes()).map_err(first_message)?;
    Ok(json!({ "version": version(text.as_bytes()) }))
}

/// `生成 Word`, `生成 PDF`, `生成网页`: the saved plan's files, into the
/// `out` folder beside it, as `render` writes them.
fn render(bench: &Workbench, q: &Query) -> Outcome {
    let name = param(q, "name")?;
    let format = match q.get("format").as_deref() {
        Some("docx") => Format::Docx,
        Some("pdf") => Format::Pdf,
        Some("html") => Format::Html,
        Some("md") => Format::Markdown,
        _ => return Err(bad("format")),
    };
    let path = bench.folder.file(&name, Kind::Spec)?;
    let out_dir = path.parent().unwrap_or(bench.folder.root()).join("out");
    let pdfs = if format == Format::Pdf {
        Some(crate::pdf::Pdfs::new().map_err(first_message)?)
    } else {
        None
    };
    let spec = crate::load_spec(&path);
    let (spec, warnings) = match spec {
        Ok(s) => {
            let w: Vec<Value> = s
                .warnings
                .iter()
                .map(|d| problem(bench, &path, d))
                .collect();
            (s, w)
        }
        Err(e) => {
            return Ok(json!({
                "files": [],
                "problems": e.problems().iter().map(|d| problem(bench, &path, d)).collect::<Vec<_>>(),
            }));
        }
    };
    let pipeline = Pipeline::new(Templates::builtin(), today());
    let mut written = pipeline
        .write(&spec, &path, &out_dir, &[format], pdfs.as_ref())
        .map_err(first_message)?;
    if let Some(pdfs) = pdfs {
        written.extend(
            pdfs.convert(write::Durability::Durable)
                .map_err(first_message)?,
        );
    }
    let mut files = Vec::new();
    let mut problems = warnings;
    for (file, result) in written {
        match result {
            Ok(()) => {
                let name = bench.folder.name_of(&file).unwrap_or_default();
                files.push(json!({ "name": name, "path": file.display().to_string() }));
            }
            Err(e) => problems.extend(e.problems().iter().map(|d| problem(bench, &path, d))),
        }
    }
    Ok(json!({ "files": files, "problems": problems }))
}

/// A file of the folder: a download, or (`inline`) shown in the browser,
/// as a batch's index.html and its links are. Shown pages run no script.
pub fn file(bench: &Workbench, q: &Query) -> Answer {
    let refused = |m: Message| {
        json(
            Refusal::from(m.clone()).status,
            &json!({"code": m.code, "message": m.text}),
        )
    };
    let Some(name) = q.get("name") else {
        return refused(messages::app_bad_request("name"));
    };
    let (path, bytes) = match bench.folder.read(&name, Kind::Import) {
        Ok(f) => f,
        Err(m) => return refused(m),
    };
    let kind = match path.extension().and_then(|e| e.to_str()) {
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("pdf") => "application/pdf",
        Some("html") => "text/html; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        Some("yaml" | "yml") => "text/yaml; charset=utf-8",
        _ => "application/octet-stream",
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let inline = q.get("inline").is_some() && kind.starts_with("text/html");
    let disposition = format!(
        "{}; filename*=UTF-8''{}",
        if inline { "inline" } else { "attachment" },
        percent_encode(&file_name)
    );
    let mut response = with_type(200, bytes, kind);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&disposition).expect("a percent-encoded name is ASCII"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "sandbox allow-downloads allow-popups; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:",
        ),
    );
    response
}

/// `从 Word 文件导入`: the uploaded file, saved beside the plans, imported
/// as `import` does into a new spec (the page's choice of plan where the
/// file holds several), and the places marked `# 请核对`.
fn import(bench: &Workbench, q: &Query, body: &[u8]) -> Outcome {
    let upload = param(q, "filename")?;
    let upload = Path::new(&upload)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| bad("filename"))?;
    // Kept beside the plans under its own name; the same name with other
    // bytes (this year's file of that name) gets a name of its own.
    let (stem, ext) = match upload.rsplit_once('.') {
        Some((stem, ext)) => (stem.to_string(), format!(".{ext}")),
        None => (upload.clone(), String::new()),
    };
    let mut source = bench.folder.path(&upload)?;
    if source.exists() && std::fs::read(&source).ok().as_deref() != Some(body) {
        source = bench.folder.path(&free_name(bench, &stem, &ext)?)?;
    }
    if !source.exists() {
        write::write_new(&source, body).map_err(first_message)?;
    }
    let pick = q.get("pick").and_then(|p| p.parse().ok());
    let options = crate::import::Options {
        pick,
        zh: true,
        today: today(),
    };
    let plans = crate::import::list(&source).map_err(first_message)?;
    let imported = crate::import::import(&source, &options).map_err(first_message)?;
    let file = free_name(bench, &format!("{stem}-导入"), ".yaml")?;
    let path = bench.folder.path(&file)?;
    write::write_new(&path, imported.yaml.as_bytes()).map_err(first_message)?;
    let review: Vec<Value> = imported
        .yaml
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("请核对"))
        .map(|(i, l)| json!({ "line": i + 1, "text": l.trim() }))
        .collect();
    let choices: Vec<Value> = plans
        .iter()
        .map(|p| json!({ "title": p.title, "measures": p.measures, "months": p.months }))
        .collect();
    Ok(json!({
        "name": file,
        "review": review,
        "plans": choices,
        "picked": imported.report.picked,
    }))
}

/// `明年的计划`: `rollover` into a new file, and what to review.
fn rollover(bench: &Workbench, q: &Query) -> Outcome {
    let name = param(q, "name")?;
    let year: i32 = param(q, "year")?.parse().map_err(|_| bad("year"))?;
    let (path, bytes) = bench.folder.read(&name, Kind::Spec)?;
    let source = crate::load::Source::from_bytes(&path, &bytes)
        .map_err(|d| first_message(Error::Invalid(d)))?;
    let r = crate::rollover::rollover(&source, year).map_err(first_message)?;
    let target = crate::rollover::default_output(&path, r.old_year, r.new_year);
    let target_name = bench
        .folder
        .name_of(&target)
        .ok_or_else(|| messages::app_outside_folder(target.display()))?;
    match write::write_new(&target, r.text.as_bytes()) {
        Ok(()) => {}
        Err(Error::Write { problem, .. }) if problem.code == "file_exists" => {
            return Err(messages::app_exists(&target_name).into());
        }
        Err(e) => return Err(first_message(e).into()),
    }
    Ok(json!({ "name": target_name, "report": crate::rollover::report_lines(&r) }))
}

/// `和去年比较`: the plans' differences section by section, and the new
/// plan as Word's tracked changes in the `out` folder.
fn diff(bench: &Workbench, q: &Query) -> Outcome {
    let old_name = param(q, "old")?;
    let new_name = param(q, "new")?;
    let old_path = bench.folder.file(&old_name, Kind::Spec)?;
    let new_path = bench.folder.file(&new_name, Kind::Spec)?;
    let load = |p: &Path| crate::load_spec(p).map_err(first_message);
    let (old, new) = (load(&old_path)?, load(&new_path)?);
    let report = crate::diff::report_lines(&old, &new);
    let pipeline = Pipeline::new(Templates::builtin(), today());
    let docx = pipeline
        .tracked_changes(&old, &new)
        .map_err(first_message)?;
    let stem = new_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let out = new_path
        .parent()
        .unwrap_or(bench.folder.root())
        .join("out")
        .join(format!("{stem}-修订.docx"));
    write::write_atomic(&out, &docx).map_err(first_message)?;
    Ok(json!({
        "text": report,
        "docx": bench.folder.name_of(&out),
    }))
}

/// `stem.ext`, or `stem-2.ext`, … : the first name not taken.
fn free_name(bench: &Workbench, stem: &str, ext: &str) -> Result<String, Refusal> {
    for n in 1..1000 {
        let name = if n == 1 {
            format!("{stem}{ext}")
        } else {
            format!("{stem}-{n}{ext}")
        };
        if !bench.folder.path(&name)?.exists() {
            return Ok(name);
        }
    }
    Err(messages::app_exists(format!("{stem}{ext}")).into())
}

/// A district file (`batch`'s input) rather than a plan: it names the
/// shared plan (`base`), the schools or a roster, and no school of its own.
fn is_district_yaml(yaml: &serde_yaml::Value) -> bool {
    ["base", "schools", "roster", "共用计划", "学校列表", "名单"]
        .iter()
        .any(|k| yaml.get(k).is_some())
        && yaml.get("school").is_none()
        && yaml.get("学校").is_none()
}

fn is_district(text: &str) -> bool {
    serde_yaml::from_str::<serde_yaml::Value>(text).is_ok_and(|y| is_district_yaml(&y))
}

mod district;
pub use district::BatchState;
use district::{batch_state, start_batch};
