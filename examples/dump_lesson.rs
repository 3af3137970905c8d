fn main() {
    let id = std::env::args().nth(1).unwrap_or_default();
    let catalog = handshake_lab::lesson::Catalog::built_in("en");
    let entry = catalog.get(&id).expect("lesson");
    let ready = entry.ready().expect("valid");
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
