//! Reading a teacher's lesson folder: the only file access of the lesson module, and
//! only in the folder the caller passes.
//!
//! Layout (the same as the shipped `lessons/`): English lessons at the top level
//! (`DIR/*.md`), other languages in a folder named by language code (`DIR/fr/*.md`).
//! `README.md` and folders that are not a language code are not lessons.

use std::borrow::Cow;
use std::path::Path;

use crate::lesson::catalog::{Catalog, Origin, Source, built_in_sources};
use crate::lesson::{LessonError, parse::is_lang_code};

/// The lesson files in `dir` (and its language folders), or the problems met reading
/// them: an unreadable folder or file is a problem, the others still load.
pub fn read_folder(dir: &Path) -> (Vec<Source>, Vec<LessonError>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    read_lang(dir, "en", &mut sources, &mut problems);
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut langs: Vec<String> = entries
            .flatten()
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| is_lang_code(n))
            .collect();
        langs.sort();
        for lang in langs {
            read_lang(&dir.join(&lang), &lang, &mut sources, &mut problems);
        }
    }
    (sources, problems)
}

fn read_lang(dir: &Path, lang: &str, sources: &mut Vec<Source>, problems: &mut Vec<LessonError>) {
    let shown = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(LessonError::new(
                &shown,
                0,
                format!("cannot read the lessons folder: {e}"),
            ));
            return;
        }
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    paths.sort();
    for path in paths {
        let file = path.display().to_string();
        match std::fs::read(&path) {
            Ok(bytes) => sources.push(Source {
                file,
                lang: lang.to_string(),
                origin: Origin::Teacher,
                bytes: Cow::Owned(bytes),
            }),
            Err(e) => problems.push(LessonError::new(&file, 0, format!("cannot read: {e}"))),
        }
    }
}

/// The built-in lessons plus, when given, the teacher's folder, in language `lang`
/// (English where a lesson has no `lang` version).
pub fn load_catalog(teacher: Option<&Path>, lang: &str) -> Catalog {
    let (sources, problems) = load_sources(teacher);
    Catalog::build(sources, problems, lang)
}

/// The lesson sources of [`load_catalog`], not yet parsed: the built-in lessons plus,
/// when given, the teacher's folder, and the problems met reading it.
pub fn load_sources(teacher: Option<&Path>) -> (Vec<Source>, Vec<LessonError>) {
    let mut sources = built_in_sources();
    let mut problems = Vec::new();
    if let Some(dir) = teacher {
        let (more, trouble) = read_folder(dir);
        sources.extend(more);
        problems = trouble;
    }
    (sources, problems)
}
