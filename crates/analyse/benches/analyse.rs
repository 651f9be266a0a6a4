//! The speed and memory of the item analysis on 10,000 kandidaten × 100 questions (issue 22: well
//! under a second, memory proportional to the input). Run by hand, not a timed test:
//!
//! ```sh
//! cargo bench -p toetsgen-analyse                     # times, best of 5 runs
//! /usr/bin/time -v target/release/deps/analyse-* --bench   # peak memory (Maximum resident set size)
//! ```
//!
//! `ANALYSE_KANDIDATEN=100000` analyses another number of kandidaten (to see memory grow with
//! the input). The scores are 0/1 answers drawn from a Rasch model (ability and difficulty spread evenly)
//! with a fixed seed, so every run analyses the same matrix.
#![allow(clippy::print_stdout, reason = "a benchmark prints its measurements")]

use std::hint::black_box;
use std::time::{Duration, Instant};

use toetsgen_analyse::{cesuur, flags, items};

/// The number of kandidaten unless `ANALYSE_KANDIDATEN` says another.
const KANDIDATEN: usize = 10_000;
const QUESTIONS: usize = 100;
const RUNS: usize = 5;

/// A small fixed-seed generator (SplitMix64): uniform numbers in [0, 1).
struct Uniform(u64);

impl Uniform {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Rows of 0/1 scores: kandidaat i with ability θ answers question j of difficulty b right with
/// probability 1 / (1 + e^(b − θ)).
fn rows(kandidaten: usize) -> Vec<Vec<f64>> {
    let mut u = Uniform(22);
    let difficulty: Vec<f64> = (0..QUESTIONS).map(|_| 4.0 * u.next() - 2.0).collect();
    (0..kandidaten)
        .map(|_| {
            let ability = 6.0 * u.next() - 3.0;
            (difficulty.iter())
                .map(|b| f64::from(u.next() < 1.0 / (1.0 + (b - ability).exp())))
                .collect()
        })
        .collect()
}

fn main() {
    let kandidaten = std::env::var("ANALYSE_KANDIDATEN")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(KANDIDATEN);
    let rows = rows(kandidaten);
    let mut best = [Duration::MAX; 3];
    let mut alpha = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let matrix = items::ScoreMatrix::new(vec![1.0; QUESTIONS], &rows).expect("valid scores");
        let made = start.elapsed();
        let analysis = items::analyse(black_box(&matrix));
        let analysed = start.elapsed();
        let proposal = cesuur::cohen_schotanus(&analysis.totals, 25.0);
        let flagged = flags::flag_all(&analysis.questions);
        let distribution = analysis.distribution();
        black_box((proposal, flagged, distribution, analysis.passing(55.0)));
        let all = start.elapsed();
        for (b, t) in best.iter_mut().zip([made, analysed - made, all]) {
            *b = (*b).min(t);
        }
        alpha = analysis.test.alpha;
    }
    println!("{kandidaten} kandidaten × {QUESTIONS} questions, best of {RUNS} runs:");
    println!("  check into a ScoreMatrix  {:>8.2} ms", ms(best[0]));
    println!("  analyse (items::analyse)  {:>8.2} ms", ms(best[1]));
    println!("  all figures, check incl.  {:>8.2} ms", ms(best[2]));
    println!("  (alpha {alpha:.4?})");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
