//! The app's colours, held to WCAG AA: every text colour the views use reaches a
//! contrast ratio of 4.5:1 against the backgrounds it is drawn on, in both themes (and
//! in presentation mode, which only scales the same colours up).
//!
//! [`visuals`] is what the app sets; [`text_pairs`] lists every text/background pair
//! the views draw, read from the visuals actually set, and `tests/app_contrast.rs`
//! checks each of them with [`ratio`].

use eframe::egui::{Color32, Visuals};

use crate::app::{Theme, protection_color};
use crate::tls::Protection;

/// WCAG AA for body text.
pub const AA: f32 = 4.5;

/// The visuals the app sets for `theme`: egui's, with the text colours that fall
/// short of AA darkened (light) or brightened (dark), and a strong focus colour.
pub fn visuals(theme: Theme) -> Visuals {
    match theme {
        Theme::Light => {
            let mut v = Visuals::light();
            v.weak_text_color = Some(Color32::from_gray(92));
            v.hyperlink_color = Color32::from_rgb(0x1d, 0x4e, 0xd8);
            v.error_fg_color = Color32::from_rgb(0xb9, 0x1c, 0x1c);
            v.warn_fg_color = Color32::from_rgb(0x9a, 0x41, 0x0b);
            v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(40);
            v.widgets.inactive.fg_stroke.color = Color32::from_gray(30);
            v
        }
        Theme::Dark => {
            let mut v = Visuals::dark();
            v.weak_text_color = Some(Color32::from_gray(160));
            v.hyperlink_color = Color32::from_rgb(0x93, 0xc5, 0xfd);
            v.error_fg_color = Color32::from_rgb(0xf8, 0x71, 0x71);
            v.warn_fg_color = Color32::from_rgb(0xfb, 0xbf, 0x24);
            v.widgets.noninteractive.fg_stroke.color = Color32::from_gray(215);
            v.widgets.inactive.fg_stroke.color = Color32::from_gray(225);
            v
        }
    }
}

/// The keyboard focus ring: a colour that stands out from every background of the
/// theme (checked like text, at 4.5:1 against the panel).
pub fn focus_ring(dark: bool) -> Color32 {
    // Blue in both themes: the lesson's outline is amber, and the two must not be
    // mistaken for each other.
    if dark {
        Color32::from_rgb(0x7d, 0xd3, 0xfc)
    } else {
        Color32::from_rgb(0x1d, 0x4e, 0xd8)
    }
}

/// Text drawn on the lesson accent colour (the "The lesson points here" tag).
pub fn on_accent(dark: bool) -> Color32 {
    if dark { Color32::BLACK } else { Color32::WHITE }
}

/// The relative luminance of an sRGB colour (WCAG 2.x), ignoring alpha.
pub fn luminance(c: Color32) -> f32 {
    let channel = |v: u8| {
        let s = f32::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// `top` (possibly translucent, premultiplied as egui stores it) painted over the
/// opaque `bottom`.
pub fn over(top: Color32, bottom: Color32) -> Color32 {
    let a = f32::from(top.a()) / 255.0;
    let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * (1.0 - a)).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(top.r(), bottom.r()),
        mix(top.g(), bottom.g()),
        mix(top.b(), bottom.b()),
    )
}

/// The WCAG contrast ratio of text `fg` on background `bg` (1 to 21); a translucent
/// `fg` is first painted over `bg`.
pub fn ratio(fg: Color32, bg: Color32) -> f32 {
    let fg = over(fg, bg);
    let (a, b) = (luminance(fg), luminance(bg));
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    (light + 0.05) / (dark + 0.05)
}

/// One text colour on one background, named for the test's message.
#[derive(Clone, Debug)]
pub struct TextPair {
    /// Where the views draw it.
    pub what: String,
    /// The text colour.
    pub fg: Color32,
    /// The background colour (opaque).
    pub bg: Color32,
}

/// Every text/background pair the views draw, from the visuals `v` (as set).
pub fn text_pairs(v: &Visuals) -> Vec<TextPair> {
    let dark = v.dark_mode;
    let panel = v.panel_fill;
    let mut pairs = Vec::new();
    let mut add = |what: &str, fg: Color32, bg: Color32| {
        pairs.push(TextPair {
            what: what.to_string(),
            fg,
            bg,
        });
    };
    for (name, bg) in [
        ("panel", panel),
        ("window", v.window_fill),
        ("text field", v.text_edit_bg_color()),
        ("striped row", over(v.faint_bg_color, panel)),
        ("code", v.code_bg_color),
    ] {
        add(&format!("text on {name}"), v.text_color(), bg);
        add(&format!("strong text on {name}"), v.strong_text_color(), bg);
    }
    add("weak text on panel", v.weak_text_color(), panel);
    add("weak text on window", v.weak_text_color(), v.window_fill);
    add("hyperlink on panel", v.hyperlink_color, panel);
    add("error text on panel", v.error_fg_color, panel);
    add("warning text on panel", v.warn_fg_color, panel);
    add(
        "selected text on selection",
        v.selection.stroke.color,
        v.selection.bg_fill,
    );
    for (name, w) in [
        ("inactive", &v.widgets.inactive),
        ("hovered", &v.widgets.hovered),
        ("active", &v.widgets.active),
    ] {
        add(
            &format!("{name} button text"),
            w.fg_stroke.color,
            over(w.weak_bg_fill, panel),
        );
    }
    // The sequence view: arrow labels blend the text with the protection colour, on the
    // panel or on the selected row.
    let selected_row = over(v.selection.bg_fill.gamma_multiply(0.45), panel);
    for protection in [
        Protection::Plaintext,
        Protection::HandshakeKeys,
        Protection::ApplicationKeys,
        Protection::SessionKeys,
    ] {
        let color = protection_color(protection, dark);
        add(&format!("{protection:?} legend on panel"), color, panel);
        let label = crate::app::views::sequence::blend(v.text_color(), color);
        add(
            &format!("{protection:?} arrow label on panel"),
            label,
            panel,
        );
        let strong = crate::app::views::sequence::blend(v.strong_text_color(), color);
        add(
            &format!("{protection:?} selected arrow label"),
            strong,
            selected_row,
        );
    }
    // Lesson highlights: marked fields and keys on their background, the "Look at"
    // line, the tag on the outline.
    let highlight = over(
        crate::app::lesson_mode::lesson_view::highlight_fill(dark),
        panel,
    );
    add("text on lesson highlight", v.text_color(), highlight);
    add(
        "strong text on lesson highlight",
        v.strong_text_color(),
        highlight,
    );
    let accent = crate::app::lesson_mode::lesson_view::accent(dark);
    add("lesson accent text on panel", accent, panel);
    add("lesson tag text on accent", on_accent(dark), accent);
    add("focus ring on panel", focus_ring(dark), panel);
    pairs
}
