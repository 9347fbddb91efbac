#[cfg(target_arch = "wasm32")]
fn main() {
    trappe::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Trappe runs in the browser: build it with `trunk build` (see README.md).");
}
