//! JSON numbers to `f64` and back, small: the stored numbers that are not counts are times in
//! milliseconds, whole (from `Date.now()`) but for a few in old or imported data ("1764000020000.5").
//!
//! Reading is exact (the closest `f64`) whenever the digits, without the point, are an integer below
//! 2^53 and the power of ten is at most 22 away (Clinger's fast path: one exact integer, one exact power,
//! one rounding), which covers every time this app or a sane file holds; other numbers get a close
//! value. Writing gives a whole number's digits, and for a fraction the fewest decimals that read back to
//! the same `f64`, so whatever was read is written back unchanged. The standard library's float parsing
//! and printing would cost their big tables in the wasm for nothing the app needs.

/// 2^53: every integer below it is exact in an `f64`.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// The powers of ten that are exact in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a number's text as JSON's grammar allows it (the reader has checked it). Too large a
/// magnitude gives an infinity, which the reader reports as out of range.
pub fn parse(text: &str) -> f64 {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let (mantissa, exp) = match rest.find(['e', 'E']) {
        Some(i) => {
            let e = &rest[i + 1..];
            // An exponent too long for an i64 only says "huge" or "tiny".
            let huge = if e.starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            };
            (&rest[..i], e.parse::<i64>().unwrap_or(huge))
        }
        None => (rest, 0),
    };
    // The significant digits as one integer (the first 19; later ones only move the exponent).
    let mut m: u64 = 0;
    let mut k: i64 = exp.clamp(-100_000, 100_000);
    let mut kept = 0;
    let mut after_point = false;
    for b in mantissa.bytes() {
        match b {
            b'.' => after_point = true,
            _ if m == 0 && b == b'0' => k -= i64::from(after_point),
            _ if kept < 19 => {
                m = m * 10 + u64::from(b - b'0');
                kept += 1;
                k -= i64::from(after_point);
            }
            _ => k += i64::from(!after_point),
        }
    }
    while m != 0 && m.is_multiple_of(10) && k < 0 {
        m /= 10;
        k += 1;
    }
    let v = if m == 0 {
        0.0
    } else if (m as f64) < EXACT && k.unsigned_abs() <= 22 {
        if k >= 0 {
            m as f64 * POW10[k as usize]
        } else {
            m as f64 / POW10[k.unsigned_abs() as usize]
        }
    } else {
        // Outside the fast path: close, not always the closest.
        let mut v = m as f64;
        let mut e = k;
        while e > 0 {
            let step = e.min(22);
            v *= POW10[step as usize];
            e -= step;
            if v.is_infinite() {
                break;
            }
        }
        while e < 0 {
            let step = (-e).min(22);
            v /= POW10[step as usize];
            e += step;
            if v == 0.0 {
                break;
            }
        }
        v
    };
    if negative { -v } else { v }
}

/// `x` as JSON: a whole number's digits (with `.0` when `point` asks for serde_json's float style), a
/// fraction with the fewest decimals (up to 22) that [`parse`] reads back as `x`, which is every value
/// [`parse`] makes from at most 15 significant digits. Other values (none that a stored form holds) are
/// written closely, in scientific notation. Not-a-number and the infinities, which JSON cannot hold and
/// the app never makes, are written as 0.
pub fn write(out: &mut String, x: f64, point: bool) {
    if !x.is_finite() {
        out.push('0');
        return;
    }
    if x.fract() == 0.0 {
        if x.abs() < 1e38 {
            // Exact: a whole `f64` below 2^127 is an integer that `i128` holds.
            out.push_str(&(x as i128).to_string());
        } else {
            write_scientific(out, x);
            return;
        }
        if point {
            out.push_str(".0");
        }
        return;
    }
    if x.abs() < EXACT
        && let Some(text) = (1..=22).map(|d| fixed(x, d)).find(|t| parse(t) == x)
    {
        out.push_str(&text);
        return;
    }
    write_scientific(out, x);
}

