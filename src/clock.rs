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
    /// 10 minutes or less, or the last quarter of a shorter exam.
    Warning,
    /// 5 minutes or less, or the last tenth of a shorter exam.
    Danger,
}

/// The level for the remaining time of an exam allowed `allotted_ms` in all.
///
/// Relative for short exams: a 6-minute drill shown red from its first second tells the learner nothing
/// (and alarms them), so its levels come at a quarter and a tenth of its time; from 50 minutes on the
/// fixed 10 and 5 minutes of the full exam are the earlier marks and apply.
pub fn level(remaining_ms: f64, allotted_ms: f64) -> Level {
    let min: f64 = 60_000.0;
    match remaining_ms {
        r if r <= (5.0 * min).min(allotted_ms / 10.0) => Level::Danger,
        r if r <= (10.0 * min).min(allotted_ms / 4.0) => Level::Warning,
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
        let m = 60_000.0;
        // The full exam (130 minutes), and a 60-minute one: the fixed marks.
        for all in [130.0 * m, 60.0 * m] {
            assert_eq!(level(10.0 * m + 1.0, all), Level::Calm);
            assert_eq!(level(10.0 * m, all), Level::Warning);
            assert_eq!(level(5.0 * m, all), Level::Danger);
            assert_eq!(level(0.0, all), Level::Danger);
        }
        // A 6-minute drill starts calm, warns at 1:30 and turns red at 0:36.
        assert_eq!(level(6.0 * m, 6.0 * m), Level::Calm);
        assert_eq!(level(1.5 * m + 1.0, 6.0 * m), Level::Calm);
        assert_eq!(level(1.5 * m, 6.0 * m), Level::Warning);
        assert_eq!(level(36_001.0, 6.0 * m), Level::Warning);
        assert_eq!(level(36_000.0, 6.0 * m), Level::Danger);
        // A 20-minute quick exam: warning at 5 minutes, danger at 2.
        assert_eq!(level(5.0 * m, 20.0 * m), Level::Warning);
        assert_eq!(level(2.0 * m, 20.0 * m), Level::Danger);
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
