//! The results page's study insights for one attempt: what the learner got wrong while sure and right by
//! guessing (with how often "sure" was right), and where the time went against the exam's pace. Thin
//! views over `study::stats` and `exam::pacing`, where the logic is tested.

use leptos::prelude::*;

use crate::exam::pacing::{self, PaceInfo, short_duration};
use crate::exam::score::{self, Calibration};
use crate::route::{Route, with_query};
use crate::store::history::Attempt;
use crate::study::{self, stats};

/// "18 of 20 right (90 %)".
fn rate((right, total): (usize, usize)) -> String {
    format!(
        "{right} of {total} right ({}%)",
        score::percent(right, total)
    )
}

/// The calibration line: how often each confidence level was right, and how many answers have no rating
/// (a line over 1 rated answer of 10 read as if it covered them all).
fn calibration_line(c: &Calibration, unrated: usize) -> Option<String> {
    if c.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = [("Sure", c.sure), ("Unsure", c.unsure), ("Guess", c.guess)]
        .into_iter()
        .filter(|(_, r)| r.1 > 0)
        .map(|(name, r)| format!("{name}: {}", rate(r)))
        .collect();
    match unrated {
        0 => {}
        1 => parts.push("1 answer without a rating".to_string()),
        n => parts.push(format!("{n} answers without a rating")),
    }
    Some(parts.join(" · "))
}

/// "2 minutes", or minutes and seconds when the pace is not whole minutes.
fn pace_words(ms: f64) -> String {
    let s = (ms / 1000.0).round() as u64;
    match (s / 60, s % 60) {
        (1, 0) => "1 minute".to_string(),
        (m, 0) => format!("{m} minutes"),
        _ => short_duration(ms),
    }
}

/// "Wrong while sure" and "Right by guessing", each a list of links into the review.
#[component]
pub fn ConfidenceLists(attempt: Attempt) -> impl IntoView {
    let id = attempt.id().to_string();
    let wrong = stats::wrong_while_sure(&attempt, study::keys_of);
    let lucky = stats::right_by_guessing(&attempt, study::keys_of);
    let items = attempt.session.items.clone();
    let list = move |indices: Vec<usize>| {
        let id = id.clone();
        let items = items.clone();
        indices
            .into_iter()
            .map(move |n| {
                let href = with_query(&Route::Review(id.clone(), false).href(), "q", &(n + 1).to_string());
                view! { <li><a href=href>{format!("Question {}", n + 1)}</a>{format!(": {}", study::stem_excerpt(&items[n].id, 90))}</li> }
            })
            .collect_view()
    };
    let unrated = attempt
        .session
        .items
        .iter()
        .filter(|i| !i.chosen.is_empty() && i.confidence.is_none())
        .count();
    let calibration = calibration_line(&attempt.outcome.calibration, unrated);
    let none_sure = attempt.outcome.calibration.sure.1 == 0;
    let (nw, nl) = (wrong.len(), lucky.len());
    view! {
        <h2>"How sure you were"</h2>
        {match calibration {
            None => view! { <p class="meta">"Say how sure you are of each answer (Sure, Unsure or Guess; keys S, U and G) and this shows the answers you got wrong while sure, the misconceptions most worth fixing, and the ones you got right by guessing."</p> }.into_any(),
            Some(line) => view! {
                <p>{line}</p>
                <div class="insight-lists">
                    <div>
                        <h3>{format!("Wrong while sure ({nw})")}</h3>
                        {if nw == 0 { view! { <p class="meta">{if none_sure { "None: you marked no answer as Sure." } else { "None: every answer you were sure of was right." }}</p> }.into_any() }
                         else { view! { <p class="meta">"Misconceptions: study these first. Spaced review brings them back before anything else."</p><ul class="missed">{list(wrong)}</ul> }.into_any() }}
                    </div>
                    <div>
                        <h3>{format!("Right by guessing ({nl})")}</h3>
                        {if nl == 0 { view! { <p class="meta">"None."</p> }.into_any() }
                         else { view! { <p class="meta">"Lucky this time, so likely wrong next time: spaced review brings them back like misses."</p><ul class="missed">{list(lucky)}</ul> }.into_any() }}
                    </div>
                </div>
            }.into_any(),
        }}
    }
}

/// Time per domain against the exam's pace, the slowest questions, and whether changed answers helped.
#[component]
pub fn PacingSummary(attempt: Attempt) -> impl IntoView {
    let bp = study::blueprint();
    let pace_ms = f64::from(bp.full_minutes) * 60_000.0 / bp.full_length.max(1) as f64;
    let p = pacing::pacing(&attempt.session, bp.domains(), pace_ms, 5, |id| {
        study::key_info(id).map(|k| PaceInfo {
            domain: k.domain,
            keys: k.keys,
        })
    });
    let id = attempt.id().to_string();
    let rows = p
        .domains
        .iter()
        .filter(|d| d.questions > 0)
        .map(|d| {
            let per = d.per_question_ms();
            let slow = per > pace_ms;
            view! {
                <tr><th scope="row">{format!("Domain {}", d.domain)}</th>
                    <td class="num">{d.questions}</td><td class="num">{short_duration(d.spent_ms)}</td>
                    <td class="num" class:over=slow>{short_duration(per)}{slow.then_some(" (over)")}</td></tr>
            }
        })
        .collect_view();
    let slowest = p
        .slowest
        .iter()
        .map(|&n| {
            let href = with_query(&Route::Review(id.clone(), false).href(), "q", &(n + 1).to_string());
            let ms = attempt.session.items[n].spent_ms;
            view! { <li><a href=href>{format!("Question {}", n + 1)}</a>{format!(": {}", short_duration(ms))}</li> }
        })
        .collect_view();
    let c = p.changes;
    let changes = if attempt.session.items.iter().all(|i| i.chosen.is_empty()) {
        "No answer was given, so none was changed.".to_string()
    } else if c.changed == 0 {
        "You kept every first answer.".to_string()
    } else {
        format!(
            "You changed {} of {} answers: {} from wrong to right, {} from right to wrong, {} from one wrong answer to another.",
            c.changed, c.answered, c.helped, c.hurt, c.neither
        )
    };
    view! {
        <h2>"Pacing"</h2>
        <p>{format!("The real exam allows about {} per question ({} questions in {} minutes). {} of your {} took longer.",
            pace_words(pace_ms), bp.full_length, bp.full_minutes, p.over_pace,
            if attempt.session.items.len() == 1 { "1 question".to_string() } else { format!("{} questions", attempt.session.items.len()) })}</p>
        <div class="table-wrap">
            <table class="pacing" tabindex="0" aria-label="Time per domain">
                <thead><tr><th scope="col">"Domain"</th><th scope="col" class="num">"Questions"</th><th scope="col" class="num">"Time"</th><th scope="col" class="num">"Per question"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {(!p.slowest.is_empty()).then(|| view! { <h3>"Slowest questions"</h3><ol class="missed">{slowest}</ol> })}
        <p>{changes}</p>
    }
}
