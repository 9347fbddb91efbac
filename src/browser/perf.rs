//! Performance marks the benchmark reads (`performance.getEntriesByName("trappe-save")`). Cheap, local,
//! never sent anywhere.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Marks the start of `name`; `end(name)` records the measure.
pub fn start(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(&format!("{name}-start"));
    }
}

pub fn end(name: &str) {
    if let Some(p) = performance() {
        let start = format!("{name}-start");
        let end = format!("{name}-end");
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
}
