//! `unionplan app`: the plan workbench, one page in the browser where a
//! plan is written, checked as it is typed, seen as it will print and
//! turned into a Word file, with no command to remember.
//!
//! The server answers on 127.0.0.1 only, with axum on hyper and tokio
//! (`src/server.rs`, shared with `preview`). It replaced `tiny_http`, whose
//! limits were measured: no time limit on reading a request and a thread
//! per connection, so idle or slow clients each held a thread for ever;
//! and an accepting thread that ended for good on an accept error (with
//! `ulimit -n 128`, 190 idle connections stopped the workbench until it
//! was restarted). Each request runs the real pipeline in memory
//! ([`crate::parse_spec`], [`crate::Pipeline`]) on a blocking thread: the
//! example checks and renders in a few milliseconds, so the page asks on
//! every pause in typing.
//!
//! The routes (`routes`): `GET`/`HEAD` of `/`, `/app.js`, `/app.css`,
//! `/editor.js` (the page, no secret) and `/files/SECRET/NAME` (a file
//! shown in the browser); any method of `/api/NAME` (GET and HEAD read,
//! anything else acts); all else is a 404.
//!
//! Nothing on this computer but the workbench's own page may use it:
//!
//! - the `Host` must name this computer (no DNS rebinding);
//! - a request with a foreign `Origin` is refused;
//! - every request that reads or writes a file or produces output carries
//!   the secret made at start (`X-Unionplan-Token`, or `token=` for a
//!   download link), which only the printed URL holds, after its `#`,
//!   never sent to a server; no cookie, so another page cannot ride it;
//! - files are named relative to the folder and confined to it
//!   ([`folder::Folder`]), read only when ordinary and within size limits,
//!   and so are request bodies (4 MB of text, 64 MB for an upload).

mod api;
pub(crate) mod folder;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::routing::any;

use crate::messages::{self, Message};
use crate::server;
use folder::Folder;

/// The page and what it loads, shipped in the binary: the editor bundle is
/// built from `workbench/` (see its package.json) and committed.
const INDEX: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");
const EDITOR_JS: &str = include_str!("assets/editor.js");

/// What every request of the workbench shares.
pub struct Workbench {
    folder: Folder,
    secret: String,
    /// The district batch running or last run, for its progress bar.
    batch: std::sync::Mutex<api::BatchState>,
    /// The origins the page itself has (`http://127.0.0.1:PORT` and
    /// `http://localhost:PORT`).
    origins: Vec<String>,
}

/// Serve the workbench of `folder` on 127.0.0.1:`port` (0: any free port)
/// until the process ends; `ready` receives the URL to open, secret
/// included.
pub fn serve(folder: &Path, port: u16, ready: impl FnOnce(&str)) -> Result<(), crate::Error> {
    serve_or_why(folder, port, ready).map_err(crate::Error::write)
}

/// [`serve`], with why it could not as the sentence alone.
fn serve_or_why(folder: &Path, port: u16, ready: impl FnOnce(&str)) -> Result<(), Message> {
    let folder = Folder::open(folder).map_err(|_| messages::app_not_a_folder(folder.display()))?;
    let listener = server::bind(port).map_err(messages::app_cannot_listen)?;
    let addr = listener.local_addr().map_err(messages::app_cannot_listen)?;
    let bench = Arc::new(Workbench::new(folder, addr));
    let url = bench.url(addr);
    let limits = server::Limits {
        header_bytes: None,
        keep_alive: true,
    };
    server::run(listener, routes(bench), limits, || ready(&url))
        .map_err(messages::app_cannot_listen)
}

/// Every request the workbench answers. A path it does not know, or a
/// method a path does not take, is a 404 with a sentence.
fn routes(bench: Arc<Workbench>) -> Router {
    // Any method, each handler telling reads from the rest itself: axum's
    // own answer to another method would be a 405 with an `Allow` header.
    let asset = |body: &'static str, kind: &'static str| {
        any(move |method: Method| async move {
            match reads(&method) {
                true => asset(body, kind),
                false => not_found().await,
            }
        })
    };
    Router::new()
        .route("/", asset(INDEX, "text/html; charset=utf-8"))
        .route("/app.js", asset(APP_JS, "text/javascript; charset=utf-8"))
        .route("/app.css", asset(APP_CSS, "text/css; charset=utf-8"))
        .route(
            "/editor.js",
            asset(EDITOR_JS, "text/javascript; charset=utf-8"),
        )
        // A file of the folder at its own path, so that the links of a
        // batch's index.html to each school's files work; the secret is
        // the path's first part.
        .route("/files/", any(files))
        .route("/files/{*rest}", any(files))
        .route("/api/", any(call))
        .route("/api/{*name}", any(call))
        .fallback(not_found)
        // Before anything else, the 404s included.
        .layer(middleware::from_fn_with_state(bench.clone(), guard))
        .with_state(bench)
}

/// Refuse what does not come from this computer's page.
async fn guard(State(bench): State<Arc<Workbench>>, request: Request, next: Next) -> Answer {
    match bench.guard(request.headers()) {
        Err(status) => text(status, messages::app_forbidden().text),
        Ok(()) => next.run(request).await,
    }
}

