//! A request head read from a client within limits: the request line and the header lines, each
//! read with a deadline and a size cap ([`crate::limits`]), so that a client who sends too much,
//! or too slowly, costs a fixed amount of memory and time.

use std::io::{self, BufRead, BufReader};
use std::net::TcpStream;
use std::time::Instant;

use crate::limits::{MAX_HEADER_BYTES, MAX_HEADERS, MAX_REQUEST_LINE};

/// What the server needs of a request head.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Head {
    /// `GET`, `HEAD`, …
    pub(crate) method: String,
    /// The request target as sent (`/V1/toetsplan.html?x`).
    pub(crate) target: String,
    /// The `Host` header, when there is one.
    pub(crate) host: Option<String>,
    /// Whether the connection ends after the answer (HTTP/1.0, or `Connection: close`).
    pub(crate) close: bool,
    /// Whether the request has a body (which serve never reads: the connection then ends).
    pub(crate) body: bool,
}

/// Why no request head was read.
#[derive(Debug)]
pub(crate) enum HeadError {
    /// The connection ended (or was closed by the server) before a request.
    Closed,
    /// No whole head arrived in time; `started` when some of it had.
    TimedOut { started: bool },
    /// The request line is too long (414) or the headers are (431).
    TooLarge(u16),
    /// Not a request this server understands, with the status to answer and why.
    Bad(u16, Bad),
}

/// What is wrong with a request this server does not understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bad {
    /// An HTTP/1.1 request without `Host`.
    NoHost,
    /// The request line is not `METHOD /path HTTP/1.1`.
    RequestLine,
    /// The request line is not UTF-8.
    RequestLineNotText,
    /// An HTTP version other than 1.0 and 1.1.
    Version,
    /// A header line is not `Name: value`.
    HeaderLine,
    /// A folded header line.
    Folded,
    /// A header line without `:`.
    NoColon,
    /// A header's name is not a token.
    HeaderName,
    /// A header's value holds a control character.
    HeaderControl,
    /// `Host` given twice.
    TwoHosts,
}

/// Reads one request head from `reader`, whose stream is `stream`, before `deadline`.
pub(crate) fn read_head(
    reader: &mut BufReader<&TcpStream>,
    stream: &TcpStream,
    deadline: Instant,
) -> Result<Head, HeadError> {
    let mut line = Vec::new();
    let mut started = false;
    // Empty lines before a request line are allowed (RFC 9112, 2.2), a few of them.
    for _ in 0..4 {
        read_line(
            reader,
            stream,
            deadline,
            MAX_REQUEST_LINE,
            &mut line,
            started,
        )
        .map_err(|e| too_large(e, 414))?;
        started = true;
        if !line.is_empty() {
            break;
        }
    }
    let (method, target, version) = request_line(&line)?;
    let mut head = Head {
        method,
        target,
        host: None,
        close: version == Version::Http10,
        body: false,
    };
    let mut budget = MAX_HEADER_BYTES;
    for count in 0.. {
        read_line(reader, stream, deadline, budget, &mut line, true)
            .map_err(|e| too_large(e, 431))?;
        if line.is_empty() {
            if head.host.is_none() && version == Version::Http11 {
                return Err(HeadError::Bad(400, Bad::NoHost));
            }
            return Ok(head);
        }
        if count >= MAX_HEADERS {
            return Err(HeadError::TooLarge(431));
        }
        budget = budget.saturating_sub(line.len() + 2);
        header(&line, &mut head)?;
    }
    unreachable!("the loop above returns")
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Version {
    Http10,
    Http11,
}

fn too_large(err: HeadError, status: u16) -> HeadError {
    match err {
        HeadError::TooLarge(_) => HeadError::TooLarge(status),
        other => other,
    }
}

/// `GET /path HTTP/1.1`, split and checked.
fn request_line(line: &[u8]) -> Result<(String, String, Version), HeadError> {
    let bad = HeadError::Bad(400, Bad::RequestLine);
    let text =
        std::str::from_utf8(line).map_err(|_| HeadError::Bad(400, Bad::RequestLineNotText))?;
    let mut parts = text.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad);
    };
    let version = match version {
        "HTTP/1.1" => Version::Http11,
        "HTTP/1.0" => Version::Http10,
        v if v.starts_with("HTTP/") => {
            return Err(HeadError::Bad(505, Bad::Version));
        }
        _ => return Err(bad),
    };
    let token = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    let visible = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic());
    if !token(method) || !visible(target) {
        return Err(bad);
    }
    Ok((method.to_owned(), target.to_owned(), version))
}

