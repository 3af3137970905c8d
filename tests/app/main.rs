//! The window and the slides, driven in egui_kittest with no display: one test binary,
//! so the GUI stack (egui, wgpu, winit) is linked once for all of them.

mod a11y;
mod contrast;
mod core_text;
mod core_text_session;
mod inspector_de;
mod lessons;
mod live;
mod navigation;
mod panels;
mod scenarios;
mod settings;
mod slides;
mod slides_command;
mod slides_fit;
mod slides_raster;
mod strings;
mod support;
#[path = "../common/teacher_folder.rs"]
mod teacher_folder;
mod visit;
