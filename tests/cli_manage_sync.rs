//! `delete`, `edit` and `deck rename` reach another collection through
//! `rehearse sync` (docs/sync.md, docs/managing.md): a deleted card is
//! deleted there, an edited one takes the new text, a renamed deck's cards
//! move to the new name.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{Env, ids};

fn on(env: &Env, db: &Path, args: &[&str]) -> common::Cmd {
    env.run(args).db(db)
}

#[test]
fn managing_changes_travel_by_sync() {
    let env = Env::new();
    let dir = env.path("sync");
    std::fs::create_dir_all(&dir).unwrap();
    let sync = dir.to_str().unwrap();
    let (laptop, desktop) = (env.path("laptop.db"), env.path("desktop.db"));
    on(&env, &laptop, &["config", "device", "laptop"]).ok();
    on(&env, &desktop, &["config", "device", "desktop"]).ok();
    env.deck(
        "go.toml",
        "Go",
        &[
            ("chan", "What is a channel?", "A pipe"),
            ("gor", "Goroutine?", "A thread"),
        ],
    );
    on(&env, &laptop, &["import", "go.toml"]).ok();
    on(&env, &laptop, &["sync", sync]).ok();
    on(&env, &desktop, &["sync", sync]).ok();
    assert_eq!(ids(&on(&env, &desktop, &["cards"]).json()), ["chan", "gor"]);

    let editor = env.write(
        "ed.sh",
        "#!/bin/sh\nsed -i 's/^back = .*/back = \"A typed pipe\"/' \"$1\"\n",
    );
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    on(&env, &laptop, &["edit", "chan"])
        .env("EDITOR", &editor)
        .ok();
    on(&env, &laptop, &["delete", "gor"]).ok();
    on(&env, &laptop, &["sync", sync]).ok();
    on(&env, &desktop, &["sync", sync]).ok();
    let cards = on(&env, &desktop, &["cards"]).json();
    assert_eq!(ids(&cards), ["chan"]);
    assert_eq!(cards[0]["back"], "A typed pipe");

    on(&env, &laptop, &["deck", "rename", "go", "Golang"]).ok();
    on(&env, &laptop, &["sync", sync]).ok();
    on(&env, &desktop, &["sync", sync]).ok();
    let cards = on(&env, &desktop, &["cards"]).json();
    assert_eq!(ids(&cards), ["chan"]);
    assert_eq!(cards[0]["deck"], "Golang");
}
