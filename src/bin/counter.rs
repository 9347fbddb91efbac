//! The yardstick of `scripts/bench.sh`: a bare Leptos 0.8 counter, built by trunk with the same release
//! profile and wasm-opt level as Trappe (bench/counter/index.html). Trappe's start-up and screens are
//! reported as ratios to this page's first render.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        view! {
            <main>
                <h1>"Tæller"</h1>
                <button on:click=move |_| count.update(|n| *n += 1)>"Tæl: " {count}</button>
            </main>
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("counter: the benchmark's yardstick; scripts/bench.sh builds it with trunk");
}
