//! `rehearse config [KEY [VALUE]]`: show or set the settings (docs/scheduling.md).

use clap::Args as ClapArgs;

use super::{Ctx, Outcome, print, print_json};
use crate::settings::KEYS;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// new_per_day, reviews_per_day, day_starts_at, fuzz, bury_siblings, backups_to_keep, or device (the name this collection syncs under)
    key: Option<String>,
    /// The new value
    value: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    // Setting a value may start a collection; showing one never creates it.
    let mut collection = match args.value {
        Some(_) => ctx.open()?,
        None => ctx.open_existing()?,
    };
    if args.key.as_deref() == Some("device") {
        // The name this collection syncs under (docs/sync.md), not a setting.
        if let Some(name) = &args.value {
            collection.set_sync_device(name)?;
        }
        let device = collection.sync_device()?;
        if ctx.json {
            print_json(&serde_json::json!({ "device": device }))?;
        } else {
            print(&device)?;
        }
        return Ok(Outcome::Success);
    }
    let settings = match (&args.key, &args.value) {
        (Some(key), Some(value)) => collection.set_setting(key, value)?,
        _ => collection.settings()?,
    };
    let keys: Vec<&str> = match &args.key {
        Some(key) => {
            settings.get(key)?;
            vec![key.as_str()]
        }
        None => KEYS.to_vec(),
    };
    if ctx.json {
        let mut map = serde_json::Map::new();
        for key in &keys {
            let value = settings.get(key)?;
            let json = serde_json::from_str(&value).unwrap_or(serde_json::Value::String(value));
            map.insert(key.to_string(), json);
        }
        print_json(&map)?;
    } else if args.key.is_some() && args.value.is_none() {
        print(&settings.get(keys[0])?)?;
    } else {
        let lines: Vec<String> = keys
            .iter()
            .map(|k| Ok(format!("{k} = {}", settings.get(k)?)))
            .collect::<crate::error::Result<_>>()?;
        print(&lines.join("\n"))?;
    }
    Ok(Outcome::Success)
}
