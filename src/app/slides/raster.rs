//! The slides' painter: egui's own triangles, filled on the CPU.
//!
//! A slide is the window's drawing ([`crate::app::LabApp::draw`]), laid out and tessellated
//! by egui exactly as for the screen; only the last step, turning triangles into
//! pixels, happens here instead of on a GPU. It does what egui-wgpu's pipeline does:
//! pixel centres sampled with the top-left fill rule (so two triangles sharing an edge
//! never paint it twice), colours and texture coordinates interpolated across each
//! triangle, textures sampled with their own filter and wrap mode, the scissor
//! rectangle rounded the same way, and premultiplied-alpha blending in gamma space
//! into an 8-bit RGBA target. `tests/slides_raster.rs` compares it with egui-wgpu on
//! Mesa's lavapipe, pixel by pixel.
//!
//! Why not the GPU path: on a machine without a GPU, lavapipe took ~120 ms of the
//! ~160 ms a 1920x1080 slide cost; this painter fills the same frame in a few
//! milliseconds, on every core (the image is cut into bands of rows).

use std::collections::HashMap;

use eframe::egui::epaint::textures::{
    TextureFilter, TextureOptions, TextureWrapMode, TexturesDelta,
};
use eframe::egui::epaint::{
    ClippedPrimitive, ImageData, ImageDelta, Mesh, Primitive, TextureId, Vertex,
};
use eframe::egui::{self, Rect};
use image::RgbaImage;

/// Sub-pixel precision of vertex positions: 8 bits, as GPUs snap them.
const SUBPIXEL: i64 = 256;
/// Positions beyond this many pixels are clamped, so the fixed-point products fit.
const MAX_COORD: f32 = 1_000_000.0;

/// A texture as egui uploads it: premultiplied RGBA bytes, in gamma space.
struct Texture {
    width: usize,
    height: usize,
    texels: Vec<[u8; 4]>,
    options: TextureOptions,
}

/// Paints egui's tessellated output into an RGBA image, keeping egui's textures.
#[derive(Default)]
pub struct SoftwarePainter {
    textures: HashMap<TextureId, Texture>,
}

impl SoftwarePainter {
    /// Applies egui's texture changes (new textures, partial updates, frees) and
    /// empties `delta`, as a renderer must.
    pub fn update_textures(&mut self, delta: &mut TexturesDelta) {
        for (id, changes) in delta.set.drain() {
            for change in &changes {
                self.apply(id, change);
            }
        }
        for id in delta.free.drain() {
            self.textures.remove(&id);
        }
    }

    fn apply(&mut self, id: TextureId, change: &ImageDelta) {
        let ImageData::Color(image) = &change.image;
        let [width, height] = image.size;
        let texels: Vec<[u8; 4]> = image.pixels.iter().map(|c| c.to_array()).collect();
        if texels.len() != width * height {
            return;
        }
        let Some([x0, y0]) = change.pos else {
            let texture = Texture {
                width,
                height,
                texels,
                options: change.options,
            };
            self.textures.insert(id, texture);
            return;
        };
        // A patch of an existing texture (the font atlas grows this way); a patch
        // outside it is dropped, as a GPU would refuse it.
        let Some(texture) = self.textures.get_mut(&id) else {
            return;
        };
        if width == 0 || x0 + width > texture.width || y0 + height > texture.height {
            return;
        }
        for (row, line) in texels.chunks_exact(width).enumerate() {
            let start = (y0 + row) * texture.width + x0;
            texture.texels[start..start + width].copy_from_slice(line);
        }
        texture.options = change.options;
    }

