//! The `dateline` command: parses arguments and hands over to the library.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    cmd::Cli::parse().run()
}
