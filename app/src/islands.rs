//! Everything the browser runs: the islands, small interactive parts of server-rendered pages,
//! hydrated from the props the server wrote beside them (see [`crate::hydrate`]). Each adds
//! something a person would miss; without JavaScript the page around it does the same task.
//!
//! Props and children only: an island never reads the database, the session or another part of
//! the application, so this module is the whole browser bundle's own code.

use leptos::prelude::*;

/// Island: the error summary's frame, which takes the keyboard focus when the page arrives, so
/// keyboard and screen reader users learn at once that the form came back with something to
/// correct, and are one Tab away from the first link to it. Without JavaScript the summary is the
/// first thing after the heading, where a reader arrives anyway.
#[island]
pub fn FocusedOnArrival(children: Children) -> impl IntoView {
    let block = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = block.get() {
            let _ = element.focus();
        }
    });
    view! {
        <div class="alert alert-danger riepilogo-errori" tabindex="-1" aria-labelledby="riepilogo-errori-titolo" node_ref=block>
            {children()}
        </div>
    }
}

/// Island: the live count of the characters typed in the text area it wraps, against its limit,
/// announced politely to screen readers. The text area itself is server-rendered (its children);
/// the count appears only where JavaScript runs, since without it the hint states the limit.
#[island]
pub fn CharacterCount(
    counter_id: String,
    max_chars: usize,
    typed: usize,
    /// The sentences in the page's language, with `{used}`, `{max}` and `{over}` for the numbers.
    count_text: String,
    over_text: String,
    children: Children,
) -> impl IntoView {
    let typed = RwSignal::new(typed);
    let live = RwSignal::new(false);
    let texts = StoredValue::new((count_text, over_text));
    Effect::new(move |_| live.set(true));
    view! {
        // `input` bubbles from the text area inside, which is server-rendered HTML.
        <div on:input=move |event| typed.set(event_target_value(&event).chars().count())>
            {children()}
            <Show when=move || live.get()>
                <p
                    class="form-text conteggio"
                    class:conteggio-oltre=move || { typed.get() > max_chars }
                    id=counter_id.clone()
                    aria-live="polite"
                >
                    {move || {
                        let used = typed.get();
                        texts.with_value(|(count_text, over_text)| {
                            if used > max_chars {
                                over_text.replace("{over}", &(used - max_chars).to_string())
                            } else {
                                count_text.replace("{used}", &used.to_string()).replace("{max}", &max_chars.to_string())
                            }
                        })
                    }}
                </p>
            </Show>
        </div>
    }
}

/// Island: the stars and the two follow-up questions it wraps (server-rendered, its children). Once
/// live it shows only the question that fits the rating given (`data-domanda`, read by the
/// stylesheet: none before a rating) and hides the "for which ratings" notes; when the rating moves
/// to the other kind it clears the reason chosen for the first, which the server would refuse.
#[island]
pub fn FollowUpByRating(rating: Option<u8>, children: Children) -> impl IntoView {
    let kind = |rating: Option<u8>| match rating {
        Some(1..=3) => "difficolta",
        Some(_) => "preferenze",
        None => "nessuna",
    };
    let rating = RwSignal::new(rating);
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let on_change = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            if input.name() != "voto" {
                return;
            }
            let before = kind(rating.get_untracked());
            rating.set(input.value().parse().ok());
            if before != kind(rating.get_untracked()) {
                if let Some(form) = input.form() {
                    if let Ok(reasons) = form.query_selector_all("input[name='motivo']") {
                        for index in 0..reasons.length() {
                            if let Some(reason) = reasons
                                .item(index)
                                .and_then(|n| n.dyn_into::<web_sys::HtmlInputElement>().ok())
                            {
                                reason.set_checked(false);
                            }
                        }
                    }
                }
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    view! {
        <div class="valutazione-domande" data-domanda=move || live.get().then(|| kind(rating.get())) on:change=on_change>
            {children()}
        </div>
    }
}
