// Reading a large workspace makes hundreds of thousands of small allocations (strings, ids, lists); talc
// does them faster than the standard dlmalloc, in fewer bytes.
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
