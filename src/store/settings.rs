//! The user's settings as stored: a versioned JSON value under [`KEY`].
//!
//! Reading never fails: a missing, corrupt or foreign value gives the defaults (and the caller keeps the
//! unreadable text aside), so a bad value can never stop the app from starting.

use serde::{Deserialize, Serialize};

/// The localStorage key of the settings.
pub const KEY: &str = "dva.settings";

/// The schema version this build writes.
pub const VERSION: u32 = 1;

/// The colour theme: follow the system, or a choice the user made with the toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Everything the user can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub version: u32,
    #[serde(default)]
    pub theme: Theme,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: VERSION,
            theme: Theme::System,
        }
    }
}

/// Why a stored value was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON of the expected shape.
    Corrupt(String),
    /// Written by a newer version of the app.
    Newer(u32),
}

/// Reads stored settings.
pub fn decode(raw: &str) -> Result<Settings, Unreadable> {
    let s: Settings = serde_json::from_str(raw).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
    if s.version > VERSION {
        return Err(Unreadable::Newer(s.version));
    }
    Ok(Settings {
        version: VERSION,
        ..s
    })
}

/// The stored form of settings.
pub fn encode(s: &Settings) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// The theme the page should show: a user's choice wins over the system's.
pub fn effective_dark(theme: Theme, system_dark: bool) -> bool {
    match theme {
        Theme::System => system_dark,
        Theme::Light => false,
        Theme::Dark => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_defaults() {
        let s = Settings {
            version: VERSION,
            theme: Theme::Dark,
        };
        assert_eq!(decode(&encode(&s)), Ok(s));
        assert_eq!(encode(&s), r#"{"version":1,"theme":"dark"}"#);
        assert_eq!(decode(r#"{"version":1}"#), Ok(Settings::default()));
    }

    #[test]
    fn bad_values_are_reported_not_used() {
        assert!(matches!(decode("{not json"), Err(Unreadable::Corrupt(_))));
        assert!(matches!(
            decode(r#"{"version":1,"theme":"purple"}"#),
            Err(Unreadable::Corrupt(_))
        ));
        assert!(matches!(decode("[]"), Err(Unreadable::Corrupt(_))));
        assert_eq!(
            decode(r#"{"version":7,"theme":"dark"}"#),
            Err(Unreadable::Newer(7))
        );
    }

    #[test]
    fn a_choice_wins_over_the_system() {
        assert!(effective_dark(Theme::System, true) && !effective_dark(Theme::System, false));
        assert!(!effective_dark(Theme::Light, true) && effective_dark(Theme::Dark, false));
    }
}
