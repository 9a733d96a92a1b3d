//! The content compiler against fixtures: a good one, and one bad fixture per rule with the exact message.

#[path = "../src/compile/mod.rs"]
mod compile;

use compile::{Compiled, Source};

const NOTES: &str = "# Chapter One

Tasks: 1.1

Intro with [a link](#second-section) and [the web](https://example.com/a?b=1&c=2).

## First Section

Tasks: 1.2, 3.4

Some text about `code`, `--force-new-deployment`, `--a-flag-too-long-to-keep-whole`, `aws sts get-caller-identity --region us-east-1`, `GET https://{api-id}.execute-api.example.com/{stage}/@connections/{id}` and `-<x>`.

- #### SSE-S3:

  Inside a list item.

AWS documentation: [Amazon SQS](https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html),
[Amazon S3](https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html)

## Second Section

Tasks: 2.1

```yaml
version: 0.2
```

AWS documentation: [Build specification reference](https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html)

## First Section

Tasks: 4.3

A repeated title gets a numbered anchor.

AWS documentation: [Kiro specs](https://kiro.dev/docs/specs/)
";

/// A good question; the bad fixtures below are this with one thing broken.
const GOOD: &str = "## sqs-example

Task: 1.1
Notes: first-section
Docs: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html

A developer needs one thing. Which option meets the need?

- [ ] Alpha
- [x] Beta
- [ ] Gamma
- [ ] Delta

Beta is right.

- Alpha is wrong.
- Gamma is wrong.
- Delta is wrong.
";

const MULTI: &str = "## sqs-multi

Task: 2.1
Notes: 01-one.md#sse-s3, #second-section
Docs: https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html

A team needs two things. Which steps meet the need? (Choose TWO.)

- [x] Alpha
- [ ] Beta
- [x] Gamma
- [ ] Delta
- [ ] Epsilon

Alpha and Gamma together do it.

- Beta is wrong.
- Delta is wrong.
- Epsilon is wrong.
";

/// A made-up exam with DVA-C02's shape (four domains, 13 task statements), so the fixtures above can tag
/// 3.4; the real exam definition is `questions/exam.md`.
const EXAM: &str = "# Test exam (TST-C01)

Code: TST-C01
Name: Test exam
Questions: 65
Minutes: 130
Extra minutes: 30
Pass mark: 720
Scaled scores: 100-1000
Since: 2024-01-01

## Domain 1: One

Weight: 32

### Task 1.1: First

- 1.1.1: A skill
- 1.1.2: Another skill

### Task 1.2: Second

- 1.2.1: A skill

### Task 1.3: Third

- 1.3.1: A skill

## Domain 2: Two

Weight: 26

### Task 2.1: First

- 2.1.1: A skill

### Task 2.2: Second

- 2.2.1: A skill

### Task 2.3: Third

- 2.3.1: A skill

## Domain 3: Three

Weight: 24

### Task 3.1: First

- 3.1.1: A skill

### Task 3.2: Second

- 3.2.1: A skill

### Task 3.3: Third

- 3.3.1: A skill

### Task 3.4: Fourth

- 3.4.1: A skill

## Domain 4: Four

Weight: 18

### Task 4.1: First

- 4.1.1: A skill

### Task 4.2: Second

- 4.2.1: A skill

### Task 4.3: Third

- 4.3.1: A skill
";

fn exam() -> Source {
    Source::new("exam.md", EXAM)
}

fn build(bank: &str) -> Result<Compiled, Vec<String>> {
    compile::compile(
        &exam(),
        &[Source::new("notes/01-one.md", NOTES)],
        &[Source::new("bank/01-b.md", bank)],
    )
    .map_err(|ds| ds.iter().map(ToString::to_string).collect())
}

fn errors(bank: &str) -> Vec<String> {
    build(bank).expect_err("the fixture should fail")
}

/// A documentation paragraph that closes a `##` section, for the notes rules' fixtures.
const DOCS: &str =
    "AWS documentation: [Lambda](https://docs.aws.amazon.com/lambda/latest/dg/welcome.html)\n";

fn notes_errors(notes: &str) -> Vec<String> {
    let notes = notes.replace("{DOCS}", DOCS);
    compile::compile(&exam(), &[Source::new("n.md", &notes)], &[])
        .map(|_| Vec::new())
        .unwrap_or_else(|ds| ds.iter().map(ToString::to_string).collect())
}

#[test]
fn good_fixture_compiles_to_sections_and_questions() {
    let c = build(&format!("# Bank title\n\n{GOOD}\n{MULTI}")).expect("good fixture");
    let anchors: Vec<&str> = c.notes.sections.iter().map(|s| s.anchor.as_str()).collect();
    assert_eq!(
        anchors,
        [
            "chapter-one",
            "first-section",
            "sse-s3",
            "second-section",
            "first-section-1"
        ]
    );
    let s = &c.notes.sections;
    assert_eq!(s[0].parent, None);
    assert_eq!(s[1].parent, Some(0));
    assert_eq!(
        s[2].parent,
        Some(1),
        "a heading in a list item belongs to the section above it"
    );
    assert_eq!(
        s[2].tasks,
        [(1, 2), (3, 4)],
        "a subsection without its own Tasks line inherits"
    );
    assert_eq!(s[3].tasks, [(2, 1)]);
    let ch = &c.notes.chapters[0];
    let part = |i: usize| &ch.html[s[i].html.clone()];
    assert!(
        part(1).starts_with("<h2 id=\"first-section\"")
            && part(1).contains("Some text about <code>code</code>,")
    );
    assert!(part(2).starts_with("<h4 id=\"sse-s3\"") && part(2).contains("Inside a list item."));
    assert!(
        !part(1).contains("Inside a list item."),
        "a section ends where the next heading starts"
    );
    assert_eq!(s[4].html.end, ch.html.len());
    assert_eq!((ch.title.as_str(), ch.first, ch.end), ("Chapter One", 0, 5));
    for needle in [
        "<h2 id=\"first-section\" tabindex=\"-1\">First Section</h2>",
        "<h4 id=\"sse-s3\" tabindex=\"-1\">SSE-S3:</h4>",
        "<a href=\"#/notes/second-section\">a link</a>",
        "<a href=\"https://example.com/a?b=1&amp;c=2\" target=\"_blank\" rel=\"noopener noreferrer\">the web</a>",
        "<code class=\"language-yaml\">",
        "<p class=\"serves\">Task statements: 1.2, 3.4</p>",
        // A short hyphenated word of code stays whole on a line; a longer one may wrap after a word of it (in
        // whole pieces, never after a lone prefix such as "x-"; a piece too long for a line, as in a URL, may
        // break, first after a dot, slash or colon), and a command between its words.
        "<code class=\"nw\">--force-new-deployment</code>, <code><span class=\"nw\">--a-flag-too-long-to-</span><span class=\"nw\">keep-whole</span></code>, <code>aws sts <span class=\"nw\">get-caller-identity</span> <span class=\"nw\">--region</span> <span class=\"nw\">us-east-1</span></code>, <code>GET <span class=\"nw\">https://{api-</span><span class=\"nw\">id}.execute-</span>api.<wbr>example.<wbr>com/<wbr>{stage}/<wbr>@connections/<wbr>{id}</code> and <code class=\"nw\">-&lt;x&gt;</code>",
        "<p class=\"aws-docs\">AWS documentation: <a href=\"https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html\" target=\"_blank\" rel=\"noopener noreferrer\">Amazon SQS</a>",
    ] {
        assert!(ch.html.contains(needle), "missing {needle} in {}", ch.html);
    }
    assert!(
        !ch.html.contains("Tasks:"),
        "the Tasks line is metadata, not prose"
    );

    let q = &c.questions;
    assert_eq!(q.len(), 2);
    assert_eq!(
        (q[0].id.as_str(), q[0].task, q[0].notes.as_slice()),
        ("sqs-example", (1, 1), &[1][..])
    );
    assert_eq!(
        q[0].choices.iter().map(|c| c.key).collect::<Vec<_>>(),
        [false, true, false, false]
    );
    assert_eq!(q[0].choices[1].html, "Beta");
    assert!(q[0].stem.contains("A developer needs one thing."));
    assert!(q[0].explanation.contains("Beta is right."));
    // The closing lines about distractors name the option each answers (original index), for the app to
    // show them under the letters the options were shown with.
    assert!(
        q[0].explanation.ends_with(
            "<ul class=\"why-not\">\n<li data-option=\"0\">Alpha is wrong.</li>\n\
             <li data-option=\"2\">Gamma is wrong.</li>\n<li data-option=\"3\">Delta is wrong.</li>\n</ul>\n"
        ),
        "{}",
        q[0].explanation
    );
    assert_eq!(
        q[1].notes,
        [2, 3],
        "anchors may be written as file.md#anchor or #anchor"
    );
    assert_eq!(q[1].choices.iter().filter(|c| c.key).count(), 2);
    assert_eq!(c.version.len(), 16);
}

#[test]
fn bank_version_changes_with_any_question() {
    let a = build(GOOD).unwrap().version;
    let b = build(&GOOD.replace("Beta is right.", "Beta is right!"))
        .unwrap()
        .version;
    assert_ne!(a, b);
    assert_eq!(a, build(GOOD).unwrap().version);
}

#[test]
fn id_must_be_kebab_case() {
    assert_eq!(
        errors(&GOOD.replace("## sqs-example", "## SQS_example")),
        [
            "bank/01-b.md:1:1: question id `SQS_example` is not lowercase kebab-case (like `sqs-long-polling`)"
        ]
    );
}

#[test]
fn id_must_be_unique() {
    assert_eq!(
        errors(&format!("{GOOD}\n{GOOD}")),
        ["bank/01-b.md:20:1: duplicate question id `sqs-example` (first used at bank/01-b.md:1:1)"]
    );
}

#[test]
fn task_must_exist() {
    assert_eq!(
        errors(&GOOD.replace("Task: 1.1", "Task: 3.5")),
        [
            "bank/01-b.md:3:1: invalid task statement `3.5`: TST-C01 has 1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2, 4.3"
        ]
    );
    assert_eq!(
        errors(&GOOD.replace("Task: 1.1\n", "")),
        [
            "bank/01-b.md:1:1: question `sqs-example` has no `Task:` line (a task statement of TST-C01)"
        ]
    );
}

#[test]
fn notes_links_must_exist() {
    assert_eq!(
        errors(&GOOD.replace("Notes: first-section", "Notes: first-section, nowhere")),
        ["bank/01-b.md:4:1: note section `#nowhere` does not exist"]
    );
    assert_eq!(
        errors(&GOOD.replace("Notes: first-section\n", "")),
        [
            "bank/01-b.md:1:1: question `sqs-example` has no `Notes:` line linking the note sections that teach it"
        ]
    );
    assert_eq!(
        errors(&GOOD.replace("Notes: first-section", "Notes:")),
        ["bank/01-b.md:4:1: empty `Notes:` line: name at least one note section anchor"]
    );
    assert_eq!(
        errors(&GOOD.replace("Notes: first-section", "Notes: first-section\nLevel: hard")),
        [
            "bank/01-b.md:5:1: unknown metadata key `Level` (expected `Task:`, `Skill:`, `Notes:` or `Docs:`)"
        ]
    );
}

#[test]
fn metadata_must_come_first() {
    assert_eq!(
        errors(&GOOD.replace(
            "Task: 1.1\nNotes: first-section\nDocs: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html\n\n",
            "",
        )),
        [
            "bank/01-b.md:1:1: question `sqs-example` has no metadata (`Task:` and `Notes:` lines) right under its heading"
        ]
    );
}

#[test]
fn option_and_key_counts() {
    assert_eq!(
        errors(&GOOD.replace("- [ ] Delta\n", "")),
        [
            "bank/01-b.md:1:1: question `sqs-example` has 3 options with 1 keys; use 4 options with 1 key, or 5-6 options with 2-3 keys"
        ]
    );
    assert_eq!(
        errors(&GOOD.replace("- [ ] Alpha", "- [x] Alpha")),
        [
            "bank/01-b.md:1:1: question `sqs-example` has 4 options with 2 keys; use 4 options with 1 key, or 5-6 options with 2-3 keys",
            "bank/01-b.md:7:1: question `sqs-example` has 2 keys, so its stem must end with \"(Choose TWO.)\"",
        ]
    );
    assert_eq!(
        errors(&MULTI.replace("- [ ] Beta", "- [x] Beta")),
        [
            "bank/01-b.md:7:1: question `sqs-multi` has 3 keys, so its stem must end with \"(Choose THREE.)\"",
            "bank/01-b.md:15:1: question `sqs-multi` ends its explanation with 3 bullet lines for its 2 distractors; end it with one bullet line per distractor, in option order"
        ]
    );
    assert_eq!(
        errors(&GOOD.replace("meets the need?", "meets the need? (Choose TWO.)")),
        [
            "bank/01-b.md:7:1: question `sqs-example` has 1 key, so its stem must not say \"(Choose ...)\""
        ]
    );
    // The lines about distractors must close the explanation: the app letters them by position.
    assert_eq!(
        errors(&GOOD.replace("- Delta is wrong.", "- Delta is wrong.\n\nOne more remark.")),
        [
            "bank/01-b.md:14:1: question `sqs-example` ends its explanation with 0 bullet lines for its 3 distractors; end it with one bullet line per distractor, in option order"
        ]
    );
    assert_eq!(
        errors(&MULTI.replace("- [x] Gamma", "- [x] Gamma\n- [ ] Zeta\n- [ ] Eta")),
        [
            "bank/01-b.md:1:1: question `sqs-multi` has 7 options with 2 keys; use 4 options with 1 key, or 5-6 options with 2-3 keys",
            "bank/01-b.md:17:1: question `sqs-multi` ends its explanation with 3 bullet lines for its 5 distractors; end it with one bullet line per distractor, in option order"
        ]
    );
}

#[test]
fn options_must_be_a_task_list_without_repeats() {
    assert_eq!(
        errors(&GOOD.replace("- [ ] Gamma", "- [ ] alpha")),
        ["bank/01-b.md:11:1: question `sqs-example` repeats the option \"alpha\""]
    );
    assert_eq!(
        errors(&GOOD.replace("- [ ] Alpha\n- [x] Beta\n- [ ] Gamma\n- [ ] Delta\n\n", "")),
        [
            "bank/01-b.md:1:1: question `sqs-example` has no options (a task list: `- [x]` for a key, `- [ ]` for a distractor)"
        ]
    );
    assert_eq!(
        errors(&GOOD.replace("- [ ] Delta", "- Delta")),
        ["bank/01-b.md:12:1: question `sqs-example`: option \"Delta\" is not a task-list item (`- [ ]` or `- [x]`)",
         "bank/01-b.md:1:1: question `sqs-example` has 3 options with 1 keys; use 4 options with 1 key, or 5-6 options with 2-3 keys"]
        .iter().copied().rev().collect::<Vec<_>>()
    );
}

#[test]
fn stem_and_explanation_are_required() {
    assert_eq!(
        errors(&GOOD.replace(
            "A developer needs one thing. Which option meets the need?\n\n",
            ""
        )),
        ["bank/01-b.md:1:1: question `sqs-example` has no stem before its options"]
    );
    let cut = GOOD.find("Beta is right.").unwrap();
    assert_eq!(
        errors(&GOOD[..cut]),
        ["bank/01-b.md:1:1: question `sqs-example` has no explanation after its options"]
    );
    assert_eq!(
        errors(&GOOD.replace("- Delta is wrong.\n", "")),
        [
            "bank/01-b.md:14:1: question `sqs-example` ends its explanation with 2 bullet lines for its 3 distractors; end it with one bullet line per distractor, in option order"
        ]
    );
}

#[test]
fn raw_html_and_bad_links_are_rejected() {
    assert_eq!(
        errors(&GOOD.replace("Beta is right.", "Beta is <b>right</b>.")),
        [
            "bank/01-b.md:14:9: raw HTML is not allowed (write markdown instead)",
            "bank/01-b.md:14:17: raw HTML is not allowed (write markdown instead)"
        ]
    );
    assert_eq!(
        errors(&GOOD.replace("Beta is right.", "Beta is [right](#nowhere).")),
        ["bank/01-b.md:14:9: link to missing section `#nowhere`"]
    );
    assert_eq!(
        errors(&GOOD.replace("Beta is right.", "Beta is [right](other.html).")),
        [
            "bank/01-b.md:14:9: unsupported link `other.html`: link a section as `#anchor` or `file.md#anchor`, or the web with https://"
        ]
    );
    assert_eq!(
        errors(&format!("Stray text.\n\n{GOOD}")),
        [
            "bank/01-b.md:1:1: text before the first question: each question starts with a `## question-id` heading"
        ]
    );
}

#[test]
fn notes_rules() {
    assert_eq!(
        notes_errors("# T\n\nTasks: 1.1\n\n## S\n\nNo tasks here.\n\n{DOCS}"),
        ["n.md:5:1: section `S` has no `Tasks:` line under its heading (e.g. `Tasks: 1.2, 3.4`)"]
    );
    // Every `##` section cites canonical AWS documentation at its end; a `###` inherits its parent's.
    let cites = "cites no AWS documentation: end it with a paragraph `AWS documentation: [Page title](https://docs.aws.amazon.com/...)`";
    assert_eq!(
        notes_errors(
            "# T\n\nTasks: 1.1\n\n## S\n\nTasks: 1.1\n\nText.\n\n### Sub\n\nMore.\n\n## U\n\nTasks: 1.2\n\nText.\n\n{DOCS}"
        ),
        [format!("n.md:5:1: section `S` {cites}")]
    );
    assert_eq!(
        notes_errors(
            "# T\n\nTasks: 1.1\n\n## S\n\nTasks: 1.1\n\nText.\n\n### Sub\n\nMore.\n\n{DOCS}"
        ),
        Vec::<String>::new(),
        "the paragraph may close the last subsection"
    );
    assert_eq!(
        notes_errors(
            "# T\n\nTasks: 1.1\n\n## S\n\nTasks: 1.1\n\nAWS documentation: [a](https://docs.aws.amazon.com/pt_br/lambda/latest/dg/welcome.html), [b](https://docs.amazonaws.cn/lambda/x.html), [c](https://docs.aws.amazon.com/lambda/latest/dg/welcome.html)\n"
        ),
        [
            "n.md:9:20: `https://docs.aws.amazon.com/pt_br/lambda/latest/dg/welcome.html` is not a canonical English AWS documentation address (https://docs.aws.amazon.com/..., no language segment)",
            "n.md:9:90: `https://docs.amazonaws.cn/lambda/x.html` is not a canonical English AWS documentation address (https://docs.aws.amazon.com/..., no language segment)"
        ]
    );
    assert_eq!(
        notes_errors(
            "# T\n\nTasks: 1.1\n\n## S\n\nTasks: 1.1\n\nAWS documentation: the Lambda guide.\n"
        ),
        [
            "n.md:9:1: `AWS documentation:` names no page: link one or more https://docs.aws.amazon.com/ pages"
        ]
    );
    assert_eq!(
        notes_errors("# T\n\nTasks: 1.1\n\n{DOCS}"),
        ["n.md:5:1: an `AWS documentation:` paragraph belongs at the end of a `##` section"]
    );
    assert_eq!(
        notes_errors("# T\n\nTasks: 1.1, 4.4\n"),
        [
            "n.md:3:1: invalid task statement `4.4`: TST-C01 has 1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2, 4.3"
        ]
    );
    assert_eq!(
        notes_errors("# T\n\nTasks:\n"),
        ["n.md:3:1: empty `Tasks:` line: name at least one task statement (e.g. `Tasks: 1.2`)"]
    );
    assert_eq!(
        notes_errors("Intro.\n\n# T\n\nTasks: 1.1\n"),
        ["n.md:1:1: a notes file must start with its chapter heading (`# Title`)"]
    );
    assert_eq!(
        notes_errors("# T\n\nTasks: 1.1\n\n# U\n\nTasks: 1.1\n"),
        ["n.md:5:1: only one chapter heading (`#`) per notes file; use `##` for sections"]
    );
    assert_eq!(
        notes_errors("# T\n\nTasks: 1.1\n\nSee <span>this</span> and [x](#t) and [y](#gone).\n"),
        [
            "n.md:5:5: raw HTML is not allowed (write markdown instead)",
            "n.md:5:15: raw HTML is not allowed (write markdown instead)",
            "n.md:5:39: link to missing section `#gone`"
        ]
    );
    assert_eq!(
        notes_errors("# T\n\nTasks: 1.1\n\n<div>\nblock\n</div>\n"),
        ["n.md:5:1: raw HTML is not allowed (write markdown instead)"]
    );
}

#[test]
fn every_problem_is_listed_at_once_across_files() {
    let bad_notes = Source::new(
        "notes/02-two.md",
        "# Two\n\n## Missing Tasks\n\nTasks: 1.1\n\nNo documentation.\n",
    );
    let bad_bank = GOOD
        .replace("Task: 1.1", "Task: 9.9")
        .replace("- [ ] Gamma", "- [ ] Alpha");
    let diags = compile::compile(
        &exam(),
        &[Source::new("notes/01-one.md", NOTES), bad_notes],
        &[
            Source::new("bank/01-b.md", &bad_bank),
            Source::new("bank/02-c.md", "## Bad Id\n"),
        ],
    )
    .expect_err("three files with problems");
    let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "bank/01-b.md:3:1: invalid task statement `9.9`: TST-C01 has 1.1, 1.2, 1.3, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 3.4, 4.1, 4.2, 4.3",
            "bank/01-b.md:11:1: question `sqs-example` repeats the option \"Alpha\"",
            "bank/02-c.md:1:1: question id `Bad Id` is not lowercase kebab-case (like `sqs-long-polling`)",
            "bank/02-c.md:1:1: question `Bad Id` has no metadata (`Task:` and `Notes:` lines) right under its heading",
            "notes/02-two.md:1:1: section `Two` has no `Tasks:` line under its heading (e.g. `Tasks: 1.2, 3.4`)",
            "notes/02-two.md:3:1: section `Missing Tasks` cites no AWS documentation: end it with a paragraph `AWS documentation: [Page title](https://docs.aws.amazon.com/...)`",
        ]
    );
}

