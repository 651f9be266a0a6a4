//! `toetsgen serve`, the live preview, beside [`build`](toetsgen_build) (which it runs on every
//! change): the [`http`] server over the output folder with its reload events, the [`watch`]er of
//! the plans and templates, and the [`page`] additions to a served page. It prints nothing: the
//! command line (`cmd::serve`) runs the loop and owns the terminal.
//!
//! Safety: loopback unless asked otherwise, only requests naming this server (its `Host`), only
//! files inside the output folder through the build's own path rule (no `..`, encoded or not, no
//! hidden files) opened without following a symbolic link at any step, nothing written: the
//! reload script and the problems are added to the response, never to a file. Hostile clients
//! are held to the [`limits`]: sizes, deadlines and a bounded number of connections.

pub mod http;
mod limits;
mod page;
pub mod watch;
