//! One domain's row: its name, a figure, a bar of its percentage, and optionally a verdict under it. The
//! results page and the dashboard's readiness both draw domains this way.

use leptos::prelude::*;

/// A domain's share in whole percent as its row shows it, in the figure and the bar alike: rounded, but a
/// share under the pass share never reads as it (43 of 60 is 71.7 %: "72%" on a bar marked as short of the
/// 72 % line contradicted itself). Exact for a pass share in whole percent, as DVA-C03's 720 of 1000 is.
pub fn share(correct: usize, total: usize) -> usize {
    let bar = crate::study::scale().pass_percent().ceil() as usize;
    crate::exam::score::percent_under(correct, total, bar)
}

/// A domain row's figure, the same on the results page and the dashboard: "2/3 · 67%" (the answers a share
/// rests on beside it: 67 % of 3 is not 67 % of 60), or `none` with nothing asked.
pub fn share_figure(correct: usize, total: usize, none: &str) -> String {
    if total == 0 {
        none.to_string()
    } else {
        format!("{correct}/{total} · {}%", share(correct, total))
    }
}

/// A domain row; `weak` styles it as needing work (in words via `note` or the figure, not colour alone). The
/// bar carries a mark at the pass share, the line both pages' words refer to.
#[component]
pub fn DomainBar(
    name: String,
    figure: String,
    percent: u32,
    weak: bool,
    #[prop(optional)] note: Option<&'static str>,
) -> impl IntoView {
    view! {
        <li class="domain" class:weak=weak>
            <div class="domain-head"><span class="name">{name}</span><span class="figure">{figure}</span></div>
            <div class="bar" role="img" aria-label=format!("{percent} percent")><span style:width=format!("{percent}%")></span>
                <i class="pass-mark" style:left=format!("{}%", crate::decimal::fixed(crate::study::scale().pass_percent(), 1))></i></div>
            {note.map(|n| view! { <p class="competency">{n}</p> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_short_of_the_pass_share_never_reads_as_it() {
        // DVA-C03: 720 of 1000, a 72 % line. 43 of 60 is 71.7 %, 18 of 25 exactly 72 %.
        assert_eq!(share_figure(43, 60, "-"), "43/60 · 71%");
        assert_eq!(share_figure(18, 25, "-"), "18/25 · 72%");
        assert_eq!(share_figure(2, 3, "-"), "2/3 · 67%");
        assert_eq!(share_figure(0, 0, "not tested yet"), "not tested yet");
        assert_eq!(share(59, 60), 98);
    }
}
