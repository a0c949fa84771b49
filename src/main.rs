//! The `unionplan` command line.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use unionplan::render::Format;
use unionplan::template::Templates;
use unionplan::{Error, Pipeline, load_spec, messages, write};

/// The example specs written by `unionplan init`, with English and Chinese keys.
const EXAMPLE_SPEC: &str = include_str!("../specs/qingxi-2025.yaml");
const EXAMPLE_SPEC_ZH: &str = include_str!("../specs/qingxi-2025-zh.yaml");
/// The school named in the examples, replaced by `init --school`.
const EXAMPLE_SCHOOL: &str = "青溪路小学";

#[derive(Parser)]
#[command(
    name = "unionplan",
    version,
    about = "Turn a YAML plan spec into a school union work plan (学校工会工作计划) as Word, Markdown and HTML.",
    after_help = "Examples:\n  unionplan init my-plan.yaml\n  unionplan render my-plan.yaml\n  unionplan render a.yaml b.yaml -o plans -f docx,html\n  unionplan validate my-plan.yaml"
)]
struct Cli {
    /// How errors are printed: for people, or as JSON lines for tools.
    #[arg(long, global = true, value_enum, default_value = "human")]
    message_format: MessageFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum MessageFormat {
    Human,
    Json,
}

/// Set once from the command line, read where errors are printed.
static MESSAGE_FORMAT: std::sync::OnceLock<MessageFormat> = std::sync::OnceLock::new();

#[derive(Subcommand)]
enum Command {
    /// Write a complete, realistic example spec to edit.
    #[command(
        after_help = "Examples:\n  unionplan init my-plan.yaml\n  unionplan init my-plan.yaml --school 礼河实验学校 --year 2026\n  unionplan init my-plan.yaml --zh          # with Chinese keys (学校、年度 …)\n\nIt asks nothing. An existing file is never replaced unless --force is given."
    )]
    Init {
        /// Where to write the example.
        #[arg(default_value = "plan.yaml")]
        path: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
        /// Write the keys in Chinese (学校、年度、指导思想 …).
        #[arg(long)]
        zh: bool,
        /// The school's name, filled in everywhere the example names its school.
        #[arg(long)]
        school: Option<String>,
        /// The plan's year; the example's dates move with it.
        #[arg(long)]
        year: Option<i32>,
    },
    /// Render specs into DOCX, Markdown and HTML files.
    #[command(
        after_help = "Examples:\n  unionplan render my-plan.yaml                 # out/my-plan.docx, .md, .html\n  unionplan render a.yaml b.yaml -o plans -f docx,html\n  unionplan render my-plan.yaml --templates my-templates\n\nEach output is named after its spec's file name. A spec with errors gets\nno files at all; the others are still rendered. Exit code 1 if any failed."
    )]
    Render {
        /// The spec files.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
        /// The folder to write into.
        #[arg(short, long, default_value = "out")]
        output: PathBuf,
        /// Comma-separated list of formats: docx, md, html.
        #[arg(short, long, value_delimiter = ',', value_parser = parse_format, default_value = "docx,md,html")]
        formats: Vec<Format>,
        /// A folder with plan.md and/or plan.html that replace the built-in templates.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Turn an existing plan (Word, web page, Markdown or text) into a spec to edit.
    #[command(
        after_help = "Examples:\n  unionplan import 2024工会工作计划.docx -o lihe-2025.yaml\n  unionplan import 网页.html --list            # the plans a page holds\n  unionplan import 网页.html --pick 2 -o plan.yaml\n  unionplan import plan.txt                    # the spec on standard output\n\nReads .docx, .html, .md and .txt (UTF-8 or GBK). Web-page noise is left out;\nwhat could not be placed is kept in a comment block at the end, and every\nguess is marked with a \"# 请核对\" comment. A report goes to standard error.\nAn existing file is never replaced unless --force is given."
    )]
    Import {
        /// The plan to import: .docx, .html, .md or .txt.
        file: PathBuf,
        /// Where to write the spec (default: standard output).
        #[arg(short, long, value_name = "SPEC")]
        output: Option<PathBuf>,
        /// Which plan to import when the file holds several (from 1).
        #[arg(long, value_name = "N")]
        pick: Option<usize>,
        /// List the plans the file holds, and write nothing.
        #[arg(long)]
        list: bool,
        /// Write the keys in Chinese (学校、年度、指导思想 …).
        #[arg(long)]
        zh: bool,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write next year's spec from this year's: year, dates and years in text moved.
    #[command(
        after_help = "Examples:\n  unionplan rollover lihe-2025.yaml --year 2026          # writes lihe-2026.yaml\n  unionplan rollover lihe-2025.yaml --year 2026 --dry-run\n  unionplan rollover plan.yaml --year 2026 -o 2026/plan.yaml\n\nThe original file is never changed, and an existing file is not replaced\nwithout --force. Comments and formatting are kept: only the changed\nnumbers are edited. Every change is printed, and the lines a person\nshould check (other years, 29 February, extends)."
    )]
    Rollover {
        /// This year's spec.
        spec: PathBuf,
        /// The new plan's year.
        #[arg(long)]
        year: i32,
        /// Where to write next year's spec (default: the name with the year replaced).
        #[arg(short, long, value_name = "NEW")]
        output: Option<PathBuf>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Print the changes without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
    /// Render the plans of many schools from one district file.
    #[command(
        after_help = "Example:\n  unionplan batch district.yaml -o plans/\n\ndistrict.yaml:\n  base: common.yaml          # the spec all schools share\n  schools:                   # each entry overrides the base\n    - school: 礼河实验学校\n    - spec: schools/dali.yaml\n  roster: schools.csv        # or one row per school (CSV or XLSX)\n  formats: [docx, html]      # optional, default all\n\nOne school's errors fail that school alone; the others are still\nproduced, and the exit code is 1. index.html lists every school."
    )]
    Batch {
        /// The district file.
        district: PathBuf,
        /// The folder to write into.
        #[arg(short, long, default_value = "out")]
        output: PathBuf,
        /// Formats, overriding the district file's: docx, md, html.
        #[arg(short, long, value_delimiter = ',', value_parser = parse_format)]
        formats: Option<Vec<Format>>,
        /// How many schools to render at once (default: all cores).
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        /// All files in one folder instead of a folder per school.
        #[arg(long)]
        flat: bool,
        /// A folder with plan.md and/or plan.html that replace the built-in templates.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Show the plan in a browser, re-rendered whenever the spec changes.
    #[command(
        after_help = "Example:\n  unionplan preview my-plan.yaml              # prints the address to open\n  unionplan preview my-plan.yaml --port 8080\n\nServes on 127.0.0.1 only. The page reloads itself when the spec, a file\nit extends or a template changes; errors show on the page."
    )]
    Preview {
        /// The spec to show.
        spec: PathBuf,
        /// The port (default: any free one, printed).
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// A folder with plan.md and/or plan.html that replace the built-in templates.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Print the JSON Schema of the spec, for editors.
    #[command(
        after_help = "Example:\n  unionplan schema > unionplan.schema.json\n\nThen start a spec with\n  # yaml-language-server: $schema=unionplan.schema.json\nand VS Code's YAML extension completes keys (English and Chinese) and\nflags mistakes as you type."
    )]
    Schema,
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  unionplan completions bash > ~/.local/share/bash-completion/completions/unionplan\n  unionplan completions zsh > ~/.zfunc/_unionplan\n  unionplan completions fish > ~/.config/fish/completions/unionplan.fish\n  unionplan completions powershell >> $PROFILE"
    )]
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(
        after_help = "Example:\n  unionplan man > ~/.local/share/man/man1/unionplan.1 && man unionplan"
    )]
    Man,
    /// What changed between two plans: sections, items added, removed, changed, moved.
    #[command(
        after_help = "Example:\n  unionplan diff lihe-2025.yaml lihe-2026.yaml\n\nBoth specs are read with what they extend. Exit code 0 whether or not\nthey differ; 1 if either is invalid."
    )]
    Diff {
        /// The earlier plan.
        old: PathBuf,
        /// The later plan.
        new: PathBuf,
    },
    /// Check specs without writing anything; every problem is listed.
    #[command(
        after_help = "Example:\n  unionplan validate my-plan.yaml\n\nExit code 0 if every spec is valid, 1 otherwise."
    )]
    Validate {
        /// The spec files.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
    },
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| messages::bad_format(s))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    MESSAGE_FORMAT.get_or_init(|| cli.message_format);
    let ok = match cli.command {
        Command::Init {
            path,
            force,
            zh,
            school,
            year,
        } => init(&path, force, zh, school.as_deref(), year),
        Command::Render {
            specs,
            output,
            formats,
            templates,
        } => render(&specs, &output, &formats, templates.as_deref()),
        Command::Validate { specs } => validate(&specs),
        Command::Diff { old, new } => diff(&old, &new),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "unionplan", &mut std::io::stdout());
            true
        }
        Command::Preview {
            spec,
            port,
            templates,
        } => {
            let served = unionplan::preview::serve(&spec, templates.as_deref(), port, |addr| {
                // Not println!: a closed stdout (a pipe nobody reads any
                // more) must not stop the server.
                use std::io::Write as _;
                let mut out = std::io::stdout();
                let url = format!("http://{addr}/");
                let _ = writeln!(out, "{}", messages::preview_listening(url));
                let _ = out.flush();
            });
            match served {
                Ok(()) => true,
                Err(e) => {
                    report(&Error::Write(messages::preview_cannot_listen(e)));
                    false
                }
            }
        }
        Command::Schema => {
            print!("{}", unionplan::schema::text_form());
            true
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd)
                .render(&mut std::io::stdout())
                .is_ok()
        }
        Command::Batch {
            district,
            output,
            formats,
            jobs,
            flat,
            templates,
        } => batch(
            &district,
            &output,
            formats,
            jobs,
            flat,
            templates.as_deref(),
        ),
        Command::Import {
            file,
            output,
            pick,
            list,
            zh,
            force,
        } => import(&file, output.as_deref(), pick, list, zh, force),
        Command::Rollover {
            spec,
            year,
            output,
            force,
            dry_run,
        } => rollover(&spec, year, output.as_deref(), force, dry_run),
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Progress and summaries are for people: left out with `--message-format json`,
/// where standard error carries only JSON lines.
fn say(line: String) {
    if MESSAGE_FORMAT.get() != Some(&MessageFormat::Json) {
        eprintln!("{line}");
    }
}

