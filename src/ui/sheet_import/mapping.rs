//! The sheet, the header row and each column's field, then the values no known name matched.

use super::Flow;
use crate::sheet_import::cells::text;
use crate::sheet_import::fields::{headers, Field};
use crate::sheet_import::preview::{Chosen, UnknownValue};
use crate::text::sheet_import as txt;
use leptos::prelude::*;

#[component]
pub(super) fn SheetAndMapping(
    flow: Flow,
    on_sheet: Callback<usize>,
    on_header_row: Callback<usize>,
) -> impl IntoView {
    let many = move || flow.sheets.with(|s| s.len() > 1);
    view! {
        <Show when=many>
            <div class="form-group">
                <label class="form-label" for="sheet-choice">{txt::SHEET_LABEL}</label>
                <span class="form-hint" id="sheet-choice-hint">{txt::SHEET_HINT}</span>
                <select id="sheet-choice" class="form-select" aria-describedby="sheet-choice-hint"
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse() { on_sheet.run(i) }
                    }>
                    {move || flow.sheets.with(|all| all.iter().enumerate().map(|(i, s)| {
                        let name = s.name.clone();
                        view! { <option value=i.to_string() selected=move || flow.sheet.get() == i>{name}</option> }
                    }).collect_view())}
                </select>
            </div>
        </Show>
        <div class="form-group">
            <label class="form-label" for="sheet-header-row">{txt::HEADER_ROW_LABEL}</label>
            <span class="form-hint" id="sheet-header-row-hint">{txt::HEADER_ROW_HINT}</span>
            <input id="sheet-header-row" class="form-input input-width-xs" type="number" min="1" inputmode="numeric"
                aria-describedby="sheet-header-row-hint"
                prop:value=move || flow.mapping.with(|m| m.as_ref().map(|m| (m.header_row + 1).to_string()).unwrap_or_default())
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).trim().parse::<usize>() {
                        if n >= 1 { on_header_row.run(n - 1) }
                    }
                }/>
        </div>
        <h2 id="sheet-mapping-heading">{txt::MAPPING_HEADING}</h2>
        <p>{txt::MAPPING_LEAD}</p>
        <div class="table-scroll">
            <table class="table sheet-mapping" aria-labelledby="sheet-mapping-heading">
                <thead><tr>
                    <th scope="col">{txt::COLUMN}</th>
                    <th scope="col">{txt::HEADER}</th>
                    <th scope="col">{txt::EXAMPLE}</th>
                    <th scope="col">{txt::BECOMES}</th>
                </tr></thead>
                <tbody>{move || column_rows(flow)}</tbody>
            </table>
        </div>
        <UnknownValues flow=flow/>
    }
}

/// One row per column of the sheet: its letter, header, first value and a field to choose.
fn column_rows(flow: Flow) -> impl IntoView {
    let (Some(sheet), Some(m)) = (flow.current_sheet(), flow.mapping.get()) else {
        return ().into_any();
    };
    let heads = headers(&sheet, m.header_row);
    let first_value = |c: usize| {
        sheet.rows[m.header_row + 1..]
            .iter()
            .map(|r| r.get(c).map(text).unwrap_or_default())
            .find(|v| !v.is_empty())
            .unwrap_or_default()
    };
    heads
        .iter()
        .enumerate()
        .map(|(c, h)| {
            let letter = txt::column_letter(c);
            let id = format!("sheet-column-{c}");
            let label = format!("{} {letter}", txt::COLUMN);
            let example: String = first_value(c).chars().take(60).collect();
            let current = m.columns.get(c).copied().flatten();
            let options = flow
                .kind
                .fields()
                .iter()
                .map(|f| {
                    let f = *f;
                    view! { <option value=format!("{f:?}") selected=current == Some(f)>{txt::field_label(f)}</option> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{letter}</th>
                    <td>{h.clone()}</td>
                    <td class="sheet-example">{example}</td>
                    <td>
                        <label class="visually-hidden" for=id.clone()>{label}</label>
                        <select id=id class="form-select" data-testid=format!("sheet-column-{c}")
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let field = flow.kind.fields().iter().copied().find(|f| format!("{f:?}") == v);
                                flow.mapping.update(|m| if let Some(m) = m { m.choose(c, field) });
                            }>
                            <option value="" selected=current.is_none()>{txt::SKIP}</option>
                            {options}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn UnknownValues(flow: Flow) -> impl IntoView {
    let listed = Memo::new(move |_| {
        flow.preview
            .with(|p| p.as_ref().map(|p| p.unknown.clone()).unwrap_or_default())
    });
    move || {
        let values = listed.get();
        (!values.is_empty()).then(|| {
            let items = values
                .into_iter()
                .enumerate()
                .map(|(n, u)| unknown_value(flow, n, u))
                .collect_view();
            view! {
                <h2 id="sheet-unknown-heading">{txt::UNKNOWN_HEADING}</h2>
                <p>{txt::unknown_lead(flow.kind)}</p>
                <div class="sheet-unknown">{items}</div>
            }
        })
    }
}

fn unknown_value(flow: Flow, n: usize, u: UnknownValue) -> impl IntoView {
    let id = format!("sheet-unknown-{n}");
    let key = (u.field, crate::sheet_import::fields::normalise(&u.found));
    let is_type = u.field == Field::MeetingType;
    let current = {
        let key = key.clone();
        Memo::new(move |_| flow.choices.with(|c| c.get(&key).cloned()))
    };
    let mut names = u.options.clone();
    if let Some(c) = &u.close {
        names.retain(|n| n != c);
    }
    let close = u.close.clone();
    let none_label = if is_type {
        txt::KEEP_UNKNOWN_TYPE
    } else {
        txt::LEAVE_STATUS
    };
    let field_name = txt::field_label(u.field);
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let chosen = match v.as_str() {
            "" => None,
            "=own" => Some(Chosen::OwnType),
            name => Some(Chosen::Name(name.to_string())),
        };
        let key = key.clone();
        flow.choices.update(|c| match chosen {
            Some(ch) => {
                c.insert(key, ch);
            }
            None => {
                c.remove(&key);
            }
        });
    };
    let selected = move |value: &str| {
        let now = current.get();
        match (value, now) {
            ("", None) => true,
            ("=own", Some(Chosen::OwnType)) => true,
            (v, Some(Chosen::Name(n))) => v == n,
            _ => false,
        }
    };
    view! {
        <div class="form-group">
            <label class="form-label" for=id.clone()>{format!("{field_name} {}", txt::unknown_value_label(&u.found, u.rows))}</label>
            <select id=id class="form-select" on:change=on_change>
                <option value="" selected=move || selected("")>{none_label}</option>
                {close.map(|c| {
                    let v = c.clone();
                    view! { <option value=c.clone() selected=move || selected(&v)>{txt::close_match(&c)}</option> }
                })}
                {names.into_iter().map(|name| {
                    let v = name.clone();
                    let label = name.clone();
                    view! { <option value=name selected=move || selected(&v)>{label}</option> }
                }).collect_view()}
                {is_type.then(|| view! { <option value="=own" selected=move || selected("=own")>{txt::OWN_TYPE}</option> })}
            </select>
        </div>
    }
}
