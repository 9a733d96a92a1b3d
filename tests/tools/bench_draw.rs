//! Times drawing a full 65-question mock exam from the real bank, natively (selection, option shuffles,
//! session set-up). Run: `cargo run --release --example bench-draw`. Prints figures; asserts nothing.

use std::collections::HashSet;
use std::time::Instant;

use dva_exam::exam::spec::{Kind, Mode, Spec};
use dva_exam::study;

fn main() {
    let runs = 500;
    let mut times: Vec<f64> = (0..runs)
        .map(|seed| {
            let spec = Spec {
                kind: Kind::Full,
                mode: Mode::Exam,
                extra_time: false,
                seed,
            };
            let t = Instant::now();
            let s = study::start(spec, &HashSet::new(), 0.0).expect("the bank fills a full mock");
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(s.items.len(), 65);
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "draw a 65-question exam natively ({runs} runs): p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        at(0.5),
        at(0.95),
        at(1.0)
    );
}
