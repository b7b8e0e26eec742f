//! How every form of Sportello behaves.
//!
//! A form is a plain HTML `<form method="post">` whose `action` is the page's own address, and that
//! is its only path, with or without JavaScript: the server checks the fields and either redirects
//! (post/redirect/get) or renders the same page again, status 422, with each error next to its field
//! and every value as it was typed ([`Submitted`]). The browser runs code only in two small islands
//! that a person would miss: the live character count of a text area ([`CharacterCount`]) and the
//! focus moved to the error summary of a page that came back with errors ([`FocusedOnArrival`]).

use std::collections::BTreeMap;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::islands::{CharacterCount, FocusedOnArrival};

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

impl FormOutcome {
    /// Not accepted because of one field, with the sentence to show next to it.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        FormOutcome::Invalid(errors)
    }
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

/// The state one form of the page is rendered with: the values to put back in its fields, and
/// what was wrong with them. Copied into every field of the form.
#[derive(Clone, Copy)]
pub struct FormState {
    submitted: StoredValue<Submitted>,
}

impl FormState {
    pub fn new(submitted: Submitted) -> Self {
        Self {
            submitted: StoredValue::new(submitted),
        }
    }

    /// The same for a form that edits what exists: `current` fills the fields until the person has
    /// sent the form, then what they typed does.
    pub fn editing(mut submitted: Submitted, current: BTreeMap<String, String>) -> Self {
        if submitted.form.is_empty() {
            submitted.values = current;
        }
        Self::new(submitted)
    }

    /// The value a field starts with: what was typed before the round trip, or empty.
    pub fn initial(&self, field: &str) -> String {
        self.submitted
            .with_value(|submitted| submitted.values.get(field).cloned().unwrap_or_default())
    }

    pub fn error(&self, field: &str) -> Option<String> {
        self.submitted
            .with_value(|submitted| submitted.errors.get(field).map(str::to_owned))
    }

    pub fn errors(&self) -> FieldErrors {
        self.submitted.with_value(|submitted| submitted.errors.clone())
    }

    /// A failure that is not about one field, with its request id.
    pub fn problem(&self) -> Option<String> {
        self.submitted.with_value(|submitted| submitted.problem.clone())
    }
}

