//! The inspector by keyboard: the field details box takes the focus (Tab, Alt+4, or a
//! click); while it has it, Up/Down choose the previous/next field (every depth, in
//! order), Left/Right move one byte (the field follows the byte), Home/End go to the
//! first/last byte. A screen reader reads the chosen field as its name, value and
//! meaning, never as hex.

use eframe::egui::{self, Id, Key, Modifiers, Rect};

use crate::app::Strings;
use crate::app::views::inspector::FieldRef;
use crate::wire::Field;
use crate::wire::annotate::{field_at_path, path_at_offset};

/// The id of the inspector's keyboard cursor.
pub fn id() -> Id {
    Id::unique("inspector_keyboard")
}

/// One byte pane as the keyboard sees it.
pub struct PaneKeys<'a> {
    /// The decrypted inner plaintext rather than the wire bytes.
    pub inner: bool,
    /// The number of bytes.
    pub len: usize,
    /// Its fields.
    pub fields: &'a [Field],
}

/// Where the keyboard cursor is: the pane and the byte.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ByteCursor {
    /// In the inner plaintext.
    pub inner: bool,
    /// The byte offset in its pane.
    pub offset: usize,
}

/// Every field of the panes, parents before their parts, in byte order.
fn all_fields(panes: &[PaneKeys<'_>]) -> Vec<FieldRef> {
    fn walk(fields: &[Field], inner: bool, prefix: &[usize], out: &mut Vec<FieldRef>) {
        for (index, field) in fields.iter().enumerate() {
            let mut path = prefix.to_vec();
            path.push(index);
            out.push(FieldRef {
                inner,
                path: path.clone(),
            });
            walk(&field.children, inner, &path, out);
        }
    }
    let mut out = Vec::new();
    for pane in panes {
        walk(pane.fields, pane.inner, &[], &mut out);
    }
    out
}

/// The field a [`FieldRef`] names in `panes`.
pub fn resolve<'a>(panes: &[PaneKeys<'a>], field: &FieldRef) -> Option<&'a Field> {
    let pane = panes.iter().find(|p| p.inner == field.inner)?;
    field_at_path(pane.fields, &field.path)
}

/// Reads the keys while the cursor has the focus; moves `selected` and `cursor`.
/// Returns whether the cursor has the focus (its selection then wins over the
/// pointer's hover).
pub fn handle_keys(
    ctx: &egui::Context,
    panes: &[PaneKeys<'_>],
    selected: &mut Option<FieldRef>,
    cursor: &mut Option<ByteCursor>,
) -> bool {
    if !ctx.memory(|m| m.has_focus(id())) {
        return false;
    }
    let fields = all_fields(panes);
    let (up, down, left, right, home, end) = ctx.input_mut(|i| {
        let n = Modifiers::NONE;
        (
            i.count_and_consume_key(n, Key::ArrowUp),
            i.count_and_consume_key(n, Key::ArrowDown),
            i.count_and_consume_key(n, Key::ArrowLeft),
            i.count_and_consume_key(n, Key::ArrowRight),
            i.consume_key(n, Key::Home),
            i.consume_key(n, Key::End),
        )
    });
    if up + down + left + right > 0 {
        // The arrows were the cursor's: egui must not also move the focus with them
        // (its lock filter only holds from the second frame with the focus).
        ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
    }
    let before = (selected.clone(), *cursor);
    // On arriving: the field already chosen, or the first one.
    if selected.is_none() {
        *selected = fields.first().cloned();
    }
    if up + down > 0 {
        let here = selected
            .as_ref()
            .and_then(|s| fields.iter().position(|f| f == s))
            .unwrap_or(0);
        let last = fields.len().saturating_sub(1);
        let to = (here + down).saturating_sub(up).min(last);
        *selected = fields.get(to).cloned();
        *cursor = None;
    }
    // Bytes run on from the wire bytes into the inner plaintext.
    let total: usize = panes.iter().map(|p| p.len).sum();
    if (left + right > 0 || home || end) && total > 0 {
        let start_of = |c: ByteCursor| {
            panes
                .iter()
                .take_while(|p| p.inner != c.inner)
                .map(|p| p.len)
                .sum::<usize>()
                + c.offset
        };
        let here = cursor.map(start_of).or_else(|| {
            let field = selected.as_ref()?;
            let f = resolve(panes, field)?;
            Some(start_of(ByteCursor {
                inner: field.inner,
                offset: f.range.start,
            }))
        });
        let here = here.unwrap_or(0);
        let mut to = (here + right).saturating_sub(left).min(total - 1);
        if home {
            to = 0;
        }
        if end {
            to = total - 1;
        }
        let mut rest = to;
        for pane in panes {
            if rest < pane.len {
                *cursor = Some(ByteCursor {
                    inner: pane.inner,
                    offset: rest,
                });
                *selected = path_at_offset(pane.fields, rest).map(|path| FieldRef {
                    inner: pane.inner,
                    path,
                });
                break;
            }
            rest -= pane.len;
        }
    }
    if (selected.clone(), *cursor) != before {
        ctx.request_repaint();
    }
    true
}

/// How a screen reader reads a field: its name, value and meaning (in the UI's
/// language), and where it is.
pub fn field_text(s: &Strings, field: &Field) -> String {
    let bytes = s.tr_args(
        "inspector-field-bytes",
        &[
            ("start", field.range.start.to_string()),
            ("end", field.range.end.to_string()),
            ("len", field.range.len().to_string()),
        ],
    );
    let value = s.text(&field.value);
    let meaning = s.text(&field.meaning);
    if value.is_empty() {
        s.tr_args(
            "a11y-field-no-value",
            &[
                ("name", field.name.clone()),
                ("meaning", meaning),
                ("bytes", bytes),
            ],
        )
    } else {
        s.tr_args(
            "a11y-field",
            &[
                ("name", field.name.clone()),
                ("value", value),
                ("meaning", meaning),
                ("bytes", bytes),
            ],
        )
    }
}

/// The keyboard cursor over `rect` (the details box): takes focus by Tab or click,
/// names the chosen field for screen readers.
pub fn widget(
    ui: &mut egui::Ui,
    s: &Strings,
    rect: Rect,
    field: Option<&Field>,
    cursor: Option<ByteCursor>,
) {
    let response = ui.interact(rect, id(), egui::Sense::click());
    if response.clicked() {
        response.request_focus();
    }
    let mut label = match field {
        Some(field) => field_text(s, field),
        None => s.tr("a11y-inspector-cursor"),
    };
    if let Some(c) = cursor {
        label = format!(
            "{}. {label}",
            s.tr_args("a11y-byte", &[("offset", c.offset.to_string())])
        );
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, &label));
    ui.ctx().accesskit_node_builder(id(), |node| {
        node.set_description(s.tr("a11y-inspector-keys"));
        node.set_live(egui::accesskit::Live::Polite);
    });
    crate::app::access::a11y::owns_arrows(ui.ctx(), id());
}
