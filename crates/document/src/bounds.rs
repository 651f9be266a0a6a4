//! Bounds on rendering a user's templates, in time, in output and in what a template may ask
//! for. A template is a program: a loop over `range(end=3000000000)` or a text doubled in a loop
//! can take gigabytes, and nested loops hours. Checked before rendering (each template's syntax
//! tree, see [`check_body`]): a `range()` whose literal bounds make more than [`MAX_RANGE`]
//! numbers, and a `set` that builds a value from itself more than once. While rendering:
//! `range()` refuses more than [`MAX_RANGE`] numbers whatever its arguments ([`Range`]); and a
//! render of an engine holding a template of the user's runs on a thread of its own
//! ([`render`]), whose caller waits at most [`RENDER_TIME`] and stops waiting at once when the
//! build is cancelled, and whose output stops at [`RENDER_OUTPUT`] bytes. The thread cannot be
//! killed, so a render stopped from outside (timed out or cancelled) ends itself: at its next
//! write of output, or at its next call of a function or filter of ours ([`stopped`]: each
//! render thread keeps its stop flag where they can see it), which a loop that writes nothing
//! still makes at every turn of its inner `range()`. So `bekijk`, which renders again after every
//! edit, does not gather spinning threads; [`RUNNING`] counts the render threads still running.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, anyhow, bail};
use tera::ast::{Expr, ExprVal, FunctionCall};
use tera::{Tera, Value};
use toetsgen_base::cancel::Cancel;
use toetsgen_base::msg;

use crate::engine::chain;
use crate::recursion::Refs;

/// The longest a render may take.
pub(crate) const RENDER_TIME: Duration = Duration::from_secs(10);
/// The most bytes a render may write (64 MB; a V1 document is a few KB, the site's index of
/// 2,000 plans about 3 MB).
pub(crate) const RENDER_OUTPUT: usize = 64_000_000;
/// The most numbers one `range()` may make.
pub(crate) const MAX_RANGE: u64 = 100_000;
/// How often a waiting caller looks at the cancel flag.
const TICK: Duration = Duration::from_millis(20);
/// The stack of a render's thread (the main thread's size: Tera renders recursively).
const RENDER_STACK: usize = 8 * 1024 * 1024;

/// The render threads running now, stopped ones included until they have ended.
pub(crate) static RUNNING: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// On a render's own thread, its stop flag (set when the caller stops waiting).
    static STOP: RefCell<Option<Arc<AtomicBool>>> = const { RefCell::new(None) };
}

/// Fails once the render on this thread has been stopped from outside: called by each function
/// and filter of ours, so that a render nobody waits for any more ends at its next call.
pub(crate) fn stopped() -> tera::Result<()> {
    match STOP.with_borrow(|stop| stop.as_ref().is_some_and(|s| s.load(Ordering::Relaxed))) {
        // Never shown: the caller has stopped waiting for this render.
        true => Err(tera::Error::msg("stopped")),
        false => Ok(()),
    }
}

/// One of [`RUNNING`], for as long as it lives (on its render's thread).
struct Running;

