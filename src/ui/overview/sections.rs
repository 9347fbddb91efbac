//! Overblik's sections: each figure with what it is computed from, a link to where its data is edited, its
//! table and a CSV download. Sections only render; the figures come from `model::key_figures`.

use super::figures::{download_csv, OverviewData};
use super::spend_chart::SpendChart;
use crate::app::use_app;
use crate::browser::address::at;
use crate::model::key_figures::plan::Track;
use crate::model::key_figures::series::Point;
use crate::model::{InitiativeStatus, StepCategory};
use crate::output::overview_csv;
use crate::text::{self, overview as to, staircase as ts};
use leptos::prelude::*;

/// A section's source line and its edit link.
#[component]
fn Source(#[prop(into)] text: String, href: &'static str, link: &'static str) -> impl IntoView {
    view! {
        <p class="figure-source">{text}" "<a href=at(href)>{link}</a></p>
    }
}

#[component]
fn CsvButton(
    label: &'static str,
    what: &'static str,
    make: fn(&crate::model::Workspace, &crate::model::key_figures::KeyFigures) -> Vec<u8>,
) -> impl IntoView {
    let app = use_app();
    let check = crate::ui::privacy_check::PrivacyCheck::new(what);
    view! {
        <button type="button" class="button secondary small" id=format!("privacy-{what}-csv") on:click=move |_| download_csv(app, check, what, make)>{label}</button>
        <crate::ui::privacy_check::PrivacyWarning check=check/>
    }
}

