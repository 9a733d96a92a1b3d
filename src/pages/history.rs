//! `#/history`: every finished attempt (date, kind, score, pass or fail, time used), a chart of the scaled
//! score over time with the pass-mark line and the per-domain trends, the note sections missed most across all
//! history (each a link into the notes and to a section drill), and export and import of the whole history.

use leptos::prelude::*;

use crate::bank::{EXAM, section};
use crate::chart::{
    BOTTOM, HEIGHT, LEFT, RIGHT, STRIP_HEIGHT, Scale, TOP, WIDTH, isolated, tick_labels,
};
use crate::clock;
use crate::components::readiness::{BookingVerdict, TaskReadinessList};
use crate::decimal::fixed;
use crate::exam::score;
use crate::exam::spec::Mode;
use crate::platform;
use crate::route::{Route, with_query};
use crate::state::use_app;
use crate::store::history::{Entry, Summary, measures_readiness};
use crate::store::transfer;
use crate::study;
use crate::study::stats;

/// A date as YYYY-MM-DD HH:MM in the browser's time zone.
pub fn date(ms: f64) -> String {
    platform::local_date_time(ms)
}

/// For a weak section: its title (the anchor if the section was retired), its notes link and its
/// section-drill link (none when the section has no questions left, so no link leads to a drill that
/// cannot start). The dashboard and the history page both list weak sections this way.
pub fn section_links(anchor: &str) -> (String, String, Option<String>) {
    let found = section(anchor);
    let title = found.map_or(anchor.to_string(), |(_, s)| s.title.to_string());
    let drill = found
        .filter(|(i, _)| crate::study::questions_for_section(*i) > 0)
        .map(|_| with_query(&Route::ExamSetup.href(), "section", anchor));
    (title, Route::Note(anchor.to_string()).href(), drill)
}

/// Calibration of one attempt: how often an answer marked "Sure" was right ("9 of 10 (90 %)"), or a
/// dash when no answer was marked sure.
fn sure_right(s: &Summary) -> String {
    let (right, total) = s.calibration.sure;
    if total == 0 {
        "–".to_string()
    } else {
        format!("{right} of {total} ({}%)", score::percent(right, total))
    }
}

/// What sets an attempt apart from a timed exam drawn from the bank, as a short tag: "Practice" (answers
/// shown as it went, untimed) or "Not counted" (a retry or a due-for-review set, or a practice session
/// compacted to its summary); `None` for an attempt that counts toward readiness and the score chart.
pub fn attempt_tag(e: &Entry) -> Option<&'static str> {
    // Asked of the stored spec or summary directly: building a full attempt's summary to ask it cost a
    // second summary per attempt on the history page.
    let counted = match e {
        Entry::Full(a) if a.session.spec.mode == Mode::Practice => return Some("Practice"),
        Entry::Full(a) => measures_readiness(&a.session.spec),
        Entry::Compacted(s) => s.measures_readiness(),
    };
    (!counted).then_some("Not counted")
}

