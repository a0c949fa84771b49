//! The words of the command line itself: each command's summary, usage and
//! examples, each option's help, and the headings and errors clap would
//! otherwise print in English. Chinese first; English where `LANG` or
//! `LC_ALL` asks for it ([`Lang::from_env`]).

pub use unionplan::messages::Lang;

/// A command's words: `name` is "" for `unionplan` itself.
pub struct CommandText {
    pub name: &'static str,
    about: [&'static str; 2],
    usage: [&'static str; 2],
    after: [&'static str; 2],
}

impl CommandText {
    pub fn about(&self, l: Lang) -> &'static str {
        l.pick(self.about)
    }
    pub fn usage(&self, l: Lang) -> &'static str {
        l.pick(self.usage)
    }
    pub fn after(&self, l: Lang) -> &'static str {
        l.pick(self.after)
    }
}

/// An argument's words, by its command and its id (the field's name).
pub struct ArgText {
    pub command: &'static str,
    pub id: &'static str,
    help: [&'static str; 2],
    value: Option<[&'static str; 2]>,
}

impl ArgText {
    pub fn help(&self, l: Lang) -> &'static str {
        l.pick(self.help)
    }
    pub fn value_name(&self, l: Lang) -> Option<&'static str> {
        self.value.map(|v| l.pick(v))
    }
}

