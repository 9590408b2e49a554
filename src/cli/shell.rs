//! Shell habits: `rehearse completions SHELL` prints a completion script
//! (clap_complete) and `rehearse manpage` the manual page in roff
//! (clap_mangen), both made from the same clap definition as the parser,
//! so they never drift from the commands (README, "Shell completions").

use clap::{Args as ClapArgs, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Outcome};

#[derive(ClapArgs, Debug)]
pub struct CompletionArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: Shell,
}

pub fn completions(args: CompletionArgs) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "rehearse", &mut out);
    write_out(&out)?;
    Ok(Outcome::Success)
}

pub fn manpage() -> anyhow::Result<Outcome> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    write_out(&out)?;
    Ok(Outcome::Success)
}

/// Generated text goes to stdout as it is: a script or a roff page that
/// was written by us, not read from outside.
fn write_out(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()
}