    /// Fills `primitives` (egui's tessellation at `pixels_per_point`) into a
    /// `width` x `height` image, cleared to transparent, using every core.
    pub fn paint(
        &self,
        primitives: &[ClippedPrimitive],
        width: u32,
        height: u32,
        pixels_per_point: f32,
    ) -> RgbaImage {
        let (w, h) = (width as usize, height as usize);
        let mut pixels = vec![0u8; w * h * 4];
        if w > 0 && h > 0 {
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let rows_per_band = h.div_ceil(threads.clamp(1, 16));
            std::thread::scope(|scope| {
                for (i, rows) in pixels.chunks_mut(rows_per_band * w * 4).enumerate() {
                    let band = Band {
                        y0: i * rows_per_band,
                        y1: i * rows_per_band + rows.len() / (w * 4),
                        width: w,
                        rows,
                    };
                    scope.spawn(move || {
                        self.paint_band(primitives, band, [width, height], pixels_per_point);
                    });
                }
            });
        }
        RgbaImage::from_raw(width, height, pixels).unwrap_or_else(|| RgbaImage::new(0, 0))
    }

    fn paint_band(
        &self,
        primitives: &[ClippedPrimitive],
        mut band: Band<'_>,
        size: [u32; 2],
        ppp: f32,
    ) {
        for primitive in primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else {
                // Paint callbacks draw with the GPU directly; the app uses none.
                continue;
            };
            let Some(texture) = self.textures.get(&mesh.texture_id) else {
                continue;
            };
            let clip = Scissor::new(&primitive.clip_rect, ppp, size);
            let clip = Scissor {
                y0: clip.y0.max(band.y0),
                y1: clip.y1.min(band.y1),
                ..clip
            };
            if clip.x0 >= clip.x1 || clip.y0 >= clip.y1 {
                continue;
            }
            fill_mesh(&mut band, &clip, mesh, texture, ppp);
        }
    }
}

/// The rows `y0..y1` of the image, owned by one thread.
struct Band<'a> {
    y0: usize,
    y1: usize,
    width: usize,
    rows: &'a mut [u8],
}

/// The pixels a primitive may touch: `x0..x1`, `y0..y1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Scissor {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

impl Scissor {
    /// egui-wgpu's rounding: each edge rounded to the nearest pixel, then clamped.
    fn new(clip: &Rect, ppp: f32, [width, height]: [u32; 2]) -> Scissor {
        let px = |v: f32, max: u32| ((v * ppp).round().max(0.0) as u32).min(max) as usize;
        let x0 = px(clip.min.x, width);
        let y0 = px(clip.min.y, height);
        Scissor {
            x0,
            y0,
            x1: px(clip.max.x, width).max(x0),
            y1: px(clip.max.y, height).max(y0),
        }
    }
}

/// A vertex in pixels, fixed point, with its colour and texture coordinate.
#[derive(Clone, Copy)]
struct Corner {
    x: i64,
    y: i64,
    color: [f32; 4],
    uv: [f32; 2],
}

impl Corner {
    fn new(v: &Vertex, ppp: f32) -> Corner {
        let fixed = |p: f32| {
            let p = (p * ppp).clamp(-MAX_COORD, MAX_COORD);
            // NaN becomes 0, as `as` does: a broken vertex gives a degenerate triangle.
            (p * SUBPIXEL as f32).round() as i64
        };
        let [r, g, b, a] = v.color.to_array();
        Corner {
            x: fixed(v.pos.x),
            y: fixed(v.pos.y),
            color: [r, g, b, a].map(|c| f32::from(c) / 255.0),
            uv: [v.uv.x, v.uv.y],
        }
    }
}

/// `(b - a) x (p - a)`: positive on the inside of a positively wound triangle.
fn edge(a: &Corner, b: &Corner, px: i64, py: i64) -> i64 {
    (b.x - a.x) * (py - a.y) - (b.y - a.y) * (px - a.x)
}

/// The top-left rule: of the two triangles sharing an edge (which see it in opposite
/// directions), exactly one owns the pixel centres lying on it.
fn owns_its_edge(a: &Corner, b: &Corner) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    dy < 0 || (dy == 0 && dx > 0)
}

