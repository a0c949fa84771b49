//! `unionplan preview`: the HTML rendering, served on this computer and
//! re-rendered whenever the spec (or a file it extends, or a template)
//! changes; the page reloads itself.
//!
//! One thread watches the files by polling their modification times (four
//! times a second is plenty for a person editing); the server, the
//! workbench's (`src/server.rs`, which says why it is no longer written
//! by hand here), answers `GET /` with the page and `GET /version` with a
//! number that changes on every re-render. Only this computer's `Host`,
//! only GET and HEAD, and a request line with headers of at most 16 KiB
//! arriving within 5 s. A script added to the preview page only (never to
//! rendered files) asks for `/version` twice a second and reloads when it
//! changes. Errors in the spec are shown on the page, with their file,
//! line and column.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use axum::Router;
use axum::extract::{self, Request};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;

use crate::load::Loaded;
use crate::render::Format;
use crate::template::Templates;
use crate::{Error, Pipeline, messages, server, validate};

/// What the server hands out: the current page and its version.
#[derive(Default)]
struct State {
    version: u64,
    page: String,
}

/// The files whose change means a re-render, with their last modification.
type Stamp = Vec<(PathBuf, Option<SystemTime>)>;

/// Serve `spec` on 127.0.0.1:`port` (0: any free port) until the process
/// ends; `ready` receives the address once the server listens.
pub fn serve(
    spec: &Path,
    templates_dir: Option<&Path>,
    port: u16,
    ready: impl FnOnce(SocketAddr),
) -> std::io::Result<()> {
    let listener = server::bind(port)?;
    let addr = listener.local_addr()?;
    let state = Arc::new(Mutex::new(State::default()));
    let mut watched = render_into(&state, spec, templates_dir);

    let watcher_state = state.clone();
    let (spec, templates_dir) = (spec.to_path_buf(), templates_dir.map(Path::to_path_buf));
    let lang = crate::messages::lang();
    std::thread::spawn(move || {
        crate::messages::speaking(lang, || {
            loop {
                std::thread::sleep(Duration::from_millis(250));
                if stamp(&watched) != watched {
                    watched = render_into(&watcher_state, &spec, templates_dir.as_deref());
                }
            }
        })
    });

    let routes = Router::new()
        .route("/", get(page))
        .route("/index.html", get(page))
        .route("/version", get(version))
        .fallback(not_found)
        .layer(middleware::from_fn(local_get_only))
        .with_state(state);
    let limits = server::Limits {
        header_bytes: Some(MAX_REQUEST),
        keep_alive: false,
    };
    server::run(listener, routes, limits, || ready(addr))
}

/// Render the page, store it with a new version, and return what to watch.
fn render_into(state: &Mutex<State>, spec: &Path, templates_dir: Option<&Path>) -> Stamp {
    let mut files = vec![spec.to_path_buf()];
    let page = match render_page(spec, templates_dir, &mut files) {
        Ok((html, warnings)) => with_warnings(&html, &warnings),
        Err(e) => error_page(spec, &e, templates_dir),
    };
    if let Some(dir) = templates_dir {
        files.extend(crate::template::ALL.iter().map(|t| dir.join(t)));
    }
    let mut s = state.lock().expect("the preview state is never poisoned");
    s.version += 1;
    s.page = with_reload_script(&page, s.version);
    stamp(&files.into_iter().map(|p| (p, None)).collect::<Vec<_>>())
}

fn render_page(
    spec: &Path,
    templates_dir: Option<&Path>,
    files: &mut Vec<PathBuf>,
) -> Result<(String, Vec<crate::diag::Diagnostic>), Error> {
    let templates = match templates_dir {
        Some(dir) => Templates::with_overrides(dir)?,
        None => Templates::builtin(),
    };
    let loaded = Loaded::read(spec).map_err(Error::Invalid)?;
    files.extend(loaded.sources.iter().map(|s| s.path.clone()));
    let spec = validate::validate(&loaded).map_err(Error::Invalid)?;
    let pipeline = Pipeline::new(templates, chrono::Local::now().date_naive());
    let mut out = pipeline.render(&spec, &[Format::Html])?;
    let warnings = (spec.warnings.iter().cloned())
        .chain(spec.undated_notice(pipeline.today))
        .collect();
    Ok((
        String::from_utf8(out.remove(0).bytes).expect("HTML is UTF-8"),
        warnings,
    ))
}

fn escaped(text: &str) -> String {
    let mut out = String::new();
    crate::render::html::escape_into(&mut out, text);
    out
}

/// The plan's page with its warnings and notes in a box at the top, as the
/// command line would print them: the preview is where a teacher looks,
/// and a warning (a date on a Sunday, text cut by `#`) is worth seeing
/// before printing. Only the preview shows the box, never the HTML file.
fn with_warnings(page: &str, warnings: &[crate::diag::Diagnostic]) -> String {
    if warnings.is_empty() {
        return page.to_string();
    }
    let text: Vec<String> = warnings.iter().map(|d| d.render(false)).collect();
    let aside = format!(
        "<aside class=\"unionplan-warnings\" style=\"margin:1em;padding:1em;border-left:4px solid #c90;background:#fffbe6;font-family:sans-serif\"><p>{}</p><pre style=\"white-space:pre-wrap;font-family:monospace\">{}</pre></aside>\n",
        escaped(&messages::preview_warnings_title(warnings.len())),
        escaped(&text.join("\n")),
    );
    match page
        .find("<body")
        .and_then(|i| page[i..].find('>').map(|j| i + j + 1))
    {
        Some(at) => format!("{}\n{aside}{}", &page[..at], &page[at..]),
        None => format!("{aside}{page}"),
    }
}

