// The question bank as the tests need it, read from the markdown under questions/bank/: each question's
// id, number of options and the original indices of its keys. Tests use it to answer with the key or
// with a distractor on purpose, and to build stored exams of known questions.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const DIR = join(import.meta.dirname, "..", "..", "questions", "bank");

/** Every question: { id, task ("2.2"), domain, notes: [anchors], docs: [addresses], options, keys: [original indices], multi }. */
export function bankQuestions() {
  const out = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".md") && f !== "README.md").sort()) {
    let current = null;
    for (const line of readFileSync(join(DIR, file), "utf8").split("\n")) {
      const head = line.match(/^## ([a-z0-9-]+)\s*$/);
      if (head) { current = { id: head[1], task: "", notes: [], docs: [], options: 0, keys: [] }; out.push(current); continue; }
      const task = current && line.match(/^Task: (\d+\.\d+)\s*$/);
      if (task) current.task = task[1];
      const notes = current && line.match(/^Notes: (.+)$/);
      if (notes) current.notes = notes[1].split(",").map((n) => n.trim());
      const docs = current && line.match(/^Docs: (.+)$/);
      if (docs) current.docs = docs[1].split(",").map((n) => n.trim());
      const opt = current && line.match(/^- \[( |x)\] /);
      if (opt) { if (opt[1] === "x") current.keys.push(current.options); current.options += 1; }
    }
  }
  return out.map((q) => ({ ...q, domain: Number(q.task.split(".")[0]), multi: q.keys.length > 1 }));
}

/** The first line of each bullet closing a question's explanation in the bank file (its lines about
 *  distractors, in option order), as plain text. */
export function rebuttals(id) {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".md"))) {
    const text = readFileSync(join(DIR, file), "utf8");
    const at = text.indexOf(`\n## ${id}\n`);
    if (at < 0) continue;
    const block = text.slice(at + 1).split(/\n## /)[0].trimEnd().split("\n");
    const lines = [];
    for (let i = block.length - 1; i >= 0 && (block[i].startsWith("- ") || block[i].startsWith("  ")); i--) {
      if (block[i].startsWith("- ")) lines.unshift(block[i].slice(2).replace(/[`*]/g, ""));
    }
    return lines;
  }
  throw new Error(id);
}

/**
 * A stored exam in progress (the app's `dva.exam` value) of these questions, options in file order.
 * `timed` gives an exam-mode session an hour on the clock (default) or none; `answered` picks each
 * question's first options, as many as it asks for; `counted` makes it a quick exam (counted toward
 * readiness and plotted in the history) rather than a set of chosen questions.
 */
export function storedExam(questions, { mode = "Practice", id = "test-exam", timed = mode === "Exam", minutes = 60, answered = false, counted = false } = {}) {
  const now = Date.now();
  // A quick exam's kind counts toward readiness and the history's charts; a set of chosen questions does not.
  const kind = counted ? { Quick: { length: questions.length } } : { Picked: { title: "Chosen questions", ids: questions.map((q) => q.id) } };
  return JSON.stringify({
    version: 1, id,
    spec: { kind, mode, extra_time: false, seed: 1 },
    exam: "DVA-C03", bank_version: "test", started_ms: now, deadline_ms: timed ? now + minutes * 60_000 : null,
    items: questions.map((q) => ({
      id: q.id, order: [...Array(q.options).keys()], keys: q.keys.length,
      chosen: answered ? [...Array(q.keys.length).keys()] : [], flagged: false, checked: false, spent_ms: 0,
    })),
    current: 0, entered_ms: now, finished_ms: null, expired: false,
  });
}
