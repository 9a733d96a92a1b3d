//! What the exam clock shows and says: h:mm:ss, the warning level, and when to speak to screen readers.
//! Pure, so the thresholds are tested natively.

/// Formats milliseconds as `h:mm:ss` (rounded up, so 0:00:00 means the time is really over).
pub fn hms(ms: f64) -> String {
    let total = (ms.max(0.0) / 1000.0).ceil() as u64;
    format!("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60)
}

/// How urgent the remaining time looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Calm,
    /// 10 minutes or less.
    Warning,
    /// 5 minutes or less.
    Danger,
}

/// The level for the remaining time.
pub fn level(remaining_ms: f64) -> Level {
    match remaining_ms {
        r if r <= 5.0 * 60_000.0 => Level::Danger,
        r if r <= 10.0 * 60_000.0 => Level::Warning,
        _ => Level::Calm,
    }
}

/// The minutes-left marks announced to screen readers (not every second).
pub const MARKS: [u32; 4] = [30, 10, 5, 1];

/// The mark crossed between two readings of the remaining time, if one was.
pub fn crossed(before_ms: f64, now_ms: f64) -> Option<u32> {
    MARKS.into_iter().rev().find(|m| {
        let at = f64::from(*m) * 60_000.0;
        before_ms > at && now_ms <= at
    })
}

/// The sentence announced at a mark.
pub fn announcement(minutes: u32) -> String {
    if minutes == 1 {
        "1 minute left.".to_string()
    } else {
        format!("{minutes} minutes left.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(hms(130.0 * 60_000.0), "2:10:00");
        assert_eq!(hms(59_001.0), "0:01:00");
        assert_eq!(hms(1.0), "0:00:01");
        assert_eq!(hms(0.0), "0:00:00");
        assert_eq!(hms(-5.0), "0:00:00");
    }

    #[test]
    fn levels() {
        assert_eq!(level(10.0 * 60_000.0 + 1.0), Level::Calm);
        assert_eq!(level(10.0 * 60_000.0), Level::Warning);
        assert_eq!(level(5.0 * 60_000.0), Level::Danger);
        assert_eq!(level(0.0), Level::Danger);
    }

    #[test]
    fn marks_are_announced_once_when_crossed() {
        let m = 60_000.0;
        assert_eq!(crossed(30.0 * m + 500.0, 30.0 * m - 500.0), Some(30));
        assert_eq!(crossed(30.0 * m - 500.0, 30.0 * m - 1500.0), None);
        assert_eq!(crossed(11.0 * m, 9.0 * m), Some(10));
        assert_eq!(
            crossed(40.0 * m, 0.5 * m),
            Some(1),
            "a long sleep announces only the latest mark"
        );
        assert_eq!(announcement(1), "1 minute left.");
        assert_eq!(announcement(5), "5 minutes left.");
    }
}
