//! One client's connection, on its own thread: request heads read one after the other (within
//! the limits of [`crate::limits`]), each answered before the next is read, until the client
//! closes, sends something wrong, waits too long or stops reading. What is answered: serve's own
//! addresses (the reload script, the status, the event stream) and the files of the output
//! folder, opened without following links ([`open`](super::open)), streamed.

use std::io::{BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::PoisonError;
use std::sync::atomic::Ordering;
use std::time::Instant;

use super::connections::{Connections, Place};
use super::head::{Bad, Head, HeadError, read_head};
use super::open::{Opened, open_in};
use super::respond::{Answer, Body, linger, write};
use super::{Context, KEEPALIVE, short_of_files};
use crate::limits::{HEAD_TIMEOUT, PAGE_START, SEND_BUFFER, WRITE_TIMEOUT};
use crate::page::{self, PREFIX, Route};
use toetsgen_base::{lang, msg};
use toetsgen_output::path::RelPath;

/// Serves the connection in `place` until it ends.
pub(crate) fn serve(place: &Place, list: &Connections, context: &Context) {
    let stream = &place.connection.stream;
    if stream.set_write_timeout(Some(WRITE_TIMEOUT)).is_err() {
        return;
    }
    let _ = stream.set_nodelay(true);
    let _ = rustix::net::sockopt::set_socket_send_buffer_size(stream, SEND_BUFFER);
    let mut reader = BufReader::with_capacity(8 * 1024, stream);
    loop {
        if !list.waiting(&place.connection) {
            return;
        }
        let head = read_head(&mut reader, stream, Instant::now() + HEAD_TIMEOUT);
        if !list.busy(&place.connection) {
            return;
        }
        let head = match head {
            Ok(head) => head,
            Err(HeadError::Closed | HeadError::TimedOut { started: false }) => return,
            Err(err) => {
                let answer = match err {
                    HeadError::TooLarge(414) => Answer::message(414, msg!("serve-path-too-long")),
                    HeadError::TooLarge(status) => {
                        Answer::message(status, msg!("serve-headers-too-large"))
                    }
                    HeadError::Bad(status, why) => Answer::message(status, bad(why)),
                    _ => Answer::message(408, msg!("serve-too-slow")),
                };
                write(stream, answer, false, true);
                linger(stream);
                return;
            }
        };
        let head_only = head.method == "HEAD";
        let close = head.close || head.body;
        match answer(&head, list, context) {
            Reply::Answer(answer) => {
                if !write(stream, answer, head_only, close) || close {
                    if head.body {
                        linger(stream);
                    }
                    return;
                }
            }
            Reply::Events => {
                if list.events(&place.connection) {
                    events(stream, context);
                }
                return;
            }
        }
    }
}

/// Why a request was not understood, as its answer says.
fn bad(why: Bad) -> String {
    match why {
        Bad::NoHost => msg!("serve-no-host"),
        Bad::RequestLine => msg!("serve-bad-request-line"),
        Bad::RequestLineNotText => msg!("serve-request-line-not-text"),
        Bad::Version => msg!("serve-bad-version"),
        Bad::HeaderLine => msg!("serve-bad-header-line"),
        Bad::Folded => msg!("serve-folded-header"),
        Bad::NoColon => msg!("serve-header-no-colon"),
        Bad::HeaderName => msg!("serve-bad-header-name"),
        Bad::HeaderControl => msg!("serve-header-control"),
        Bad::TwoHosts => msg!("serve-two-hosts"),
    }
}

/// What a request gets.
enum Reply {
    Answer(Answer),
    /// The reload event stream, which holds the connection until the page or server closes.
    Events,
}

/// The answer to one request.
fn answer(head: &Head, list: &Connections, context: &Context) -> Reply {
    if !matches!(head.method.as_str(), "GET" | "HEAD") {
        let answer = Answer::message(405, msg!("serve-only-get"));
        return Reply::Answer(answer.with("Allow", "GET, HEAD"));
    }
    if !host_allowed(head.host.as_deref(), context.bound) {
        return Reply::Answer(Answer::message(
            403,
            msg!("serve-wrong-host", addr = context.bound.to_string()),
        ));
    }
    match (head.target.strip_prefix(PREFIX)).map(|r| r.split('?').next().unwrap_or(r)) {
        Some("events") => return Reply::Events,
        Some("reload.js") => {
            let kind = "text/javascript; charset=utf-8";
            return Reply::Answer(Answer::text(200, kind, page::RELOAD_JS));
        }
        Some("status") => return Reply::Answer(status(context)),
        _ => {}
    }
    let (problems, stopped) = {
        let status = &context.lock().0;
        (status.problems.clone(), !status.ok)
    };
    Reply::Answer(match page::route(&head.target) {
        Route::File(rel) => file(list, context, &rel, (&problems, stopped)),
        Route::Refused(why) => Answer::message(403, msg!("serve-refused-path", why = why)),
    })
}

/// Whether a request's `Host` names this server: `localhost`, a loopback address or the
/// address listened on (any address, when listening on all of them), with no port or the port
/// listened on. A name that only resolves here (DNS rebinding) is refused. A request without
/// a Host (HTTP/1.0) did not come from a browser's page and is allowed.
pub(crate) fn host_allowed(host: Option<&str>, bound: SocketAddr) -> bool {
    let Some(host) = host else {
        return true;
    };
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((inner, "")) => (inner, None),
            Some((inner, port)) => match port.strip_prefix(':') {
                Some(port) => (inner, Some(port)),
                None => return false,
            },
            None => return false,
        },
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    if port.is_some_and(|p| p.parse::<u16>().ok() != Some(bound.port())) {
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    // IPv6 only in brackets, IPv4 only without.
    let ip = match host.starts_with('[') {
        true => name
            .parse::<std::net::Ipv6Addr>()
            .ok()
            .map(std::net::IpAddr::V6),
        false => name
            .parse::<std::net::Ipv4Addr>()
            .ok()
            .map(std::net::IpAddr::V4),
    };
    ip.is_some_and(|ip| ip.is_loopback() || ip == bound.ip() || bound.ip().is_unspecified())
}

/// A file of the output folder: HTML with the script and problems added, a folder as a
/// redirect to its index, a link or anything not a plain file refused.
/// `problems`: those of the last build, and whether they stopped a plan (errors).
fn file(
    list: &Connections,
    context: &Context,
    rel: &RelPath,
    (problems, stopped): (&[String], bool),
) -> Answer {
    let not_found = || {
        let page = page::not_found(rel.as_str(), problems, stopped);
        Answer::text(404, "text/html; charset=utf-8", page)
    };
    let mut opened = open_in(&context.root, rel);
    if matches!(&opened, Opened::Failed(err) if short_of_files(err)) && list.make_room() {
        // Out of file handles: a connection closed to make room, then once more.
        std::thread::sleep(std::time::Duration::from_millis(10));
        opened = open_in(&context.root, rel);
    }
    let (file, len) = match opened {
        Opened::File(file, len) => (file, len),
        Opened::Folder => return Answer::message(301, "").with("Location", format!("/{rel}/")),
        Opened::Missing => return not_found(),
        Opened::Link(path) => {
            return Answer::message(403, msg!("serve-refused-link", path = path));
        }
        Opened::Special => {
            return Answer::message(403, msg!("serve-refused-special", path = rel.as_str()));
        }
        Opened::Failed(err) => {
            return Answer::message(503, cannot_read_now(rel, &err));
        }
    };
    let kind = page::content_type(rel);
    if !kind.starts_with("text/html") {
        return Answer::file(kind, file, len);
    }
    // A page gets the script and problems after its `<body>` tag: only its start is read, the
    // rest is streamed like any file.
    let mut start = Vec::new();
    if let Err(err) = (&file).take(PAGE_START).read_to_end(&mut start) {
        return Answer::message(503, cannot_read_now(rel, &err));
    }
    let at = page::insertion_point(&start);
    let mut head = start[..at].to_vec();
    head.extend_from_slice(page::added(problems, stopped).as_bytes());
    head.extend_from_slice(&start[at..]);
    let rest = len.saturating_sub(start.len() as u64);
    Answer {
        status: 200,
        kind,
        extra: Vec::new(),
        body: Body::Spliced(head, file, rest),
    }
}

/// The answer's text when a file cannot be read now (no file handle left, no permission).
fn cannot_read_now(rel: &RelPath, err: &std::io::Error) -> String {
    msg!(
        "serve-cannot-read-now",
        path = rel.as_str(),
        error = lang::io_error(err)
    )
}

/// The status as JSON: builds so far, whether the last one succeeded, its problems.
fn status(context: &Context) -> Answer {
    let status = context.lock().0.clone();
    let json = serde_json::json!({
        "builds": status.builds,
        "ok": status.ok,
        "problems": status.problems,
    });
    Answer::text(200, "application/json", json.to_string())
}

/// Holds a Server-Sent Events stream open: `event: reload` after each build, a comment now and
/// then to find out that the page was closed, the end when the server stops. At most
/// `max_event_streams` at once (see [`Context`]); more are told to try again later.
fn events(mut stream: &TcpStream, context: &Context) {
    let open = context.event_streams.fetch_add(1, Ordering::AcqRel);
    let _count = EventCount(context);
    if open >= context.max_event_streams {
        let answer = Answer::message(503, msg!("serve-too-many-pages"));
        write(stream, answer.with("Retry-After", "10"), false, true);
        return;
    }
    let start = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\nretry: 1000\n\n";
    if stream.write_all(start.as_bytes()).is_err() {
        return;
    }
    let mut seen = context.lock().0.builds;
    loop {
        let guard = context.lock();
        let (guard, _) = (context.shared.changed)
            .wait_timeout_while(guard, KEEPALIVE, |(status, stop)| {
                !*stop && status.builds == seen
            })
            .unwrap_or_else(PoisonError::into_inner);
        let (builds, stop) = (guard.0.builds, guard.1);
        drop(guard);
        if stop {
            return;
        }
        let said = if builds != seen {
            seen = builds;
            write!(stream, "event: reload\ndata: {builds}\n\n")
        } else {
            write!(stream, ": still here\n\n")
        };
        if said.is_err() {
            return;
        }
    }
}

/// One open event stream, counted while it lives.
struct EventCount<'a>(&'a Context);

