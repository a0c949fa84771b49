//! Clients that a server on this computer must survive: connections that
//! send nothing, and one that sends its headers a byte at a time. Each is
//! bounded in count and time, and sends only to the server under test on
//! 127.0.0.1.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The servers' time limit on a request's headers (src/server.rs).
pub const HEADER_TIME: Duration = Duration::from_secs(5);

/// `n` connections to `addr` that send nothing.
pub fn idle(addr: &str, n: usize) -> Vec<TcpStream> {
    (0..n)
        .map(|i| {
            TcpStream::connect(addr).unwrap_or_else(|e| panic!("connection {i} to {addr}: {e}"))
        })
        .collect()
}

/// A client that sends `request` to `addr` one byte every 200 ms, never
/// its end; the thread tells how long until the server closed the
/// connection, or `None` if it had not after `give_up`.
pub fn slow(addr: &str, request: &str, give_up: Duration) -> JoinHandle<Option<Duration>> {
    let mut stream = TcpStream::connect(addr).unwrap();
    // Never the blank line that ends the headers.
    let bytes: Vec<u8> = request.trim_end().bytes().collect();
    std::thread::spawn(move || {
        let started = Instant::now();
        let mut next = bytes.iter().cycle();
        while started.elapsed() < give_up {
            if stream.write_all(&[*next.next().unwrap()]).is_err() {
                return Some(started.elapsed());
            }
            std::thread::sleep(Duration::from_millis(200));
            if closed_now(&mut stream) {
                return Some(started.elapsed());
            }
        }
        None
    })
}

/// Has the server closed `stream` (an end of file or a reset, now)?
fn closed_now(stream: &mut TcpStream) -> bool {
    let mut byte = [0u8; 256];
    stream.set_nonblocking(true).unwrap();
    let read = stream.read(&mut byte);
    stream.set_nonblocking(false).unwrap();
    match read {
        Ok(0) => true,
        // An answer (a 408, say) comes before the end.
        Ok(_) => closed_now(stream),
        Err(e) => e.kind() != ErrorKind::WouldBlock,
    }
}

/// Wait until the server has closed every one of `connections`, for at
/// most `limit` from `since`; how long after `since` the last one was, or
/// how many were still open.
pub fn all_closed(
    connections: &mut [TcpStream],
    since: Instant,
    limit: Duration,
) -> Result<Duration, String> {
    let total = connections.len();
    for (i, c) in connections.iter_mut().enumerate() {
        let left = limit.saturating_sub(since.elapsed());
        if left.is_zero() {
            return Err(format!(
                "connections {i} to {total} still open after {limit:?}"
            ));
        }
        c.set_read_timeout(Some(left)).unwrap();
        let mut buf = [0u8; 256];
        loop {
            match c.read(&mut buf) {
                Ok(0) => break,
                Ok(_) => continue,
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return Err(format!(
                        "connection {i} of {total} still open after {:?}",
                        since.elapsed()
                    ));
                }
                // Reset by the server: closed too.
                Err(_) => break,
            }
        }
    }
    Ok(since.elapsed())
}

/// How many threads process `pid` has now, where the system says (Linux).
pub fn threads(pid: u32) -> Option<usize> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
}

/// How many files process `pid` has open now, where the system says (Linux).
pub fn open_files(pid: u32) -> Option<usize> {
    Some(std::fs::read_dir(format!("/proc/{pid}/fd")).ok()?.count())
}