#[test]
fn seed_table_of_contents_resolves_with_github_slugs() {
    // Only the headings matter here: every `##` gets a documentation paragraph to satisfy the build.
    let mut headings = String::new();
    let mut in_h2 = false;
    for line in include_str!("fixtures/seed-headings.md").lines() {
        headings += line;
        headings += "\n";
        if line.starts_with('#') {
            in_h2 = line.starts_with("## ");
        } else if in_h2 && line.starts_with("Tasks:") {
            headings += "\n";
            headings += DOCS;
        }
    }
    let c = compile::compile(&exam(), &[Source::new("seed.md", &headings)], &[])
        .expect("seed headings compile");
    for anchor in include_str!("fixtures/seed-toc.txt").lines() {
        assert!(
            c.notes.index.contains_key(anchor),
            "seed TOC anchor #{anchor} has no heading"
        );
    }
    assert!(
        c.notes.index.contains_key("sse-s3")
            && c.notes.index.contains_key("client-side-encryption")
    );
}

/// Compiles an exam definition alone (no notes, no bank) and returns its messages.
fn exam_errors(exam: &str) -> Vec<String> {
    compile::compile(&Source::new("exam.md", exam), &[], &[])
        .map(|_| Vec::new())
        .unwrap_or_else(|ds| ds.iter().map(ToString::to_string).collect())
}