impl Running {
    fn start() -> Running {
        RUNNING.fetch_add(1, Ordering::SeqCst);
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Checks one body (a template's or a macro's) of the template `origin` before it renders: its
/// `range()` calls with literal bounds, and its `set`s.
pub(crate) fn check_body(refs: &Refs<'_>, origin: &str) -> Result<()> {
    for call in &refs.ranges {
        let literal = |arg: &str| match call.args.get(arg) {
            None => Some(None),
            Some(expr) => literal_int(expr).map(Some),
        };
        let (Some(start), Some(Some(end)), Some(step)) =
            (literal("start"), literal("end"), literal("step_by"))
        else {
            continue;
        };
        let (start, step) = (start.unwrap_or(0), step.unwrap_or(1));
        if step <= 0 {
            bail!(msg!(
                "document-range-step-zero",
                origin = origin,
                call = shown(call)
            ));
        }
        let count = count(start, end, step);
        if count > MAX_RANGE {
            bail!(msg!(
                "document-range-too-long",
                origin = origin,
                call = shown(call),
                count = count.to_string(),
                max = MAX_RANGE
            ));
        }
    }
    for set in &refs.sets {
        let (mentions, filters) = mentions(&set.value, &set.key);
        let grows = mentions >= 2 || (mentions >= 1 && filters.contains(&"replace"));
        if grows {
            bail!(msg!("document-set-grows", origin = origin, key = &set.key));
        }
    }
    Ok(())
}

/// The number of `range(start, end, step_by)`: 0 when start is past end (Tera refuses it).
fn count(start: i64, end: i64, step: i64) -> u64 {
    let span = u64::try_from(end.saturating_sub(start)).unwrap_or(0);
    span.div_ceil(u64::try_from(step).unwrap_or(1))
}

/// A call of `range` as the message shows it: its literal arguments in a fixed order.
fn shown(call: &FunctionCall) -> String {
    let args: Vec<String> = ["start", "end", "step_by"]
        .into_iter()
        .filter_map(|a| (call.args.get(a).and_then(literal_int)).map(|v| format!("{a}={v}")))
        .collect();
    format!("range({})", args.join(", "))
}

/// An expression's value when it is an integer written out, with no filter.
fn literal_int(expr: &Expr) -> Option<i64> {
    match (&expr.val, expr.negated || !expr.filters.is_empty()) {
        (ExprVal::Int(i), false) => Some(*i),
        _ => None,
    }
}

/// How often an expression names the variable `key` (or a part of it), and the filters it uses;
/// walked with a stack of its own.
fn mentions<'a>(expr: &'a Expr, key: &str) -> (usize, Vec<&'a str>) {
    let names = |ident: &str| {
        ident == key || (ident.strip_prefix(key)).is_some_and(|rest| rest.starts_with(['.', '[']))
    };
    let (mut count, mut filters) = (0, Vec::new());
    let mut exprs: Vec<&'a Expr> = vec![expr];
    let mut vals: Vec<&'a ExprVal> = Vec::new();
    loop {
        if let Some(expr) = exprs.pop() {
            vals.push(&expr.val);
            for filter in &expr.filters {
                filters.push(filter.name.as_str());
                exprs.extend(filter.args.values());
            }
            continue;
        }
        let Some(val) = vals.pop() else { break };
        match val {
            ExprVal::Ident(ident) => count += usize::from(names(ident)),
            ExprVal::Math(m) => exprs.extend([&*m.lhs, &*m.rhs]),
            ExprVal::Logic(l) => exprs.extend([&*l.lhs, &*l.rhs]),
            ExprVal::In(i) => exprs.extend([&*i.lhs, &*i.rhs]),
            ExprVal::Test(t) => exprs.extend(&t.args),
            ExprVal::MacroCall(c) => exprs.extend(c.args.values()),
            ExprVal::FunctionCall(c) => exprs.extend(c.args.values()),
            ExprVal::Array(items) => exprs.extend(items),
            ExprVal::StringConcat(c) => vals.extend(&c.values),
            ExprVal::String(_) | ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => {}
        }
    }
    (count, filters)
}

/// Tera's `range` function with a bound: the same arguments, numbers and messages, but more than
/// [`MAX_RANGE`] numbers (or a `step_by` of 0, with which Tera's never ends) is an error.
pub(crate) struct Range;

impl tera::Function for Range {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        stopped()?;
        let number = |name: &str, default: Option<usize>| match args.get(name) {
            Some(val) => tera::from_value::<usize>(val.clone()).map_err(|_| {
                let said = if name == "step_by" { "step" } else { name };
                tera::Error::msg(msg!(
                    "document-range-not-number",
                    name = name,
                    value = val.to_string(),
                    said = said
                ))
            }),
            None => default.ok_or_else(|| tera::Error::msg(msg!("document-range-no-end"))),
        };
        let start = number("start", Some(0))?;
        let step_by = number("step_by", Some(1))?;
        let end = number("end", None)?;
        if start > end {
            return Err(tera::Error::msg(msg!("document-range-start-after-end")));
        }
        if step_by == 0 {
            return Err(tera::Error::msg(msg!("document-range-never-ends")));
        }
        let count = u64::try_from((end - start).div_ceil(step_by)).unwrap_or(u64::MAX);
        if count > MAX_RANGE {
            return Err(tera::Error::msg(msg!(
                "document-range-too-many",
                count = count.to_string(),
                max = MAX_RANGE
            )));
        }
        Ok(Value::Array(
            (start..end).step_by(step_by).map(Value::from).collect(),
        ))
    }
}

