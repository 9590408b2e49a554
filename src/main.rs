//! The `rehearse` binary: parse, run, choose the exit code. Nothing else.

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;
use rehearse::cli::{Cli, Outcome, print_err, report_panics_safely, run};

fn main() -> ExitCode {
    report_panics_safely();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err)
            if matches!(
                err.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                    | ErrorKind::DisplayVersion
            ) =>
        {
            err.exit()
        }
        Err(err) => {
            // A usage error echoes the arguments, which may hold a card id or
            // deck name copied from a hostile deck: show it plain and safe.
            print_err(err.render().to_string().trim_end());
            return ExitCode::from(err.exit_code() as u8);
        }
    };
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::PartialFailure) => ExitCode::from(1),
        Err(err) => {
            // A closed pipe (`rehearse cards | head`) is not a failure.
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // Messages name card ids, deck and file names: shown safely.
            print_err(&format!("error: {err:#}"));
            ExitCode::from(1)
        }
    }
}

/// The error, or one of its causes, is a write to a closed pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
