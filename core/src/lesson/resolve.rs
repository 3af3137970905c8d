//! A [`Lesson`] against the [`Timeline`] of its session: each step found by name,
//! each highlight checked, each placeholder filled in with the session's own value.

use crate::lesson::{Lesson, LessonError, Panel, suggestion};
use crate::sim::tap::side_word;
use crate::sim::{Outcome, Step, StepName, Timeline, simulate};
use crate::text;
use crate::text::{Text, say};
use crate::wire::Field;

/// The placeholders that take no argument.
pub const SIMPLE_PLACEHOLDERS: &[&str] = &[
    "password",
    "username",
    "server_name",
    "seed",
    "scenario",
    "step",
    "step_number",
    "step_count",
    "record_len",
    "data_len",
    "time_ms",
    "outcome",
];

/// The placeholders that take a name after a colon: `{{field:random}}`.
pub const NAMED_PLACEHOLDERS: &[&str] = &["field", "hex", "secret", "check"];

/// A lesson ready to show: every value comes from the timeline it was resolved against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedLesson {
    /// The lesson's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its steps, in order.
    pub steps: Vec<ResolvedStep>,
}

/// One lesson step, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedStep {
    /// The heading, placeholders filled in.
    pub title: String,
    /// The session step's stable name (`server_hello`).
    pub step_name: StepName,
    /// Its index in `timeline.steps`.
    pub session_step: usize,
    /// A text-only step: show the text, the session at `session_step`, no highlights.
    pub text_only: bool,
    /// The panel to bring forward.
    pub panel: Panel,
    /// Annotation field names to highlight in the step's record (present in it).
    pub fields: Vec<String>,
    /// Secret names to highlight in the key panel (derived by this step).
    pub keys: Vec<String>,
    /// The explanation, Markdown, placeholders filled in.
    pub text: String,
    /// The question and its answer (shown on click), placeholders filled in.
    pub question: Option<(String, String)>,
}

/// Simulates the lesson's session and resolves the lesson against it.
pub fn validate(lesson: &Lesson) -> Result<(Timeline, ResolvedLesson), LessonError> {
    let timeline = simulate(&lesson.scenario()).map_err(|e| {
        LessonError::new(
            &lesson.file,
            lesson.scenario_line,
            format!("the session does not run: {e}"),
        )
    })?;
    let resolved = resolve(lesson, &timeline)?;
    Ok((timeline, resolved))
}

/// Resolves `lesson` against `timeline` (a session of the lesson's scenario, possibly
/// with other inputs: the student may have typed another password).
pub fn resolve(lesson: &Lesson, timeline: &Timeline) -> Result<ResolvedLesson, LessonError> {
    let file = lesson.file.as_str();
    let err = |line: usize, problem: String| LessonError::new(file, line, problem);
    if timeline.scenario.name != lesson.scenario {
        return Err(err(
            lesson.scenario_line,
            format!(
                "the lesson narrates scenario {} but was given a session of {}",
                lesson.scenario.name(),
                timeline.scenario.name.name()
            ),
        ));
    }
    let scenario = lesson.scenario.name();
    let mut steps = Vec::with_capacity(lesson.steps.len());
    for step in &lesson.steps {
        let name = &step.session_step;
        let step_names: Vec<String> = timeline.steps.iter().map(|s| s.name.to_string()).collect();
        let index = timeline.step_index(&name.value).ok_or_else(|| {
            err(
                name.line,
                format!(
                    "step {:?} is not a step of scenario {scenario}{}",
                    name.value,
                    suggestion(&name.value, step_names.iter().map(String::as_str))
                ),
            )
        })?;
        let session = Context {
            timeline,
            index,
            file,
            language: &lesson.lang,
        };
        for field in &step.fields {
            session.field(&field.value, field.line)?;
        }
        for key in &step.keys {
            session.secret(&key.value, key.line)?;
        }
        let question = match &step.question {
            None => None,
            Some(q) => Some((
                session.fill(&q.question.value, q.question.line)?,
                session.fill(&q.answer.value, q.answer.line)?,
            )),
        };
        steps.push(ResolvedStep {
            title: session.fill(&step.title.value, step.title.line)?,
            step_name: timeline.steps[index].name,
            session_step: index,
            text_only: step.text_only,
            panel: step.panel,
            fields: step.fields.iter().map(|f| f.value.clone()).collect(),
            keys: step.keys.iter().map(|k| k.value.clone()).collect(),
            text: session.fill(&step.body, step.body_line)?,
            question,
        });
    }
    Ok(ResolvedLesson {
        id: lesson.id.clone(),
        title: lesson.title.clone(),
        steps,
    })
}

