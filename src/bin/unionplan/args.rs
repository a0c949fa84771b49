//! The command line's words: every command, option and its help, for
//! clap. What a command does is in [`crate::cmd`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use unionplan::messages;
use unionplan::render::Format;

#[derive(Parser)]
#[command(
    name = "unionplan",
    version,
    about = "Turn a YAML plan spec into a school union work plan (学校工会工作计划) as Word, Markdown and HTML.",
    after_help = "Examples:\n  unionplan init my-plan.yaml\n  unionplan render my-plan.yaml\n  unionplan render a.yaml b.yaml -o plans -f docx,html\n  unionplan validate my-plan.yaml"
)]
pub struct Cli {
    /// How errors are printed: for people, or as JSON lines for tools.
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
    /// Write a complete, realistic example spec to edit.
    #[command(
        after_help = "Examples:\n  unionplan init my-plan.yaml\n  unionplan init my-plan.yaml --school 礼河实验学校 --year 2026\n  unionplan init my-plan.yaml --zh          # with Chinese keys (学校、年度 …)\n\nIt asks nothing. An existing file is never replaced unless --force is given."
    )]
    Init(InitArgs),
    /// Render specs into DOCX, Markdown and HTML files.
    #[command(
        after_help = "Examples:\n  unionplan render my-plan.yaml                 # out/my-plan.docx, .md, .html\n  unionplan render a.yaml b.yaml -o plans -f docx,html\n  unionplan render my-plan.yaml --templates my-templates\n\nEach output is named after its spec's file name. A spec with errors gets\nno files at all; the others are still rendered. Exit code 1 if any failed."
    )]
    Render(RenderArgs),
    /// Turn an existing plan (Word, web page, Markdown or text) into a spec to edit.
    #[command(
        after_help = "Examples:\n  unionplan import 2024工会工作计划.docx -o lihe-2025.yaml\n  unionplan import 网页.html --list            # the plans a page holds\n  unionplan import 网页.html --pick 2 -o plan.yaml\n  unionplan import plan.txt                    # the spec on standard output\n\nReads .docx, .html, .md and .txt (UTF-8 or GBK). Web-page noise is left out;\nwhat could not be placed is kept in a comment block at the end, and every\nguess is marked with a \"# 请核对\" comment. A report goes to standard error.\nAn existing file is never replaced unless --force is given."
    )]
    Import(ImportArgs),
    /// Write next year's spec from this year's: year, dates and years in text moved.
    #[command(
        after_help = "Examples:\n  unionplan rollover lihe-2025.yaml --year 2026          # writes lihe-2026.yaml\n  unionplan rollover lihe-2025.yaml --year 2026 --dry-run\n  unionplan rollover plan.yaml --year 2026 -o 2026/plan.yaml\n\nThe original file is never changed, and an existing file is not replaced\nwithout --force. Comments and formatting are kept: only the changed\nnumbers are edited. Every change is printed, and the lines a person\nshould check (other years, 29 February, extends)."
    )]
    Rollover(RolloverArgs),
    /// Render the plans of many schools from one district file.
    #[command(
        after_help = "Example:\n  unionplan batch district.yaml -o plans/\n\ndistrict.yaml:\n  base: common.yaml          # the spec all schools share\n  schools:                   # each entry overrides the base\n    - school: 礼河实验学校\n    - spec: schools/dali.yaml\n  roster: schools.csv        # or one row per school (CSV or XLSX)\n  formats: [docx, html]      # optional, default all\n\nOne school's errors fail that school alone; the others are still\nproduced, and the exit code is 1. index.html lists every school."
    )]
    Batch(BatchArgs),
    /// Show the plan in a browser, re-rendered whenever the spec changes.
    #[command(
        after_help = "Example:\n  unionplan preview my-plan.yaml              # prints the address to open\n  unionplan preview my-plan.yaml --port 8080\n\nServes on 127.0.0.1 only. The page reloads itself when the spec, a file\nit extends or a template changes; errors show on the page."
    )]
    Preview(PreviewArgs),
    /// Print the JSON Schema of the spec, for editors.
    #[command(
        after_help = "Example:\n  unionplan schema > unionplan.schema.json\n\nThen start a spec with\n  # yaml-language-server: $schema=unionplan.schema.json\nand VS Code's YAML extension completes keys (English and Chinese) and\nflags mistakes as you type."
    )]
    Schema,
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  unionplan completions bash > ~/.local/share/bash-completion/completions/unionplan\n  unionplan completions zsh > ~/.zfunc/_unionplan\n  unionplan completions fish > ~/.config/fish/completions/unionplan.fish\n  unionplan completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    #[command(
        after_help = "Example:\n  unionplan man > ~/.local/share/man/man1/unionplan.1 && man unionplan"
    )]
    Man,
    /// What changed between two plans: sections, items added, removed, changed, moved.
    #[command(
        after_help = "Example:\n  unionplan diff lihe-2025.yaml lihe-2026.yaml\n\nBoth specs are read with what they extend. Exit code 0 whether or not\nthey differ; 1 if either is invalid."
    )]
    Diff(DiffArgs),
    /// Check specs without writing anything; every problem is listed.
    #[command(
        after_help = "Example:\n  unionplan validate my-plan.yaml\n\nExit code 0 if every spec is valid, 1 otherwise."
    )]
    Validate(ValidateArgs),
}

