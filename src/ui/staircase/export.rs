//! Chart export: the SVG as a standalone file, and a PNG drawn from it on a canvas at twice the size.

use crate::browser::files;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlImageElement};

const FAILED: &str = crate::text::staircase::CHART_EXPORT_FAILED;

/// The chart with id `svg_id` as a standalone SVG document, and its width and height.
pub fn svg_text(svg_id: &str) -> Result<(String, f64, f64), String> {
    let el = leptos::prelude::document()
        .get_element_by_id(svg_id)
        .ok_or_else(|| FAILED.to_string())?;
    let xml = web_sys::XmlSerializer::new()
        .and_then(|s| s.serialize_to_string(&el))
        .map_err(|_| FAILED.to_string())?;
    let dim = |name: &str| {
        el.get_attribute(name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(1200.0)
    };
    Ok((
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{xml}"),
        dim("width"),
        dim("height"),
    ))
}

pub fn download_svg(svg_id: &str, file_name: &str) -> Result<(), String> {
    let (text, _, _) = svg_text(svg_id)?;
    files::download(file_name, "image/svg+xml", text.as_bytes()).map_err(|_| FAILED.to_string())
}

/// Draws the SVG into a canvas (white background, 2× for sharp slides) and downloads it as PNG. The
/// drawing finishes after the image has loaded, so errors after that point are reported in the console.
pub fn download_png(svg_id: &str, file_name: &str) -> Result<(), String> {
    let (text, w, h) = svg_text(svg_id)?;
    let img = HtmlImageElement::new().map_err(|_| FAILED.to_string())?;
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&text))
    );
    let name = file_name.to_string();
    let img2 = img.clone();
    let onload = Closure::once_into_js(move || {
        if let Err(e) = draw_and_save(&img2, w, h, name) {
            web_sys::console::error_1(&e);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
    Ok(())
}

fn draw_and_save(img: &HtmlImageElement, w: f64, h: f64, name: String) -> Result<(), JsValue> {
    let scale = 2.0;
    let canvas: HtmlCanvasElement = leptos::prelude::document()
        .create_element("canvas")?
        .dyn_into()?;
    canvas.set_width((w * scale) as u32);
    canvas.set_height((h * scale) as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, w * scale, h * scale);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, w * scale, h * scale)?;
    let on_blob = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<Blob>() {
            let _ = files::download_blob(&name, &blob);
        }
    });
    canvas.to_blob(on_blob.unchecked_ref())
}
