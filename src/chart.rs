//! The geometry of the history charts: values over time mapped into an SVG viewBox. Pure, so the scaling
//! is tested natively; the component only draws what this returns.

use crate::decimal::fixed;

/// The drawing area, in SVG user units.
/// A narrow box, so that on a phone the labels are drawn near their CSS size (the SVG scales to its width).
pub const WIDTH: f64 = 400.0;
pub const HEIGHT: f64 = 190.0;
/// Room for the axis labels: values on the left, dates along the bottom.
pub const LEFT: f64 = 44.0;
pub const BOTTOM: f64 = 26.0;
pub const TOP: f64 = 10.0;
pub const RIGHT: f64 = 10.0;

/// A domain's strip: as wide as the score chart (its points stand under the score's points), one line high.
pub const STRIP_HEIGHT: f64 = 56.0;
/// Room above and below a strip's line (its dots are 3 units round).
pub const STRIP_PAD: f64 = 5.0;

/// Maps values in `lo..=hi` to the y axis (`hi` at `top`, `lo` at `bottom`) and the points' order to the x
/// axis (one step per attempt, so attempts on the same day stay apart).
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub count: usize,
    pub top: f64,
    pub bottom: f64,
}

impl Scale {
    /// The score chart's scale: the plot area between the axis labels.
    pub fn chart(lo: f64, hi: f64, count: usize) -> Scale {
        Scale {
            lo,
            hi,
            count,
            top: TOP,
            bottom: HEIGHT - BOTTOM,
        }
    }

    /// A domain strip's scale: its whole height but the padding.
    pub fn strip(lo: f64, hi: f64, count: usize) -> Scale {
        Scale {
            lo,
            hi,
            count,
            top: STRIP_PAD,
            bottom: STRIP_HEIGHT - STRIP_PAD,
        }
    }

    /// The x coordinate of the `i`-th point.
    pub fn x(&self, i: usize) -> f64 {
        let span = WIDTH - LEFT - RIGHT;
        if self.count <= 1 {
            LEFT + span / 2.0
        } else {
            LEFT + span * i as f64 / (self.count - 1) as f64
        }
    }

    /// The y coordinate of `value` (clamped to the range).
    pub fn y(&self, value: f64) -> f64 {
        let t = ((value - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        self.bottom - t * (self.bottom - self.top)
    }

    /// An SVG path through the points (index, value); `None` values break the line.
    pub fn path(&self, values: &[Option<f64>]) -> String {
        let mut d = String::new();
        let mut pen_down = false;
        for (i, v) in values.iter().enumerate() {
            match v {
                Some(v) => {
                    d.push_str(&format!(
                        "{}{},{} ",
                        if pen_down { "L" } else { "M" },
                        fixed(self.x(i), 1),
                        fixed(self.y(*v), 1)
                    ));
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        d.trim_end().to_string()
    }
}

/// The points a path draws nothing for: a value with no value on either side (the first attempt, or one
/// between attempts that lacked the domain). A lone "M" draws no line, so these get a dot of their own.
pub fn isolated(values: &[Option<f64>]) -> Vec<(usize, f64)> {
    let some = |i: usize| values.get(i).is_some_and(Option::is_some);
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let v = (*v)?;
            let before = i > 0 && some(i - 1);
            (!before && !some(i + 1)).then_some((i, v))
        })
        .collect()
}

/// The x axis's labels for attempts `(index, "YYYY-MM-DD HH:MM")`: `MM-DD`; when two fall on the same
/// day, `HH:MM` if all do, else `MM-DD HH:MM`; when even those repeat, the attempts' numbers ("#1"). Two
/// ticks both reading "11-26" told nothing.
pub fn tick_labels(stamps: &[(usize, String)]) -> Vec<String> {
    let part = |s: &str, from: usize| s.get(from..16.min(s.len())).unwrap_or_default().to_string();
    let day = |s: &str| s.get(5..10).unwrap_or_default().to_string();
    let days: Vec<String> = stamps.iter().map(|(_, s)| day(s)).collect();
    let repeated = days.windows(2).any(|w| w[0] == w[1]);
    let one_day = days.windows(2).all(|w| w[0] == w[1]);
    let labels: Vec<String> = stamps
        .iter()
        .map(|(_, s)| match (repeated, one_day) {
            (false, _) => day(s),
            (true, true) => part(s, 11),
            (true, false) => part(s, 5),
        })
        .collect();
    if labels.windows(2).any(|w| w[0] == w[1]) {
        stamps.iter().map(|(i, _)| format!("#{}", i + 1)).collect()
    } else {
        labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_map_into_the_plot_area() {
        let s = Scale::chart(100.0, 1000.0, 3);
        assert_eq!(s.x(0), LEFT);
        assert_eq!(s.x(2), WIDTH - RIGHT);
        assert_eq!(s.y(100.0), HEIGHT - BOTTOM);
        assert_eq!(s.y(1000.0), TOP);
        assert_eq!(s.y(5000.0), TOP, "clamped");
        assert_eq!(
            s.path(&[Some(100.0), None, Some(1000.0)]),
            "M44.0,164.0 M390.0,10.0"
        );
        assert_eq!(
            s.path(&[Some(100.0), Some(1000.0)]),
            "M44.0,164.0 L217.0,10.0"
        );
        let one = Scale::chart(0.0, 1.0, 1);
        assert_eq!(one.x(0), LEFT + (WIDTH - LEFT - RIGHT) / 2.0);
        // A strip spans its own height, on the same x positions as the chart above it.
        let strip = Scale::strip(0.0, 100.0, 3);
        assert_eq!(strip.y(100.0), STRIP_PAD);
        assert_eq!(strip.y(0.0), STRIP_HEIGHT - STRIP_PAD);
        assert_eq!(strip.x(1), s.x(1));
    }

    #[test]
    fn isolated_points_are_those_no_line_reaches() {
        assert_eq!(
            isolated(&[Some(50.0)]),
            vec![(0, 50.0)],
            "the first attempt alone"
        );
        assert_eq!(isolated(&[Some(1.0), Some(2.0)]), vec![]);
        assert_eq!(
            isolated(&[Some(1.0), None, Some(3.0), Some(4.0), None, Some(6.0)]),
            vec![(0, 1.0), (5, 6.0)]
        );
        assert_eq!(isolated(&[None, None]), vec![]);
    }

    #[test]
    fn tick_labels_never_repeat() {
        let at = |v: &[(usize, &str)]| -> Vec<String> {
            tick_labels(
                &v.iter()
                    .map(|(i, s)| (*i, s.to_string()))
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(
            at(&[(0, "2026-11-20 09:00"), (4, "2026-11-26 10:30")]),
            ["11-20", "11-26"]
        );
        assert_eq!(
            at(&[(0, "2026-11-26 09:00"), (1, "2026-11-26 10:30")]),
            ["09:00", "10:30"]
        );
        assert_eq!(
            at(&[
                (0, "2026-11-20 09:00"),
                (2, "2026-11-26 09:00"),
                (4, "2026-11-26 10:30")
            ]),
            ["11-20 09:00", "11-26 09:00", "11-26 10:30"]
        );
        assert_eq!(
            at(&[(0, "2026-11-26 09:00"), (1, "2026-11-26 09:00")]),
            ["#1", "#2"]
        );
        assert_eq!(at(&[(0, "2026-11-26 09:00")]), ["11-26"]);
    }
}
