//! How a build's PDFs are cut into chunks for typst: each chunk is one typst process (a bundle
//! when typst has them), its documents of one creation date; a window of plans gives at least
//! as many chunks as there are workers, and each chunk a like share of large and small sources.

use crate::pdfs::{Layout, Wanted};
use toetsgen_document::pdf::Chunk;
use toetsgen_output::path::OutputFile;

/// The most documents typst compiles in one process: more uses more memory for no gain
/// (measured: see README, "Speed").
pub(crate) const MAX_CHUNK: usize = 40;

/// A chunk of PDFs and, per PDF, the plan (by number) and file it belongs to.
pub(crate) struct Work {
    /// The documents for typst.
    pub chunk: Chunk,
    /// Per document: the plan's number, its file, the key it is recorded with and, for a form a
    /// scan reads back, its scan layout.
    pub tasks: Vec<(usize, OutputFile, String, Option<Layout>)>,
}

/// How many chunks each creation date's PDFs of a window go in: as few of at most `chunk` as
/// hold them, but at least `spread` in all (the workers, when the chunk size was not asked for)
/// where there are PDFs enough, so that a few PDFs, such as those of the one plan that changed,
/// still keep every worker busy. The extra chunks go to the dates with most PDFs per chunk.
pub(crate) fn chunk_counts(sizes: &[usize], chunk: usize, spread: usize) -> Vec<usize> {
    let mut counts: Vec<usize> = (sizes.iter()).map(|n| n.div_ceil(chunk.max(1))).collect();
    while counts.iter().sum::<usize>() < spread {
        let fullest = (0..sizes.len())
            .filter(|&i| counts[i] < sizes[i])
            .max_by_key(|&i| (sizes[i].div_ceil(counts[i]), std::cmp::Reverse(i)));
        match fullest {
            Some(i) => counts[i] += 1,
            None => break,
        }
    }
    counts
}

/// The PDFs of one creation date dealt into `count` chunks, in turn from the largest source
/// down, so that each chunk gets a like share of large and small documents and the workers
/// finish at about the same time (for one plan of V1: 67 ms for typst instead of 72–77 ms with
/// the documents split in their order).
pub(crate) fn deal(timestamp: i64, mut wanted: Vec<(usize, Wanted)>, count: usize) -> Vec<Work> {
    let count = count.clamp(1, wanted.len().max(1));
    wanted.sort_by_key(|(_, w)| std::cmp::Reverse(w.job.source.len()));
    let mut works: Vec<Work> = (0..count)
        .map(|_| Work {
            chunk: Chunk {
                timestamp,
                jobs: Vec::new(),
            },
            tasks: Vec::new(),
        })
        .collect();
    for (i, (id, w)) in wanted.into_iter().enumerate() {
        let work = &mut works[i % count];
        work.chunk.jobs.push(w.job);
        work.tasks.push((id, w.file, w.key, w.layout));
    }
    works
}

/// Documents per chunk: `asked` when given, else enough to give every worker a share of
/// `documents`, at most [`MAX_CHUNK`].
pub(crate) fn chunk_size(asked: usize, documents: usize, jobs: usize) -> usize {
    match asked {
        0 => documents.div_ceil(jobs).clamp(1, MAX_CHUNK),
        n => n,
    }
}

#[cfg(test)]
mod tests {
    use super::chunk_counts;

    /// One plan's four PDFs go to both workers; many plans of their own dates keep one chunk
    /// each; a large window is cut by the chunk size; there are never more chunks than PDFs.
    #[test]
    fn chunks_keep_every_worker_busy_without_splitting_plans_needlessly() {
        assert_eq!(chunk_counts(&[4], 40, 2), [2]);
        assert_eq!(chunk_counts(&[4; 80], 40, 8), [1; 80]);
        assert_eq!(chunk_counts(&[80], 40, 2), [2]);
        assert_eq!(chunk_counts(&[3, 1], 40, 2), [1, 1]);
        assert_eq!(chunk_counts(&[6, 2], 40, 4), [3, 1]);
        assert_eq!(chunk_counts(&[1], 40, 8), [1]);
        assert_eq!(chunk_counts(&[4], 40, 1), [1]);
    }
}
