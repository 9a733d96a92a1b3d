//! The exam definition (`questions/exam.md`): code, format, domains, task statements and their skills.
//!
//! The exam is content, not code: the notes' `Tasks:` lines and the bank's `Task:` / `Skill:` lines are
//! checked against this file, and the app's blueprint, pages and readiness views read what it emits. The
//! file is a small fixed shape of markdown lines, read line by line so every problem has an exact place:
//!
//! ```text
//! # Title
//! Code: DVA-C03            (and Name, Questions, Minutes, Extra minutes, Pass mark, Scaled scores, Since)
//! ## Domain 1: Name
//! Weight: 30
//! ### Task 1.1: Title
//! - 1.1.1: Skill text
//! ## Earlier exam: DVA-C02
//! Last delivered: 2026-11-30
//! - Domain 3: Deployment
//! ```

use super::Source;
use super::diag::{Diag, Locator};

/// One task statement with its skills.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskDef {
    pub domain: u8,
    pub number: u8,
    pub title: String,
    /// Skill texts; skill `d.t.n` is `skills[n - 1]`.
    pub skills: Vec<String>,
    /// Byte offset of its heading, for messages.
    pub at: usize,
}

/// One domain of the exam.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainDef {
    pub number: u8,
    pub name: String,
    /// Percent of the scored questions.
    pub weight: u8,
    /// Byte offset of its heading, for messages.
    pub at: usize,
}

/// An exam the app simulated before, so attempts taken under it keep their domain names.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlierExam {
    pub code: String,
    /// The last day it was delivered, `YYYY-MM-DD`.
    pub last: String,
    pub domains: Vec<(u8, String)>,
    /// Byte offset of its heading, for messages.
    pub at: usize,
}

/// The whole exam definition.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ExamDef {
    pub title: String,
    pub code: String,
    pub name: String,
    pub questions: u16,
    pub minutes: u16,
    pub extra_minutes: u16,
    pub pass: u16,
    pub min: u16,
    pub max: u16,
    /// The first day it is delivered, `YYYY-MM-DD`.
    pub since: String,
    pub domains: Vec<DomainDef>,
    pub tasks: Vec<TaskDef>,
    pub earlier: Vec<EarlierExam>,
}

impl ExamDef {
    /// The task statement `d.n` written as text (`"1.2"`), if the exam has it.
    pub fn task(&self, s: &str) -> Option<(u8, u8)> {
        let (d, n) = s.trim().split_once('.')?;
        let t: (u8, u8) = (d.parse().ok()?, n.parse().ok()?);
        self.tasks
            .iter()
            .any(|x| (x.domain, x.number) == t)
            .then_some(t)
    }

    /// The message for a task statement the exam does not have.
    pub fn bad_task(&self, s: &str) -> String {
        let list: Vec<String> = self
            .tasks
            .iter()
            .map(|t| format!("{}.{}", t.domain, t.number))
            .collect();
        format!(
            "invalid task statement `{}`: {} has {}",
            s.trim(),
            self.code,
            list.join(", ")
        )
    }

    /// The skill `d.t.n` written as text, if it exists: its task and its number.
    pub fn skill(&self, s: &str) -> Option<((u8, u8), u8)> {
        let mut parts = s.trim().split('.');
        let d: u8 = parts.next()?.parse().ok()?;
        let t: u8 = parts.next()?.parse().ok()?;
        let n: u8 = parts.next()?.parse().ok()?;
        if parts.next().is_some() || n == 0 {
            return None;
        }
        let task = self.tasks.iter().find(|x| (x.domain, x.number) == (d, t))?;
        (usize::from(n) <= task.skills.len()).then_some(((d, t), n))
    }
}

const KEYS: [&str; 8] = [
    "Code",
    "Name",
    "Questions",
    "Minutes",
    "Extra minutes",
    "Pass mark",
    "Scaled scores",
    "Since",
];

