//! The status report to the committee: the chosen date, the period its notes cover, a committee and the
//! sender; printed on A4 with the municipality, the status date, the period, the sender and «Side 2 af 7»
//! on every page (style/plan.css, `@page committee-report`, and the margin boxes written here).

use super::fields::{Field, SelectField};
use super::{date_input_value, today, with_plan, OverdueFlag, StatusTag};
use crate::app::use_app;
use crate::model::committee_report::{
    committee_report, CommitteeReport, NotesPeriod, ReportInitiative,
};
use crate::model::plan_ops::{distinct_committees, parse_date, PlanField};
use crate::storage::settings;
use crate::text::{self, plan as tp};
use crate::ui::kit::errors::{FieldError, FormErrors};
use crate::ui::kit::limits;
use crate::ui::kit::progressive::Progressive;
use chrono::NaiveDate;
use leptos::prelude::*;

const SENDER_KEY: &str = "report_sender";

/// The period chosen in the form, or why it cannot be read.
fn notes_period(
    choice: &str,
    previous: &str,
    report_date: NaiveDate,
) -> Result<NotesPeriod, FieldError<PlanField>> {
    match choice {
        "alle" => Ok(NotesPeriod::All),
        "forrige" => match parse_date(previous) {
            Some(p) if p < report_date => Ok(NotesPeriod::SincePrevious(p)),
            Some(_) => Err(FieldError::at(
                PlanField::Period,
                tp::REPORT_PREVIOUS_BEFORE,
            )),
            None if previous.trim().is_empty() => Err(FieldError::at(
                PlanField::Period,
                tp::REPORT_PREVIOUS_REQUIRED,
            )),
            None => Err(FieldError::at(PlanField::Period, tp::INVALID_DATE)),
        },
        months => Ok(NotesPeriod::Months(months.parse().unwrap_or(3))),
    }
}

#[component]
pub(crate) fn ReportView() -> impl IntoView {
    let app = use_app();
    let date = RwSignal::new(date_input_value(Some(today())));
    let period = RwSignal::new(tp::REPORT_PERIODS[0].0.to_string());
    let previous = RwSignal::new(String::new());
    let committee = RwSignal::new(String::new());
    let sender = RwSignal::new(
        settings::get::<String>(SENDER_KEY)
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| super::author_signal().get_untracked()),
    );
    let error = FormErrors::<PlanField>::new();
    let committees = Signal::derive(move || {
        let mut v = vec![(String::new(), tp::REPORT_ALL_COMMITTEES.to_string())];
        v.extend(
            with_plan(app, distinct_committees)
                .unwrap_or_default()
                .into_iter()
                .map(|c| (c.clone(), c)),
        );
        v
    });
    let periods = Signal::derive(|| {
        tp::REPORT_PERIODS
            .iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect::<Vec<_>>()
    });
    let report = Memo::new(move |_| {
        let Some(d) = parse_date(&date.get()) else {
            return Err(FieldError::at(PlanField::Dates, tp::INVALID_DATE));
        };
        let prev = period.with(|c| previous.with(|p| notes_period(c, p, d)))?;
        let c = committee.get();
        Ok(with_plan(app, |p| {
            committee_report(
                p,
                d,
                prev.previous_date(d),
                (!c.is_empty()).then_some(c.as_str()),
            )
        }))
    });
    Effect::new(move |_| {
        error.set_all(report.with(|r| r.as_ref().err().cloned().into_iter().collect()));
    });
    let municipality = Memo::new(move |_| {
        app.read(crate::app::Part::Info, |w| {
            if w.municipality.trim().is_empty() {
                w.name.clone()
            } else {
                w.municipality.clone()
            }
        })
        .unwrap_or_default()
    });
    view! {
        <div class="no-print">
            <super::PlanHeading title=tp::PAGE_REPORT>
                <p class="lead">{tp::REPORT_LEAD}</p>
            </super::PlanHeading>
            <form class="plan-report-form" on:submit=|ev| ev.prevent_default() novalidate aria-label=tp::REPORT_FORM_LABEL>
                <div class="plan-form-row">
                    <Field id="report-date" label=tp::REPORT_DATE kind="date" value=date field=PlanField::Dates error=error required=true/>
                    <SelectField id="report-period" label=tp::REPORT_PERIOD value=period options=periods/>
                    <Show when=move || period.with(|p| p == "forrige")>
                        <Field id="report-previous" label=tp::REPORT_PREVIOUS kind="date" value=previous field=PlanField::Period error=error
                            hint=tp::REPORT_PREVIOUS_HINT required=true/>
                    </Show>
                </div>
                <div class="plan-form-row">
                    <SelectField id="report-committee" label=tp::REPORT_COMMITTEE value=committee options=committees/>
                    <div class="form-group">
                        <label class="form-label" for="report-sender">{tp::REPORT_SENDER}</label>
                        <span class="form-hint" id="report-sender-hint">{tp::REPORT_SENDER_HINT}</span>
                        <input id="report-sender" class="form-input" type="text" maxlength=limits::NAME aria-describedby="report-sender-hint"
                            prop:value=move || sender.get()
                            on:input=move |ev| sender.set(event_target_value(&ev))
                            on:change=move |ev| settings::set(SENDER_KEY, &event_target_value(&ev).trim().to_string())/>
                    </div>
                </div>
                <crate::ui::privacy_check::PrintButton label=tp::REPORT_PRINT name="report-print"/>
            </form>
        </div>
        {move || report.get().ok().flatten().map(|r| view! {
            <ReportDocument r=r municipality=municipality.get() sender=sender.get()/>
        })}
    }
}

