//! Building and running the application: configuration in, a bound server out.

use std::future::IntoFuture;
use std::net::SocketAddr;
use std::sync::Arc;

use app::clock::{Clock, SystemClock};
use app::state::AppState;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::config::Settings;
use crate::mailer::Mailer;
use crate::page_cache::PageCache;
use crate::rendering::{page_context, site_files_or_not_found};
use crate::{database, http, seed};

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
    #[error("The families' area cannot sign in with its identity providers: {0}.")]
    Identity(String),
    #[error("Cannot read or create the key {0}: {1}.")]
    Key(String, std::io::Error),
    #[error("Cannot record metrics: {0}.")]
    Metrics(String),
}

/// A server that is bound to its port and ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    mailer: Mailer,
    mail_from: Arc<lettre::message::Mailbox>,
    watch_every: std::time::Duration,
    shutdown_within: std::time::Duration,
    pages: Arc<PageCache>,
    /// The Prometheus metrics' own listener (`SPORTELLO_METRICS_LISTEN`), when asked for.
    metrics: Option<crate::metrics::MetricsListener>,
}

impl Application {
    /// Connects, migrates, seeds (once) and binds; with a clock of the caller's (tests) or the real one.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    pub async fn build_with_clock(settings: Settings, clock: Arc<dyn Clock>) -> Result<Self, StartupError> {
        let db = database::connect_serving(&settings.database, settings.database_timeouts).await?;
        database::migrate(&db, settings.database_owner.as_ref()).await?;
        seed::on_start(&db, clock.as_ref(), &settings).await?;
        let audit_key = crate::keys::audit(settings.audit_key.as_deref(), &settings.data_dir)?;
        let data_keys = crate::keys::data(
            settings.data_key.as_ref(),
            &settings.data_keys_retired,
            &settings.data_dir,
        )?;
        // Second-factor secrets enrolled before they were sealed, or sealed with a retired key, are
        // sealed with the current key at once (a few rows); documents wait for
        // `server rotate-data-key`. A secret no key opens is the operators' to fix, not a reason
        // to keep everyone else out.
        match app::access::totp::seal_again(&db, &data_keys).await {
            Ok(0) => {}
            Ok(sealed) => tracing::info!(sealed, "second-factor secrets sealed with the current data key"),
            Err(error) => tracing::error!(error = %error, "second-factor secrets could not all be sealed again"),
        }
        private_folder(&settings.documents.dir)
            .map_err(|e| StartupError::DataDir(settings.documents.dir.display().to_string(), e))?;
        let organisation_name = app::organisation::store::organisation_name(&db)
            .await
            .map_err(|e| StartupError::DatabaseUnreachable(e.to_string()))?;

        let identity_key = crate::identity::ClientKey::load_or_create(&settings.identity, &settings.data_dir)
            .map_err(StartupError::Identity)?;
        let identity = crate::identity::Identity::new(&settings.identity, identity_key, &settings.public_url)
            .map_err(StartupError::Identity)?;

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

        let metrics = match settings.metrics_listen {
            Some(address) => Some(crate::metrics::MetricsListener::bind(address).await?),
            None => None,
        };

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
            data_keys: Arc::new(data_keys),
            escalation: settings.escalation,
            documents: settings.documents.clone(),
            right_to_left_stylesheet: crate::rendering::right_to_left_stylesheet(&settings.site_root),
            identity_providers: identity.choices().into(),
        };
        crate::demo::on_start(&state, &settings).await?;
        let pages = PageCache::new(state.db.clone(), state.clock.clone());
        let router = router(state.clone(), &settings, pages.clone(), identity)?;
        Ok(Self {
            listener,
            router,
            state,
            mailer,
            mail_from: Arc::new(mail_from),
            watch_every: settings.audit_check_every,
            shutdown_within: settings.shutdown_within,
            pages,
            metrics,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Where the Prometheus metrics are served, when they are.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().map(crate::metrics::MetricsListener::local_addr)
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The public pages' cache: whoever changes the database behind the server's back (a test,
    /// an administrator's SQL) tells it here, or the change shows within a minute.
    pub fn pages(&self) -> Arc<PageCache> {
        self.pages.clone()
    }

    /// Serves until the process is stopped. On Ctrl-C or SIGTERM it stops taking connections,
    /// lets the requests in flight finish and the mail worker settle the email in its hands (taking
    /// no other), then closes the database's connections; whatever is still running after
    /// `SPORTELLO_SHUTDOWN_SECONDS` is left, so that a stop always ends.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let jobs = crate::jobs::start(
            &self.state,
            self.mailer,
            self.mail_from,
            self.watch_every,
            self.pages.clone(),
        );
        let (stopping, mut stop_asked) = tokio::sync::watch::channel(None);
        if let Some(metrics) = self.metrics {
            let mut asked = stop_asked.clone();
            let stop = async move {
                let _ = asked.wait_for(Option::is_some).await;
            };
            tokio::spawn(metrics.serve(self.state.clone(), stop));
        }
        // The language's prefix is read off the address before the router matches it (a layer
        // of the router would run after the match: `languages.rs`). With the connection's
        // address, which the booking submissions' rate limit counts by.
        let site = tower::Layer::layer(
            &tower::util::MapRequestLayer::new(crate::languages::read_prefix),
            self.router,
        );
        let serving = axum::serve(
            self.listener,
            axum::ServiceExt::<axum::extract::Request>::into_make_service_with_connect_info::<SocketAddr>(site),
        )
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            tracing::info!("stopping: no new connections; finishing the requests in flight");
            let _ = stopping.send(Some(tokio::time::Instant::now()));
        })
        .into_future();
        let within = self.shutdown_within;
        let deadline = async {
            let asked = stop_asked.wait_for(Option::is_some).await.ok().and_then(|asked| *asked);
            tokio::time::sleep_until(asked.unwrap_or_else(tokio::time::Instant::now) + within).await;
        };
        let served = tokio::select! {
            served = serving => served,
            () = deadline => {
                tracing::warn!(seconds = within.as_secs(), "requests still running at the shutdown deadline: stopping without them");
                Ok(())
            }
        };
        let asked = (*stop_asked.borrow()).unwrap_or_else(tokio::time::Instant::now);
        jobs.stop(asked + within).await;
        self.state.db.close().await;
        tracing::info!("stopped");
        served
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

fn router(
    state: AppState,
    settings: &Settings,
    pages: Arc<PageCache>,
    identity: Arc<crate::identity::Identity>,
) -> Result<Router, StartupError> {
    let routes = generate_route_list(app::App);
    let options = state.leptos_options.clone();
    let router = crate::routes::router()
        .leptos_routes_with_context(&state, routes, page_context(&state, None), move || {
            app::shell(options.clone())
        })
        .fallback(site_files_or_not_found(&state, &settings.site_root))
        .with_state(state.clone());
    let router = router
        .layer(axum::Extension(crate::routes::operations::BenchPages::of_sizes(
            &settings.bench_ceiling,
        )))
        .layer(axum::Extension(identity))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::citizens::authorize,
        ));
    // The back office's sessions inside, the families' area's outside (`citizens.rs` says why).
    let router = crate::staff::layers(router, &state);
    let router = crate::citizens::session_layers(router, &state).layer(axum::middleware::from_fn_with_state(
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
        idle: settings.body_idle,
    };
    http::protect(router, &settings.public_url, limits).map_err(|e| StartupError::PublicUrl(e.to_string()))
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
