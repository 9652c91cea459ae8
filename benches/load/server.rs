//! councilbot as the bench runs it: the release binary in its own process,
//! with a data directory and content folder of the bench's, logging only
//! warnings, and rate limits lifted (one loopback address sends everything).

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CONFIG: &str = "\
server:
  rate_limit_burst: 1000000
  rate_limit_per_minute: 1000000000
  address_rate_limit_burst: 1000000
  address_rate_limit_per_minute: 1000000000
logging:
  level: error
";

pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) address: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("address")
}

/// Starts councilbot on `content` with a fresh data directory under `work`,
/// and returns once `/readyz` says OK, with how long that took.
pub(crate) fn start(work: &Path, content: &Path) -> (Server, Duration) {
    let data = work.join(format!("data-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).expect("data directory");
    let config = work.join("bench.yaml");
    std::fs::write(&config, CONFIG).expect("bench config");
    let address = free_port();
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_councilbot"))
        .arg("--config")
        .arg(&config)
        .arg("--content")
        .arg(content)
        .arg("serve")
        .arg("--listen")
        .arg(address.to_string())
        .arg("--data-dir")
        .arg(&data)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start councilbot");
    let mut server = Server { child, address };
    loop {
        if ready(address) {
            return (server, started.elapsed());
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("councilbot exited before it was ready: {status}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "councilbot not ready after two minutes"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// `GET /readyz` answered 200.
fn ready(address: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_millis(200)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /readyz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut status = String::new();
    let _ = BufReader::new(&mut stream).read_line(&mut status);
    status.starts_with("HTTP/1.1 200")
}

/// A process's CPU time so far (user and system), in seconds; 0 if unknown.
pub(crate) fn cpu_seconds(pid: u32) -> f64 {
    // Fields 14 and 15 of /proc/PID/stat, after the command name in
    // parentheses, in the kernel's fixed 100 ticks a second (USER_HZ).
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: f64 = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|field| field.parse::<f64>().ok())
        .sum();
    ticks / 100.0
}

/// Resident memory of a process, in MiB.
pub(crate) fn rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| {
            value
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