fn fill_mesh(band: &mut Band<'_>, clip: &Scissor, mesh: &Mesh, texture: &Texture, ppp: f32) {
    for triangle in mesh.indices.chunks_exact(3) {
        let corner = |i: u32| mesh.vertices.get(i as usize).map(|v| Corner::new(v, ppp));
        let (Some(a), Some(b), Some(c)) = (
            corner(triangle[0]),
            corner(triangle[1]),
            corner(triangle[2]),
        ) else {
            continue;
        };
        fill_triangle(band, clip, a, b, c, texture);
    }
}

fn fill_triangle(
    band: &mut Band<'_>,
    clip: &Scissor,
    a: Corner,
    b: Corner,
    c: Corner,
    texture: &Texture,
) {
    let area = edge(&a, &b, c.x, c.y);
    if area == 0 {
        return;
    }
    // Wind every triangle the same way (egui does not cull back faces).
    let (a, b, c, area) = if area < 0 {
        (a, c, b, -area)
    } else {
        (a, b, c, area)
    };

    // Pixels whose centres may lie inside, cut to the scissor.
    let min = |v: [i64; 3]| v.into_iter().min().unwrap_or(0);
    let max = |v: [i64; 3]| v.into_iter().max().unwrap_or(0);
    let to_pixel = |v: i64, lo: usize, hi: usize| {
        usize::try_from(v.div_euclid(SUBPIXEL).max(0))
            .unwrap_or(0)
            .clamp(lo, hi)
    };
    let x0 = to_pixel(min([a.x, b.x, c.x]), clip.x0, clip.x1);
    let x1 = to_pixel(max([a.x, b.x, c.x]) + SUBPIXEL, clip.x0, clip.x1);
    let y0 = to_pixel(min([a.y, b.y, c.y]), clip.y0, clip.y1);
    let y1 = to_pixel(max([a.y, b.y, c.y]) + SUBPIXEL, clip.y0, clip.y1);
    if x0 >= x1 || y0 >= y1 {
        return;
    }

    // Edge functions at the first pixel centre, and their steps per pixel. Each is the
    // weight of the opposite corner times `area`.
    let centre = |p: usize| p as i64 * SUBPIXEL + SUBPIXEL / 2;
    let (px, py) = (centre(x0), centre(y0));
    let edges = [(&b, &c), (&c, &a), (&a, &b)];
    let mut row_start = edges.map(|(p, q)| edge(p, q, px, py));
    let step_x = edges.map(|(p, q)| -(q.y - p.y) * SUBPIXEL);
    let step_y = edges.map(|(p, q)| (q.x - p.x) * SUBPIXEL);
    // Inside when every edge function is >= its bias: 0 for an owned edge, else 1.
    let bias = edges.map(|(p, q)| i64::from(!owns_its_edge(p, q)));

    let shade = Shade::new([&a, &b, &c], area, step_x, texture);
    for y in y0..y1 {
        let e = row_start;
        for i in 0..3 {
            row_start[i] += step_y[i];
        }
        // The triangle is convex: its pixels on this row are one run, found exactly.
        let (mut from, mut to) = (0i64, (x1 - x0) as i64);
        for i in 0..3 {
            let need = bias[i] - e[i];
            match step_x[i].signum() {
                1 => from = from.max(ceil_div(need, step_x[i])),
                -1 => to = to.min(floor_div(-need, -step_x[i]) + 1),
                _ if e[i] < bias[i] => to = from,
                _ => {}
            }
        }
        if from >= to {
            continue;
        }
        let row = (y - band.y0) * band.width * 4;
        let start = row + (x0 + from as usize) * 4;
        let end = row + (x0 + to as usize) * 4;
        let Some(pixels) = band.rows.get_mut(start..end) else {
            continue;
        };
        let at_run = e.map(|v| v as f64);
        let at_run = [0, 1, 2].map(|i| at_run[i] + from as f64 * step_x[i] as f64);
        shade.run(pixels, at_run);
    }
}

fn ceil_div(n: i64, d: i64) -> i64 {
    n.div_euclid(d) + i64::from(n.rem_euclid(d) != 0)
}

fn floor_div(n: i64, d: i64) -> i64 {
    n.div_euclid(d)
}

