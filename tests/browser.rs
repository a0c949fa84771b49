//! `unionplan preview`: served on 127.0.0.1, re-rendered on every change,
//! and the page in a real browser reloads itself.
//!
//! Its own harness (libtest-mimic, `harness = false` in Cargo.toml): where
//! Chromium is missing the browser test shows as ignored in cargo test's
//! summary, never as ok, except under CI (the `CI` variable set), where it
//! fails. The other tests always run.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let always = common::tests![
        serves_re_renders_on_change_and_shows_errors_with_their_lines,
        answers_only_local_get_requests_and_bounds_what_it_reads,
        idle_connections_neither_stop_the_preview_nor_stay,
    ];
    let mut trials: Vec<_> = always
        .into_iter()
        .map(|(name, run)| common::trial(name, run))
        .collect();
    trials.extend(common::client_trials(
        "Chromium",
        common::chromium()
            .is_none()
            .then(|| "no Chromium (apt-get install chromium)".to_string()),
        &common::tests![in_chromium_the_page_reloads_itself_after_an_edit],
    ));
    libtest_mimic::run(&args, trials).exit();
}

/// A running `unionplan preview`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    /// Kept open for as long as the server runs.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &Path, spec: &str) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unionplan"))
        .args(["preview", spec])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    Server {
        child,
        addr,
        _stdout: stdout,
    }
}

fn get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut response = String::new();
    s.read_to_string(&mut response).unwrap();
    response.split_once("\r\n\r\n").unwrap().1.to_string()
}

fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

const SPEC: &str = "school: 甲校\nyear: 2025\nguiding_principles: 第一版的指导思想。\nmeasures: [做事]\nschedule:\n  - month: 3\n    items: [植树]\n";

fn serves_re_renders_on_change_and_shows_errors_with_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), SPEC).unwrap();
    let server = start(dir.path(), "p.yaml");
    assert!(server.addr.starts_with("127.0.0.1:"));
    let page = get(&server.addr, "/");
    assert!(page.contains("<title>甲校2025年工会工作计划</title>"));
    assert!(page.contains("第一版的指导思想。"));
    assert!(
        page.contains("location.reload()"),
        "the preview page reloads itself"
    );
    let v1 = get(&server.addr, "/version");

    std::fs::write(dir.path().join("p.yaml"), SPEC.replace("第一版", "第二版")).unwrap();
    wait_until("a re-render", || get(&server.addr, "/version") != v1);
    assert!(get(&server.addr, "/").contains("第二版的指导思想。"));

    std::fs::write(
        dir.path().join("p.yaml"),
        SPEC.replace("month: 3", "month: 13"),
    )
    .unwrap();
    wait_until("the error page", || {
        get(&server.addr, "/").contains("p.yaml:6:12")
    });
    let page = get(&server.addr, "/");
    assert!(page.contains("月份应当是 1 到 12 的数字"));
    assert!(page.contains("6 |   - month: 13"));
    assert!(
        page.contains("location.reload()"),
        "an error page reloads itself too"
    );
    assert_eq!(get(&server.addr, "/nothing-here"), "没有这个页面");
}

/// Debian's Chromium, where it is installed.
fn in_chromium_the_page_reloads_itself_after_an_edit() {
    use headless_chrome::{Browser, LaunchOptions, protocol::cdp::Page};
    use std::ffi::OsStr;
    let path = common::chromium().expect("Chromium, found before the tests ran");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), SPEC).unwrap();
    let server = start(dir.path(), "p.yaml");

    let profile = dir.path().join("chromium-profile");
    let options = LaunchOptions::default_builder()
        .path(Some(path))
        .sandbox(false)
        .window_size(Some((900, 1200)))
        .user_data_dir(Some(profile))
        .args(vec![
            OsStr::new("--disable-gpu"),
            OsStr::new("--no-first-run"),
            OsStr::new("--disable-background-networking"),
            OsStr::new("--disable-dev-shm-usage"),
        ])
        .build()
        .unwrap();
    let browser = Browser::new(options).expect("Chromium starts");
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&format!("http://{}/", server.addr))
        .unwrap();
    tab.wait_until_navigated().unwrap();
    let text = |tab: &headless_chrome::Tab| -> String {
        tab.evaluate("document.body.innerText", false)
            .ok()
            .and_then(|o| o.value)
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    assert!(text(&tab).contains("第一版的指导思想。"));
    let png = tab
        .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a screenshot of the page"
    );
    if let Some(out) = std::env::var_os("UNIONPLAN_SCREENSHOT") {
        std::fs::write(out, &png).unwrap();
    }

    // Mark this page; a reload makes a new window without the mark.
    tab.evaluate("window.notReloaded = true", false).unwrap();
    std::fs::write(dir.path().join("p.yaml"), SPEC.replace("第一版", "第二版")).unwrap();
    wait_until("the page to reload with the edit", || {
        text(&tab).contains("第二版的指导思想。")
    });
    let mark = tab.evaluate("window.notReloaded === true", false).unwrap();
    assert_eq!(
        mark.value,
        Some(serde_json::Value::Bool(false)),
        "the page reloaded itself"
    );

    std::fs::write(
        dir.path().join("p.yaml"),
        SPEC.replace("month: 3", "month: 13"),
    )
    .unwrap();
    wait_until("the error on the page", || {
        text(&tab).contains("p.yaml:6:12")
    });
}

