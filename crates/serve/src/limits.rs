//! The limits of `serve`, in one place: what one client may send, how long it may take, and how
//! many clients are served at once. A browser on this computer never comes near them; a client
//! that does is answered with an error and closed, and never slows the others down.

use std::time::Duration;

/// The longest request line (method, path and version) read, in bytes; a longer one gets 414.
pub(crate) const MAX_REQUEST_LINE: usize = 8 * 1024;

/// The most bytes of header lines read for one request; more gets 431.
pub(crate) const MAX_HEADER_BYTES: usize = 16 * 1024;

/// The most header lines read for one request; more gets 431.
pub(crate) const MAX_HEADERS: usize = 64;

/// How long a client may take to send a whole request head, and how long an open connection
/// may wait for its next request.
pub(crate) const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long one write to a client may block (a client that stops reading is closed after it).
pub(crate) const WRITE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long an answer may take before it is held to [`MIN_RATE`]: the start of a download, a
/// slow moment of the client, its first few hundred kilobytes at any pace.
pub(crate) const RATE_GRACE: Duration = Duration::from_secs(10);

/// The slowest a client may read an answer once [`RATE_GRACE`] has passed, in bytes a second
/// averaged over the whole answer (32 KiB/s; a browser on this computer reads hundreds of MB a
/// second): a client that falls behind is cut off.
pub(crate) const MIN_RATE: u64 = 32 * 1024;

/// How much of an answer is written at a time, each piece due at [`MIN_RATE`].
pub(crate) const WRITE_CHUNK: usize = 64 * 1024;

/// The kernel's send buffer for one connection (Linux doubles it for its bookkeeping): what an
/// answer may run ahead of what its client has read. Without it the kernel takes megabytes of a
/// file at once on loopback, which the minimum rate would count as read, and holds them for a
/// client that never reads them.
pub(crate) const SEND_BUFFER: usize = 128 * 1024;

/// How long an answer may run before, when every place is taken and no connection waits for a
/// request, it may be closed to make room for a new client (a client that reads slowly).
pub(crate) const ANSWER_GRACE: Duration = Duration::from_secs(30);

/// After an error answer, how long and how much of what the client still sends is read and
/// dropped, so that the client can read the answer before the connection closes.
pub(crate) const LINGER_TIME: Duration = Duration::from_secs(2);

/// See [`LINGER_TIME`].
pub(crate) const LINGER_BYTES: usize = 4 * 1024 * 1024;

/// The most connections served at once, whatever the file-handle limit allows.
pub(crate) const MAX_CONNECTIONS: usize = 512;

/// The fewest connections served at once, however low the file-handle limit.
pub(crate) const MIN_CONNECTIONS: usize = 8;

/// File handles kept for everything but connections (the watcher, the build, standard streams).
pub(crate) const RESERVED_FILES: u64 = 64;

/// File handles one connection may hold at once: its socket, a folder on the way to a file,
/// the file.
pub(crate) const FILES_PER_CONNECTION: u64 = 3;

/// The most reload event streams open at once (each holds a connection for as long as its page
/// is open); never more than half the connections.
pub(crate) const MAX_EVENT_STREAMS: usize = 64;

/// How much of the start of an HTML page is read to find its `<body>` tag, after which the
/// reload script goes (a page whose tag comes later gets the script at its start); the rest of
/// the page is streamed.
pub(crate) const PAGE_START: u64 = 64 * 1024;

/// The stack of a connection's thread (it holds no large buffer: files are streamed).
pub(crate) const CONNECTION_STACK: usize = 512 * 1024;

/// The longest pause of the accepting thread when the system has no file handle to give.
pub(crate) const MAX_ACCEPT_BACKOFF: Duration = Duration::from_secs(1);

/// The number of connections served at once under the soft file-handle limit `files`.
pub(crate) fn connections_for(files: Option<u64>) -> usize {
    let Some(files) = files else {
        return MAX_CONNECTIONS;
    };
    let fit = files.saturating_sub(RESERVED_FILES) / FILES_PER_CONNECTION;
    usize::try_from(fit)
        .unwrap_or(MAX_CONNECTIONS)
        .clamp(MIN_CONNECTIONS, MAX_CONNECTIONS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The connection limit leaves file handles to spare under a low limit and stays bounded.
    #[test]
    fn connections_fit_the_file_limit() {
        assert_eq!(connections_for(Some(256)), 64);
        assert_eq!(connections_for(Some(1024)), 320);
        assert_eq!(connections_for(Some(20)), MIN_CONNECTIONS);
        assert_eq!(connections_for(Some(1 << 20)), MAX_CONNECTIONS);
        assert_eq!(connections_for(None), MAX_CONNECTIONS);
    }
}