impl Drop for EventCount<'_> {
    fn drop(&mut self) {
        self.0.event_streams.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only names of this server pass, with no port or the right one.
    #[test]
    fn hosts_of_this_server_only() {
        let local: SocketAddr = "127.0.0.1:4300".parse().unwrap();
        for good in [
            None,
            Some("localhost"),
            Some("LocalHost:4300"),
            Some("127.0.0.1"),
            Some("127.0.0.1:4300"),
            Some("[::1]"),
            Some("[::1]:4300"),
        ] {
            assert!(host_allowed(good, local), "{good:?}");
        }
        for bad in [
            "evil.example",
            "evil.example:4300",
            "localhost:4301",
            "127.0.0.1:80",
            "127.0.0.1:",
            "localhost.evil.example",
            "10.0.0.5",
            "::1",
            "[::1",
            "[::1]x",
            "",
        ] {
            assert!(!host_allowed(Some(bad), local), "{bad:?}");
        }
        let lan: SocketAddr = "192.168.1.5:4300".parse().unwrap();
        assert!(host_allowed(Some("192.168.1.5:4300"), lan));
        assert!(!host_allowed(Some("192.168.1.6"), lan));
        let all: SocketAddr = "0.0.0.0:4300".parse().unwrap();
        assert!(host_allowed(Some("192.168.1.6:4300"), all));
        assert!(!host_allowed(Some("evil.example:4300"), all));
    }
}
