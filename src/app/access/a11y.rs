//! Keyboard-only use and screen readers: the regions of the window and the keys
//! that move between them, the focus ring, and the live announcement of each step.
//!
//! Keys (all listed in the help overlay, [`crate::app::access::help`]):
//! - Tab / Shift+Tab: the next / previous control (egui's own focus order).
//! - F6 / Shift+F6: the next / previous region; Alt+1..6 a region directly.
//! - Right / Space / PageDown: next step; Left / PageUp: back; Home / End: first, last.
//!   Left, Right, Home and End belong to the focused control instead when it uses them
//!   (a text field, the inspector's field cursor, the pace slider); Space presses the
//!   focused control. PageUp / PageDown step whenever no text field has focus. Escape
//!   leaves the focused control, so the step keys are global again.
//! - Up / Down: the control above / below (egui), or the previous / next field in the
//!   inspector.

use eframe::egui::{self, Color32, Id, Key, Modifiers, Rect, Stroke};

use crate::app::{LabApp, Strings};

/// A region of the window, in the order F6 visits them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    /// The lesson list or the open lesson (left, when shown).
    Lesson,
    /// The top bar: lessons, inputs, settings.
    Inputs,
    /// The conversation (sequence view).
    Sequence,
    /// The step and the inspector (middle).
    Inspector,
    /// Keys, eavesdropper or certificate (right).
    Side,
    /// The step controls (bottom).
    Controls,
}

/// Every region, in F6 order (also the order of Alt+1..6).
pub const REGIONS: [Region; 6] = [
    Region::Lesson,
    Region::Inputs,
    Region::Sequence,
    Region::Inspector,
    Region::Side,
    Region::Controls,
];

impl Region {
    /// The message key naming the region.
    pub fn key(self) -> &'static str {
        match self {
            Region::Lesson => "a11y-region-lesson",
            Region::Inputs => "a11y-region-inputs",
            Region::Sequence => "a11y-region-sequence",
            Region::Inspector => "a11y-region-inspector",
            Region::Side => "a11y-region-side",
            Region::Controls => "a11y-region-controls",
        }
    }

    fn index(self) -> usize {
        REGIONS.iter().position(|r| *r == self).unwrap_or(0)
    }
}

/// Where each region was drawn last frame.
#[derive(Clone, Debug, Default)]
pub struct A11yState {
    /// The rectangle of each region of [`REGIONS`], when shown.
    pub regions: [Option<Rect>; 6],
    /// Whether the focused control uses Left, Right, Home and End itself this frame.
    pub arrows_taken: bool,
}

impl A11yState {
    /// Records where `region` was drawn this frame.
    pub fn set(&mut self, region: Region, rect: Option<Rect>) {
        self.regions[region.index()] = rect;
    }
}

const ARROW_OWNERS: &str = "a11y_arrow_owners";

/// Marks widget `id` as one that uses Left/Right itself while it has focus (read on
/// the next frame: the step keys leave those keys to it).
pub fn owns_arrows(ctx: &egui::Context, id: Id) {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Vec<Id>>(Id::unique(ARROW_OWNERS))
            .push(id)
    });
}

/// Whether the focused control uses the arrow, Home and End keys itself (a text
/// field, or a widget marked with [`owns_arrows`] last frame).
pub fn arrows_taken(ctx: &egui::Context) -> bool {
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return false;
    };
    ctx.text_edit_focused()
        || ctx.data(|d| {
            d.get_temp::<Vec<Id>>(Id::unique(ARROW_OWNERS))
                .is_some_and(|ids| ids.contains(&focused))
        })
}

/// Forgets last frame's arrow owners (they mark themselves again while drawing).
fn reset_arrow_owners(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(Id::unique(ARROW_OWNERS), Vec::<Id>::new()));
}

