//! Protecting an exported file with a passphrase, sharing it, and opening a protected file on import.
//!
//! The export section keeps its own flow (and its checks); it holds an `ExportChoice`, shows
//! `ExportControls` in place of its button, and calls `ExportChoice::export` where it exported. The
//! passphrase lives only in the form's fields while the form is shown, and is emptied once the file is
//! made; it is never stored, logged or put in a message.

use crate::app::session;
use crate::app::AppState;
use crate::browser::crypto::{self, CryptoError};
use crate::browser::{files, perf, share};
use crate::file_format::sealed::{self, SealedFile};
use crate::file_format::Imported;
use crate::text::{self, sealed as t};
use crate::ui::data::read_workspace_bytes;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// The export's choices: protect or not (with the passphrase typed twice), and download or share.
#[derive(Clone, Copy)]
pub struct ExportChoice {
    protect: RwSignal<bool>,
    pass: RwSignal<String>,
    repeat: RwSignal<String>,
    pass_error: RwSignal<Option<String>>,
    repeat_error: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    /// The button pressed was «Del» (rather than «Eksportér til fil»).
    share: RwSignal<bool>,
    /// After «Del» where the browser cannot share: the suggested e-mail.
    email: RwSignal<Option<String>>,
    pass_ref: NodeRef<Input>,
    repeat_ref: NodeRef<Input>,
}

impl Default for ExportChoice {
    fn default() -> Self {
        Self::new()
    }
}

impl ExportChoice {
    pub fn new() -> Self {
        ExportChoice {
            protect: RwSignal::new(false),
            pass: RwSignal::new(String::new()),
            repeat: RwSignal::new(String::new()),
            pass_error: RwSignal::new(None),
            repeat_error: RwSignal::new(None),
            busy: RwSignal::new(false),
            share: RwSignal::new(false),
            email: RwSignal::new(None),
            pass_ref: NodeRef::new(),
            repeat_ref: NodeRef::new(),
        }
    }

    fn forget_passphrase(self) {
        self.pass.set(String::new());
        self.repeat.set(String::new());
    }

    /// Checks the passphrase fields when protection is chosen: the errors go to their fields and focus to
    /// the first one wrong.
    fn ready(self) -> bool {
        if !self.protect.get_untracked() {
            return true;
        }
        let (p, r) = (self.pass.get_untracked(), self.repeat.get_untracked());
        let pass_error = p.is_empty().then(|| t::PASS_MISSING.to_string());
        let repeat_error = if p.is_empty() {
            None
        } else if r.is_empty() {
            Some(t::REPEAT_MISSING.to_string())
        } else if p != r {
            Some(t::MISMATCH.to_string())
        } else {
            None
        };
        let ok = pass_error.is_none() && repeat_error.is_none();
        let focus = if pass_error.is_some() {
            self.pass_ref.get_untracked()
        } else if repeat_error.is_some() {
            self.repeat_ref.get_untracked()
        } else {
            None
        };
        self.pass_error.set(pass_error);
        self.repeat_error.set(repeat_error);
        if let Some(input) = focus {
            let _ = input.focus();
        }
        ok
    }