/// Send `request` raw and return the status line, or "" if the server
/// closed without one.
fn raw(addr: &str, request: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let _ = s.write_all(request);
    let mut response = Vec::new();
    let _ = s.read_to_end(&mut response);
    String::from_utf8_lossy(&response)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}

/// Only this computer's pages may read the plan (a page on the web could
/// otherwise reach it through DNS rebinding), only GET and HEAD are
/// answered, and a request may not be endless or endlessly slow.
fn answers_only_local_get_requests_and_bounds_what_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), SPEC).unwrap();
    let server = start(dir.path(), "plan.yaml");
    let addr = server.addr.as_str();
    let port = addr.rsplit(':').next().unwrap();

    for host in [
        addr.to_string(),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let status = raw(
            addr,
            format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
        );
        assert!(status.contains("200"), "{host}: {status}");
    }
    for host in ["evil.example:80", "127.0.0.1.evil.example"] {
        let status = raw(
            addr,
            format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
        );
        assert!(status.contains("403"), "{host}: {status}");
    }
    let status = raw(addr, b"GET / HTTP/1.1\r\n\r\n");
    assert!(status.contains("403"), "no Host: {status}");
    let status = raw(
        addr,
        format!("POST / HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes(),
    );
    assert!(status.contains("405"), "{status}");
    let status = raw(
        addr,
        format!("HEAD / HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes(),
    );
    assert!(status.contains("200"), "{status}");

    // 1 MB of request line: refused without reading it all.
    let mut huge = b"GET /".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 1 << 20));
    let status = raw(addr, &huge);
    // Answered, not merely dropped (a server that crashed would say
    // nothing), and it goes on answering.
    assert_eq!(status, "HTTP/1.1 431 Request Header Fields Too Large");
    let status = raw(
        addr,
        format!("GET / HTTP/1.1\r\nHost: {addr}\r\n\r\n").as_bytes(),
    );
    assert!(status.contains("200"), "after a huge request: {status}");

    // A client sending a byte now and then is cut off after 5 s in all.
    let started = Instant::now();
    let mut slow = TcpStream::connect(addr).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut closed = false;
    for _ in 0..40 {
        if slow.write_all(b"G").is_err() {
            closed = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
        let mut byte = [0u8; 64];
        slow.set_nonblocking(true).unwrap();
        let r = slow.read(&mut byte);
        slow.set_nonblocking(false).unwrap();
        if r.is_ok() {
            closed = true;
            break;
        }
    }
    assert!(closed, "a slow client is cut off");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

/// 300 connections that send nothing hold neither a thread each nor the
/// preview: the page is answered at once meanwhile, and the server closes
/// them after its time limit on headers.
fn idle_connections_neither_stop_the_preview_nor_stay() {
    use common::crowd;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), SPEC).unwrap();
    let server = start(dir.path(), "plan.yaml");
    let addr = server.addr.as_str();
    let opened = Instant::now();
    let mut idle = crowd::idle(addr, 300);
    std::thread::sleep(Duration::from_millis(500));

    let asked = Instant::now();
    assert!(get(addr, "/").contains("第一版的指导思想。"));
    let answered = asked.elapsed();
    eprintln!("with 300 idle connections: answered in {answered:?}");
    assert!(
        answered < Duration::from_secs(2),
        "answered in {answered:?}"
    );
    #[cfg(target_os = "linux")]
    {
        let threads = crowd::threads(server.child.id()).expect("/proc tells");
        assert!(threads < 64, "{threads} threads for 300 connections");
    }

    let closed = crowd::all_closed(&mut idle, opened, crowd::HEADER_TIME * 2).unwrap();
    eprintln!("300 idle connections closed by the preview after {closed:?}");
    assert!(
        closed >= crowd::HEADER_TIME - Duration::from_millis(500),
        "{closed:?}"
    );
    assert!(get(addr, "/version").parse::<u64>().is_ok());
}