/// Renders `name` on a thread of its own, bounded in time and output, stopped when `cancel` is.
/// `origin` names the template in messages.
pub(crate) fn render(
    tera: &Arc<Tera>,
    name: &str,
    ctx: &tera::Context,
    origin: &str,
    cancel: &Cancel,
) -> Result<String> {
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::sync_channel(1);
    let job = {
        let (tera, name, ctx, stop) = (
            Arc::clone(tera),
            name.to_owned(),
            ctx.clone(),
            Arc::clone(&stop),
        );
        let running = Running::start();
        move || {
            let _running = running;
            STOP.set(Some(Arc::clone(&stop)));
            let mut out = Bounded {
                bytes: Vec::with_capacity(2000),
                stop,
                over: false,
            };
            let result = tera.render_to(&name, &ctx, &mut out);
            let _ = tx.send((result, out));
        }
    };
    std::thread::Builder::new()
        .name("render".to_owned())
        .stack_size(RENDER_STACK)
        .spawn(job)
        .with_context(|| msg!("document-render-cannot-start", origin = origin))?;
    let start = Instant::now();
    let (result, out) = loop {
        match rx.recv_timeout(TICK) {
            Ok(done) => break done,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if let Err(cancelled) = cancel.check() {
                    stop.store(true, Ordering::SeqCst);
                    return Err(cancelled.into());
                }
                if start.elapsed() >= RENDER_TIME {
                    stop.store(true, Ordering::SeqCst);
                    bail!(msg!(
                        "document-render-too-slow",
                        origin = origin,
                        s = RENDER_TIME.as_secs()
                    ));
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                bail!(msg!("document-render-no-answer", origin = origin))
            }
        }
    };
    if out.over {
        bail!(msg!(
            "document-render-too-much",
            origin = origin,
            mb = RENDER_OUTPUT / 1_000_000
        ));
    }
    result
        .map_err(|e| anyhow!(chain(&e)))
        .with_context(|| msg!("document-render-failed", origin = origin))?;
    String::from_utf8(out.bytes).with_context(|| msg!("document-render-not-utf8", origin = origin))
}

/// A render's output: refuses to grow past [`RENDER_OUTPUT`], and any write once `stop` is set.
struct Bounded {
    bytes: Vec<u8>,
    stop: Arc<AtomicBool>,
    over: bool,
}