/// Reads and checks the exam definition; problems go to `diags` and a partial definition is returned.
pub fn compile(file: &Source, diags: &mut Vec<Diag>) -> ExamDef {
    let loc = Locator::new(&file.path, &file.text);
    let mut exam = ExamDef::default();
    let mut seen: Vec<&str> = Vec::new();
    // Where we are: 0 header, 1 inside a domain, 2 inside an earlier exam.
    let mut part = 0;
    let mut offset = 0;
    let mut fence = false;
    for line in file.text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let line = line.trim_end();
        if line.starts_with("```") {
            fence = !fence;
            continue;
        }
        if fence || line.is_empty() {
            continue;
        }
        let mut bad = |msg: String| diags.push(loc.diag(at, msg));
        if let Some(title) = line.strip_prefix("# ") {
            exam.title = title.trim().to_string();
        } else if let Some(rest) = line.strip_prefix("## Domain ") {
            part = 1;
            match rest.split_once(':').and_then(|(n, name)| {
                let n: u8 = n.trim().parse().ok()?;
                Some((n, name.trim()))
            }) {
                Some((n, name)) if !name.is_empty() => {
                    if n as usize != exam.domains.len() + 1 {
                        bad(format!(
                            "domain {n} out of order: expected domain {}",
                            exam.domains.len() + 1
                        ));
                    }
                    exam.domains.push(DomainDef {
                        number: n,
                        name: name.to_string(),
                        weight: 0,
                        at,
                    });
                }
                _ => bad("a domain heading reads `## Domain 1: Name`".into()),
            }
        } else if let Some(code) = line.strip_prefix("## Earlier exam:") {
            part = 2;
            exam.earlier.push(EarlierExam {
                code: code.trim().to_string(),
                last: String::new(),
                domains: Vec::new(),
                at,
            });
        } else if line.starts_with("## ") {
            bad("a `##` heading is `## Domain N: Name` or `## Earlier exam: CODE`".into());
        } else if let Some(rest) = line.strip_prefix("### Task ") {
            let parsed = rest.split_once(':').and_then(|(id, title)| {
                let (d, n) = id.trim().split_once('.')?;
                Some((d.parse::<u8>().ok()?, n.parse::<u8>().ok()?, title.trim()))
            });
            let Some(domain) = exam.domains.last().filter(|_| part == 1) else {
                bad("a task statement belongs under a `## Domain` heading".into());
                continue;
            };
            match parsed {
                Some((d, n, title)) if !title.is_empty() => {
                    let expected = exam.tasks.iter().filter(|t| t.domain == d).count() + 1;
                    if d != domain.number || usize::from(n) != expected {
                        bad(format!(
                            "task {d}.{n} out of order: expected task {}.{expected}",
                            domain.number
                        ));
                    }
                    exam.tasks.push(TaskDef {
                        domain: d,
                        number: n,
                        title: title.to_string(),
                        skills: Vec::new(),
                        at,
                    });
                }
                _ => bad("a task heading reads `### Task 1.1: Title`".into()),
            }
        } else if let Some(item) = line.strip_prefix("- ") {
            if part == 2 {
                let earlier = exam.earlier.last_mut().expect("part 2 has one");
                match item.strip_prefix("Domain ").and_then(|r| {
                    let (n, name) = r.split_once(':')?;
                    Some((n.trim().parse::<u8>().ok()?, name.trim()))
                }) {
                    Some((n, name)) if !name.is_empty() => {
                        earlier.domains.push((n, name.to_string()))
                    }
                    _ => bad("an earlier exam's domain reads `- Domain 1: Name`".into()),
                }
                continue;
            }
            let Some(task) = exam.tasks.last_mut().filter(|_| part == 1) else {
                bad("a skill belongs under a `### Task` heading".into());
                continue;
            };
            let want = format!("{}.{}.{}", task.domain, task.number, task.skills.len() + 1);
            match item.split_once(':') {
                Some((id, text)) if id.trim() == want && !text.trim().is_empty() => {
                    task.skills.push(text.trim().to_string())
                }
                _ => bad(format!(
                    "expected skill `- {want}: text` (skills are numbered in order)"
                )),
            }
        } else if let Some((key, value)) = line.split_once(':')
            && (KEYS.contains(&key) || matches!(key, "Weight" | "Last delivered"))
        {
            let value = value.trim();
            match (part, key) {
                (1, "Weight") => match (value.parse::<u8>(), exam.domains.last_mut()) {
                    (Ok(w), Some(d)) if (1..=100).contains(&w) => d.weight = w,
                    _ => bad(format!(
                        "weight `{value}` is not a percentage from 1 to 100"
                    )),
                },
                (2, "Last delivered") => {
                    if is_date(value) {
                        exam.earlier.last_mut().expect("part 2 has one").last = value.to_string();
                    } else {
                        bad(format!("`{value}` is not a date like 2026-11-30"));
                    }
                }
                (0, k) if KEYS.contains(&k) => {
                    if seen.contains(&k) {
                        bad(format!("`{k}:` given twice"));
                    }
                    seen.push(KEYS.iter().find(|x| **x == k).expect("known key"));
                    header(&mut exam, k, value, &mut bad);
                }
                _ => bad(format!("`{key}:` does not belong here")),
            }
        }
    }
    check(&exam, &loc, diags);
    exam
}

