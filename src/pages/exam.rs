//! `#/exam`: the exam room, laid out like the real exam: "Question 12 of 65", the time left at the top right,
//! the question, flag for review, previous and next, a navigator grid, a review screen and "End exam" with a
//! confirmation. Works by keyboard alone (see [`shortcut`]). Every change is saved at once; at 0:00 the exam
//! ends itself and opens the results.

use leptos::prelude::*;

use crate::clock::{self, Level};
use crate::components::content::{Needs, NeedsContent};
use crate::components::dialog::Modal;
use crate::components::navigator::Navigator;
use crate::components::question::{
    Choices, ConfidencePicker, DocLinks, NoteLinks, choose_hint, letter_rebuttals, verdict,
};
use crate::components::report::ReportLink;
use crate::exam::session::{Answer, Chose, Confidence, Item, Session};
use crate::exam::spec::Mode;
use crate::platform;
use crate::route::Route;
use crate::state::{AppState, use_app};
use crate::study;

/// What a key press does in the exam room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Choose(usize),
    Previous,
    Next,
    Flag,
    Review,
    Help,
    Close,
    /// Enter: in practice mode, check the answer once it is complete.
    Check,
    /// S, U, G: how sure the learner is of the answer.
    Confidence(Confidence),
    /// X: strike out (or restore) the option that has keyboard focus.
    Strike,
}

