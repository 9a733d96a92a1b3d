//! Reusable pieces of the exam pages.

pub mod navigator;
pub mod question;
