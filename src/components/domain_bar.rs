//! One domain's row: its name, a figure, a bar of its percentage, and optionally a verdict under it. The
//! results page and the dashboard's readiness both draw domains this way.

use leptos::prelude::*;

/// A domain row; `weak` styles it as needing work (in words via `note` or the figure, not colour alone).
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
            <div class="bar" role="img" aria-label=format!("{percent} percent")><span style:width=format!("{percent}%")></span></div>
            {note.map(|n| view! { <p class="competency">{n}</p> })}
        </li>
    }
}