/// Colour on a terminal, unless NO_COLOR is set.
fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn report(err: &Error) {
    if MESSAGE_FORMAT.get() == Some(&MessageFormat::Json) {
        let diags = match err {
            Error::Invalid(diags) => diags.clone(),
            other => vec![unionplan::diag::Diagnostic::file_level(
                Path::new(""),
                other.to_string(),
            )],
        };
        for d in diags {
            eprintln!("{}", d.to_json());
        }
        return;
    }
    match err {
        Error::Invalid(diags) => {
            let color = color();
            for d in diags {
                eprintln!("{}", d.render(color));
            }
            if diags.len() > 1 {
                eprintln!("{}", messages::error_count(diags.len()));
            }
        }
        other => eprintln!("{}：{other}", messages::label_error()),
    }
}

/// The example, for `school` and `year` where given.
fn example(
    path: &Path,
    zh: bool,
    school: Option<&str>,
    year: Option<i32>,
) -> Result<String, Error> {
    let mut text = if zh { EXAMPLE_SPEC_ZH } else { EXAMPLE_SPEC }.to_string();
    if let Some(year) = year {
        let source =
            unionplan::load::Source::from_text(path, text).map_err(|d| Error::Invalid(vec![*d]))?;
        text = unionplan::rollover::rollover(&source, year)
            .map_err(|d| Error::Invalid(vec![*d]))?
            .text;
    }
    if let Some(school) = school {
        text = text.replace(EXAMPLE_SCHOOL, school.trim());
    }
    // The examples point at the repository's schema; a user's spec at its neighbour.
    text = text.replace(
        unionplan::schema::FILE_FROM_SPECS,
        unionplan::schema::LOCAL_NAME,
    );
    // A name or year that breaks the example is refused, not written.
    unionplan::parse_spec(path, &text)?;
    Ok(text)
}

