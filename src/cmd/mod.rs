//! Command-line arguments, and how each command reports to the terminal.

use std::io::{IsTerminal, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod progress;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use dateline::scaffold::{self, NewEvent, NewSource, ScaffoldError};
use dateline::serve::{self, ServeOptions};
use dateline::{BuildError, BuildOptions, Diagnostics, build, report};

/// Prints a line to stdout; a closed pipe (`dateline check | head`) is not
/// an error worth a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

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
    },
    /// Write a new event note (or, with `new source`, a source note).
    New(NewArgs),
    /// Create a new site with an example event and source.
    Init {
        /// The folder to create the site in.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Write into a folder that is not empty.
        #[arg(long)]
        force: bool,
    },
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
enum Format {
    /// For people: each problem with its line and a caret under it.
    Human,
    /// One JSON document, for editors and CI.
    Json,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
struct NewArgs {
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
}

#[derive(Subcommand)]
enum NewSourceCommand {
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
    /// Runs the command and returns the exit code: 0 ok, 1 content errors, 2 usage errors.
    pub fn run(self) -> ExitCode {
        let root = self.root;
        match self.command {
            Command::Build {
                drafts,
                output,
                base_url,
                timings,
            } => {
                let options = BuildOptions {
                    root: root.clone(),
                    output,
                    drafts,
                    base_url,
                };
                if timings {
                    dateline::timings::enable();
                }
                let bar = progress::Bar::on_terminal();
                let built = build::build(&options, &bar);
                bar.finish();
                match built {
                    Ok(summary) => {
                        report_all(&root, &summary.warnings);
                        if timings {
                            print_timings(&summary.stages);
                        }
                        say!(
                            "built {} and {}: {} files in {} in {} ms{}",
                            plural(summary.events, "event"),
                            plural(summary.sources, "source"),
                            summary.pages,
                            build::output_dir(&options).display(),
                            summary.elapsed.as_millis(),
                            warnings_suffix(&summary.warnings)
                        );
                        ExitCode::SUCCESS
                    }
                    Err(err) => failure(
                        &root,
                        err,
                        "the build failed; the previous site was left as it was",
                    ),
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
                    root: root.clone(),
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
            Command::Check { drafts, format } => check(&root, drafts, format),
            Command::New(args) => new(&root, args),
            Command::Init { dir, force } => init(&dir, force),
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
            }) => ExitCode::from(dateline::import::run_timelinejs(&root, &file, dry_run)),
        }
    }
}

fn check(root: &Path, drafts: bool, format: Format) -> ExitCode {
    let options = BuildOptions {
        root: root.to_path_buf(),
        drafts,
        ..BuildOptions::default()
    };
    let result = build::check(&options);
    if format == Format::Json {
        let (mut diagnostics, code) = match result {
            Ok((_, warnings)) => (warnings, ExitCode::SUCCESS),
            Err(BuildError::Content(diagnostics)) => (diagnostics, ExitCode::from(1)),
            Err(err) => return failure(root, err, "the check failed"),
        };
        relative(root, &mut diagnostics);
        say!("{}", diagnostics.to_json_text());
        return code;
    }
    match result {
        Ok((site, warnings)) => {
            report_all(root, &warnings);
            say!(
                "checked {} and {}: {}",
                plural(site.events.len(), "event"),
                plural(site.sources.len(), "source"),
                report::counts(&warnings)
            );
            ExitCode::SUCCESS
        }
        Err(err) => failure(root, err, "the check found errors"),
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

fn new(root: &Path, args: NewArgs) -> ExitCode {
    let written = match args.source {
        Some(NewSourceCommand::Source {
            id,
            title,
            outlet,
            url,
            published,
        }) => scaffold::new_source(
            root,
            &NewSource {
                id,
                title,
                outlet,
                url,
                published,
            },
        ),
        None => {
            let (Some(title), Some(date)) = (args.title, args.date) else {
                eprintln!(
                    "error: `dateline new` needs a title and a date\n  = hint: dateline new \"What happened\" --date 2022-02-21 --sources some-source"
                );
                return ExitCode::from(2);
            };
            let event = NewEvent {
                title,
                date,
                tags: args.tags,
                sources: args.sources,
                slug: args.slug,
            };
            scaffold::new_event(root, &event)
        }
    };
    match written {
        Ok(path) => {
            say!("{}", display(root, &path));
            ExitCode::SUCCESS
        }
        Err(err) => scaffold_failure(&err),
    }
}

fn init(dir: &Path, force: bool) -> ExitCode {
    match scaffold::init(dir, force) {
        Ok(files) => {
            for file in &files {
                say!("wrote {}", file.display());
            }
            let cd = if dir == Path::new(".") {
                String::new()
            } else {
                format!("cd {} && ", dir.display())
            };
            say!("a new site is ready: {cd}dateline build");
            ExitCode::SUCCESS
        }
        Err(err) => scaffold_failure(&err),
    }
}

fn scaffold_failure(err: &ScaffoldError) -> ExitCode {
    let mut out = std::io::stderr().lock();
    let _ = writeln!(out, "error: {}", err.message);
    if let Some(hint) = &err.hint {
        let _ = writeln!(out, "  = hint: {hint}");
    }
    ExitCode::from(if err.usage { 2 } else { 1 })
}

fn failure(root: &Path, err: BuildError, closing: &str) -> ExitCode {
    match err {
        BuildError::Content(diagnostics) => {
            report_all(root, &diagnostics);
            eprintln!("error: {closing} ({})", report::counts(&diagnostics));
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

/// Prints every problem to stderr, in colour on a terminal unless NO_COLOR is set.
fn report_all(root: &Path, diagnostics: &Diagnostics) {
    if diagnostics.is_empty() {
        return;
    }
    let mut diagnostics = diagnostics.clone();
    relative(root, &mut diagnostics);
    let stderr = std::io::stderr();
    let color = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let _ = write!(stderr.lock(), "{}", report::render(&diagnostics, color));
}

/// The wall time of each stage, then the time each kind of work within them
/// took, summed over the threads that shared it.
fn print_timings(stages: &[(&'static str, std::time::Duration)]) {
    let ms = |took: &std::time::Duration| took.as_secs_f64() * 1000.0;
    eprintln!("wall time of each stage:");
    for (stage, took) in stages {
        eprintln!("{stage:>18}: {:>8.1} ms", ms(took));
    }
    eprintln!("time of the work within them, summed over threads:");
    for (work, took) in dateline::timings::spent() {
        eprintln!("{work:>18}: {:>8.1} ms", ms(&took));
    }
}

fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

fn warnings_suffix(warnings: &Diagnostics) -> String {
    match warnings.counts().1 {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    }
}

/// Paths as the user would type them: relative to the current folder when
/// the site is the current folder.
fn relative(root: &Path, diagnostics: &mut Diagnostics) {
    if root == Path::new(".") {
        diagnostics.relative_to(Path::new("."));
    }
}

fn display(root: &Path, path: &Path) -> String {
    if root == Path::new(".") {
        path.strip_prefix(".").unwrap_or(path).display().to_string()
    } else {
        path.display().to_string()
    }
}