/// One session step, as seen from a lesson step.
struct Context<'a> {
    timeline: &'a Timeline,
    index: usize,
    file: &'a str,
    /// The lesson's language: the session's words are filled in in it.
    language: &'a str,
}

impl Context<'_> {
    fn err(&self, line: usize, problem: String) -> LessonError {
        LessonError::new(self.file, line, problem)
    }

    fn step(&self) -> &Step {
        &self.timeline.steps[self.index]
    }

    /// A text of the session in the lesson's language.
    fn say(&self, text: &Text) -> String {
        say(self.language, text)
    }

    /// The field named `name` in this step's records, with the bytes it covers.
    fn field(&self, name: &str, line: usize) -> Result<(&Field, &[u8]), LessonError> {
        let step = self.step();
        for record in &step.records {
            let wire = record.fields.iter().find_map(|f| f.find(name));
            if let Some(f) = wire {
                return Ok((
                    f,
                    record.received_bytes().get(f.range.clone()).unwrap_or(&[]),
                ));
            }
            let inner = record.inner_fields.iter().find_map(|f| f.find(name));
            if let Some(f) = inner {
                let bytes = record.inner_plaintext.as_deref().unwrap_or(&[]);
                return Ok((f, bytes.get(f.range.clone()).unwrap_or(&[])));
            }
        }
        let mut names = Vec::new();
        for record in &step.records {
            for f in record.fields.iter().chain(&record.inner_fields) {
                collect_names(f, &mut names);
            }
        }
        Err(self.err(
            line,
            format!(
                "field {name:?} is not in the {} record{}",
                step.name,
                suggestion(name, names.iter().map(String::as_str))
            ),
        ))
    }

    /// The secret named `name`, derived at or before this step by either side.
    fn secret(&self, name: &str, line: usize) -> Result<&[u8], LessonError> {
        let known = self
            .timeline
            .learned_until(self.index)
            .find(|(_, l)| l.derivation.name == name);
        if let Some((_, learned)) = known {
            return Ok(&learned.derivation.output);
        }
        let later = self
            .timeline
            .steps
            .iter()
            .find(|s| s.learned.iter().any(|l| l.derivation.name == name));
        let step = &self.step().name;
        Err(self.err(
            line,
            match later {
                Some(later) => format!(
                    "key {name:?} is not derived yet at step {step:?} (it is first derived at step {:?})",
                    later.name
                ),
                None => {
                    let all: Vec<&str> = self
                        .timeline
                        .steps
                        .iter()
                        .flat_map(|s| s.learned.iter().map(|l| l.derivation.name))
                        .collect();
                    if all.is_empty() {
                        format!(
                            "key {name:?}: scenario {} derives no keys",
                            self.timeline.scenario.name.name()
                        )
                    } else {
                        format!(
                            "key {name:?} is never derived in scenario {}{}",
                            self.timeline.scenario.name.name(),
                            suggestion(name, all)
                        )
                    }
                }
            },
        ))
    }

    /// `text` with every `{{placeholder}}` replaced; `first_line` is the line `text`
    /// starts on.
    fn fill(&self, text: &str, first_line: usize) -> Result<String, LessonError> {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        let mut consumed = 0;
        while let Some(open) = rest.find("{{") {
            let line = first_line + text[..consumed + open].matches('\n').count();
            out.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let close = after
                .find("}}")
                .filter(|c| !after[..*c].contains('\n'))
                .ok_or_else(|| {
                    self.err(
                        line,
                        "a placeholder opened with {{ is not closed with }} on the same line"
                            .into(),
                    )
                })?;
            out.push_str(&self.placeholder(after[..close].trim(), line)?);
            consumed += open + 2 + close + 2;
            rest = &after[close + 2..];
        }
        out.push_str(rest);
        Ok(out)
    }

    fn placeholder(&self, inside: &str, line: usize) -> Result<String, LessonError> {
        let timeline = self.timeline;
        let step = self.step();
        if let Some((kind, name)) = inside.split_once(':') {
            let name = name.trim();
            return match kind.trim() {
                "field" => Ok(self.say(&self.field(name, line)?.0.value)),
                "hex" => {
                    let (_, bytes) = self.field(name, line)?;
                    Ok(spaced_hex(bytes))
                }
                "secret" => Ok(crate::sim::timeline::hex(self.secret(name, line)?)),
                "check" => {
                    let check = timeline
                        .steps
                        .iter()
                        .take(self.index + 1)
                        .flat_map(|s| s.checks.iter())
                        .find(|(_, c)| c.name.name() == name);
                    match check {
                        Some((_, c)) => Ok(self.say(&if c.passed {
                            text!("lesson-check-pass", detail = c.detail.clone())
                        } else {
                            text!("lesson-check-fail", detail = c.detail.clone())
                        })),
                        None => {
                            let names: Vec<&str> = timeline
                                .steps
                                .iter()
                                .take(self.index + 1)
                                .flat_map(|s| s.checks.iter().map(|(_, c)| c.name.name()))
                                .collect();
                            Err(self.err(
                                line,
                                format!(
                                    "no check {name:?} has run by step {:?}{}",
                                    step.name,
                                    suggestion(name, names)
                                ),
                            ))
                        }
                    }
                }
                other => Err(self.err(
                    line,
                    format!(
                        "unknown placeholder {{{{{inside}}}}}{}; named ones are {}",
                        suggestion(other.trim(), NAMED_PLACEHOLDERS.iter().copied()),
                        NAMED_PLACEHOLDERS
                            .iter()
                            .map(|p| format!("{{{{{p}:NAME}}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )),
            };
        }
        let scenario = &timeline.scenario;
        Ok(match inside {
            "password" => scenario.password.clone(),
            "username" => scenario.username.clone(),
            "server_name" => scenario.server_name.clone(),
            "seed" => scenario.seed.to_string(),
            "scenario" => scenario.name.name().to_string(),
            "step" => step.name.to_string(),
            "step_number" => (self.index + 1).to_string(),
            "step_count" => timeline.steps.len().to_string(),
            "record_len" => step
                .records
                .iter()
                .map(|r| r.bytes.len())
                .sum::<usize>()
                .to_string(),
            "data_len" => {
                if step.delivered_data.is_empty() {
                    return Err(self.err(
                        line,
                        format!(
                            "{{{{data_len}}}}: no application data arrives at step {:?}",
                            step.name
                        ),
                    ));
                }
                step.delivered_data
                    .iter()
                    .map(|(_, d)| d.len())
                    .sum::<usize>()
                    .to_string()
            }
            "time_ms" => self.say(&text!(
                "lesson-milliseconds",
                ms = (step.time_micros / 1000).to_string(),
                fraction = format!("{:03}", step.time_micros % 1000)
            )),
            "outcome" => self.say(&match &timeline.outcome {
                Outcome::Completed => Text::message("lesson-outcome-completed"),
                Outcome::Aborted { by, alert, .. } => text!(
                    "lesson-outcome-aborted",
                    side = side_word(*by),
                    alert = alert.name()
                ),
            }),
            _ => {
                let all = SIMPLE_PLACEHOLDERS
                    .iter()
                    .chain(NAMED_PLACEHOLDERS)
                    .copied();
                return Err(self.err(
                    line,
                    format!(
                        "unknown placeholder {{{{{inside}}}}}{}; see lessons/README.md for the list",
                        suggestion(inside, all)
                    ),
                ));
            }
        })
    }
}

fn collect_names(field: &Field, out: &mut Vec<String>) {
    if !out.contains(&field.name) {
        out.push(field.name.clone());
    }
    for c in &field.children {
        collect_names(c, out);
    }
}

/// `16 03 03`: bytes as the inspector shows them.
fn spaced_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::parse;

    fn lesson(scenario: &str, steps: &str) -> Lesson {
        let text = format!("---\nid: t\ntitle: T\nscenario: {scenario}\n---\n\n{steps}");
        parse("lessons/03-hello.md", text.as_bytes(), "en").expect("parses")
    }

    /// Validates a one-step https lesson; `Err` holds `line: problem`.
    fn check(steps: &str) -> Result<ResolvedLesson, String> {
        validate(&lesson("https", steps))
            .map(|(_, r)| r)
            .map_err(|e| format!("{}: {}", e.line, e.problem))
    }

    #[test]
    fn a_misspelled_step_is_named_with_a_suggestion() {
        let e =
            validate(&lesson("https", "## A\nstep: server_helo\n\nText.\n")).expect_err("bad step");
        assert_eq!(
            e.to_string(),
            "lessons/03-hello.md:8: step \"server_helo\" is not a step of scenario https (did you mean \"server_hello\"?)"
        );
        let e = check(
            "## A\nstep: client_hello\n\nText.\n\n## B\nstep: encrypted_extension\n\nMore.\n",
        );
        assert_eq!(e.map(|_| ()), Err("13: step \"encrypted_extension\" is not a step of scenario https (did you mean \"encrypted_extensions\"?)".into()));
        let http =
            validate(&lesson("http", "## A\nstep: client_hello\n\nText.\n")).expect_err("no TLS");
        assert!(
            http.problem.contains("not a step of scenario http"),
            "{http}"
        );
    }

    #[test]
    fn steps_resolve_by_name_not_position() {
        let r =
            check("## Later\nstep: server_hello\n\nA.\n\n## Earlier\nstep: client_hello\n\nB.\n")
                .expect("valid");
        assert_eq!(r.steps[0].session_step, 1);
        assert_eq!(r.steps[1].session_step, 0);
        assert_eq!(r.steps[1].step_name, "client_hello");
    }

    #[test]
    fn highlights_must_exist_at_that_step() {
        assert_eq!(
            check("## A\nstep: server_hello\nfields: cipher_suites\n\nText.\n").map(|_| ()),
            Err("9: field \"cipher_suites\" is not in the server_hello record (did you mean \"cipher_suite\"?)".into())
        );
        assert!(
            check("## A\nstep: http_request\nfields: password, encrypted_record\n\nText.\n")
                .is_ok(),
            "inner fields count"
        );
        assert_eq!(
            check("## A\nstep: server_hello\nkeys: master_secret\n\nText.\n").map(|_| ()),
            Err("9: key \"master_secret\" is not derived yet at step \"server_hello\" (it is first derived at step \"server_finished\")".into())
        );
        assert_eq!(
            check("## A\nstep: server_finished\nkeys: handshake_secrte\n\nText.\n").map(|_| ()),
            Err("9: key \"handshake_secrte\" is never derived in scenario https (did you mean \"handshake_secret\"?)".into())
        );
        let http = validate(&lesson(
            "http",
            "## A\nstep: http_request\nkeys: master_secret\n\nText.\n",
        ))
        .expect_err("no keys");
        assert!(http.problem.contains("derives no keys"), "{http}");
    }

    #[test]
    fn placeholders_take_the_sessions_values() {
        let r = check(
            "## {{step}} at {{time_ms}} ms\nstep: server_hello\nquestion: Suite?\nanswer: {{field:cipher_suite}}\n\n\
             Version {{hex:legacy_version}}, {{record_len}} bytes, seed {{seed}}, {{server_name}}.\n\
             Secret {{secret:handshake_secret}}; {{ password }}; {{step_number}}/{{step_count}}; {{outcome}}.\n",
        )
        .expect("valid");
        let step = &r.steps[0];
        assert_eq!(step.title, "server_hello at 15.000 ms");
        assert_eq!(
            step.question,
            Some(("Suite?".into(), "TLS_AES_128_GCM_SHA256".into()))
        );
        let timeline = simulate(&crate::sim::Scenario::default()).expect("simulates");
        let secret = crate::sim::timeline::hex(
            &timeline
                .secret(crate::tls::Side::Client, "handshake_secret")
                .expect("known")
                .output,
        );
        assert_eq!(
            step.text,
            format!(
                "Version 03 03, {} bytes, seed 1, bank.example.\nSecret {secret}; s3cret-Passw0rd; 2/11; completed.",
                timeline.steps[1].records[0].bytes.len()
            )
        );
        let checks = check("## A\nstep: certificate\n\nHost: {{check:hostname}}\n").expect("valid");
        assert!(
            checks.steps[0]
                .text
                .starts_with("Host: pass (subjectAltName contains bank.example)")
        );
    }

    #[test]
    fn bad_placeholders_name_their_line() {
        let cases = [
            (
                "Fine.\n{{pasword}}",
                "11: unknown placeholder {{pasword}} (did you mean \"password\"?)",
            ),
            (
                "Fine.\n{{feild:random}}",
                "11: unknown placeholder {{feild:random}} (did you mean \"field\"?)",
            ),
            (
                "Fine.\n\n{{field:randm}}",
                "12: field \"randm\" is not in the client_hello record (did you mean \"random\"?)",
            ),
            (
                "{{secret:handshake_secret}}",
                "10: key \"handshake_secret\" is not derived yet",
            ),
            (
                "{{check:hostname}}",
                "10: no check \"hostname\" has run by step \"client_hello\"",
            ),
            (
                "{{data_len}}",
                "10: {{data_len}}: no application data arrives",
            ),
            (
                "Open {{password",
                "10: a placeholder opened with {{ is not closed",
            ),
        ];
        for (body, expected) in cases {
            let got = check(&format!("## A\nstep: client_hello\n\n{body}\n")).map(|_| ());
            let problem = got.expect_err(body);
            assert!(
                problem.starts_with(expected),
                "{problem:?} should start with {expected:?}"
            );
        }
        let question = check("## A\nstep: client_hello\nquestion: {{nope}}\nanswer: a\n\nText.\n");
        assert!(question.is_err_and(|e| e.starts_with("9: unknown placeholder {{nope}}")));
    }

    #[test]
    fn a_session_of_another_scenario_is_refused() {
        let l = lesson("https", "## A\nstep: http_request\n\nText.\n");
        let http = simulate(&crate::sim::Scenario::named(crate::sim::ScenarioName::Http))
            .expect("simulates");
        let e = resolve(&l, &http).expect_err("wrong scenario");
        assert!(e.problem.contains("given a session of http"), "{e}");
    }

    #[test]
    fn a_new_password_changes_the_values_shown() {
        let l = lesson(
            "https",
            "## A\nstep: http_request\nfields: password\n\n{{field:password}} in {{record_len}} bytes.\n",
        );
        let mut scenario = l.scenario();
        let before = resolve(&l, &simulate(&scenario).expect("runs")).expect("valid");
        scenario.password = "a-much-longer-password-than-before".into();
        let after = resolve(&l, &simulate(&scenario).expect("runs")).expect("valid");
        assert!(
            after.steps[0]
                .text
                .starts_with("a-much-longer-password-than-before in ")
        );
        assert_ne!(before.steps[0].text, after.steps[0].text);
    }
}