#[test]
fn the_exam_definition_is_read_whole() {
    let c = build(GOOD).expect("good fixture");
    let e = &c.exam;
    assert_eq!(
        (e.code.as_str(), e.questions, e.minutes, e.extra_minutes),
        ("TST-C01", 65, 130, 30)
    );
    assert_eq!((e.min, e.pass, e.max), (100, 720, 1000));
    assert_eq!(e.domains.len(), 4);
    assert_eq!(e.domains[2].name, "Three");
    assert_eq!(e.tasks.len(), 13);
    assert_eq!(e.tasks[0].skills, ["A skill", "Another skill"]);
}

#[test]
fn a_made_up_three_domain_exam_drives_the_tags() {
    let three = include_str!("fixtures/demo/exam.md");
    let notes = format!("# N\n\nTasks: 3.2\n\n## S\n\nTasks: 1.1\n\n{DOCS}");
    let ok = compile::compile(
        &Source::new("exam.md", three),
        &[Source::new("n.md", &notes)],
        &[],
    )
    .expect("a three-domain exam compiles");
    assert_eq!(ok.exam.domains.len(), 3);
    assert_eq!(
        ok.exam.domains.iter().map(|d| d.weight).collect::<Vec<_>>(),
        [50, 30, 20]
    );
    // Task 4.1 exists in DVA-C03 but not in this exam.
    let diags = compile::compile(
        &Source::new("exam.md", three),
        &[Source::new(
            "n.md",
            &notes.replace("Tasks: 1.1", "Tasks: 4.1"),
        )],
        &[],
    )
    .expect_err("4.1 is not a task of the demo exam");
    assert_eq!(
        diags[0].to_string(),
        "n.md:7:1: invalid task statement `4.1`: DEMO-X01 has 1.1, 1.2, 2.1, 3.1, 3.2"
    );
}