/// The text inside a `<textarea>` as the server must write it.
///
/// Leptos writes a textarea's children without escaping them (it treats the element as raw text), so
/// a value containing `</textarea>` would end the element and inject markup. On the server we escape
/// it ourselves: inside a textarea the browser decodes the entities, so the person sees exactly what
/// they typed.
fn textarea_text(value: &str) -> String {
    value.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
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
/// reader users expect: the page says at once that something must be corrected, and where). A
/// problem that is not about one field (with its request id) is said above it.
#[component]
pub fn ErrorSummary(form: FormState, labels: &'static [(&'static str, &'static str)]) -> impl IntoView {
    let errors = form.errors();
    let problem = form.problem().map(|problem| {
        view! {
            <div class="alert alert-danger" role="alert">
                <p>{problem}</p>
            </div>
        }
    });
    let summary = (!errors.is_empty()).then(|| {
        let language = crate::i18n::use_language();
        let title = match errors.len() {
            1 => language.text("form-one-to-correct"),
            n => language.text_with("form-many-to-correct", &[("n", n.to_string())]),
        };
        let items = labels
            .iter()
            .filter_map(|(name, _)| {
                errors.get(name).map(|message| {
                    view! { <li><a href=format!("#{}", field_id(name))>{message.to_owned()}</a></li> }
                })
            })
            .collect_view();
        view! {
            <FocusedOnArrival>
                <h2 class="h4" id="riepilogo-errori-titolo">{title}</h2>
                <ul class="mb-0">{items}</ul>
            </FocusedOnArrival>
        }
    });
    view! { {problem} {summary} }
}

/// A field's error, linked to its control by id (`aria-describedby`); absent when the field is right.
#[component]
fn FieldErrorMessage(name: &'static str, error: Option<String>) -> impl IntoView {
    error.map(|message| {
        view! {
            <p class="invalid-feedback d-block fw-semibold" id=format!("{}-errore", field_id(name))>
                <span class="visually-hidden">{crate::i18n::use_language().text("form-error-prefix")}" "</span>
                {message}
            </p>
        }
    })
}

/// The label, optional hint and error of a field; `control` is the input itself.
#[component]
fn FieldFrame(
    name: &'static str,
    #[prop(into)] label: String,
    hint: Option<String>,
    required: bool,
    error: Option<String>,
    children: Children,
) -> impl IntoView {
    let id = field_id(name);
    view! {
        <div class="campo mb-4">
            <label class="form-label fw-semibold" for=id.clone()>
                {label}
                {(!required).then(|| view! { <span class="fw-normal">" "{crate::i18n::use_language().text("form-optional")}</span> })}
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
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] max_length: Option<usize>,
    /// The language the text is written in, when it is not the page's (a translation).
    #[prop(optional, into)]
    written_in: Option<crate::i18n::Language>,
) -> impl IntoView {
    let error = form.error(name);
    let invalid = error.is_some();
    let has_hint = hint.is_some();
    view! {
        <FieldFrame name label hint required error>
            <input
                class="form-control"
                class:is-invalid=invalid
                id=field_id(name)
                name=name
                type=kind
                value=form.initial(name)
                autocomplete=autocomplete
                maxlength=max_length
                lang=written_in.map(|language| language.tag())
                dir=written_in.map(|language| language.direction())
                aria-required=required.then_some("true")
                aria-invalid=invalid.then_some("true")
                aria-describedby=described_by(name, has_hint, invalid)
            />
        </FieldFrame>
    }
}

/// The counter's sentence in the page's language, with `{used}`, `{max}` and `{over}` where the
/// island puts the numbers as the person types.
fn counter_text(key: &str) -> String {
    let marker = |name: &'static str| (name, format!("{{{name}}}"));
    crate::i18n::use_language().text_with(key, &[marker("used"), marker("max"), marker("over")])
}

/// A multi-line text field with a limit. The limit is stated in the hint and checked by the server;
/// where JavaScript runs, the [`CharacterCount`] island also counts the characters as the person
/// types.
#[component]
pub fn TextArea(
    form: FormState,
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] hint: String,
    max_chars: usize,
    #[prop(optional)] required: bool,
    /// The municipal model's `data-element` for this field, where its templates give one.
    #[prop(optional)]
    hook: Option<&'static str>,
    /// The language the text is written in, when it is not the page's (a translation).
    #[prop(optional, into)]
    written_in: Option<crate::i18n::Language>,
) -> impl IntoView {
    let error = form.error(name);
    let invalid = error.is_some();
    let initial = form.initial(name);
    let typed = initial.chars().count();
    view! {
        <FieldFrame name label hint=Some(hint) required error>
            <CharacterCount
                counter_id=format!("{}-conteggio", field_id(name))
                max_chars
                typed
                count_text=counter_text("count-typed")
                over_text=counter_text("count-over")
            >
                <textarea
                    class="form-control"
                    class:is-invalid=invalid
                    id=field_id(name)
                    name=name
                    rows="6"
                    data-element=hook
                    lang=written_in.map(|language| language.tag())
                    dir=written_in.map(|language| language.direction())
                    aria-required=required.then_some("true")
                    aria-invalid=invalid.then_some("true")
                    aria-describedby=described_by(name, true, invalid)
                >
                    {textarea_text(&initial)}
                </textarea>
            </CharacterCount>
        </FieldFrame>
    }
}

/// A choice from a short list.
#[component]
pub fn SelectField(
    form: FormState,
    name: &'static str,
    #[prop(into)] label: String,
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
    #[prop(into)] label: String,
    options: Vec<(String, String)>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let error = form.error(name);
    let invalid = error.is_some();
    let initial = form.initial(name);
    let has_hint = hint.is_some();
    view! {
        <FieldFrame name label hint required error>
            <select
                class="form-select"
                class:is-invalid=invalid
                id=field_id(name)
                name=name
                aria-required=required.then_some("true")
                aria-invalid=invalid.then_some("true")
                aria-describedby=described_by(name, has_hint, invalid)
            >
                <option value="" selected=initial.is_empty()>{crate::i18n::use_language().text("form-choose")}</option>
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
    let invalid = error.is_some();
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
                aria-invalid=invalid.then_some("true")
                aria-describedby=described_by(name, false, invalid)
            />
            <label for=id>{children()}</label>
        </div>
    }
}
