//! The `dateline` command: its arguments, and one module per command, each
//! handing over to the library and telling the terminal what came of it
//! through the one reporter ([`report`]).

mod build;
mod import;
mod new;
mod progress;
mod report;
mod serve;

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

/// Prints a line to stdout; a closed pipe (`dateline check | head`) is not
/// an error worth a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}
pub(crate) use say;

/// A static-site generator for timelines.
#[derive(Parser)]
#[command(version, about, long_about = None)]
pub(crate) struct Cli {
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
        /// Print how long each stage took.
        #[arg(long)]
        timings: bool,
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
    /// Check every note, date, source and link; write nothing.
    Check {
        /// Include notes marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// How to print the problems.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Warn of each note without a translation into one of the site's
        /// `languages:`.
        #[arg(long)]
        translations: bool,
    },
    /// Write a new event note (or, with `new source`, a source note).
    New(Box<NewArgs>),
    /// Create a new site with an example event and source, and a workflow
    /// that publishes it to GitHub Pages.
    Init {
        /// The folder to create the site in.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Write into a folder that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// Write the default theme's templates and style sheet into templates/, for editing; never overwrites.
    Theme,
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write notes from another timeline tool's file.
    Import(ImportArgs),
}

#[derive(Args)]
struct ImportArgs {
    #[command(subcommand)]
    from: ImportFrom,
}

#[derive(Subcommand)]
enum ImportFrom {
    /// Read a TimelineJS JSON file, or the CSV of its Google Sheets template, into notes.
    Timelinejs {
        /// The file to read.
        file: PathBuf,
        /// Print what would be written; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// For people: each problem with its line and a caret under it.
    Human,
    /// One JSON document, for editors and CI.
    Json,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct NewArgs {
    #[command(subcommand)]
    source: Option<NewSourceCommand>,
    /// What happened, as a headline.
    title: Option<String>,
    /// When, in EDTF: 2022-02-21, 2023-10/2024-03, '[2023-10..2024-03]', 2023~ ...
    #[arg(long)]
    date: Option<String>,
    /// Tags, separated by commas.
    #[arg(long, value_delimiter = ',')]
    tags: Vec<String>,
    /// Ids of the source notes it rests on, separated by commas.
    #[arg(long, value_delimiter = ',')]
    sources: Vec<String>,
    /// The page's URL name (default: made from the title).
    #[arg(long)]
    slug: Option<String>,
    /// One or two sentences for the timeline's card.
    #[arg(long)]
    summary: Option<String>,
    /// The terms of each other taxonomy the site declares, given as
    /// `--<taxonomy> a,b` (see [`Cli::parse_args`]).
    #[arg(skip)]
    terms: Vec<(String, Vec<String>)>,
}

#[derive(Subcommand)]
pub(crate) enum NewSourceCommand {
    /// Write a new source note, content/sources/<ID>.md.
    Source {
        /// The id events will cite it by.
        id: String,
        /// The headline, as the outlet printed it.
        #[arg(long)]
        title: String,
        /// Who published it.
        #[arg(long)]
        outlet: String,
        /// The article's address (never invent one).
        #[arg(long)]
        url: Option<String>,
        /// When it was published, in EDTF.
        #[arg(long)]
        published: Option<String>,
    },
}

impl Cli {
    /// Parses the command line. `dateline new` takes a flag for each
    /// taxonomy the site's `dateline.yaml` declares (`--people "Neil
    /// Armstrong"`), which only the site knows: its settings are read
    /// first, from `--root` or the current folder, and unreadable settings
    /// add no flag (the command then says what is wrong with them).
    pub(crate) fn parse_args() -> Cli {
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let mut command = Cli::command();
        let mut added = Vec::new();
        if args.iter().any(|a| a == "new") {
            let taken: Vec<String> = command
                .find_subcommand("new")
                .map(|new| {
                    new.get_arguments()
                        .filter_map(|a| a.get_long())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            added = taxonomies(&args)
                .into_iter()
                .filter(|name| {
                    !taken.contains(name) && !["root", "help", "version"].contains(&name.as_str())
                })
                .collect();
            for name in &added {
                // clap names arguments by `&'static str`: a few names, once a run.
                let name: &'static str = Box::leak(name.clone().into_boxed_str());
                command = command.mut_subcommand("new", |new| {
                    new.arg(
                        Arg::new(name)
                            .long(name)
                            .value_name("TERMS")
                            .value_delimiter(',')
                            .action(ArgAction::Append)
                            .help(format!(
                                "Terms of the site's taxonomy `{name}`, separated by commas"
                            )),
                    )
                });
            }
        }
        let matches = command.get_matches_from(&args);
        let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit());
        if let (Command::New(new), Some(("new", given))) = (&mut cli.command, matches.subcommand())
        {
            for name in added {
                if let Some(terms) = given.get_many::<String>(&name) {
                    let terms = terms.cloned().collect();
                    new.terms.push((name, terms));
                }
            }
        }
        cli
    }

    /// Runs the command and returns the exit code: 0 ok, 1 content errors, 2 usage errors.
    pub(crate) fn run(self) -> ExitCode {
        let root = self.root;
        match self.command {
            Command::Build {
                drafts,
                output,
                base_url,
                timings,
            } => build::build(&root, drafts, output, base_url, timings),
            Command::Serve {
                port,
                bind,
                drafts,
                open,
                poll,
            } => serve::serve(dateline::serve::ServeOptions {
                root,
                port,
                bind,
                drafts,
                open,
                poll,
            }),
            Command::Check {
                drafts,
                format,
                translations,
            } => build::check(&root, drafts, format, translations),
            Command::New(args) => new::new(&root, *args),
            Command::Init { dir, force } => new::init(&dir, force),
            Command::Theme => new::theme(&root),
            Command::Completions { shell } => {
                clap_complete::generate(
                    shell,
                    &mut Cli::command(),
                    "dateline",
                    &mut std::io::stdout(),
                );
                ExitCode::SUCCESS
            }
            Command::Import(ImportArgs {
                from: ImportFrom::Timelinejs { file, dry_run },
            }) => import::timelinejs(&root, &file, dry_run),
        }
    }
}

/// The taxonomies of the site `args` name (`--root DIR`, or the current
/// folder), or none when its settings cannot be read.
fn taxonomies(args: &[std::ffi::OsString]) -> Vec<String> {
    let mut root = PathBuf::from(".");
    for (i, arg) in args.iter().enumerate() {
        if arg == "--root" {
            if let Some(dir) = args.get(i + 1) {
                root = PathBuf::from(dir);
            }
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--root=")) {
            root = PathBuf::from(dir);
        }
    }
    let path = root.join("dateline.yaml");
    std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| dateline::Config::parse(&path, &text).ok())
        .map(|config| config.taxonomies)
        .unwrap_or_default()
}

/// An IP address, or `localhost`.
fn parse_ip(text: &str) -> Result<IpAddr, String> {
    if text == "localhost" {
        return Ok(IpAddr::from([127, 0, 0, 1]));
    }
    text.parse()
        .map_err(|_| format!("`{text}` is not an IP address (such as 127.0.0.1 or ::1)"))
}
