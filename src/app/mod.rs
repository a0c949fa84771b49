//! `unionplan app`: the plan workbench, one page in the browser where a
//! plan is written, checked as it is typed, seen as it will print and
//! turned into a Word file, with no command to remember.
//!
//! The server answers on 127.0.0.1 only, with `tiny_http` (small and
//! synchronous: one user on this computer needs no async runtime). Each
//! request runs the real pipeline in memory ([`crate::parse_spec`],
//! [`crate::Pipeline`]): the example checks and renders in a few
//! milliseconds, so the page asks on every pause in typing.
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
//!   ([`folder::Folder`]), read only when ordinary and within size limits.

mod api;
pub mod folder;

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::sync::Arc;

use tiny_http::{Header, Method, Request, Response};

use crate::messages::{self, Message};
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
pub fn serve(folder: &Path, port: u16, ready: impl FnOnce(&str)) -> Result<(), Message> {
    let folder = Folder::open(folder).map_err(|_| messages::app_not_a_folder(folder.display()))?;
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(messages::app_cannot_listen)?;
    let addr = listener.local_addr().map_err(messages::app_cannot_listen)?;
    let server =
        tiny_http::Server::from_listener(listener, None).map_err(messages::app_cannot_listen)?;
    let bench = Arc::new(Workbench::new(folder, addr));
    ready(&bench.url(addr));
    for request in server.incoming_requests() {
        let bench = bench.clone();
        // A render or a PDF takes a while; the page stays answered.
        std::thread::spawn(move || Workbench::answer(&bench, request));
    }
    Ok(())
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

    fn answer(self: &Arc<Self>, mut request: Request) {
        let response = match self.guard(&request) {
            Err(status) => text(status, messages::app_forbidden().text),
            Ok(()) => self.route(&mut request),
        };
        let _ = request.respond(response);
    }

    /// This computer's `Host`, no foreign `Origin`.
    fn guard(&self, request: &Request) -> Result<(), u16> {
        let host = header(request, "Host");
        if !host.is_some_and(is_local_host) {
            return Err(403);
        }
        if let Some(origin) = header(request, "Origin")
            && !self.origins.iter().any(|o| o == origin)
        {
            return Err(403);
        }
        Ok(())
    }

    /// The secret, from the header or (for download links) the query;
    /// compared in constant time.
    fn has_secret(&self, request: &Request, query: &Query) -> bool {
        let given = header(request, "X-Unionplan-Token")
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

    fn route(self: &Arc<Self>, request: &mut Request) -> Response<std::io::Cursor<Vec<u8>>> {
        let url = request.url().to_string();
        let (path, query) = url.split_once('?').unwrap_or((&url, ""));
        let query = Query::parse(query);
        let get = matches!(request.method(), Method::Get | Method::Head);
        match (get, path) {
            (true, "/") => asset(INDEX, "text/html; charset=utf-8"),
            (true, "/app.js") => asset(APP_JS, "text/javascript; charset=utf-8"),
            (true, "/app.css") => asset(APP_CSS, "text/css; charset=utf-8"),
            (true, "/editor.js") => asset(EDITOR_JS, "text/javascript; charset=utf-8"),
            // A file of the folder at its own path, so that the links of a
            // batch's index.html to each school's files work; the secret
            // is the path's first part.
            (true, p) if p.starts_with("/files/") => {
                let rest = &p["/files/".len()..];
                let (secret, name) = rest.split_once('/').unwrap_or((rest, ""));
                let query = Query(vec![
                    ("token".into(), percent_decode(secret)),
                    ("name".into(), percent_decode(name)),
                    ("inline".into(), "1".into()),
                ]);
                if !self.has_secret(request, &query) {
                    return text(403, messages::app_forbidden().text);
                }
                api::file(self, &query)
            }
            (_, p) if p.starts_with("/api/") => {
                if !self.has_secret(request, &query) {
                    return text(403, messages::app_forbidden().text);
                }
                api::call(self, request, &p[5..], get, &query)
            }
            _ => text(404, messages::preview_not_found().to_string()),
        }
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

fn header<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

/// Is `host` (the `Host:` header) this computer? Anything else is a page
/// on the web reaching the server through DNS rebinding.
pub fn is_local_host(host: &str) -> bool {
    let host = host.trim();
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    matches!(
        name.to_ascii_lowercase().as_str(),
        "localhost" | "127.0.0.1" | "::1"
    )
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn with_type(response: Answer, kind: &str) -> Answer {
    response
        .with_header(Header::from_bytes("Content-Type", kind).expect("an ASCII header"))
        .with_header(Header::from_bytes("Cache-Control", "no-store").expect("an ASCII header"))
        .with_header(
            Header::from_bytes("X-Content-Type-Options", "nosniff").expect("an ASCII header"),
        )
}

fn asset(body: &str, kind: &str) -> Answer {
    with_type(Response::from_data(body.as_bytes().to_vec()), kind).with_header(
        Header::from_bytes(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self' blob:; img-src 'self' data: blob:",
        )
        .expect("an ASCII header"),
    )
}

fn text(status: u16, body: String) -> Answer {
    with_type(
        Response::from_data(body.into_bytes()).with_status_code(status),
        "text/plain; charset=utf-8",
    )
}

fn json(status: u16, value: &serde_json::Value) -> Answer {
    with_type(
        Response::from_data(value.to_string().into_bytes()).with_status_code(status),
        "application/json; charset=utf-8",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_computer_is_a_host() {
        for ok in ["127.0.0.1:8080", "localhost", "[::1]:80", "LOCALHOST:1"] {
            assert!(is_local_host(ok), "{ok}");
        }
        for bad in [
            "evil.example:8080",
            "127.0.0.1.evil.example",
            "",
            "10.0.0.1",
        ] {
            assert!(!is_local_host(bad), "{bad}");
        }
    }

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
