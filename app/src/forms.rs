//! How every form of Sportello behaves, with and without JavaScript.
//!
//! A form is a plain HTML `<form method="post">` whose `action` is the page's own address, so it works
//! with JavaScript off: the server checks the fields and either redirects (post/redirect/get) or
//! renders the same page again, status 422, with each error next to its field and every value as it
//! was typed ([`Submitted`]). The forms a citizen types into are islands (`#[island]`): when the WASM
//! bundle has loaded, the same form sends the same fields to a server function instead and shows
//! the errors without a reload; both paths call one `submit` function on the server, so they cannot
//! disagree. Forms that are a single button stay plain posts: there is nothing to correct in place.

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What is wrong with a submitted form, field by field, as Italian sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the first problem of a field; later ones for the same field are dropped, so the
    /// person reads one clear sentence per field.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.entry(field.to_owned()).or_insert_with(|| message.into());
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Takes the result of parsing one field into a domain type, keeping its error.
    pub fn check<T, E: std::fmt::Display>(&mut self, field: &str, parsed: Result<T, E>) -> Option<T> {
        match parsed {
            Ok(value) => Some(value),
            Err(error) => {
                self.add(field, error.to_string());
                None
            }
        }
    }
}

/// The answer to a submitted form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormOutcome {
    /// Accepted: go on to this address.
    Done { next: String },
    /// Not accepted: nothing was changed; these are the reasons.
    Invalid(FieldErrors),
}

/// A form sent back to a browser without JavaScript: the values as typed, and what went wrong.
///
/// The server provides it as context when it renders a page in answer to a post; the page reads it
/// through [`use_submitted`] and hands it to its form's island as a prop, which carries it to the
/// browser so hydration sees the same form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Submitted {
    /// Which form was sent (its action address): a page may hold more than one form.
    pub form: String,
    pub values: BTreeMap<String, String>,
    pub errors: FieldErrors,
    /// A failure that is not about one field (e.g. a technical problem, with its request id).
    pub problem: Option<String>,
}

/// The state the form posting to `form` was rendered with: empty on a normal visit or when another
/// form of the page was sent, filled after this form's no-JS post.
///
/// Server-side only: call it outside an island and pass the result in.
pub fn use_submitted(form: &'static str) -> Submitted {
    use_context::<Submitted>()
        .filter(|s| s.form == form)
        .unwrap_or_default()
}

/// For a page whose small forms are buttons (take, cancel, disable…): the sentence to show at the
/// top when one of the forms posting to `forms` came back refused, its first error or its problem.
pub fn refusal_of(forms: &[&'static str]) -> Option<String> {
    forms.iter().find_map(|form| {
        let submitted = use_submitted(form);
        let first_error = submitted.errors.iter().next().map(|(_, message)| message.to_owned());
        first_error.or(submitted.problem)
    })
}

/// The live state of one form on the page, shared by its fields through context.
#[derive(Clone, Copy)]
pub struct FormState {
    values: StoredValue<BTreeMap<String, String>>,
    pub errors: RwSignal<FieldErrors>,
    pub problem: RwSignal<Option<String>>,
    pub pending: RwSignal<bool>,
}

impl FormState {
    pub fn new(submitted: Submitted) -> Self {
        Self {
            values: StoredValue::new(submitted.values),
            errors: RwSignal::new(submitted.errors),
            problem: RwSignal::new(submitted.problem),
            pending: RwSignal::new(false),
        }
    }

    /// The same for a form that edits what exists: `current` fills the fields until the person has
    /// sent the form, then what they typed does.
    pub fn editing(submitted: Submitted, current: BTreeMap<String, String>) -> Self {
        let sent = !submitted.form.is_empty();
        let mut state = Self::new(submitted);
        if !sent {
            state.values = StoredValue::new(current);
        }
        state
    }

    /// The value a field starts with: what was typed before a no-JS round trip, or empty.
    pub fn initial(&self, field: &str) -> String {
        self.values
            .with_value(|values| values.get(field).cloned().unwrap_or_default())
    }

    pub fn error(&self, field: &'static str) -> Signal<Option<String>> {
        let errors = self.errors;
        Signal::derive(move || errors.with(|e| e.get(field).map(str::to_owned)))
    }

    /// Shows the server's answer to a hydrated submission.
    pub fn show(&self, answer: Result<FormOutcome, AppError>) {
        self.pending.set(false);
        match answer {
            Ok(FormOutcome::Done { next }) => {
                self.errors.set(FieldErrors::new());
                self.problem.set(None);
                // The next page is a new page, loaded as such (an island has no router): its title
                // is announced and the back button works as after any form. The button stays
                // disabled until it arrives.
                self.pending.set(true);
                #[cfg(feature = "hydrate")]
                let _ = window().location().assign(&next);
                #[cfg(not(feature = "hydrate"))]
                let _ = next;
            }
            Ok(FormOutcome::Invalid(errors)) => {
                self.problem.set(None);
                self.errors.set(errors);
            }
            Err(error) => self.problem.set(Some(error.to_string())),
        }
    }
}

/// Parses a submitted form into the server function's arguments, in the browser: the same names
/// the server reads from a no-JS post.
#[cfg(feature = "hydrate")]
pub fn read_form<T: serde::de::DeserializeOwned>(event: &web_sys::SubmitEvent) -> Option<T> {
    use leptos::form::FromFormData;
    use wasm_bindgen::JsCast;

    let form = event.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
    let data = web_sys::FormData::new_with_form(&form).ok()?;
    T::from_form_data(&data).ok()
}

/// The hydrated path of a form: a submit handler that reads the form's fields into `I`, calls the
/// server function `S` built from them by `call`, and shows its answer on `form` (errors next to
/// the fields, or the next page). Without JavaScript the handler never runs and the browser posts
/// the form itself; both paths end in the same `submit` function on the server.
pub fn hydrated_submit<S, I>(form: FormState, call: fn(I) -> S) -> impl Fn(leptos::ev::SubmitEvent) + Copy + 'static
where
    S: leptos::server_fn::ServerFn<Output = FormOutcome, Error = AppError> + Send + Sync + Clone + 'static,
    I: serde::de::DeserializeOwned + 'static,
{
    let action = ServerAction::<S>::new();
    Effect::new(move |_| {
        if let Some(answer) = action.value().get() {
            form.show(answer);
        }
    });
    move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        if let Some(fields) = read_form::<I>(&event) {
            event.prevent_default();
            form.pending.set(true);
            action.dispatch(call(fields));
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, call, action);
    }
}

