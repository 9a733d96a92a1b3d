//! localStorage, made safe: disabled or throwing storage, a full quota and unreadable values are results,
//! never panics. gloo-storage makes the calls once [`available`] has checked that storage can be reached
//! (gloo's `raw()` would panic when it cannot).

use gloo_storage::{LocalStorage, Storage};

/// Whether localStorage can be used at all (it throws in some privacy modes and sandboxed frames).
pub fn available() -> bool {
    crate::platform::storage_available()
}

/// The raw text stored under `key`, if storage works and holds one.
pub fn read(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Stores `value` under `key`; the error says why it could not be kept (quota, disabled storage).
pub fn write(key: &str, value: &str) -> Result<(), String> {
    if !available() {
        return Err("storage is not available in this browser session".to_string());
    }
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(|_| "the browser refused to store it (storage full?)".to_string())
}

/// Removes `key`; the error says why it could not.
pub fn remove(key: &str) -> Result<(), String> {
    if !available() {
        return Err("storage is not available in this browser session".to_string());
    }
    LocalStorage::raw()
        .remove_item(key)
        .map_err(|_| "the browser refused to change storage".to_string())
}

/// localStorage as the [`crate::store::vault`] rules see it.
pub struct Local;

impl crate::store::vault::Storage for Local {
    fn get(&self, key: &str) -> Option<String> {
        read(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        write(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), String> {
        remove(key)
    }
}
