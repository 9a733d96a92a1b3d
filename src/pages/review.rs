//! `#/review/<attempt>`: each question of a finished attempt with the answer given, the key, the
//! explanation and the note sections that teach it, the time spent, how sure the learner said they were
//! and the options they struck out. Filters: all, missed (wrong, partly or not answered: each counts as
//! wrong), wrong while sure, right by guessing, flagged, unanswered, and by domain. The choice marks use
//! words and symbols, not colour alone. The filters live in the address (`?s=<show>&d=<domain>`; missed
//! keeps its first name, `incorrect`, so links made before still work), and a note link carries the way
//! back, so "Back to review" in the notes (or the browser's Back) returns to the same question (`q=<n>`)
//! with the same filters.

use leptos::prelude::*;

use crate::bank::EXAM;
use crate::components::question::{DocLinks, NoteLinks, letter, letter_rebuttals};
use crate::components::report::ReportLink;
use crate::exam::pacing::short_duration;
use crate::exam::score;
use crate::exam::session::{Answer, Confidence, Item};
use crate::platform;
use crate::route::{Route, query, set_query, with_query};
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

impl Show {
    const EVERY: [Show; 6] = [
        Show::All,
        Show::Incorrect,
        Show::WrongSure,
        Show::LuckyGuess,
        Show::Flagged,
        Show::Unanswered,
    ];

