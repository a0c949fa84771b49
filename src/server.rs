//! The HTTP server under `unionplan app` (the workbench) and `unionplan
//! preview`: axum's router on hyper's HTTP/1 connections, on a tokio
//! runtime of one thread, bound to 127.0.0.1 only.
//!
//! Why not `tiny_http`, which served the workbench before: measured, it
//! has two limits a server on a user's computer cannot have.
//!
//! - It reads a request with no time limit, on a thread per connection: a
//!   client that connects and sends nothing, or its headers a byte at a
//!   time, holds a thread for ever, and nothing bounds their number.
//! - Its one accepting thread ends for good on an accept error: with
//!   `ulimit -n 128`, 190 idle connections make `accept` fail with EMFILE
//!   once, and the workbench never answers again, even after they close.
//!
//! (`preview` had a server written by hand, with its own time limit but a
//! thread per connection as well; it now runs on this one.)
//!
//! Here instead:
//!
//! - every connection is a task on one thread; the pipeline (a render, a
//!   PDF, an import) runs on the runtime's blocking threads, at most
//!   [`BLOCKING_THREADS`] of them, through [`blocking`];
//! - a request's line and headers must arrive within [`HEADER_TIME`]
//!   (hyper's `header_read_timeout`), which also closes a connection left
//!   idle that long, between requests or before the first;
//! - at most [`MAX_CONNECTIONS`] connections are served at once; more wait
//!   in the system's queue until one ends;
//! - an accept error (EMFILE: no file descriptor left) is waited out for
//!   [`ACCEPT_PAUSE`] and accepting goes on, as `axum::serve` does, which
//!   could not be used as is: it sets no time limit on headers and no
//!   bound on connections.
//!
//! The check that a request comes from this computer ([`is_local_host`])
//! is here too, for both servers; what else a request must carry is each
//! server's own.

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::HeaderMap;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::Semaphore;

/// How long a request's line and headers may take to arrive. A browser
/// sends them at once; a client that takes longer is not one, and an idle
/// connection is closed after as long (a browser opens another).
pub const HEADER_TIME: Duration = Duration::from_secs(5);

/// The most connections served at once: far more than the six a browser
/// opens to one server, and well under the usual limit of 1024 open files,
/// so that the pipeline still has files to open.
pub const MAX_CONNECTIONS: usize = 512;

/// The most threads that run the pipeline at once; more requests wait.
pub const BLOCKING_THREADS: usize = 32;

/// How long to wait before accepting again after an accept error.
pub const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

/// What a server allows beyond the limits above.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The most bytes of a request's line and headers; `None`: hyper's
    /// buffer limit (about 400 KB).
    pub header_bytes: Option<usize>,
    /// Whether a connection may carry more than one request.
    pub keep_alive: bool,
}

/// A listener on 127.0.0.1:`port` (0: any free port), bound at once so
/// that a port in use is an error before anything is printed.
pub fn bind(port: u16) -> std::io::Result<TcpListener> {
    let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port)))?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// Serve `router` on `listener` until the process ends; `ready` is called
/// once the runtime is up, before the first connection is accepted.
pub fn run(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    ready: impl FnOnce(),
) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .max_blocking_threads(BLOCKING_THREADS)
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        ready();
        accept(listener, router, limits).await
    })
}

async fn accept(
    listener: tokio::net::TcpListener,
    router: Router,
    limits: Limits,
) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIME)
        .keep_alive(limits.keep_alive);
    if let Some(bytes) = limits.header_bytes {
        http.max_header_size(bytes);
    }
    loop {
        let permit = permits
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // The client gave up before it was accepted: nothing to wait for.
            Err(e) if is_connection_error(&e) => continue,
            // EMFILE, ENFILE, ENOBUFS: connections and files that end free
            // what is missing; until then, accepting again at once would
            // only spin.
            Err(_) => {
                tokio::time::sleep(ACCEPT_PAUSE).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let connection = http.serve_connection(
            TokioIo::new(stream),
            TowerToHyperService::new(router.clone()),
        );
        tokio::spawn(async move {
            // A client that vanished or sent garbage: nothing to report.
            let _ = connection.await;
            drop(permit);
        });
    }
}

fn is_connection_error(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}

/// Run `work` (the pipeline: synchronous, and as slow as a PDF) on a
/// blocking thread, so that the connections stay answered meanwhile; a
/// panic in it is a 500 with no body, as before.
pub async fn blocking(
    work: impl FnOnce() -> axum::response::Response + Send + 'static,
) -> axum::response::Response {
    let lang = crate::messages::lang();
    tokio::task::spawn_blocking(move || crate::messages::speaking(lang, work))
        .await
        .unwrap_or_else(|_| {
            let mut response = axum::response::Response::default();
            *response.status_mut() = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            response
        })
}

/// Does the request name this computer in its `Host`? Anything else is a
/// page on the web reaching the server through DNS rebinding.
pub fn from_this_computer(headers: &HeaderMap) -> bool {
    headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(is_local_host)
}

/// Is `host` (the `Host:` header) this computer?
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
}