#[test]
fn skills_must_exist_and_belong_to_the_question_s_task() {
    let c =
        build(&GOOD.replace("Task: 1.1\n", "Task: 1.1\nSkill: 1.1.2, 1.1.1\n")).expect("skills");
    assert_eq!(c.questions[0].skills, [1, 2]);
    assert_eq!(
        errors(&GOOD.replace("Task: 1.1\n", "Task: 1.1\nSkill: 1.1.3, 2.1.1\n")),
        [
            "bank/01-b.md:4:1: skill `1.1.3` is not in the exam definition",
            "bank/01-b.md:4:1: skill `2.1.1` belongs to another task than the question's"
        ]
    );
}

#[test]
fn exam_definition_rules() {
    let bad = EXAM
        .replace("Weight: 18", "Weight: 17")
        .replace("- 4.2.1: A skill", "- 4.2.2: A skill")
        .replace("### Task 3.4: Fourth", "### Task 3.6: Fourth")
        .replace("Minutes: 130\n", "")
        .replace("Pass mark: 720", "Pass mark: 1720");
    assert_eq!(
        exam_errors(&bad),
        [
            "exam.md:1:1: missing `Minutes:` line",
            "exam.md:1:1: the pass mark 1720 is outside the scaled scores 100-1000",
            "exam.md:1:1: the domain weights add up to 99, not 100",
            "exam.md:60:1: task 3.6 out of order: expected task 3.4",
            "exam.md:60:1: task 3.6 lists no skill",
            "exam.md:62:1: expected skill `- 3.6.1: text` (skills are numbered in order)",
            "exam.md:72:1: task 4.2 lists no skill",
            "exam.md:74:1: expected skill `- 4.2.1: text` (skills are numbered in order)",
        ]
    );
    assert_eq!(
        exam_errors("# X\n\nCode: X\n"),
        [
            "exam.md:1:1: missing `Name:` line",
            "exam.md:1:1: missing `Questions:` line",
            "exam.md:1:1: missing `Minutes:` line",
            "exam.md:1:1: missing `Pass mark:` line",
            "exam.md:1:1: missing `Scaled scores:` line",
            "exam.md:1:1: missing `Since:` line",
            "exam.md:1:1: no `## Domain` heading: an exam needs at least one domain",
        ]
    );
}