/// The current modification times of the files of `watched`.
fn stamp(watched: &Stamp) -> Stamp {
    watched
        .iter()
        .map(|(p, _)| {
            (
                p.clone(),
                std::fs::metadata(p).and_then(|m| m.modified()).ok(),
            )
        })
        .collect()
}

/// A page listing the problems, for people, with where they are: from the
/// user's `preview-error.html` where there is a good one, else the built-in
/// one (the problem may be the user's templates themselves).
fn error_page(spec: &Path, e: &Error, templates_dir: Option<&Path>) -> String {
    #[derive(serde::Serialize)]
    struct Page {
        title: String,
        hint: String,
        errors: Vec<String>,
    }
    let page = Page {
        title: messages::preview_error_title(spec.display()),
        hint: messages::preview_error_hint(),
        errors: e.problems().iter().map(|d| d.render(false)).collect(),
    };
    templates_dir
        .and_then(|dir| Templates::with_overrides(dir).ok())
        .and_then(|t| t.preview_error_page(&page).ok())
        .unwrap_or_else(|| {
            Templates::builtin()
                .preview_error_page(&page)
                .expect("the built-in error page renders")
        })
}

/// The page with the script that reloads it when the version changes.
fn with_reload_script(page: &str, version: u64) -> String {
    let script = format!(
        "<script>\n(function () {{\n  var version = \"{version}\";\n  setInterval(function () {{\n    fetch(\"/version\", {{ cache: \"no-store\" }})\n      .then(function (r) {{ return r.text(); }})\n      .then(function (v) {{ if (v !== version) location.reload(); }})\n      .catch(function () {{}});\n  }}, 500);\n}})();\n</script>\n"
    );
    match page.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &page[..i], &page[i..]),
        None => format!("{page}{script}"),
    }
}

/// The most a request's line and headers may take: a browser sends a few
/// hundred bytes, so a client that sends more is not one (refused with a
/// 431).
const MAX_REQUEST: usize = 16 * 1024;

type Shared = Arc<Mutex<State>>;

/// Only this computer's pages may read the plan (a page on the web could
/// otherwise reach it through DNS rebinding), and only read it.
async fn local_get_only(request: Request, next: Next) -> Response {
    if !server::from_this_computer(request.headers()) {
        return answer(StatusCode::FORBIDDEN, "text/plain; charset=utf-8", "");
    }
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return answer(
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            "",
        );
    }
    next.run(request).await
}

async fn page(extract::State(state): extract::State<Shared>) -> Response {
    let page = state
        .lock()
        .expect("the preview state is never poisoned")
        .page
        .clone();
    answer(StatusCode::OK, "text/html; charset=utf-8", page)
}

async fn version(extract::State(state): extract::State<Shared>) -> Response {
    let version = state
        .lock()
        .expect("the preview state is never poisoned")
        .version;
    answer(
        StatusCode::OK,
        "text/plain; charset=utf-8",
        version.to_string(),
    )
}

async fn not_found() -> Response {
    answer(
        StatusCode::NOT_FOUND,
        "text/plain; charset=utf-8",
        messages::preview_not_found(),
    )
}

/// An answer never cached; each on a connection of its own, as the page
/// asks for `/version` only twice a second.
fn answer(status: StatusCode, kind: &'static str, body: impl Into<axum::body::Body>) -> Response {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a_problem() -> Error {
        let d = crate::diag::Diagnostic::file_level(
            Path::new("plan.yaml"),
            messages::missing_field("school"),
        );
        Error::Invalid(vec![d])
    }

    /// Issue #26: the preview showed errors only; a valid plan's warnings
    /// (a date on a Sunday, text cut by `#`) were seen nowhere.
    #[test]
    fn a_valid_plan_shows_its_warnings_above_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let spec = dir.path().join("p.yaml");
        std::fs::write(
            &spec,
            "school: 甲校\nyear: 2026\nguiding_principles: 以……为指导。\nmeasures:\n  - 召开教代会 #第六届\nschedule:\n  - month: 3\n    items: [{text: 植树, date: 2026-03-08}]\n",
        )
        .unwrap();
        let state = Mutex::new(State {
            version: 0,
            page: String::new(),
        });
        render_into(&state, &spec, None);
        let page = state.lock().unwrap().page.clone();
        let aside = &page[page.find("<aside").expect("a box of warnings")..];
        let aside = &aside[..aside.find("</aside>").unwrap()];
        for piece in [
            "3 条警告或提醒",
            "p.yaml:5:11",
            "p.yaml:8:",
            "星期日",
            "落款日期没有写",
        ] {
            assert!(aside.contains(piece), "{piece}: {aside}");
        }
        assert!(page.find("<aside").unwrap() < page.find("甲校2026年工会工作计划</h1>").unwrap());
        assert!(
            aside.contains("#第六届"),
            "what the user typed is shown, escaped: {aside}"
        );
    }

    #[test]
    fn the_error_page_is_a_template_the_user_may_replace() {
        let page = error_page(Path::new("plan.yaml"), &a_problem(), None);
        assert!(page.contains("<pre class=\"errors\">"), "{page}");
        assert!(page.contains("缺少必填字段 `school`"), "{page}");

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(crate::template::PREVIEW_ERROR),
            "<p class=\"mine\">{{ errors | length }}</p>",
        )
        .unwrap();
        let page = error_page(Path::new("plan.yaml"), &a_problem(), Some(dir.path()));
        assert_eq!(page, "<p class=\"mine\">1</p>");

        // A broken template of the user's still gets the problems shown.
        std::fs::write(dir.path().join(crate::template::PREVIEW_ERROR), "{{ oops").unwrap();
        let page = error_page(Path::new("plan.yaml"), &a_problem(), Some(dir.path()));
        assert!(page.contains("缺少必填字段 `school`"), "{page}");
    }
}
