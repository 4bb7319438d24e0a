//! The `dateline` command: parses arguments and hands over to the library.

mod cmd;

use std::process::ExitCode;

fn main() -> ExitCode {
    cmd::Cli::parse_args().run()
}