/// GET and HEAD read; any other method acts.
fn reads(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD)
}

async fn not_found() -> Answer {
    text(404, messages::preview_not_found().to_string())
}

/// `/files/SECRET/NAME`: a file of the folder, shown in the browser.
async fn files(State(bench): State<Arc<Workbench>>, request: Request) -> Answer {
    if !reads(request.method()) {
        return not_found().await;
    }
    let path = request.uri().path();
    let rest = &path["/files/".len()..];
    let (secret, name) = rest.split_once('/').unwrap_or((rest, ""));
    let query = Query(vec![
        ("token".into(), percent_decode(secret)),
        ("name".into(), percent_decode(name)),
        ("inline".into(), "1".into()),
    ]);
    if !bench.has_secret(request.headers(), &query) {
        return text(403, messages::app_forbidden().text);
    }
    server::blocking(move || api::file(&bench, &query)).await
}

/// `/api/NAME`: a request of the page, with the secret.
async fn call(State(bench): State<Arc<Workbench>>, request: Request) -> Answer {
    let name = request.uri().path()["/api/".len()..].to_string();
    let query = Query::parse(request.uri().query().unwrap_or(""));
    let get = reads(request.method());
    if !bench.has_secret(request.headers(), &query) {
        return text(403, messages::app_forbidden().text);
    }
    api::call(bench, name, get, query, request.into_body()).await
}

impl Workbench {
    fn new(folder: Folder, addr: SocketAddr) -> Workbench {
        let mut bytes = [0u8; 24];
        getrandom::fill(&mut bytes).expect("the system has randomness");
        let secret = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let port = addr.port();
        Workbench {
            folder,
            secret,
            batch: std::sync::Mutex::new(api::BatchState::default()),
            origins: vec![
                format!("http://127.0.0.1:{port}"),
                format!("http://localhost:{port}"),
            ],
        }
    }

    fn url(&self, addr: SocketAddr) -> String {
        format!("http://127.0.0.1:{}/#{}", addr.port(), self.secret)
    }

    /// This computer's `Host`, no foreign `Origin`.
    fn guard(&self, headers: &HeaderMap) -> Result<(), u16> {
        if !server::from_this_computer(headers) {
            return Err(403);
        }
        if let Some(origin) = header(headers, "Origin")
            && !self.origins.iter().any(|o| o == origin)
        {
            return Err(403);
        }
        Ok(())
    }

    /// The secret, from the header or (for download links) the query;
    /// compared in constant time.
    fn has_secret(&self, headers: &HeaderMap, query: &Query) -> bool {
        let given = header(headers, "X-Unionplan-Token")
            .map(str::to_string)
            .or_else(|| query.get("token"));
        given.is_some_and(|g| {
            g.len() == self.secret.len()
                && g.bytes()
                    .zip(self.secret.bytes())
                    .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                    == 0
        })
    }
}

/// A request's query, decoded.
pub struct Query(Vec<(String, String)>);

impl Query {
    fn parse(query: &str) -> Query {
        Query(
            query
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (percent_decode(k), percent_decode(v))
                })
                .collect(),
        )
    }

    /// The value of the first `key`, if the query has one.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }
}

fn percent_decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let pair = bytes
            .get(i + 1)
            .copied()
            .and_then(hex)
            .zip(bytes.get(i + 2).copied().and_then(hex));
        match (bytes[i], pair) {
            (b'%', Some((high, low))) => {
                out.push(high * 16 + low);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `name` percent-encoded for a URL or a `filename*=` header.
pub fn percent_encode(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A header's value, where it is text.
fn header<'a>(headers: &'a HeaderMap, name: &'static str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

type Answer = axum::response::Response;

/// An answer of `status` with a body of type `kind`, never cached, never
/// taken for another type.
fn with_type(status: u16, body: impl Into<Body>, kind: &'static str) -> Answer {
    let mut response = Answer::new(body.into());
    *response.status_mut() = StatusCode::from_u16(status).expect("a valid status code");
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn asset(body: &'static str, kind: &'static str) -> Answer {
    let mut response = with_type(200, body, kind);
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self' blob:; img-src 'self' data: blob:",
        ),
    );
    response
}

fn text(status: u16, body: String) -> Answer {
    with_type(status, body, "text/plain; charset=utf-8")
}

fn json(status: u16, value: &serde_json::Value) -> Answer {
    with_type(status, value.to_string(), "application/json; charset=utf-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_decoded() {
        let q = Query::parse("name=%E8%AE%A1%E5%88%92.yaml&x=a+b&bad=%zz&t=%4");
        assert_eq!(q.get("name").unwrap(), "计划.yaml");
        assert_eq!(q.get("x").unwrap(), "a b");
        assert_eq!(q.get("bad").unwrap(), "%zz");
        assert_eq!(q.get("t").unwrap(), "%4");
        assert_eq!(percent_encode("计划 1.docx"), "%E8%AE%A1%E5%88%92%201.docx");
    }
}