/// The first control that takes focus inside `rect`, in drawing order (last frame).
/// Only controls well inside count: a panel's resize handle sits centred on its edge,
/// and Orca read "Resize panel" when F6 gave it the focus.
fn first_focusable_in(ctx: &egui::Context, rect: Rect) -> Option<Id> {
    let inside = rect.shrink(8.0);
    ctx.viewport(|vp| {
        vp.prev_pass
            .widgets
            .get_layer(egui::LayerId::background())
            .find(|w| {
                w.sense.is_focusable()
                    && w.enabled
                    && w.visible
                    && w.interact_rect.is_positive()
                    && inside.contains(w.interact_rect.center())
            })
            .map(|w| w.id)
    })
}

/// Gives the keyboard focus to `region` (its first control; the inspector's field
/// cursor for the inspector). Returns false when the region is not on screen.
pub fn focus_region(ctx: &egui::Context, state: &A11yState, region: Region) -> bool {
    let Some(rect) = state.regions[region.index()] else {
        return false;
    };
    let inspector = crate::app::access::inspector_keys::id();
    let target = if region == Region::Inspector && ctx.read_response(inspector).is_some() {
        Some(inspector)
    } else {
        first_focusable_in(ctx, rect)
    };
    match target {
        Some(id) => {
            ctx.memory_mut(|m| m.request_focus(id));
            ctx.request_repaint();
            true
        }
        None => false,
    }
}

/// The region holding the focused control, if any.
fn focused_region(ctx: &egui::Context, state: &A11yState) -> Option<usize> {
    let id = ctx.memory(|m| m.focused())?;
    let center = ctx.read_response(id)?.rect.center();
    state
        .regions
        .iter()
        .position(|r| r.is_some_and(|r| r.contains(center)))
}

impl LabApp {
    /// The help, region and focus keys (before the views draw). The step keys are
    /// read by [`LabApp::draw`]'s own `read_keys`, which asks [`arrows_taken`].
    pub(crate) fn read_a11y_keys(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        let (help, question, next_region, prev_region, jump) = ctx.input_mut(|i| {
            let help = i.consume_key(Modifiers::NONE, Key::F1);
            let question = !typing
                && i.events
                    .iter()
                    .any(|e| matches!(e, egui::Event::Text(t) if t == "?"));
            // Shift+F6 first: a key without modifiers also matches it with Shift.
            let prev = i.consume_key(Modifiers::SHIFT, Key::F6);
            let next = i.consume_key(Modifiers::NONE, Key::F6);
            let digits = [
                Key::Num1,
                Key::Num2,
                Key::Num3,
                Key::Num4,
                Key::Num5,
                Key::Num6,
            ];
            let jump = digits
                .iter()
                .position(|k| i.consume_key(Modifiers::ALT, *k));
            (help, question, next, prev, jump)
        });
        if help || (question && !self.help.open) {
            self.help.open = !self.help.open || question;
            ctx.request_repaint();
        }
        if self.help.open {
            return;
        }
        if let Some(index) = jump {
            focus_region(ctx, &self.a11y, REGIONS[index]);
        }
        if next_region || prev_region {
            let start = focused_region(ctx, &self.a11y);
            let n = REGIONS.len();
            for k in 1..=n {
                let index = match (start, next_region) {
                    (Some(s), true) => (s + k) % n,
                    (Some(s), false) => (s + n - k) % n,
                    (None, true) => (k - 1) % n,
                    (None, false) => n - k,
                };
                if focus_region(ctx, &self.a11y, REGIONS[index]) {
                    break;
                }
            }
        }
    }

