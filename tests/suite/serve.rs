//! `toetsgen serve` with the real binary: it builds, serves the output folder over HTTP on
//! loopback, rebuilds once per burst of saves, tells open pages to reload, shows a plan's errors
//! in the page until fixed, refuses paths outside the output folder, and stops cleanly.
//! Each wait below is a timeout (it ends as soon as the awaited thing happens), not a timing.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::{exits, project, seed_v1, toetsgen, wait_for};

/// The longest any awaited event may take on a loaded machine.
const TIMEOUT: Duration = Duration::from_secs(30);

const V1_TEXT: &str = "Kan actief hulp bieden aan de klant.";

/// A running `toetsgen serve`, killed when dropped; its output collected.
struct Serve {
    child: Child,
    port: u16,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Serve {
    /// Starts serve in `dir` on a port the system picks, and waits until it listens.
    fn start(dir: &Path) -> Serve {
        let mut child = toetsgen(dir)
            .args(["serve", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        lines.read_line(&mut first).unwrap();
        let stdout = Arc::new(Mutex::new(first.clone()));
        let stderr = Arc::new(Mutex::new(String::new()));
        collect(lines, Arc::clone(&stdout));
        collect(child.stderr.take().unwrap(), Arc::clone(&stderr));
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in the first line: {first:?}"));
        Serve {
            child,
            port,
            stdout,
            stderr,
        }
    }

    fn get(&self, target: &str) -> (u16, String) {
        get(self.port, target)
    }

    /// The number of builds so far and whether the last one succeeded.
    fn status(&self) -> (u64, bool) {
        let (_, body) = self.get("/__toetsgen/status");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        (
            json["builds"].as_u64().unwrap(),
            json["ok"].as_bool().unwrap(),
        )
    }

    fn wait_for_builds(&self, at_least: u64) -> (u64, bool) {
        wait_for(&format!("build {at_least}"), || {
            Some(self.status()).filter(|(n, _)| *n >= at_least)
        })
    }

    fn output(&self) -> (String, String) {
        let text = |m: &Mutex<String>| m.lock().unwrap().clone();
        (text(&self.stdout), text(&self.stderr))
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Copies what a pipe says into `into`, on a thread of its own.
fn collect(mut from: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            into.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
}

/// A raw HTTP GET, sent as written (no client tidies the path): status and body.
fn get(port: u16, target: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {response:?}"));
    let body = response.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, body.to_owned())
}

/// A project with the V1 plan; its plan file.
fn v1_project() -> (tempfile::TempDir, PathBuf) {
    let dir = project(&[&seed_v1()]);
    let plan = dir.path().join("toetsplannen/V1-dienstverlening.yaml");
    (dir, plan)
}

fn edit(plan: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(plan).unwrap();
    assert!(text.contains(from), "{from} not in the plan");
    std::fs::write(plan, text.replacen(from, to, 1)).unwrap();
}

/// Opens the reload event stream and returns it once the server has answered.
fn events(port: u16) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    write!(
        stream,
        "GET /__toetsgen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    read_until(&mut reader, "retry:");
    reader
}

/// Reads lines until one starts with `prefix`.
fn read_until(reader: &mut BufReader<TcpStream>, prefix: &str) {
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader
            .read_line(&mut line)
            .expect("the stream ended or timed out");
        assert!(n > 0, "the event stream closed before `{prefix}`");
        if line.starts_with(prefix) {
            return;
        }
    }
}

/// An edited toetsterm reaches the open page: a reload event, then the new text in the page;
/// the reload script is in the served page only, never in the file on disk.
#[test]
fn edit_sends_reload_and_serves_the_new_text() {
    let (dir, plan) = v1_project();
    let serve = Serve::start(dir.path());
    serve.wait_for_builds(1);
    let (status, page) = serve.get("/V1/toetsplan.html");
    assert_eq!(status, 200);
    assert!(page.contains("/__toetsgen/reload.js") && page.contains(V1_TEXT));
    let (status, script) = serve.get("/__toetsgen/reload.js");
    assert!(status == 200 && script.contains("EventSource"), "{script}");
    let mut stream = events(serve.port);
    edit(&plan, V1_TEXT, "Helpt de klant actief (nieuwe tekst).");
    read_until(&mut stream, "event: reload");
    let (_, page) = serve.get("/V1/toetsplan.html");
    assert!(
        page.contains("Helpt de klant actief (nieuwe tekst)."),
        "{page}"
    );
    let file = std::fs::read_to_string(dir.path().join("output/V1/toetsplan.html")).unwrap();
    assert!(file.contains("Helpt de klant actief (nieuwe tekst)."));
    assert!(
        !file.contains("__toetsgen"),
        "the script must not be written to the file"
    );
}

/// A broken plan's error (file, line, the line itself, the fix) shows in the page and in the
/// terminal, escaped, until the plan is fixed; then only the warnings of its texts remain.
#[test]
fn broken_plan_shows_its_error_until_fixed() {
    let (dir, plan) = v1_project();
    let serve = Serve::start(dir.path());
    serve.wait_for_builds(1);
    edit(&plan, "code: V1.01", "code: X1.01");
    wait_for("the failed build", || {
        Some(serve.status()).filter(|(_, ok)| !ok)
    });
    for target in ["/V1/toetsplan.html", "/", "/V9/niet-er.html"] {
        let (_, page) = serve.get(target);
        for expected in [
            "does not start with the plan code",
            "--&gt; toetsplannen/V1-dienstverlening.yaml:23:",
            "- code: X1.01",
            "help: write it as",
        ] {
            assert!(
                page.contains(expected),
                "{target}: {expected} missing in\n{page}"
            );
        }
    }
    let (_, stderr) = serve.output();
    assert!(
        stderr.contains("toetsplannen/V1-dienstverlening.yaml:23:"),
        "{stderr}"
    );
    edit(&plan, "code: X1.01", "code: V1.01");
    wait_for("the good build", || {
        Some(serve.status()).filter(|(_, ok)| *ok)
    });
    let (_, page) = serve.get("/V1/toetsplan.html");
    assert!(
        !page.contains("<section lang=\"en\" role=\"alert\""),
        "{page}"
    );
    // What remains are the readability warnings of V1's texts (issue 19): shown, as a status
    // and not an alert, since the documents were made.
    assert!(
        page.contains("<section lang=\"en\" role=\"status\""),
        "{page}"
    );
    assert!(page.contains("is harder than taalniveau 2F"), "{page}");
}

/// Requests for anything outside the output folder — `..`, encoded or not, hidden files,
/// symbolic links — are refused; a plain document is served.
#[test]
fn paths_outside_the_output_folder_are_refused() {
    let (dir, _) = v1_project();
    std::fs::write(dir.path().join("Cargo.toml"), "[package] geheim").unwrap();
    let output = dir.path().join("output");
    std::fs::create_dir_all(&output).unwrap();
    std::os::unix::fs::symlink("../Cargo.toml", output.join("link.html")).unwrap();
    std::os::unix::fs::symlink("..", output.join("uit")).unwrap();
    let serve = Serve::start(dir.path());
    serve.wait_for_builds(1);
    let (status, page) = serve.get("/V1/toetsplan.md");
    assert_eq!(status, 200, "{page}");
    for target in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E%2FCargo.toml",
        "/..%2fCargo.toml",
        "/V1/..%2f..%2fCargo.toml",
        "/V1/%2e%2e/%2e%2e/Cargo.toml",
        "/.toetsgen.json",
        "/link.html",
        "/uit/Cargo.toml",
    ] {
        let (status, body) = serve.get(target);
        assert_eq!(status, 403, "{target}: {body}");
        assert!(!body.contains("geheim"), "{target}: {body}");
    }
}

/// Ten saves within 100 ms (plain writes and an editor's write-then-rename) give one rebuild:
/// a save after them is the next build, number three.
#[test]
fn ten_quick_saves_give_one_rebuild() {
    let (dir, plan) = v1_project();
    let serve = Serve::start(dir.path());
    serve.wait_for_builds(1);
    let original = std::fs::read_to_string(&plan).unwrap();
    let start = Instant::now();
    for i in 0..10 {
        let text = original.replacen(V1_TEXT, &format!("Opslag {i}."), 1);
        if i % 2 == 0 {
            std::fs::write(&plan, text).unwrap();
        } else {
            let tmp = plan.with_extension("yaml.tmp");
            std::fs::write(&tmp, text).unwrap();
            std::fs::rename(&tmp, &plan).unwrap();
        }
    }
    assert!(
        start.elapsed() < Duration::from_millis(100),
        "the saves were slow"
    );
    wait_for("the page after the saves", || {
        Some(serve.get("/V1/toetsplan.html").1).filter(|p| p.contains("Opslag 9."))
    });
    edit(&plan, "Opslag 9.", "Daarna.");
    wait_for("the page after the last save", || {
        Some(serve.get("/V1/toetsplan.html").1).filter(|p| p.contains("Daarna."))
    });
    // The page is written before the build is counted: wait for the count, then pin it.
    serve.wait_for_builds(3);
    assert_eq!(serve.status(), (3, true), "{:?}", serve.output());
}

/// A port in use is an error that names the port and the fix, exit code 1.
#[test]
fn port_in_use_is_a_clear_error() {
    let (dir, _) = v1_project();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (_, stderr) = exits(
        toetsgen(dir.path()).args(["serve", "--port", &port]),
        1,
        &[&format!("port {port} on 127.0.0.1 is already in use")],
    );
    // The port taken, and the free port the message proposes, differ from run to run.
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(&format!(r"\b{port}\b"), "[port]");
    settings.add_filter(r"--port \d+", "--port [free port]");
    settings.bind(|| insta::assert_snapshot!("port_in_use", stderr));
    assert!(!dir.path().join("output").exists(), "nothing built");
}

/// SIGTERM ends serve cleanly: exit code 0, a last line, the port closed, no staging left.
#[test]
fn sigterm_stops_serve_cleanly() {
    let (dir, _) = v1_project();
    let mut serve = Serve::start(dir.path());
    serve.wait_for_builds(1);
    let pid = serve.child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = wait_for("serve to stop", || serve.child.try_wait().unwrap());
    let (stdout, stderr) = serve.output();
    assert_eq!(status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("Stopped serving"), "{stdout}");
    assert!(TcpStream::connect(("127.0.0.1", serve.port)).is_err());
    assert!(!dir.path().join(".output.toetsgen-staging").exists());
}