fn init(path: &Path, force: bool, zh: bool, school: Option<&str>, year: Option<i32>) -> bool {
    let text = match example(path, zh, school, year) {
        Ok(t) => t,
        Err(e) => {
            report(&e);
            return false;
        }
    };
    let result = if force {
        write::write_atomic(path, text.as_bytes())
    } else {
        write::write_new(path, text.as_bytes())
    };
    match result {
        Ok(()) => {
            say(messages::init_written(path.display()));
            // The editor's key completion, when no schema is there yet.
            let schema = path
                .parent()
                .unwrap_or(Path::new(""))
                .join(unionplan::schema::LOCAL_NAME);
            if !schema.exists()
                && write::write_atomic(&schema, unionplan::schema::text_form().as_bytes()).is_ok()
            {
                say(messages::init_schema_written(schema.display()));
            }
            true
        }
        Err(e) => {
            report(&e);
            false
        }
    }
}

fn import(
    file: &Path,
    output: Option<&Path>,
    pick: Option<usize>,
    list: bool,
    zh: bool,
    force: bool,
) -> bool {
    use unionplan::import;
    if list {
        return match import::list(file) {
            Ok(plans) => {
                for (i, p) in plans.iter().enumerate() {
                    let title = p.title.as_deref().unwrap_or(messages::import_untitled());
                    println!(
                        "{}",
                        messages::import_plan_line(i + 1, title, p.measures, p.months, p.chars)
                    );
                }
                true
            }
            Err(e) => {
                report(&e);
                false
            }
        };
    }
    let options = import::Options {
        pick,
        zh,
        today: chrono::Local::now().date_naive(),
    };
    let imported = match import::import(file, &options) {
        Ok(i) => i,
        Err(e) => {
            report(&e);
            return false;
        }
    };
    let r = &imported.report;
    say(messages::import_read(
        file.display(),
        messages::import_kind_name(r.kind),
        r.encoding,
    ));
    if r.plans.len() > 1 {
        say(messages::import_plans_found(r.plans.len(), r.picked));
    }
    say(messages::import_report_title(
        &r.title,
        &r.school,
        r.year,
        unionplan::placeholder::period_name(r.period),
    ));
    say(messages::import_report_parts(
        r.guiding,
        r.goals,
        r.measures.0,
        r.measures.1,
        r.months,
        r.items,
    ));
    say(messages::import_report_signature(r.signature));
    if r.dropped > 0 {
        say(messages::import_report_noise(r.dropped));
    }
    if r.punctuation > 0 {
        say(messages::import_report_punctuation(r.punctuation));
    }
    if r.unplaced > 0 {
        say(messages::import_report_unplaced(r.unplaced));
    }
    if !r.notes.is_empty() {
        say(messages::import_report_notes(r.notes.len()));
        for n in &r.notes {
            say(format!("    - {n}"));
        }
    }
    let Some(path) = output else {
        print!("{}", imported.yaml);
        return true;
    };
    let written = if force {
        write::write_atomic(path, imported.yaml.as_bytes())
    } else {
        write::write_new(path, imported.yaml.as_bytes())
    };
    match written {
        Ok(()) => {
            say(messages::import_written(path.display()));
            true
        }
        Err(e) => {
            report(&e);
            false
        }
    }
}