/// One `Key: value` line of the header.
fn header(exam: &mut ExamDef, key: &str, value: &str, bad: &mut impl FnMut(String)) {
    let number = |bad: &mut dyn FnMut(String)| match value.parse::<u16>() {
        Ok(n) if n > 0 => n,
        _ => {
            bad(format!(
                "`{key}:` needs a positive whole number, not `{value}`"
            ));
            0
        }
    };
    match key {
        "Code" => exam.code = value.to_string(),
        "Name" => exam.name = value.to_string(),
        "Questions" => exam.questions = number(bad),
        "Minutes" => exam.minutes = number(bad),
        "Extra minutes" => {
            exam.extra_minutes = value.parse().unwrap_or_else(|_| {
                bad(format!(
                    "`Extra minutes:` needs a whole number, not `{value}`"
                ));
                0
            })
        }
        "Pass mark" => exam.pass = number(bad),
        "Scaled scores" => match value
            .split_once('-')
            .and_then(|(a, b)| Some((a.trim().parse::<u16>().ok()?, b.trim().parse::<u16>().ok()?)))
        {
            Some((a, b)) if a < b => (exam.min, exam.max) = (a, b),
            _ => bad(format!(
                "`Scaled scores:` reads like `100-1000`, not `{value}`"
            )),
        },
        _ => {
            if is_date(value) {
                exam.since = value.to_string();
            } else {
                bad(format!("`{value}` is not a date like 2026-12-01"));
            }
        }
    }
}

/// The whole-file rules: every header line present, weights summing to 100, every domain with a task,
/// every task with a skill, a pass mark inside the scale.
fn check(exam: &ExamDef, loc: &Locator<'_>, diags: &mut Vec<Diag>) {
    let mut bad = |at: usize, msg: String| diags.push(loc.diag(at, msg));
    if exam.title.is_empty() {
        bad(0, "the file starts with a `# Title` line".into());
    }
    for (k, missing) in [
        ("Code", exam.code.is_empty()),
        ("Name", exam.name.is_empty()),
        ("Questions", exam.questions == 0),
        ("Minutes", exam.minutes == 0),
        ("Pass mark", exam.pass == 0),
        ("Scaled scores", exam.max == 0),
        ("Since", exam.since.is_empty()),
    ] {
        if missing {
            bad(0, format!("missing `{k}:` line"));
        }
    }
    if exam.max > 0 && exam.pass > 0 && !(exam.min < exam.pass && exam.pass <= exam.max) {
        bad(
            0,
            format!(
                "the pass mark {} is outside the scaled scores {}-{}",
                exam.pass, exam.min, exam.max
            ),
        );
    }
    if exam.domains.is_empty() {
        bad(
            0,
            "no `## Domain` heading: an exam needs at least one domain".into(),
        );
    }
    let sum: u32 = exam.domains.iter().map(|d| u32::from(d.weight)).sum();
    if !exam.domains.is_empty() && sum != 100 {
        bad(0, format!("the domain weights add up to {sum}, not 100"));
    }
    for d in &exam.domains {
        if d.weight == 0 {
            bad(d.at, format!("domain {} has no `Weight:` line", d.number));
        }
        if !exam.tasks.iter().any(|t| t.domain == d.number) {
            bad(d.at, format!("domain {} has no task statement", d.number));
        }
    }
    for t in &exam.tasks {
        if t.skills.is_empty() {
            bad(
                t.at,
                format!("task {}.{} lists no skill", t.domain, t.number),
            );
        }
    }
    for e in &exam.earlier {
        if e.last.is_empty() {
            bad(
                e.at,
                format!("earlier exam {} has no `Last delivered:` line", e.code),
            );
        }
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s.split('-').all(|p| p.bytes().all(|c| c.is_ascii_digit()))
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}
