//! Shell habits through the binary: completion scripts, the man page and
//! the examples under `--help` (README, "Shell completions").

mod common;

use common::Env;

#[test]
fn completions_are_printed_for_every_shell_without_a_collection() {
    let env = Env::new();
    for (shell, marker) in [
        ("bash", "complete -F _rehearse"),
        ("zsh", "#compdef rehearse"),
        ("fish", "complete -c rehearse"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = env.run(&["completions", shell]).ok();
        assert!(
            script.contains(marker),
            "{shell}: no `{marker}` in\n{script}"
        );
        assert!(script.contains("review"), "{shell} completes no subcommand");
    }
    let err = env.run(&["completions", "nosh"]).fails(2);
    assert!(err.contains("invalid value 'nosh'"), "{err}");
    assert!(!env.db.exists(), "completions need no collection");
}

#[test]
fn manpage_is_roff_naming_every_command() {
    let env = Env::new();
    let page = env.run(&["manpage"]).ok();
    assert!(page.contains(".TH rehearse 1"), "{page}");
    for command in ["review", "lesson", "import", "stats", "completions"] {
        assert!(
            page.contains(command),
            "`{command}` missing from the man page"
        );
    }
    assert!(!env.db.exists());
}

#[test]
fn help_of_the_main_commands_shows_examples() {
    let env = Env::new();
    for command in [
        &["--help"][..],
        &["review", "--help"],
        &["lesson", "--help"],
        &["import", "--help"],
        &["decks", "--help"],
        &["cards", "--help"],
        &["stats", "--help"],
    ] {
        let help = env.run(command).ok();
        assert!(
            help.contains("Examples:\n  rehearse "),
            "{command:?}:\n{help}"
        );
    }
}