const fn cmd(
    name: &'static str,
    about: [&'static str; 2],
    usage: [&'static str; 2],
    after: [&'static str; 2],
) -> CommandText {
    CommandText {
        name,
        about,
        usage,
        after,
    }
}

const fn arg(
    command: &'static str,
    id: &'static str,
    help: [&'static str; 2],
    value: Option<[&'static str; 2]>,
) -> ArgText {
    ArgText {
        command,
        id,
        help,
        value,
    }
}

pub const COMMANDS: &[CommandText] = &[
    cmd(
        "",
        [
            "把 YAML 计划文件变成学校工会工作计划：Word、Markdown 和网页三种格式。",
            "Turn a YAML plan spec into a school union work plan (学校工会工作计划) as Word, Markdown and HTML.",
        ],
        ["unionplan [选项] <命令>", "unionplan [OPTIONS] <COMMAND>"],
        [
            "例子：\n  unionplan init 我的计划.yaml          写一份示例计划\n  unionplan render 我的计划.yaml        生成 Word、Markdown 和网页\n  unionplan validate 我的计划.yaml      只检查，不生成\n\n每个命令的说明：unionplan 命令 --help",
            "Examples:\n  unionplan init my-plan.yaml\n  unionplan render my-plan.yaml\n  unionplan render a.yaml b.yaml -o plans -f docx,html\n  unionplan validate my-plan.yaml",
        ],
    ),
    cmd(
        "init",
        [
            "写一份完整的示例计划，改一改就能用。",
            "Write a complete, realistic example spec to edit.",
        ],
        [
            "unionplan init [选项] [文件]",
            "unionplan init [OPTIONS] [PATH]",
        ],
        [
            "例子：\n  unionplan init 我的计划.yaml\n  unionplan init 我的计划.yaml --school 礼河实验学校 --year 2026\n  unionplan init 我的计划.yaml --zh          字段名用中文（学校、年度……）\n\n不会提问。文件已经存在时不会覆盖，除非加上 --force。",
            "Examples:\n  unionplan init my-plan.yaml\n  unionplan init my-plan.yaml --school 礼河实验学校 --year 2026\n  unionplan init my-plan.yaml --zh          # with Chinese keys (学校、年度 …)\n\nIt asks nothing. An existing file is never replaced unless --force is given.",
        ],
    ),
    cmd(
        "render",
        [
            "把计划文件生成 Word（.docx）、Markdown 和网页文件。",
            "Render specs into DOCX, Markdown and HTML files.",
        ],
        [
            "unionplan render [选项] <计划文件>...",
            "unionplan render [OPTIONS] <SPECS>...",
        ],
        [
            "例子：\n  unionplan render 我的计划.yaml                  生成 out/我的计划.docx、.md、.html\n  unionplan render a.yaml b.yaml -o 计划 -f docx,html\n  unionplan render 我的计划.yaml -f docx,pdf        另外生成 PDF（需要 LibreOffice）\n  unionplan render 我的计划.yaml --templates 我的模板\n\n生成的文件以计划文件的名字命名。有错误的计划一个文件也不生成，其他计划照常生成；\n只要有一份失败，退出码就是 1。",
            "Examples:\n  unionplan render my-plan.yaml                 # out/my-plan.docx, .md, .html\n  unionplan render a.yaml b.yaml -o plans -f docx,html\n  unionplan render my-plan.yaml -f docx,pdf       # a PDF too (needs LibreOffice)\n  unionplan render my-plan.yaml --templates my-templates\n\nEach output is named after its spec's file name. A spec with errors gets\nno files at all; the others are still rendered. Exit code 1 if any failed.",
        ],
    ),
    cmd(
        "import",
        [
            "把现成的计划（Word、网页、Markdown 或文本）变成计划文件，方便修改。",
            "Turn an existing plan (Word, web page, Markdown or text) into a spec to edit.",
        ],
        [
            "unionplan import [选项] <原文件>",
            "unionplan import [OPTIONS] <FILE>",
        ],
        [
            "例子：\n  unionplan import 2024工会工作计划.docx -o lihe-2025.yaml\n  unionplan import 网页.html --list            列出网页里有几份计划\n  unionplan import 网页.html --pick 2 -o plan.yaml\n  unionplan import plan.txt                    计划文件打印在屏幕上\n\n能读 .docx、.html、.md 和 .txt（UTF-8 或 GBK）。网页上的杂项会去掉；放不进计划的文字\n保留在文件末尾的注释里；每一处猜测都标有“# 请核对”。导入报告打印在标准错误上。\n文件已经存在时不会覆盖，除非加上 --force。",
            "Examples:\n  unionplan import 2024工会工作计划.docx -o lihe-2025.yaml\n  unionplan import 网页.html --list            # the plans a page holds\n  unionplan import 网页.html --pick 2 -o plan.yaml\n  unionplan import plan.txt                    # the spec on standard output\n\nReads .docx, .html, .md and .txt (UTF-8 or GBK). Web-page noise is left out;\nwhat could not be placed is kept in a comment block at the end, and every\nguess is marked with a \"# 请核对\" comment. A report goes to standard error.\nAn existing file is never replaced unless --force is given.",
        ],
    ),
    cmd(
        "rollover",
        [
            "用今年的计划写出明年的：年份、日期和文字里的年份一起改好。",
            "Write next year's spec from this year's: year, dates and years in text moved.",
        ],
        [
            "unionplan rollover [选项] --year <年份> <计划文件>",
            "unionplan rollover [OPTIONS] --year <YEAR> <SPEC>",
        ],
        [
            "例子：\n  unionplan rollover lihe-2025.yaml --year 2026          写出 lihe-2026.yaml\n  unionplan rollover lihe-2025.yaml --year 2026 --dry-run\n  unionplan rollover plan.yaml --year 2026 -o 2026/plan.yaml\n\n原来的文件不会改动；已经存在的文件不会覆盖，除非加上 --force。注释和排版都保留，\n只改动要改的数字。每一处改动都会列出来，需要人核对的地方（其他年份、2 月 29 日、\nextends）也会列出。",
            "Examples:\n  unionplan rollover lihe-2025.yaml --year 2026          # writes lihe-2026.yaml\n  unionplan rollover lihe-2025.yaml --year 2026 --dry-run\n  unionplan rollover plan.yaml --year 2026 -o 2026/plan.yaml\n\nThe original file is never changed, and an existing file is not replaced\nwithout --force. Comments and formatting are kept: only the changed\nnumbers are edited. Every change is printed, and the lines a person\nshould check (other years, 29 February, extends).",
        ],
    ),
    cmd(
        "batch",
        [
            "用一个区县文件，生成多所学校的计划。",
            "Render the plans of many schools from one district file.",
        ],
        [
            "unionplan batch [选项] <区县文件>",
            "unionplan batch [OPTIONS] <DISTRICT>",
        ],
        [
            "例子：\n  unionplan batch 东湖区.yaml -o 各校计划\n\n东湖区.yaml：\n  共用计划: common.yaml       各校共用的计划（base）\n  学校:                       每一项在共用计划上修改（schools）\n    - 学校: 礼河实验学校\n    - spec: schools/dali.yaml\n  名单: 学校名单.xlsx         或者一行一所学校的表格（roster，CSV 或 Excel）\n  格式: [docx, html]          可以不写，默认三种都生成（formats）\n\n一所学校出错只影响这一所，其他学校照常生成，退出码为 1。index.html 列出每一所学校。",
            "Example:\n  unionplan batch district.yaml -o plans/\n\ndistrict.yaml:\n  base: common.yaml          # the spec all schools share\n  schools:                   # each entry overrides the base\n    - school: 礼河实验学校\n    - spec: schools/dali.yaml\n  roster: schools.csv        # or one row per school (CSV or XLSX)\n  formats: [docx, html]      # optional, default all\n\nOne school's errors fail that school alone; the others are still\nproduced, and the exit code is 1. index.html lists every school.",
        ],
    ),
    cmd(
        "app",
        [
            "打开工作台：在浏览器里写计划、边写边检查、看排版、生成 Word，不用再敲命令。",
            "Open the workbench: write, check and see a plan in the browser, and make its Word file.",
        ],
        [
            "unionplan app [选项] [文件夹]",
            "unionplan app [OPTIONS] [FOLDER]",
        ],
        [
            "例子：\n  unionplan app                  打开当前文件夹里的计划\n  unionplan app D:\\工会计划\n\n只在本机（127.0.0.1）提供，网址里带着这次运行才有的密钥。用完关掉窗口或按 Ctrl+C。\n在 Windows 上双击 unionplan.exe 也会打开工作台。",
            "Example:\n  unionplan app                  # the plans of this folder\n  unionplan app D:\\plans\n\nServes on 127.0.0.1 only; the address carries a secret made for this run.\nClose the window or press Ctrl+C when done. Double-clicking unionplan.exe\non Windows opens it too.",
        ],
    ),
    cmd(
        "preview",
        [
            "在浏览器里预览计划，计划文件一改就自动刷新。",
            "Show the plan in a browser, re-rendered whenever the spec changes.",
        ],
        [
            "unionplan preview [选项] <计划文件>",
            "unionplan preview [OPTIONS] <SPEC>",
        ],
        [
            "例子：\n  unionplan preview 我的计划.yaml              打印出要打开的网址\n  unionplan preview 我的计划.yaml --port 8080\n\n只在本机（127.0.0.1）提供。计划文件、它 extends 的文件或模板一改，页面就自动刷新；\n有错误时页面上显示错误。",
            "Example:\n  unionplan preview my-plan.yaml              # prints the address to open\n  unionplan preview my-plan.yaml --port 8080\n\nServes on 127.0.0.1 only. The page reloads itself when the spec, a file\nit extends or a template changes; errors show on the page.",
        ],
    ),
    cmd(
        "schema",
        [
            "打印计划文件的 JSON Schema，给编辑器用。",
            "Print the JSON Schema of the spec, for editors.",
        ],
        ["unionplan schema", "unionplan schema"],
        [
            "例子：\n  unionplan schema > unionplan.schema.json\n\n然后在计划文件的第一行写上\n  # yaml-language-server: $schema=unionplan.schema.json\nVS Code 装上 YAML 插件后，输入时会提示字段（中英文都有），并标出错误。",
            "Example:\n  unionplan schema > unionplan.schema.json\n\nThen start a spec with\n  # yaml-language-server: $schema=unionplan.schema.json\nand VS Code's YAML extension completes keys (English and Chinese) and\nflags mistakes as you type.",
        ],
    ),
    cmd(
        "completions",
        ["打印命令行补全脚本。", "Print a shell completion script."],
        [
            "unionplan completions <终端>",
            "unionplan completions <SHELL>",
        ],
        [
            "例子：\n  unionplan completions bash > ~/.local/share/bash-completion/completions/unionplan\n  unionplan completions zsh > ~/.zfunc/_unionplan\n  unionplan completions fish > ~/.config/fish/completions/unionplan.fish\n  unionplan completions powershell >> $PROFILE",
            "Examples:\n  unionplan completions bash > ~/.local/share/bash-completion/completions/unionplan\n  unionplan completions zsh > ~/.zfunc/_unionplan\n  unionplan completions fish > ~/.config/fish/completions/unionplan.fish\n  unionplan completions powershell >> $PROFILE",
        ],
    ),
    cmd(
        "man",
        ["打印 man 手册页。", "Print the manual page (roff)."],
        ["unionplan man", "unionplan man"],
        [
            "例子：\n  unionplan man > ~/.local/share/man/man1/unionplan.1 && man unionplan",
            "Example:\n  unionplan man > ~/.local/share/man/man1/unionplan.1 && man unionplan",
        ],
    ),
    cmd(
        "diff",
        [
            "比较两份计划：哪些部分、哪些事项增加了、删掉了、改了、挪了。",
            "What changed between two plans: sections, items added, removed, changed, moved.",
        ],
        [
            "unionplan diff [选项] <旧计划> <新计划>",
            "unionplan diff [OPTIONS] <OLD> <NEW>",
        ],
        [
            "例子：\n  unionplan diff lihe-2025.yaml lihe-2026.yaml\n  unionplan diff lihe-2025.yaml lihe-2026.yaml --docx 改动.docx\n\n两份计划都连同它们 extends 的文件一起读。不管有没有不同，退出码都是 0；\n有一份有错误时退出码为 1。--docx 写出的 Word 文件是新计划，和旧计划不同的字\n都是“修订”：在 Word 的“审阅”里逐条接受或拒绝。",
            "Examples:\n  unionplan diff lihe-2025.yaml lihe-2026.yaml\n  unionplan diff lihe-2025.yaml lihe-2026.yaml --docx changes.docx\n\nBoth specs are read with what they extend. Exit code 0 whether or not\nthey differ; 1 if either is invalid. The Word file of --docx is the new\nplan, with what differs from the old one as tracked changes, to accept\nor reject one by one under Word's Review tab.",
        ],
    ),
    cmd(
        "validate",
        [
            "只检查计划文件，不生成任何文件；所有问题一次列出。",
            "Check specs without writing anything; every problem is listed.",
        ],
        [
            "unionplan validate <计划文件>...",
            "unionplan validate <SPECS>...",
        ],
        [
            "例子：\n  unionplan validate 我的计划.yaml\n\n每一份都没有问题时退出码为 0，否则为 1。",
            "Example:\n  unionplan validate my-plan.yaml\n\nExit code 0 if every spec is valid, 1 otherwise.",
        ],
    ),
];

const TEMPLATES: [&str; 2] = [
    "放着 plan.md、plan.html 等模板的文件夹，用来替换内置模板",
    "A folder with plan.md, plan.html … that replace the built-in templates",
];
const FORCE: [&str; 2] = ["文件已经存在时覆盖它", "Replace the file if it exists"];
const ZH_KEYS: [&str; 2] = [
    "字段名用中文（学校、年度、指导思想……）",
    "Write the keys in Chinese (学校、年度、指导思想 …)",
];
const FORMATS: [&str; 2] = ["格式", "FORMATS"];
const REFERENCE_DOC: [&str; 2] = [
    "学校自己的 Word 文件（.docx）：取它的页面、页眉页脚（含校徽等图片）和同名样式的字体、字号、段前段后",
    "The school's own Word file (.docx): its page, header and footer (images included) and the fonts, sizes and spacing of same-named styles",
];
const DOCX_FILE: [&str; 2] = ["模板.docx", "FILE"];
const DIR: [&str; 2] = ["文件夹", "DIR"];

pub const ARGS: &[ArgText] = &[
    arg(
        "",
        "message_format",
        [
            "错误怎样打印：human 给人看（默认），json 每行一个 JSON 给程序读",
            "How errors are printed: human (the default) for people, or json lines for tools",
        ],
        Some(["方式", "FORMAT"]),
    ),
    arg(
        "init",
        "path",
        [
            "示例写到哪个文件（默认：plan.yaml）",
            "Where to write the example (default: plan.yaml)",
        ],
        Some(["文件", "PATH"]),
    ),
    arg("init", "force", FORCE, None),
    arg("init", "zh", ZH_KEYS, None),
    arg(
        "init",
        "school",
        [
            "学校名称，示例里出现学校的地方都换成它",
            "The school's name, filled in everywhere the example names its school",
        ],
        Some(["学校", "NAME"]),
    ),
    arg(
        "init",
        "year",
        [
            "计划的年份；示例里的日期跟着改",
            "The plan's year; the example's dates move with it",
        ],
        Some(["年份", "YEAR"]),
    ),
    arg(
        "render",
        "specs",
        ["计划文件", "The spec files"],
        Some(["计划文件", "SPECS"]),
    ),
    arg(
        "render",
        "output",
        [
            "生成的文件放在哪个文件夹（默认：out）",
            "The folder to write into (default: out)",
        ],
        Some(DIR),
    ),
    arg(
        "render",
        "formats",
        [
            "生成哪些格式，用逗号隔开：docx、md、html、pdf（默认生成前三种；pdf 需要安装 LibreOffice）",
            "Comma-separated list of formats: docx, md, html, pdf (default: the first three; pdf needs LibreOffice)",
        ],
        Some(FORMATS),
    ),
    arg("render", "templates", TEMPLATES, Some(DIR)),
    arg("render", "reference_doc", REFERENCE_DOC, Some(DOCX_FILE)),
    arg(
        "import",
        "file",
        [
            "要导入的计划：.docx、.html、.md 或 .txt",
            "The plan to import: .docx, .html, .md or .txt",
        ],
        Some(["原文件", "FILE"]),
    ),
    arg(
        "import",
        "output",
        [
            "计划文件写到哪里（不写就打印在屏幕上）",
            "Where to write the spec (default: standard output)",
        ],
        Some(["计划文件", "SPEC"]),
    ),
    arg(
        "import",
        "pick",
        [
            "文件里有几份计划时，导入第几份（从 1 数起）",
            "Which plan to import when the file holds several (from 1)",
        ],
        Some(["第几份", "N"]),
    ),
    arg(
        "import",
        "list",
        [
            "只列出文件里有哪几份计划，不写文件",
            "List the plans the file holds, and write nothing",
        ],
        None,
    ),
    arg("import", "zh", ZH_KEYS, None),
    arg("import", "force", FORCE, None),
    arg(
        "rollover",
        "spec",
        ["今年的计划文件", "This year's spec"],
        Some(["计划文件", "SPEC"]),
    ),
    arg(
        "rollover",
        "year",
        ["新计划的年份", "The new plan's year"],
        Some(["年份", "YEAR"]),
    ),
    arg(
        "rollover",
        "output",
        [
            "明年的计划写到哪里（默认：把文件名里的年份换掉）",
            "Where to write next year's spec (default: the name with the year replaced)",
        ],
        Some(["新文件", "NEW"]),
    ),
    arg("rollover", "force", FORCE, None),
    arg(
        "rollover",
        "dry_run",
        [
            "只列出要改的地方，不写文件",
            "Print the changes without writing anything",
        ],
        None,
    ),
    arg(
        "batch",
        "district",
        ["区县文件", "The district file"],
        Some(["区县文件", "DISTRICT"]),
    ),
    arg(
        "batch",
        "output",
        [
            "生成的文件放在哪个文件夹（默认：out）",
            "The folder to write into (default: out)",
        ],
        Some(DIR),
    ),
    arg(
        "batch",
        "formats",
        [
            "生成哪些格式（代替区县文件里写的）：docx、md、html、pdf",
            "Formats, overriding the district file's: docx, md, html, pdf",
        ],
        Some(FORMATS),
    ),
    arg(
        "batch",
        "jobs",
        [
            "同时生成几所学校（默认：用上所有 CPU 核）",
            "How many schools to render at once (default: all cores)",
        ],
        Some(["个数", "N"]),
    ),
    arg(
        "batch",
        "flat",
        [
            "所有文件放在一个文件夹里，不按学校分文件夹",
            "All files in one folder instead of a folder per school",
        ],
        None,
    ),
    arg("batch", "templates", TEMPLATES, Some(DIR)),
    arg("batch", "reference_doc", REFERENCE_DOC, Some(DOCX_FILE)),
    arg(
        "app",
        "folder",
        [
            "放计划文件的文件夹（默认：当前文件夹）",
            "The folder of plans (default: this one)",
        ],
        Some(["文件夹", "FOLDER"]),
    ),
    arg(
        "app",
        "port",
        [
            "端口（默认：随便一个空闲的，会打印出来）",
            "The port (default: any free one, printed)",
        ],
        Some(["端口", "PORT"]),
    ),
    arg(
        "app",
        "no_open",
        [
            "不自动打开浏览器，只打印网址",
            "Do not open a browser; only print the address",
        ],
        None,
    ),
    arg(
        "preview",
        "spec",
        ["要预览的计划文件", "The spec to show"],
        Some(["计划文件", "SPEC"]),
    ),
    arg(
        "preview",
        "port",
        [
            "端口（默认：随便一个空闲的，会打印出来）",
            "The port (default: any free one, printed)",
        ],
        Some(["端口", "PORT"]),
    ),
    arg("preview", "templates", TEMPLATES, Some(DIR)),
    arg(
        "completions",
        "shell",
        [
            "bash、zsh、fish、powershell 或 elvish",
            "bash, zsh, fish, powershell or elvish",
        ],
        Some(["终端", "SHELL"]),
    ),
    arg(
        "diff",
        "old",
        ["旧的计划", "The earlier plan"],
        Some(["旧计划", "OLD"]),
    ),
    arg(
        "diff",
        "new",
        ["新的计划", "The later plan"],
        Some(["新计划", "NEW"]),
    ),
    arg(
        "diff",
        "docx",
        [
            "另外写一个 Word 文件：新计划，改动的地方用“修订”标出",
            "Also write the new plan as a Word file, its changes as tracked changes",
        ],
        Some(["Word文件", "FILE"]),
    ),
    arg(
        "validate",
        "specs",
        ["计划文件", "The spec files"],
        Some(["计划文件", "SPECS"]),
    ),
];

/// The words clap would print in English around the help and the errors.
pub struct Labels {
    pub usage: &'static str,
    pub options: &'static str,
    pub arguments: &'static str,
    pub commands: &'static str,
    pub command_value: &'static str,
    pub help_flag: &'static str,
    pub version_flag: &'static str,
    pub help_command: &'static str,
}

pub fn labels(l: Lang) -> Labels {
    match l {
        Lang::Zh => Labels {
            usage: "用法：",
            options: "选项：",
            arguments: "参数：",
            commands: "命令：",
            command_value: "命令",
            help_flag: "显示这份说明",
            version_flag: "显示版本号",
            help_command: "显示说明（也可以写 unionplan 命令 --help）",
        },
        Lang::En => Labels {
            usage: "Usage: ",
            options: "Options:",
            arguments: "Arguments:",
            commands: "Commands:",
            command_value: "COMMAND",
            help_flag: "Print help",
            version_flag: "Print version",
            help_command: "Print this message or the help of the given subcommand(s)",
        },
    }
}

/// A command line clap refused, in Chinese: what was wrong, then how to
/// get help. `what` is clap's kind of error, with what it found.
pub enum Usage<'a> {
    UnknownArgument(&'a str, Option<&'a str>),
    UnknownCommand(&'a str, Option<&'a str>),
    Missing(&'a str),
    BadValue(&'a str, &'a str, &'a str),
    Other(&'a str),
}

pub fn usage_error(u: Usage) -> String {
    match u {
        Usage::UnknownArgument(a, Some(tip)) => format!("不认识的选项 {a}：是不是想写 {tip}？"),
        Usage::UnknownArgument(a, None) => {
            format!("不认识的选项或参数 {a}（文字里有空格或以 - 开头时，请加上引号）")
        }
        Usage::UnknownCommand(c, Some(tip)) => format!("没有 {c} 这个命令：是不是想写 {tip}？"),
        Usage::UnknownCommand(c, None) => format!("没有 {c} 这个命令"),
        Usage::Missing(what) => format!("少了 {what}"),
        Usage::BadValue(arg, value, "") => format!("{arg} 的值“{value}”不对"),
        Usage::BadValue(arg, value, why) => format!("{arg} 的值“{value}”不对：{why}"),
        Usage::Other(what) => format!("命令行有误：{what}"),
    }
}

pub fn usage_line(usage: &str) -> String {
    format!("用法：{usage}")
}

pub fn usage_more(command: &str) -> String {
    if command.is_empty() {
        "想看说明，运行：unionplan --help".into()
    } else {
        format!("想看说明，运行：unionplan {command} --help")
    }
}

pub fn possible_values(values: &[String]) -> String {
    format!("可选：{}", values.join("、"))
}

/// unionplan.exe started by a double-click in Explorer when the workbench
/// could not start: the console window is its own and closes when it
/// ends, so it says what else to do and waits.
pub fn started_from_explorer(l: Lang) -> &'static str {
    match l {
        Lang::Zh => {
            "\
工作台没有打开。也可以在“命令提示符”窗口里使用 unionplan。

怎样打开命令提示符：在 unionplan.exe 所在文件夹的地址栏里输入 cmd，按回车。
然后输入下面这一行，按回车，就会生成示例计划的 Word 文件（在 out 文件夹里）：

    unionplan render 示例计划.yaml

每一步怎么做，见同一个文件夹里的“使用说明.html”（双击用浏览器打开）。

按回车键关闭这个窗口。"
        }
        Lang::En => {
            "\
The workbench did not start. unionplan also runs in a Command Prompt window.

To open one: type cmd in the address bar of the folder that holds
unionplan.exe and press Enter. Then type this line and press Enter to make
the example plan's Word file (in the out folder):

    unionplan render 示例计划.yaml

使用说明.html in the same folder explains every step.

Press Enter to close this window."
        }
    }
}
