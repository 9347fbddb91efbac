//! The status report to the committee: chosen date, optional previous report date and committee; printed
//! on A4 (see style/plan.css, `@page`).

use super::fields::{Field, SelectField};
use super::{date_input_value, today, with_plan, FormError, OverdueFlag, StatusTag};
use crate::app::use_app;
use crate::model::committee_report::{committee_report, CommitteeReport};
use crate::model::plan_ops::{distinct_committees, parse_date, PlanField};
use crate::text::{self, plan as tp};
use leptos::prelude::*;

#[component]
pub(crate) fn ReportView() -> impl IntoView {
    let app = use_app();
    let date = RwSignal::new(date_input_value(Some(today())));
    let previous = RwSignal::new(String::new());
    let committee = RwSignal::new(String::new());
    let error = RwSignal::new(None::<FormError>);
    let committees = Signal::derive(move || {
        let mut v = vec![(String::new(), "Alle udvalg".to_string())];
        v.extend(
            with_plan(app, distinct_committees)
                .unwrap_or_default()
                .into_iter()
                .map(|c| (c.clone(), c)),
        );
        v
    });
    let report = Memo::new(move |_| {
        let Some(d) = parse_date(&date.get()) else {
            return Err(FormError::at(PlanField::Dates, tp::INVALID_DATE));
        };
        let prev_text = previous.get();
        let prev = if prev_text.trim().is_empty() {
            None
        } else {
            match parse_date(&prev_text) {
                Some(p) if p < d => Some(p),
                Some(_) => {
                    return Err(FormError::at(
                        PlanField::Period,
                        "Forrige rapport skal ligge før rapportdatoen.",
                    ))
                }
                None => return Err(FormError::at(PlanField::Period, tp::INVALID_DATE)),
            }
        };
        let c = committee.get();
        Ok(with_plan(app, |p| {
            committee_report(p, d, prev, (!c.is_empty()).then_some(c.as_str()))
        }))
    });
    Effect::new(move |_| {
        error.set(report.with(|r| r.as_ref().err().cloned()));
    });
    view! {
        <div class="no-print">
            <h1>"Handleplan: rapport til udvalget"</h1>
            <p class="lead">"Vælg datoen for rapporten. Status, noter og målinger vises, som de var på den dato; noter dateret senere kommer ikke med."</p>
            <form class="plan-report-form" on:submit=|ev| ev.prevent_default() novalidate aria-label="Vælg rapportens indhold">
                <div class="plan-form-row">
                    <Field id="report-date" label="Rapportdato" kind="date" value=date field=PlanField::Dates error=error required=true/>
                    <Field id="report-previous" label="Forrige rapport (valgfri)" kind="date" value=previous field=PlanField::Period error=error
                        hint="Noter efter denne dato kommer med. Tom: alle noter."/>
                    <SelectField id="report-committee" label="Udvalg" value=committee options=committees/>
                </div>
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>"Udskriv eller gem som PDF"</button>
            </form>
        </div>
        <crate::ui::example_notice::ExampleNotice print=true/>
        {move || report.get().ok().flatten().map(|r| view! { <ReportDocument r=r/> })}
    }
}