    /// Makes the file as chosen and downloads or shares it. Called once the export's own checks passed.
    /// Exports the open workspace as chosen, with the personal-data hits named by `leave_out` left out.
    pub fn export(self, app: AppState, leave_out: Vec<String>) {
        if self.busy.get_untracked() {
            return;
        }
        self.email.set(None);
        if !self.protect.get_untracked() {
            let Some((json, name, workspace)) = session::export_contents(&leave_out) else {
                app.error(text::ui::NO_WORKSPACE);
                return;
            };
            spawn_local(deliver(
                app,
                self,
                name,
                json.into_bytes(),
                workspace,
                false,
            ));
            return;
        }
        let pass = self.pass.get_untracked();
        self.busy.set(true);
        spawn_local(async move {
            // «Krypterer …» is on screen before the work (writing a large workspace takes a moment).
            let_the_page_paint().await;
            let Some((json, name, workspace)) = session::export_contents(&leave_out) else {
                let _ = self.busy.try_set(false);
                app.error(text::ui::NO_WORKSPACE);
                return;
            };
            perf::start("trappe-seal");
            let sealed = crypto::seal(json.as_bytes(), &pass).await;
            drop(pass);
            drop(json);
            let sealed = sealed.map(|s| s.to_json());
            perf::end("trappe-seal");
            let _ = self.busy.try_set(false);
            match sealed {
                Ok(file) => {
                    self.forget_passphrase();
                    deliver(
                        app,
                        self,
                        sealed::file_name(&name),
                        file.into_bytes(),
                        workspace,
                        true,
                    )
                    .await;
                }
                Err(CryptoError::Unavailable) => app.error(t::NO_CRYPTO),
                Err(_) => app.error(t::ENCRYPT_FAILED),
            }
        });
    }
}

/// Gives the browser a moment to draw a progress message before work that holds the page.
async fn let_the_page_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
                .ok()
        });
        if scheduled.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Hands the made file to the share sheet (after «Del», where the browser can), or downloads it, with a
/// suggested e-mail after «Del».
async fn deliver(
    app: AppState,
    choice: ExportChoice,
    name: String,
    bytes: Vec<u8>,
    workspace: String,
    protected: bool,
) {
    if choice.share.get_untracked() {
        if let Ok(file) = share::file(&name, "application/json", &bytes) {
            if share::can_share(&file) {
                match share::share(&file, &workspace).await {
                    share::Shared::Shared => {
                        app.info(format!("{} {name}", text::ui::EXPORTED_AS));
                        session::mark_exported(app);
                        return;
                    }
                    share::Shared::Cancelled => {
                        app.info(t::SHARE_CANCELLED);
                        return;
                    }
                    share::Shared::Unsupported | share::Shared::Failed => {}
                }
            }
        }
    }
    if files::download(&name, "application/json", &bytes).is_err() {
        app.error(text::ui::DOWNLOAD_FAILED);
        return;
    }
    app.info(format!("{} {name}", text::ui::EXPORTED_AS));
    session::mark_exported(app);
    if choice.share.get_untracked() {
        let _ = choice
            .email
            .try_set(Some(t::email_text(&workspace, &name, protected)));
    }
}

