//! One lesson file -> [`Lesson`]: pure, on the file's bytes.
//!
//! Every error names the file, the line and the problem. The format is documented in
//! `lessons/README.md`; this parser is its reference.

use crate::lesson::{Lesson, LessonError, LessonStep, Located, Panel, Question, suggestion};
use crate::sim::scenario::{DEFAULT_PASSWORD, DEFAULT_SEED, DEFAULT_SERVER_NAME};
use crate::sim::{Scenario, ScenarioName, scenario::validate_server_name};

/// The keys a front matter may hold.
pub const FRONT_MATTER_KEYS: &[&str] = &[
    "id",
    "title",
    "lang",
    "summary",
    "scenario",
    "seed",
    "password",
    "server_name",
];

/// The keys a front matter must hold.
pub const REQUIRED_KEYS: &[&str] = &["id", "title", "scenario"];

/// The settings a step may hold, in the lines right under its heading.
pub const STEP_SETTINGS: &[&str] = &[
    "step",
    "text_only",
    "panel",
    "fields",
    "keys",
    "question",
    "answer",
];

/// Hex digits in a row from which text counts as pasted hex.
pub const HEX_RUN: usize = 16;
/// Space- or colon-separated hex bytes in a row from which text counts as pasted hex.
pub const HEX_BYTES_RUN: usize = 8;

/// Parses the lesson file `file` (named as the user knows it) from its bytes.
/// `folder_lang` is the language of the folder it was found in (`en` at the top level).
pub fn parse(file: &str, bytes: &[u8], folder_lang: &str) -> Result<Lesson, LessonError> {
    let err = |line: usize, problem: String| LessonError::new(file, line, problem);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            return Err(err(
                line,
                "not UTF-8 text: save the file as UTF-8".to_string(),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(err(1, "the file is empty".into()));
    }
    if let Some(offset) = pasted_hex(text) {
        return Err(err(
            line_of(text, offset),
            "no hex pasted into a lesson: values come from the session (use a placeholder such as {{hex:random}} or {{secret:handshake_secret}})".into(),
        ));
    }
    let lines: Vec<&str> = text.lines().collect();
    let front = FrontMatter::parse(file, &lines, folder_lang)?;
    let steps = parse_body(file, &lines, front.body_start)?;
    Ok(Lesson {
        file: file.to_string(),
        id: front.id,
        id_line: front.id_line,
        title: front.title,
        lang: front.lang,
        summary: front.summary,
        scenario: front.scenario,
        seed: front.seed,
        password: front.password,
        server_name: front.server_name,
        steps,
        scenario_line: front.scenario_line,
    })
}

/// The line (from 1) of byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    1 + text[..offset].bytes().filter(|b| *b == b'\n').count()
}

/// The byte offset of the first pasted hex in `text`: [`HEX_RUN`] hex digits in a
/// row, or [`HEX_BYTES_RUN`] two-digit hex bytes separated by single spaces or colons.
pub fn pasted_hex(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let hex = |i: usize| b.get(i).is_some_and(u8::is_ascii_hexdigit);
    let mut run_start = 0;
    let mut run = 0;
    for (i, c) in b.iter().enumerate() {
        if c.is_ascii_hexdigit() {
            if run == 0 {
                run_start = i;
            }
            run += 1;
            if run >= HEX_RUN {
                return Some(run_start);
            }
        } else {
            run = 0;
        }
    }
    for start in 0..b.len() {
        if start > 0 && alnum(start - 1) {
            continue;
        }
        let mut at = start;
        let mut bytes = 0;
        while hex(at) && hex(at + 1) && !alnum(at + 2) {
            bytes += 1;
            at += 2;
            if matches!(b.get(at), Some(b' ' | b':')) && hex(at + 1) {
                at += 1;
            } else {
                break;
            }
        }
        if bytes >= HEX_BYTES_RUN {
            return Some(start);
        }
    }
    None
}

/// `key: value` with the value's optional double quotes removed; `None` when the line
/// has no colon or the key is not a plain word.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return None;
    }
    let value = value.trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    Some((key, value))
}

