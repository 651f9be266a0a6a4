//! The open connections, bounded: at most [`Connections::new`]'s `cap` at once (set from the
//! file-handle limit). When all are taken, a new client takes the place of the one that has
//! waited longest for its next request (a connection that sends nothing, or sends a head slowly,
//! is what an attacker holds); when none waits, of the answer that has taken longest past a
//! grace period (a client reading slowly). An event stream is never closed for it (there are at
//! most half as many as places). The closing is a `shutdown` of the socket, which wakes the
//! thread reading or writing it.

use std::collections::HashMap;
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

const IDLE: u8 = 0;
const BUSY: u8 = 1;
const EVICTED: u8 = 2;
const EVENTS: u8 = 3;

/// One client's connection, shared between its thread and the list.
pub(crate) struct Connection {
    /// The socket (read and written through `&TcpStream`, never duplicated).
    pub(crate) stream: TcpStream,
    state: AtomicU8,
    /// When it started waiting for a request or answering one, in milliseconds since the list
    /// began.
    since: AtomicU64,
}

/// The list of open connections.
pub(crate) struct Connections {
    open: Mutex<HashMap<u64, Arc<Connection>>>,
    next: AtomicU64,
    epoch: Instant,
    cap: usize,
    /// How long an answer runs before it may be closed to make room, in milliseconds.
    grace: u64,
}

/// A place in the list; leaving it (when the connection's thread ends) frees the place.
pub(crate) struct Place {
    list: Arc<Connections>,
    id: u64,
    /// The connection.
    pub(crate) connection: Arc<Connection>,
}

impl Drop for Place {
    fn drop(&mut self) {
        self.list.lock().remove(&self.id);
    }
}

