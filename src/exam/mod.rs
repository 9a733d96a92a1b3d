//! The exam engine: pure logic, no Leptos and no web-sys, tested natively.
//!
//! `spec` says what exam to build, `select` draws it from the bank with `rng`, `session` runs it and
//! `score` marks it; `blueprint` holds the official domain weights they all follow.

pub mod blueprint;
pub mod rng;
pub mod score;
pub mod select;
pub mod session;
pub mod spaced;
pub mod spec;