/// The export's choice to protect the file, its two passphrase fields, and the buttons «Eksportér til fil»
/// and «Del». `start` runs the export section's own checks and then `ExportChoice::export`.
#[component]
pub fn ExportControls(choice: ExportChoice, start: Callback<()>) -> impl IntoView {
    let c = choice;
    let weak = Memo::new(move |_| c.pass.with(|p| sealed::passphrase_weakness(p)));
    let described = |hint: &'static str, warn: Option<&'static str>, err: &'static str| {
        move |has_warn: bool, has_err: bool| {
            let mut ids = vec![hint];
            if has_warn {
                ids.extend(warn);
            }
            if has_err {
                ids.push(err);
            }
            ids.join(" ")
        }
    };
    let pass_described = described(
        "protect-pass-hint",
        Some("protect-pass-warning"),
        "protect-pass-error",
    );
    let repeat_described = described("protect-repeat-hint", None, "protect-repeat-error");
    let press = move |share: bool| {
        c.share.set(share);
        if c.ready() {
            start.run(());
        }
    };
    // The passphrase is not kept once the form is gone.
    on_cleanup(move || {
        let _ = c.pass.try_set(String::new());
        let _ = c.repeat.try_set(String::new());
    });
    let can_encrypt = crypto::available();
    view! {
        <div class="form" data-testid="export-controls">
            <div class="checkbox">
                <input type="checkbox" id="protect-file" aria-describedby="protect-file-hint"
                    disabled=!can_encrypt
                    prop:checked=move || c.protect.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        c.protect.set(on);
                        c.pass_error.set(None);
                        c.repeat_error.set(None);
                        if !on { c.forget_passphrase(); }
                    }/>
                <label for="protect-file">{t::PROTECT_CHECKBOX}</label>
            </div>
            <span class="form-hint" id="protect-file-hint">{if can_encrypt { t::PROTECT_HINT } else { t::NO_CRYPTO }}</span>
            <Show when=move || c.protect.get()>
                <div class="form-group" class:has-error=move || c.pass_error.get().is_some()>
                    <label for="protect-pass" class="form-label">{t::PASS_LABEL}</label>
                    <span class="form-hint" id="protect-pass-hint">{t::PASS_HINT}</span>
                    {move || weak.get().map(|w| view! { <span class="form-warning" id="protect-pass-warning" data-testid="weak-passphrase">{t::weakness(w)}</span> })}
                    {move || c.pass_error.get().map(|e| view! { <span class="form-error" id="protect-pass-error">{e}</span> })}
                    <input id="protect-pass" class="form-input" type="password" autocomplete="new-password"
                        spellcheck="false" node_ref=c.pass_ref
                        aria-describedby=move || pass_described(weak.get().is_some(), c.pass_error.get().is_some())
                        aria-invalid=move || c.pass_error.get().is_some().to_string()
                        prop:value=move || c.pass.get()
                        on:input=move |ev| { c.pass.set(event_target_value(&ev)); c.pass_error.set(None); }/>
                </div>
                <div class="form-group" class:has-error=move || c.repeat_error.get().is_some()>
                    <label for="protect-repeat" class="form-label">{t::REPEAT_LABEL}</label>
                    <span class="form-hint" id="protect-repeat-hint">{t::REPEAT_HINT}</span>
                    {move || c.repeat_error.get().map(|e| view! { <span class="form-error" id="protect-repeat-error">{e}</span> })}
                    <input id="protect-repeat" class="form-input" type="password" autocomplete="new-password"
                        spellcheck="false" node_ref=c.repeat_ref
                        aria-describedby=move || repeat_described(false, c.repeat_error.get().is_some())
                        aria-invalid=move || c.repeat_error.get().is_some().to_string()
                        prop:value=move || c.repeat.get()
                        on:input=move |ev| { c.repeat.set(event_target_value(&ev)); c.repeat_error.set(None); }/>
                </div>
            </Show>
            <div class="button-row">
                <button type="button" class="button" id="export-file" disabled=move || c.busy.get() on:click=move |_| press(false)>{crate::text::data::EXPORT_HEADING}</button>
                <button type="button" class="button secondary" disabled=move || c.busy.get()
                    aria-describedby="share-hint" on:click=move |_| press(true)>{t::SHARE_BUTTON}</button>
            </div>
            <span class="form-hint" id="share-hint">{t::SHARE_HINT}</span>
            <p role="status" aria-live="polite" data-testid="export-progress">{move || c.busy.get().then_some(t::ENCRYPTING)}</p>
            {move || c.email.get().map(|mail| view! { <EmailSuggestion text=mail/> })}
        </div>
    }
}

/// The suggested e-mail, read-only and copyable. It never holds the passphrase.
#[component]
fn EmailSuggestion(text: String) -> impl IntoView {
    let copied = RwSignal::new(false);
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copy = {
        let text = text.clone();
        move |_| {
            let text = text.clone();
            if let Some(a) = area.get_untracked() {
                a.select();
            }
            spawn_local(async move {
                let ok = share::copy_text(&text).await;
                let _ = copied.try_set(ok);
            });
        }
    };
    let rows = text.lines().count().max(4) + 1;
    view! {
        <div class="panel" data-testid="email-suggestion">
            <h3>{t::EMAIL_HEADING}</h3>
            <div class="form-group">
                <label for="share-email" class="form-label">{t::EMAIL_LABEL}</label>
                <span class="form-hint" id="share-email-hint">{t::EMAIL_HINT}</span>
                <textarea id="share-email" class="form-input" readonly rows=rows.to_string()
                    aria-describedby="share-email-hint" node_ref=area prop:value=text.clone()></textarea>
            </div>
            <div class="button-row">
                <button type="button" class="button secondary" on:click=copy>{t::EMAIL_COPY}</button>
                <span role="status">{move || copied.get().then_some(t::EMAIL_COPIED)}</span>
            </div>
        </div>
    }
}

