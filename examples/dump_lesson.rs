//! Prints one built-in lesson resolved against its session, to read it as a student
//! would: `cargo run --example dump_lesson -- ID [--lang LANG]` (default `en`; a
//! lesson with no version in LANG shows in English, as in the app).

fn main() {
    let mut id = None;
    let mut lang = "en".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => lang = args.next().expect("--lang needs a language code"),
            _ if arg.starts_with("--lang=") => lang = arg["--lang=".len()..].to_string(),
            _ => id = Some(arg),
        }
    }
    let id = id.expect("usage: dump_lesson ID [--lang LANG]");
    let catalog = handshake_lab::lesson::Catalog::built_in(&lang);
    let entry = catalog.get(&id).expect("lesson");
    let ready = entry.ready().expect("valid");
    println!(
        "=== {} [{}] {}: {}",
        entry.id, entry.lang, entry.file, ready.resolved.title
    );
    for (i, s) in ready.resolved.steps.iter().enumerate() {
        println!(
            "--- {} [{}#{} panel={:?} fields={:?} keys={:?} text_only={}]",
            i + 1,
            s.step_name,
            s.session_step,
            s.panel,
            s.fields,
            s.keys,
            s.text_only
        );
        println!("# {}\n{}", s.title, s.text);
        if let Some((q, a)) = &s.question {
            println!("Q: {q}\nA: {a}");
        }
    }
}
