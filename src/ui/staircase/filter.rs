//! Search and filter of interventions; matches are marked on the staircase and counted.

use super::ctx::use_ctx;
use crate::model::staircase_ops::InterventionFilter;
use crate::model::AgeGroup;
use crate::text;
use leptos::prelude::*;

fn age_value(a: Option<AgeGroup>) -> String {
    a.map(|a| {
        AgeGroup::ALL
            .iter()
            .position(|x| *x == a)
            .unwrap_or(0)
            .to_string()
    })
    .unwrap_or_default()
}

#[component]
pub fn FilterForm() -> impl IntoView {
    let ctx = use_ctx();
    let f = ctx.filter;
    let providers = Memo::new(move |_| ctx.stair.with(|s| s.providers()));
    let bases = Memo::new(move |_| ctx.stair.with(|s| s.legal_bases()));
    let methods = Memo::new(move |_| ctx.stair.with(|s| s.methods()));
    let count_text = move || {
        let total = ctx.total_interventions.get();
        ctx.matches.with(|m| match m {
            Some(m) => text::staircase::match_count(m.len(), total),
            None => text::staircase::showing_all(total),
        })
    };
    let select = move |label: &'static str,
                       field_id: &'static str,
                       options: Memo<Vec<String>>,
                       get: fn(&InterventionFilter) -> String,
                       set: fn(&mut InterventionFilter, String)| {
        view! {
            <div class="filter-field">
                <label class="form-label" for=field_id>{label}</label>
                <select id=field_id class="form-select"
                    prop:value=move || f.with(get)
                    on:change=move |ev| { let v = event_target_value(&ev); f.update(|x| set(x, v)); }>
                    <option value="">{text::staircase::FILTER_ALL}</option>
                    {move || options.get().into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <form class="filter" role="search" aria-label=text::staircase::FILTER_FORM_LABEL on:submit=|ev| ev.prevent_default()>
            <div class="filter-field filter-text">
                <label class="form-label" for="filter-text">{text::staircase::FILTER_SEARCH}</label>
                <input id="filter-text" class="form-input" type="search" autocomplete="off"
                    prop:value=move || f.with(|x| x.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); f.update(|x| x.text = v); }/>
            </div>
            <div class="filter-field">
                <label class="form-label" for="filter-age">{text::staircase::FILTER_AGE}</label>
                <select id="filter-age" class="form-select"
                    prop:value=move || f.with(|x| age_value(x.age))
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        f.update(|x| x.age = v.parse::<usize>().ok().and_then(|i| AgeGroup::ALL.get(i).copied()));
                    }>
                    <option value="">{text::staircase::FILTER_ALL}</option>
                    {AgeGroup::ALL.iter().enumerate().map(|(i, a)| view! { <option value=i.to_string()>{text::age_group(*a)}</option> }).collect_view()}
                </select>
            </div>
            {select(text::staircase::FILTER_PROVIDER, "filter-provider", providers, |x| x.provider.clone(), |x, v| x.provider = v)}
            {select(text::staircase::FILTER_LEGAL, "filter-legal", bases, |x| x.legal_basis.clone(), |x, v| x.legal_basis = v)}
            {select(text::staircase::FILTER_METHOD, "filter-method", methods, |x| x.method.clone(), |x, v| x.method = v)}
            <div class="filter-field">
                <label class="form-label" for="filter-referral">{text::staircase::FILTER_REFERRAL}</label>
                <select id="filter-referral" class="form-select"
                    prop:value=move || f.with(|x| match x.referral { None => "", Some(true) => "ja", Some(false) => "nej" }.to_string())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        f.update(|x| x.referral = match v.as_str() { "ja" => Some(true), "nej" => Some(false), _ => None });
                    }>
                    <option value="">{text::staircase::FILTER_ALL}</option>
                    <option value="ja">{text::staircase::REFERRAL_NEEDED}</option>
                    <option value="nej">{text::staircase::REFERRAL_NOT_NEEDED}</option>
                </select>
            </div>
            <div class="filter-result">
                <p class="filter-count" role="status" data-testid="filter-count">{count_text}</p>
                <Show when=move || ctx.matches.with(|m| m.is_some())>
                    <button type="button" class="button secondary" on:click=move |_| f.set(InterventionFilter::default())>{text::staircase::RESET_FILTER}</button>
                </Show>
            </div>
        </form>
    }
}