#[derive(Args)]
pub struct InitArgs {
    /// Where to write the example.
    #[arg(default_value = "plan.yaml")]
    pub path: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Write the keys in Chinese (学校、年度、指导思想 …).
    #[arg(long)]
    pub zh: bool,
    /// The school's name, filled in everywhere the example names its school.
    #[arg(long)]
    pub school: Option<String>,
    /// The plan's year; the example's dates move with it.
    #[arg(long)]
    pub year: Option<i32>,
}

#[derive(Args)]
pub struct RenderArgs {
    /// The spec files.
    #[arg(required = true)]
    pub specs: Vec<PathBuf>,
    /// The folder to write into.
    #[arg(short, long, default_value = "out")]
    pub output: PathBuf,
    /// Comma-separated list of formats: docx, md, html.
    #[arg(short, long, value_delimiter = ',', value_parser = parse_format, default_value = "docx,md,html")]
    pub formats: Vec<Format>,
    /// A folder with plan.md and/or plan.html that replace the built-in templates.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Args)]
pub struct ImportArgs {
    /// The plan to import: .docx, .html, .md or .txt.
    pub file: PathBuf,
    /// Where to write the spec (default: standard output).
    #[arg(short, long, value_name = "SPEC")]
    pub output: Option<PathBuf>,
    /// Which plan to import when the file holds several (from 1).
    #[arg(long, value_name = "N")]
    pub pick: Option<usize>,
    /// List the plans the file holds, and write nothing.
    #[arg(long)]
    pub list: bool,
    /// Write the keys in Chinese (学校、年度、指导思想 …).
    #[arg(long)]
    pub zh: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args)]
pub struct RolloverArgs {
    /// This year's spec.
    pub spec: PathBuf,
    /// The new plan's year.
    #[arg(long)]
    pub year: i32,
    /// Where to write next year's spec (default: the name with the year replaced).
    #[arg(short, long, value_name = "NEW")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Print the changes without writing anything.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Args)]
pub struct BatchArgs {
    /// The district file.
    pub district: PathBuf,
    /// The folder to write into.
    #[arg(short, long, default_value = "out")]
    pub output: PathBuf,
    /// Formats, overriding the district file's: docx, md, html.
    #[arg(short, long, value_delimiter = ',', value_parser = parse_format)]
    pub formats: Option<Vec<Format>>,
    /// How many schools to render at once (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// All files in one folder instead of a folder per school.
    #[arg(long)]
    pub flat: bool,
    /// A folder with plan.md and/or plan.html that replace the built-in templates.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Args)]
pub struct PreviewArgs {
    /// The spec to show.
    pub spec: PathBuf,
    /// The port (default: any free one, printed).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// A folder with plan.md and/or plan.html that replace the built-in templates.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

#[derive(Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, powershell or elvish.
    pub shell: clap_complete::Shell,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The earlier plan.
    pub old: PathBuf,
    /// The later plan.
    pub new: PathBuf,
}

#[derive(Args)]
pub struct ValidateArgs {
    /// The spec files.
    #[arg(required = true)]
    pub specs: Vec<PathBuf>,
}

pub fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| messages::bad_format(s).into())
}
