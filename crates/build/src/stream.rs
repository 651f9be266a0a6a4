//! The build as a stream, so that memory stays flat however many plans there are and writing
//! overlaps typst: a producer renders the plans a window at a time (in parallel) and deals their
//! PDFs into chunks of one creation date; one worker per `--jobs` hands each chunk to typst; the
//! calling thread writes each plan as soon as all its PDFs are made. Channels are bounded, so
//! only a few windows of plans are in memory at once, and PDFs stay on disk where typst wrote
//! them until they are renamed into place.

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use anyhow::{Result, anyhow};
use rayon::prelude::*;

use crate::chunks::{Work, chunk_counts, chunk_size, deal};
use crate::pdfs::{self, Wanted};
use crate::prepare::{self, PlanFile, Rendered};
use crate::unchanged::{page_current, unchanged};
use crate::{Options, Outcome, plan_files};
use toetsgen_base::cancel::Cancelled;
use toetsgen_base::fs::Stamp;
use toetsgen_base::msg;
use toetsgen_base::report::Reporter;
use toetsgen_document::pdf::Compiler;
use toetsgen_document::templates::Templates;
use toetsgen_document::view::PlanView;
use toetsgen_output::dir::OutputDir;
use toetsgen_output::path::OutputFile;
use toetsgen_output::record::Record;
use toetsgen_output::write::{Content, Writer};
use toetsgen_plan::archive::Archive;

/// Staged writes are put in place whenever this many wait (and at the end).
const COMMIT_EVERY: usize = 2000;

/// What the stream needs besides the plans.
pub(crate) struct Stream<'a> {
    pub opts: &'a Options,
    pub archive: &'a Archive,
    pub templates: &'a Templates,
    pub record: &'a Record,
    pub out: &'a OutputDir,
    pub compiler: Option<&'a Compiler>,
    pub typst_version: &'a str,
    pub reporter: &'a dyn Reporter,
}

/// A plan's PDFs so far, by file: made (staged), up to date, or why not.
type Made = HashMap<OutputFile, Result<Content>>;

/// A plan as the producer found it.
enum Prepared {
    /// Unchanged.
    Unchanged(Box<Unchanged>),
    /// Rendered, or why not.
    Rendered(Result<Box<Rendered>>),
}

/// A plan found unchanged: its code and input key, its files with their stamps, and its view
/// when its page of the site must be rendered again.
pub(crate) struct Unchanged {
    code: String,
    key: String,
    files: Vec<(OutputFile, Option<Stamp>)>,
    view: Option<PlanView>,
}

/// A rendered plan whose PDFs are being made.
struct Pending {
    /// The plan with its documents.
    plan: Box<Rendered>,
    /// Its PDFs made (or failed) so far.
    made: Made,
    /// How many more PDFs it waits for.
    waiting_for: usize,
}

/// What the writer hears.
enum Msg {
    /// A plan found unchanged.
    Unchanged(Box<Unchanged>),
    /// A rendered plan, number `id` of this build, with the PDFs known so far.
    Plan { id: usize, plan: Pending },
    /// PDFs made (or failed), by plan number.
    Pdfs(Vec<(usize, OutputFile, Result<Content>)>),
    /// A plan that could not be rendered.
    Failed(anyhow::Error),
}

