//! All the lessons an app session offers: the built-in ones plus a teacher's folder,
//! in one language with English as the fallback.
//!
//! For each id the lesson shown is the first that exists of: the teacher's in the
//! chosen language, the teacher's in English, the built-in in the chosen language,
//! the built-in in English. The teacher's wins even when it is broken, so the teacher
//! sees the error instead of silently getting the built-in lesson. A broken lesson is
//! an [`Entry`] holding its error; every other lesson still loads.

use std::borrow::Cow;

use crate::lesson::{Lesson, LessonError, ResolvedLesson, parse, validate};
use crate::sim::{Scenario, Timeline};

include!(concat!(env!("OUT_DIR"), "/built_in_lessons.rs"));

/// Where a lesson comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Origin {
    /// Shipped in `lessons/`, embedded in the binary.
    BuiltIn,
    /// From the folder passed with `--lessons DIR`.
    Teacher,
}

/// One lesson file's bytes, before parsing.
#[derive(Clone, Debug)]
pub struct Source {
    /// The file as users know it: `lessons/04-hello.md`, or the teacher's path.
    pub file: String,
    /// The language of the folder it was in (`en` at the top level).
    pub lang: String,
    /// Built in or the teacher's.
    pub origin: Origin,
    /// The file's bytes, not yet known to be UTF-8.
    pub bytes: Cow<'static, [u8]>,
}

/// The shipped lessons, embedded at build time (see `build.rs`).
pub fn built_in_sources() -> Vec<Source> {
    BUILT_IN
        .iter()
        .map(|(file, lang, bytes)| Source {
            file: (*file).to_string(),
            lang: (*lang).to_string(),
            origin: Origin::BuiltIn,
            bytes: Cow::Borrowed(*bytes),
        })
        .collect()
}

/// A lesson that parsed and resolved against its session.
#[derive(Clone, Debug)]
pub struct Ready {
    /// The lesson as written.
    pub lesson: Lesson,
    /// The session it narrates, simulated with the lesson's seed and inputs.
    pub timeline: Timeline,
    /// The lesson resolved against that session.
    pub resolved: ResolvedLesson,
}

/// One line of the lesson list: a lesson ready to show, or its error.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The lesson's id (the file name without `.md` when the id could not be read).
    pub id: String,
    /// The file it came from.
    pub file: String,
    /// Built in or the teacher's.
    pub origin: Origin,
    /// Its language.
    pub lang: String,
    /// The lesson, or what is wrong with it.
    pub state: Result<Box<Ready>, LessonError>,
}

impl Entry {
    /// The lesson's title, when it loaded.
    pub fn title(&self) -> Option<&str> {
        self.ready().map(|r| r.lesson.title.as_str())
    }

    /// Its number of steps, when it loaded.
    pub fn step_count(&self) -> Option<usize> {
        self.ready().map(|r| r.lesson.steps.len())
    }

    /// The loaded lesson.
    pub fn ready(&self) -> Option<&Ready> {
        self.state.as_ref().ok().map(|r| &**r)
    }

    /// What is wrong with it, when it did not load.
    pub fn error(&self) -> Option<&LessonError> {
        self.state.as_ref().err()
    }
}

/// The lessons on offer, in id order.
#[derive(Clone, Debug)]
pub struct Catalog {
    /// The language chosen.
    pub lang: String,
    /// One entry per lesson id, sorted by id.
    pub entries: Vec<Entry>,
}

/// The id a source's entry is listed under: the lesson's id, or the file's name when
/// the lesson does not parse.
fn source_id(source: &Source) -> String {
    match parse(&source.file, &source.bytes, &source.lang) {
        Ok(lesson) => lesson.id,
        Err(_) => stem(&source.file),
    }
}

/// The file name of `file` without folder and `.md`.
fn stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.strip_suffix(".md").unwrap_or(name).to_string()
}

impl Catalog {
    /// The built-in lessons only.
    pub fn built_in(lang: &str) -> Catalog {
        Catalog::build(built_in_sources(), Vec::new(), lang)
    }