/// How a triangle's pixels get their colour: one colour for the whole triangle (most of
/// egui's fills), or colour and texture coordinate interpolated along each run.
enum Shade<'t> {
    /// Every pixel the same: premultiplied RGBA, 0-1, and its bytes when opaque.
    Flat([f32; 4], Option<[u8; 4]>),
    /// Attributes `[r, g, b, a, u, v]` as planes over the edge functions.
    Smooth {
        /// Each corner's attributes.
        corners: [[f32; 6]; 3],
        /// Change of each attribute per pixel step in x.
        per_x: [f32; 6],
        inv_area: f64,
        texture: &'t Texture,
    },
}

impl<'t> Shade<'t> {
    fn new(corners: [&Corner; 3], area: i64, step_x: [i64; 3], texture: &'t Texture) -> Self {
        let [a, b, c] = corners;
        if a.color == b.color && a.color == c.color && a.uv == b.uv && a.uv == c.uv {
            let colour = modulate(a.color, texture.sample(a.uv));
            let opaque = (colour[3] >= 1.0).then(|| colour.map(to_byte));
            return Shade::Flat(colour, opaque);
        }
        let attributes = |v: &Corner| {
            [
                v.color[0], v.color[1], v.color[2], v.color[3], v.uv[0], v.uv[1],
            ]
        };
        let corners = [attributes(a), attributes(b), attributes(c)];
        let inv_area = 1.0 / area as f64;
        let per_x = std::array::from_fn(|k| {
            ((0..3)
                .map(|i| step_x[i] as f64 * f64::from(corners[i][k]))
                .sum::<f64>()
                * inv_area) as f32
        });
        Shade::Smooth {
            corners,
            per_x,
            inv_area,
            texture,
        }
    }

    /// Paints one run of pixels whose first pixel has edge functions `e`.
    fn run(&self, pixels: &mut [u8], e: [f64; 3]) {
        match self {
            Shade::Flat(_, Some(bytes)) => {
                for pixel in pixels.chunks_exact_mut(4) {
                    pixel.copy_from_slice(bytes);
                }
            }
            Shade::Flat(colour, None) => {
                if colour.iter().all(|&v| v <= 0.0) {
                    return;
                }
                for pixel in pixels.chunks_exact_mut(4) {
                    blend(pixel, *colour);
                }
            }
            Shade::Smooth {
                corners,
                per_x,
                inv_area,
                texture,
            } => {
                let mut at: [f32; 6] = std::array::from_fn(|k| {
                    ((0..3).map(|i| e[i] * f64::from(corners[i][k])).sum::<f64>() * inv_area) as f32
                });
                for pixel in pixels.chunks_exact_mut(4) {
                    let src =
                        modulate([at[0], at[1], at[2], at[3]], texture.sample([at[4], at[5]]));
                    // Premultiplied: nothing to add where everything is zero (the empty
                    // parts of glyphs, the outer rim of anti-aliasing).
                    if src[3] > 0.0 || src[0] > 0.0 || src[1] > 0.0 || src[2] > 0.0 {
                        blend(pixel, src);
                    }
                    for k in 0..6 {
                        at[k] += per_x[k];
                    }
                }
            }
        }
    }
}

fn to_byte(v: f32) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
}

/// Vertex colour times texel, as egui's fragment shader does (both gamma, premultiplied).
fn modulate(colour: [f32; 4], texel: [f32; 4]) -> [f32; 4] {
    [
        colour[0] * texel[0],
        colour[1] * texel[1],
        colour[2] * texel[2],
        colour[3] * texel[3],
    ]
}

/// egui's blend state: colour `src + dst * (1 - src.a)`, alpha `src.a * (1 - dst.a) + dst.a`.
fn blend(pixel: &mut [u8], src: [f32; 4]) {
    if src[3] >= 1.0 {
        // Opaque: the destination does not show through.
        for i in 0..3 {
            pixel[i] = to_byte(src[i]);
        }
        pixel[3] = 255;
        return;
    }
    let keep = 1.0 - src[3];
    for i in 0..3 {
        pixel[i] = to_byte(src[i] + f32::from(pixel[i]) / 255.0 * keep);
    }
    let dst_a = f32::from(pixel[3]) / 255.0;
    pixel[3] = to_byte(src[3] * (1.0 - dst_a) + dst_a);
}