/// A CSS string literal of `s`: quotes, backslashes and line breaks escaped, and `<` too, so the text
/// can never end the `<style>` element it stands in.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\A "),
            '<' => out.push_str("\\3C "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The running head and foot of every printed page: the report's own `@page` margin boxes (printed by
/// Chrome and Edge, the browsers of the municipal PCs), with the pages counted by the browser.
fn running_css(r: &CommitteeReport, municipality: &str, sender: &str) -> String {
    let run = tp::report_running(
        municipality,
        r.report_date,
        r.previous_report_date,
        r.committee.as_deref(),
        sender,
    );
    format!(
        "@page committee-report {{ @top-left {{ content: {}; }} @top-right {{ content: {}; }} \
         @bottom-left {{ content: {}; }} @bottom-right {{ content: {}; }} }}",
        css_string(&run.top_left),
        css_string(&run.top_right),
        css_string(&run.bottom_left),
        tp::PAGE_OF_CSS,
    )
}

#[component]
fn ReportDocument(r: CommitteeReport, municipality: String, sender: String) -> impl IntoView {
    let app = use_app();
    let goal_labels = with_plan(app, |p| {
        r.initiatives
            .iter()
            .map(|i| i.goal_id.and_then(|g| p.goal(g)).map(tp::goal_label))
            .collect::<Vec<_>>()
    })
    .unwrap_or_default();
    let total: usize = r.summary.iter().map(|(_, n)| n).sum();
    // A long report's initiatives are drawn in two steps; a print waits for the second (PrintButton).
    let drawn = Progressive::start(r.initiatives.len());
    let items: std::sync::Arc<[_]> = r.initiatives.iter().cloned().zip(goal_labels).collect();
    let stale_after_days = r.stale_after_days;
    let running = running_css(&r, &municipality, &sender);
    view! {
        <style>{running}</style>
        <article class="plan-report" aria-labelledby="report-title" data-testid="committee-report">
            <header class="plan-report-header">
                <p class="plan-report-kicker">
                    {(!municipality.trim().is_empty()).then(|| view! { <span>{municipality.clone()}</span>" · " })}
                    <span>{r.committee.clone().unwrap_or_else(|| tp::REPORT_ALL_COMMITTEES.into())}</span>
                </p>
                <h2 id="report-title">{format!("{}: {}", tp::REPORT_TITLE, text::date_long(r.report_date))}</h2>
                {(!r.plan_title.is_empty()).then(|| view! { <p class="plan-report-plan">{r.plan_title.clone()}</p> })}
                <p class="muted">
                    {tp::report_window(r.report_date, r.previous_report_date)}"."
                    {(!sender.trim().is_empty()).then(|| format!(" {}: {}.", tp::REPORT_SENDER, sender.trim()))}
                </p>
            </header>
            // Inside the report, so it is printed on its first page, under the running head.
            <crate::ui::example_notice::ExampleNotice print=true/>
            <section aria-labelledby="report-summary">
                <h3 id="report-summary">{tp::REPORT_SUMMARY}</h3>
                <table class="table plan-report-summary" data-testid="report-summary">
                    <caption class="visually-hidden">{tp::REPORT_STATUS_CAPTION}</caption>
                    <thead><tr><th scope="col">{tp::L_STATUS}</th><th scope="col" class="num">{crate::text::meetings::COL_COUNT}</th></tr></thead>
                    <tbody>
                        {r.summary.iter().map(|(s, n)| view! {
                            <tr><th scope="row"><StatusTag status=*s/></th><td class="num" data-status=format!("{s:?}")>{*n}</td></tr>
                        }).collect_view()}
                        <tr class="plan-report-total"><th scope="row">{crate::text::meetings::COL_TOTAL}</th><td class="num">{total}</td></tr>
                        <tr><th scope="row">{tp::stale_count_row(r.stale_after_days)}</th><td class="num">{r.stale_count}</td></tr>
                        <tr><th scope="row">{tp::OVERDUE_COUNT_ROW}</th><td class="num" data-testid="report-overdue">{r.overdue_count}</td></tr>
                    </tbody>
                </table>
            </section>
            <section aria-labelledby="report-initiatives">
                <h3 id="report-initiatives">{tp::REPORT_INITIATIVES}</h3>
                <div aria-busy=move || drawn.busy()>
                    {move || drawn.take_after(0, items.to_vec()).into_iter().map(|(i, goal)| view! {
                        <ReportItem i=i goal=goal stale_after_days=stale_after_days/>
                    }).collect_view()}
                </div>
            </section>
            {(!r.indicators.is_empty()).then(|| view! {
                <section aria-labelledby="report-indicators">
                    <h3 id="report-indicators">{tp::FACT_INDICATORS}</h3>
                    <table class="table">
                        <caption class="visually-hidden">{tp::REPORT_INDICATORS_CAPTION}</caption>
                        <thead><tr>
                            <th scope="col">{tp::INDICATOR_FORM}</th><th scope="col">{tp::L_BASELINE}</th><th scope="col">{crate::text::meetings::COL_TARGET}</th>
                            <th scope="col">{tp::COL_LATEST_MEASUREMENT}</th><th scope="col">{tp::L_PROGRESS}</th>
                        </tr></thead>
                        <tbody>
                            {r.indicators.iter().map(|ind| view! {
                                <tr>
                                    <th scope="row">{ind.name.clone()}</th>
                                    <td>{ind.baseline.map(|v| tp::with_unit(v, &ind.unit)).unwrap_or_else(|| "–".into())}</td>
                                    <td>{ind.target.map(|v| tp::with_unit(v, &ind.unit)).unwrap_or_else(|| "–".into())}</td>
                                    <td>{ind.latest.as_ref().map(|v| format!("{}{}", tp::with_unit(v.value, &ind.unit),
                                        v.date.map(|d| format!(" ({})", text::date_short(d))).unwrap_or_default()))
                                        .unwrap_or_else(|| tp::NO_MEASUREMENT.into())}</td>
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

/// One initiative in the report: its status, what changed, and its notes in the period.
#[component]
fn ReportItem(i: ReportInitiative, goal: Option<String>, stale_after_days: u32) -> impl IntoView {
    let changed = i.previous_status.filter(|p| *p != i.status);
    view! {
        <div class=format!("plan-report-item depth-{}", i.depth.min(3))>
            <h4>{tp::initiative_label(&i.number, &i.title)}</h4>
            <p class="plan-report-meta">
                <StatusTag status=i.status/>
                {changed.map(|p| view! { <span class="muted">{tp::status_before(p)}</span> })}
                {i.deadline_state.is_overdue().then(|| view! { " " <OverdueFlag/> })}
                {i.stale.then(|| view! { " " <super::StaleFlag days=stale_after_days/> })}
            </p>
            <p class="plan-report-meta muted">
                {[goal, (!i.owner.is_empty()).then(|| tp::owner_line(&i.owner)),
                  (!i.committee.is_empty()).then(|| tp::committee_line(&i.committee)),
                  i.deadline.map(|d| tp::deadline_line(&tp::deadline_short(Some(d), &i.period)))]
                    .into_iter().flatten().collect::<Vec<_>>().join(" · ")}
            </p>
            {if i.notes.is_empty() {
                view! { <p class="muted">{tp::REPORT_NO_NOTES}</p> }.into_any()
            } else {
                view! {
                    <ul class="plan-report-notes">
                        {i.notes.iter().map(|n| view! {
                            <li>
                                <strong>{text::opt_date_long(n.note.date)}</strong>
                                {(!n.note.author.is_empty()).then(|| format!(" ({})", n.note.author))}
                                {n.changed_to.map(|s| format!(" – {}", tp::status_set_to(s)))}
                                {(!n.note.text.is_empty()).then(|| format!(": {}", n.note.text))}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </div>
    }
}