    /// Its name in the address.
    fn key(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Incorrect => "incorrect",
            Show::WrongSure => "wrong-sure",
            Show::LuckyGuess => "lucky-guess",
            Show::Flagged => "flagged",
            Show::Unanswered => "unanswered",
        }
    }

    fn parse(key: &str) -> Option<Show> {
        Show::EVERY.into_iter().find(|s| s.key() == key)
    }
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
    let default_show = if incorrect {
        Show::Incorrect
    } else {
        Show::All
    };
    let here = platform::hash();
    let show = RwSignal::new(
        query(&here, "s")
            .and_then(|k| Show::parse(&k))
            .unwrap_or(default_show),
    );
    let domain = RwSignal::new(
        query(&here, "d")
            .and_then(|d| d.parse::<u8>().ok())
            .unwrap_or(0),
    );
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
    // The review's address with the filters chosen (none written when they are the defaults).
    let filtered = {
        let base = base.clone();
        move || {
            let mut href = base.clone();
            let s = show.get_untracked();
            if s != default_show {
                href = with_query(&href, "s", s.key());
            }
            match domain.get_untracked() {
                0 => href,
                d => with_query(&href, "d", &d.to_string()),
            }
        }
    };
    let remember = {
        let filtered = filtered.clone();
        move || platform::replace_hash(&filtered())
    };
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
    // An address naming a domain the attempt did not ask about (edited by hand) shows all of them.
    let d = domain.get_untracked();
    if d != 0 && !facts.iter().any(|f| f.domain == d) {
        domain.set(0);
    }
    let shows =
        move |f: Fact| f.shown_by(show.get()) && (domain.get() == 0 || domain.get() == f.domain);
    let shown_count = {
        let facts = facts.clone();
        move || facts.iter().filter(|f| shows(**f)).count()
    };
    // "First missed" and each "Next missed": the next question after `after` (numbered from 1) that was
    // missed (answered wrongly, partly or not at all: "incorrect" named only the first) and that the filters
    // show, so a jump never lands on a hidden question (it reset the filters silently before).
    let next_wrong = {
        let facts = facts.clone();
        move |after: usize| {
            facts
                .iter()
                .enumerate()
                .skip(after)
                .find(|(_, f)| !f.right && shows(**f))
                .map(|(n, _)| n + 1)
        }
    };
    let jump = move |k: usize| {
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
            let next_wrong = next_wrong.clone();
            let next = move || {
                next_wrong(n + 1).map(|k| {
                    view! {
                        <p class="next-wrong">
                            <button type="button" class="linkish" on:click=move |_| jump(k)>
                                {format!("Next missed: question {k} ↓")}</button>
                        </p>
                    }
                })
            };
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
    let filter = {
        let remember = remember.clone();
        move |value: Show, label: &'static str| {
            let n = counts.iter().filter(|f| f.shown_by(value)).count();
            let remember = remember.clone();
            view! {
                <label class="pill">
                    <input type="radio" name="review-show" prop:checked=move || show.get() == value
                        on:change=move |_| { show.set(value); remember(); } />
                    {format!("{label} ({n})")}
                </label>
            }
        }
    };
    // Only the domains the attempt asked about (a drill of domains 1 and 2 offered 3 and 4 too, which showed
    // nothing), each with how many questions the Show filter leaves in it. The domain's number and a short
    // name: the whole name cut the select at 1280 and at 360 px.
    let domain_options = EXAM
        .domains
        .iter()
        .filter(|d| facts.iter().any(|f| f.domain == d.number))
        .map(|d| {
            let number = d.number;
            let name = short_domain(d.name);
            let facts = facts.clone();
            let n = move || {
                let s = show.get();
                facts.iter().filter(|f| f.domain == number && f.shown_by(s)).count()
            };
            view! { <option value=number.to_string()>{move || format!("{number}: {name} ({})", n())}</option> }
        })
        .collect_view();
    let counts_all = {
        let facts = facts.clone();
        move |s: Show| facts.iter().filter(|f| f.shown_by(s)).count()
    };
    let first_wrong = {
        let next_wrong = next_wrong.clone();
        move || next_wrong(0)
    };
    view! {
        <section class="page review">
            <h1>"Review: " {attempt.session.spec.title()}</h1>
            <p class="actions">
                <a class="button" href=Route::Results(id.clone()).href()>"Back to results"</a>
            </p>
            <fieldset class="filters">
                <legend>"Show"</legend>
                <div class="row">
                    {filter(Show::All, "All")}{filter(Show::Incorrect, "Missed")}
                    {filter(Show::WrongSure, "Wrong while sure")}{filter(Show::LuckyGuess, "Right by guessing")}
                    {filter(Show::Flagged, "Flagged")}{filter(Show::Unanswered, "Unanswered")}
                    // On the pills' line where it fits: stuck at the top while scrolling, the filters took
                    // 165 px (a fifth) of a 1280x860 window on two lines.
                    <span class="domain-filter">
                        <label for="review-domain">"Domain"</label>
                        <select id="review-domain" prop:value=move || domain.get().to_string()
                            on:change=move |ev| {
                                domain.set(event_target_value(&ev).parse().unwrap_or(0));
                                remember();
                            }>
                            <option value="0">{move || format!("All domains ({})", counts_all(show.get()))}</option>
                            {domain_options}
                        </select>
                    </span>
                </div>
            </fieldset>
            {move || first_wrong().map(|k| {
                view! {
                    <p><button type="button" class="button" on:click=move |_| jump(k)>
                        {format!("First missed: question {k} ↓")}</button></p>
                }
            })}
            <p class="meta" aria-live="polite">{move || match shown_count() {
                0 => "No question matches these filters. Choose All, or another domain.".to_string(),
                1 => "1 question shown.".to_string(),
                n => format!("{n} questions shown."),
            }}</p>
            // Following a note link from a question, this entry first becomes that question's address
            // (`?q=<n>`): the browser's Back then returns to it, not to the top of a long review.
            // The way back carries the filters chosen since the link was drawn.
            <ol class="review-items" on:click=move |ev| {
                let Some(href) = platform::link_href(&ev) else { return };
                let Some(back) = query(&href, "back") else { return };
                let back_now = match query(&back, "q") {
                    Some(q) => with_query(&filtered(), "q", &q),
                    None => filtered(),
                };
                platform::replace_hash(&back_now);
                if back_now != back {
                    ev.prevent_default();
                    platform::go(&set_query(&href, "back", &back_now));
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

/// A domain's name as the review's select shows it: up to " with " or " and " ("Development" for
/// "Development with AWS Services", "Troubleshooting" for "Troubleshooting and Optimization"), so the
/// select fits beside its label on a 360 px phone (the whole names were cut there and at 1280).
fn short_domain(name: &'static str) -> &'static str {
    let mut end = 0usize;
    for word in name.split(' ') {
        if word == "with" || word == "and" {
            return &name[..end.saturating_sub(1)];
        }
        end += word.len() + 1;
    }
    name
}

/// "Time: 1 min 05 s · You said: Sure", under each question's heading.
fn item_meta(item: &Item) -> String {
    let mut parts = vec![format!("Time: {}", short_duration(item.spent_ms))];
    if let Some(level) = item.confidence.filter(|_| !item.chosen.is_empty()) {
        parts.push(format!("You said: {}", level.label()));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_named_short_in_the_select() {
        assert_eq!(short_domain("Development with AWS Services"), "Development");
        assert_eq!(short_domain("Security"), "Security");
        assert_eq!(short_domain("Testing and Deployment"), "Testing");
        assert_eq!(
            short_domain("Troubleshooting and Optimization"),
            "Troubleshooting"
        );
    }

    #[test]
    fn every_filter_survives_the_address() {
        for s in Show::EVERY {
            assert_eq!(Show::parse(s.key()), Some(s));
        }
        assert_eq!(Show::parse("nonsense"), None);
    }
}