impl Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.stop.load(Ordering::Relaxed) {
            // Never shown: the caller has stopped waiting for this render.
            return Err(std::io::Error::other("stopped"));
        }
        if self.bytes.len() + buf.len() > RENDER_OUTPUT {
            self.over = true;
            // Never shown: the caller reports `over` in its own words.
            return Err(std::io::Error::other("over limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Function as _;

    fn range(args: &[(&str, u64)]) -> tera::Result<Value> {
        let args = args.iter().map(|(k, v)| ((*k).to_owned(), Value::from(*v)));
        Range.call(&args.collect())
    }

    /// The bounded range makes Tera's numbers, and refuses too many or a step of 0.
    #[test]
    fn range_is_teras_with_a_bound() {
        let values = |v: Vec<u64>| Value::Array(v.into_iter().map(Value::from).collect());
        assert_eq!(range(&[("end", 5)]).unwrap(), values(vec![0, 1, 2, 3, 4]));
        let stepped = range(&[("start", 1), ("end", 8), ("step_by", 3)]).unwrap();
        assert_eq!(stepped, values(vec![1, 4, 7]));
        assert_eq!(
            range(&[("end", MAX_RANGE)])
                .unwrap()
                .as_array()
                .unwrap()
                .len(),
            100_000
        );
        assert!(range(&[("end", MAX_RANGE + 1)]).is_err());
        assert!(range(&[("end", 3_000_000_000)]).is_err());
        assert!(range(&[("end", 5), ("step_by", 0)]).is_err());
        assert!(range(&[("start", 6), ("end", 5)]).is_err());
    }

    /// Two nested loops of 100,000 that write nothing: hours of work.
    const NESTED: &str =
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}";

    /// An engine with our `range` and filters holding `source` as `t.md.tera`.
    fn engine(source: &str) -> Arc<Tera> {
        let mut tera = Tera::default();
        tera.register_function("range", Range);
        crate::filters::register(&mut tera, crate::Format::Md);
        tera.add_raw_template("t.md.tera", source).unwrap();
        Arc::new(tera)
    }

    /// Waits until no render thread runs (other tests' renders are short), at most `limit`.
    fn none_running_within(limit: Duration) -> bool {
        let start = Instant::now();
        while RUNNING.load(Ordering::SeqCst) > 0 {
            if start.elapsed() > limit {
                return false;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        true
    }

    /// A render of loops that write nothing, cancelled, ends its thread within a second (it used
    /// to spin on for minutes, one more thread at each of `bekijk`'s rebuilds); so does one whose
    /// inner loop calls only a filter of ours. A render after them is not stopped.
    #[test]
    fn a_stopped_render_ends_its_thread() {
        let filtered = "{% set r = range(end=100000) %}{% for i in r %}{% for j in r %}\
            {% set t = j | tekst_inline %}{% endfor %}{% endfor %}";
        for source in [NESTED, filtered] {
            let cancel = Cancel::new();
            let canceller = {
                let cancel = cancel.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(Duration::from_millis(200));
                    cancel.cancel(15);
                })
            };
            let ctx = tera::Context::new();
            let err = render(&engine(source), "t.md.tera", &ctx, "t.md.tera", &cancel).unwrap_err();
            assert!(err.is::<toetsgen_base::cancel::Cancelled>(), "{err:#}");
            canceller.join().unwrap();
            assert!(
                none_running_within(Duration::from_secs(1)),
                "a stopped render still runs: {source}"
            );
        }
        // The stop was those renders' own: neither this thread nor the next render is stopped.
        assert!(stopped().is_ok());
        let (ctx, tera) = (
            tera::Context::new(),
            engine("{% for i in range(end=3) %}{{ i | tekst_inline }}{% endfor %}"),
        );
        let out = render(&tera, "t.md.tera", &ctx, "t.md.tera", &Cancel::new()).unwrap();
        assert_eq!(out, "012");
    }

    fn checked(source: &str) -> Result<()> {
        let tpl = tera::Template::new("t.md.tera", None, source).unwrap();
        check_body(&crate::recursion::refs_of(&tpl.ast), "t.md.tera")
    }

    /// Literal ranges past the bound and values built from themselves twice are refused; what
    /// templates usually do passes.
    #[test]
    fn the_static_check() {
        assert!(checked("{% for i in range(end=3000000000) %}x{% endfor %}").is_err());
        assert!(
            checked("{% for i in range(start=1, end=200002, step_by=2) %}{% endfor %}").is_err()
        );
        assert!(checked("{% for i in range(end=5, step_by=0) %}{% endfor %}").is_err());
        let doubling = r#"{% set s = "x" %}{% for i in range(end=28) %}{% set s = s ~ s %}{% endfor %}{{ s }}"#;
        assert!(checked(doubling).is_err());
        assert!(checked(r#"{% set_global s = s | replace(from="x", to="xx") %}"#).is_err());
        assert!(checked("{% for i in range(end=100000) %}{% endfor %}").is_ok());
        assert!(checked("{% for i in range(end=n) %}{% endfor %}").is_ok());
        assert!(checked(r#"{% set s = s ~ "," ~ t.s %}{% set n = n + 1 %}"#).is_ok());
    }
}
