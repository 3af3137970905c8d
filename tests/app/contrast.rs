//! Contrast: every text/background pair the views draw, read from the visuals the app
//! actually sets, reaches WCAG AA (4.5:1) in both themes and in presentation mode.

use crate::support::harness;
use eframe::egui;
use handshake_lab::app::access::contrast::{AA, ratio, text_pairs};
use handshake_lab::app::{Command, Theme};

fn check(visuals: &egui::Visuals, mode: &str) -> usize {
    let pairs = text_pairs(visuals);
    let failing: Vec<String> = pairs
        .iter()
        .filter(|p| ratio(p.fg, p.bg) < AA)
        .map(|p| {
            format!(
                "{mode}: {} {:.2}:1 ({:?} on {:?})",
                p.what,
                ratio(p.fg, p.bg),
                p.fg,
                p.bg
            )
        })
        .collect();
    assert!(failing.is_empty(), "below {AA}:1:\n{}", failing.join("\n"));
    pairs.len()
}

#[test]
fn every_text_colour_meets_aa_in_both_themes_and_presentation_mode() {
    let mut h = harness();
    for presentation in [false, true] {
        for theme in [Theme::Light, Theme::Dark] {
            let ctx = h.ctx.clone();
            h.state_mut().apply(Command::SetTheme(theme), &ctx);
            h.state_mut()
                .apply(Command::SetPresentation(presentation), &ctx);
            h.run();
            let style = h.ctx.global_style();
            assert_eq!(style.visuals.dark_mode, theme == Theme::Dark);
            let mode = format!(
                "{theme:?}{}",
                if presentation { " presentation" } else { "" }
            );
            let n = check(&style.visuals, &mode);
            assert!(n > 30, "only {n} pairs checked");
        }
    }
}

#[test]
fn the_ratio_matches_wcag_reference_values() {
    let black = egui::Color32::BLACK;
    let white = egui::Color32::WHITE;
    assert!((ratio(black, white) - 21.0).abs() < 0.01);
    assert!((ratio(white, white) - 1.0).abs() < 0.01);
    // #767676 on white is the classic 4.54:1.
    let gray = egui::Color32::from_gray(0x76);
    assert!(
        (ratio(gray, white) - 4.54).abs() < 0.01,
        "{}",
        ratio(gray, white)
    );
}

#[test]
fn egui_defaults_would_fail_so_the_check_has_teeth() {
    for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
        let failing = text_pairs(&visuals)
            .into_iter()
            .filter(|p| ratio(p.fg, p.bg) < AA)
            .count();
        assert!(
            failing > 0,
            "egui's defaults pass: the pairs checked are too few"
        );
    }
}
