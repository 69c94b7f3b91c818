//! The `mend` binary: everything lives in the library crate.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = mend::cli::Cli::parse();
    match mend::cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("mend: {error:#}");
            ExitCode::FAILURE
        }
    }
}
