//! `toetsgen serve` under hostile clients (issue 20), with the real binary on loopback: a flood
//! of idle connections under a low file-handle limit and a client that never reads do not stop
//! a well-behaved client from being answered; a request too large is refused without the memory
//! to hold it; a request for another Host is refused; a symbolic link swapped in is never
//! followed; a large file is streamed, not read into memory, and a client reading it slowly is
//! cut off ([`answers`]). Every wait is a timeout, generous for a loaded machine, never a timing.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::{build_ok, project, seed_v1, wait_for};

mod answers;

/// The longest any awaited event may take on a loaded machine.
const TIMEOUT: Duration = Duration::from_secs(30);

const V1_TEXT: &str = "Kan actief hulp bieden aan de klant.";

/// A running `toetsgen serve`, killed when dropped.
pub(crate) struct Serve {
    pub(crate) child: Child,
    port: u16,
}

impl Serve {
    /// Starts serve in `dir` on a free port (under the file-handle limit `files`, when given)
    /// and waits for its first build.
    pub(crate) fn start(dir: &Path, files: Option<u32>) -> Serve {
        let bin = env!("CARGO_BIN_EXE_toetsgen");
        let mut cmd = match files {
            Some(n) => {
                let mut cmd = Command::new("sh");
                let script = format!("ulimit -n {n} && exec \"$0\" serve --port 0");
                cmd.args(["-c", &script, bin]);
                crate::common::english(&mut cmd);
                cmd
            }
            None => {
                let mut cmd = Command::new(bin);
                cmd.args(["serve", "--port", "0"]);
                crate::common::english(&mut cmd);
                cmd
            }
        };
        let mut child = cmd
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        lines.read_line(&mut first).unwrap();
        // Keep reading, so that serve never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut lines, &mut std::io::sink()));
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in the first line: {first:?}"));
        let serve = Serve { child, port };
        wait_for("the first build", || {
            let (status, body) = serve.get("/__toetsgen/status");
            (status == 200 && body.contains("\"builds\":1")).then_some(())
        });
        serve
    }

    fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    pub(crate) fn get(&self, target: &str) -> (u16, String) {
        let host = format!("127.0.0.1:{}", self.port);
        let (status, body) = self.send(&request("GET", target, &host));
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    /// Sends `raw` and reads the answer to its end: the status (0 when none came) and body.
    fn send(&self, raw: &[u8]) -> (u16, Vec<u8>) {
        let Ok(mut stream) = TcpStream::connect_timeout(&self.addr(), TIMEOUT) else {
            return (0, Vec::new());
        };
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        stream.set_write_timeout(Some(TIMEOUT)).unwrap();
        if stream.write_all(raw).is_err() {
            return (0, Vec::new());
        }
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        split(&response)
    }

    /// The memory serve holds now, and the most it held since [`Serve::reset_peak`], in KiB.
    fn memory(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let field = |name: &str| {
            (status.lines())
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or_else(|| panic!("no {name} in {status}"))
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// Sets the peak memory back to the memory held now (`/proc/<pid>/clear_refs`).
    fn reset_peak(&self) {
        std::fs::write(format!("/proc/{}/clear_refs", self.child.id()), "5").unwrap();
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A request as a browser sends it.
fn request(method: &str, target: &str, host: &str) -> Vec<u8> {
    format!("{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").into_bytes()
}

/// The status and body of a raw answer.
fn split(response: &[u8]) -> (u16, Vec<u8>) {
    let end = response.windows(4).position(|w| w == b"\r\n\r\n");
    let head = String::from_utf8_lossy(&response[..end.unwrap_or(response.len())]);
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = end.map_or(Vec::new(), |e| response[e + 4..].to_vec());
    (status, body)
}

/// A project with the V1 plan.
fn v1_project() -> tempfile::TempDir {
    project(&[&seed_v1()])
}

/// Under `ulimit -n 256`, 2,000 connection attempts that send half a request and wait (and a
/// client that pipelines 400 requests for a large file and reads nothing) do not stop serve
/// (it used to lose its accepting thread to "Too many open files" for good) nor keep a
/// well-behaved client from its page; afterwards serve still answers.
#[test]
fn idle_flood_and_a_non_reader_leave_others_served() {
    flood(&v1_project(), 256, 2000);
}

/// With only 8 file handles more than serve holds when idle (its connections' least), a flood
/// of 300 idle connections runs it out of file handles: it backs off, closes idle connections
/// to make room, and the well-behaved client is still answered. The site is built beforehand,
/// so that serve's own first build writes nothing.
#[test]
fn a_flood_at_a_tiny_file_limit_is_survived() {
    let dir = v1_project();
    build_ok(dir.path(), &["--format", "md,html"]);
    let idle = {
        let serve = Serve::start(dir.path(), None);
        let fds = std::fs::read_dir(format!("/proc/{}/fd", serve.child.id())).unwrap();
        u32::try_from(fds.count()).unwrap()
    };
    flood(&dir, idle + 8, 300);
}

/// Starts serve under `ulimit -n files`, holds up to `attempts` idle connections and a client
/// that never reads, and checks that a well-behaved client is answered during and after.
fn flood(dir: &tempfile::TempDir, files: u32, attempts: usize) {
    let mut serve = Serve::start(dir.path(), Some(files));
    let big = std::fs::File::create(dir.path().join("output/groot.bin")).unwrap();
    big.set_len(8 * 1024 * 1024).unwrap();
    let host = format!("127.0.0.1:{}", serve.port);

    let mut non_reader = TcpStream::connect(serve.addr()).unwrap();
    let pipelined = format!("GET /groot.bin HTTP/1.1\r\nHost: {host}\r\n\r\n").repeat(400);
    non_reader.write_all(pipelined.as_bytes()).unwrap();

    let mut idle = Vec::new();
    let mut failed = 0;
    let start = Instant::now();
    while idle.len() < attempts && failed < 3 && start.elapsed() < TIMEOUT {
        match TcpStream::connect_timeout(&serve.addr(), Duration::from_secs(2)) {
            Ok(mut stream) => {
                let _ = stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n");
                idle.push(stream);
            }
            Err(_) => failed += 1,
        }
    }
    assert!(
        idle.len() > files as usize,
        "the flood must pass the server's file-handle limit: {} connections",
        idle.len()
    );
    // A well-behaved client is answered while all of that is held open.
    let page = wait_for("a page during the flood", || {
        let (status, page) = serve.get("/V1/toetsplan.md");
        (status == 200).then_some(page)
    });
    assert!(page.contains(V1_TEXT), "{page}");
    assert!(serve.alive());
    drop(idle);
    drop(non_reader);
    let page = wait_for("a page after the flood", || {
        let (status, page) = serve.get("/V1/toetsplan.md");
        (status == 200).then_some(page)
    });
    assert!(page.contains(V1_TEXT), "{page}");
    assert!(serve.alive());
}

/// A client that pipelines 400 requests for a large file and reads nothing holds up no one
/// else (it used to make every other request wait until it closed): while it is connected,
/// twenty requests are answered one after the other.
#[test]
fn a_client_that_never_reads_holds_up_no_one() {
    let dir = v1_project();
    let serve = Serve::start(dir.path(), None);
    let big = std::fs::File::create(dir.path().join("output/groot.bin")).unwrap();
    big.set_len(8 * 1024 * 1024).unwrap();
    let host = format!("127.0.0.1:{}", serve.port);
    let mut non_reader = TcpStream::connect(serve.addr()).unwrap();
    let pipelined = format!("GET /groot.bin HTTP/1.1\r\nHost: {host}\r\n\r\n").repeat(400);
    non_reader.write_all(pipelined.as_bytes()).unwrap();
    for _ in 0..20 {
        let (status, page) = serve.get("/V1/toetsplan.md");
        assert!(status == 200 && page.contains(V1_TEXT), "{status} {page}");
    }
    drop(non_reader);
}

/// Requests pipelined on one connection are answered in order, each with its exact length
/// (a page with the script added included), and the connection stays open between them.
#[test]
fn pipelined_requests_are_answered_in_order() {
    let dir = v1_project();
    let serve = Serve::start(dir.path(), None);
    let host = format!("127.0.0.1:{}", serve.port);
    let mut stream = TcpStream::connect(serve.addr()).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    let targets = [
        "/V1/toetsplan.html",
        "/__toetsgen/status",
        "/V1/toetsplan.md",
    ];
    let mut raw = String::new();
    for target in targets {
        raw.push_str(&format!("GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n"));
    }
    stream.write_all(raw.as_bytes()).unwrap();
    let mut reader = BufReader::new(stream);
    let mut bodies = Vec::new();
    for _ in targets {
        let (mut line, mut length) = (String::new(), None);
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("HTTP/1.1 200 "), "{line}");
        loop {
            line.clear();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.trim().parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length.expect("every answer has a length")];
        reader.read_exact(&mut body).unwrap();
        bodies.push(String::from_utf8(body).unwrap());
    }
    assert!(bodies[0].contains("/__toetsgen/reload.js") && bodies[0].ends_with("</html>\n"));
    assert!(bodies[1].contains("\"builds\":1"), "{}", bodies[1]);
    assert!(bodies[2].contains(V1_TEXT));
}

/// A 64 KiB path gets 414 and 64 KiB of headers 431; a 100 MB path is refused while serve's
/// memory stays within a few MB (it used to grow by 330 MB).
#[test]
fn oversized_requests_are_refused_in_bounded_memory() {
    let dir = v1_project();
    let serve = Serve::start(dir.path(), None);
    let host = format!("127.0.0.1:{}", serve.port);
    let long_path = format!("/{}", "a".repeat(64 * 1024));
    let (status, _) = serve.send(&request("GET", &long_path, &host));
    assert_eq!(status, 414);
    let big_header = format!(
        "GET / HTTP/1.1\r\nHost: {host}\r\nX-Big: {}\r\n\r\n",
        "b".repeat(64 * 1024)
    );
    let (status, _) = serve.send(big_header.as_bytes());
    assert_eq!(status, 431);

    let (before, _) = serve.memory();
    serve.reset_peak();
    let mut stream = TcpStream::connect(serve.addr()).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    let chunk = vec![b'a'; 1024 * 1024];
    let _ = stream.write_all(b"GET /");
    for _ in 0..100 {
        if stream.write_all(&chunk).is_err() {
            break;
        }
    }
    drop(stream);
    let (status, page) = serve.get("/V1/toetsplan.md");
    assert!(status == 200 && page.contains(V1_TEXT), "{status} {page}");
    let (_, peak) = serve.memory();
    assert!(
        peak < before + 8 * 1024,
        "serve's memory rose from {before} KiB to a peak of {peak} KiB"
    );
}

/// A request naming another Host (a web page that had its name point at 127.0.0.1, DNS
/// rebinding) gets 403 for documents and the status alike; the server's own names pass.
#[test]
fn other_hosts_are_refused() {
    let dir = v1_project();
    let serve = Serve::start(dir.path(), None);
    let port = serve.port;
    for target in ["/V1/toetsplan.md", "/__toetsgen/status", "/"] {
        for host in [
            "evil.example",
            &format!("evil.example:{port}"),
            "127.0.0.1:1",
        ] {
            let (status, body) = serve.send(&request("GET", target, host));
            let body = String::from_utf8_lossy(&body);
            assert_eq!(status, 403, "{target} for {host}: {body}");
            assert!(
                !body.contains(V1_TEXT) && !body.contains("builds"),
                "{body}"
            );
        }
    }
    for host in [
        format!("localhost:{port}"),
        "localhost".to_owned(),
        format!("127.0.0.1:{port}"),
    ] {
        let (status, body) = serve.send(&request("GET", "/V1/toetsplan.md", &host));
        assert_eq!(status, 200, "{host}: {}", String::from_utf8_lossy(&body));
    }
    let (status, _) = serve.send(b"GET / HTTP/1.1\r\n\r\n");
    assert_eq!(status, 400, "an HTTP/1.1 request without Host");
}

/// While another thread swaps `race.txt` between a plain file and a link to a file outside the
/// output folder (and `racedir` between a folder and a link to one outside), no answer ever
/// holds the outside file; both the plain file and the refusal are seen, so the race ran.
#[test]
fn a_link_swapped_in_is_never_followed() {
    let dir = v1_project();
    let serve = Serve::start(dir.path(), None);
    let (root, output) = (dir.path().to_owned(), dir.path().join("output"));
    std::fs::write(root.join("geheim.txt"), "GEHEIM-BUITEN").unwrap();
    std::fs::create_dir_all(root.join("buiten")).unwrap();
    std::fs::write(root.join("buiten/x.txt"), "GEHEIM-BUITEN").unwrap();
    std::fs::create_dir_all(output.join("racedir")).unwrap();
    std::fs::write(output.join("racedir/x.txt"), "binnen").unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let swapper = {
        let (done, output) = (Arc::clone(&done), output.clone());
        std::thread::spawn(move || {
            let (file, link) = (output.join("race-file.tmp"), output.join("race-link.tmp"));
            while !done.load(Ordering::Relaxed) {
                std::fs::write(&file, "binnen").unwrap();
                std::fs::rename(&file, output.join("race.txt")).unwrap();
                std::os::unix::fs::symlink("../geheim.txt", &link).unwrap();
                std::fs::rename(&link, output.join("race.txt")).unwrap();
                std::fs::rename(output.join("racedir"), output.join("racedir.off")).unwrap();
                std::os::unix::fs::symlink("../buiten", output.join("racedir")).unwrap();
                std::fs::remove_file(output.join("racedir")).unwrap();
                std::fs::rename(output.join("racedir.off"), output.join("racedir")).unwrap();
            }
        })
    };
    let (mut inside, mut refused) = (0, 0);
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) || inside == 0 || refused == 0 {
        assert!(
            start.elapsed() < TIMEOUT,
            "served {inside}, refused {refused}"
        );
        for target in ["/race.txt", "/racedir/x.txt"] {
            let (status, body) = serve.get(target);
            assert!(
                !body.contains("GEHEIM"),
                "{target} served the outside file: {status}"
            );
            match status {
                200 if body == "binnen" => inside += 1,
                403 => refused += 1,
                _ => {}
            }
        }
    }
    done.store(true, Ordering::Relaxed);
    swapper.join().unwrap();
}
