//! The stored form of a full attempt: the same data as [`Attempt`] with short field names and defaults
//! left out (the per-domain verdicts are a function of the counts and are not stored at all). This halves the
//! size of the plain serde form, which is what lets 500 full mocks fit in localStorage; `Session`'s own
//! serde form (the exam in progress) is untouched.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Attempt;
use crate::exam::score::{Calibration, DomainScore, Outcome, SectionTally, TaskTally};
use crate::exam::session::{Confidence, Item, Session, earlier_exam};
use crate::exam::spec::Spec;

/// A time in milliseconds, written without the `.0` of a whole number (most times are whole, from
/// `Date.now()`); any JSON number reads back as the same `f64`.
pub mod whole {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Whole numbers below 2^53 are exactly representable both as `f64` and `i64`.
    const EXACT: f64 = 9_007_199_254_740_992.0;

    pub fn serialize<S: Serializer>(ms: &f64, ser: S) -> Result<S::Ok, S::Error> {
        if ms.fract() == 0.0 && ms.abs() < EXACT {
            ser.serialize_i64(*ms as i64)
        } else {
            ser.serialize_f64(*ms)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<f64, D::Error> {
        f64::deserialize(de)
    }
}

/// [`whole`] for an optional time.
pub mod whole_opt {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(ms: &Option<f64>, ser: S) -> Result<S::Ok, S::Error> {
        match ms {
            Some(ms) => super::whole::serialize(ms, ser),
            None => ser.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Option<f64>, D::Error> {
        Option::<f64>::deserialize(de)
    }
}

/// Section tallies as `[anchor, missed, total]` triples: they are the bulk of an outcome and of a
/// summary, and the field names would repeat in every one.
pub mod tallies {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::exam::score::SectionTally;

    pub fn serialize<S: Serializer>(v: &[SectionTally], ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(v.iter().map(|t| (&t.section, t.missed, t.total)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<SectionTally>, D::Error> {
        let triples = Vec::<(String, usize, usize)>::deserialize(de)?;
        Ok(triples
            .into_iter()
            .map(|(section, missed, total)| SectionTally {
                section,
                missed,
                total,
            })
            .collect())
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn is_zero_ms(ms: &f64) -> bool {
    *ms == 0.0
}

fn is_false(b: &bool) -> bool {
    !b
}

#[derive(Serialize, Deserialize)]
struct Stored {
    #[serde(rename = "v")]
    version: u32,
    id: String,
    spec: Spec,
    /// The exam code; attempts stored before v3 have none and were DVA-C02 exams.
    #[serde(rename = "ex", default = "earlier_exam")]
    exam: String,
    #[serde(rename = "b")]
    bank_version: String,
    #[serde(rename = "t0", with = "whole")]
    started_ms: f64,
    #[serde(
        rename = "dl",
        default,
        skip_serializing_if = "Option::is_none",
        with = "whole_opt"
    )]
    deadline_ms: Option<f64>,
    #[serde(rename = "q")]
    items: Vec<StoredItem>,
    #[serde(rename = "cur", default, skip_serializing_if = "is_zero")]
    current: usize,
    #[serde(rename = "te", with = "whole")]
    entered_ms: f64,
    #[serde(
        rename = "t1",
        default,
        skip_serializing_if = "Option::is_none",
        with = "whole_opt"
    )]
    finished_ms: Option<f64>,
    #[serde(rename = "x", default, skip_serializing_if = "is_false")]
    expired: bool,
    #[serde(rename = "r")]
    outcome: StoredOutcome,
}

#[derive(Serialize, Deserialize)]
struct StoredItem {
    #[serde(rename = "i")]
    id: String,
    #[serde(rename = "o")]
    order: Vec<u8>,
    #[serde(rename = "k")]
    keys: u8,
    #[serde(rename = "c", default, skip_serializing_if = "Vec::is_empty")]
    chosen: Vec<u8>,
    #[serde(rename = "f", default, skip_serializing_if = "is_false")]
    flagged: bool,
    #[serde(rename = "p", default, skip_serializing_if = "is_false")]
    checked: bool,
    #[serde(
        rename = "ms",
        default,
        skip_serializing_if = "is_zero_ms",
        with = "whole"
    )]
    spent_ms: f64,
    #[serde(rename = "cf", default, skip_serializing_if = "Option::is_none")]
    confidence: Option<Confidence>,
    #[serde(rename = "x", default, skip_serializing_if = "Vec::is_empty")]
    struck: Vec<u8>,
    /// The first complete answer, when it differs from the final one.
    #[serde(rename = "a1", default, skip_serializing_if = "Option::is_none")]
    first: Option<Vec<u8>>,
}

#[derive(Serialize, Deserialize)]
struct StoredOutcome {
    #[serde(rename = "c")]
    correct: usize,
    #[serde(rename = "n")]
    total: usize,
    #[serde(rename = "s")]
    scaled: u16,
    #[serde(rename = "p")]
    passed: bool,
    /// `(domain, correct, total)` per row.
    #[serde(rename = "d")]
    domains: Vec<(u8, usize, usize)>,
    #[serde(rename = "sec", with = "tallies")]
    sections: Vec<SectionTally>,
    #[serde(rename = "u", with = "whole")]
    used_ms: f64,
    /// `[task, correct, total]` per task statement.
    #[serde(
        rename = "tk",
        default,
        with = "task_tallies",
        skip_serializing_if = "Vec::is_empty"
    )]
    tasks: Vec<TaskTally>,
    #[serde(
        rename = "cal",
        default,
        with = "calibration",
        skip_serializing_if = "Calibration::is_empty"
    )]
    calibration: Calibration,
}