impl Texture {
    /// The texel colour at normalised coordinate `uv`, filtered and wrapped as the
    /// texture's options say (a GPU sampler without mipmaps).
    fn sample(&self, [u, v]: [f32; 2]) -> [f32; 4] {
        if self.width == 0 || self.height == 0 {
            return [0.0; 4];
        }
        let (w, h) = (self.width as f32, self.height as f32);
        match self.options.magnification {
            TextureFilter::Nearest => {
                let x = self.wrap((u * w).floor() as i64, self.width);
                let y = self.wrap((v * h).floor() as i64, self.height);
                self.texel(x, y)
            }
            TextureFilter::Linear => {
                let (fx, fy) = (u * w - 0.5, v * h - 0.5);
                let (x0, y0) = (fx.floor(), fy.floor());
                let (tx, ty) = (fx - x0, fy - y0);
                let (x0, y0) = (x0 as i64, y0 as i64);
                let (xa, xb) = (self.wrap(x0, self.width), self.wrap(x0 + 1, self.width));
                let (ya, yb) = (self.wrap(y0, self.height), self.wrap(y0 + 1, self.height));
                if tx == 0.0 && ty == 0.0 {
                    // On a texel centre (text drawn 1:1): that texel, exactly.
                    return self.texel(xa, ya);
                }
                let (p, q, r, s) = (
                    self.texel(xa, ya),
                    self.texel(xb, ya),
                    self.texel(xa, yb),
                    self.texel(xb, yb),
                );
                let mut out = [0.0; 4];
                for i in 0..4 {
                    let top = p[i] + (q[i] - p[i]) * tx;
                    let bottom = r[i] + (s[i] - r[i]) * tx;
                    out[i] = top + (bottom - top) * ty;
                }
                out
            }
        }
    }

    fn texel(&self, x: usize, y: usize) -> [f32; 4] {
        self.texels
            .get(y * self.width + x)
            .map_or([0.0; 4], |t| t.map(|c| f32::from(c) / 255.0))
    }

    /// A texel index inside `0..size`, by the texture's wrap mode.
    fn wrap(&self, i: i64, size: usize) -> usize {
        let n = size as i64;
        let wrapped = match self.options.wrap_mode {
            TextureWrapMode::ClampToEdge => i.clamp(0, n - 1),
            TextureWrapMode::Repeat => i.rem_euclid(n),
            TextureWrapMode::MirroredRepeat => {
                let phase = i.rem_euclid(2 * n);
                phase.min(2 * n - 1 - phase)
            }
        };
        usize::try_from(wrapped).unwrap_or(0)
    }
}

/// The painter as a renderer for an `egui_kittest` harness: the harness runs the app,
/// this turns its frame into an image.
#[derive(Default)]
pub struct SoftwareRenderer {
    painter: SoftwarePainter,
}

