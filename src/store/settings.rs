//! The user's settings as stored: a versioned JSON value under [`KEY`].
//!
//! Reading never fails: a missing, corrupt or foreign value gives the defaults (and the caller keeps the
//! unreadable text aside), so a bad value can never stop the app from starting.

use super::json::{self, Error, Writer};

/// The localStorage key of the settings.
pub const KEY: &str = "dva.settings";

/// The schema version this build writes.
pub const VERSION: u32 = 1;

/// The colour theme: follow the system, or a choice the user made with the toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Everything the user can set.
/// Stored as `{"version":1,"theme":"dark"}` (the theme in lowercase; absent: the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub version: u32,
    pub theme: Theme,
}

/// The stored names of the themes, in [`Theme`]'s order.
const THEMES: [&str; 3] = ["system", "light", "dark"];

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
    let s = json::parse(raw, read).map_err(|e| Unreadable::Corrupt(e.to_string()))?;
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
    let mut w = Writer::new();
    w.open();
    w.key("version");
    w.uint(u64::from(s.version));
    w.key("theme");
    w.string(THEMES[s.theme as usize]);
    w.close();
    w.finish()
}

fn read(r: &mut json::Reader<'_>) -> Result<Settings, Error> {
    let mut s = Settings::default();
    r.fields(&["version", "theme"], 0b01, &mut |r, i| {
        if i == 0 {
            s.version = r.uint(u64::from(u32::MAX), "u32")? as u32;
            return Ok(());
        }
        let t = super::forms::variant(r, &THEMES)?;
        s.theme = [Theme::System, Theme::Light, Theme::Dark][t];
        Ok(())
    })?;
    Ok(s)
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
