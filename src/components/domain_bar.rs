//! One domain's row: its name, a figure, a bar of its percentage, and optionally a verdict under it. The
//! results page and the dashboard's readiness both draw domains this way.

use leptos::prelude::*;

/// A domain row's figure, the same on the results page and the dashboard: "2/3 · 67%" (the answers a share
/// rests on beside it: 67 % of 3 is not 67 % of 60), or `none` with nothing asked.
pub fn share_figure(correct: usize, total: usize, none: &str) -> String {
    if total == 0 {
        none.to_string()
    } else {
        format!(
            "{correct}/{total} · {}%",
            crate::exam::score::percent(correct, total)
        )
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