#[test]
fn the_real_exam_is_dva_c03() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let c = compile::compile_dir(root, "questions").expect("questions/ compiles");
    let e = &c.exam;
    assert_eq!(e.code, "DVA-C03");
    assert_eq!(e.title, "AWS Certified Developer - Associate (DVA-C03)");
    assert_eq!(
        e.domains
            .iter()
            .map(|d| (d.name.as_str(), d.weight))
            .collect::<Vec<_>>(),
        [
            ("Development with AWS Services", 30),
            ("Security", 26),
            ("Testing and Deployment", 22),
            ("Troubleshooting and Optimization", 22)
        ]
    );
    let tasks: Vec<String> = e
        .tasks
        .iter()
        .map(|t| format!("{}.{}", t.domain, t.number))
        .collect();
    assert_eq!(
        tasks,
        [
            "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"
        ]
    );
    assert!(e.tasks[5].title.contains("AI services"));
    assert_eq!((e.questions, e.minutes, e.pass), (65, 130, 720));
    assert_eq!(e.since, "2026-12-01");
    assert_eq!(e.earlier[0].code, "DVA-C02");
    assert_eq!(e.earlier[0].last, "2026-11-30");
    assert_eq!(e.earlier[0].domains[2], (3, "Deployment".to_string()));
}

