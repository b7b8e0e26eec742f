//! Building and running the application: configuration in, a bound server out.

use std::net::SocketAddr;
use std::sync::Arc;

use app::clock::{Clock, SystemClock};
use app::forms::Submitted;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Response, StatusCode};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::config::Settings;
use crate::mailer::Mailer;
use crate::page_cache::PageCache;
use crate::{database, http, mailer, seed};

/// Why the server could not start: each is one sentence for the operator.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("The database address is not valid: {0}.")]
    DatabaseUrl(String),
    #[error("Cannot reach the database: {0}. Check DATABASE_URL and that the database server is running.")]
    DatabaseUnreachable(String),
    #[error("Cannot bring the database schema up to date: {0}.")]
    Migration(String),
    #[error("Cannot seed the new database: {0}.")]
    Seed(String),
    #[error("Cannot create or open the folder {0}: {1}.")]
    DataDir(String, std::io::Error),
    #[error("{0}")]
    Mail(String),
    #[error("Cannot listen on {0}: {1}. Is another program using that port?")]
    Listen(SocketAddr, std::io::Error),
    #[error("The public address cannot be trusted for cross-site checks: {0}.")]
    PublicUrl(String),
    #[error("Cannot read or create the audit key {0}: {1}.")]
    AuditKey(String, std::io::Error),
}

/// A server that is bound to its port and ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    mailer: Mailer,
    mail_from: Arc<lettre::message::Mailbox>,
    watch_every: std::time::Duration,
    pages: Arc<PageCache>,
}

impl Application {
    /// Connects, migrates, seeds (once) and binds; with a clock of the caller's (tests) or the real one.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    pub async fn build_with_clock(settings: Settings, clock: Arc<dyn Clock>) -> Result<Self, StartupError> {
        let db = database::connect(&settings.database, database::POOL_SIZE).await?;
        database::migrate(&db, settings.database_owner.as_ref()).await?;
        let seed = seed::Seed::load(settings.seed_file.as_deref())?;
        match seed::apply_once(&db, clock.as_ref(), &seed).await {
            Ok(seed::SeedOutcome::Applied) => tracing::info!("first start: the database was seeded"),
            Ok(seed::SeedOutcome::AlreadySeeded) => {}
            Err(error) => return Err(StartupError::Seed(error.to_string())),
        }
        match seed::apply_phone_lines_once(&db, clock.as_ref(), &seed).await {
            Ok(seed::SeedOutcome::Applied) => tracing::info!("the phone lines were added"),
            Ok(seed::SeedOutcome::AlreadySeeded) => {}
            Err(error) => return Err(StartupError::Seed(error.to_string())),
        }
        let services = seed::built_in_services().map_err(StartupError::Seed)?;
        match seed::apply_catalogue_once(&db, clock.as_ref(), &services).await {
            Ok(seed::SeedOutcome::Applied) => tracing::info!("the service catalogue was added"),
            Ok(seed::SeedOutcome::AlreadySeeded) => {}
            Err(error) => return Err(StartupError::Seed(error.to_string())),
        }
        match seed::apply_booking_once(&db, clock.as_ref(), &seed).await {
            Ok(seed::SeedOutcome::Applied) => tracing::info!("the booking topics and rules were added"),
            Ok(seed::SeedOutcome::AlreadySeeded) => {}
            Err(error) => return Err(StartupError::Seed(error.to_string())),
        }
        let pages = seed::built_in_pages().map_err(StartupError::Seed)?;
        match seed::apply_pages_once(&db, clock.as_ref(), &pages).await {
            Ok(0) => {}
            Ok(added) => tracing::info!("{added} information pages were added"),
            Err(error) => return Err(StartupError::Seed(error.to_string())),
        }
        if let Some(name) = &settings.organisation_name {
            seed::apply_organisation_name(&db, clock.as_ref(), name)
                .await
                .map_err(|e| StartupError::Seed(e.to_string()))?;
        }
        match app::staff::demo::ensure_first_admin(&db, clock.now(), settings.admin_password.as_deref()).await {
            Ok(app::staff::demo::FirstAdmin::Exists) => {}
            Ok(app::staff::demo::FirstAdmin::CreatedWithGivenPassword) => tracing::info!(
                "first start: the administrator \"{}\" was created with the password of SPORTELLO_ADMIN_PASSWORD",
                app::staff::demo::FIRST_ADMIN_USERNAME
            ),
            Ok(app::staff::demo::FirstAdmin::CreatedWithRandomPassword(password)) => tracing::warn!(
                "first start: the administrator \"{}\" was created with the password {password} \
                 (shown only this once; it must be changed at the first sign-in)",
                app::staff::demo::FIRST_ADMIN_USERNAME
            ),
            Err(error) => return Err(StartupError::Seed(error.to_string())),
        }
        if settings.demo {
            let added = app::staff::demo::add_demo_accounts(&db, clock.now())
                .await
                .map_err(|e| StartupError::Seed(e.to_string()))?;
            if added > 0 {
                tracing::info!("--demo: {added} demonstration accounts were added (see the README)");
            }
        }
        let audit_key = crate::audit_key::load_or_create(settings.audit_key.as_deref(), &settings.data_dir)?;
        private_folder(&settings.documents.dir)
            .map_err(|e| StartupError::DataDir(settings.documents.dir.display().to_string(), e))?;
        let organisation_name = app::organisation::store::organisation_name(&db)
            .await
            .map_err(|e| StartupError::DatabaseUnreachable(e.to_string()))?;