    /// Builds the catalog from lesson sources (built-in and teacher's) and from the
    /// problems met while reading the teacher's folder (each becomes an error entry).
    /// Only English lessons and lessons in `lang` are considered.
    pub fn build(sources: Vec<Source>, problems: Vec<LessonError>, lang: &str) -> Catalog {
        // (rank, id, source, parsed): a higher rank wins for the same id.
        let mut candidates: Vec<(u8, String, Source, Result<Lesson, LessonError>)> = Vec::new();
        for source in sources {
            if source.lang != "en" && source.lang != lang {
                continue;
            }
            let parsed = parse(&source.file, &source.bytes, &source.lang);
            let id = match &parsed {
                Ok(lesson) => lesson.id.clone(),
                Err(_) => stem(&source.file),
            };
            let rank = 2 * u8::from(source.origin == Origin::Teacher)
                + u8::from(source.lang == lang && lang != "en");
            candidates.push((rank, id, source, parsed));
        }
        candidates.sort_by(|a, b| (&a.1, b.0, &a.2.file).cmp(&(&b.1, a.0, &b.2.file)));
        let mut entries: Vec<Entry> = Vec::new();
        let mut timelines: Vec<(Scenario, Timeline)> = Vec::new();
        let mut i = 0;
        while i < candidates.len() {
            let (rank, id) = (candidates[i].0, candidates[i].1.clone());
            let same: Vec<usize> = (i..candidates.len())
                .take_while(|j| candidates[*j].1 == id)
                .collect();
            i += same.len();
            let (_, _, source, parsed) = &candidates[same[0]];
            let rival = same.get(1).map(|j| &candidates[*j]).filter(|c| c.0 == rank);
            let state = match (parsed, rival) {
                (Err(e), _) => Err(e.clone()),
                (Ok(lesson), Some(rival)) => Err(LessonError::new(
                    &lesson.file,
                    lesson.id_line,
                    format!("id {id:?} is also the id of {}", rival.2.file),
                )),
                (Ok(lesson), None) => ready(lesson, &mut timelines),
            };
            entries.push(Entry {
                id,
                file: source.file.clone(),
                origin: source.origin,
                lang: source.lang.clone(),
                state,
            });
        }
        for problem in problems {
            entries.push(Entry {
                id: stem(&problem.file),
                file: problem.file.clone(),
                origin: Origin::Teacher,
                lang: lang.to_string(),
                state: Err(problem),
            });
        }
        entries.sort_by(|a, b| a.id.cmp(&b.id));
        Catalog {
            lang: lang.to_string(),
            entries,
        }
    }

    /// The lesson ids the catalog built from the same inputs would list, in its
    /// order, without simulating a session: enough to choose the lesson to open.
    pub fn ids(sources: &[Source], problems: &[LessonError], lang: &str) -> Vec<String> {
        let mut ids: Vec<String> = sources
            .iter()
            .filter(|s| s.lang == "en" || s.lang == lang)
            .map(source_id)
            .chain(problems.iter().map(|p| stem(&p.file)))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// The catalog's entry for lesson `id` alone (no entry when there is none): what
    /// opening that lesson needs, one session simulated instead of one per scenario.
    /// The entry is the one [`Catalog::build`] makes from the same inputs.
    pub fn build_one(
        sources: Vec<Source>,
        problems: Vec<LessonError>,
        lang: &str,
        id: &str,
    ) -> Catalog {
        let sources = sources
            .into_iter()
            .filter(|s| (s.lang == "en" || s.lang == lang) && source_id(s) == id)
            .collect();
        let problems = problems
            .into_iter()
            .filter(|p| stem(&p.file) == id)
            .collect();
        Catalog::build(sources, problems, lang)
    }

    /// The entry for lesson `id`.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Every error, in list order.
    pub fn problems(&self) -> impl Iterator<Item = &LessonError> {
        self.entries.iter().filter_map(Entry::error)
    }
}

/// Simulates (once per distinct session) and resolves one lesson.
fn ready(
    lesson: &Lesson,
    timelines: &mut Vec<(Scenario, Timeline)>,
) -> Result<Box<Ready>, LessonError> {
    let scenario = lesson.scenario();
    if let Some((_, timeline)) = timelines.iter().find(|(s, _)| *s == scenario) {
        let resolved = crate::lesson::resolve(lesson, timeline)?;
        return Ok(Box::new(Ready {
            lesson: lesson.clone(),
            timeline: timeline.clone(),
            resolved,
        }));
    }
    let (timeline, resolved) = validate(lesson)?;
    timelines.push((scenario, timeline.clone()));
    Ok(Box::new(Ready {
        lesson: lesson.clone(),
        timeline,
        resolved,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(file: &str, lang: &str, origin: Origin, id: &str, title: &str) -> Source {
        let text = format!(
            "---\nid: {id}\ntitle: {title}\nscenario: https\n---\n\n## A\nstep: client_hello\n\nText.\n"
        );
        Source {
            file: file.into(),
            lang: lang.into(),
            origin,
            bytes: Cow::Owned(text.into_bytes()),
        }
    }

    fn titles(catalog: &Catalog) -> Vec<(String, Option<String>)> {
        catalog
            .entries
            .iter()
            .map(|e| (e.id.clone(), e.title().map(str::to_string)))
            .collect()
    }

    #[test]
    fn the_teacher_wins_then_the_language_then_english() {
        let sources = vec![
            source("lessons/01-a.md", "en", Origin::BuiltIn, "01-a", "A en"),
            source("lessons/fr/01-a.md", "fr", Origin::BuiltIn, "01-a", "A fr"),
            source("lessons/02-b.md", "en", Origin::BuiltIn, "02-b", "B en"),
            source("mine/02-b.md", "en", Origin::Teacher, "02-b", "B teacher"),
            source("mine/03-c.md", "en", Origin::Teacher, "03-c", "C teacher"),
            source("lessons/de/01-a.md", "de", Origin::BuiltIn, "01-a", "A de"),
        ];
        let fr = Catalog::build(sources.clone(), Vec::new(), "fr");
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            titles(&fr),
            [
                ("01-a".into(), s("A fr")),
                ("02-b".into(), s("B teacher")),
                ("03-c".into(), s("C teacher"))
            ]
        );
        let en = Catalog::build(sources, Vec::new(), "en");
        assert_eq!(en.get("01-a").and_then(Entry::title), Some("A en"));
        assert_eq!(en.get("02-b").map(|e| e.origin), Some(Origin::Teacher));
    }

    #[test]
    fn a_broken_lesson_is_an_entry_in_place_and_the_others_load() {
        let mut broken = source("mine/02-b.md", "en", Origin::Teacher, "02-b", "B");
        broken.bytes = Cow::Owned(b"---\nid: 02-b\n".to_vec());
        let sources = vec![
            source("lessons/01-a.md", "en", Origin::BuiltIn, "01-a", "A"),
            source(
                "lessons/02-b.md",
                "en",
                Origin::BuiltIn,
                "02-b",
                "B built in",
            ),
            broken,
            source("lessons/03-c.md", "en", Origin::BuiltIn, "03-c", "C"),
        ];
        let problem = LessonError::new("mine/04-d.md", 0, "cannot read: denied");
        let catalog = Catalog::build(sources, vec![problem], "en");
        let ids: Vec<&str> = catalog.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["01-a", "02-b", "03-c", "04-d"]);
        let errors: Vec<String> = catalog.problems().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "mine/02-b.md:1: the front matter is never closed: add a line \"---\" after its last key",
                "mine/04-d.md: cannot read: denied"
            ]
        );
        assert_eq!(catalog.get("03-c").and_then(Entry::step_count), Some(1));
    }