impl Stream<'_> {
    /// Renders, compiles and writes every plan in `plans`; per plan failures go to `outcome`.
    /// Fails when cancelled (after the plans written so far) or when a write fails outright.
    pub(crate) fn run(
        &self,
        plans: &[PlanFile],
        writer: &mut Writer<'_>,
        outcome: &mut Outcome,
    ) -> Result<()> {
        let docs = self.templates.documents().len().max(1);
        let jobs = self.opts.jobs.max(1);
        let chunk = match self.compiler.is_some_and(Compiler::batches) {
            true => chunk_size(self.opts.chunk, plans.len() * docs, jobs),
            false => 1,
        };
        let window = (chunk * jobs).div_ceil(docs).max(8);
        let stop = AtomicBool::new(false);
        let started = AtomicBool::new(false);
        let (work_tx, work_rx) = sync_channel::<Work>(jobs);
        let work_rx = Mutex::new(work_rx);
        let (msg_tx, msg_rx) = sync_channel::<Msg>(4 * window);
        let result = std::thread::scope(|scope| {
            let producer_tx = msg_tx.clone();
            let (stop, started) = (&stop, &started);
            scope.spawn(move || {
                self.produce(plans, window, chunk, stop, started, work_tx, producer_tx)
            });
            if let Some(compiler) = self.compiler {
                for _ in 0..jobs {
                    let (tx, rx) = (msg_tx.clone(), &work_rx);
                    scope.spawn(move || self.work(compiler, rx, tx, stop));
                }
            }
            drop(msg_tx);
            self.write(msg_rx, writer, outcome, stop)
        });
        if started.load(Ordering::SeqCst) {
            self.reporter.end();
        }
        result
    }

    /// Renders plans a window at a time and sends them to the writer and their PDFs, in chunks,
    /// to the workers.
    #[allow(clippy::too_many_arguments)]
    fn produce(
        &self,
        plans: &[PlanFile],
        window: usize,
        chunk: usize,
        stop: &AtomicBool,
        started: &AtomicBool,
        work: SyncSender<Work>,
        msgs: SyncSender<Msg>,
    ) {
        let mut id = 0;
        let spread = match self.opts.chunk {
            0 => self.opts.jobs.max(1),
            _ => 1,
        };
        for part in plans.chunks(window) {
            if stop.load(Ordering::SeqCst) || self.opts.cancel.check().is_err() {
                return;
            }
            let prepared: Vec<Prepared> = (part.par_iter()).map(|sp| self.prepare(sp)).collect();
            let mut groups: BTreeMap<i64, Vec<(usize, Wanted)>> = BTreeMap::new();
            for plan in prepared {
                id += 1;
                let plan = match plan {
                    Prepared::Unchanged(plan) => {
                        let _ = msgs.send(Msg::Unchanged(plan));
                        continue;
                    }
                    Prepared::Rendered(plan) => plan,
                };
                let plan = match plan.and_then(|p| self.keep_typst(*p)) {
                    Ok(plan) => plan,
                    Err(err) => {
                        let _ = msgs.send(Msg::Failed(err));
                        continue;
                    }
                };
                let (done, wanted) = match self.compiler {
                    Some(_) => pdfs::plan_jobs(
                        self.typst_version,
                        &plan,
                        self.record,
                        self.out,
                        self.opts.force,
                    ),
                    None => Default::default(),
                };
                let layouts = wanted.iter().filter(|w| w.layout.is_some()).count();
                let plan = Pending {
                    plan: Box::new(plan),
                    made: done,
                    waiting_for: wanted.len() + layouts,
                };
                let _ = msgs.send(Msg::Plan { id, plan });
                for w in wanted {
                    groups.entry(w.timestamp).or_default().push((id, w));
                }
            }
            let sizes: Vec<usize> = groups.values().map(Vec::len).collect();
            let counts = chunk_counts(&sizes, chunk, spread);
            for ((timestamp, wanted), count) in groups.into_iter().zip(counts) {
                for item in deal(timestamp, wanted, count) {
                    self.send_work(&work, item, started);
                }
            }
        }
    }

    /// A plan found unchanged, or rendered.
    fn prepare(&self, file: &PlanFile) -> Prepared {
        let sp = match prepare::reload(file) {
            Ok(sp) => sp,
            Err(err) => return Prepared::Rendered(Err(err)),
        };
        let sp = &sp;
        let code = sp.plan.code.as_str();
        let record = self.record.plannen.get(code);
        let input = prepare::input(
            self.templates,
            (self.archive, record, Some(self.out)),
            sp,
            self.typst_version,
        );
        let files = unchanged(self.opts, self.templates, (code, record), self.out, &input);
        match (files, record) {
            (Some(files), Some(record)) => {
                let site = &self.record.site;
                let current = page_current(self.opts, site, (code, record), self.out, &input);
                Prepared::Unchanged(Box::new(Unchanged {
                    code: code.to_owned(),
                    view: (!current).then(|| input.view(&sp.plan)),
                    key: input.key,
                    files,
                }))
            }
            _ => Prepared::Rendered(
                prepare::render_one(self.opts, self.templates, self.archive, input, sp)
                    .map(Box::new),
            ),
        }
    }

    fn keep_typst(&self, plan: Rendered) -> Result<Rendered> {
        if let Some(dir) = &self.opts.keep_typst {
            pdfs::write_typst_sources(dir, &plan)?;
        }
        Ok(plan)
    }

    fn send_work(&self, work: &SyncSender<Work>, item: Work, started: &AtomicBool) {
        if item.tasks.is_empty() {
            return;
        }
        if !started.swap(true, Ordering::SeqCst) {
            self.reporter.begin("pdfs", 0);
        }
        self.reporter.more(item.tasks.len());
        let _ = work.send(item);
    }

    /// Compiles chunks until there are no more, and sends the PDFs to the writer.
    fn work(
        &self,
        compiler: &Compiler,
        work: &Mutex<Receiver<Work>>,
        msgs: SyncSender<Msg>,
        stop: &AtomicBool,
    ) {
        loop {
            let next = work
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .recv();
            let Ok(Work { chunk, tasks }) = next else {
                return;
            };
            let layouts = self.layouts(compiler, &chunk, &tasks);
            let results = match stop.load(Ordering::SeqCst) {
                true => Err(anyhow!(msg!("build-stopped"))),
                false => compiler.compile(&chunk, &self.opts.cancel),
            };
            let mut made = Vec::new();
            let results: Vec<Result<std::path::PathBuf>> = match results {
                Ok(results) => results,
                Err(err) => (tasks.iter()).map(|_| Err(anyhow!("{err:#}"))).collect(),
            };
            for (((id, file, key, layout), r), read) in tasks.into_iter().zip(results).zip(layouts)
            {
                self.reporter.step(&file.to_string());
                let (pdf, layout_content) = match (r, read) {
                    (Ok(path), Some(Ok(sidecar))) => (
                        pdfs::staged(path, key),
                        Some(Ok(pdfs::layout_content(&sidecar))),
                    ),
                    (Ok(path), None) => (pdfs::staged(path, key), None),
                    (Err(err), read) => {
                        let layout = read.map(|_| Err(anyhow!("{err:#}")));
                        (Err(err), layout)
                    }
                    (Ok(_), Some(Err(err))) => (Err(anyhow!("{err:#}")), Some(Err(err))),
                };
                made.push((id, file, pdf));
                if let (Some(layout), Some(content)) = (layout, layout_content) {
                    made.push((id, layout.file, content));
                }
            }
            let _ = msgs.send(Msg::Pdfs(made));
        }
    }

    /// The scan layout of each form of the chunk that a scan reads back, read before the chunk is
    /// compiled (its page codes are then in place), or why it could not be; `None` for the others.
    fn layouts(
        &self,
        compiler: &Compiler,
        chunk: &toetsgen_document::pdf::Chunk,
        tasks: &[(usize, OutputFile, String, Option<pdfs::Layout>)],
    ) -> Vec<Option<Result<toetsgen_document::packet::scan::Sidecar>>> {
        (tasks.iter().zip(&chunk.jobs))
            .map(|((_, _, _, layout), job)| {
                let layout = layout.as_ref()?;
                Some(layout.prepare(compiler, job, &self.opts.cancel))
            })
            .collect()
    }

    /// Writes each plan once all its PDFs are there, until every message is read. On
    /// cancellation (or a failed commit) no further plan is written, but the messages are
    /// still read so that the other threads finish.
    fn write(
        &self,
        msgs: Receiver<Msg>,
        writer: &mut Writer<'_>,
        outcome: &mut Outcome,
        stop: &AtomicBool,
    ) -> Result<()> {
        let mut waiting: HashMap<usize, Pending> = HashMap::new();
        let mut result = Ok(());
        let mut complete = Vec::new();
        for msg in msgs {
            match msg {
                Msg::Plan { plan, .. } if plan.waiting_for == 0 => complete.push(plan),
                Msg::Plan { id, plan } => {
                    waiting.insert(id, plan);
                }
                Msg::Pdfs(list) => {
                    for (id, file, content) in list {
                        let Some(pending) = waiting.get_mut(&id) else {
                            continue;
                        };
                        pending.made.insert(file, content);
                        pending.waiting_for -= 1;
                        if pending.waiting_for == 0
                            && let Some(done) = waiting.remove(&id)
                        {
                            complete.push(done);
                        }
                    }
                }
                // A render stopped by the cancel flag stops the build, as a cancelled write does.
                Msg::Failed(err) if err.downcast_ref::<Cancelled>().is_some() => {
                    if result.is_ok() {
                        result = Err(err);
                    }
                }
                Msg::Failed(err) => outcome.failures.push(err),
                Msg::Unchanged(plan) if result.is_ok() => {
                    result = self.write_unchanged(*plan, writer, outcome);
                }
                Msg::Unchanged(..) => {}
            }
            for mut done in complete.drain(..) {
                if result.is_ok() {
                    result = self.write_plan(&done.plan, &mut done.made, writer, outcome);
                    if result.is_err() {
                        stop.store(true, Ordering::SeqCst);
                    }
                }
            }
        }
        result
    }

    /// Writes one plan (a failure is counted against it), unless the build was cancelled;
    /// commits the staged writes when enough wait.
    fn write_plan(
        &self,
        plan: &Rendered,
        made: &mut Made,
        writer: &mut Writer<'_>,
        outcome: &mut Outcome,
    ) -> Result<()> {
        self.opts.cancel.check()?;
        let written = plan_files(plan, self.templates, &self.opts.formats, made)
            .and_then(|files| writer.plan(files));
        match written {
            Ok(()) => {
                outcome.plans_built += 1;
                outcome.documents += plan.documents.len();
            }
            Err(err) => (outcome.failures)
                .push(err.context(msg!("build-plan-not-written", code = &plan.view.code))),
        }
        if writer.staged() >= COMMIT_EVERY {
            writer.commit()?;
        }
        Ok(())
    }
}

impl Stream<'_> {
    /// Counts an unchanged plan as built (writing its site page if it differs), unless the
    /// build was cancelled.
    fn write_unchanged(
        &self,
        plan: Unchanged,
        writer: &mut Writer<'_>,
        outcome: &mut Outcome,
    ) -> Result<()> {
        self.opts.cancel.check()?;
        let Unchanged {
            code,
            key,
            files,
            view,
        } = plan;
        match writer.unchanged(&code, &key, files, view.as_ref()) {
            Ok(()) => {
                outcome.plans_built += 1;
                outcome.documents += self.templates.documents().len();
            }
            Err(err) => {
                (outcome.failures).push(err.context(msg!("build-plan-not-written", code = &code)))
            }
        }
        Ok(())
    }
}