        let mailer = Mailer::new(&settings.mail)?;
        let mail_from = settings
            .mail_from
            .parse()
            .map_err(|e| StartupError::Mail(format!("SPORTELLO_MAIL_FROM is not a valid address: {e}")))?;

        let listener = TcpListener::bind(settings.listen)
            .await
            .map_err(|e| StartupError::Listen(settings.listen, e))?;
        let address = listener
            .local_addr()
            .map_err(|e| StartupError::Listen(settings.listen, e))?;

        let hashed = crate::pages::SiteFiles::beside_the_binary();
        crate::pages::use_site_files(hashed.clone());
        let leptos_options = LeptosOptions::builder()
            .output_name("sportello")
            .site_root(settings.site_root.display().to_string())
            .site_pkg_dir("pkg")
            .site_addr(address)
            .hash_files(hashed.is_some())
            .build();
        let state = AppState {
            leptos_options,
            db,
            clock,
            mail_ready: Arc::new(Notify::new()),
            public_url: settings.public_url.clone(),
            organisation_name: Arc::new(std::sync::RwLock::new(organisation_name)),
            booking: settings.booking,
            audit_key,
            audit_checkpoint: app::audit::checkpoint::CheckpointFile::new(settings.audit_checkpoint.clone()),
            escalation: settings.escalation,
            documents: settings.documents.clone(),
        };
        if settings.demo && settings.demo_day {
            match crate::demo::fill_once(&state).await {
                Ok(Some(filled)) => tracing::info!(
                    "--demo: a working day was made ({} bookings, {} requests, {} cases)",
                    filled.bookings,
                    filled.requests,
                    filled.cases
                ),
                Ok(None) => {}
                Err(error) => return Err(StartupError::Seed(error.to_string())),
            }
        }
        let pages = PageCache::new(state.db.clone(), state.clock.clone());
        let router = router(state.clone(), &settings, pages.clone())?;
        Ok(Self {
            listener,
            router,
            state,
            mailer,
            mail_from: Arc::new(mail_from),
            watch_every: settings.audit_check_every,
            pages,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The public pages' cache: whoever changes the database behind the server's back (a test,
    /// an administrator's SQL) tells it here, or the change shows within a minute.
    pub fn pages(&self) -> Arc<PageCache> {
        self.pages.clone()
    }

    /// Serves until the process is stopped (Ctrl-C or SIGTERM finish the requests in flight).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        tokio::spawn(mailer::run(self.state.clone(), self.mailer, self.mail_from));
        tokio::spawn(keep_watch(self.state.clone(), self.watch_every, self.pages.clone()));
        tokio::spawn(crate::page_cache::listen_for_changes(self.pages.clone()));
        // With the connection's address, which the booking submissions' rate limit counts by.
        axum::serve(
            self.listener,
            self.router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
    }
}

/// Every few minutes: verifies the audit trail written since the checkpoint (and moves the
/// checkpoint on), tells coordinators about urgent requests waiting too long and court deadlines
/// drawing near, and rereads the organisation's name, which another instance may have changed;
/// and once an hour by the application's clock (so a test can move to the day the data expire),
/// the housekeeping.
async fn keep_watch(state: AppState, every: std::time::Duration, pages: Arc<PageCache>) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut housekept_at: Option<chrono::DateTime<chrono::Utc>> = None;
    loop {
        tick.tick().await;
        let now = state.clock.now();
        if housekept_at.is_none_or(|last| now - last >= chrono::Duration::hours(1)) {
            housekeeping(&state).await;
            housekept_at = Some(now);
        }
        match app::staff::audit_page::submit::check_since_checkpoint(&state).await {
            Ok(report) if report.is_intact() => {}
            Ok(_) => {} // Logged and recorded by the check itself.
            Err(error) => tracing::warn!(error = %error, "cannot check the audit trail; will retry"),
        }
        match app::queues::escalation::run(&state).await {
            Ok(0) => {}
            Ok(told) => tracing::info!(told, "coordinators told about urgent requests and court deadlines"),
            Err(error) => tracing::warn!(error = %error, "cannot check escalations; will retry"),
        }
        match app::organisation::store::organisation_name(&state.db).await {
            Ok(name) if name != state.organisation_name() => {
                state.set_organisation_name(name);
                pages.forget_all();
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(error = %error, "cannot reread the organisation's name; will retry"),
        }
    }
}

/// The hourly housekeeping: erases the personal data kept longer than needed (see
/// `app::booking::retention`), expired sessions and old sign-in attempts.
async fn housekeeping(state: &AppState) {
    match app::booking::retention::erase_expired(&state.db, state.clock.now(), state.booking.retention_days).await {
        Ok(erased) if erased != app::booking::retention::Erased::default() => {
            tracing::info!(?erased, "expired personal data erased")
        }
        Ok(_) => {}
        Err(error) => tracing::warn!(error = %error, "cannot erase expired personal data; will retry"),
    }
    let now = state.clock.now();
    if let Err(error) = crate::staff::delete_expired_sessions(&state.db, now).await {
        tracing::warn!(error = %error, "cannot delete expired sessions; will retry");
    }
    if let Err(error) = app::access::auth::forget_old_attempts(&state.db, now).await {
        tracing::warn!(error = %error, "cannot forget old sign-in attempts; will retry");
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

/// What the application's pages may take from context, besides the state itself.
fn page_context(state: &AppState, submitted: Option<Submitted>) -> impl Fn() + Clone + Send + Sync + 'static {
    let state = state.clone();
    move || {
        provide_context(state.clone());
        // The booking pages' calendars depend on who books: a citizen, or the front desk.
        provide_context(crate::routes::booking::current_booker());
        if let Some(submitted) = &submitted {
            provide_context(submitted.clone());
        }
    }
}

/// Renders the application for `request`, as a visit would, optionally after a form submission.
pub async fn render_page(state: AppState, request: Request, submitted: Option<Submitted>) -> Response<Body> {
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(page_context(&state, submitted), move || {
        app::shell(options.clone())
    });
    handler(request).await
}

fn router(state: AppState, settings: &Settings, pages: Arc<PageCache>) -> Result<Router, StartupError> {
    let routes = generate_route_list(app::App);
    let options = state.leptos_options.clone();
    let router = crate::routes::router()
        .leptos_routes_with_context(&state, routes, page_context(&state, None), move || {
            app::shell(options.clone())
        })
        .fallback(site_files_or_not_found(&state, &settings.site_root))
        .with_state(state.clone());
    let router = router.layer(axum::Extension(crate::routes::operations::BenchPages::of_sizes(
        &settings.bench_ceiling,
    )));
    let router = crate::staff::layers(router, &state).layer(axum::middleware::from_fn_with_state(
        crate::abuse::SubmissionLimiter::new(settings.submission_limits, settings.trusted_proxies.clone()),
        crate::abuse::limit_submissions,
    ));
    // Outside the sessions and the access check, which a page served from the cache skips (only
    // public pages asked for without cookies are), and inside the security headers, whose nonce
    // the cached page takes.
    let router = router.layer(axum::middleware::from_fn(move |request, next| {
        crate::page_cache::serve(pages.clone(), request, next)
    }));
    let limits = http::BodyLimits {
        default: settings.max_body_bytes,
        // The document itself, and room for the form's other fields and the multipart framing.
        documents: settings.documents.max_bytes + 64 * 1024,
    };
    http::protect(router, &settings.public_url, limits).map_err(|e| StartupError::PublicUrl(e.to_string()))
}

type FallbackAnswer = std::pin::Pin<Box<dyn std::future::Future<Output = Response<Body>> + Send>>;

/// Everything no route answers: the site's own files (`/pkg/`, `/fonts/`, the favicon…), else the
/// friendly "not found" page. The files are served here with the whole request, so a browser's
/// "if modified since" gets a 304 (leptos_axum's own file handler passes on only the accepted
/// encodings), and precompressed `.br`/`.gz` copies go to browsers that take them.
fn site_files_or_not_found(
    state: &AppState,
    site_root: &std::path::Path,
) -> impl Fn(axum::http::Uri, State<AppState>, Request) -> FallbackAnswer + Clone + Send + 'static {
    use tower::ServiceExt;
    let not_found =
        leptos_axum::file_and_error_handler_with_context::<AppState, _>(page_context(state, None), app::shell);
    let files = tower_http::services::ServeDir::new(site_root)
        .precompressed_br()
        .precompressed_gzip();
    move |uri, state, request| {
        let (not_found, files) = (not_found.clone(), files.clone());
        Box::pin(async move {
            // The files need the method, address and headers; the page keeps the request itself
            // (its extensions carry this response's nonce).
            let mut probe = Request::new(Body::empty());
            *probe.method_mut() = request.method().clone();
            *probe.uri_mut() = request.uri().clone();
            *probe.headers_mut() = request.headers().clone();
            let served = match files.oneshot(probe).await {
                Ok(response) => response.map(Body::new),
                Err(never) => match never {},
            };
            if served.status() != StatusCode::NOT_FOUND && served.status() != StatusCode::METHOD_NOT_ALLOWED {
                return served;
            }
            not_found(uri, state, request).await
        })
    }
}

/// Creates a folder only the server's user may read (the case documents), or tightens it.
fn private_folder(path: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}
