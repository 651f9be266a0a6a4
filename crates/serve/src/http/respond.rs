//! Answers written to a client: a status line, the headers every answer carries (length, type,
//! never cached, never sniffed) and a body from memory or streamed from an open file, never read
//! into memory whole, at the minimum rate ([`super::pace`]). `HEAD` gets the same headers and no
//! body.

use std::fs::File;
use std::io::Read;
use std::net::{Shutdown, TcpStream};
use std::time::Instant;

use super::pace::Paced;
use crate::limits::{LINGER_BYTES, LINGER_TIME};

/// The body of an answer.
pub(crate) enum Body {
    /// Bytes in memory (pages, messages, the status).
    Bytes(Vec<u8>),
    /// A file, streamed: its first `len` bytes.
    File(File, u64),
    /// Bytes in memory, then the next `len` bytes of a file (a page with the script added to
    /// its start).
    Spliced(Vec<u8>, File, u64),
}

/// An answer to write.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) kind: &'static str,
    pub(crate) extra: Vec<(&'static str, String)>,
    pub(crate) body: Body,
}

impl Answer {
    /// An answer of text.
    pub(crate) fn text(status: u16, kind: &'static str, text: impl Into<String>) -> Answer {
        Answer {
            status,
            kind,
            extra: Vec::new(),
            body: Body::Bytes(text.into().into_bytes()),
        }
    }

    /// A file's first `len` bytes, streamed.
    pub(crate) fn file(kind: &'static str, file: File, len: u64) -> Answer {
        Answer {
            status: 200,
            kind,
            extra: Vec::new(),
            body: Body::File(file, len),
        }
    }

    /// A plain-text message.
    pub(crate) fn message(status: u16, text: impl Into<String>) -> Answer {
        Answer::text(status, "text/plain; charset=utf-8", text)
    }

    /// With one more header.
    pub(crate) fn with(mut self, name: &'static str, value: impl Into<String>) -> Answer {
        self.extra.push((name, value.into()));
        self
    }
}

/// Writes `answer` (without its body when `head_only`); `close` adds `Connection: close`.
/// Returns whether the whole answer was written (at the minimum rate: a client that falls
/// behind is cut off).
pub(crate) fn write(stream: &TcpStream, answer: Answer, head_only: bool, close: bool) -> bool {
    let len = match &answer.body {
        Body::Bytes(bytes) => bytes.len() as u64,
        Body::File(_, len) => *len,
        Body::Spliced(bytes, _, len) => bytes.len() as u64 + len,
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {len}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n",
        answer.status,
        reason(answer.status),
        answer.kind,
    );
    for (name, value) in &answer.extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    let mut paced = Paced::new(stream);
    if head_only {
        return paced.bytes(head.as_bytes());
    }
    match answer.body {
        Body::Bytes(bytes) => {
            // One write for a small answer.
            let mut all = head.into_bytes();
            all.extend_from_slice(&bytes);
            paced.bytes(&all)
        }
        Body::File(file, len) => paced.bytes(head.as_bytes()) && paced.file(file, len),
        Body::Spliced(bytes, file, len) => {
            let mut all = head.into_bytes();
            all.extend_from_slice(&bytes);
            paced.bytes(&all) && paced.file(file, len)
        }
    }
}

/// After an error answer: stop writing, read and drop what the client still sends (for a while,
/// up to a limit), so that closing does not reset the connection before the answer is read.
pub(crate) fn linger(mut stream: &TcpStream) {
    let _ = stream.shutdown(Shutdown::Write);
    let deadline = Instant::now() + LINGER_TIME;
    let mut buf = [0u8; 8192];
    let mut read = 0;
    while read < LINGER_BYTES {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => read += n,
        }
    }
}

/// The reason phrase of a status line, as HTTP defines it (RFC 9110): protocol text, the same in
/// every language.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed", // document text: HTTP's own reason phrase
        408 => "Request Timeout",
        414 => "URI Too Long", // document text: HTTP's own reason phrase
        431 => "Request Header Fields Too Large", // document text: HTTP's own reason phrase
        500 => "Internal Server Error", // document text: HTTP's own reason phrase
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported", // document text: HTTP's own reason phrase

        _ => "",
    }
}
