//! `#/review/<attempt>`: each question of a finished attempt with the answer given, the key, the
//! explanation and the note sections that teach it, the time spent, how sure the learner said they were
//! and the options they struck out. Filters: all, incorrect, wrong while sure, right by guessing, flagged,
//! unanswered, and by domain. The choice marks use words and symbols, not colour alone. A note link carries the way back, so
//! "Back to review" in the notes returns to the same question (`?q=<n>`).

use leptos::prelude::*;

use crate::bank::EXAM;
use crate::components::question::{DocLinks, NoteLinks, letter, letter_rebuttals};
use crate::components::report::ReportLink;
use crate::exam::pacing::short_duration;
use crate::exam::score;
use crate::exam::session::{Answer, Confidence, Item};
use crate::platform;
use crate::route::{Route, query, with_query};
use crate::state::use_app;
use crate::study;

/// What the review shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Show {
    All,
    Incorrect,
    WrongSure,
    LuckyGuess,
    Flagged,
    Unanswered,
}

/// What the filters look at, per question.
#[derive(Debug, Clone, Copy)]
struct Fact {
    right: bool,
    flagged: bool,
    unanswered: bool,
    domain: u8,
    confidence: Option<Confidence>,
}

impl Fact {
    /// Whether the filter `show` (domain aside) shows this question.
    fn shown_by(self, show: Show) -> bool {
        match show {
            Show::All => true,
            Show::Incorrect => !self.right,
            Show::WrongSure => !self.right && self.confidence == Some(Confidence::Sure),
            Show::LuckyGuess => self.right && self.confidence == Some(Confidence::Guess),
            Show::Flagged => self.flagged,
            Show::Unanswered => self.unanswered,
        }
    }
}

/// One question of the attempt, as the filters see it.
struct Row {
    n: usize,
    item: Item,
    question: Option<&'static crate::bank::Question>,
    right: bool,
}

/// The review of one attempt; `incorrect` starts with only the questions answered wrongly or not at all.
#[component]
pub fn Review(id: String, incorrect: bool) -> impl IntoView {
    let app = use_app();
    platform::set_title(&format!("Review · {} Practice", crate::bank::EXAM.code));
    let Some(attempt) = app.history.with_untracked(|h| h.get(&id).cloned()) else {
        return view! {
            <section class="page narrow"><h1>"Review not found"</h1>
            <p>"No finished exam with this id is stored in this browser."</p></section>
        }
        .into_any();
    };
    let show = RwSignal::new(if incorrect {
        Show::Incorrect
    } else {
        Show::All
    });
    let domain = RwSignal::new(0u8);
    let rows: Vec<Row> = attempt
        .session
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            // A question retired or changed since the attempt is shown as retired and keeps the outcome
            // it was scored with (wrong, as retired questions are scored).
            let question = study::question_for(item);
            let right = question.is_some_and(|q| {
                study::keys_of(q.id).is_some_and(|keys| score::is_correct(item, &keys))
            });
            Row {
                n,
                item: item.clone(),
                question,
                right,
            }
        })
        .collect();
    let base = Route::Review(id.clone(), incorrect).href();
    let facts: Vec<Fact> = rows
        .iter()
        .map(|r| Fact {
            right: r.right,
            flagged: r.item.flagged,
            unanswered: r.item.answer() != Answer::Complete,
            domain: r.question.map_or(0, |q| q.task.domain),
            confidence: r.item.confidence.filter(|_| !r.item.chosen.is_empty()),
        })
        .collect();
    let shows =
        move |f: Fact| f.shown_by(show.get()) && (domain.get() == 0 || domain.get() == f.domain);
    let shown_count = {
        let facts = facts.clone();
        move || facts.iter().filter(|f| shows(**f)).count()
    };
    // "Next incorrect": from each question, the next one answered wrongly (its number, from 1).
    let wrong: Vec<usize> = facts
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.right)
        .map(|(n, _)| n + 1)
        .collect();
    let next_wrong = move |after: usize| wrong.iter().copied().find(|&k| k > after);
    let first_wrong = next_wrong(0);
    // "First incorrect" and each "Next incorrect": to question `k` (from 1, its facts `target`), shown first
    // when the filters hide it (the jump did nothing then).
    let jump = move |k: usize, target: Fact| {
        if !untrack(|| shows(target)) {
            show.set(Show::All);
            domain.set(0);
        }
        request_animation_frame(move || {
            platform::reveal(&format!("q{k}"));
        });
    };
    let cards = rows
        .into_iter()
        .map(|row| {
            let Row { n, item, question, right } = row;
            let answer = item.answer();
            let flagged = item.flagged;
            let fact = facts[n];
            let visible = move || shows(fact);
            let next = next_wrong(n + 1).map(|k| {
                let target = facts[k - 1];
                view! {
                    <p class="next-wrong">
                        <button type="button" class="linkish" on:click=move |_| jump(k, target)>
                            {format!("Next incorrect: question {k} ↓")}</button>
                    </p>
                }
            });
            let body = match question {
                None => view! { <p>"This question was retired from the bank since; it counted as wrong."</p> }.into_any(),
                Some(q) => question_body(q, &item, right, with_query(&base, "q", &(n + 1).to_string())).into_any(),
            };
            let verdict = if question.is_none() {
                "Retired"
            } else if answer == Answer::Unanswered {
                "Unanswered"
            } else if answer == Answer::Partial {
                "Partly answered (counts as wrong)"
            } else if right {
                "✓ Correct"
            } else {
                "✗ Incorrect"
            };
            view! {
                <li class="card" id=format!("q{}", n + 1) tabindex="-1" style:display=move || if visible() { "" } else { "none" }>
                    <h2>{format!("Question {}", n + 1)} " "
                        <span class="verdict" class:right=right class:wrong=!right>{verdict}</span>
                        {flagged.then_some(" · ⚑ Flagged")}</h2>
                    <p class="meta">{item_meta(&item)}</p>
                    {body}
                    {next}
                </li>
            }
        })
        .collect_view();
    // Coming back from the notes: open at the question the learner left.
    if let Some(n) = query(&platform::hash(), "q") {
        request_animation_frame(move || {
            platform::reveal(&format!("q{n}"));
        });
    }
    // Each filter says how many questions it shows (across all domains).
    let counts: Vec<Fact> = facts.clone();
    let filter = move |value: Show, label: &'static str| {
        let n = counts.iter().filter(|f| f.shown_by(value)).count();
        view! {
            <label class="pill">
                <input type="radio" name="review-show" prop:checked=move || show.get() == value on:change=move |_| show.set(value) />
                {format!("{label} ({n})")}
            </label>
        }
    };
    // Only the domains the attempt asked about, each with its count (a drill of domains 1 and 2 offered 3
    // and 4 too, which showed nothing).
    let domain_options = EXAM
        .domains
        .iter()
        .filter_map(|d| {
            let n = facts.iter().filter(|f| f.domain == d.number).count();
            (n > 0).then(|| view! { <option value=d.number.to_string()>{format!("Domain {}: {} ({n})", d.number, d.name)}</option> })
        })
        .collect_view();
    view! {
        <section class="page review">
            <h1>"Review: " {attempt.session.spec.title()}</h1>
            <p class="actions">
                <a class="button" href=Route::Results(id.clone()).href()>"Back to results"</a>
            </p>
            <fieldset class="filters">
                <legend>"Show"</legend>
                <div class="row">
                    {filter(Show::All, "All")}{filter(Show::Incorrect, "Incorrect")}
                    {filter(Show::WrongSure, "Wrong while sure")}{filter(Show::LuckyGuess, "Right by guessing")}
                    {filter(Show::Flagged, "Flagged")}{filter(Show::Unanswered, "Unanswered")}
                    // On the pills' line where it fits: stuck at the top while scrolling, the filters took
                    // 165 px (a fifth) of a 1280x860 window on two lines.
                    <span class="domain-filter">
                        <label for="review-domain">"Domain"</label>
                        <select id="review-domain" prop:value=move || domain.get().to_string()
                            on:change=move |ev| domain.set(event_target_value(&ev).parse().unwrap_or(0))>
                            <option value="0">"All domains"</option>
                            {domain_options}
                        </select>
                    </span>
                </div>
            </fieldset>
            {first_wrong.map(|k| {
                let target = facts[k - 1];
                view! {
                    <p><button type="button" class="button" on:click=move |_| jump(k, target)>
                        {format!("First incorrect: question {k} ↓")}</button></p>
                }
            })}
            <p class="meta" aria-live="polite">{move || match shown_count() {
                0 => "No question matches these filters. Choose All, or another domain.".to_string(),
                1 => "1 question shown.".to_string(),
                n => format!("{n} questions shown."),
            }}</p>
            // Following a note link from a question, this entry first becomes that question's address
            // (`?q=<n>`): the browser's Back then returns to it, not to the top of a long review.
            <ol class="review-items" on:click=move |ev| {
                if let Some(back) = platform::link_href(&ev).and_then(|h| query(&h, "back")) {
                    platform::replace_hash(&back);
                }
            }>{cards}</ol>
        </section>
    }
    .into_any()
}

