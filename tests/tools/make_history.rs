//! Writes a stored history of N full 65-question mock exams (default 500), answered at random, to stdout,
//! and prints to stderr how many bytes one attempt and the whole history take in storage. Used by the
//! browser benchmark. Run: `cargo run --release --example make-history -- 500 > history.json`.

use std::collections::HashSet;

use dva_exam::exam::rng::Rng;
use dva_exam::exam::spec::{Kind, Mode, Spec};
use dva_exam::store::history::{self, History};
use dva_exam::study;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(500);
    let mut h = History::default();
    let mut rng = Rng::new(2026);
    let day = 86_400_000.0;
    let start = 1_767_225_600_000.0; // 2026-01-01
    for i in 0..n {
        let spec = Spec {
            kind: Kind::Full,
            mode: Mode::Exam,
            extra_time: false,
            seed: i as u64 + 1,
        };
        let t0 = start + i as f64 * day / 4.0;
        let mut s = study::start(spec, &HashSet::new(), t0).expect("a full mock");
        let len = s.items.len();
        for q in 0..len {
            s.go_to(q, t0 + q as f64 * 90_000.0);
            // Right about 70 % of the time, as a learner near the pass mark would be.
            let keys = study::keys_of(&s.items[q].id).unwrap_or_default();
            if rng.below(10) < 7 {
                s.items[q].chosen = keys;
            } else {
                let options = s.items[q].order.len() as u8;
                s.items[q].chosen = (0..keys.len() as u8).map(|k| (k + 1) % options).collect();
            }
            if rng.below(10) == 0 {
                s.items[q].flagged = true;
            }
        }
        s.submit(t0 + len as f64 * 90_000.0, false);
        h.add(study::finish(s));
        if i == 0 {
            eprintln!(
                "one 65-question attempt in storage: {} bytes",
                history::encode(&h).len()
            );
        }
    }
    let raw = history::encode(&h);
    eprintln!("{n} attempts in storage: {} bytes", raw.len());
    print!("{raw}");
}
