//! An answer's writes held to a minimum rate: after [`RATE_GRACE`], the client must have read
//! the answer at [`MIN_RATE`] on average since it began. The answer is written in pieces of
//! [`WRITE_CHUNK`] (a file's read through one buffer of that size), each write with the socket's
//! write timeout set to the time left before its piece is due ([`WRITE_TIMEOUT`] at most); a
//! client that falls behind is cut off at once (the connection reset, so the kernel drops what
//! it still holds for it). What the kernel has taken counts as read, so a connection's send
//! buffer is kept small ([`crate::limits::SEND_BUFFER`]). Without the rate, a client reading a
//! large file a few bytes every few seconds would keep its connection for days: the write
//! timeout bounds only each single write.

use std::fs::File;
use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::limits::{MIN_RATE, RATE_GRACE, WRITE_CHUNK, WRITE_TIMEOUT};

/// Writes one answer to a client at the minimum rate or not at all.
pub(super) struct Paced<'a> {
    stream: &'a TcpStream,
    start: Instant,
    sent: u64,
}

impl<'a> Paced<'a> {
    /// An answer to `stream` that begins now.
    pub(super) fn new(stream: &'a TcpStream) -> Paced<'a> {
        Paced {
            stream,
            start: Instant::now(),
            sent: 0,
        }
    }

    /// Writes `bytes`; false when the client fell behind or the write failed.
    pub(super) fn bytes(&mut self, bytes: &[u8]) -> bool {
        bytes.chunks(WRITE_CHUNK).all(|piece| self.piece(piece))
    }

    /// Copies the next `len` bytes of `file`, a piece at a time through one buffer; false when
    /// fewer were sent.
    pub(super) fn file(&mut self, mut file: File, len: u64) -> bool {
        let mut buf = Vec::with_capacity(WRITE_CHUNK);
        let mut left = len;
        while left > 0 {
            let want = left.min(WRITE_CHUNK as u64);
            buf.clear();
            let read = (&mut file).take(want).read_to_end(&mut buf);
            if !read.is_ok_and(|n| n as u64 == want) || !self.piece(&buf) {
                return false;
            }
            left -= want;
        }
        true
    }

    /// Writes one piece by the time it is due at [`MIN_RATE`]: before each write the timeout is
    /// the time left ([`WRITE_TIMEOUT`] at most), so a client that takes part of it now and then
    /// gains no time. Cuts the client off when it falls behind or the write fails.
    fn piece(&mut self, piece: &[u8]) -> bool {
        let end = self.sent.saturating_add(piece.len() as u64);
        let due = self.start + RATE_GRACE + at_min_rate(end);
        let mut rest = piece;
        while !rest.is_empty() {
            let left = due
                .saturating_duration_since(Instant::now())
                .min(WRITE_TIMEOUT);
            let timed = !left.is_zero() && self.stream.set_write_timeout(Some(left)).is_ok();
            match timed.then(|| (&mut self.stream).write(rest)) {
                Some(Ok(n)) if n > 0 => rest = &rest[n..],
                Some(Err(e)) if e.kind() == io::ErrorKind::Interrupted => {}
                _ => {
                    // Closed now, the connection is reset instead of sending what the kernel
                    // still holds for it.
                    let _ =
                        rustix::net::sockopt::set_socket_linger(self.stream, Some(Duration::ZERO));
                    return false;
                }
            }
        }
        self.sent = end;
        true
    }
}

impl Drop for Paced<'_> {
    fn drop(&mut self) {
        // The connection's next answer, or its event stream, starts from the usual timeout.
        let _ = self.stream.set_write_timeout(Some(WRITE_TIMEOUT));
    }
}

/// How long `bytes` take at [`MIN_RATE`].
fn at_min_rate(bytes: u64) -> Duration {
    Duration::from_millis(bytes.saturating_mul(1000) / MIN_RATE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pace: 32 KiB a second, so a 16 MiB file is due 512 s after the grace period; no
    /// overflow for any length.
    #[test]
    fn the_minimum_rate() {
        assert_eq!(at_min_rate(MIN_RATE), Duration::from_secs(1));
        assert_eq!(at_min_rate(16 * 1024 * 1024), Duration::from_secs(512));
        assert_eq!(
            at_min_rate(u64::MAX),
            Duration::from_millis(u64::MAX / MIN_RATE)
        );
    }
}
