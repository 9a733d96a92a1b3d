//! The exam engine: pure logic, no Leptos and no web-sys, tested natively.

pub mod blueprint;
pub mod rng;
pub mod select;
pub mod session;
pub mod spec;
