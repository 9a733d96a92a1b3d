//! Reusable pieces of the exam pages.

pub mod content;
pub mod dialog;
pub mod domain_bar;
pub mod insights;
pub mod navigator;
pub mod question;
pub mod readiness;
pub mod report;
