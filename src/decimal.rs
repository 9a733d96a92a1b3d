//! Decimal text of `f64` values by integer arithmetic, instead of the standard library's float
//! formatting (`{}` and `{:.1}` on an `f64`), which brings Grisu and Dragon4 and their tables into the
//! wasm: about 4 KB of the compressed download for what the app prints (chart coordinates, percentages,
//! megabytes, milliseconds in error messages).

/// Largest magnitude printed digit by digit (2^53: every integer up to it is exact in an `f64`).
const EXACT: f64 = 9_007_199_254_740_992.0;

/// `x` with `decimals` digits after the point (at most 6), rounded half away from zero: `fixed(2.25, 1)`
/// is "2.3", `fixed(72.0, 0)` is "72". (`{:.1}` rounds the exact binary value half to even; nothing the app
/// prints tells the two apart.) Not-a-number and infinities read as `{}` prints them; a magnitude beyond
/// 2^53 after scaling reads as "huge" with its sign.
pub fn fixed(x: f64, decimals: u32) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let decimals = decimals.min(6);
    let scale = 10_u64.pow(decimals);
    let scaled = (x * scale as f64).round();
    let sign = if scaled < 0.0 { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if scaled.abs() > EXACT {
        return format!("{sign}huge");
    }
    let n = scaled.abs() as u64;
    if scale == 1 {
        return format!("{sign}{n}");
    }
    let width = decimals as usize;
    format!("{sign}{}.{:0width$}", n / scale, n % scale)
}

/// `x` as a person writes it: up to three decimals, without trailing zeros ("-5", "-1.5", "0.125").
pub fn plain(x: f64) -> String {
    let text = fixed(x, 3);
    match text.split_once('.') {
        Some((whole, part)) => {
            let part = part.trim_end_matches('0');
            if part.is_empty() {
                whole.to_string()
            } else {
                format!("{whole}.{part}")
            }
        }
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_the_standard_formats_where_the_app_uses_them() {
        for &(x, d) in &[
            (0.0, 1),
            (3.5, 1),
            (43.21, 1),
            (399.96, 1),
            (9.999_9, 1),
            (72.0, 0),
            (62.5, 0),
            (62.4, 0),
            (10.0, 1),
            (12.345_678, 1),
            (-3.25, 1),
        ] {
            if (x * 10.0_f64.powi(d as i32)).fract().abs() != 0.5 {
                assert_eq!(fixed(x, d), format!("{x:.*}", d as usize), "{x} to {d}");
            }
        }
        assert_eq!(fixed(62.5, 0), "63");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(1.005, 2), "1.00");
    }

    #[test]
    fn plain_drops_trailing_zeros_and_names_what_is_not_a_number() {
        assert_eq!(plain(-5.0), "-5");
        assert_eq!(plain(-1.5), "-1.5");
        assert_eq!(plain(0.125), "0.125");
        assert_eq!(plain(1_700_000_000_000.0), "1700000000000");
        assert_eq!(plain(f64::NAN), "NaN");
        assert_eq!(plain(f64::NEG_INFINITY), "-inf");
        assert_eq!(plain(f64::INFINITY), "inf");
        assert_eq!(plain(-1e300), "-huge");
    }
}
