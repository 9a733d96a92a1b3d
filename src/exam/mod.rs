//! The exam engine: pure logic, no Leptos and no web-sys, tested natively.
//!
//! `spec` says what exam to build, `select` draws it from the bank with `rng`, `session` runs it and
//! `score` marks it; `blueprint` splits an exam between domains by the weights of the exam definition
//! (`questions/exam.md`), which the caller passes in.

pub mod blueprint;
pub mod pacing;
pub mod rng;
pub mod score;
pub mod select;
pub mod session;
pub mod spec;
