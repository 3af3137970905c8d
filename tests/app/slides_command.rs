//! Slides: a lesson exported headless (no display server, no GPU: the CPU painter),
//! the `slides` command's contract, and the caption as part of the app's own UI.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;

use handshake_lab::app::Theme;
use handshake_lab::app::slides::{
    SlideSize, SlidesError, SlidesRequest, export_lesson_slides, slide_file_name,
};
use handshake_lab::lesson;

/// The shortest built-in lesson, to keep the tests quick.
const LESSON: &str = "02-ssl-vs-tls";

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "handshake-lab-slides-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn step_count(id: &str) -> usize {
    lesson::Catalog::built_in("en")
        .get(id)
        .and_then(|e| e.step_count())
        .expect("the lesson loads")
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Runs the binary with no display server in its environment.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs")
}

fn assert_invalid(output: &Output, mentions: &str) {
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line expected, got: {err}");
    assert!(err.starts_with("handshake-lab: "), "{err}");
    assert!(
        err.contains(mentions),
        "{err:?} should mention {mentions:?}"
    );
}

/// Not blank: many colours, and no colour covers nearly everything.
fn assert_not_blank(path: &Path) {
    let image = image::open(path).expect("a PNG").to_rgba8();
    let mut counts = std::collections::HashMap::new();
    for pixel in image.pixels() {
        *counts.entry(pixel.0).or_insert(0usize) += 1;
    }
    let total = (image.width() * image.height()) as usize;
    let most = counts.values().copied().max().unwrap_or(0);
    assert!(
        counts.len() > 200,
        "{}: only {} colours",
        path.display(),
        counts.len()
    );
    assert!(
        most < total * 9 / 10,
        "{}: one colour covers {most} of {total} pixels",
        path.display()
    );
}

/// The short lesson at 1280x720, light, English, into `out`.
fn request_into(out: &Path) -> SlidesRequest {
    SlidesRequest {
        lesson: LESSON.into(),
        size: SlideSize::new(1280, 720),
        theme: Theme::Light,
        seed: None,
        lessons: None,
        out: out.to_path_buf(),
        lang: "en".into(),
    }
}

