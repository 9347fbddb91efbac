//! The frame of a page made for paper (the committee page, the staircase's print view): the paper's size,
//! the way back, the print button with its hint, then the page; and the printed heading with the date.

use crate::browser::address::at;
use crate::text::ui as t;
use crate::ui::example_notice::ExampleNotice;
use crate::ui::privacy_check::PrintButton;
use leptos::prelude::*;

/// A print page titled `title` (the document's title), on paper `paper` (`A4 portrait`), with a link back
/// to `back` (route, label), the print button (`name` names its warning's ids), the `hint` on the paper
/// and how to get a PDF, then `children`. `class` is added to the frame's own (`print-view`).
#[component]
pub fn PrintFrame(
    title: &'static str,
    paper: &'static str,
    back: (&'static str, &'static str),
    name: &'static str,
    hint: &'static str,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    crate::ui::common::set_title(title);
    let class = if class.is_empty() {
        "print-view".to_string()
    } else {
        format!("print-view {class}")
    };
    view! {
        <div class=class>
            // Only while this view is shown, so other pages keep their own paper orientation.
            <style>{format!("@page {{ size: {paper}; margin: 12mm; }}")}</style>
            <div class="print-actions no-print">
                <a class="button secondary" href=at(back.0)>{back.1}</a>
                <PrintButton label=t::PRINT name=name/>
                <p class="form-hint">{format!("{hint} {}", t::PRINT_AS_PDF)}</p>
            </div>
            {children()}
        </div>
    }
}

/// The printed heading, `what` of the workspace named `workspace`, with the day it is printed, and the
/// example's notice when it is one.
#[component]
pub fn PrintHeader(what: &'static str, #[prop(into)] workspace: Signal<String>) -> impl IntoView {
    view! {
        <header class="print-header">
            <h1>{move || t::print_heading(what, &workspace.get())}</h1>
            <p class="print-date">{t::printed_on(crate::browser::today())}</p>
        </header>
        <ExampleNotice print=true/>
    }
}