/// Task tallies as `[task, correct, total]` triples, like section tallies.
pub mod task_tallies {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::exam::score::TaskTally;

    pub fn serialize<S: Serializer>(v: &[TaskTally], ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(v.iter().map(|t| (&t.task, t.correct, t.total)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<TaskTally>, D::Error> {
        let triples = Vec::<(String, usize, usize)>::deserialize(de)?;
        Ok(triples
            .into_iter()
            .map(|(task, correct, total)| TaskTally {
                task,
                correct,
                total,
            })
            .collect())
    }
}

/// A calibration as `[[right, answered] x3]` for sure, unsure and guess.
pub mod calibration {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::exam::score::Calibration;

    pub fn serialize<S: Serializer>(c: &Calibration, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq([c.sure, c.unsure, c.guess])
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Calibration, D::Error> {
        let [sure, unsure, guess] = <[(usize, usize); 3]>::deserialize(de)?;
        Ok(Calibration {
            sure,
            unsure,
            guess,
        })
    }
}

pub fn serialize<S: Serializer>(a: &Attempt, ser: S) -> Result<S::Ok, S::Error> {
    let (s, o) = (&a.session, &a.outcome);
    Stored {
        version: s.version,
        id: s.id.clone(),
        spec: s.spec.clone(),
        exam: s.exam.clone(),
        bank_version: s.bank_version.clone(),
        started_ms: s.started_ms,
        deadline_ms: s.deadline_ms,
        items: s
            .items
            .iter()
            .map(|i| StoredItem {
                id: i.id.clone(),
                order: i.order.clone(),
                keys: i.keys,
                chosen: i.chosen.clone(),
                flagged: i.flagged,
                checked: i.checked,
                spent_ms: i.spent_ms,
                confidence: i.confidence,
                struck: i.struck.clone(),
                // Kept only when the answer changed: an unchanged first answer is the final one, so most
                // items store nothing (see `crate::exam::pacing`).
                first: i.first.clone().filter(|f| *f != i.chosen),
            })
            .collect(),
        current: s.current,
        entered_ms: s.entered_ms,
        finished_ms: s.finished_ms,
        expired: s.expired,
        outcome: StoredOutcome {
            correct: o.correct,
            total: o.total,
            scaled: o.scaled,
            passed: o.passed,
            domains: o
                .domains
                .iter()
                .map(|d| (d.domain, d.correct, d.total))
                .collect(),
            sections: o.sections.clone(),
            used_ms: o.used_ms,
            tasks: o.tasks.clone(),
            calibration: o.calibration,
        },
    }
    .serialize(ser)
}

pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Attempt, D::Error> {
    let s = Stored::deserialize(de)?;
    let o = s.outcome;
    Ok(Attempt {
        session: Session {
            version: s.version,
            id: s.id,
            spec: s.spec,
            exam: s.exam,
            bank_version: s.bank_version,
            started_ms: s.started_ms,
            deadline_ms: s.deadline_ms,
            items: s
                .items
                .into_iter()
                .map(|i| Item {
                    // Absent: unchanged or never complete; `History` settles which on reading.
                    first: i.first,
                    id: i.id,
                    order: i.order,
                    keys: i.keys,
                    chosen: i.chosen,
                    flagged: i.flagged,
                    checked: i.checked,
                    spent_ms: i.spent_ms,
                    confidence: i.confidence,
                    struck: i.struck,
                })
                .collect(),
            current: s.current,
            entered_ms: s.entered_ms,
            finished_ms: s.finished_ms,
            expired: s.expired,
        },
        outcome: Outcome {
            correct: o.correct,
            total: o.total,
            scaled: o.scaled,
            passed: o.passed,
            domains: o
                .domains
                .into_iter()
                .map(|(domain, correct, total)| DomainScore {
                    domain,
                    correct,
                    total,
                })
                .collect(),
            sections: o.sections,
            used_ms: o.used_ms,
            tasks: o.tasks,
            calibration: o.calibration,
        },
    })
}