/// Builds the good question against a lock file's text.
fn locked(bank: &str, lock: &str) -> Result<Compiled, Vec<String>> {
    compile::compile_locked(
        &exam(),
        &[Source::new("notes/01-one.md", NOTES)],
        &[Source::new("bank/01-b.md", bank)],
        Some(&Source::new("bank.lock", lock)),
    )
    .map_err(|ds| ds.iter().map(ToString::to_string).collect())
}

#[test]
fn ids_are_forever_the_lock_file_enforces_it() {
    let c = build(GOOD).expect("good fixture");
    let lock = compile::lock::render(&compile::lock::Lock::default(), &c.questions, &[]);
    assert!(lock.contains(&format!(
        "sqs-example 4 1 {}",
        compile::lock::options_hash(&c.questions[0])
    )));
    locked(GOOD, &lock).expect("an unchanged question passes");
    // A reworded stem or explanation keeps the meaning of stored answers.
    locked(&GOOD.replace("one thing", "a single thing"), &lock).expect("stem edits pass");
    // Changing an option fails, and says what to do.
    assert_eq!(
        locked(&GOOD.replace("- [ ] Delta", "- [ ] Omega"), &lock).unwrap_err(),
        [
            "bank/01-b.md:1:1: question `sqs-example` changed its options since it was published (bank.lock:4): if its meaning changed, give it a new id and retire the old one; if not, run `DVA_RELOCK=1 cargo run --example lock-bank -- --relock sqs-example`"
        ]
    );
    // Moving the key changes the hash too.
    assert!(
        locked(
            &GOOD
                .replace("- [ ] Alpha", "- [x] Alpha")
                .replace("- [x] Beta", "- [ ] Beta"),
            &lock
        )
        .unwrap_err()[0]
            .contains("changed its options")
    );
    // One option more: stored option orders would no longer cover the question.
    let multi = build(MULTI).expect("multi fixture");
    let multi_lock = compile::lock::render(&compile::lock::Lock::default(), &multi.questions, &[]);
    let six = MULTI
        .replace("- [ ] Epsilon\n", "- [ ] Epsilon\n- [ ] Zeta\n")
        .replace(
            "- Epsilon is wrong.\n",
            "- Epsilon is wrong.\n- Zeta is wrong.\n",
        );
    assert_eq!(
        locked(&six, &multi_lock).unwrap_err(),
        [
            "bank/01-b.md:1:1: question `sqs-multi` was published with 5 options and 2 key(s) (bank.lock:4) and now has 6 and 2; stored answers would change meaning: give it a new id and retire the old one"
        ]
    );
    // Removing a published question without retiring it fails at the lock line.
    assert_eq!(
        locked(&GOOD.replace("sqs-example", "sqs-new-example"), &lock).unwrap_err(),
        [
            "bank.lock:4:1: published question `sqs-example` is no longer in the bank: record it as `retired sqs-example <reason>`"
        ]
    );
    // Retired ids are accepted when gone, and never come back.
    let retired = format!("{lock}retired sqs-old gone for good\n");
    locked(GOOD, &retired).expect("a retired id that is gone passes");
    assert_eq!(
        locked(
            &GOOD.replace("sqs-example", "sqs-old"),
            &retired.replace("sqs-example 4", "# sqs-example 4")
        )
        .unwrap_err(),
        [
            "bank/01-b.md:1:1: question `sqs-old` was retired (bank.lock:5); a retired id is never used again: give this question a new id"
        ]
    );
    // Relocking accepts a deliberate edit.
    let edited = GOOD.replace("- [ ] Delta", "- [ ] Omega");
    let c2 = build(&edited).expect("edited fixture");
    let mut diags = Vec::new();
    let old = compile::lock::read(&Source::new("bank.lock", &lock), &mut diags);
    let relocked = compile::lock::render(&old, &c2.questions, &["sqs-example".to_string()]);
    locked(&edited, &relocked).expect("a relocked question passes");
    assert_eq!(
        locked(GOOD, "nonsense line\n").unwrap_err(),
        ["bank.lock:1:1: a lock line reads `<id> <options> <keys> <16-hex-digit hash>`"]
    );
}

