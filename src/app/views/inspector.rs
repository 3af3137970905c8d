//! The inspector: the current record's bytes as hex beside its fields as a tree.
//!
//! Hovering (or clicking) a field highlights its bytes and shows its name, value and
//! meaning; hovering (or clicking) a byte finds the field it belongs to.

use eframe::egui::{self, Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, Vec2};

use crate::app::{Session, Strings, spaced_hex};
use crate::wire::Field;
use crate::wire::annotate::{field_at_path, path_at_offset};

const DETAILS_HEIGHT: f32 = 84.0;

/// A field of the shown record: in the wire bytes or in the decrypted inner
/// plaintext, and its path of child indices from the top.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRef {
    /// In the inner plaintext rather than the wire bytes.
    pub inner: bool,
    /// Child indices from the top-level list down to the field.
    pub path: Vec<usize>,
}

/// The inspector's own state.
#[derive(Default)]
pub struct InspectorState {
    /// The field under the pointer during the last frame.
    hovered: Option<FieldRef>,
    /// The field clicked last (kept until another click or another step).
    selected: Option<FieldRef>,
    /// Field names the open lesson step highlights (set by the app before drawing).
    pub lesson_fields: Vec<String>,
    /// The keyboard's byte (see [`crate::app::access::inspector_keys`]).
    cursor: Option<crate::app::access::inspector_keys::ByteCursor>,
}

/// One byte pane: its bytes, their fields and which bytes changed.
struct Pane<'a> {
    inner: bool,
    bytes: &'a [u8],
    fields: &'a [Field],
    changed: Vec<bool>,
    /// Byte ranges of the fields the lesson highlights.
    lesson: Vec<std::ops::Range<usize>>,
}

impl InspectorState {
    /// A new step shows another record: forget the selection.
    pub fn step_changed(&mut self) {
        self.hovered = None;
        self.selected = None;
        self.cursor = None;
    }

    /// Draws the inspector for step `step` of the HTTPS session.
    pub fn ui(&mut self, ui: &mut egui::Ui, s: &Strings, session: &Session, step: usize) {
        let Some(current) = session.https.steps.get(step) else {
            return;
        };
        let Some(record) = current.records.first() else {
            ui.label(s.tr("inspector-no-records"));
            return;
        };
        ui.strong(s.tr_args(
            "inspector-record",
            &[
                ("index", record.index.to_string()),
                ("message", record.message.to_string()),
                ("len", record.bytes.len().to_string()),
            ],
        ));
        if record.delivered.is_some() {
            ui.colored_label(ui.visuals().warn_fg_color, s.tr("inspector-tampered"));
        }
        let mut panes = vec![Pane {
            inner: false,
            bytes: record.received_bytes(),
            fields: &record.fields,
            changed: session.changed_bytes(step, 0, false),
            lesson: lesson_ranges(&record.fields, &self.lesson_fields),
        }];
        if let Some(inner) = &record.inner_plaintext {
            panes.push(Pane {
                inner: true,
                bytes: inner,
                fields: &record.inner_fields,
                changed: session.changed_bytes(step, 0, true),
                lesson: lesson_ranges(&record.inner_fields, &self.lesson_fields),
            });
        }

        let keys: Vec<_> = panes
            .iter()
            .map(|p| crate::app::access::inspector_keys::PaneKeys {
                inner: p.inner,
                len: p.bytes.len(),
                fields: p.fields,
            })
            .collect();
        let by_keyboard = crate::app::access::inspector_keys::handle_keys(
            ui.ctx(),
            &keys,
            &mut self.selected,
            &mut self.cursor,
        );
        let focus = if by_keyboard {
            self.selected.clone()
        } else {
            self.hovered.clone().or_else(|| self.selected.clone())
        };
        let focused_field = focus.as_ref().and_then(|f| {
            let pane = panes.iter().find(|p| p.inner == f.inner)?;
            field_at_path(pane.fields, &f.path)
        });
        // A fixed height, so that hovering never moves the bytes under the pointer.
        let details_box = egui::ScrollArea::vertical()
            .id_salt("field_details_scroll")
            .max_height(DETAILS_HEIGHT)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                // Nothing pointed at: the field the lesson is about, so a lesson step
                // (and its slide) shows what that field means without a hover.
                let shown = focused_field.or_else(|| {
                    panes
                        .iter()
                        .find_map(|p| first_named(p.fields, &self.lesson_fields))
                });
                details(ui, s, shown)
            });
        let cursor = self.cursor.filter(|_| by_keyboard);
        crate::app::access::inspector_keys::widget(
            ui,
            s,
            details_box.inner_rect,
            focused_field,
            cursor,
        );
        ui.separator();

        let mut hits = Hits::default();
        let focus = focus.as_ref();
        let lesson = self.lesson_fields.as_slice();
        if ui.available_width() > 860.0 {
            ui.columns(2, |columns| {
                egui::ScrollArea::vertical()
                    .id_salt("hex_scroll")
                    .auto_shrink([false, false])
                    .show(&mut columns[0], |ui| {
                        hex_side(ui, s, &panes, focus, &mut hits)
                    });
                egui::ScrollArea::vertical()
                    .id_salt("tree_scroll")
                    .auto_shrink([false, false])
                    .show(&mut columns[1], |ui| {
                        // Left-aligned, not justified: justified wrapping spreads letters.
                        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                            tree_side(ui, s, &panes, focus, lesson, &mut hits);
                        });
                    });
            });
        } else {
            egui::ScrollArea::vertical()
                .id_salt("inspector_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    hex_side(ui, s, &panes, focus, &mut hits);
                    ui.separator();
                    tree_side(ui, s, &panes, focus, lesson, &mut hits);
                });
        }
        let Hits {
            hovered: hovered_now,
            clicked,
        } = hits;

        if let Some(click) = clicked {
            self.selected = if self.selected.as_ref() == Some(&click) {
                None
            } else {
                Some(click)
            };
            ui.ctx().request_repaint();
        }
        if hovered_now != self.hovered {
            self.hovered = hovered_now;
            // The highlight follows on the next frame; ask for it only on a change.
            ui.ctx().request_repaint();
        }
    }
}

