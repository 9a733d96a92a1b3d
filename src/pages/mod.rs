//! One module per route.

pub mod exam;
pub mod history;
pub mod home;
pub mod not_found;
pub mod notes;
pub mod results;
pub mod review;
pub mod setup;