fn question_body(
    q: &'static crate::bank::Question,
    item: &Item,
    right: bool,
    back: String,
) -> impl IntoView + use<> {
    let options = item
        .order
        .iter()
        .enumerate()
        .map(|(pos, &orig)| {
            let c = &q.choices[usize::from(orig)];
            let chosen = item.chosen.contains(&orig);
            let struck = item.struck.contains(&orig);
            let mark = match (c.key, chosen) {
                (true, true) => "✓ Correct · your answer",
                (true, false) => "✓ Correct answer",
                (false, true) => "✗ Your answer",
                _ => "",
            };
            let note = match (struck, c.key) {
                (true, true) => Some("You struck this option out, but it is correct."),
                (true, false) => Some("You struck this option out."),
                _ => None,
            };
            view! {
                <li class="choice static" class:key=c.key class:wrong=chosen && !c.key class:chosen=chosen class:struck=struck>
                    <span class="letter">{letter(pos)}</span>
                    <span class="text" inner_html=q.choice_html(usize::from(orig))></span>
                    <span class="mark">{mark}</span>
                    {note.map(|n| view! { <span class="struck-note">{n}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="stem" inner_html=q.stem()></div>
        <ul class="choices">{options}</ul>
        <details open=!right>
            <summary>"Explanation"</summary>
            <div class="explanation" inner_html=letter_rebuttals(q.explanation(), &item.order)></div>
        </details>
        <NoteLinks question=q back />
        <DocLinks question=q />
        <ReportLink question=q item=item.clone() />
    }
}

/// "Time: 1 min 05 s · You said: Sure", under each question's heading.
fn item_meta(item: &Item) -> String {
    let mut parts = vec![format!("Time: {}", short_duration(item.spent_ms))];
    if let Some(level) = item.confidence.filter(|_| !item.chosen.is_empty()) {
        parts.push(format!("You said: {}", level.label()));
    }
    parts.join(" · ")
}
