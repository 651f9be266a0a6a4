//! The limits a session file and its candidates' spreadsheet must keep: far above a real session
//! (a day of exams has a few dozen candidates), small enough that no file can make a packet take
//! unbounded time or memory. README lists them.

/// The largest session file, in bytes.
pub(crate) const MAX_SESSION_BYTES: usize = 256 * 1024;

/// The largest spreadsheet export of candidates, in bytes.
pub(crate) const MAX_CSV_BYTES: usize = 2 * 1024 * 1024;

/// The most candidates in one session: typst holds the whole packet in memory, about 11 MiB a
/// candidate for V1 (benches/packet.sh): 5.4 GiB for 500, 13.5 GiB for 1,000.
pub(crate) const MAX_KANDIDATEN: usize = 500;

/// The most fields in one line of the spreadsheet export.
pub(crate) const MAX_CSV_FIELDS: usize = 32;

/// The longest name, place or location, in characters.
pub(crate) const MAX_TEXT_CHARS: usize = 200;

/// The longest candidate number, in characters.
pub(crate) const MAX_NUMMER_CHARS: usize = 40;

/// The most assessors in one session.
pub(crate) const MAX_BEOORDELAARS: usize = 2;
