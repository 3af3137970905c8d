//! The window's icon: the product's icon (`assets/icons/handshake-lab.svg`), rendered
//! at 128 px into `assets/icons/handshake-lab-128.png` and built into the binary. The
//! desktop's menu entry uses the installed hicolor icons instead (`scripts/package.sh`).

use eframe::egui;

/// The icon's PNG, built in.
pub const PNG: &[u8] = include_bytes!("../../assets/icons/handshake-lab-128.png");

/// The icon as the window wants it; `None` (no icon, the window still opens) if the
/// built-in PNG did not decode.
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(PNG).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_icon_decodes_as_a_square() {
        let icon = super::window_icon().expect("the built-in PNG decodes");
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
    }
}
