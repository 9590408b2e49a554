//! The settings (docs/scheduling.md), with their defaults and checks. Stored as text in
//! the collection's `config` table; parsed here so a bad value is refused
//! before it is written.

use crate::error::{Error, Result, suggest};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    pub day_starts_at_hour: u32,
    pub fuzz: bool,
    /// Once a card is answered, its siblings wait for the next day
    /// (docs/review-session.md, "Siblings").
    pub bury_siblings: bool,
    /// Daily copies of the collection kept in `backups/` (0: none), and
    /// copies kept of each kind made before a change (at least one);
    /// see docs/collection.md.
    pub backups_to_keep: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            new_per_day: 20,
            reviews_per_day: 200,
            day_starts_at_hour: 4,
            fuzz: true,
            bury_siblings: true,
            backups_to_keep: 7,
        }
    }
}

pub const KEYS: [&str; 6] = [
    "new_per_day",
    "reviews_per_day",
    "day_starts_at",
    "fuzz",
    "bury_siblings",
    "backups_to_keep",
];

impl Settings {
    /// Applies one stored or user-given value.
    pub fn set(&mut self, key: &str, value: &str) -> Result<()> {
        let value = value.trim();
        match key {
            "new_per_day" => self.new_per_day = parse_count("new_per_day", value)?,
            "reviews_per_day" => self.reviews_per_day = parse_count("reviews_per_day", value)?,
            "day_starts_at" => {
                let hour = parse_count("day_starts_at", value)?;
                if hour > 23 {
                    return Err(Error::BadSetting {
                        key: "day_starts_at",
                        expected: "an hour from 0 to 23",
                        value: hour.to_string(),
                    });
                }
                self.day_starts_at_hour = hour;
            }
            "fuzz" => self.fuzz = parse_switch("fuzz", value)?,
            "bury_siblings" => self.bury_siblings = parse_switch("bury_siblings", value)?,
            "backups_to_keep" => self.backups_to_keep = parse_count("backups_to_keep", value)?,
            _ => return Err(unknown_key(key)),
        }
        Ok(())
    }

    pub fn get(&self, key: &str) -> Result<String> {
        Ok(match key {
            "new_per_day" => self.new_per_day.to_string(),
            "reviews_per_day" => self.reviews_per_day.to_string(),
            "day_starts_at" => self.day_starts_at_hour.to_string(),
            "fuzz" => self.fuzz.to_string(),
            "bury_siblings" => self.bury_siblings.to_string(),
            "backups_to_keep" => self.backups_to_keep.to_string(),
            _ => return Err(unknown_key(key)),
        })
    }
}

/// `true`/`on`/`yes`/`1` or `false`/`off`/`no`/`0`, any case.
fn parse_switch(key: &'static str, value: &str) -> Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" => Ok(true),
        "false" | "off" | "no" | "0" => Ok(false),
        _ => Err(Error::BadSetting {
            key,
            expected: "true or false",
            value: format!("`{value}`"),
        }),
    }
}

fn parse_count(key: &'static str, value: &str) -> Result<u32> {
    value.parse::<u32>().map_err(|_| Error::BadSetting {
        key,
        expected: "a whole number ≥ 0",
        value: format!("`{value}`"),
    })
}

fn unknown_key(key: &str) -> Error {
    let hint = match suggest(key, KEYS) {
        Some(k) => format!(" (did you mean `{k}`?)"),
        None => format!(" (settings: {})", KEYS.join(", ")),
    };
    Error::UnknownSetting {
        key: key.to_string(),
        hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked() {
        let mut s = Settings::default();
        s.set("new_per_day", "5").unwrap();
        s.set("fuzz", "off").unwrap();
        s.set("day_starts_at", "0").unwrap();
        assert_eq!(
            s,
            Settings {
                new_per_day: 5,
                reviews_per_day: 200,
                day_starts_at_hour: 0,
                fuzz: false,
                bury_siblings: true,
                backups_to_keep: 7,
            }
        );
        assert!(s.set("day_starts_at", "24").is_err());
        assert!(s.set("new_per_day", "-1").is_err());
        assert!(s.set("fuzz", "maybe").is_err());
        s.set("bury_siblings", "off").unwrap();
        assert!(!s.bury_siblings);
        assert_eq!(s.get("bury_siblings").unwrap(), "false");
        let msg = s.set("new_per_dya", "1").unwrap_err().to_string();
        assert!(msg.contains("did you mean `new_per_day`"), "{msg}");
    }
}