    /// After drawing: the focus ring, and the focused control keeps Left/Right from
    /// egui's own focus moves (those keys step, or belong to the control).
    pub(crate) fn finish_a11y_frame(&mut self, ctx: &egui::Context) {
        paint_focus_ring(ctx);
        if let Some(id) = ctx.memory(|m| m.focused())
            && !ctx.text_edit_focused()
        {
            let inspector = id == crate::app::access::inspector_keys::id();
            ctx.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: inspector,
                        tab: false,
                        escape: false,
                    },
                );
            });
        }
    }

    /// Called first in a frame: last frame's arrow owners are read (into
    /// [`A11yState::arrows_taken`]), then cleared for the views to mark themselves again.
    pub(crate) fn begin_a11y_frame(&mut self, ctx: &egui::Context) {
        self.a11y.arrows_taken = arrows_taken(ctx);
        reset_arrow_owners(ctx);
    }

    /// The window's accessible name: the app and the step on screen ("Handshake Lab:
    /// step 3 of 11. ClientHello"). A screen reader says it when the window gets
    /// focus, and Orca also says it again whenever it changes, which is how a step
    /// change is heard even where the live region is not (Orca 43 speaks live
    /// regions only in web pages).
    pub fn window_name(&self) -> String {
        let app = self.strings.tr("app-title");
        match self.step_on_screen() {
            (position, Some((title, _))) => format!("{app}: {position}. {title}"),
            (position, None) => format!("{app}: {position}"),
        }
    }

    /// What a screen reader announces for the step on screen: in a lesson the lesson
    /// step's place, title and text; otherwise the step's title and explanation.
    pub fn announcement(&self) -> String {
        match self.step_on_screen() {
            (position, Some((title, text))) => format!("{position}. {title}. {text}"),
            (position, None) => position,
        }
    }

    /// The step on screen in words: its place ("lesson step 3 of 7" or "step 3 of
    /// 11"), and its title and plain text when it has them.
    fn step_on_screen(&self) -> (String, Option<(String, String)>) {
        let s = &self.strings;
        if let (Some(step), Some((k, n))) = (self.lessons.current(), self.lesson_position()) {
            let position = s.tr_args(
                "lessons-position",
                &[("k", (k + 1).to_string()), ("n", n.to_string())],
            );
            return (position, Some((step.title.clone(), plain_text(&step.text))));
        }
        let position = s.tr_args(
            "controls-position",
            &[
                ("k", (self.step + 1).to_string()),
                ("n", self.session.len().to_string()),
            ],
        );
        (
            position,
            crate::app::views::controls::step_text(s, &self.session.https, self.step),
        )
    }
}

/// Markdown as a screen reader should hear it: the words and code of the text, with
/// no emphasis marks, code ticks or heading hashes (`cipher_suites` keeps its
/// underscore), paragraphs and list items separated by a space.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                text.push_str(&t);
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                text.push(' ');
            }
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Names the window (the root of the AccessKit tree) for screen readers.
pub fn name_window(ctx: &egui::Context, name: String) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(name));
}

/// The live region: a label without size whose text a screen reader reads out
/// whenever it changes (AccessKit `Live::Polite`), so each new step is announced.
pub fn announce(ui: &mut egui::Ui, s: &Strings, text: &str) {
    let id = Id::unique("a11y_step_announcement");
    let rect = Rect::from_min_size(ui.cursor().min, egui::Vec2::ZERO);
    let response = ui.interact(rect, id, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
        node.set_description(s.tr("a11y-announcement"));
    });
}

/// A ring around the focused control, thick and in a colour that stands out in both
/// themes (egui's own focus look is only a slightly different button fill).
pub fn paint_focus_ring(ctx: &egui::Context) {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let rect = response.rect.intersect(response.interact_rect);
    if !rect.is_positive() {
        return;
    }
    let dark = ctx.global_style().visuals.dark_mode;
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        Id::unique("a11y_focus_ring"),
    ));
    let color = crate::app::access::contrast::focus_ring(dark);
    painter.rect_stroke(
        rect.expand(2.0),
        4.0,
        Stroke::new(3.0, color),
        egui::StrokeKind::Outside,
    );
    // A thin line of the background outside it, so it also shows on a fill of its
    // own colour.
    let halo = if dark { Color32::BLACK } else { Color32::WHITE };
    painter.rect_stroke(
        rect.expand(5.0),
        6.0,
        Stroke::new(1.0, halo),
        egui::StrokeKind::Outside,
    );
}

#[cfg(test)]
mod tests {
    use super::plain_text;

    #[test]
    fn plain_text_keeps_words_and_code_and_drops_the_marks() {
        assert_eq!(
            plain_text(
                "# Title\n\n`cipher_suites` is **the list**;\n- *AES_128_GCM*: a cipher\n- SHA256"
            ),
            "Title cipher_suites is the list; AES_128_GCM: a cipher SHA256"
        );
        assert_eq!(plain_text("snake_case_words stay"), "snake_case_words stay");
    }
}
