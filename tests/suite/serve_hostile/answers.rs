//! How `serve` writes its answers: a large file streamed, not read into memory; and at a minimum
//! rate: a client that reads a large file a small piece every couple of seconds is cut off once
//! the grace period has passed and it has fallen behind 32 KiB a second (the write timeout alone
//! let it keep its connection as long as it read something every ten seconds), while a
//! well-behaved client is answered meanwhile and a download of the same file at full speed
//! completes.

use super::*;

/// The size of the file read slowly: far more than the kernel buffers between the two ends.
const SIZE: u64 = 16 * 1024 * 1024;

/// The longest the slow reader may keep its connection: the grace period (10 s), what the
/// kernel holds for it at the minimum rate (a few seconds), and room for a loaded machine.
const CUT_OFF_WITHIN: Duration = Duration::from_secs(45);

/// A connection whose receive buffer is 4 KiB (set before it connects, so that the window it
/// offers stays small): what it does not read, the server cannot send.
fn small_window(addr: SocketAddr) -> TcpStream {
    use rustix::net::{AddressFamily, SocketType, connect, socket, sockopt};
    let fd = socket(AddressFamily::INET, SocketType::STREAM, None).unwrap();
    sockopt::set_socket_recv_buffer_size(&fd, 4096).unwrap();
    connect(&fd, &addr).unwrap();
    TcpStream::from(fd)
}

/// A client reading a 16 MiB file 4 KiB every two seconds is cut off after the grace period and
/// within 45 s; meanwhile a page is answered every time it is asked for, and the same file read
/// at full speed arrives whole.
#[test]
fn a_slow_reader_is_cut_off_and_holds_up_no_one() {
    let dir = v1_project();
    let serve = Serve::start(dir.path(), None);
    let big = std::fs::File::create(dir.path().join("output/groot.bin")).unwrap();
    big.set_len(SIZE).unwrap();
    let host = format!("127.0.0.1:{}", serve.port);
    let mut slow = small_window(serve.addr());
    slow.set_read_timeout(Some(TIMEOUT)).unwrap();
    slow.write_all(&request("GET", "/groot.bin", &host))
        .unwrap();
    let start = Instant::now();
    std::thread::scope(|threads| {
        let fast = threads.spawn(|| serve.send(&request("GET", "/groot.bin", &host)));
        let (mut read, mut buf) = (0, [0u8; 4096]);
        let took = loop {
            match slow.read(&mut buf) {
                Ok(0) | Err(_) => break start.elapsed(),
                Ok(n) => read += n,
            }
            let (status, page) = serve.get("/V1/toetsplan.md");
            assert!(status == 200 && page.contains(V1_TEXT), "{status} {page}");
            assert!(
                start.elapsed() < CUT_OFF_WITHIN,
                "the slow reader still reads after {:?} ({read} bytes)",
                start.elapsed()
            );
            std::thread::sleep(Duration::from_secs(2));
        };
        assert!(
            took > Duration::from_secs(9),
            "cut off after {took:?}, in the grace period"
        );
        assert!(read < SIZE as usize / 4, "{read} bytes read");
        let (status, body) = fast.join().unwrap();
        assert_eq!(
            (status, body.len() as u64),
            (200, SIZE),
            "the download at full speed"
        );
    });
}

/// HEAD and GET of a 200 MB file answer its length and (GET) all its bytes, while serve's
/// memory rises by less than 8 MB: the file is streamed (it used to be read whole).
#[test]
fn a_large_file_is_streamed() {
    let dir = v1_project();
    let serve = Serve::start(dir.path(), None);
    let size: u64 = 200 * 1024 * 1024;
    let big = std::fs::File::create(dir.path().join("output/groot.bin")).unwrap();
    big.set_len(size).unwrap();
    let host = format!("127.0.0.1:{}", serve.port);
    let (before, _) = serve.memory();
    serve.reset_peak();

    let mut stream = TcpStream::connect(serve.addr()).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream
        .write_all(&request("HEAD", "/groot.bin", &host))
        .unwrap();
    let mut head = Vec::new();
    stream.read_to_end(&mut head).unwrap();
    let head = String::from_utf8_lossy(&head);
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(
        head.contains(&format!("Content-Length: {size}\r\n")),
        "{head}"
    );
    assert!(head.ends_with("\r\n\r\n"), "HEAD has no body: {head}");

    let mut stream = TcpStream::connect(serve.addr()).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream
        .write_all(&request("GET", "/groot.bin", &host))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap() > 2 {
        line.clear();
    }
    let got = std::io::copy(&mut reader, &mut std::io::sink()).unwrap();
    assert_eq!(got, size);
    let (_, peak) = serve.memory();
    assert!(
        peak < before + 8 * 1024,
        "serve's memory rose from {before} KiB to a peak of {peak} KiB"
    );
}