impl egui_kittest::TestRenderer for SoftwareRenderer {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        self.painter.update_textures(delta);
    }

    fn render(
        &mut self,
        ctx: &egui::Context,
        output: &egui::FullOutput,
    ) -> Result<RgbaImage, String> {
        let ppp = ctx.pixels_per_point();
        let size = ctx.content_rect().size() * ppp;
        let primitives = ctx.tessellate(output.shapes.clone(), ppp);
        Ok(self.painter.paint(
            &primitives,
            size.x.round() as u32,
            size.y.round() as u32,
            ppp,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{ColorImage, WHITE_UV};
    use egui::{Color32, Pos2, pos2};

    const WHITE: TextureId = TextureId::Managed(0);

    /// A painter whose texture 0 is one white texel (egui's font atlas has one too).
    fn painter() -> SoftwarePainter {
        let mut delta = TexturesDelta::default();
        delta.set.entry(WHITE).or_default().push(ImageDelta::full(
            ColorImage::new([1, 1], vec![Color32::WHITE]),
            TextureOptions::LINEAR,
        ));
        let mut painter = SoftwarePainter::default();
        painter.update_textures(&mut delta);
        painter
    }

    fn quad(min: Pos2, max: Pos2, colour: Color32) -> Mesh {
        let mut mesh = Mesh::with_texture(WHITE);
        mesh.add_colored_rect(Rect::from_min_max(min, max), colour);
        for v in &mut mesh.vertices {
            v.uv = pos2(0.5, 0.5);
        }
        mesh
    }

    fn clipped(mesh: Mesh, clip: Rect) -> ClippedPrimitive {
        ClippedPrimitive {
            clip_rect: clip,
            primitive: Primitive::Mesh(mesh),
        }
    }

    fn everywhere() -> Rect {
        Rect::from_min_max(pos2(-1e4, -1e4), pos2(1e4, 1e4))
    }

    fn pixel(image: &RgbaImage, x: u32, y: u32) -> [u8; 4] {
        image.get_pixel(x, y).0
    }

    #[test]
    fn a_rectangle_fills_exactly_its_pixels() {
        let mesh = quad(pos2(2.0, 3.0), pos2(6.0, 5.0), Color32::RED);
        let image = painter().paint(&[clipped(mesh, everywhere())], 8, 8, 1.0);
        for y in 0..8 {
            for x in 0..8 {
                let inside = (2..6).contains(&x) && (3..5).contains(&y);
                let expected = if inside { [255, 0, 0, 255] } else { [0; 4] };
                assert_eq!(pixel(&image, x, y), expected, "({x}, {y})");
            }
        }
    }

    #[test]
    fn the_shared_diagonal_of_a_translucent_quad_is_painted_once() {
        // Half-transparent: a pixel painted twice would come out darker.
        let colour = Color32::from_rgba_premultiplied(0, 0, 128, 128);
        let mesh = quad(pos2(0.0, 0.0), pos2(16.0, 16.0), colour);
        let image = painter().paint(&[clipped(mesh, everywhere())], 16, 16, 1.0);
        let first = pixel(&image, 0, 0);
        assert_eq!(first, [0, 0, 128, 128]);
        for (x, y, p) in image.enumerate_pixels() {
            assert_eq!(p.0, first, "({x}, {y}) differs");
        }
    }

    #[test]
    fn blending_is_premultiplied_over_what_is_there() {
        let under = quad(pos2(0.0, 0.0), pos2(4.0, 4.0), Color32::WHITE);
        let over = quad(
            pos2(0.0, 0.0),
            pos2(2.0, 4.0),
            Color32::from_rgba_premultiplied(0, 0, 0, 128),
        );
        let image = painter().paint(
            &[clipped(under, everywhere()), clipped(over, everywhere())],
            4,
            4,
            1.0,
        );
        // 1 - 128/255 of white shows through.
        assert_eq!(pixel(&image, 0, 0), [127, 127, 127, 255]);
        assert_eq!(pixel(&image, 3, 0), [255, 255, 255, 255]);
    }

    #[test]
    fn the_clip_rectangle_is_rounded_and_respected_at_any_scale() {
        let mesh = quad(pos2(0.0, 0.0), pos2(10.0, 10.0), Color32::GREEN);
        let clip = Rect::from_min_max(pos2(1.2, 1.2), pos2(3.0, 3.0));
        // At 2 pixels per point the clip is pixels 2.4..6 -> 2..6.
        let image = painter().paint(&[clipped(mesh, clip)], 20, 20, 2.0);
        assert_eq!(pixel(&image, 1, 2), [0; 4]);
        assert_eq!(pixel(&image, 2, 2), [0, 255, 0, 255]);
        assert_eq!(pixel(&image, 5, 5), [0, 255, 0, 255]);
        assert_eq!(pixel(&image, 6, 5), [0; 4]);
    }

    #[test]
    fn colours_are_interpolated_across_a_triangle() {
        let mut mesh = Mesh::with_texture(WHITE);
        for (x, colour) in [(0.0, Color32::BLACK), (100.0, Color32::WHITE)] {
            for y in [0.0, 1.0] {
                mesh.vertices.push(Vertex {
                    pos: pos2(x, y),
                    uv: WHITE_UV,
                    color: colour,
                });
            }
        }
        mesh.indices = vec![0, 1, 2, 1, 3, 2];
        let mut p = painter();
        // egui's white texel sits in the font atlas; here the whole texture is white.
        if let Some(texture) = p.textures.get_mut(&WHITE) {
            texture.options = TextureOptions::NEAREST;
        }
        let image = p.paint(&[clipped(mesh, everywhere())], 100, 1, 1.0);
        let middle = pixel(&image, 50, 0)[0];
        assert!((126..=129).contains(&middle), "middle grey, got {middle}");
        assert!(pixel(&image, 0, 0)[0] < 2 && pixel(&image, 99, 0)[0] > 253);
    }

    #[test]
    fn a_texture_drawn_one_to_one_is_copied_texel_for_texel_and_patches_apply() {
        let id = TextureId::Managed(7);
        let texels: Vec<Color32> = (0..16u8)
            .map(|i| Color32::from_rgba_premultiplied(i * 16, 255 - i * 16, i, 255))
            .collect();
        let mut delta = TexturesDelta::default();
        let changes = delta.set.entry(id).or_default();
        changes.push(ImageDelta::full(
            ColorImage::new([4, 4], texels.clone()),
            TextureOptions::LINEAR,
        ));
        // Then one texel replaced, as the font atlas grows.
        changes.push(ImageDelta::partial(
            [1, 2],
            ColorImage::new([1, 1], vec![Color32::YELLOW]),
            TextureOptions::LINEAR,
        ));
        let mut p = painter();
        p.update_textures(&mut delta);
        let mut mesh = Mesh::with_texture(id);
        mesh.add_rect_with_uv(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(4.0, 4.0)),
            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
            Color32::WHITE,
        );
        let image = p.paint(&[clipped(mesh, everywhere())], 4, 4, 1.0);
        for y in 0..4u32 {
            for x in 0..4u32 {
                let expected = if (x, y) == (1, 2) {
                    Color32::YELLOW
                } else {
                    texels[(y * 4 + x) as usize]
                };
                assert_eq!(pixel(&image, x, y), expected.to_array(), "({x}, {y})");
            }
        }
        // Freed textures are gone.
        let mut free = TexturesDelta::default();
        free.free.insert(id);
        p.update_textures(&mut free);
        assert!(!p.textures.contains_key(&id));
    }

    #[test]
    fn broken_input_draws_nothing_and_never_panics() {
        let mut mesh = quad(pos2(0.0, 0.0), pos2(4.0, 4.0), Color32::RED);
        mesh.indices.push(99); // an index past the vertices
        mesh.indices.extend([0, 1]);
        mesh.vertices[0].pos = pos2(f32::NAN, f32::INFINITY);
        let unknown = Mesh::with_texture(TextureId::User(5));
        let image = painter().paint(
            &[clipped(mesh, everywhere()), clipped(unknown, everywhere())],
            4,
            4,
            1.0,
        );
        assert_eq!(image.dimensions(), (4, 4));
        assert!(painter().paint(&[], 0, 0, 1.0).is_empty());
    }

    #[test]
    fn bands_meet_without_a_seam() {
        // An image taller than one band per thread: the rows on both sides of each cut
        // are painted like every other row.
        let colour = Color32::from_rgba_premultiplied(10, 20, 30, 40);
        let mesh = quad(pos2(0.0, 0.0), pos2(3.0, 101.0), colour);
        let image = painter().paint(&[clipped(mesh, everywhere())], 3, 101, 1.0);
        assert!(image.pixels().all(|p| p.0 == [10, 20, 30, 40]));
    }
}
