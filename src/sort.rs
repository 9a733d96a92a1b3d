//! The app's one sort: a stable merge sort of indices behind a `dyn` comparison, so the wasm holds one
//! copy of the sorting code.
//!
//! Why not `slice::sort_by`: the standard library's sorts are generic, and each element type and
//! comparison closure gets its own copy of driftsort or ipnsort (1.5 to 5 KB each before compression;
//! the app's 13 sort sites cost about 54 KB of the wasm, measured with twiggy on 2026-11-26). The app sorts
//! at most a few thousand items (the notes' vocabulary), so speed is not the concern here; download is.

use std::cmp::Ordering;

/// The order of `len` items under `cmp` (which compares items by index), stable: equal items keep their
/// order. Bottom-up merge sort, O(n log n) comparisons.
fn order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut to = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, mid);
            for slot in &mut to[start..end] {
                // Take from the left run unless the right one's item is strictly smaller: stability.
                let take_left =
                    left < mid && (right >= end || cmp(from[right], from[left]) != Ordering::Less);
                if take_left {
                    *slot = from[left];
                    left += 1;
                } else {
                    *slot = from[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Sorts `v` stably by `cmp`, as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    let mut items: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| items[i].take()));
}

/// Sorts `v` stably by the key `f` gives each item, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, as `slice::sort` does.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the cases are the same on every run.
    fn numbers(n: usize, seed: u64, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_at_every_length() {
        for n in 0..70 {
            for seed in 0..5 {
                let v = numbers(n, seed, 10);
                let (mut mine, mut std) = (v.clone(), v);
                sort(&mut mine);
                std.sort();
                assert_eq!(mine, std, "length {n}, seed {seed}");
            }
        }
        let big = numbers(5_000, 9, 1_000_000);
        let (mut mine, mut std) = (big.clone(), big);
        sort(&mut mine);
        std.sort();
        assert_eq!(mine, std);
    }

    #[test]
    fn is_stable_and_follows_the_comparison() {
        // Pairs (key, original position): sorting by key must keep positions ascending within a key.
        let v: Vec<(u64, usize)> = numbers(300, 4, 7).into_iter().zip(0..).collect();
        let mut mine = v.clone();
        sort_by(&mut mine, |a, b| b.0.cmp(&a.0));
        let mut std = v;
        std.sort_by_key(|p| std::cmp::Reverse(p.0));
        assert_eq!(mine, std);
        assert!(mine.windows(2).all(|w| w[0].0 > w[1].0 || w[0].1 < w[1].1));
        let mut words = vec!["pear", "fig", "apple", "kiwi", "date"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple"]);
    }
}