/// The built-in templates, or those of `--templates DIR`.
fn load_templates(dir: Option<&Path>) -> Option<Templates> {
    let Some(dir) = dir else {
        return Some(Templates::builtin());
    };
    match Templates::with_overrides(dir) {
        Ok(t) => {
            for f in Templates::unknown_files(dir) {
                say(messages::template_unknown_file(
                    f.display(),
                    &[unionplan::template::MARKDOWN, unionplan::template::HTML],
                ));
            }
            Some(t)
        }
        Err(e) => {
            report(&e);
            None
        }
    }
}

fn render(specs: &[PathBuf], out: &Path, formats: &[Format], templates: Option<&Path>) -> bool {
    let Some(templates) = load_templates(templates) else {
        return false;
    };
    let mut formats = formats.to_vec();
    formats.sort();
    formats.dedup();
    let pipeline = Pipeline::new(templates, chrono::Local::now().date_naive());
    let mut all_ok = true;
    for spec_path in specs {
        let rendered = load_spec(spec_path).and_then(|spec| pipeline.render(&spec, &formats));
        let outputs = match rendered {
            Ok(o) => o,
            Err(e) => {
                report(&e);
                say(messages::nothing_written(spec_path.display()));
                all_ok = false;
                continue;
            }
        };
        for o in outputs {
            let path = write::output_path(out, spec_path, o.format);
            match write::write_atomic(&path, &o.bytes) {
                Ok(()) => say(messages::wrote(path.display())),
                Err(e) => {
                    report(&e);
                    all_ok = false;
                }
            }
        }
    }
    all_ok
}

