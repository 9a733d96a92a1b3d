//! Reusable pieces of the exam pages.

pub mod domain_bar;
pub mod navigator;
pub mod question;