/// The byte ranges of the fields (at any depth) named in `names`.
fn lesson_ranges(fields: &[Field], names: &[String]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    if names.is_empty() {
        return ranges;
    }
    let mut stack: Vec<&Field> = fields.iter().collect();
    while let Some(field) = stack.pop() {
        if names.contains(&field.name) {
            ranges.push(field.range.clone());
        }
        stack.extend(field.children.iter());
    }
    ranges
}

/// The first field (in byte order, outer before inner) named in `names`.
fn first_named<'f>(fields: &'f [Field], names: &[String]) -> Option<&'f Field> {
    fields.iter().find_map(|field| {
        if names.contains(&field.name) {
            Some(field)
        } else {
            first_named(&field.children, names)
        }
    })
}

/// Whether `field` or one of its parts is named in `names`.
fn contains_named(field: &Field, names: &[String]) -> bool {
    names.contains(&field.name) || field.children.iter().any(|c| contains_named(c, names))
}

/// What the pointer did to the fields this frame.
#[derive(Default)]
struct Hits {
    hovered: Option<FieldRef>,
    clicked: Option<FieldRef>,
}

fn hex_side(
    ui: &mut egui::Ui,
    s: &Strings,
    panes: &[Pane<'_>],
    focus: Option<&FieldRef>,
    hits: &mut Hits,
) {
    for pane in panes {
        ui.strong(s.tr(if pane.inner {
            "inspector-inner-bytes"
        } else {
            "inspector-wire-bytes"
        }));
        let highlight = focus
            .filter(|f| f.inner == pane.inner)
            .and_then(|f| field_at_path(pane.fields, &f.path))
            .map(|f| f.range.clone());
        let any_changed = pane.changed.iter().any(|c| *c);
        if let Some((field, clicked)) = hex_view(ui, pane, highlight) {
            if clicked {
                hits.clicked = Some(field.clone());
            }
            hits.hovered = Some(field);
        }
        if any_changed {
            ui.weak(s.tr("inputs-changed-hint"));
        }
        ui.add_space(8.0);
    }
}

fn tree_side(
    ui: &mut egui::Ui,
    s: &Strings,
    panes: &[Pane<'_>],
    focus: Option<&FieldRef>,
    lesson: &[String],
    hits: &mut Hits,
) {
    ui.strong(s.tr("inspector-fields"));
    for pane in panes {
        if pane.inner {
            ui.separator();
            ui.strong(s.tr("inspector-inner-bytes"));
        }
        for (index, field) in pane.fields.iter().enumerate() {
            field_tree(ui, s, field, pane.inner, vec![index], focus, lesson, hits);
        }
    }
}

/// Name, value, meaning and byte range of the focused field.
fn details(ui: &mut egui::Ui, s: &Strings, field: Option<&Field>) {
    let Some(field) = field else {
        ui.weak(s.tr("inspector-hover-hint"));
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.strong(RichText::new(&field.name).monospace());
        let value = s.text(&field.value);
        if !value.is_empty() {
            ui.monospace(format!("= {value}"));
        }
        ui.weak(s.tr_args(
            "inspector-field-bytes",
            &[
                ("start", field.range.start.to_string()),
                ("end", field.range.end.to_string()),
                ("len", field.range.len().to_string()),
            ],
        ));
    });
    ui.add(egui::Label::new(s.text(&field.meaning)).wrap());
}

/// The bytes as hex rows; returns the field under the pointer and whether it was clicked.
fn hex_view(
    ui: &mut egui::Ui,
    pane: &Pane<'_>,
    highlight: Option<std::ops::Range<usize>>,
) -> Option<(FieldRef, bool)> {
    let font = FontId::monospace(13.0);
    let visuals = ui.visuals().clone();
    let cell = ui
        .painter()
        .layout_no_wrap("00 ".into(), font.clone(), visuals.text_color())
        .size();
    let offset_width = cell.x * 2.0;
    let per_row = (((ui.available_width() - offset_width) / cell.x) as usize / 4 * 4).clamp(4, 16);
    let row_height = cell.y + 4.0;
    let mut result = None;
    for (row, chunk) in pane.bytes.chunks(per_row).enumerate() {
        let start = row * per_row;
        let width = offset_width + cell.x * per_row as f32;
        let (rect, response) = ui.allocate_exact_size(Vec2::new(width, row_height), Sense::click());
        let row_text = format!("{start:04x}: {}", spaced_hex(chunk));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &row_text));
        let painter = ui.painter();
        painter.text(
            Pos2::new(rect.left(), rect.center().y),
            Align2::LEFT_CENTER,
            format!("{start:04x}"),
            font.clone(),
            visuals.weak_text_color(),
        );
        let hovered_byte = response.hover_pos().and_then(|p| {
            let x = p.x - rect.left() - offset_width;
            (x >= 0.0).then(|| start + (x / cell.x) as usize)
        });
        for (i, byte) in chunk.iter().enumerate() {
            let offset = start + i;
            let cell_rect = Rect::from_min_size(
                Pos2::new(rect.left() + offset_width + cell.x * i as f32, rect.top()),
                Vec2::new(cell.x * 0.8, row_height),
            );
            let lit = highlight.as_ref().is_some_and(|r| r.contains(&offset));
            if lit {
                painter.rect_filled(cell_rect.expand(1.0), 2.0, visuals.selection.bg_fill);
            } else if pane.lesson.iter().any(|r| r.contains(&offset)) {
                let fill = crate::app::lesson_mode::lesson_view::highlight_fill(visuals.dark_mode);
                painter.rect_filled(cell_rect.expand(1.0), 2.0, fill);
            }
            let color = if lit {
                visuals.selection.stroke.color
            } else {
                visuals.text_color()
            };
            painter.text(
                cell_rect.left_center(),
                Align2::LEFT_CENTER,
                format!("{byte:02x}"),
                font.clone(),
                color,
            );
            if pane.changed.get(offset).copied().unwrap_or(false) {
                let y = cell_rect.bottom() - 1.5;
                painter.line_segment(
                    [
                        Pos2::new(cell_rect.left(), y),
                        Pos2::new(cell_rect.right(), y),
                    ],
                    Stroke::new(2.0, egui::Color32::from_rgb(0xf5, 0x9e, 0x0b)),
                );
            }
        }
        if let Some(offset) = hovered_byte.filter(|o| *o < start + chunk.len())
            && let Some(path) = path_at_offset(pane.fields, offset)
        {
            result = Some((
                FieldRef {
                    inner: pane.inner,
                    path,
                },
                response.clicked(),
            ));
        }
    }
    result
}

