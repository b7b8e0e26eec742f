//! The home page: what the service can do for a family, how to get an appointment, when to reach us.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_language;
use crate::layout::CardItem;
use crate::opening::OpeningBadgeView;
use crate::organisation::{dial, get_site_info, HoursList, PhoneLineView, SiteInfo};

pub const PATH: &str = "/";

#[component]
pub fn HomePage() -> impl IntoView {
    let site = Resource::new(|| (), |_| get_site_info());
    let language = use_language();
    let text = move |key: &str| language.text(key);
    view! {
        <Title text=text("home-title") />
        <section class="bg-light py-5 mb-3">
            <div class="container">
                <h1>{text("home-heading")}</h1>
                <p class="lead">{text("home-lead")}</p>
            </div>
        </section>
        <div class="container">
            <Suspense fallback=move || view! { <p>{text("loading")}</p> }>
                {move || Suspend::new(async move {
                    match site.await {
                        Ok(site) => view! { <ThreeQuestions site /> }.into_any(),
                        Err(error) => view! { <p class="alert alert-danger">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn ThreeQuestions(site: SiteInfo) -> impl IntoView {
    let language = use_language();
    let text = move |key: &str| language.text(key);
    view! {
        <div class="row g-4 my-2">
            <QuestionCard title=text("home-what-title")>
                <p class="card-text">{text("home-what")}</p>
                <p class="card-text"><a href=language.href("/servizi")>{text("home-what-link")}</a></p>
            </QuestionCard>
            <QuestionCard title=text("home-how-title")>
                <p class="card-text">{text("home-how")}</p>
                <p class="card-text"><a href=language.href("/prenota")>{text("home-how-link")}</a></p>
            </QuestionCard>
            <QuestionCard title=text("home-when-title")>
                {site.phone_lines.into_iter().map(|line| view! { <PhoneLineView line /> }).collect_view()}
            </QuestionCard>
        </div>
        <h2 class="mt-5">{text("home-offices")}</h2>
        <ul class="row g-4 list-unstyled">
            {site
                .offices
                .into_iter()
                .map(|office| {
                    view! {
                        <CardItem>
                            <h3 class="card-title h5">{office.name}</h3>
                            {office.comune.map(|comune| view! { <p class="text-secondary mb-2">{comune}</p> })}
                            <OpeningBadgeView badge=office.badge />
                            <p>{office.address}</p>
                            <p>{text("office-phone")}" " <a href=dial(&office.phone)>{office.phone.clone()}</a></p>
                            <p>{text("office-email")}" " <a href=format!("mailto:{}", office.email)>{office.email.clone()}</a></p>
                            <h4 class="h6">{text("office-hours")}</h4>
                            <HoursList hours=office.hours />
                        </CardItem>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// One of the three questions, as a card a third of the page wide on large screens.
#[component]
fn QuestionCard(#[prop(into)] title: String, children: Children) -> impl IntoView {
    view! {
        <section class="col-lg-4">
            <div class="card card-bg h-100">
                <div class="card-body p-4">
                    <h2 class="card-title h4">{title}</h2>
                    {children()}
                </div>
            </div>
        </section>
    }
}