/// Whether `lang` looks like a language code: `en`, `fr`, `pt-BR`.
pub fn is_lang_code(lang: &str) -> bool {
    let (main, region) = match lang.split_once('-') {
        Some((m, r)) => (m, Some(r)),
        None => (lang, None),
    };
    (2..=3).contains(&main.len())
        && main.bytes().all(|b| b.is_ascii_lowercase())
        && region.is_none_or(|r| {
            (2..=8).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Whether `id` is a valid lesson id: lowercase letters, digits and '-', at most 64.
pub fn is_lesson_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

struct FrontMatter {
    id: String,
    id_line: usize,
    title: String,
    lang: String,
    summary: Option<String>,
    scenario: ScenarioName,
    scenario_line: usize,
    seed: u64,
    password: String,
    server_name: String,
    body_start: usize,
}

impl FrontMatter {
    fn parse(file: &str, lines: &[&str], folder_lang: &str) -> Result<Self, LessonError> {
        let err = |line: usize, problem: String| LessonError::new(file, line, problem);
        if lines.first().map(|l| l.trim_end()) != Some("---") {
            return Err(err(
                1,
                "a lesson starts with its front matter: a line \"---\", then \"key: value\" lines, then \"---\"".into(),
            ));
        }
        let close = lines
            .iter()
            .skip(1)
            .position(|l| l.trim_end() == "---")
            .map(|i| i + 1)
            .ok_or_else(|| {
                err(
                    1,
                    "the front matter is never closed: add a line \"---\" after its last key"
                        .into(),
                )
            })?;
        let mut seen: Vec<(&str, &str, usize)> = Vec::new();
        for (i, line) in lines.iter().enumerate().take(close).skip(1) {
            let line_no = i + 1;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((key, value)) = key_value(line) else {
                return Err(err(
                    line_no,
                    format!(
                        "expected \"key: value\" in the front matter, found {:?}",
                        line.trim()
                    ),
                ));
            };
            if !FRONT_MATTER_KEYS.contains(&key) {
                return Err(err(
                    line_no,
                    format!(
                        "unknown key {key:?}{}; the keys are {}",
                        suggestion(key, FRONT_MATTER_KEYS.iter().copied()),
                        FRONT_MATTER_KEYS.join(", ")
                    ),
                ));
            }
            if let Some((_, _, first)) = seen.iter().find(|(k, _, _)| *k == key) {
                return Err(err(
                    line_no,
                    format!("duplicate key {key:?} (first on line {first})"),
                ));
            }
            if value.is_empty() {
                return Err(err(line_no, format!("key {key:?} has no value")));
            }
            seen.push((key, value, line_no));
        }
        for key in REQUIRED_KEYS {
            if !seen.iter().any(|(k, _, _)| k == key) {
                return Err(err(
                    close + 1,
                    format!(
                        "the front matter has no {key:?} key (it needs {})",
                        REQUIRED_KEYS.join(", ")
                    ),
                ));
            }
        }
        let get = |key: &str| {
            seen.iter()
                .find(|(k, _, _)| *k == key)
                .map(|(_, v, l)| (*v, *l))
        };
        let (id, id_line) = get("id").unwrap_or_default();
        if !is_lesson_id(id) {
            return Err(err(
                id_line,
                format!(
                    "id {id:?}: use lowercase letters, digits and '-' (at most 64), e.g. \"04-hello\""
                ),
            ));
        }
        let (scenario_name, scenario_line) = get("scenario").unwrap_or_default();
        let scenario = ScenarioName::from_name(scenario_name).ok_or_else(|| {
            let names: Vec<&str> = ScenarioName::ALL.iter().map(|s| s.name()).collect();
            err(
                scenario_line,
                format!(
                    "unknown scenario {scenario_name:?}{}; the scenarios are {}",
                    suggestion(scenario_name, names.iter().copied()),
                    names.join(", ")
                ),
            )
        })?;
        let seed = match get("seed") {
            None => DEFAULT_SEED,
            Some((text, line)) => text.parse().map_err(|_| {
                err(
                    line,
                    format!("seed {text:?} is not a whole number from 0 to {}", u64::MAX),
                )
            })?,
        };
        let lang = match get("lang") {
            None => folder_lang.to_string(),
            Some((lang, line)) => {
                if !is_lang_code(lang) {
                    return Err(err(
                        line,
                        format!("lang {lang:?} is not a language code such as en or fr"),
                    ));
                }
                if lang != folder_lang {
                    return Err(err(
                        line,
                        format!(
                            "lang {lang:?} but the file is in the folder for {folder_lang:?}: put {lang:?} lessons in a folder named {lang}/"
                        ),
                    ));
                }
                lang.to_string()
            }
        };
        let server_name = match get("server_name") {
            None => DEFAULT_SERVER_NAME.to_string(),
            Some((name, line)) => {
                validate_server_name(name).map_err(|e| err(line, e))?;
                name.to_string()
            }
        };
        let password = match get("password") {
            None => DEFAULT_PASSWORD.to_string(),
            Some((password, line)) => {
                let check = Scenario {
                    password: password.to_string(),
                    ..Scenario::default()
                };
                check.validate().map_err(|e| err(line, e))?;
                password.to_string()
            }
        };
        Ok(FrontMatter {
            id: id.to_string(),
            id_line,
            title: get("title").map(|(t, _)| t.to_string()).unwrap_or_default(),
            lang,
            summary: get("summary").map(|(s, _)| s.to_string()),
            scenario,
            scenario_line,
            seed,
            password,
            server_name,
            body_start: close + 1,
        })
    }
}

/// A step being read.
struct Draft {
    title: Located<String>,
    settings: Vec<(String, String, usize)>,
    body_text: String,
    body_line: usize,
}

impl Draft {
    fn new(title: String, line: usize) -> Self {
        Draft {
            title: Located { value: title, line },
            settings: Vec::new(),
            body_text: String::new(),
            body_line: 0,
        }
    }

    fn push_body(&mut self, line: &str, line_no: usize) {
        if self.body_line == 0 {
            if line.trim().is_empty() {
                return;
            }
            self.body_line = line_no;
        }
        self.body_text.push_str(line);
        self.body_text.push('\n');
    }

    fn finish(self, file: &str) -> Result<LessonStep, LessonError> {
        let err = |line: usize, problem: String| LessonError::new(file, line, problem);
        let title = self.title;
        let get = |key: &str| {
            self.settings
                .iter()
                .find(|(k, _, _)| k == key)
                .map(|(_, v, l)| Located {
                    value: v.clone(),
                    line: *l,
                })
        };
        let session_step = get("step").ok_or_else(|| {
            err(
                title.line,
                format!(
                    "step {:?} has no \"step: NAME\" line under its heading",
                    title.value
                ),
            )
        })?;
        let text_only = match get("text_only") {
            None => false,
            Some(v) => match v.value.as_str() {
                "yes" | "true" => true,
                "no" | "false" => false,
                other => {
                    return Err(err(v.line, format!("text_only {other:?}: write yes or no")));
                }
            },
        };
        let panel = match get("panel") {
            None => Panel::Sequence,
            Some(v) => Panel::from_name(&v.value).ok_or_else(|| {
                let names: Vec<&str> = Panel::ALL.iter().map(|p| p.name()).collect();
                err(
                    v.line,
                    format!(
                        "unknown panel {:?}{}; the panels are {}",
                        v.value,
                        suggestion(&v.value, names.iter().copied()),
                        names.join(", ")
                    ),
                )
            })?,
        };
        let list = |key: &str| -> Result<Vec<Located<String>>, LessonError> {
            let Some(v) = get(key) else {
                return Ok(Vec::new());
            };
            v.value
                .split(',')
                .map(|name| {
                    let name = name.trim();
                    if name.is_empty() {
                        Err(err(
                            v.line,
                            format!("{key}: an empty name; separate names with commas"),
                        ))
                    } else {
                        Ok(Located {
                            value: name.to_string(),
                            line: v.line,
                        })
                    }
                })
                .collect()
        };
        let fields = list("fields")?;
        let keys = list("keys")?;
        if text_only && let Some(first) = fields.first().or(keys.first()) {
            return Err(err(
                first.line,
                "a text-only step highlights nothing: remove its fields and keys, or its text_only line".into(),
            ));
        }
        let question = match (get("question"), get("answer")) {
            (None, None) => None,
            (Some(question), Some(answer)) => Some(Question { question, answer }),
            (Some(q), None) => {
                return Err(err(
                    q.line,
                    "a question needs an \"answer:\" line too".into(),
                ));
            }
            (None, Some(a)) => {
                return Err(err(
                    a.line,
                    "an answer needs a \"question:\" line too".into(),
                ));
            }
        };
        let body = self.body_text.trim_end().to_string();
        if body.is_empty() {
            return Err(err(
                title.line,
                format!(
                    "step {:?} has no explanation: write it below its settings, after a blank line",
                    title.value
                ),
            ));
        }
        Ok(LessonStep {
            title,
            session_step,
            text_only,
            panel,
            fields,
            keys,
            question,
            body,
            body_line: self.body_line,
        })
    }
}

/// Where a step's lines are.
#[derive(PartialEq, Eq)]
enum Part {
    BeforeFirstStep,
    Settings,
    Body,
}

/// A fence opening or closing a code block: its character and length.
fn fence(line: &str) -> Option<(u8, usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let c = *rest.as_bytes().first()?;
    if c != b'`' && c != b'~' {
        return None;
    }
    let n = rest.bytes().take_while(|b| *b == c).count();
    (n >= 3).then(|| (c, n, rest[n..].trim()))
}

/// The title of a `## Title` heading line, if it is one.
fn step_heading(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("##")?;
    if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim_end())
}

fn parse_body(file: &str, lines: &[&str], start: usize) -> Result<Vec<LessonStep>, LessonError> {
    let err = |line: usize, problem: String| LessonError::new(file, line, problem);
    let mut steps = Vec::new();
    let mut draft: Option<Draft> = None;
    let mut part = Part::BeforeFirstStep;
    let mut open_fence: Option<(u8, usize, usize)> = None;
    for (i, line) in lines.iter().enumerate().skip(start) {
        let line_no = i + 1;
        if let Some((c, n, _)) = open_fence {
            if let Some((fc, fnum, info)) = fence(line)
                && fc == c
                && fnum >= n
                && info.is_empty()
            {
                open_fence = None;
            }
            if let Some(d) = draft.as_mut() {
                d.push_body(line, line_no);
            }
            continue;
        }
        if let Some(title) = step_heading(line) {
            if title.is_empty() {
                return Err(err(line_no, "a step heading \"##\" needs a title".into()));
            }
            if let Some(done) = draft.take() {
                steps.push(done.finish(file)?);
            }
            draft = Some(Draft::new(title.to_string(), line_no));
            part = Part::Settings;
            continue;
        }
        match part {
            Part::BeforeFirstStep => {
                if !line.trim().is_empty() {
                    return Err(err(
                        line_no,
                        "text before the first step: each step starts with a \"## Title\" line"
                            .into(),
                    ));
                }
            }
            Part::Settings => {
                let Some(d) = draft.as_mut() else { continue };
                if line.trim().is_empty() {
                    part = Part::Body;
                    continue;
                }
                let setting = key_value(line).filter(|(k, _)| STEP_SETTINGS.contains(k));
                let Some((key, value)) = setting else {
                    if d.settings.is_empty() {
                        return Err(err(
                            line_no,
                            format!(
                                "step {:?} needs a \"step: NAME\" line right under its heading",
                                d.title.value
                            ),
                        ));
                    }
                    let key = key_value(line).map(|(k, _)| k).unwrap_or(line.trim());
                    return Err(err(
                        line_no,
                        format!(
                            "unknown setting {key:?}{}; the settings are {} (leave a blank line before the explanation)",
                            suggestion(key, STEP_SETTINGS.iter().copied()),
                            STEP_SETTINGS.join(", ")
                        ),
                    ));
                };
                if let Some((_, _, first)) = d.settings.iter().find(|(k, _, _)| k == key) {
                    return Err(err(
                        line_no,
                        format!("duplicate setting {key:?} (first on line {first})"),
                    ));
                }
                if value.is_empty() {
                    return Err(err(line_no, format!("setting {key:?} has no value")));
                }
                d.settings
                    .push((key.to_string(), value.to_string(), line_no));
            }
            Part::Body => {
                if let Some((c, n, _)) = fence(line) {
                    open_fence = Some((c, n, line_no));
                }
                if let Some(d) = draft.as_mut() {
                    d.push_body(line, line_no);
                }
            }
        }
    }
    if let Some((_, _, opened)) = open_fence {
        return Err(err(opened, "this code block is never closed".into()));
    }
    match draft {
        Some(done) => steps.push(done.finish(file)?),
        None => {
            return Err(err(
                start,
                "the lesson has no steps: each step starts with a \"## Title\" line".into(),
            ));
        }
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\nid: 04-hello\ntitle: Hello\nscenario: https\nseed: 7\n---\n\n## Offer\nstep: client_hello\npanel: inspector\nfields: random, cipher_suites\nquestion: What next?\nanswer: ServerHello.\n\nThe browser offers {{field:cipher_suites}}.\n\n## Intro\nstep: server_hello\ntext_only: yes\n\nText.\n";

    /// The error for `text`, as `line: problem`.
    fn error(text: &str) -> (usize, String) {
        let e = parse("lessons/x.md", text.as_bytes(), "en").expect_err("should be refused");
        assert_eq!(e.file, "lessons/x.md");
        (e.line, e.problem)
    }

    fn assert_error(text: &str, line: usize, mentions: &str) {
        let (got_line, problem) = error(text);
        assert_eq!(got_line, line, "{problem}");
        assert!(
            problem.contains(mentions),
            "{problem:?} should mention {mentions:?}"
        );
    }

    /// GOOD with `from` replaced by `to` (which must occur).
    fn good_with(from: &str, to: &str) -> String {
        assert!(GOOD.contains(from), "{from}");
        GOOD.replacen(from, to, 1)
    }

    #[test]
    fn a_good_lesson_parses() {
        let lesson = parse("lessons/x.md", GOOD.as_bytes(), "en").expect("parses");
        assert_eq!(lesson.id, "04-hello");
        assert_eq!(lesson.seed, 7);
        assert_eq!(lesson.lang, "en");
        assert_eq!(lesson.server_name, DEFAULT_SERVER_NAME);
        assert_eq!(lesson.steps.len(), 2);
        let offer = &lesson.steps[0];
        assert_eq!(offer.title.value, "Offer");
        assert_eq!(offer.title.line, 8);
        assert_eq!(offer.session_step.value, "client_hello");
        assert_eq!(offer.panel, Panel::Inspector);
        let fields: Vec<(&str, usize)> = offer
            .fields
            .iter()
            .map(|f| (f.value.as_str(), f.line))
            .collect();
        assert_eq!(fields, [("random", 11), ("cipher_suites", 11)]);
        assert_eq!(offer.body_line, 15);
        assert_eq!(offer.body, "The browser offers {{field:cipher_suites}}.");
        assert!(offer.question.is_some());
        assert!(lesson.steps[1].text_only);
        assert_eq!(lesson.steps[1].panel, Panel::Sequence);
    }

    #[test]
    fn crlf_and_a_byte_order_mark_are_fine() {
        let text = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
        let lesson = parse("x.md", text.as_bytes(), "en").expect("parses");
        assert_eq!(
            lesson.steps[0].body,
            "The browser offers {{field:cipher_suites}}."
        );
    }

    #[test]
    fn empty_and_non_utf8_files() {
        assert_error("", 1, "empty");
        assert_error(" \n\n", 1, "empty");
        let mut bytes = b"---\nid: a\ntitle: caf".to_vec();
        bytes.push(0xe9);
        let e = parse("x.md", &bytes, "en").expect_err("not UTF-8");
        assert_eq!((e.line, e.problem.contains("UTF-8")), (3, true), "{e}");
    }

    #[test]
    fn front_matter_problems() {
        assert_error("# Hello\n", 1, "front matter");
        assert_error("---\nid: a\ntitle: b\n", 1, "never closed");
        assert_error(
            &good_with("seed: 7\n", "seed: 7\ntitel: x\n"),
            6,
            "unknown key \"titel\" (did you mean \"title\"?)",
        );
        assert_error(
            &good_with("seed: 7\n", "seed: 7\nid: again\n"),
            6,
            "duplicate key \"id\" (first on line 2)",
        );
        assert_error(&good_with("title: Hello\n", ""), 5, "no \"title\" key");
        assert_error(
            &good_with("seed: 7", "seed: lots"),
            5,
            "seed \"lots\" is not a whole number",
        );
        assert_error(&good_with("seed: 7", "seed: -1"), 5, "seed");
        assert_error(
            &good_with("scenario: https", "scenario: htps"),
            4,
            "unknown scenario \"htps\" (did you mean \"https\"?)",
        );
        assert_error(
            &good_with("id: 04-hello", "id: 04 Hello"),
            2,
            "id \"04 Hello\"",
        );
        assert_error(&good_with("seed: 7", "seed:"), 5, "has no value");
        assert_error(
            &good_with("seed: 7", "just words"),
            5,
            "expected \"key: value\"",
        );
        assert_error(&good_with("seed: 7", "lang: fr"), 5, "folder");
        assert_error(
            &good_with("seed: 7", "server_name: bad name"),
            5,
            "server name",
        );
    }

    #[test]
    fn front_matter_comments_quotes_and_defaults() {
        let text = good_with("title: Hello", "# a comment\ntitle: \"Hello: there\"");
        let lesson = parse("x.md", text.as_bytes(), "en").expect("parses");
        assert_eq!(lesson.title, "Hello: there");
        assert_eq!(lesson.password, DEFAULT_PASSWORD);
        let fr = good_with("seed: 7", "lang: fr");
        assert_eq!(
            parse("x.md", fr.as_bytes(), "fr").map(|l| l.lang),
            Ok("fr".to_string())
        );
    }

    #[test]
    fn step_problems() {
        assert_error(
            &good_with("\n## Offer", "\nHello there.\n## Offer"),
            8,
            "text before the first step",
        );
        assert_error(
            &good_with("step: client_hello\n", ""),
            8,
            "has no \"step: NAME\" line",
        );
        assert_error(
            &good_with("## Offer\n", "## Offer\nHello.\n"),
            9,
            "needs a \"step: NAME\" line right under its heading",
        );
        assert_error(
            &good_with("panel: inspector", "panel: inspectr"),
            10,
            "unknown panel \"inspectr\" (did you mean \"inspector\"?)",
        );
        assert_error(
            &good_with("panel: inspector", "pannel: inspector"),
            10,
            "unknown setting \"pannel\" (did you mean \"panel\"?)",
        );
        assert_error(
            &good_with("panel: inspector", "step: again"),
            10,
            "duplicate setting \"step\" (first on line 9)",
        );
        assert_error(
            &good_with("answer: ServerHello.\n", ""),
            12,
            "needs an \"answer:\"",
        );
        assert_error(
            &good_with("question: What next?\n", ""),
            12,
            "needs a \"question:\"",
        );
        assert_error(
            &good_with("fields: random, cipher_suites", "fields: random,,x"),
            11,
            "empty name",
        );
        assert_error(
            &good_with("text_only: yes", "text_only: maybe"),
            19,
            "yes or no",
        );
        assert_error(
            &good_with("text_only: yes", "text_only: yes\nkeys: handshake_secret"),
            20,
            "text-only step highlights nothing",
        );
        assert_error(&good_with("\nText.\n", "\n"), 17, "has no explanation");
        assert_error(&good_with("## Intro", "##"), 17, "needs a title");
        assert_error(
            "---\nid: a\ntitle: b\nscenario: https\n---\n\n",
            5,
            "no steps",
        );
    }

    #[test]
    fn code_blocks_hide_headings_and_must_close() {
        let text = good_with("Text.\n", "Text.\n\n```\n## not a step\n```\n");
        let lesson = parse("x.md", text.as_bytes(), "en").expect("parses");
        assert_eq!(lesson.steps.len(), 2);
        assert!(lesson.steps[1].body.contains("## not a step"));
        assert_error(
            &good_with("Text.\n", "Text.\n\n~~~\nnever closed\n"),
            23,
            "never closed",
        );
    }

    #[test]
    fn pasted_hex_is_refused_wherever_it_is() {
        let run = "c9769a35fb136de4a4f4";
        assert_error(
            &good_with("Text.", &format!("The random is {run}.")),
            21,
            "no hex pasted into a lesson: values come from the session",
        );
        assert_error(
            &good_with("title: Hello", &format!("title: {run}")),
            3,
            "no hex pasted",
        );
        assert_error(
            &good_with("Text.", "Bytes: 16 03 03 00 b5 01 00 00 b1."),
            21,
            "no hex pasted",
        );
        assert_error(
            &good_with("Text.", "Bytes: 16:03:03:00:b5:01:00:00."),
            21,
            "no hex pasted",
        );
        // Short values, words and numbers are fine.
        for fine in [
            "Version 0x0303 means TLS 1.2.",
            "TLS_AES_128_GCM_SHA256 and 2 to the power 128.",
            "The bytes 03 03 say 3.3.",
            "A deadbeef of 8 digits.",
            "1999, 2006, 2008 and 2018.",
        ] {
            assert_eq!(pasted_hex(fine), None, "{fine}");
        }
    }

    #[test]
    fn names_and_codes() {
        assert!(is_lang_code("en") && is_lang_code("pt-BR") && is_lang_code("fil"));
        assert!(!is_lang_code("pending") && !is_lang_code("EN") && !is_lang_code("e"));
        assert!(is_lesson_id("04-hello") && !is_lesson_id("-x") && !is_lesson_id("A"));
    }
}