#[test]
fn docs_lines_name_canonical_english_aws_documentation() {
    let with = |docs: &str| {
        GOOD.replace(
            "Docs: https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/welcome.html\n",
            &format!("Docs: {docs}\n"),
        )
    };
    let c = build(&with(
        "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html, https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html",
    ))
    .expect("docs");
    assert_eq!(c.questions[0].docs.len(), 2);
    assert_eq!(
        errors(&with(
            "https://docs.aws.amazon.com/pt_br/lambda/latest/dg/welcome.html, https://docs.amazonaws.cn/lambda/x.html, http://docs.aws.amazon.com/x"
        )),
        [
            "bank/01-b.md:5:1: `https://docs.aws.amazon.com/pt_br/lambda/latest/dg/welcome.html` is not a canonical English AWS documentation address (https://docs.aws.amazon.com/..., no language segment)",
            "bank/01-b.md:5:1: `https://docs.amazonaws.cn/lambda/x.html` is not a canonical English AWS documentation address (https://docs.aws.amazon.com/..., no language segment)",
            "bank/01-b.md:5:1: `http://docs.aws.amazon.com/x` is not a canonical English AWS documentation address (https://docs.aws.amazon.com/..., no language segment)",
        ]
    );
    assert_eq!(
        errors(&with("")),
        [
            "bank/01-b.md:5:1: empty `Docs:` line: name at least one https://docs.aws.amazon.com/ page"
        ]
    );
}