/// The text inside a `<textarea>` as the server must write it.
///
/// Leptos writes a textarea's children without escaping them (it treats the element as raw text), so
/// a value containing `</textarea>` would end the element and inject markup. On the server we escape
/// it ourselves: inside a textarea the browser decodes the entities, so the person sees exactly what
/// they typed. In the browser the text becomes a DOM text node, which is never parsed as HTML.
fn textarea_text(value: &str) -> String {
    if cfg!(feature = "ssr") {
        value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
    } else {
        value.to_owned()
    }
}

fn field_id(name: &str) -> String {
    format!("campo-{name}")
}

fn described_by(name: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{}-aiuto", field_id(name)));
    }
    if error {
        ids.push(format!("{}-errore", field_id(name)));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The list of errors at the top of a form, each linking to its field (the pattern that screen
/// reader users expect: the page says at once that something must be corrected, and where).
#[component]
pub fn ErrorSummary(form: FormState, labels: &'static [(&'static str, &'static str)]) -> impl IntoView {
    let summary = NodeRef::<leptos::html::Div>::new();
    // After a hydrated submission the summary appears without a page load: move the focus to it so
    // keyboard and screen reader users learn about it, as they would after a reload.
    Effect::new(move |_| {
        if !form.errors.with(FieldErrors::is_empty) || form.problem.with(Option::is_some) {
            if let Some(element) = summary.get() {
                let _ = element.focus();
            }
        }
    });
    view! {
        <Show when=move || form.problem.with(Option::is_some)>
            <div class="alert alert-danger" role="alert">
                <p>{move || form.problem.get()}</p>
            </div>
        </Show>
        <Show when=move || !form.errors.with(FieldErrors::is_empty)>
            <div class="alert alert-danger riepilogo-errori" tabindex="-1" node_ref=summary aria-labelledby="riepilogo-errori-titolo">
                <h2 class="h4" id="riepilogo-errori-titolo">
                    {move || match form.errors.with(FieldErrors::len) {
                        1 => "C'è un dato da correggere".to_owned(),
                        n => format!("Ci sono {n} dati da correggere"),
                    }}
                </h2>
                <ul class="mb-0">
                    {move || {
                        let errors = form.errors.get();
                        labels
                            .iter()
                            .filter_map(|(name, _)| {
                                errors.get(name).map(|message| {
                                    view! {
                                        <li><a href=format!("#{}", field_id(name))>{message.to_owned()}</a></li>
                                    }
                                })
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// A field's error, linked to its control by id (`aria-describedby`); absent when the field is right.
#[component]
fn FieldErrorMessage(name: &'static str, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <p class="invalid-feedback d-block fw-semibold" id=format!("{}-errore", field_id(name))>
                    <span class="visually-hidden">"Errore: "</span>
                    {message}
                </p>
            }
        })
    }
}

/// The label, optional hint and error of a field; `control` is the input itself.
#[component]
fn FieldFrame(
    name: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    required: bool,
    error: Signal<Option<String>>,
    children: Children,
) -> impl IntoView {
    let id = field_id(name);
    view! {
        <div class="campo mb-4">
            <label class="form-label fw-semibold" for=id.clone()>
                {label}
                {(!required).then(|| view! { <span class="fw-normal">" (facoltativo)"</span> })}
            </label>
            {hint.map(|hint| view! { <p class="form-text mt-0 mb-2" id=format!("{id}-aiuto")>{hint}</p> })}
            <FieldErrorMessage name error />
            {children()}
        </div>
    }
}

/// A one-line text field.
#[component]
pub fn TextField(
    form: FormState,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] max_length: Option<usize>,
) -> impl IntoView {
    let error = form.error(name);
    view! {
        <FieldFrame name label hint required error>
            <input
                class="form-control"
                class:is-invalid=move || error.with(Option::is_some)
                id=field_id(name)
                name=name
                type=kind
                value=form.initial(name)
                autocomplete=autocomplete
                maxlength=max_length
                aria-required=required.then_some("true")
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || described_by(name, hint.is_some(), error.with(Option::is_some))
            />
        </FieldFrame>
    }
}

/// A multi-line text field with a limit; once the page is hydrated it also counts the characters
/// as the person types (without JavaScript the limit is still stated in the hint and checked by the
/// server).
#[component]
pub fn TextArea(
    form: FormState,
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    max_chars: usize,
    #[prop(optional)] required: bool,
    /// The municipal model's `data-element` for this field, where its templates give one.
    #[prop(optional)]
    hook: Option<&'static str>,
) -> impl IntoView {
    let error = form.error(name);
    let initial = form.initial(name);
    let typed = RwSignal::new(initial.chars().count());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let counter_id = format!("{}-conteggio", field_id(name));
    view! {
        <FieldFrame name label hint=Some(hint) required error>
            <textarea
                class="form-control"
                class:is-invalid=move || error.with(Option::is_some)
                id=field_id(name)
                name=name
                rows="6"
                data-element=hook
                aria-required=required.then_some("true")
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || described_by(name, true, error.with(Option::is_some))
                on:input=move |event| typed.set(event_target_value(&event).chars().count())
            >
                {textarea_text(&initial)}
            </textarea>
            <Show when=move || hydrated.get()>
                <p
                    class="form-text conteggio"
                    class:conteggio-oltre=move || { typed.get() > max_chars }
                    id=counter_id.clone()
                    aria-live="polite"
                >
                    {move || {
                        let used = typed.get();
                        if used > max_chars {
                            format!("Hai superato il limite di {} caratteri.", used - max_chars)
                        } else {
                            format!("Hai scritto {used} caratteri su {max_chars}.")
                        }
                    }}
                </p>
            </Show>
        </FieldFrame>
    }
}

/// A choice from a short list.
#[component]
pub fn SelectField(
    form: FormState,
    name: &'static str,
    label: &'static str,
    options: &'static [(&'static str, &'static str)],
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let options = options
        .iter()
        .map(|(value, text)| ((*value).to_owned(), (*text).to_owned()))
        .collect();
    view! { <ChoiceField form name label options required /> }
}

/// The same, with choices read from the database (offices, units...), as (value, text).
#[component]
pub fn ChoiceField(
    form: FormState,
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let error = form.error(name);
    let initial = form.initial(name);
    view! {
        <FieldFrame name label hint required error>
            <select
                class="form-select"
                class:is-invalid=move || error.with(Option::is_some)
                id=field_id(name)
                name=name
                aria-required=required.then_some("true")
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || described_by(name, hint.is_some(), error.with(Option::is_some))
            >
                <option value="" selected=initial.is_empty()>"Scegli…"</option>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let selected = initial == value;
                        view! { <option value=value selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </FieldFrame>
    }
}

/// A single checkbox that must be ticked (e.g. "ho letto l'informativa").
#[component]
pub fn Checkbox(form: FormState, name: &'static str, children: Children) -> impl IntoView {
    let error = form.error(name);
    let checked = !form.initial(name).is_empty();
    let id = field_id(name);
    view! {
        <div class="campo form-check mb-4">
            <FieldErrorMessage name error />
            <input
                type="checkbox"
                id=id.clone()
                name=name
                value="si"
                checked=checked
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || described_by(name, false, error.with(Option::is_some))
            />
            <label for=id>{children()}</label>
        </div>
    }
}
