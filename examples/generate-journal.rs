//! Writes a synthetic journal, for trying mend at scale and for benchmarks.
//!
//! ```sh
//! cargo run --release --example generate-journal -- /tmp/big-journal 10000
//! MEND_HOME=/tmp/big-journal cargo run --release
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(count)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: generate-journal DIR COUNT [SEED]");
        return ExitCode::from(2);
    };
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let newest = chrono::Local::now().fixed_offset();
    match mend::synthetic::generate(&PathBuf::from(&dir), count, seed, newest) {
        Ok(()) => {
            println!("wrote {count} entries to {dir}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate-journal: {e}");
            ExitCode::FAILURE
        }
    }
}
