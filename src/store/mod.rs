//! Persistence: versioned stored values (pure) and the localStorage adapter (the only I/O).

pub mod forms;
pub mod history;
pub mod json;
pub mod local;
pub mod settings;
pub mod transfer;
pub mod vault;
