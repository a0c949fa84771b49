//! What the command line accepts: every command and option, for clap.
//! Their words (summaries, help, examples, usage, and clap's own headings)
//! are in the command line's catalogue, `words.rs`, in Chinese and English;
//! [`command`] puts them in. What a command does is in [`crate::cmd`].

use std::path::PathBuf;

use clap::{Arg, ArgAction, Args, CommandFactory, Parser, Subcommand};

use crate::words::{self as cli, Lang};
use unionplan::messages;
use unionplan::render::Format;

#[derive(Parser)]
#[command(name = "unionplan", version)]
pub struct Cli {
    #[arg(long, global = true, value_enum, default_value = "human")]
    pub message_format: MessageFormat,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageFormat {
    Human,
    Json,
}

#[derive(Subcommand)]
pub enum Command {
    App(AppArgs),
    Init(InitArgs),
    Render(RenderArgs),
    Import(ImportArgs),
    Rollover(RolloverArgs),
    Batch(BatchArgs),
    Preview(PreviewArgs),
    Schema,
    Completions(CompletionsArgs),
    Man,
    Diff(DiffArgs),
    Validate(ValidateArgs),
}

#[derive(Args)]
pub struct InitArgs {
    #[arg(default_value = "plan.yaml")]
    pub path: PathBuf,
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub zh: bool,
    #[arg(long)]
    pub school: Option<String>,
    #[arg(long)]
    pub year: Option<i32>,
}

#[derive(Args)]
pub struct RenderArgs {
    #[arg(required = true)]
    pub specs: Vec<PathBuf>,
    #[arg(short, long, default_value = "out")]
    pub output: PathBuf,
    #[arg(short, long, value_delimiter = ',', value_parser = parse_format, default_value = "docx,md,html")]
    pub formats: Vec<Format>,
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub reference_doc: Option<PathBuf>,
}

#[derive(Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    #[arg(short, long, value_name = "SPEC")]
    pub output: Option<PathBuf>,
    #[arg(long, value_name = "N")]
    pub pick: Option<usize>,
    #[arg(long)]
    pub list: bool,
    #[arg(long)]
    pub zh: bool,
    #[arg(long)]
    pub force: bool,
}

#[derive(Args)]
pub struct RolloverArgs {
    pub spec: PathBuf,
    #[arg(long)]
    pub year: i32,
    #[arg(short, long, value_name = "NEW")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Args)]
pub struct BatchArgs {
    pub district: PathBuf,
    #[arg(short, long, default_value = "out")]
    pub output: PathBuf,
    #[arg(short, long, value_delimiter = ',', value_parser = parse_format)]
    pub formats: Option<Vec<Format>>,
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    #[arg(long)]
    pub flat: bool,
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub reference_doc: Option<PathBuf>,
}

#[derive(Args)]
pub struct AppArgs {
    pub folder: Option<PathBuf>,
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    #[arg(long)]
    pub no_open: bool,
}

#[derive(Args)]
pub struct PreviewArgs {
    pub spec: PathBuf,
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Args)]
pub struct CompletionsArgs {
    pub shell: clap_complete::Shell,
}

#[derive(Args)]
pub struct DiffArgs {
    pub old: PathBuf,
    pub new: PathBuf,
    #[arg(long)]
    pub docx: Option<PathBuf>,
}

#[derive(Args)]
pub struct ValidateArgs {
    #[arg(required = true)]
    pub specs: Vec<PathBuf>,
}

pub fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| messages::bad_format(s).into())
}

/// The command line with its words in `lang`: summaries, usage, examples,
/// every option's help and value name, and the headings and help flags
/// clap would write in English.
pub fn command(lang: Lang) -> clap::Command {
    let labels = cli::labels(lang);
    let root = words(Cli::command(), "", lang, &labels)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(labels.version_flag),
        )
        .disable_help_subcommand(true)
        .subcommand(
            clap::Command::new("help")
                .about(labels.help_command)
                .arg(Arg::new("command").value_name(labels.command_value)),
        );
    root.mut_subcommands(|c| {
        let name = c.get_name().to_string();
        if name == "help" {
            let template = help_template(&c, &labels);
            return c.help_template(template);
        }
        words(c, &name, lang, &labels)
    })
}

fn words(c: clap::Command, name: &str, lang: Lang, labels: &cli::Labels) -> clap::Command {
    let text = cli::COMMANDS
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no words for the command {name:?}"));
    let mut c = c
        .about(text.about(lang))
        .override_usage(text.usage(lang))
        .after_help(text.after(lang))
        .subcommand_help_heading(labels.commands)
        .subcommand_value_name(labels.command_value)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(labels.help_flag),
        );
    for a in cli::ARGS.iter().filter(|a| a.command == name) {
        c = c.mut_arg(a.id, |arg| {
            let arg = arg.help(a.help(lang));
            match a.value_name(lang) {
                Some(v) => arg.value_name(v),
                None => arg,
            }
        });
    }
    // clap's `[default: out]` and `[possible values: …]` are English: the
    // help texts say them instead.
    let c = c.mut_args(|arg| {
        if arg.get_action().takes_values() {
            arg.hide_default_value(true).hide_possible_values(true)
        } else {
            arg
        }
    });
    let template = help_template(&c, labels);
    c.help_template(template)
}

/// The help page's layout, with headings in the catalogue's words and
/// only the sections the command has.
fn help_template(c: &clap::Command, labels: &cli::Labels) -> String {
    let mut t = format!("{{about-with-newline}}\n{}{{usage}}\n", labels.usage);
    if c.has_subcommands() {
        t.push_str(&format!("\n{}\n{{subcommands}}\n", labels.commands));
    }
    if c.get_positionals().next().is_some() {
        t.push_str(&format!("\n{}\n{{positionals}}\n", labels.arguments));
    }
    t.push_str(&format!("\n{}\n{{options}}{{after-help}}", labels.options));
    t
}

/// What the command line asks for: a command to run, or a help page to
/// print (`unionplan help render`).
pub enum Parsed {
    /// Run this.
    Run(Cli),
    /// Print this help page, and exit 0.
    Help(clap::builder::StyledStr),
}

/// The command line as given, or clap's refusal (which includes help and
/// version asked for with `--help` and `--version`); [`crate::output`]
/// says either in the user's language.
pub fn parse(lang: Lang) -> Result<Parsed, clap::Error> {
    use clap::FromArgMatches;
    let mut cmd = command(lang);
    let matches = cmd.try_get_matches_from_mut(std::env::args_os())?;
    if let Some(("help", m)) = matches.subcommand() {
        let help = match m
            .get_one::<String>("command")
            .and_then(|n| cmd.find_subcommand_mut(n))
        {
            Some(sub) => sub.render_help(),
            None => cmd.render_help(),
        };
        return Ok(Parsed::Help(help));
    }
    Cli::from_arg_matches(&matches).map(Parsed::Run)
}