#[test]
fn a_lesson_exports_one_sorted_non_blank_png_per_step_headless() {
    let out = temp_dir("export");
    let request = request_into(&out);
    let mut calls = Vec::new();
    let files = export_lesson_slides(
        &request,
        &mut |done, total| calls.push((done, total)),
        &AtomicBool::new(false),
    )
    .expect("the export succeeds");

    let count = step_count(LESSON);
    assert_eq!(files.len(), count);
    assert_eq!(
        calls,
        (1..=count).map(|k| (k, count)).collect::<Vec<_>>(),
        "progress after every slide"
    );
    // Names sort in step order, and nothing else is left in the folder.
    let expected: Vec<String> = (1..=count)
        .map(|k| slide_file_name(LESSON, k, count))
        .collect();
    let mut sorted = expected.clone();
    sorted.sort();
    assert_eq!(sorted, expected);
    assert_eq!(files_in(&out), expected);
    let mut distinct = HashSet::new();
    for file in &files {
        let (w, h) = image::image_dimensions(file).expect("a PNG");
        assert_eq!((w, h), (1280, 720), "{}", file.display());
        assert_not_blank(file);
        distinct.insert(std::fs::read(file).expect("readable"));
    }
    assert_eq!(distinct.len(), count, "every step is a different slide");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_command_exports_with_no_display_and_lists_the_files() {
    let out = temp_dir("cli");
    let stale = out.join(slide_file_name(LESSON, 99, 99));
    let other = out.join("notes.txt");
    std::fs::create_dir_all(&out).expect("temp dir");
    std::fs::write(&stale, b"an older export's slide").expect("write");
    std::fs::write(&other, b"the teacher's file").expect("write");
    let output = run(&[
        "slides",
        "--lesson",
        LESSON,
        "--out",
        out.to_str().expect("utf-8 path"),
        "--size",
        "1280x720",
        "--theme",
        "dark",
        "--seed",
        "7",
        "--lang",
        "de",
    ]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Nothing on stderr: no driver is probed, so nothing complains.
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let count = step_count(LESSON);
    assert_eq!(stdout.lines().count(), count, "{stdout}");
    for k in 1..=count {
        let file = out.join(slide_file_name(LESSON, k, count));
        assert!(stdout.contains(&file.display().to_string()), "{stdout}");
        assert_eq!(image::image_dimensions(&file).expect("a PNG"), (1280, 720));
        assert_not_blank(&file);
    }
    assert!(!stale.exists(), "an older set's extra slide is removed");
    assert!(other.exists(), "other files are left alone");
    assert_eq!(files_in(&out).len(), count + 1);
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn bad_input_is_one_line_exit_1_and_writes_nothing() {
    let out = temp_dir("bad");
    let out_arg = out.to_str().expect("utf-8 path");
    let cases: &[(&[&str], &str)] = &[
        (&["--lesson", "99-nope"], "no lesson \"99-nope\""),
        (&["--lesson", "04-helos"], "did you mean \"04-hellos\""),
        (&["--lesson", LESSON, "--size", "1920x"], "1920x"),
        (&["--lesson", LESSON, "--size", "0x0"], "too small"),
        (
            &["--lesson", LESSON, "--size", "100000x100000"],
            "too large",
        ),
        (
            &["--lesson", LESSON, "--size", "1920x-1080"],
            "WIDTHxHEIGHT",
        ),
        (&["--lesson", LESSON, "--size", "1080x1920"], "shape"),
        (&["--lesson", LESSON, "--theme", "blue"], "blue"),
        (&["--lesson", LESSON, "--lang", "fr"], "fr"),
    ];
    for (args, mentions) in cases {
        let mut all = vec!["slides", "--out", out_arg];
        all.extend_from_slice(args);
        assert_invalid(&run(&all), mentions);
        assert!(!out.exists(), "{args:?} left {}", out.display());
    }

    // An output folder that cannot be made: its parent is a file.
    let parent = temp_dir("file-parent");
    std::fs::create_dir_all(&parent).expect("temp dir");
    let file = parent.join("a-file");
    std::fs::write(&file, b"not a folder").expect("write");
    let inside = file.join("slides");
    assert_invalid(
        &run(&[
            "slides",
            "--lesson",
            LESSON,
            "--out",
            inside.to_str().expect("utf-8 path"),
        ]),
        "cannot create",
    );
    // The output "folder" is a file.
    assert_invalid(
        &run(&[
            "slides",
            "--lesson",
            LESSON,
            "--out",
            file.to_str().expect("utf-8 path"),
        ]),
        "a-file",
    );
    assert_eq!(files_in(&parent), vec!["a-file".to_string()]);
    let _ = std::fs::remove_dir_all(&parent);
}

#[test]
fn a_cancelled_export_leaves_nothing_behind() {
    let out = temp_dir("cancel");
    let request = request_into(&out);
    // Cancel as the progress reports `slides` done.
    let cancelled_after = |slides: usize| {
        let cancel = AtomicBool::new(false);
        export_lesson_slides(
            &request,
            &mut |done, _| {
                if done == slides {
                    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            },
            &cancel,
        )
    };
    assert_eq!(cancelled_after(2), Err(SlidesError::Cancelled));
    assert!(!out.exists(), "the folder it created is gone again");

    // In a folder that existed: the folder stays, empty of slides.
    std::fs::create_dir_all(&out).expect("temp dir");
    let result = cancelled_after(1);
    assert_eq!(result, Err(SlidesError::Cancelled));
    assert_eq!(files_in(&out), Vec::<String>::new());
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn sizes_parse_and_are_bounded() {
    assert_eq!(SlideSize::parse("1920x1080"), Ok(SlideSize::FULL_HD));
    assert_eq!(
        SlideSize::parse("3840X2160"),
        Ok(SlideSize::new(3840, 2160))
    );
    for bad in [
        "",
        "x",
        "1920",
        "1920x",
        "x1080",
        "1920x1080x1",
        "-1x5",
        "1e3x720",
        "0x0",
        "639x360",
        "7681x4320",
        "99999999999x1",
    ] {
        assert!(SlideSize::parse(bad).is_err(), "{bad:?} should be refused");
    }
    assert_eq!(slide_file_name("04-hellos", 3, 7), "04-hellos-step-03.png");
    assert_eq!(
        slide_file_name("12-recap", 10, 120),
        "12-recap-step-010.png"
    );
}