#[component]
fn ReportDocument(r: CommitteeReport) -> impl IntoView {
    let app = use_app();
    let goal_labels = with_plan(app, |p| {
        r.initiatives
            .iter()
            .map(|i| i.goal_id.and_then(|g| p.goal(g)).map(tp::goal_label))
            .collect::<Vec<_>>()
    })
    .unwrap_or_default();
    let total: usize = r.summary.iter().map(|(_, n)| n).sum();
    view! {
        <article class="plan-report" aria-labelledby="report-title" data-testid="committee-report">
            <header class="plan-report-header">
                <p class="plan-report-kicker">{r.committee.clone().unwrap_or_else(|| "Alle udvalg".into())}</p>
                <h2 id="report-title">{format!("{}: {}", tp::REPORT_TITLE, text::date_long(r.report_date))}</h2>
                {(!r.plan_title.is_empty()).then(|| view! { <p class="plan-report-plan">{r.plan_title.clone()}</p> })}
                <p class="muted">{tp::report_window(r.report_date, r.previous_report_date)}"."</p>
            </header>
            <section aria-labelledby="report-summary">
                <h3 id="report-summary">{tp::REPORT_SUMMARY}</h3>
                <table class="table plan-report-summary" data-testid="report-summary">
                    <caption class="visually-hidden">"Antal initiativer pr. status"</caption>
                    <thead><tr><th scope="col">"Status"</th><th scope="col" class="num">"Antal"</th></tr></thead>
                    <tbody>
                        {r.summary.iter().map(|(s, n)| view! {
                            <tr><th scope="row"><StatusTag status=*s/></th><td class="num" data-status=format!("{s:?}")>{*n}</td></tr>
                        }).collect_view()}
                        <tr class="plan-report-total"><th scope="row">"I alt"</th><td class="num">{total}</td></tr>
                        <tr><th scope="row">{format!("Uden note i over {} dage", r.stale_after_days)}</th><td class="num">{r.stale_count}</td></tr>
                        <tr><th scope="row">{tp::OVERDUE_COUNT_ROW}</th><td class="num" data-testid="report-overdue">{r.overdue_count}</td></tr>
                    </tbody>
                </table>
            </section>
            <section aria-labelledby="report-initiatives">
                <h3 id="report-initiatives">"Initiativer"</h3>
                {r.initiatives.iter().zip(goal_labels).map(|(i, goal)| {
                    let changed = i.previous_status.filter(|p| *p != i.status);
                    view! {
                        <div class=format!("plan-report-item depth-{}", i.depth.min(3))>
                            <h4>{tp::initiative_label(&i.number, &i.title)}</h4>
                            <p class="plan-report-meta">
                                <StatusTag status=i.status/>
                                {changed.map(|p| view! { <span class="muted">{format!(" (før: {})", text::initiative_status(p))}</span> })}
                                {i.deadline_state.is_overdue().then(|| view! { " " <OverdueFlag/> })}
                                {i.stale.then(|| view! { " " <super::StaleFlag days=r.stale_after_days/> })}
                            </p>
                            <p class="plan-report-meta muted">
                                {[goal, (!i.owner.is_empty()).then(|| format!("Ejer: {}", i.owner)),
                                  (!i.committee.is_empty()).then(|| format!("Udvalg: {}", i.committee)),
                                  i.deadline.map(|d| format!("Frist: {}", tp::deadline_short(Some(d), &i.period)))]
                                    .into_iter().flatten().collect::<Vec<_>>().join(" · ")}
                            </p>
                            {if i.notes.is_empty() {
                                view! { <p class="muted">{tp::REPORT_NO_NOTES}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="plan-report-notes">
                                        {i.notes.iter().map(|n| view! {
                                            <li>
                                                <strong>{text::opt_date_long(n.date)}</strong>
                                                {(!n.author.is_empty()).then(|| format!(" ({})", n.author))}
                                                {n.status.map(|s| format!(" – {}", tp::status_set_to(s)))}
                                                {(!n.text.is_empty()).then(|| format!(": {}", n.text))}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </div>
                    }
                }).collect_view()}
            </section>
            {(!r.indicators.is_empty()).then(|| view! {
                <section aria-labelledby="report-indicators">
                    <h3 id="report-indicators">"Indikatorer"</h3>
                    <table class="table">
                        <caption class="visually-hidden">"Indikatorer med seneste måling før rapportdatoen"</caption>
                        <thead><tr>
                            <th scope="col">"Indikator"</th><th scope="col">"Baseline"</th><th scope="col">"Mål"</th>
                            <th scope="col">"Seneste måling"</th><th scope="col">"Fremdrift"</th>
                        </tr></thead>
                        <tbody>
                            {r.indicators.iter().map(|ind| view! {
                                <tr>
                                    <th scope="row">{ind.name.clone()}</th>
                                    <td>{ind.baseline.map(|v| tp::with_unit(v, &ind.unit)).unwrap_or_else(|| "–".into())}</td>
                                    <td>{ind.target.map(|v| tp::with_unit(v, &ind.unit)).unwrap_or_else(|| "–".into())}</td>
                                    <td>{ind.latest.as_ref().map(|v| format!("{}{}", tp::with_unit(v.value, &ind.unit),
                                        v.date.map(|d| format!(" ({})", text::date_short(d))).unwrap_or_default()))
                                        .unwrap_or_else(|| "Ingen måling".into())}</td>
                                    <td>{tp::progress(ind.progress)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </section>
            })}
        </article>
    }
}
