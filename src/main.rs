// talc instead of the standard dlmalloc: 510 bytes gzip smaller, and as fast at the hundreds of thousands
// of small allocations of reading a large workspace (measured side by side: same import and open times).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    trappe::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Trappe runs in the browser: build it with `trunk build` (see README.md).");
}
