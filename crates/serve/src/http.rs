//! The HTTP side of `serve`: a small server over `std::net` made to survive hostile clients.
//! One thread accepts connections and never gives up (out of file handles it pauses and makes
//! room, see [`connections`]); each connection gets a thread of its own, so that a client that
//! sends slowly or never reads holds up only itself, and is closed at a deadline
//! ([`crate::limits`]; one that reads an answer slower than the minimum rate, by [`pace`]); at most a fixed number are open at once. Only `GET` and `HEAD`, only for
//! this server's own address (the `Host` header), only files inside the output folder, opened
//! without following links and streamed; nothing written. Open pages hold a Server-Sent Events
//! stream that says `reload` after every build.

mod client;
mod connections;
mod head;
mod open;
mod pace;
mod respond;

use std::io::{self, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{Context as _, Result, anyhow};
use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::io::Errno;
use rustix::process::{Resource, getrlimit};
use toetsgen_base::{lang, msg};

use crate::limits::{
    ANSWER_GRACE, CONNECTION_STACK, MAX_ACCEPT_BACKOFF, MAX_EVENT_STREAMS, connections_for,
};
use connections::Connections;

/// How often an idle event stream is checked for a closed page or a stopped server.
const KEEPALIVE: Duration = Duration::from_secs(10);

/// How long the accepting thread waits for a connection before it looks whether to stop.
const ACCEPT_POLL: Duration = Duration::from_millis(200);

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

/// What every connection's thread reads.
struct Context {
    root: PathBuf,
    bound: SocketAddr,
    shared: Shared,
    event_streams: AtomicUsize,
    /// The most event streams open at once: half the connections at most, so that open pages
    /// never take every place.
    max_event_streams: usize,
}

impl Context {
    fn lock(&self) -> MutexGuard<'_, (Status, bool)> {
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// A running server; dropping it stops it.
pub struct Server {
    addr: SocketAddr,
    context: Arc<Context>,
    list: Arc<Connections>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Listens on `addr` and serves the files of `output`. A port in use is an error that says
    /// what to do.
    pub fn start(addr: SocketAddr, output: &Path) -> Result<Server> {
        let listener = TcpListener::bind(addr).map_err(|err| match err.kind() {
            io::ErrorKind::AddrInUse => anyhow!(msg!(
                "serve-port-in-use",
                port = addr.port().to_string(),
                ip = addr.ip().to_string(),
                next = addr.port().wrapping_add(1).max(1024).to_string()
            )),
            _ => anyhow!(msg!(
                "serve-cannot-listen",
                addr = addr.to_string(),
                error = lang::io_error(&err)
            )),
        })?;
        let addr = listener.local_addr().context(msg!("serve-no-address"))?;
        listener
            .set_nonblocking(true)
            .with_context(|| msg!("serve-cannot-start", addr = addr.to_string()))?;
        let cap = connections_for(getrlimit(Resource::Nofile).current);
        let context = Arc::new(Context {
            root: output.to_owned(),
            bound: addr,
            shared: Shared::default(),
            event_streams: AtomicUsize::new(0),
            max_event_streams: (cap / 2).min(MAX_EVENT_STREAMS),
        });
        let list = Arc::new(Connections::new(cap, ANSWER_GRACE));
        let stop = Arc::new(AtomicBool::new(false));
        let accepting = Accept {
            listener,
            context: Arc::clone(&context),
            list: Arc::clone(&list),
            stop: Arc::clone(&stop),
        };
        let thread = std::thread::Builder::new()
            .name("serve-accept".to_owned())
            .spawn(move || accepting.run())
            .context(msg!("serve-no-thread"))?;

        Ok(Server {
            addr,
            context,
            list,
            stop,
            thread: Some(thread),
        })
    }

    /// The address served (with the port the system gave, when port 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Tells every open page about a finished build: they reload.
    pub fn publish(&self, status: Status) {
        self.context.lock().0 = status;
        self.context.shared.changed.notify_all();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        self.context.lock().1 = true;
        self.context.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.list.close_all();
    }
}

/// The accepting thread's part.
struct Accept {
    listener: TcpListener,
    context: Arc<Context>,
    list: Arc<Connections>,
    stop: Arc<AtomicBool>,
}

impl Accept {
    /// Accepts connections until the server stops. No error ends it: out of file handles (or
    /// memory) it closes a connection to make room and pauses, longer each time, up to
    /// [`MAX_ACCEPT_BACKOFF`]; any other error (a client gone before it was accepted) is passed.
    fn run(self) {
        let mut backoff = Duration::from_millis(10);
        while !self.stop.load(Ordering::Acquire) {
            match self.listener.accept() {
                Ok((stream, _)) => {
                    backoff = Duration::from_millis(10);
                    self.admit(stream);
                }
                Err(err) if err.kind() == io::ErrorKind::WouldBlock => self.wait(),
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) if short_of_files(&err) => {
                    self.list.make_room();
                    std::thread::sleep(backoff);
                    backoff = (backoff * 2).min(MAX_ACCEPT_BACKOFF);
                }
                Err(_) => std::thread::sleep(Duration::from_millis(1)),
            }
        }
    }

    /// Waits until a client connects, or for [`ACCEPT_POLL`].
    fn wait(&self) {
        let timeout = Timespec {
            tv_sec: 0,
            tv_nsec: i64::try_from(ACCEPT_POLL.as_nanos()).unwrap_or(0),
        };
        let mut fds = [PollFd::new(&self.listener, PollFlags::IN)];
        if rustix::event::poll(&mut fds, Some(&timeout)).is_err() {
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Gives a new connection its place and its thread, or turns it away at once when every
    /// place is busy or no thread can be started.
    fn admit(&self, stream: TcpStream) {
        // Accepted sockets do not inherit the listener's non-blocking mode on Linux, but say it.
        if stream.set_nonblocking(false).is_err() {
            return;
        }
        let place = match self.list.admit(stream) {
            Ok(place) => place,
            Err(stream) => return turn_away(stream),
        };
        let (list, context) = (Arc::clone(&self.list), Arc::clone(&self.context));
        let started = std::thread::Builder::new()
            .name("serve-client".to_owned())
            .stack_size(CONNECTION_STACK)
            .spawn(move || client::serve(&place, &list, &context));
        if started.is_err() {
            // The place was moved into the closure, which is dropped: the connection closes.
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Whether an accept or open failed for want of file handles or memory, which time (and
/// closing a connection) cures.
fn short_of_files(err: &io::Error) -> bool {
    let errno = err.raw_os_error().map(Errno::from_raw_os_error);
    matches!(
        errno,
        Some(Errno::MFILE | Errno::NFILE | Errno::NOBUFS | Errno::NOMEM)
    )
}

/// Tells a client that every place is busy, without waiting for it, and closes.
fn turn_away(mut stream: TcpStream) {
    let _ = stream.set_nonblocking(true);
    let _ = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n",
    );
}
