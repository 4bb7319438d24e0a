//! Command-line arguments and how each command reports to the terminal.

use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dateline::serve::{self, ServeOptions};
use dateline::{BuildError, BuildOptions, Diagnostics, build};

/// A static-site generator for timelines.
#[derive(Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    /// The site's folder, holding dateline.yaml.
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render the site into site/ (or --output).
    Build {
        /// Include notes marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Write here instead of <root>/site.
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// The URL the site will be published at (overrides dateline.yaml).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Build the site, serve it on 127.0.0.1:1111, rebuild it on every
    /// change and reload the browser.
    Serve {
        /// The port (default 1111, or the next free one; 0: any free port).
        #[arg(long, value_name = "N")]
        port: Option<u16>,
        /// The address to listen on; anything but loopback opens the
        /// preview to the network.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1", value_parser = parse_ip)]
        bind: IpAddr,
        /// Include notes marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Open the site in the browser once built.
        #[arg(long)]
        open: bool,
        /// Poll the files for changes, for file systems that send no change
        /// events (network shares, some containers).
        #[arg(long)]
        poll: bool,
    },
    /// Check every note and link; write nothing.
    Check {
        /// Include notes marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
}

impl Cli {
    /// Runs the command and returns the exit code: 0 ok, 1 content errors, 2 usage errors.
    pub fn run(self) -> ExitCode {
        match self.command {
            Command::Build {
                drafts,
                output,
                base_url,
            } => {
                let options = BuildOptions {
                    root: self.root.clone(),
                    output,
                    drafts,
                    base_url,
                };
                match build::build(&options) {
                    Ok(summary) => {
                        report(&self.root, summary.warnings);
                        println!(
                            "built {} events and {} sources: {} files in {} ({} ms)",
                            summary.events,
                            summary.sources,
                            summary.pages,
                            build::output_dir(&options).display(),
                            summary.elapsed.as_millis()
                        );
                        ExitCode::SUCCESS
                    }
                    Err(err) => failure(&self.root, err, Mode::Build),
                }
            }
            Command::Serve {
                port,
                bind,
                drafts,
                open,
                poll,
            } => {
                let options = ServeOptions {
                    root: self.root.clone(),
                    port,
                    bind,
                    drafts,
                    open,
                    poll,
                };
                match serve::run(&options) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(err) => {
                        eprintln!("error: {}", err.0);
                        ExitCode::from(2)
                    }
                }
            }
            Command::Check { drafts } => {
                let options = BuildOptions {
                    root: self.root.clone(),
                    drafts,
                    ..BuildOptions::default()
                };
                match build::render(&options) {
                    Ok((site, _, warnings)) => {
                        let (_, count) = warnings.counts();
                        report(&self.root, warnings);
                        println!(
                            "checked {} events and {} sources: no errors, {count} warning{}",
                            site.events.len(),
                            site.sources.len(),
                            if count == 1 { "" } else { "s" }
                        );
                        ExitCode::SUCCESS
                    }
                    Err(err) => failure(&self.root, err, Mode::Check),
                }
            }
        }
    }
}

/// An IP address, or `localhost`.
fn parse_ip(text: &str) -> Result<IpAddr, String> {
    if text == "localhost" {
        return Ok(IpAddr::from([127, 0, 0, 1]));
    }
    text.parse()
        .map_err(|_| format!("`{text}` is not an IP address (such as 127.0.0.1 or ::1)"))
}

/// Which command failed, for the closing line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Build,
    Check,
}

fn failure(root: &Path, err: BuildError, mode: Mode) -> ExitCode {
    match err {
        BuildError::Content(diagnostics) => {
            let (errors, warnings) = diagnostics.counts();
            report(root, diagnostics);
            let counts = format!(
                "{errors} error{} and {warnings} warning{}",
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" }
            );
            match mode {
                Mode::Build => eprintln!(
                    "error: the build failed with {counts}; the previous site was left as it was"
                ),
                Mode::Check => eprintln!("error: the check found {counts}"),
            }
            ExitCode::from(1)
        }
        BuildError::Usage(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        BuildError::Write(err) => {
            eprintln!("error: {err}\nThe previous site was left as it was.");
            ExitCode::from(1)
        }
    }
}

/// Prints every problem to stderr, paths relative to where the user is.
fn report(root: &Path, mut diagnostics: Diagnostics) {
    if root == Path::new(".") {
        diagnostics.relative_to(Path::new("."));
    }
    let mut out = std::io::stderr().lock();
    for diagnostic in diagnostics.sorted() {
        let _ = writeln!(out, "{diagnostic}\n");
    }
}
