//! A practice-exam simulator for AWS Certified Developer – Associate (DVA-C03), running entirely in the
//! browser. Pure logic (routes, search, stored values) is plain Rust tested natively; the Leptos components
//! in `app`, `pages` and `components` only wire signals to it; `platform` is the only door to the browser.

pub mod app;
pub mod bank;
pub mod chart;
pub mod clock;
pub mod components;
pub mod decimal;
pub mod exam;
pub mod pages;
pub mod platform;
pub mod report;
pub mod route;
pub mod search;
pub mod sort;
pub mod state;
pub mod store;
pub mod study;
