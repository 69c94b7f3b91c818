//! The `mend` binary: everything lives in the library crate.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // The shell's completion script asks here, before anything is printed.
    mend::cli::answer_completion_if_asked();
    let cli = mend::cli::Cli::parse();
    match mend::cli::run(cli) {
        Ok(code) => code,
        // Output piped into `head` and closed early is not a failure.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) if error.is::<mend::cli::UsageError>() => {
            eprintln!("mend: {error:#}");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!("mend: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