/// `x` as `d.ddddde±n` with up to 16 decimals: close, for values no stored form holds.
fn write_scientific(out: &mut String, x: f64) {
    let mut e = 0i32;
    let mut m = x.abs();
    while m >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    while m < 1.0 && m > 0.0 {
        m *= 10.0;
        e -= 1;
    }
    if x < 0.0 {
        out.push('-');
    }
    out.push_str(&fixed(m, 16));
    out.push('e');
    out.push_str(&e.to_string());
}

/// `x` (below 2^53 in magnitude, `decimals` at most 22) rounded to `decimals` places, exactly: the
/// binary value scaled by integer arithmetic, so the digits are those of the `f64` itself.
fn fixed(x: f64, decimals: u32) -> String {
    // x = mantissa * 2^exp exactly; x * 10^decimals rounded, in 128 bits (< 2^53 * 10^22 < 2^127).
    let bits = x.abs().to_bits();
    let (mantissa, exp) = match (bits >> 52) as i32 {
        0 => ((bits & ((1 << 52) - 1)) as u128, -1074),
        e => (((bits & ((1 << 52) - 1)) | (1 << 52)) as u128, e - 1075),
    };
    let scaled = mantissa * 10u128.pow(decimals);
    let n = if exp >= 0 {
        scaled << exp
    } else if exp <= -127 {
        0
    } else {
        let shift = (-exp) as u32;
        let half = 1u128 << (shift - 1);
        (scaled + half) >> shift
    };
    let unit = 10u128.pow(decimals);
    let sign = if x < 0.0 && n != 0 { "-" } else { "" };
    let mut frac = format!("{:0width$}", n % unit, width = decimals as usize);
    while frac.len() > 1 && frac.ends_with('0') {
        frac.pop();
    }
    format!("{sign}{}.{frac}", n / unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(x: f64) -> String {
        let mut s = String::new();
        write(&mut s, x, false);
        s
    }

    #[test]
    fn reads_exactly_what_a_time_or_a_short_decimal_holds() {
        for (text, v) in [
            ("0", 0.0),
            ("-0", -0.0),
            ("1764000020000", 1_764_000_020_000.0),
            ("1764000020000.5", 1_764_000_020_000.5),
            ("-1.5", -1.5),
            ("0.1", 0.1),
            ("0.3", 0.3),
            ("1e2", 100.0),
            ("1.25E-2", 0.0125),
            ("4102444800001.0", 4_102_444_800_001.0),
            ("9007199254740993", 9_007_199_254_740_992.0),
            ("0.0000000000000000000001", 1e-22),
        ] {
            assert_eq!(parse(text), v, "{text}");
        }
        let far = parse("123456789012345678901234567890");
        assert!((far / 1.234_567_890_123_456_8e29 - 1.0).abs() < 1e-15);
        assert!(parse("1e400").is_infinite());
        assert_eq!(parse("1e-400"), 0.0);
        assert_eq!(parse("1e-99999999999999999999"), 0.0);
        assert!(parse("-1e99999999999999999999").is_infinite());
    }

    #[test]
    fn writes_whole_numbers_as_digits_and_fractions_with_the_fewest_decimals() {
        for (x, text) in [
            (0.0, "0"),
            (1_764_000_020_000.0, "1764000020000"),
            (1_764_000_020_000.5, "1764000020000.5"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e20, "100000000000000000000"),
        ] {
            assert_eq!(written(x), text);
        }
        let mut s = String::new();
        write(&mut s, 3000.0, true);
        assert_eq!(s, "3000.0");
        assert_eq!(written(f64::NAN), "0");
    }

    #[test]
    fn whatever_is_read_is_written_back_to_the_same_value() {
        // Decimals of up to 15 significant digits with the point anywhere up to 22 places in, and in
        // scientific notation.
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let digits = next() % 10_u64.pow((next() % 15) as u32 + 1);
            let point = (next() % 23) as usize;
            let text = format!("{digits:0>23}");
            let text = format!("{}.{}", &text[..23 - point], &text[23 - point..]);
            let sci = format!("{digits}e-{point}");
            for text in [text, sci] {
                let v = parse(&text);
                assert_eq!(parse(&written(v)), v, "{text} -> {}", written(v));
            }
        }
    }
}
