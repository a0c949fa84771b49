//! `unionplan preview`: the HTML rendering, served on this computer and
//! re-rendered whenever the spec (or a file it extends, or a template)
//! changes; the page reloads itself.
//!
//! Deliberately small and dependency-free: one thread watches the files by
//! polling their modification times (four times a second is plenty for a
//! person editing), one thread per request answers `GET /` with the page
//! and `GET /version` with a number that changes on every re-render.
//! Why by hand rather than with an HTTP crate: two fixed answers to local
//! requests need none of a server framework, and every guard it needs is
//! a few lines here: only this computer's `Host`, only GET and HEAD, and a
//! request line with headers of at most 16 KiB arriving within 5 s. A
//! script added to the preview page only (never to rendered files) asks for
//! `/version` twice a second and reloads when it changes. Errors in the spec
//! are shown on the page, with their file, line and column.

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use crate::load::Loaded;
use crate::render::Format;
use crate::template::Templates;
use crate::{Error, Pipeline, messages, validate};

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
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let state = Arc::new(Mutex::new(State::default()));
    let mut watched = render_into(&state, spec, templates_dir);
    ready(listener.local_addr()?);

    let watcher_state = state.clone();
    let (spec, templates_dir) = (spec.to_path_buf(), templates_dir.map(Path::to_path_buf));
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(250));
            if stamp(&watched) != watched {
                watched = render_into(&watcher_state, &spec, templates_dir.as_deref());
            }
        }
    });

    for stream in listener.incoming().flatten() {
        let state = state.clone();
        std::thread::spawn(move || {
            let _ = answer(stream, &state);
        });
    }
    Ok(())
}

/// Render the page, store it with a new version, and return what to watch.
fn render_into(state: &Mutex<State>, spec: &Path, templates_dir: Option<&Path>) -> Stamp {
    let mut files = vec![spec.to_path_buf()];
    let page = match render_page(spec, templates_dir, &mut files) {
        Ok(html) => html,
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
) -> Result<String, Error> {
    let templates = match templates_dir {
        Some(dir) => Templates::with_overrides(dir)?,
        None => Templates::builtin(),
    };
    let loaded = Loaded::read(spec).map_err(Error::Invalid)?;
    files.extend(loaded.sources.iter().map(|s| s.path.clone()));
    let spec = validate::validate(&loaded).map_err(Error::Invalid)?;
    let pipeline = Pipeline::new(templates, chrono::Local::now().date_naive());
    let mut out = pipeline.render(&spec, &[Format::Html])?;
    Ok(String::from_utf8(out.remove(0).bytes).expect("HTML is UTF-8"))
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

/// The most a request's line and headers may take, and how long they may
/// take to arrive: a browser sends a few hundred bytes at once, so a client
/// that sends more, or one byte every few seconds, is not one.
const MAX_REQUEST: usize = 16 * 1024;
const REQUEST_TIME: Duration = Duration::from_secs(5);

/// The request's line and headers, within [`MAX_REQUEST`] and
/// [`REQUEST_TIME`] in all (not per read, which a slow client could keep
/// alive forever); `None` for a request that does not fit.
fn read_request(stream: &mut TcpStream) -> std::io::Result<Option<String>> {
    let deadline = std::time::Instant::now() + REQUEST_TIME;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && !buf.windows(2).any(|w| w == b"\n\n") {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() || buf.len() > MAX_REQUEST {
            return Ok(None);
        }
        stream.set_read_timeout(Some(left))?;
        match std::io::Read::read(stream, &mut chunk) {
            Ok(0) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

/// Answer one HTTP request: `GET` or `HEAD` of `/` or `/version`, from a
/// page of this computer.
fn answer(mut stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    stream.set_write_timeout(Some(REQUEST_TIME))?;
    let Some(request) = read_request(&mut stream)? else {
        return respond(
            &mut stream,
            "431 Request Header Fields Too Large",
            "",
            false,
        );
    };
    let mut lines = request.lines();
    let first = lines.next().unwrap_or("");
    let mut words = first.split_whitespace();
    let method = words.next().unwrap_or("");
    let path = words.next().unwrap_or("/");
    let host = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("host"))
        .map(|(_, value)| value);
    if !host.is_some_and(crate::server::is_local_host) {
        return respond(&mut stream, "403 Forbidden", "", false);
    }
    let head = match method {
        "GET" => false,
        "HEAD" => true,
        _ => return respond(&mut stream, "405 Method Not Allowed", "", false),
    };
    let (status, kind, body) = {
        let s = state.lock().expect("the preview state is never poisoned");
        match path {
            "/" | "/index.html" => ("200 OK", "text/html; charset=utf-8", s.page.clone()),
            "/version" => ("200 OK", "text/plain; charset=utf-8", s.version.to_string()),
            _ => (
                "404 Not Found",
                "text/plain; charset=utf-8",
                messages::preview_not_found().to_string(),
            ),
        }
    };
    respond_with(&mut stream, status, kind, &body, head)
}

/// A response without a body worth reading.
fn respond(stream: &mut TcpStream, status: &str, body: &str, head: bool) -> std::io::Result<()> {
    respond_with(stream, status, "text/plain; charset=utf-8", body, head)
}

fn respond_with(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &str,
    head: bool,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head {
        stream.write_all(body.as_bytes())?;
    }
    stream.flush()
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