impl Connections {
    /// A list of at most `cap` connections, where an answer running longer than `grace` may be
    /// closed to make room.
    pub(crate) fn new(cap: usize, grace: Duration) -> Connections {
        Connections {
            open: Mutex::new(HashMap::new()),
            next: AtomicU64::new(0),
            epoch: Instant::now(),
            cap,
            grace: u64::try_from(grace.as_millis()).unwrap_or(u64::MAX),
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<u64, Arc<Connection>>> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn now(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Takes a place for `stream`: when the list is full, one is closed to make room (see the
    /// module's notes); `Err` gives the stream back when none can be.
    pub(crate) fn admit(self: &Arc<Self>, stream: TcpStream) -> Result<Place, TcpStream> {
        let mut open = self.lock();
        if open.len() >= self.cap {
            self.evict_oldest(&open);
            // Closed connections leave the list when their thread ends; until then they count,
            // up to a margin over the cap.
            let closing = (open.values())
                .filter(|c| c.state.load(Ordering::Acquire) == EVICTED)
                .count();
            if open.len() - closing >= self.cap || open.len() > self.cap + self.cap / 4 {
                return Err(stream);
            }
        }
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let connection = Arc::new(Connection {
            stream,
            state: AtomicU8::new(IDLE),
            since: AtomicU64::new(self.now()),
        });
        open.insert(id, Arc::clone(&connection));
        Ok(Place {
            list: Arc::clone(self),
            id,
            connection,
        })
    }

    /// Closes a connection to make room (see the module's notes); false when none can be.
    pub(crate) fn make_room(&self) -> bool {
        self.evict_oldest(&self.lock())
    }

    /// Closes the connection waiting longest, or else the answer running longest past the
    /// grace period; false when there is neither.
    fn evict_oldest(&self, open: &HashMap<u64, Arc<Connection>>) -> bool {
        let oldest = |state: u8| {
            (open.values())
                .filter(|c| c.state.load(Ordering::Acquire) == state)
                .min_by_key(|c| c.since.load(Ordering::Relaxed))
        };
        if let Some(idle) = oldest(IDLE) {
            return idle.evict(IDLE);
        }
        let due = self.now().saturating_sub(self.grace);
        (oldest(BUSY)).is_some_and(|c| c.since.load(Ordering::Relaxed) <= due && c.evict(BUSY))
    }

    /// Closes every connection (the server stops).
    pub(crate) fn close_all(&self) {
        for connection in self.lock().values() {
            connection.state.store(EVICTED, Ordering::Release);
            let _ = connection.stream.shutdown(Shutdown::Both);
        }
    }

    /// The connection answers a request: it is not closed to make room while the answer is
    /// younger than the grace period. False when it has been closed.
    pub(crate) fn busy(&self, connection: &Connection) -> bool {
        connection.since.store(self.now(), Ordering::Relaxed);
        (connection.state)
            .compare_exchange(IDLE, BUSY, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// The connection holds an event stream till its end: it is never closed to make room.
    /// False when it has been closed.
    pub(crate) fn events(&self, connection: &Connection) -> bool {
        (connection.state)
            .compare_exchange(BUSY, EVENTS, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }

    /// The connection starts waiting for a request; false when it has been closed.
    pub(crate) fn waiting(&self, connection: &Connection) -> bool {
        connection.since.store(self.now(), Ordering::Relaxed);
        (connection.state)
            .compare_exchange(BUSY, IDLE, Ordering::AcqRel, Ordering::Acquire)
            .map_or_else(|state| state == IDLE, |_| true)
    }
}

impl Connection {
    /// Closes the connection if it is still in `state`.
    fn evict(&self, state: u8) -> bool {
        let won = (self.state)
            .compare_exchange(state, EVICTED, Ordering::AcqRel, Ordering::Acquire)
            .is_ok();
        if won {
            let _ = self.stream.shutdown(Shutdown::Both);
        }
        won
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A listening socket that hands out the server side of fresh connections, keeping the
    /// client sides open as long as it lives.
    struct Server {
        listener: TcpListener,
        clients: std::sync::Mutex<Vec<TcpStream>>,
    }

    impl Server {
        fn new() -> Self {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            let clients = std::sync::Mutex::new(Vec::new());
            Self { listener, clients }
        }

        /// Connects a client and returns the accepted server side.
        fn accept(&self) -> TcpStream {
            let client = TcpStream::connect(self.listener.local_addr().unwrap()).unwrap();
            self.clients.lock().unwrap().push(client);
            self.listener.accept().unwrap().0
        }
    }

    /// A full list makes room by closing the connection waiting longest, never a busy one
    /// within its grace period, and turns a client away when every connection is busy.
    #[test]
    fn full_list_closes_the_oldest_waiting() {
        let server = Server::new();
        let accept = || server.accept();
        let list = Arc::new(Connections::new(2, Duration::from_secs(3600)));
        let a = list.admit(accept()).ok().unwrap();
        std::thread::sleep(Duration::from_millis(5));
        let b = list.admit(accept()).ok().unwrap();
        assert!(list.busy(&a.connection));
        let c = list.admit(accept()).ok().unwrap();
        assert!(!list.busy(&b.connection), "b waited longest and was closed");
        assert!(!list.waiting(&b.connection));
        drop(b);
        assert!(list.busy(&c.connection));
        assert!(list.admit(accept()).is_err(), "a and c are busy");
        assert!(list.waiting(&a.connection));
        let _d = list.admit(accept()).ok().unwrap();
        assert!(!list.waiting(&a.connection), "a was closed for d");
    }

    /// When no connection waits, the answer running longest past the grace period is closed;
    /// an event stream never is.
    #[test]
    fn full_list_closes_a_long_answer_but_no_event_stream() {
        let server = Server::new();
        let accept = || server.accept();
        let list = Arc::new(Connections::new(2, Duration::ZERO));
        let a = list.admit(accept()).ok().unwrap();
        let b = list.admit(accept()).ok().unwrap();
        assert!(list.busy(&a.connection) && list.events(&a.connection));
        assert!(list.busy(&b.connection));
        std::thread::sleep(Duration::from_millis(5));
        let _c = list.admit(accept()).ok().unwrap();
        assert!(!list.waiting(&b.connection), "b's answer was closed for c");
        assert_eq!(
            a.connection.state.load(Ordering::Acquire),
            EVENTS,
            "the stream stays"
        );
    }
}