/// One header line, whatever of it the server needs kept in `head`.
fn header(line: &[u8], head: &mut Head) -> Result<(), HeadError> {
    let bad = HeadError::Bad(400, Bad::HeaderLine);
    if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
        return Err(HeadError::Bad(400, Bad::Folded));
    }
    let text = std::str::from_utf8(line).map_err(|_| bad)?;
    let (name, value) = text
        .split_once(':')
        .ok_or(HeadError::Bad(400, Bad::NoColon))?;
    let value = value.trim_matches([' ', '\t']);
    if name.is_empty() || name.bytes().any(|b| !b.is_ascii_graphic()) {
        return Err(HeadError::Bad(400, Bad::HeaderName));
    }
    if value.chars().any(|c| c.is_control() && c != '\t') {
        return Err(HeadError::Bad(400, Bad::HeaderControl));
    }
    if name.eq_ignore_ascii_case("host") {
        if head.host.is_some() {
            return Err(HeadError::Bad(400, Bad::TwoHosts));
        }

        head.host = Some(value.to_owned());
    } else if name.eq_ignore_ascii_case("connection") {
        // HTTP/1.0 connections always end after the answer (no `Connection: keep-alive` is
        // sent back); an HTTP/1.1 one when the client says `close`.
        let close = value
            .split(',')
            .any(|w| w.trim().eq_ignore_ascii_case("close"));
        head.close |= close;
    } else if name.eq_ignore_ascii_case("transfer-encoding")
        || (name.eq_ignore_ascii_case("content-length") && value != "0")
    {
        head.body = true;
    }
    Ok(())
}

/// Reads one line into `line` (without its `\r\n` or `\n`), at most `max` bytes, before
/// `deadline`.
fn read_line(
    reader: &mut BufReader<&TcpStream>,
    stream: &TcpStream,
    deadline: Instant,
    max: usize,
    line: &mut Vec<u8>,
    started: bool,
) -> Result<(), HeadError> {
    line.clear();
    loop {
        if reader.buffer().is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            let timed_out = HeadError::TimedOut {
                started: started || !line.is_empty(),
            };
            if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
                return Err(timed_out);
            }
        }
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                return Err(HeadError::TimedOut {
                    started: started || !line.is_empty(),
                });
            }
            Err(_) => return Err(HeadError::Closed),
        };
        if buf.is_empty() {
            return Err(HeadError::Closed);
        }
        let (take, done) = match buf.iter().position(|b| *b == b'\n') {
            Some(at) => (at + 1, true),
            None => (buf.len(), false),
        };
        // The line's end (`\r\n`) does not count against the limit.
        if line.len() + take > max + 2 {
            return Err(HeadError::TooLarge(0));
        }
        line.extend_from_slice(&buf[..take]);
        reader.consume(take);
        if done {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::TcpListener;
    use std::time::Duration;

    /// Sends `bytes` over a loopback connection and reads a head from its other end.
    fn parse(bytes: &[u8]) -> Result<Head, HeadError> {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        let bytes = bytes.to_owned();
        let writer = std::thread::spawn(move || {
            let _ = client.write_all(&bytes);
            client
        });
        let mut reader = BufReader::new(&server);
        let deadline = Instant::now() + Duration::from_secs(1);
        let head = read_head(&mut reader, &server, deadline);
        drop(writer.join());
        head
    }

    /// A plain GET is read with its Host; keep-alive is HTTP/1.1's default.
    #[test]
    fn reads_a_get() {
        let head =
            parse(b"\r\nGET /a?b HTTP/1.1\r\nHost: localhost:4300\r\nAccept: */*\r\n\r\n").unwrap();
        assert_eq!(
            head,
            Head {
                method: "GET".into(),
                target: "/a?b".into(),
                host: Some("localhost:4300".into()),
                close: false,
                body: false,
            }
        );
        let head = parse(b"GET / HTTP/1.0\n\n").unwrap();
        assert!(head.close && head.host.is_none());
        assert!(
            parse(b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                .unwrap()
                .close
        );
        assert!(
            parse(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n")
                .unwrap()
                .close
        );
    }

    /// Too long a line or too many headers are refused with their status, garbage with 400,
    /// a head cut off with a timeout.
    #[test]
    fn refuses_what_is_too_large_or_wrong() {
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_REQUEST_LINE));
        assert!(matches!(
            parse(long.as_bytes()),
            Err(HeadError::TooLarge(414))
        ));
        let big = format!(
            "GET / HTTP/1.1\r\nX: {}\r\n\r\n",
            "a".repeat(MAX_HEADER_BYTES)
        );
        assert!(matches!(
            parse(big.as_bytes()),
            Err(HeadError::TooLarge(431))
        ));
        let many = format!(
            "GET / HTTP/1.1\r\n{}\r\n",
            "X: y\r\n".repeat(MAX_HEADERS + 1)
        );
        assert!(matches!(
            parse(many.as_bytes()),
            Err(HeadError::TooLarge(431))
        ));
        for bad in [
            &b"GET / HTTP/1.1\r\n\r\n"[..],
            b"GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: x\x01y\r\n\r\n",
            b"GET / HTTP/2.0\r\nHost: x\r\n\r\n",
        ] {
            assert!(
                matches!(parse(bad), Err(HeadError::Bad(..))),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        assert!(matches!(
            parse(b"GET / HTTP/1.1\r\nHo"),
            Err(HeadError::TimedOut { started: true })
        ));
    }
}
