//! Reusable pieces of the exam pages.

pub mod dialog;
pub mod domain_bar;
pub mod navigator;
pub mod question;