#[component]
pub fn Summary(data: Memo<Option<OverviewData>>) -> impl IntoView {
    let sentences = move || {
        data.with(|d| {
            d.as_ref()
                .map(|d| to::summary(&d.k, d.band))
                .unwrap_or_default()
        })
    };
    view! {
        <section class="overview-summary" aria-labelledby="ov-summary">
            <h2 id="ov-summary">{to::TITLE_SUMMARY}</h2>
            {move || {
                let s = sentences();
                if s.is_empty() {
                    view! { <p>{to::NO_SUMMARY}</p> }.into_any()
                } else {
                    view! { <ul class="summary-list" data-testid="summary">{s.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
    }
}

#[component]
pub fn Notices(data: Memo<Option<OverviewData>>) -> impl IntoView {
    let items = move || {
        data.with(|d| {
            d.as_ref()
                .map(|d| d.k.notices.iter().map(to::notice).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || !items().is_empty()>
            <section class="notice-box" aria-labelledby="ov-missing">
                <h2 id="ov-missing">{to::TITLE_MISSING}</h2>
                <ul data-testid="notices">
                    {move || items().into_iter().map(|(t, href, link)| view! {
                        <li>{t}" "<a href=at(href)>{link}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// The time line: chart, one row per measurement, and children and spend per step.
#[component]
pub fn StaircaseSection(data: Memo<Option<OverviewData>>) -> impl IntoView {
    let points = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| d.k.series.points.clone())
                .unwrap_or_default()
        })
    });
    let error = RwSignal::new(None::<String>);
    let app = use_app();
    let file = move |ext: &str| {
        let name = data
            .with_untracked(|d| d.as_ref().map(|d| d.workspace.clone()))
            .unwrap_or_default();
        to::file_name(&name, "udgift-over-aarene", crate::browser::today(), ext)
    };
    let svg = move |_| {
        let name = file("svg");
        match crate::ui::staircase::export::download_svg("overblik-diagram", &name) {
            Ok(()) => app.announce(&to::chart_downloaded(&name)),
            Err(e) => error.set(Some(e)),
        }
    };
    let png = move |_| {
        let name = file("png");
        match crate::ui::staircase::export::download_png("overblik-diagram", &name) {
            Ok(()) => app.announce(&to::chart_downloaded(&name)),
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <section aria-labelledby="ov-stair">
            <h2 id="ov-stair">{to::TITLE_STAIRCASE}</h2>
            <Source text=to::FROM_STAIRCASE href="/trappe/maalinger" link=to::LINK_MEASUREMENTS/>
            <Show when=move || !points.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">{to::NO_DATED_MEASUREMENTS_TO_SHOW}</p> }>
                <figure class="chart-box overview-chart">
                    {move || view! { <SpendChart points=points.get() svg_id="overblik-diagram"/> }}
                    <figcaption class="form-hint">{to::CHART_CAPTION}</figcaption>
                </figure>
                <div class="button-row no-print">
                    <button type="button" class="button secondary small" on:click=svg>{to::DOWNLOAD_CHART_SVG}</button>
                    <button type="button" class="button secondary small" on:click=png>{to::DOWNLOAD_CHART_PNG}</button>
                    {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                </div>
                <SeriesTable data=data/>
                <StepsTable data=data/>
            </Show>
        </section>
    }
}

#[component]
fn SeriesTable(data: Memo<Option<OverviewData>>) -> impl IntoView {
    let rows = move || {
        data.with(|d| {
            let Some(d) = d else { return Vec::new() };
            d.k.series
                .points
                .iter()
                .map(|p| {
                    (
                        p.clone(),
                        d.k.series.since_baseline(p),
                        d.k.series.baseline().map(|b| b.measurement_id) == Some(p.measurement_id),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ov-series-caption">
            <table class="table overview-table" data-testid="series-table">
                <caption id="ov-series-caption">{to::SERIES_CAPTION}</caption>
                <thead>
                    <tr>
                        <th scope="col">{to::COL_MEASUREMENT}</th>
                        <th scope="col">{crate::text::meetings::COL_DATE}</th>
                        <th scope="col" class="num">{crate::text::colleague::CHILDREN_GROUP}</th>
                        <th scope="col" class="num">{to::COL_PLACED_SHARE}</th>
                        <th scope="col" class="num">{to::COL_PLACEMENT_SPEND}</th>
                        <th scope="col" class="num">{to::COL_PREVENTIVE_SPEND}</th>
                        <th scope="col" class="num">{to::COL_YEARLY_SPEND}</th>
                        <th scope="col" class="num">{to::COL_SINCE_BASELINE}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows().into_iter().map(|(p, delta, is_base)| view! {
                        <tr data-measurement=p.name.clone() data-kind=format!("{:?}", p.kind).to_lowercase()>
                            <th scope="row">{p.name.clone()}<span class="muted">{format!(" ({})", text::measurement_kind(p.kind).to_lowercase())}</span></th>
                            <td>{text::date_short(p.date)}</td>
                            <td class="num" data-col="children">{text::group_thousands(p.totals.children)}</td>
                            <td class="num" data-col="placed-share">{crate::text::percent(p.split.placement_children_share())}</td>
                            <td class="num" data-col="placement-spend">{text::kroner(p.split.placement_spend)}</td>
                            <td class="num" data-col="preventive-spend">{text::kroner(p.split.preventive_spend)}</td>
                            <td class="num" data-col="spend">{text::kroner(p.totals.yearly_spend)}</td>
                            <td class="num" data-col="delta">{if is_base { to::BASELINE_MARK.to_string() } else {
                                delta.map(|d| to::change_since_baseline(&ts::signed_children(d.children), &ts::signed_kroner(d.spend))).unwrap_or_else(|| "–".into())
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <CsvButton label=to::CSV_TABLE what="overblik-maalinger" make=|_, k| overview_csv::series_csv(k)/>
    }
}

fn step_cell(p: &Point, i: usize, spend: bool) -> String {
    let f = &p.steps[i];
    if spend {
        format!(
            "{} ({})",
            text::kroner_short(f.yearly_spend),
            crate::text::percent(p.spend_share(i))
        )
    } else {
        format!(
            "{} ({})",
            text::group_thousands(f.children),
            crate::text::percent(p.children_share(i))
        )
    }
}

#[component]
fn StepsTable(data: Memo<Option<OverviewData>>) -> impl IntoView {
    let spend = RwSignal::new(false);
    let table = move || {
        data.with(|d| {
            let d = d.as_ref()?;
            let spend = spend.get();
            let heads: Vec<String> = d.k.series.points.iter().map(|p| p.name.clone()).collect();
            let rows: Vec<(String, StepCategory, Vec<String>)> = d
                .steps
                .iter()
                .enumerate()
                .map(|(i, (name, cat))| {
                    (
                        name.clone(),
                        *cat,
                        d.k.series
                            .points
                            .iter()
                            .map(|p| step_cell(p, i, spend))
                            .collect(),
                    )
                })
                .collect();
            Some((heads, rows))
        })
    };
    view! {
        <fieldset class="form-group inline-choice no-print">
            <legend class="form-label">{to::SHOW_PER_STEP}</legend>
            <label><input type="radio" name="ov-steps" checked=move || !spend.get() on:change=move |_| spend.set(false)/>{to::STEPS_BY_CHILDREN}</label>
            <label><input type="radio" name="ov-steps" checked=move || spend.get() on:change=move |_| spend.set(true)/>{to::STEPS_BY_SPEND}</label>
        </fieldset>
        {move || table().map(|(heads, rows)| view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ov-steps-caption">
                <table class="table overview-table" data-testid="steps-table">
                    <caption id="ov-steps-caption">{if spend.get() { to::STEPS_CAPTION_SPEND } else { to::STEPS_CAPTION_CHILDREN }}</caption>
                    <thead><tr><th scope="col">{crate::text::colleague::STEP}</th>{heads.into_iter().map(|h| view! { <th scope="col" class="num">{h}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(name, cat, cells)| view! {
                            <tr><th scope="row">{name}<span class="muted">{format!(" ({})", text::step_category(cat).to_lowercase())}</span></th>
                            {cells.into_iter().map(|c| view! { <td class="num">{c}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
        <CsvButton label=to::CSV_STEPS what="overblik-trin" make=|w, k| overview_csv::steps_csv(&w.staircase, k)/>
    }
}

#[component]
pub fn MovesSection(data: Memo<Option<OverviewData>>) -> impl IntoView {
    let app = crate::app::use_app();
    let view_data = move || {
        data.with(|d| {
            let d = d.as_ref()?;
            let m = d.k.moves.clone()?;
            let name = d.k.moves_from.as_ref()?.1.clone();
            Some((m, name, d.steps.clone()))
        })
    };
    // Every measurement on the time line, newest first, and the one shown: the list is drawn again only
    // when the measurements change, so choosing keeps the focus in the field.
    let options = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.k.series
                        .points
                        .iter()
                        .rev()
                        .map(|p| (p.measurement_id, to::measurement_option(&p.name, p.date)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let shown = Memo::new(move |_| {
        data.with(|d| {
            d.as_ref()
                .and_then(|d| d.k.moves_from.as_ref())
                .map(|(id, _)| id.to_string())
                .unwrap_or_default()
        })
    });
    let choose = move |ev: leptos::ev::Event| {
        let (Ok(m), Some(ws)) = (event_target_value(&ev).parse(), app.open_id.get_untracked())
        else {
            return;
        };
        super::figures::choose_moves(ws, m);
    };
    view! {
        <section aria-labelledby="ov-moves">
            <h2 id="ov-moves">{to::TITLE_MOVES}</h2>
            <Show when=move || options.with(|o| o.len() > 1)>
                <div class="form-group">
                    <label class="form-label" for="ov-moves-from">{to::MOVES_FROM_LABEL}</label>
                    <span class="form-hint" id="ov-moves-from-hint">{to::MOVES_FROM_HINT}</span>
                    <select id="ov-moves-from" class="form-select" aria-describedby="ov-moves-from-hint"
                        prop:value=move || shown.get() on:change=choose>
                        {move || options.get().into_iter().map(|(id, label)| view! {
                            <option value=id.to_string() selected=move || shown.get() == id.to_string()>{label}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <Source text=to::FROM_MOVES href="/trappe/maalinger" link=to::LINK_MOVES/>
            {move || match view_data() {
                Some((m, name, steps)) if m.recorded > 0 => view! {
                    <ul class="stat-grid" aria-label=to::moves_until(&name)>
                        <li class="stat"><span class="stat-value" data-testid="moves-down">{text::group_thousands(m.down)}</span><span class="stat-label">{to::MOVED_DOWN}</span></li>
                        <li class="stat"><span class="stat-value" data-testid="moves-up">{text::group_thousands(m.up)}</span><span class="stat-label">{to::MOVED_UP}</span></li>
                    </ul>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ov-moves-caption">
                        <table class="table overview-table" data-testid="moves-table">
                            <caption id="ov-moves-caption">{to::moves_caption(&name)}</caption>
                            <thead><tr><th scope="col">{crate::text::colleague::STEP}</th><th scope="col" class="num">{to::COL_MOVED_IN}</th><th scope="col" class="num">{to::COL_MOVED_OUT}</th><th scope="col" class="num">{to::COL_NET}</th></tr></thead>
                            <tbody>
                                {m.flows.iter().zip(steps).map(|(f, (step, _))| view! {
                                    <tr><th scope="row">{step}</th><td class="num">{f.moved_in}</td><td class="num">{f.moved_out}</td><td class="num">{ts::signed_children(f.net())}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <CsvButton label=to::CSV_MOVES what="overblik-flytninger" make=|w, k| overview_csv::moves_csv(&w.staircase, k)/>
                }.into_any(),
                Some((_, name, _)) => view! { <p class="muted">{to::no_moves_in(&name)}</p> }.into_any(),
                None => view! { <p class="muted">{to::NO_MEASUREMENT_FOR_MOVES}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
pub fn CaseloadSection(data: Memo<Option<OverviewData>>) -> impl IntoView {
    let rows = move || data.with(|d| d.as_ref().map(|d| d.k.caseload.clone()).unwrap_or_default());
    let band = move || data.with(|d| d.as_ref().and_then(|d| d.band));
    view! {
        <section aria-labelledby="ov-caseload">
            <h2 id="ov-caseload">{to::TITLE_CASELOAD}</h2>
            <Source text=to::FROM_CASELOAD href="/trappe/maalinger" link=to::LINK_CASEWORKERS/>
            <p data-testid="band-now">{move || match band() {
                Some(b) => to::band_now(b),
                None => to::NO_BAND.into(),
            }}</p>
            <Show when=move || !rows().is_empty() fallback=|| view! { <p class="muted">{to::NO_DATED_MEASUREMENTS}</p> }>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ov-caseload-caption">
                    <table class="table overview-table" data-testid="caseload-table">
                        <caption id="ov-caseload-caption">{to::CASELOAD_CAPTION}</caption>
                        <thead><tr><th scope="col">{to::COL_MEASUREMENT}</th><th scope="col" class="num">{to::COL_CASEWORKERS}</th><th scope="col" class="num">{to::COL_CASEWORK_CHILDREN}</th><th scope="col" class="num">{to::TITLE_CASELOAD}</th><th scope="col">{to::COL_STANDING}</th></tr></thead>
                        <tbody>
                            {move || rows().into_iter().map(|c| view! {
                                <tr data-measurement=c.name.clone()>
                                    <th scope="row">{c.name.clone()}</th>
                                    <td class="num">{c.caseworkers.map(|n| n.to_string()).unwrap_or_else(|| to::NOT_GIVEN.into())}</td>
                                    <td class="num">{text::group_thousands(c.casework_children)}</td>
                                    <td class="num" data-col="load">{c.load.map(|l| text::decimal(l, 1)).unwrap_or_else(|| to::CANNOT_BE_WORKED_OUT.into())}</td>
                                    <td>{c.standing.map(to::standing).unwrap_or("–")}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <CsvButton label=to::CSV_TABLE what="overblik-sagsbehandlere" make=|_, k| overview_csv::caseload_csv(k)/>
            </Show>
            <super::band_form::BandForm/>
        </section>
    }
}

#[component]
pub fn MeetingsSection(data: Memo<Option<OverviewData>>) -> impl IntoView {
    let m = move || data.with(|d| d.as_ref().map(|d| d.k.meetings.clone()));
    view! {
        <section aria-labelledby="ov-meetings">
            <h2 id="ov-meetings">{to::TITLE_MEETINGS}</h2>
            <Source text=to::from_meetings() href="/netvaerksmoeder" link=to::LINK_MEETINGS/>
            {move || m().map(|m| {
                if m.meetings == 0 {
                    return view! { <p class="muted">{to::NO_MEETINGS}</p> }.into_any();
                }
                let span = to::month_span(m.window.from, m.window.to);
                view! {
                    <ul class="stat-grid" aria-label=to::meetings_in(&span)>
                        <li class="stat"><span class="stat-value" data-testid="meetings-per-month">{text::decimal(m.average_per_month(), 1)}</span><span class="stat-label">{to::meetings_per_month_label(&span)}</span></li>
                        {m.targets.iter().map(|t| view! {
                            <li class="stat"><span class="stat-value" data-testid="target-per-month">{text::decimal(t.average(), 1)}</span>
                                <span class="stat-label">{to::meeting_target_label(&text::meeting_type(&t.meeting_type), t.min, t.max, t.within, t.months.len())}</span></li>
                        }).collect_view()}
                        <li class="stat"><span class="stat-value" data-testid="overdue-follow-ups">{m.overdue_follow_ups}</span><span class="stat-label">{to::LATE_FOLLOW_UPS}</span></li>
                        <li class="stat"><span class="stat-value" data-testid="open-actions">{m.open_action_items}</span><span class="stat-label">{to::open_actions_label(m.overdue_action_items)}</span></li>
                    </ul>
                    <p><a href=at("/netvaerksmoeder/opfoelgning")>{to::LINK_FOLLOW_UP}</a>" · "<a href=at("/netvaerksmoeder/statistik")>{to::LINK_STATS}</a></p>
                    <details class="table-details">
                        <summary>{to::MONTHS_SUMMARY}</summary>
                        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ov-months-caption">
                            <table class="table overview-table" data-testid="months-table">
                                <caption id="ov-months-caption">{to::months_caption(&span)}</caption>
                                <thead><tr><th scope="col">{crate::text::meetings::COL_MONTH}</th><th scope="col" class="num">{crate::text::meetings::COL_TOTAL}</th>
                                    {m.targets.iter().map(|t| view! { <th scope="col" class="num">{text::meeting_type(&t.meeting_type)}</th> }).collect_view()}</tr></thead>
                                <tbody>
                                    {m.held_per_month.iter().enumerate().map(|(i, (ym, n))| view! {
                                        <tr><th scope="row">{text::meetings::year_month(*ym)}</th><td class="num">{*n}</td>
                                        {m.targets.iter().map(|t| view! { <td class="num">{t.months[i].1}</td> }).collect_view()}</tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <CsvButton label=to::CSV_TABLE what="overblik-moeder" make=|_, k| overview_csv::meetings_csv(k)/>
                    </details>
                }.into_any()
            })}
        </section>
    }
}

#[component]
pub fn PlanSection(data: Memo<Option<OverviewData>>) -> impl IntoView {
    let p = move || data.with(|d| d.as_ref().map(|d| d.k.plan.clone()));
    view! {
        <section aria-labelledby="ov-plan">
            <h2 id="ov-plan">{to::TITLE_PLAN}</h2>
            <Source text=to::FROM_PLAN href="/handleplan" link=to::LINK_PLAN/>
            {move || p().map(|p| {
                if p.initiatives == 0 {
                    return view! { <p class="muted">{to::NO_INITIATIVES}</p> }.into_any();
                }
                view! {
                    <ul class="stat-grid" aria-label=to::INITIATIVES_BY_STATUS>
                        {InitiativeStatus::ALL.iter().map(|s| view! {
                            <li class="stat"><span class="stat-value" data-status=format!("{s:?}")>{p.count(*s)}</span><span class="stat-label">{text::initiative_status(*s)}</span></li>
                        }).collect_view()}
                        <li class="stat"><span class="stat-value" data-testid="stale">{p.stale}</span><span class="stat-label">{to::stale_label(p.stale_after_days)}</span></li>
                        <li class="stat"><span class="stat-value" data-testid="overdue">{p.overdue}</span><span class="stat-label">{to::OVERDUE_LABEL}</span></li>
                    </ul>
                    {(!p.indicators.is_empty()).then(|| view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ov-ind-caption">
                            <table class="table overview-table" data-testid="indicators-table">
                                <caption id="ov-ind-caption">{to::indicators_caption(
                                    p.tracks(Track::Reached) + p.tracks(Track::OnTrack), p.tracks(Track::OffTrack), p.tracks(Track::Unknown))}</caption>
                                <thead><tr><th scope="col">{crate::text::plan::INDICATOR_FORM}</th><th scope="col" class="num">{to::COL_BASELINE}</th><th scope="col" class="num">{crate::text::meetings::COL_TARGET}</th><th scope="col" class="num">{to::COL_LATEST}</th><th scope="col" class="num">{to::COL_PROGRESS}</th><th scope="col">{crate::text::meetings::COL_BAND}</th></tr></thead>
                                <tbody>
                                    {p.indicators.iter().map(|i| {
                                        let num = |v: Option<f64>| v.map(|v| text::plan::with_unit(v, &i.unit)).unwrap_or_else(|| "–".into());
                                        view! {
                                            <tr><th scope="row">{i.name.clone()}</th><td class="num">{num(i.baseline)}</td><td class="num">{num(i.target)}</td>
                                            <td class="num">{num(i.latest)}{i.latest_date.map(|d| format!(" ({})", text::date_short(d)))}</td>
                                            <td class="num">{crate::text::percent(i.progress)}</td><td>{to::track(i.track)}</td></tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <CsvButton label=to::CSV_INDICATORS what="overblik-indikatorer" make=|_, k| overview_csv::indicators_csv(k)/>
                    })}
                }.into_any()
            })}
        </section>
    }
}
