//! FNV-1a, 64 bits: the build names the bank's version and every content file with it, and the app
//! checks the content index it fetched against its name. One function for both (`src/compile/mod.rs`
//! includes this file), so the two sides cannot disagree.

/// FNV-1a, 64 bits, over `bytes`.
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
