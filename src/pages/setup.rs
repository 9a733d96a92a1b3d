//! `#/exam/new`: choose the kind of exam, its length, mode and time, see what will happen, and start.
//! `?section=<anchor>` opens a section drill and `?tasks=2.2,4.1` a task-statement drill, preset.

use leptos::prelude::*;

use crate::bank::{CHAPTERS, EXAM, SECTIONS};
use crate::exam::spec::{Kind, Mode, Spec};
use crate::platform;
use crate::route::{Route, query};
use crate::state::use_app;
use crate::study;

/// The kinds offered, as the form's radio values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Full,
    Quick,
    Domains,
    Section,
    Tasks,
}

/// The setup form.
#[component]
pub fn Setup() -> impl IntoView {
    platform::set_title(&format!("New exam · {} Practice", crate::bank::EXAM.code));
    let app = use_app();
    // `#/exam/new?section=<anchor>` (from the history's weak sections) opens a section drill on it.
    let preset = query(&platform::hash(), "section").filter(|a| crate::bank::section(a).is_some());
    // `#/exam/new?tasks=2.2,4.1` (from the readiness per task statement) opens a task drill on them.
    let preset_tasks: Vec<String> = query(&platform::hash(), "tasks")
        .map(|t| {
            t.split(',')
                .filter(|t| EXAM.tasks.iter().any(|x| x.task.to_string() == *t))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    // Without a preset, the form opens as the learner's last exam was set (kind, length, what it drew
    // from, mode, extra time): it opened as a full mock every time, and extra time had to be ticked again.
    // A retry or a due-for-review set is not a choice made here, so the last one made here counts.
    let last = if preset.is_none() && preset_tasks.is_empty() {
        app.history.with_untracked(|h| {
            h.full()
                .rev()
                .map(|a| a.session.spec.clone())
                .find(|s| !matches!(s.kind, Kind::Picked { .. }))
        })
    } else {
        None
    };
    // What the last exam's kind says of each field, in one place: the kind, its length, and the domains,
    // section or task statements it drew from (a section no longer in the notes: a full mock).
    let (last_choice, last_length, last_domains, last_section, last_tasks) =
        match last.as_ref().map(|s| &s.kind) {
            Some(Kind::Quick { length }) => (Choice::Quick, *length, vec![1], None, Vec::new()),
            Some(Kind::Domains { domains, length }) => {
                (Choice::Domains, *length, domains.clone(), None, Vec::new())
            }
            Some(Kind::Section { anchor, length }) if crate::bank::section(anchor).is_some() => (
                Choice::Section,
                *length,
                vec![1],
                Some(anchor.clone()),
                Vec::new(),
            ),
            Some(Kind::Tasks { tasks, length }) => {
                (Choice::Tasks, *length, vec![1], None, tasks.clone())
            }
            // A newcomer starts where the welcome points: a quick exam of 10 (a full mock was set).
            None if preset.is_none() && preset_tasks.is_empty() => {
                (Choice::Quick, 10, vec![1], None, Vec::new())
            }
            _ => (Choice::Full, 20, vec![1], None, preset_tasks.clone()),
        };
    let choice = RwSignal::new(if preset.is_some() {
        Choice::Section
    } else if !preset_tasks.is_empty() {
        Choice::Tasks
    } else {
        last_choice
    });
    let tasks = RwSignal::new(
        EXAM.tasks
            .iter()
            .map(|t| last_tasks.contains(&t.task.to_string()))
            .collect::<Vec<bool>>(),
    );
    let chosen_tasks = move || -> Vec<String> {
        let on = tasks.get();
        EXAM.tasks
            .iter()
            .zip(on)
            .filter(|(_, on)| *on)
            .map(|(t, _)| t.task.to_string())
            .collect()
    };
    let length = RwSignal::new(last_length);
    let domains = RwSignal::new(
        EXAM.domains
            .iter()
            .map(|d| last_domains.contains(&d.number))
            .collect::<Vec<bool>>(),
    );
    // A section drill asked for by its link ("Practise this" in the notes, a weak section) is practice:
    // each answer checked as it is given (it opened timed).
    let practice =
        RwSignal::new(preset.is_some() || last.as_ref().is_some_and(|s| s.mode == Mode::Practice));
    let section = RwSignal::new(preset.or(last_section).unwrap_or_default());
    let extra = RwSignal::new(last.as_ref().is_some_and(|s| s.extra_time));
    let error = RwSignal::new(None::<String>);
    // How many questions the chosen section (with its subsections) has: a drill never asks for more, and
    // a section with fewer than the shortest length offers "all N".
    let available = Memo::new(move |_| match choice.get() {
        Choice::Tasks => study::questions_for_tasks(&chosen_tasks()),
        _ => {
            crate::bank::section(&section.get()).map_or(0, |(i, _)| study::questions_for_section(i))
        }
    });
    // Drills whose pool is limited: they never ask for more than it has.
    let pooled = move || matches!(choice.get(), Choice::Section | Choice::Tasks);

    let spec = move || {
        let kind = match choice.get() {
            Choice::Full => Kind::Full,
            Choice::Quick => Kind::Quick {
                length: length.get(),
            },
            Choice::Domains => Kind::Domains {
                domains: EXAM
                    .domains
                    .iter()
                    .filter(|d| domains.get()[usize::from(d.number - 1)])
                    .map(|d| d.number)
                    .collect(),
                length: length.get(),
            },
            Choice::Section => Kind::Section {
                anchor: section.get(),
                length: length.get(),
            },
            Choice::Tasks => Kind::Tasks {
                tasks: chosen_tasks(),
                length: length.get(),
            },
        };
        let mode = if practice.get() {
            Mode::Practice
        } else {
            Mode::Exam
        };
        Spec {
            kind,
            mode,
            extra_time: extra.get(),
            seed: 0,
        }
    };
    let can_start = move || match choice.get() {
        Choice::Domains => domains.get().iter().any(|d| *d),
        Choice::Section | Choice::Tasks => available.get() > 0 && length.get() <= available.get(),
        _ => true,
    };
    let summary = move || {
        // Why "Start exam" is greyed out, said as the other drills say it (it read "20 questions, ...").
        if choice.get() == Choice::Domains && !can_start() {
            return "Choose one or more domains to drill.".to_string();
        }
        if choice.get() == Choice::Tasks && available.get() == 0 {
            return "Choose one or more task statements to drill.".to_string();
        }
        if choice.get() == Choice::Section && available.get() == 0 {
            return if section.get().is_empty() {
                "Choose a chapter or section of the notes to drill.".to_string()
            } else {
                "This section has no questions yet; choose another.".to_string()
            };
        }
        let s = spec();
        let bp = study::blueprint();
        let n = s.length(bp);
        let time = match s.minutes(bp) {
            Some(m) => format!("{m} minutes, timed; results at the end"),
            None => "untimed; the answer and explanation after each question".to_string(),
        };
        format!(
            "{n} {}, {time}.",
            if n == 1 { "question" } else { "questions" }
        )
    };
    // A warning about what the bank is short of belongs to the choices it was about: any change clears it.
    Effect::new(move |_| {
        let _ = spec();
        error.set(None);
    });
    // The lengths offered: 10, 20 and 30 for exams and domain drills; for a section drill those the
    // section can fill, and "all N" when it has fewer than 30 (and N is not already offered).
    let lengths = move || -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = [10usize, 20, 30]
            .into_iter()
            .filter(|&n| !pooled() || n <= available.get())
            .map(|n| (n, format!("{n} questions")))
            .collect();
        let have = available.get();
        if pooled() && have > 0 && have < 30 && ![10, 20].contains(&have) {
            let all = if have == 1 {
                "its 1 question".to_string()
            } else {
                format!("all {have} questions")
            };
            out.push((have, all));
        }
        out
    };
    // The length chosen is always one of those offered: 20 where possible, else the longest offered (a
    // small section's "all N").
    Effect::new(move |_| {
        let offered: Vec<usize> = lengths().into_iter().map(|(n, _)| n).collect();
        let now = length.get_untracked();
        if !offered.is_empty() && !offered.contains(&now) {
            let pick = if offered.contains(&20) {
                20
            } else {
                offered.iter().copied().max().unwrap_or(10)
            };
            length.set(pick);
        }
    });
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut s = spec();
        s.seed = platform::random_seed();
        app.start_exam(s, error);
    };
    let in_progress = move || {
        app.session
            .with(|s| s.as_ref().map(|s| s.spec.title()))
            .map(|title| {
                view! {
                    <div class="notice" role="status">
                        <p>{format!("You have an unfinished exam: {title}.")} " "
                           <a href=Route::Exam.href()>"Resume it"</a></p>
                    </div>
                }
            })
    };
    let kind_radio = move |value: Choice, label: &'static str, hint: String| {
        view! {
            <label class="option-card">
                <input type="radio" name="kind" prop:checked=move || choice.get() == value
                    on:change=move |_| choice.set(value) />
                <span><strong>{label}</strong><br /><span class="hint">{hint}</span></span>
            </label>
        }
    };
    // Chapters and their `##` sections; a deeper section arrives only as a preset, and is listed then.
    let preset_anchor = section.get_untracked();
    let section_options = move || {
        SECTIONS
            .iter()
            .enumerate()
            .filter(|(_, s)| s.level <= 2 || s.anchor == preset_anchor)
            .map(|(i, s)| {
                let n = study::questions_for_section(i);
                let label = if s.level == 1 {
                    format!(
                        "{} (chapter, {n} questions)",
                        CHAPTERS[usize::from(s.chapter)].title
                    )
                } else {
                    let indent = "\u{a0}\u{a0}".repeat(usize::from(s.level) - 1);
                    format!("{indent}{} ({n})", s.title)
                };
                view! { <option value=s.anchor disabled=n == 0>{label}</option> }
            })
            .collect_view()
    };

    view! {
        <section class="page">
            <h1>"New exam"</h1>
            {in_progress}
            <form class="setup" on:submit=start>
                <fieldset>
                    <legend>"Kind"</legend>
                    {kind_radio(Choice::Full, "Full mock exam", format!("{} questions in {} minutes, weighted like the real exam", EXAM.questions, EXAM.minutes))}
                    {kind_radio(Choice::Quick, "Quick exam", "10, 20 or 30 questions at the real exam's pace, all domains".to_string())}
                    {kind_radio(Choice::Domains, "Domain drill", "Only the domains you choose".to_string())}
                    {kind_radio(Choice::Section, "Section drill", "Questions on one chapter or section of the notes".to_string())}
                    {kind_radio(Choice::Tasks, "Task statement drill", format!("Only the {} task statements you choose", EXAM.code))}
                </fieldset>
                <Show when=move || choice.get() == Choice::Domains>
                    <fieldset>
                        <legend>"Domains"</legend>
                        {EXAM.domains.iter().map(|d| {
                            let (n, name, w) = (d.number, d.name, d.weight);
                            let i = usize::from(n - 1);
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || domains.get()[i]
                                        on:change=move |ev| domains.update(|d| d[i] = event_target_checked(&ev)) />
                                    {format!("{n}. {name} ({w}%)")}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                </Show>
                <Show when=move || choice.get() == Choice::Section>
                    <fieldset>
                        <legend>"Section"</legend>
                        <label for="section-pick">"Chapter or section of the notes"</label>
                        <select id="section-pick" on:change=move |ev| section.set(event_target_value(&ev))
                            prop:value=move || section.get()>
                            <option value="">"Choose…"</option>
                            {section_options()}
                        </select>
                    </fieldset>
                </Show>
                <Show when=move || choice.get() == Choice::Tasks>
                    <fieldset>
                        <legend>"Task statements"</legend>
                        {EXAM.tasks.iter().enumerate().map(|(i, t)| {
                            let n = study::questions_for_tasks(&[t.task.to_string()]);
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || tasks.get()[i]
                                        on:change=move |ev| tasks.update(|v| v[i] = event_target_checked(&ev)) />
                                    {format!("{} {} ({n})", t.task, t.title)}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                </Show>
                // After what to draw from, so choosing a section no longer pushes its picker down. No lengths
                // to offer yet (a section or task drill before its choice): no empty box.
                <Show when=move || choice.get() != Choice::Full && !lengths().is_empty()>
                    <fieldset>
                        <legend>"Length"</legend>
                        <div class="row">
                            {move || lengths().into_iter().map(|(n, label)| view! {
                                <label class="pill">
                                    <input type="radio" name="length" prop:checked=move || length.get() == n
                                        on:change=move |_| length.set(n) />
                                    {label}
                                </label>
                            }).collect_view()}
                        </div>
                    </fieldset>
                </Show>
                <fieldset>
                    <legend>"Mode"</legend>
                    <label class="option-card">
                        <input type="radio" name="mode" prop:checked=move || !practice.get() on:change=move |_| practice.set(false) />
                        <span><strong>"Exam"</strong><br /><span class="hint">"Timed; no feedback until you end the exam"</span></span>
                    </label>
                    <label class="option-card">
                        <input type="radio" name="mode" prop:checked=move || practice.get() on:change=move |_| practice.set(true) />
                        <span><strong>"Practice"</strong><br /><span class="hint">"Untimed; the key and explanation after each answer"</span></span>
                    </label>
                    <label class="check">
                        <input type="checkbox" prop:checked=move || extra.get() prop:disabled=move || practice.get()
                            on:change=move |ev| extra.set(event_target_checked(&ev)) />
                        "Extra time for non-native English speakers (AWS grants 30 more minutes on the real exam)"
                    </label>
                </fieldset>
                <p class="summary" aria-live="polite">{summary}</p>
                {move || error.get().map(|e| view! { <div class="notice" role="alert"><p>{e}</p></div> })}
                <button class="button primary" type="submit" prop:disabled=move || !can_start()>"Start exam"</button>
            </form>
        </section>
    }
}