    #[test]
    fn two_files_with_one_id_in_one_place_is_an_error() {
        let sources = vec![
            source("mine/a.md", "en", Origin::Teacher, "05-x", "X"),
            source("mine/b.md", "en", Origin::Teacher, "05-x", "Y"),
        ];
        let catalog = Catalog::build(sources, Vec::new(), "en");
        assert_eq!(catalog.entries.len(), 1);
        assert_eq!(
            catalog.entries[0].error().map(ToString::to_string),
            Some("mine/a.md:2: id \"05-x\" is also the id of mine/b.md".to_string())
        );
    }

    #[test]
    fn one_entry_and_the_ids_agree_with_the_whole_catalog() {
        let mut broken = source("mine/02-b.md", "en", Origin::Teacher, "02-b", "B");
        broken.bytes = Cow::Owned(b"---\nid: 02-b\n".to_vec());
        let sources = vec![
            source("lessons/01-a.md", "en", Origin::BuiltIn, "01-a", "A"),
            source("lessons/de/01-a.md", "de", Origin::BuiltIn, "01-a", "A de"),
            source("lessons/02-b.md", "en", Origin::BuiltIn, "02-b", "B"),
            broken,
            source("lessons/fr/03-c.md", "fr", Origin::BuiltIn, "03-c", "C fr"),
        ];
        let problems = vec![LessonError::new("mine/04-d.md", 0, "cannot read: denied")];
        let whole = Catalog::build(sources.clone(), problems.clone(), "de");
        let ids: Vec<String> = whole.entries.iter().map(|e| e.id.clone()).collect();
        assert_eq!(Catalog::ids(&sources, &problems, "de"), ids);
        for id in &ids {
            let one = Catalog::build_one(sources.clone(), problems.clone(), "de", id);
            assert_eq!(one.entries.len(), 1, "{id}");
            let (a, b) = (&one.entries[0], whole.get(id).expect("listed"));
            assert_eq!(
                (&a.file, a.title(), a.error()),
                (&b.file, b.title(), b.error())
            );
        }
        assert!(
            Catalog::build_one(sources, problems, "de", "09-z")
                .entries
                .is_empty()
        );
    }

    #[test]
    fn the_shipped_lessons_are_embedded() {
        let sources = built_in_sources();
        assert!(sources.len() >= 9, "{} lessons embedded", sources.len());
        assert!(
            sources
                .iter()
                .all(|s| s.file.starts_with("lessons/") && s.file.ends_with(".md"))
        );
        assert!(
            sources
                .iter()
                .all(|s| !s.file.contains("pending") && !s.file.ends_with("README.md"))
        );
    }
}
