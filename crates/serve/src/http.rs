//! The HTTP side of `serve`, after typst's `watch` server: `tiny_http` on one thread answering
//! files of the output folder, and a thread per open page holding a Server-Sent Events stream
//! that says `reload` after every build. Only `GET` and `HEAD`; only files inside the output
//! folder, found through the build's own rule ([`resolve_in`]); nothing written.

use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{Context, Result, anyhow};
use tiny_http::{Header, Method, Request, Response};

use crate::page::{self, PREFIX, Route};
use toetsgen_output::dir::resolve_in;
use toetsgen_output::path::RelPath;

/// How often an idle event stream is checked for a closed page or a stopped server.
const KEEPALIVE: Duration = Duration::from_secs(10);

/// What the pages are told about the builds.
#[derive(Debug, Default, Clone)]
pub struct Status {
    /// Builds finished since serve started.
    pub builds: u64,
    /// The problems of the last build (errors and warnings, as the terminal shows them).
    pub problems: Vec<String>,
    /// Whether the last build succeeded.
    pub ok: bool,
}

/// State shared by the request threads: the status, and whether the server is stopping.
#[derive(Default)]
struct Shared {
    state: Mutex<(Status, bool)>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, (Status, bool)> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A running server; dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    http: Arc<tiny_http::Server>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Listens on `addr` and serves the files of `output`. A port in use is an error that says
    /// what to do.
    pub fn start(addr: SocketAddr, output: &Path) -> Result<Server> {
        let listener = TcpListener::bind(addr).map_err(|err| match err.kind() {
            io::ErrorKind::AddrInUse => anyhow!(
                "port {} on {} is already in use (by another `toetsgen serve`, or another program): stop that program, or choose another port, e.g. `toetsgen serve --port {}`",
                addr.port(),
                addr.ip(),
                addr.port().wrapping_add(1).max(1024)
            ),
            _ => anyhow!("cannot listen on {addr}: {err}"),
        })?;
        let addr = listener
            .local_addr()
            .context("cannot read the server's address")?;
        let http = tiny_http::Server::from_listener(listener, None)
            .map_err(|err| anyhow!("cannot start the web server on {addr}: {err}"))?;
        let http = Arc::new(http);
        let shared = Arc::new(Shared::default());
        let (server, state, root) = (Arc::clone(&http), Arc::clone(&shared), output.to_owned());
        let thread = std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let _ = handle(request, &root, &state);
            }
        });
        Ok(Server {
            addr,
            http,
            shared,
            thread: Some(thread),
        })
    }

    /// The address served (with the port the system gave, when port 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Tells every open page about a finished build: they reload.
    pub fn publish(&self, status: Status) {
        self.shared.lock().0 = status;
        self.shared.changed.notify_all();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.lock().1 = true;
        self.shared.changed.notify_all();
        self.http.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answers one request.
fn handle(request: Request, root: &Path, shared: &Arc<Shared>) -> io::Result<()> {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let text = "only GET and HEAD are served";
        return request.respond(Response::from_string(text).with_status_code(405));
    }
    let url = request.url().to_owned();
    match url
        .strip_prefix(PREFIX)
        .map(|r| r.split('?').next().unwrap_or(r))
    {
        Some("events") => {
            let shared = Arc::clone(shared);
            std::thread::spawn(move || events(request, &shared));
            return Ok(());
        }
        Some("reload.js") => {
            return request.respond(with_type(
                Response::from_string(page::RELOAD_JS),
                "text/javascript; charset=utf-8",
            ));
        }
        Some("status") => return request.respond(status(shared)),
        _ => {}
    }
    let problems = shared.lock().0.problems.clone();
    match page::route(&url) {
        Route::File(rel) => file(request, root, &rel, &problems),
        Route::Refused(why) => request.respond(
            Response::from_string(format!(
                "refused: {why}; toetsgen serve only serves files inside the output folder"
            ))
            .with_status_code(403),
        ),
    }
}

/// Answers with a file of the output folder: HTML with the script and problems added, a folder
/// as a redirect to its index, a link or anything not a plain file as refused.
fn file(request: Request, root: &Path, rel: &RelPath, problems: &[String]) -> io::Result<()> {
    let path: PathBuf = match resolve_in(root, rel) {
        Ok(path) => path,
        Err(err) => {
            let text = format!("refused: {err:#}");
            return request.respond(Response::from_string(text).with_status_code(403));
        }
    };
    let meta = std::fs::metadata(&path);
    if meta.as_ref().is_ok_and(std::fs::Metadata::is_dir) {
        let to = format!("/{rel}/");
        let location = Header::from_bytes("Location", to.as_bytes()).map_err(bad_header)?;
        return request.respond(Response::empty(301).with_header(location));
    }
    let bytes = match meta.ok().filter(std::fs::Metadata::is_file) {
        Some(_) => std::fs::read(&path).ok(),
        None => None,
    };
    let kind = page::content_type(rel);
    match bytes {
        Some(bytes) if kind.starts_with("text/html") => {
            let html = page::inject(&String::from_utf8_lossy(&bytes), problems);
            request.respond(with_type(Response::from_string(html), kind))
        }
        Some(bytes) => request.respond(with_type(Response::from_data(bytes), kind)),
        None => request.respond(
            with_type(
                Response::from_string(page::not_found(rel.as_str(), problems)),
                "text/html; charset=utf-8",
            )
            .with_status_code(404),
        ),
    }
}

/// The status as JSON: builds so far, whether the last one succeeded, its problems.
fn status(shared: &Shared) -> Response<io::Cursor<Vec<u8>>> {
    let status = shared.lock().0.clone();
    let json = serde_json::json!({
        "builds": status.builds,
        "ok": status.ok,
        "problems": status.problems,
    });
    with_type(Response::from_string(json.to_string()), "application/json")
}

/// A response with its content type, never cached, never sniffed.
fn with_type<R: io::Read>(response: Response<R>, kind: &str) -> Response<R> {
    let headers = [
        ("Content-Type", kind),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ];
    headers.into_iter().fold(response, |r, (name, value)| {
        match Header::from_bytes(name, value) {
            Ok(header) => r.with_header(header),
            Err(()) => r,
        }
    })
}

fn bad_header(_: ()) -> io::Error {
    io::Error::other("a header could not be made")
}

/// Holds a Server-Sent Events stream open: `event: reload` after each build, a comment now and
/// then to find out that the page was closed, the end when the server stops.
fn events(request: Request, shared: &Shared) -> io::Result<()> {
    let mut writer = request.into_writer();
    // Written by hand: tiny_http would send the stream chunked, which browsers dislike here.
    write!(
        writer,
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\nretry: 1000\n\n"
    )?;
    writer.flush()?;
    let mut seen = shared.lock().0.builds;
    loop {
        let guard = shared.lock();
        let (guard, _) = shared
            .changed
            .wait_timeout_while(guard, KEEPALIVE, |(status, stop)| {
                !*stop && status.builds == seen
            })
            .unwrap_or_else(PoisonError::into_inner);
        let (builds, stop) = (guard.0.builds, guard.1);
        drop(guard);
        if stop {
            return Ok(());
        }
        if builds != seen {
            seen = builds;
            write!(writer, "event: reload\ndata: {builds}\n\n")?;
        } else {
            write!(writer, ": still here\n\n")?;
        }
        writer.flush()?;
    }
}
