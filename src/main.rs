//! The `rehearse` binary: parse, run, choose the exit code. Nothing else.

use std::process::ExitCode;

use clap::Parser;
use rehearse::cli::{Cli, Outcome, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::PartialFailure) => ExitCode::from(1),
        Err(err) => {
            // A closed pipe (`rehearse cards | head`) is not a failure.
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.to_string() == "broken pipe"
    })
}