/// Asks for the passphrase of a protected file and opens it; `on_open` gets the file read exactly as a
/// plain one. A wrong passphrase (or a changed file) is said at the field, and nothing changes.
#[component]
pub fn UnlockForm(
    file_name: String,
    sealed: Arc<SealedFile>,
    /// Prefix of the element ids, so two forms never share one.
    #[prop(default = "unlock")]
    id: &'static str,
    on_open: Callback<Imported>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let Some(i) = input.get() {
            let _ = i.focus();
        }
    });
    on_cleanup(move || {
        let _ = pass.try_set(String::new());
    });
    let field = format!("{id}-pass");
    let hint = format!("{id}-hint");
    let err = format!("{id}-error");
    let submit = {
        let file_name = file_name.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let p = pass.get_untracked();
            if p.is_empty() {
                error.set(Some(t::UNLOCK_EMPTY.into()));
                if let Some(i) = input.get_untracked() {
                    let _ = i.focus();
                }
                return;
            }
            error.set(None);
            busy.set(true);
            let sealed = sealed.clone();
            let file_name = file_name.clone();
            spawn_local(async move {
                perf::start("trappe-unseal");
                let plain = crypto::open(&sealed, &p).await;
                drop(p);
                perf::end("trappe-unseal");
                let result = match plain {
                    Ok(bytes) => {
                        perf::start("trappe-import-parse");
                        let r = read_workspace_bytes(&bytes).await.map_err(|e| {
                            text::data::not_read(&file_name, &text::file::import_error(&e))
                        });
                        perf::end("trappe-import-parse");
                        r
                    }
                    Err(CryptoError::WrongPassphraseOrChanged) => Err(t::WRONG_PASSPHRASE.into()),
                    Err(CryptoError::Unavailable) => Err(t::NO_CRYPTO.into()),
                    Err(CryptoError::Failed) => Err(t::WRONG_PASSPHRASE.into()),
                };
                let _ = busy.try_set(false);
                match result {
                    Ok(imported) => {
                        let _ = pass.try_set(String::new());
                        on_open.run(imported);
                    }
                    Err(e) => {
                        let _ = error.try_set(Some(e));
                        if let Some(i) = input.get_untracked() {
                            i.select();
                            let _ = i.focus();
                        }
                    }
                }
            });
        }
    };
    let described = {
        let (hint, err) = (hint.clone(), err.clone());
        move || {
            if error.with(|e| e.is_some()) {
                format!("{hint} {err}")
            } else {
                hint.clone()
            }
        }
    };
    view! {
        <form class="panel form" data-testid="unlock-form" on:submit=submit novalidate>
            <h3>{t::UNLOCK_HEADING}</h3>
            <p>{t::unlock_text(&file_name)}</p>
            <div class="form-group" class:has-error=move || error.get().is_some()>
                <label for=field.clone() class="form-label">{t::UNLOCK_LABEL}</label>
                <span class="form-hint" id=hint.clone()>{t::UNLOCK_HINT}</span>
                {move || error.get().map(|e| view! { <span class="form-error" id=err.clone()>{e}</span> })}
                <input id=field.clone() class="form-input" type="password" autocomplete="off" spellcheck="false"
                    node_ref=input
                    aria-describedby=described
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || pass.get()
                    on:input=move |ev| pass.set(event_target_value(&ev))/>
            </div>
            <div class="button-row">
                <button type="submit" class="button" disabled=move || busy.get()>{t::UNLOCK_BUTTON}</button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>{t::UNLOCK_CANCEL}</button>
            </div>
            <p role="status" aria-live="polite" data-testid="unlock-progress">{move || busy.get().then_some(t::DECRYPTING)}</p>
        </form>
    }
}