#[test]
fn code_blocks_and_tables_are_focusable_and_an_empty_header_cell_has_a_name() {
    let notes = "# Chapter\n\nTasks: 1.1\n\n## Section\n\nTasks: 1.1\n\n| | Converse |\n|---|---|\n| Request | one format |\n\n```json\n{}\n```\n\n{DOCS}".replace("{DOCS}", DOCS);
    let c = compile::compile(&exam(), &[Source::new("n.md", &notes)], &[]).expect("notes compile");
    let html = &c.notes.chapters[0].html;
    assert!(
        html.contains("<table tabindex=\"0\" class=\"cards\">"),
        "{html}"
    );
    assert!(html.contains("<pre tabindex=\"0\">"), "{html}");
    assert!(
        html.contains("<th><span class=\"sr-only\">Item</span></th>"),
        "{html}"
    );
    assert!(html.contains("<th>Converse</th>"), "{html}");
}

/// A table becomes one card per row on a phone: the stylesheet needs each body
/// cell to carry its column's heading (none for an empty heading) as plain text (bold and code in a heading kept as
/// their text, quotes escaped), in a two-column table too.
#[test]
fn tables_label_their_cells_for_the_phone_cards() {
    let notes = "# Chapter\n\nTasks: 1.1\n\n## Section\n\nTasks: 1.1\n\n| | **Valkey** | `Memcached` \"classic\" |\n|---|---|---|\n| Replication | yes | no |\n| Persistence | snapshots | none |\n\n| Item | Limit |\n|---|---|\n| Object | 5 TB |\n\n{DOCS}".replace("{DOCS}", DOCS);
    let c = compile::compile(&exam(), &[Source::new("n.md", &notes)], &[]).expect("notes compile");
    let html = &c.notes.chapters[0].html;
    assert!(
        html.contains("<table tabindex=\"0\" class=\"cards\"><thead>"),
        "{html}"
    );
    assert!(
        html.contains("<tr><td>Replication</td><td data-label=\"Valkey\">yes</td><td data-label=\"Memcached &quot;classic&quot;\">no</td></tr>"),
        "{html}"
    );
    assert!(
        html.contains("<tr><td>Persistence</td><td data-label=\"Valkey\">snapshots</td>"),
        "{html}"
    );
    assert_eq!(html.matches("data-label").count(), 6, "{html}");
    assert!(
        html.contains("<table tabindex=\"0\" class=\"cards\"><thead><tr><th>Item</th>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<tr><td data-label=\"Item\">Object</td><td data-label=\"Limit\">5 TB</td></tr>"
        ),
        "{html}"
    );
}

/// The app derives the anchors of ASCII titles itself (without the Unicode case tables); a title outside
/// ASCII has its GitHub anchor written into the content index, and the app reads it back from there.
#[test]
fn a_title_outside_ascii_keeps_its_github_anchor_in_the_app() {
    let notes = NOTES
        .replace("## Second Section", "## Événements — Été")
        .replace("(#second-section)", "(#événements--été)");
    let c = compile::compile(
        &exam(),
        &[Source::new("notes/01-one.md", &notes)],
        &[Source::new("bank/01-b.md", GOOD)],
    )
    .unwrap_or_else(|ds| panic!("{ds:?}"));
    assert!(
        c.notes
            .sections
            .iter()
            .any(|s| s.anchor == "événements--été")
    );
    let files = compile::files::Files::of(&c);
    // This test binary reads no other content, so it may install this one as the app's.
    dva_exam::bank::install(&files.index.name, files.index.body.clone()).expect("installs");
    let app: Vec<&str> = dva_exam::bank::SECTIONS.iter().map(|s| s.anchor).collect();
    let built: Vec<&str> = c.notes.sections.iter().map(|s| s.anchor.as_str()).collect();
    assert_eq!(app, built);
    assert_eq!(dva_exam::bank::QUESTIONS[0].id, "sqs-example");
}
