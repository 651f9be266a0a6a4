//! The base under every floor: [`lang`] (the message catalogue), [`fs`] (files, safely), [`encoding`] (bytes to text), [`report`] (how the library tells about
//! its progress), [`cancel`] (how it is stopped) and [`words`] (word forms in messages).

pub mod cancel;
pub mod encoding;
pub mod fs;
pub mod lang;
pub mod report;
pub mod words;
