//! The frame a chart is drawn in: the SVG's size, the margins around its plot area, and the linear scale
//! that places a value in that area.

/// A `width` × `height` chart whose plot area lies inside the margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    /// A `width` × `height` chart with the margins `[left, right, top, bottom]`.
    pub const fn new(width: f64, height: f64, [left, right, top, bottom]: [f64; 4]) -> Self {
        Frame {
            width,
            height,
            left,
            right,
            top,
            bottom,
        }
    }
    /// The SVG's `viewBox`.
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }
    pub fn plot_w(&self) -> f64 {
        self.width - self.left - self.right
    }
    pub fn plot_h(&self) -> f64 {
        self.height - self.top - self.bottom
    }
    /// The x of the plot area's right edge.
    pub fn right_x(&self) -> f64 {
        self.width - self.right
    }
    /// The y of the plot area's bottom edge (the x axis).
    pub fn bottom_y(&self) -> f64 {
        self.height - self.bottom
    }
    /// The y of `v` on a scale from `lo` at the plot's bottom to `hi` at its top.
    pub fn y(&self, v: f64, lo: f64, hi: f64) -> f64 {
        self.top + self.plot_h() * (1.0 - (v - lo) / (hi - lo))
    }
}
