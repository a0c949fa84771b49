//! How soon the workbench answers a keystroke: the page sends the plan's
//! text about 250 ms after the last key, and one request (`/api/check`)
//! brings back both the problems and the page as it will print. This times
//! that request over HTTP, as the browser makes it, for the example plan
//! and a 5,000-line plan: valid, with a slip (a full-width colon, which
//! the parser stops at) and with a month 13 (found by validation).
//!
//!     cargo bench --bench workbench
//!
//! A plain harness: the median of whole requests, from `std::time::Instant`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root.join("specs/qingxi-2025-zh.yaml")).unwrap();
    let long = long_plan();
    assert!(long.lines().count() >= 5_000);
    let (tx, rx) = std::sync::mpsc::channel();
    let folder = dir.path().to_path_buf();
    std::thread::spawn(move || {
        unionplan::app::serve(&folder, 0, |url| tx.send(url.to_string()).unwrap()).unwrap();
    });
    let url = rx.recv().unwrap();
    let rest = url.strip_prefix("http://").unwrap();
    let (addr, secret) = rest.split_once("/#").unwrap();

    println!("keystroke → problems and page (median of 21 requests):");
    for (what, text) in [
        ("the example, valid", example.clone()),
        (
            "the example, a slip",
            example.replacen("学校: ", "学校：", 1),
        ),
        ("5,000 lines, valid", long.clone()),
        (
            "5,000 lines, a slip",
            long.replacen("school: ", "school：", 1),
        ),
        (
            "5,000 lines, month 13",
            long.replacen("month: 12", "month: 13", 1),
        ),
    ] {
        let (time, body) = median(21, || check(addr, secret, &text));
        let has_page = body.contains("\"html\":\"<!DOCTYPE");
        assert!(
            !body.contains('\u{fffd}'),
            "the answer is UTF-8: {}",
            &body[..body.len().min(300)]
        );
        println!(
            "  {what:<22} {:>8.2} ms   ({} KB answer, {})",
            time.as_secs_f64() * 1000.0,
            body.len() / 1024,
            if has_page {
                "problems and page"
            } else {
                "problems only"
            }
        );
    }
}

/// A plan of more than 5,000 lines: a year of weekly items.
fn long_plan() -> String {
    let mut s = String::from(
        "school: 长计划小学\nyear: 2025\nguiding_principles: 以教职工为本。\nmeasures:\n",
    );
    for i in 0..500 {
        s.push_str(&format!(
            "  - title: 第{i}项工作\n    items:\n      - 做好第{i}项工作的第一件事。\n      - 做好第{i}项工作的第二件事。\n"
        ));
    }
    s.push_str("schedule:\n");
    for month in 1..=12 {
        s.push_str(&format!("  - month: {month}\n    items:\n"));
        for week in 0..130 {
            s.push_str(&format!(
                "      - text: 第{week}周的活动安排\n        owner: 工会\n"
            ));
        }
    }
    s
}

fn median(n: usize, mut f: impl FnMut() -> String) -> (Duration, String) {
    let mut body = f(); // warm-up
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            body = f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[n / 2], body)
}

fn check(addr: &str, secret: &str, text: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST /api/check?name=plan.yaml HTTP/1.1\r\nHost: {addr}\r\nX-Unionplan-Token: {secret}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
        text.len()
    )
    .unwrap();
    let mut reader = BufReader::new(s);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.contains("200"), "{line}");
    let mut chunked = false;
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line.trim().is_empty() {
            break;
        }
        chunked |= line
            .to_ascii_lowercase()
            .starts_with("transfer-encoding: chunked");
    }
    let mut body = Vec::new();
    if chunked {
        // A long answer comes in chunks, each after its size in hex.
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            let size = usize::from_str_radix(line.trim(), 16).unwrap();
            if size == 0 {
                break;
            }
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).unwrap();
            body.extend_from_slice(&chunk[..size]);
        }
    } else {
        reader.read_to_end(&mut body).unwrap();
    }
    String::from_utf8(body).unwrap()
}