/// One field and (open by default near the top) its parts.
#[allow(clippy::too_many_arguments)]
fn field_tree(
    ui: &mut egui::Ui,
    s: &Strings,
    field: &Field,
    inner: bool,
    path: Vec<usize>,
    focus: Option<&FieldRef>,
    lesson: &[String],
    hits: &mut Hits,
) {
    let me = FieldRef {
        inner,
        path: path.clone(),
    };
    let is_focus = focus == Some(&me);
    let value = s.text(&field.value);
    let text = if value.is_empty() {
        field.name.clone()
    } else {
        format!("{} = {value}", field.name)
    };
    // A field the lesson points at: a marker and a background, never colour alone.
    let highlighted = lesson.contains(&field.name);
    let text = if highlighted {
        let fill = crate::app::lesson_mode::lesson_view::highlight_fill(ui.visuals().dark_mode);
        RichText::new(format!(
            "{}{text}",
            crate::app::lesson_mode::lesson_view::MARK
        ))
        .background_color(fill)
    } else {
        RichText::new(text)
    };
    let response = if field.is_leaf() {
        ui.selectable_label(is_focus, text)
    } else {
        // A part the lesson points at is never hidden in a closed header: the header
        // holding one opens (a new id, so the student can still close it).
        let holds_lesson = !highlighted
            && !lesson.is_empty()
            && field.children.iter().any(|c| contains_named(c, lesson));
        let id = ui.make_persistent_id(("field", inner, &path, holds_lesson));
        let header = egui::CollapsingHeader::new(text.strong())
            .id_salt(id)
            .default_open(path.len() < 4 || holds_lesson)
            .show(ui, |ui| {
                for (index, child) in field.children.iter().enumerate() {
                    let mut child_path = path.clone();
                    child_path.push(index);
                    field_tree(ui, s, child, inner, child_path, focus, lesson, hits);
                }
            });
        if is_focus {
            ui.painter().rect_stroke(
                header.header_response.rect,
                2.0,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Outside,
            );
        }
        header.header_response
    };
    let response = response.on_hover_text(s.text(&field.meaning));
    if response.hovered() {
        hits.hovered = Some(me.clone());
    }
    if response.clicked() && field.is_leaf() {
        hits.clicked = Some(me);
    }
}