/// "1 new attempt", "3 new attempts".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The history page.
#[component]
pub fn HistoryPage() -> impl IntoView {
    platform::set_title(&format!("History · {} Practice", crate::bank::EXAM.code));
    let app = use_app();
    // (summary, compacted, tag): a compacted attempt has lost its question-by-question detail.
    let entries = Memo::new(move |_| {
        app.history.with(|h| {
            h.entries
                .iter()
                .map(|e| (e.summary(), e.full().is_none(), attempt_tag(e)))
                .collect::<Vec<_>>()
        })
    });
    // The chart plots the attempts that measure readiness: a practice session half skipped or a retry of
    // the questions just missed would read as a fall or a leap.
    let counted = Memo::new(move |_| {
        entries
            .get()
            .into_iter()
            .filter(|(_, _, tag)| tag.is_none())
            .map(|(s, _, _)| s)
            .collect::<Vec<_>>()
    });
    let any = move || entries.with(|e| !e.is_empty());
    let weakest = Memo::new(move |_| {
        app.history
            .with(|h| stats::weakest_sections(h, 10, study::nested_sections))
    });
    let message = RwSignal::new(None::<(bool, String)>);

    let rows = move || {
        entries
            .get()
            .into_iter()
            .rev()
            .map(|(s, compacted, tag)| {
                let verdict = if s.passed { "Pass" } else { "Fail" };
                let link =
                    view! { <a href=Route::Results(s.id.clone()).href()>{date(s.started_ms)}</a> };
                view! {
                    <tr>
                        <td>{link}</td>
                        <td>{s.title.clone()}{compacted.then_some(" (summary only)")}
                            {tag.map(|t| view! { " " <span class="tag">{t}</span> })}
                            {(s.exam != EXAM.code).then(|| view! { " " <span class="tag">{s.exam.clone()}</span> })}</td>
                        <td class="num" data-label="Score">{s.scaled}</td>
                        <td class:pass=s.passed class:fail=!s.passed>{verdict}</td>
                        <td class="num" data-label="Correct">{format!("{}/{}", s.correct, s.total)}</td>
                        <td class="num" data-label="Time used">{clock::hms(s.finished_ms - s.started_ms)}</td>
                        <td data-label="Sure and right">{sure_right(&s)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let weak_rows = move || {
        weakest
            .get()
            .into_iter()
            .map(|(anchor, missed, total)| {
                let (title, notes, drill) = section_links(&anchor);
                view! {
                    <tr>
                        <td><a href=notes>{title}</a></td>
                        <td class="num">{format!("{missed} of {total}")}</td>
                        <td>{match drill {
                            Some(d) => view! { <a href=d>"Drill this section"</a> }.into_any(),
                            None => view! { <span class="meta">"No questions left"</span> }.into_any(),
                        }}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let export = move |_| {
        let text = app.history.with_untracked(transfer::export);
        let name = format!(
            "dva-practice-history-{}.json",
            &date(platform::now_ms())[..10]
        );
        match platform::download(&name, &text) {
            Ok(()) => message.set(Some((
                true,
                format!(
                    "Exported {} attempts to {name}.",
                    app.history.with_untracked(|h| h.len())
                ),
            ))),
            Err(e) => message.set(Some((false, format!("Export failed: {e}.")))),
        }
    };
    // The outcome in sight: an import into an empty history draws the charts above it and pushed the line
    // screens down, out of view.
    Effect::new(move |_| {
        if message.with(Option::is_some) {
            request_animation_frame(|| platform::show_nearest(".history .message"));
        }
    });
    let import = move |ev: leptos::ev::Event| {
        platform::read_chosen_file(&ev, transfer::MAX_IMPORT_BYTES as f64, move |text| {
            let result = text.and_then(|t| transfer::import(&t).map_err(|e| e.to_string()));
            match result {
                Ok(incoming) => {
                    let total = incoming.len();
                    let added = app.merge_history(&incoming);
                    message.set(Some((
                        true,
                        format!(
                            "Imported {} ({} already here).",
                            plural(added, "new attempt", "new attempts"),
                            total - added
                        ),
                    )));
                }
                Err(e) => message.set(Some((false, format!("Nothing was imported: {e}")))),
            }
        });
    };

    view! {
        <section class="page history">
            <h1>"History"</h1>
            <Show when=any fallback=|| view! {
                <p>"No finished exams yet. " <a href=Route::ExamSetup.href()>"Start one"</a> "."</p>
            }>
                <h2>"Scaled score over time"</h2>
                {move || if counted.with(Vec::is_empty) {
                    view! { <p>"The charts follow timed exams drawn from the bank; practice sessions and retries are listed below but not plotted. "
                        <a href=Route::ExamSetup.href()>"Take a timed exam"</a>" to start them."</p> }.into_any()
                } else {
                    view! {
                        <p class="meta">"Timed exams drawn from the bank only: practice sessions and retries, tagged in the list below, are not plotted."</p>
                        <Trend summaries=counted.into() />
                    }.into_any()
                }}
                <h2>"Attempts"</h2>
                <div class="table-wrap">
                    <table class="attempts" tabindex="0">
                        <thead><tr><th scope="col">"Date"</th><th scope="col">"Kind"</th><th scope="col" class="num">"Score"</th>
                            <th scope="col">"Result"</th><th scope="col" class="num">"Correct"</th><th scope="col" class="num">"Time used"</th>
                            <th scope="col">"Sure and right"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <BookingVerdict />
                <h2>"Readiness per task statement"</h2>
                <TaskReadinessList />
                <h2>"Sections missed most"</h2>
                {move || if weakest.get().is_empty() {
                    view! { <p>"No missed questions yet."</p> }.into_any()
                } else {
                    view! {
                        <p class="meta">"Over every attempt, practice sessions and retries included: a question missed anywhere is one to study."</p>
                        <table class="weak" tabindex="0">
                            <thead><tr><th scope="col">"Section"</th><th scope="col" class="num">"Missed"</th><th scope="col">"Drill"</th></tr></thead>
                            <tbody>{weak_rows}</tbody>
                        </table>
                    }.into_any()
                }}
            </Show>
            <h2>"Export and import"</h2>
            <p>"Your history lives only in this browser. Export it to a file to keep a copy or to move it to another browser; importing merges a file into the history here (attempts already present are skipped)."</p>
            <div class="row">
                <button type="button" class="button" on:click=export>"Export history"</button>
                <label class="button" for="import-file">"Import a history file"</label>
                <input id="import-file" class="sr-only" type="file" accept="application/json,.json" on:change=import />
            </div>
            {move || message.get().map(|(ok, text)| view! {
                <p class="message" class:ok=ok class:bad=!ok role="status">{text}</p>
            })}
        </section>
    }
}

/// Labels for the x axis: the first and the last attempt (and the middle one from five on), with their
/// x positions ([`tick_labels`] says how each is written).
fn date_ticks(list: &[Summary], scale: &Scale) -> Vec<(f64, String)> {
    let n = list.len();
    let mut at = vec![0];
    if n >= 5 {
        at.push(n / 2);
    }
    if n >= 2 {
        at.push(n - 1);
    }
    let stamps: Vec<(usize, String)> = at.iter().map(|&i| (i, date(list[i].started_ms))).collect();
    at.into_iter()
        .map(|i| scale.x(i))
        .zip(tick_labels(&stamps))
        .collect()
}

/// The x axis's date labels, under the drawing area: the first starts at its point and the last ends at
/// its point, so neither is cut off at the edge.
fn x_axis(ticks: Vec<(f64, String)>) -> impl IntoView {
    let last = ticks.len().saturating_sub(1);
    ticks
        .into_iter()
        .enumerate()
        .map(|(i, (x, label))| {
            let anchor = match i {
                0 if last > 0 => "start",
                i if i == last && last > 0 => "end",
                _ => "middle",
            };
            view! { <text class="axis" x=fixed(x, 1) y=fixed(HEIGHT - 6.0, 1) text-anchor=anchor>{label}</text> }
        })
        .collect_view()
}

/// Two views of the attempts, oldest to newest: a chart of the scaled score on its own scale with the pass
/// mark and dates along the bottom, and one strip per domain with its share correct (from 50 % or lower to
/// 100 %, the pass share marked) in the attempts taken under the current exam (an earlier exam's domains
/// are not the same).
/// Strips, not four lines in one chart: domains that score alike drew lines over one another that no dash
/// pattern told apart. Each strip is as wide as the chart, so its points stand where the chart's do.
#[component]
fn Trend(summaries: Signal<Vec<Summary>>) -> impl IntoView {
    let view_box = format!("0 0 {} {}", fixed(WIDTH, 0), fixed(HEIGHT, 0));
    let scores_drawing = move || {
        let list = summaries.get();
        let scale = Scale::chart(f64::from(EXAM.min), f64::from(EXAM.max), list.len());
        let scores: Vec<Option<f64>> = list.iter().map(|s| Some(f64::from(s.scaled))).collect();
        let pass_y = scale.y(f64::from(EXAM.pass));
        // A full mock's score is the one to trust; a 10-question quick exam or a drill swings by a
        // hundred points on one answer, so its dot is hollow (the legend says which is which).
        let dots = list
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let class = if s.total < usize::from(EXAM.questions) { "dot short" } else { "dot" };
                view! { <circle class=class cx=fixed(scale.x(i), 1) cy=fixed(scale.y(f64::from(s.scaled)), 1) r="5" /> }
            })
            .collect_view();
        view! {
            <line class="pass-line" x1=fixed(LEFT, 1) y1=fixed(pass_y, 1) x2=fixed(WIDTH - RIGHT, 1) y2=fixed(pass_y, 1) />
            <text class="axis" x=fixed(LEFT - 6.0, 1) y=fixed(pass_y + 4.0, 1) text-anchor="end">{EXAM.pass}</text>
            <text class="axis" x=fixed(LEFT - 6.0, 1) y=fixed(TOP + 4.0, 1) text-anchor="end">{EXAM.max}</text>
            <text class="axis" x=fixed(LEFT - 6.0, 1) y=fixed(HEIGHT - BOTTOM + 4.0, 1) text-anchor="end">{EXAM.min}</text>
            <path class="line score" d=scale.path(&scores) />
            {dots}
            {x_axis(date_ticks(&list, &scale))}
        }
    };
    let bar = study::scale().pass_percent();
    let strip_box = format!("0 0 {} {}", fixed(WIDTH, 0), fixed(STRIP_HEIGHT, 0));
    // The caption and the strips, from one pass over the attempts: each domain's share per attempt (`None`:
    // not asked, or another exam), and the strips' common floor, 50 %, or lower in steps of ten when a share
    // falls below it (0-100 % left the lines a thin band at the top of each strip).
    let strips = move || {
        let list = summaries.get();
        let all: Vec<Vec<Option<f64>>> = (0..EXAM.domains.len())
            .map(|d| {
                list.iter()
                    .map(|s| {
                        let (c, t) = s.domains.get(d).copied().filter(|_| s.exam == EXAM.code)?;
                        (t > 0).then(|| 100.0 * c as f64 / t as f64)
                    })
                    .collect()
            })
            .collect();
        let lowest = all
            .iter()
            .flatten()
            .flatten()
            .fold(50.0f64, |lo, &v| lo.min(v));
        let floor = (lowest / 10.0).floor() * 10.0;
        let scale = Scale::strip(floor, 100.0, list.len());
        let bar_y = scale.y(bar);
        let caption = format!(
            "Share correct per domain in the same attempts ({} only), latest on the right; each strip runs from {}% to 100%, and its line marks {}%, the share that passes.",
            EXAM.code,
            fixed(floor, 0),
            fixed(bar, 0)
        );
        let items = EXAM.domains
            .iter()
            .zip(all)
            .map(|(domain, values)| {
                let measured: Vec<f64> = values.iter().flatten().copied().collect();
                let latest = measured.last().copied();
                let name = format!("Domain {}: {}", domain.number, domain.name);
                let label = match latest {
                    Some(last) => {
                        let (lo, hi) = measured.iter().fold((100.0f64, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
                        format!(
                            "{name}: share correct in {} attempts, oldest to newest; latest {}%, lowest {}%, highest {}%; {}% passes.",
                            measured.len(), fixed(last, 0), fixed(lo, 0), fixed(hi, 0), fixed(bar, 0)
                        )
                    }
                    None => format!("{name}: not measured yet."),
                };
                // The dots a line does not reach, and the latest point, which the figure beside the name gives.
                let mut dots = isolated(&values);
                if let Some(i) = values.iter().rposition(Option::is_some)
                    && dots.last().map(|&(j, _)| j) != Some(i)
                {
                    dots.push((i, values[i].unwrap_or_default()));
                }
                let dots = dots
                    .into_iter()
                    .map(|(i, v)| view! { <circle class="point" cx=fixed(scale.x(i), 1) cy=fixed(scale.y(v), 1) r="3" /> })
                    .collect_view();
                view! {
                    <li class="strip">
                        <p class="strip-head" aria-hidden="true">
                            <span>{name}</span>
                            <strong>{latest.map_or("–".to_string(), |v| format!("{}%", fixed(v, 0)))}</strong>
                        </p>
                        <svg viewBox=strip_box.clone() role="img" aria-label=label preserveAspectRatio="xMidYMid meet">
                            <line class="pass-line" x1=fixed(LEFT, 1) y1=fixed(bar_y, 1) x2=fixed(WIDTH - RIGHT, 1) y2=fixed(bar_y, 1) />
                            <text class="axis" x=fixed(LEFT - 6.0, 1) y=fixed(bar_y + 4.0, 1) text-anchor="end">{format!("{}%", fixed(bar, 0))}</text>
                            <path class="line domain" d=scale.path(&values) />
                            {dots}
                        </svg>
                    </li>
                }
            })
            .collect_view();
        view! {
            <figcaption class="meta">{caption}</figcaption>
            <ul>{items}</ul>
        }
    };
    let summary = move || {
        let list = summaries.get();
        let last = list.last().map_or(0, |s| s.scaled);
        let best = list.iter().map(|s| s.scaled).max().unwrap_or(0);
        let full = list
            .iter()
            .filter(|s| s.total >= usize::from(EXAM.questions))
            .count();
        format!(
            "Scaled scores of {} attempts ({full} of them full length), oldest to newest; latest {last}, best {best}; the pass mark is {}.",
            list.len(),
            EXAM.pass
        )
    };
    view! {
        <div class="trends">
            <figure class="trend">
                <svg viewBox=view_box role="img" aria-label=summary preserveAspectRatio="xMidYMid meet">{scores_drawing}</svg>
                <figcaption>
                    <ul class="chart-legend">
                        <li><span class="swatch s-score" aria-hidden="true"></span>"Scaled score"</li>
                        <li><span class="swatch s-full" aria-hidden="true"></span>{format!("{} questions", EXAM.questions)}</li>
                        <li><span class="swatch s-short" aria-hidden="true"></span>"Fewer questions"</li>
                        <li><span class="swatch s-pass" aria-hidden="true"></span>{format!("Pass mark ({})", EXAM.pass)}</li>
                    </ul>
                </figcaption>
            </figure>
            <figure class="trend strips">{strips}</figure>
        </div>
    }
}