fn rollover(spec: &Path, year: i32, output: Option<&Path>, force: bool, dry_run: bool) -> bool {
    use unionplan::rollover::ChangeKind;
    let result = unionplan::load::Source::read(spec)
        .and_then(|source| unionplan::rollover::rollover(&source, year));
    let r = match result {
        Ok(r) => r,
        Err(d) => {
            report(&Error::Invalid(vec![*d]));
            return false;
        }
    };
    let out = output.map_or_else(
        || unionplan::rollover::default_output(spec, r.old_year, r.new_year),
        Path::to_path_buf,
    );
    if out.exists() && !force && !dry_run {
        report(&Error::Write(messages::file_exists(out.display())));
        return false;
    }
    println!(
        "{}",
        messages::rollover_summary(r.old_year, r.new_year, r.changes.len())
    );
    for c in &r.changes {
        let what = match c.kind {
            ChangeKind::Year => messages::rollover_what_year(),
            ChangeKind::Date => messages::rollover_what_date(),
            ChangeKind::YearInText => messages::rollover_what_text(),
        };
        println!(
            "  {}",
            messages::rollover_change(c.line, what, &c.old, &c.new)
        );
    }
    if !r.review.is_empty() {
        println!("{}", messages::rollover_review_header());
        for item in &r.review {
            println!("  {}", messages::rollover_review(item.line, &item.reason));
        }
    }
    if dry_run {
        println!("{}", messages::rollover_dry_run());
        return true;
    }
    let written = if force {
        write::write_atomic(&out, r.text.as_bytes())
    } else {
        write::write_new(&out, r.text.as_bytes())
    };
    match written {
        Ok(()) => {
            println!("{}", messages::rollover_written(out.display()));
            true
        }
        Err(e) => {
            report(&e);
            false
        }
    }
}

fn batch(
    district: &Path,
    out: &Path,
    formats: Option<Vec<Format>>,
    jobs: Option<usize>,
    flat: bool,
    templates: Option<&Path>,
) -> bool {
    use unionplan::batch::{District, Layout, SchoolResult};
    let started = std::time::Instant::now();
    let Some(templates) = load_templates(templates) else {
        return false;
    };
    let district = match District::read(district) {
        Ok(d) => d,
        Err(diags) => {
            report(&Error::Invalid(diags));
            return false;
        }
    };
    let mut formats = formats
        .or_else(|| district.formats.clone())
        .unwrap_or_else(|| Format::ALL.to_vec());
    formats.sort();
    formats.dedup();
    let pipeline = Pipeline::new(templates, chrono::Local::now().date_naive());
    let total = district.schools.len();
    let layout = if flat {
        Layout::Flat
    } else {
        Layout::PerSchool
    };

    // A bar on a terminal; one plain line per school otherwise.
    let human = MESSAGE_FORMAT.get() != Some(&MessageFormat::Json);
    let bar = (human && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(total as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .expect("a valid template"),
        );
        bar
    });
    let done = std::sync::atomic::AtomicUsize::new(0);
    let progress = |r: &SchoolResult| {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        match &bar {
            Some(bar) => {
                bar.set_message(r.name.clone());
                bar.inc(1);
            }
            None if r.ok() => say(messages::batch_school_ok(n, total, &r.name)),
            None => say(messages::batch_school_failed(n, total, &r.name)),
        }
    };

    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        pool = pool.num_threads(n.max(1));
    }
    let pool = pool.build().expect("a thread pool");
    let results = pool
        .install(|| unionplan::batch::run(&district, out, &formats, layout, &pipeline, &progress));
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let results = match results {
        Ok(r) => r,
        Err(e) => {
            report(&e);
            return false;
        }
    };
    let failed: Vec<&SchoolResult> = results.iter().filter(|r| !r.ok()).collect();
    for r in &failed {
        say(messages::batch_school_errors(&r.name));
        report(&Error::Invalid(r.errors.clone()));
    }
    say(messages::batch_summary(
        total,
        total - failed.len(),
        failed.len(),
        Some(started.elapsed().as_secs_f64()),
    ));
    failed.is_empty()
}

fn diff(old: &Path, new: &Path) -> bool {
    use unionplan::diff::Change;
    let (a, b) = match (load_spec(old), load_spec(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            for e in [a.err(), b.err()].into_iter().flatten() {
                report(&e);
            }
            return false;
        }
    };
    let groups = unionplan::diff::diff(&a, &b);
    if groups.is_empty() {
        println!("{}", messages::diff_none());
    }
    for g in groups {
        println!("{}", g.section);
        for c in &g.changes {
            let line = match c {
                Change::Added(w) => messages::diff_added(w),
                Change::Removed(w) => messages::diff_removed(w),
                Change::Changed { what, old, new } => messages::diff_changed(what, old, new),
                Change::Moved { what, from, to } => messages::diff_moved(what, from, to),
            };
            println!("  {line}");
        }
    }
    true
}

fn validate(specs: &[PathBuf]) -> bool {
    let mut all_ok = true;
    for spec_path in specs {
        match load_spec(spec_path) {
            Ok(_) => say(messages::valid(spec_path.display())),
            Err(e) => {
                report(&e);
                all_ok = false;
            }
        }
    }
    all_ok
}