/// Maps a key (as `KeyboardEvent.key` names it) to its action. `1`-`6` and `A`-`E` choose (F is taken by
/// flag, so the sixth option is `6`), arrows move, `F` flags, `R` opens the review screen, `?` the help,
/// `S`/`U`/`G` say how sure the learner is, `X` strikes out the focused option.
pub fn shortcut(key: &str) -> Option<Shortcut> {
    Some(match key {
        "ArrowLeft" => Shortcut::Previous,
        "ArrowRight" => Shortcut::Next,
        "f" | "F" => Shortcut::Flag,
        "r" | "R" => Shortcut::Review,
        "s" | "S" => Shortcut::Confidence(Confidence::Sure),
        "u" | "U" => Shortcut::Confidence(Confidence::Unsure),
        "g" | "G" => Shortcut::Confidence(Confidence::Guess),
        "x" | "X" => Shortcut::Strike,
        "?" => Shortcut::Help,
        "Escape" => Shortcut::Close,
        "Enter" => Shortcut::Check,
        k if k.len() == 1 => {
            let c = k.chars().next()?.to_ascii_lowercase();
            match c {
                '1'..='6' => Shortcut::Choose(c as usize - '1' as usize),
                'a'..='e' => Shortcut::Choose(c as usize - 'a' as usize),
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// The exam room, or a pointer to the setup page when no exam is in progress.
#[component]
pub fn ExamRoom() -> impl IntoView {
    let app = use_app();
    let present = Memo::new(move |_| app.session.with(Option::is_some));
    move || {
        if present.get() {
            view! { <Room /> }.into_any()
        } else {
            platform::set_title(&format!("Exam · {} Practice", crate::bank::EXAM.code));
            // Reached by Back from an exam's results, or after the time ran out elsewhere: the way to the
            // exam just finished comes first.
            let last = app.history.with_untracked(|h| {
                h.entries
                    .last()
                    .map(|e| (Route::Results(e.id().to_string()).href(), e.summary().title))
            });
            view! {
                <section class="page narrow">
                    <h1>"No exam in progress"</h1>
                    {last.map(|(href, title)| view! {
                        <p>"Your last exam has ended: " <a href=href>{format!("see the results of {title}")}</a> "."</p>
                    })}
                    <p><a class="button primary" href=Route::ExamSetup.href()>"Start a new exam"</a></p>
                </section>
            }
            .into_any()
        }
    }
}

/// The review screen's address: the exam room's with a query.
const REVIEW: &str = "#/exam?review";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Question,
    Review,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Unanswered,
    Flagged,
}

fn act(app: AppState, f: impl FnOnce(&mut Session, f64)) {
    let now = platform::now_ms();
    app.session.update(|s| {
        if let Some(s) = s {
            f(s, now);
        }
    });
    app.save_session();
}

/// Practice mode: checks the current question's answer (when complete and not yet checked), then brings
/// the verdict and explanation into view with focus on them, so they are read at once, also on a phone.
fn check(app: AppState) {
    let mut did = false;
    app.session.update(|s| {
        if let Some(s) = s
            && s.spec.mode == Mode::Practice
            && s.answered(s.current)
            && s.items.get(s.current).is_some_and(|i| !i.checked)
        {
            s.check();
            did = true;
        }
    });
    if did {
        app.save_session();
        // Focus goes to the feedback and the page scrolls as little as brings it whole into view (its top
        // first when it is taller than the window): scrolled only to the verdict, the explanation stayed
        // below the fold; the verdict names the key by its letter, so the options may leave the view.
        request_animation_frame(|| platform::focus_showing("feedback"));
    }
}

/// The word for how far a question is answered, in the review screen and the navigator.
pub fn answer_label(a: Answer) -> &'static str {
    match a {
        Answer::Unanswered => "Unanswered",
        Answer::Partial => "Partly answered",
        Answer::Complete => "Answered",
    }
}

fn end(app: AppState, expired: bool) {
    if let Some(id) = app.finish(platform::now_ms(), expired) {
        // The results take the exam room's place in the browser's history: Back from them leads to where
        // the learner was before the exam, not to an empty exam room.
        platform::go_replacing(&Route::Results(id).href());
    }
}

#[component]
fn Room() -> impl IntoView {
    let app = use_app();
    let session: Signal<Option<Session>> = app.session.into();
    let now = app.now;
    now.set(platform::now_ms());
    // The screen the address names: a reload on the review screen stays there.
    let addressed = || {
        if platform::hash() == REVIEW {
            Screen::Review
        } else {
            Screen::Question
        }
    };
    let screen = RwSignal::new(addressed());
    let confirming = RwSignal::new(false);
    let help = RwSignal::new(false);
    let cap_hint = RwSignal::new(false);
    let spoken = RwSignal::new(String::new());
    let practice = app
        .session
        .with_untracked(|s| s.as_ref().is_some_and(|s| s.spec.mode == Mode::Practice));
    let title = app
        .session
        .with_untracked(|s| s.as_ref().map(|s| s.spec.title()).unwrap_or_default());
    platform::set_title(&format!("{title} · {} Practice", crate::bank::EXAM.code));
    // Time away from the room (the notes, a reload) is charged to no question: coming back restarts the
    // open question's count (see `Session::resume`; not saved here: the next action or leaving saves it,
    // and a reload resumes anyway), leaving charges it its time so far.
    let pace = move |leave: bool| {
        let t = platform::now_ms();
        app.session.update_untracked(|s| match s {
            Some(s) if leave => s.leave(t),
            Some(s) => s.resume(t),
            None => {}
        });
    };
    pace(false);
    on_cleanup(move || {
        pace(true);
        app.save_session();
    });

    let remaining = move || session.with(|s| s.as_ref().and_then(|s| s.remaining_ms(now.get())));
    let allotted = move || session.with(|s| s.as_ref().and_then(Session::allotted_ms));
    // Each tick of the app's clock: a minute mark just crossed is announced, and 0:00 ends the exam.
    Effect::new(move |previous: Option<f64>| {
        let t = now.get();
        let left = |at| {
            app.session
                .with_untracked(|s| s.as_ref().and_then(|s| s.remaining_ms(at)))
        };
        if let (Some(b), Some(a)) = (previous.and_then(left), left(t))
            && let Some(m) = clock::crossed(b, a)
        {
            spoken.set(clock::announcement(m));
        }
        if app
            .session
            .with_untracked(|s| s.as_ref().is_some_and(|s| s.is_expired(t)))
        {
            end(app, true);
        }
        t
    });

    let current = Memo::new(move |_| session.with(|s| s.as_ref().map_or(0, |s| s.current)));
    let total = session.with_untracked(|s| s.as_ref().map_or(0, |s| s.items.len()));
    let item: Signal<Option<Item>> = Memo::new(move |_| {
        session.with(|s| s.as_ref().and_then(|s| s.items.get(s.current).cloned()))
    })
    .into();
    // A screen opened (a question, or the review screen) starts at the top with its heading focused, as a
    // page change does (not hidden under the sticky bars).
    let set_screen = move |to: Screen| {
        screen.set(to);
        request_animation_frame(|| platform::focus_top("q-title"));
    };
    // The review screen has its own entry in the browser's history (`#/exam?review`), so the browser's
    // Back there returns to the question, as the screen's Back button does, where it asked "Leave the
    // exam?"; leaving the screen by the app's buttons takes that entry back off.
    // (Reached by its address, a bookmark or a reload, the entry is not the room's own: replaced, not
    // gone back from, which left the exam.)
    let pushed = RwSignal::new(false);
    let show_screen = move |to: Screen| {
        let listed = addressed() == Screen::Review;
        if to == Screen::Review && !listed {
            platform::push_hash(REVIEW);
            pushed.set(true);
        } else if to == Screen::Question && listed {
            if pushed.get_untracked() {
                platform::go_back();
            } else {
                platform::replace_hash(&Route::Exam.href());
            }
            pushed.set(false);
        }
        set_screen(to);
    };
    let moved = window_event_listener(leptos::ev::hashchange, move |_| {
        let to = addressed();
        if to != screen.get_untracked() {
            set_screen(to);
        }
    });
    on_cleanup(move || moved.remove());
    let toggle_review = move || {
        show_screen(if screen.get_untracked() == Screen::Review {
            Screen::Question
        } else {
            Screen::Review
        })
    };
    let go = move |i: usize| {
        cap_hint.set(false);
        act(app, |s, t| s.go_to(i, t));
        show_screen(Screen::Question);
    };
    let choose = move |pos: usize| {
        let mut result = Chose::Locked;
        act(app, |s, t| result = s.choose(pos, t));
        cap_hint.set(result == Chose::CapReached);
    };
    // Forward from the last question opens the review screen, as on the real exam (Next was a dead
    // button there, and → still did nothing).
    let step = move |forward: bool| {
        let i = current.get_untracked();
        if forward && i + 1 < total {
            go(i + 1);
        } else if forward {
            show_screen(Screen::Review);
        } else if i > 0 {
            go(i - 1);
        }
    };
    let flag = move || act(app, |s, _| s.toggle_flag());
    let strike = move |pos: usize| act(app, |s, t| s.toggle_strike(pos, t));
    let sure = move |level: Confidence| act(app, |s, t| s.set_confidence(level, t));

    // In practice mode the forward button checks a complete answer; until the answer is complete it
    // moves on (a "Check answer" disabled at one of two ticks left no way forward but → and the navigator,
    // folded at the top on a phone); the card's line says how many options a check needs.
    let checking = move || {
        practice
            && screen.get() == Screen::Question
            && item.with(|i| {
                i.as_ref()
                    .is_some_and(|i| !i.checked && i.answer() == Answer::Complete)
            })
    };
    let forward = move || {
        if checking() {
            check(app);
        } else {
            step(true);
        }
    };

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some(action) = shortcut(&ev.key()) else {
            return;
        };
        // A key event after the room is gone finds its signals disposed and does nothing.
        let Some(confirm_open) = confirming.try_get_untracked() else {
            return;
        };
        // While a dialog is open, only its own keys work (Esc closes; ? toggles the help).
        let help_open = help.try_get_untracked().unwrap_or(false);
        if (confirm_open && action != Shortcut::Close)
            || (help_open && !matches!(action, Shortcut::Close | Shortcut::Help))
        {
            return;
        }
        let on_question = screen.get_untracked() == Screen::Question;
        match action {
            Shortcut::Choose(pos) if on_question => {
                let options = item.with_untracked(|i| i.as_ref().map_or(0, |i| i.order.len()));
                if pos < options {
                    ev.prevent_default();
                    choose(pos);
                }
            }
            // → does what the bar's forward button does: in practice mode it checks a complete answer
            // first (it moved on unchecked while the button beside it read "Check answer").
            Shortcut::Next if on_question => {
                ev.prevent_default();
                forward();
            }
            Shortcut::Previous if on_question => {
                ev.prevent_default();
                step(false);
            }
            Shortcut::Flag if on_question => flag(),
            Shortcut::Review => toggle_review(),
            Shortcut::Confidence(level) if on_question => sure(level),
            Shortcut::Strike if on_question => {
                if let Some(pos) = platform::focused_option() {
                    strike(pos);
                }
            }
            Shortcut::Check if on_question && !platform::event_on_control(&ev) => {
                ev.prevent_default();
                check(app);
            }
            Shortcut::Help => help.update(|h| *h = !*h),
            Shortcut::Close => {
                confirming.set(false);
                help.set(false);
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let untimed = if practice {
        "Practice · untimed"
    } else {
        "Untimed"
    };
    let timer = move || match remaining() {
        None => view! { <div class="timer untimed">{untimed}</div> }.into_any(),
        Some(ms) => {
            let lvl = clock::level(ms, allotted().unwrap_or(ms));
            view! {
                <div class="timer" class:warning=lvl == Level::Warning class:danger=lvl == Level::Danger>
                    <span class="sr-only">"Time remaining "</span>{clock::hms(ms)}
                </div>
            }
            .into_any()
        }
    };
    let folded = NodeRef::<leptos::html::Details>::new();
    let counts = move || session.with(|s| s.as_ref().map_or((0, 0, 0), Session::counts));
    let reviewing = move || screen.get() != Screen::Question;
    view! {
        <div class="exam">
            <div class="exam-bar">
                <p class="exam-title">{title}</p>
                <p class="progress">{move || if screen.get() == Screen::Question {
                    format!("Question {} of {}", current.get() + 1, total)
                } else {
                    format!("Review screen · {total} questions")
                }}</p>
                {timer}
            </div>
            <p class="sr-only" role="status" aria-live="polite">{move || spoken.get()}</p>
            <div class="exam-body">
                <div class="exam-main">
                    // On a phone the side column falls below the question: the navigator is offered here
                    // too, folded, so any question is one tap away from the top.
                    <details class="nav-mobile" node_ref=folded>
                        <summary>{move || { let (a, u, f) = counts(); format!("All questions · {a} answered, {u} unanswered, {f} flagged") }}</summary>
                        // A jump folds the grid again: left open it filled a phone's screen and pushed the
                        // question it had just opened below the fold, so the tap seemed to do nothing.
                        <Navigator session reviewing=Signal::derive(reviewing) on_go=Callback::new(move |i| {
                            if let Some(d) = folded.get_untracked() { d.set_open(false); }
                            go(i);
                        }) />
                    </details>
                    <Show when=move || screen.get() == Screen::Question fallback=move || view! {
                        <ReviewScreen session on_go=Callback::new(go) />
                    }>
                        {move || {
                            let i = current.get();
                            view! { <QuestionCard index=i total item practice cap_hint choose=Callback::new(choose) flag=Callback::new(move |_| flag())
                                strike=Callback::new(strike) sure=Callback::new(sure) /> }
                        }}
                    </Show>
                    <p class="shortcuts-hint"><button type="button" class="linkish" on:click=move |_| help.update(|h| *h = !*h)>"Keyboard shortcuts (?)"</button></p>
                    // Stuck to the bottom of the window, so Previous and Next stay in one place whatever the
                    // question's length (they had moved with it, and sat below the fold on long questions).
                    <div class="exam-actions">
                        <button type="button" class="button" prop:disabled=move || current.get() == 0 || reviewing()
                            on:click=move |_| step(false)>"← Prev"<span class="wide">"ious"</span></button>
                        <button type="button" class="button" on:click=move |_| toggle_review()>
                            {move || if screen.get() == Screen::Review {
                                view! { "Back"<span class="wide">" to question"</span> }.into_any()
                            } else {
                                "Review".into_any()
                            }}
                        </button>
                        // In practice mode the forward button checks a complete answer first ("Check
                        // answer"): in the card, below long options, it sat under this bar or below the
                        // window while Next stayed in view.
                        <button type="button" class="button" class:primary=checking
                            prop:disabled=move || screen.get() != Screen::Question
                            aria-describedby=move || checking().then_some("check-why")
                            on:click=move |_| forward()>
                            {move || if checking() {
                                view! { "Check"<span class="wide">" answer"</span> }.into_any()
                            } else {
                                "Next →".into_any()
                            }}</button>
                        <button type="button" class="button end" on:click=move |_| confirming.set(true)>"End"<span class="wider">" exam"</span></button>
                    </div>
                    <Show when=move || help.get()>
                        <Modal id="help-dialog" title="Keyboard shortcuts".to_string() first="help-close"
                            on_close=Callback::new(move |()| help.set(false))>
                            <ul class="help">
                                <li><kbd>"1"</kbd>"–"<kbd>"6"</kbd>" or "<kbd>"A"</kbd>"–"<kbd>"E"</kbd>": choose an option (F flags, so a sixth option is "<kbd>"6"</kbd>")"</li>
                                <li><kbd>"←"</kbd>" "<kbd>"→"</kbd>": previous and next question (in practice mode "<kbd>"→"</kbd>" checks a chosen answer first, as the forward button does)"</li>
                                <li><kbd>"F"</kbd>": flag for review; "<kbd>"R"</kbd>": review screen"</li>
                                <li><kbd>"S"</kbd>" "<kbd>"U"</kbd>" "<kbd>"G"</kbd>": how sure you are (sure, unsure, a guess)"</li>
                                <li><kbd>"X"</kbd>": strike out the option that has focus (Tab to it), or restore it"</li>
                                <li><kbd>"Enter"</kbd>": in practice mode, check the answer"</li>
                                <li><kbd>"?"</kbd>": show or hide this list; "<kbd>"Esc"</kbd>": close"</li>
                            </ul>
                            <div class="row">
                                <button id="help-close" type="button" class="button" on:click=move |_| help.set(false)>"Close"</button>
                            </div>
                        </Modal>
                    </Show>
                </div>
                <aside class="exam-side">
                    <Navigator session reviewing=Signal::derive(reviewing) on_go=Callback::new(go) />
                    <p class="tally">{move || { let (a, u, f) = counts(); format!("{a}\u{a0}answered · {u}\u{a0}unanswered · {f}\u{a0}flagged") }}</p>
                </aside>
            </div>
            <Show when=move || confirming.get()>
                <Modal id="end-dialog" title="End the exam?".to_string() first="end-cancel"
                    on_close=Callback::new(move |()| confirming.set(false))>
                    <p id="end-text">{move || {
                        let (_, u, f) = counts();
                        // A half-answered "Choose TWO" is the easiest point to win back: named apart.
                        let partly = session.with(|s| s.as_ref().map_or(0, |s| s.items.iter().filter(|i| i.answer() == Answer::Partial).count()));
                        let partly = match partly {
                            0 => String::new(),
                            1 => " (1 of them partly answered)".to_string(),
                            n => format!(" ({n} of them partly answered)"),
                        };
                        // Practice: an answer chosen but never checked is scored as it stands, which the
                        // learner may not expect (they have not seen whether it is right).
                        let unchecked: Vec<String> = if practice {
                            session.with(|s| s.as_ref().map_or(Vec::new(), |s| s.items.iter().enumerate()
                                .filter(|(_, i)| !i.checked && i.answer() == Answer::Complete).map(|(n, _)| (n + 1).to_string()).collect()))
                        } else {
                            Vec::new()
                        };
                        let unchecked = match unchecked.len() {
                            0 => String::new(),
                            1 => format!(" 1 answer was never checked (question {}); it is scored as it stands.", unchecked[0]),
                            n => format!(" {n} answers were never checked (questions {}); they are scored as they stand.",
                                crate::exam::spec::and_list(&unchecked)),
                        };
                        if u == 0 {
                            return format!("Every question answered, {f} flagged.{unchecked} Once ended, the exam cannot be resumed.");
                        }
                        format!("{u} {} unanswered{partly}, {f} flagged.{unchecked} {} Once ended, the exam cannot be resumed.",
                            if u == 1 { "question" } else { "questions" },
                            if practice { "In the score, questions not answered count as wrong, but no note section is suggested for them." }
                            else { "Unanswered questions count as wrong." })
                    }}</p>
                    <div class="row">
                        <button id="end-cancel" type="button" class="button" on:click=move |_| confirming.set(false)>"Return to the exam"</button>
                        <button id="end-confirm" type="button" class="button primary" on:click=move |_| { confirming.set(false); end(app, false); }>"End exam and see results"</button>
                    </div>
                </Modal>
            </Show>
        </div>
    }
}

/// The current question with its flag button, options and (practice mode) feedback.
#[component]
fn QuestionCard(
    index: usize,
    total: usize,
    item: Signal<Option<Item>>,
    practice: bool,
    cap_hint: RwSignal<bool>,
    choose: Callback<usize>,
    flag: Callback<()>,
    strike: Callback<usize>,
    sure: Callback<Confidence>,
) -> impl IntoView {
    // A question retired or changed since the exam started is not shown with today's options.
    let Some(q) = item.with_untracked(|i| i.as_ref().and_then(study::question_for)) else {
        return view! {
            <div class="card"><h1 id="q-title" tabindex="-1">{format!("Question {} of {total}", index + 1)}</h1>
            <p>"This question was retired from the bank since the exam started; it counts as unanswered."</p></div>
        }
        .into_any();
    };
    let flagged = move || item.with(|i| i.as_ref().is_some_and(|i| i.flagged));
    let checked = Signal::derive(move || item.with(|i| i.as_ref().is_some_and(|i| i.checked)));
    let correct = move || {
        item.with(|i| {
            i.as_ref().is_some_and(|i| {
                study::keys_of(&i.id).is_some_and(|keys| crate::exam::score::is_correct(i, &keys))
            })
        })
    };
    // The option order as shown, for the verdict's letters and the lettered lines about distractors.
    let order = move || item.with(|i| i.as_ref().map(|i| i.order.clone()).unwrap_or_default());
    let hint = choose_hint(q.keys());
    view! {
        <div class="card">
            <div class="qhead">
                <h1 id="q-title" tabindex="-1">{format!("Question {} of {total}", index + 1)}</h1>
                <button type="button" class="button flag" aria-pressed=move || flagged().to_string()
                    on:click=move |_| flag.run(())>
                    {move || if flagged() { "⚑ Flagged for review" } else { "⚐ Flag for review" }}
                </button>
            </div>
            <div class="stem" inner_html=q.stem()></div>
            {hint.map(|h| view! { <p class="choose">{h}</p> })}
            // Above the options, where it is read with the stem: under them, below a long question's options,
            // the bottom bar hid it, and "Next →" after one of two ticks seemed to skip for no reason.
            {practice.then(|| view! {
                <Show when=move || !checked.get()>
                    <p id="check-why" class="meta check-row">{move || {
                        let chosen = item.with(|i| i.as_ref().map_or(0, |i| i.chosen.len()));
                        let need = q.keys();
                        if chosen >= need {
                            "Check your answer with the button below, or press Enter.".to_string()
                        } else if need == 1 {
                            "Choose an option to check your answer.".to_string()
                        } else {
                            format!("Choose {need} options to check your answer ({chosen} chosen).")
                        }
                    }}</p>
                </Show>
            })}
            <Choices question=q item locked=checked reveal=checked on_choose=choose on_strike=strike />
            // Right under the options, where the refused tap was (under the "how sure" row it was out of
            // sight on a phone, and the tap seemed dead).
            <p class="cap" role="status">{move || cap_hint.get().then(|| format!(
                "You have already chosen {}. Clear one of them to choose another.",
                if q.keys() == 3 { "three" } else { "two" }))}</p>
            <ConfidencePicker item locked=checked on_pick=sure />
            {practice.then(|| view! {
                <Show when=move || checked.get()>
                    <div class="feedback" id="feedback" tabindex="-1" role="status">
                        <h2 id="verdict" class="verdict" class:right=correct class:wrong=move || !correct()>
                            {move || {
                                let keys: Vec<bool> = q.choices.iter().map(|c| c.key).collect();
                                verdict(correct(), &keys, &order())
                            }}
                        </h2>
                        <NeedsContent needs=Needs::Explanations inline=true>
                            <div class="explanation" inner_html=move || letter_rebuttals(q.explanation(), &order())></div>
                            <NoteLinks question=q back=Route::Exam.href() />
                            <DocLinks question=q />
                        </NeedsContent>
                        {move || item.get().map(|it| view! { <ReportLink question=q item=it /> })}
                    </div>
                </Show>
            })}
        </div>
    }
    .into_any()
}

/// The review screen: every question's status, filtered, each opening with a click.
#[component]
fn ReviewScreen(session: Signal<Option<Session>>, on_go: Callback<usize>) -> impl IntoView {
    let filter = RwSignal::new(Filter::All);
    let rows = move || {
        session.with(|s| {
            let Some(s) = s else { return Vec::new() };
            s.items
                .iter()
                .enumerate()
                .filter(|(_, it)| match filter.get() {
                    Filter::All => true,
                    Filter::Unanswered => it.answer() != crate::exam::session::Answer::Complete,
                    Filter::Flagged => it.flagged,
                })
                .map(|(i, it)| (i, it.answer(), it.flagged, it.id.clone()))
                .collect::<Vec<_>>()
        })
    };
    let radio = move |value: Filter, label: &'static str| {
        view! {
            <label class="pill">
                <input type="radio" name="review-filter" prop:checked=move || filter.get() == value
                    on:change=move |_| filter.set(value) />
                {label}
            </label>
        }
    };
    view! {
        <div class="card review-screen">
            <h1 id="q-title" tabindex="-1">"Review"</h1>
            <fieldset class="row"><legend class="sr-only">"Show"</legend>
                {radio(Filter::All, "All")}{radio(Filter::Unanswered, "Unanswered")}{radio(Filter::Flagged, "Flagged")}
            </fieldset>
            <ol class="review-list">
                <For each=rows key=|r| (r.0, r.1, r.2) let:row>
                    {
                        let (i, answered, flagged, id) = row;
                        let excerpt = study::stem_excerpt(&id, 110);
                        view! {
                            <li>
                                <button type="button" class="review-row" on:click=move |_| on_go.run(i)>
                                    <span class="num">{format!("{}", i + 1)}</span>
                                    <span class="status" class:answered=answered == Answer::Complete>{answer_label(answered)}</span>
                                    <span class="flagmark">{if flagged { "⚑ Flagged" } else { "" }}</span>
                                    <span class="excerpt">{excerpt}</span>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ol>
            <p class="meta">{move || if rows().is_empty() { "No question matches this filter." } else { "" }}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts() {
        assert_eq!(shortcut("1"), Some(Shortcut::Choose(0)));
        assert_eq!(shortcut("6"), Some(Shortcut::Choose(5)));
        assert_eq!(shortcut("a"), Some(Shortcut::Choose(0)));
        assert_eq!(shortcut("E"), Some(Shortcut::Choose(4)));
        assert_eq!(shortcut("f"), Some(Shortcut::Flag));
        assert_eq!(shortcut("R"), Some(Shortcut::Review));
        assert_eq!(shortcut("ArrowRight"), Some(Shortcut::Next));
        assert_eq!(shortcut("ArrowLeft"), Some(Shortcut::Previous));
        assert_eq!(shortcut("?"), Some(Shortcut::Help));
        assert_eq!(shortcut("7"), None);
        assert_eq!(shortcut("g"), Some(Shortcut::Confidence(Confidence::Guess)));
        assert_eq!(shortcut("S"), Some(Shortcut::Confidence(Confidence::Sure)));
        assert_eq!(
            shortcut("u"),
            Some(Shortcut::Confidence(Confidence::Unsure))
        );
        assert_eq!(shortcut("x"), Some(Shortcut::Strike));
        assert_eq!(shortcut("h"), None);
        assert_eq!(shortcut("Enter"), Some(Shortcut::Check));
        assert_eq!(shortcut("Tab"), None);
    }
}
