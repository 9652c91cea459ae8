//! Staff sign-in over HTTP: `POST /console/login`, `POST /console/logout`,
//! `GET /console/me`; and what other staff routes build on: the [`StaffUser`]
//! extractor (a valid session cookie), [`require_csrf`] and [`same_origin`].
//!
//! The session token lives only in an `HttpOnly; SameSite=Strict` cookie; the
//! CSRF token is handed to the console in JSON and must come back in
//! `X-CSRF-Token` on every state-changing request. The sign-in itself
//! (throttling, password check, session) is `staff::sign_in`'s.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use super::AppState;
use super::resident::client_address;
use crate::error::ErrorKind;
use crate::lang::LangTag;
use crate::staff::{Agent, Role, SignInError, is_token, sign_in};

/// The session cookie's name.
const COOKIE: &str = "councilbot_staff";
/// The header state-changing requests carry the session's CSRF token in.
const CSRF_HEADER: &str = "x-csrf-token";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/console/login", post(login))
        .route("/console/logout", post(logout))
        .route("/console/me", get(me))
}

/// A request from a signed-in staff member: a valid, unexpired session cookie.
/// Rejected with 401 (JSON) otherwise.
pub(crate) struct StaffUser {
    pub agent: Agent,
    /// The session's CSRF token; see [`require_csrf`].
    pub csrf: String,
}

impl FromRequestParts<AppState> for StaffUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, ApiError> {
        let Some(token) = session_token(&parts.headers) else {
            return Err(ApiError::signed_out());
        };
        match app.store.session_by_token(token).await {
            Ok(Some(session)) => Ok(StaffUser {
                agent: session.agent,
                csrf: session.csrf,
            }),
            Ok(None) => Err(ApiError::signed_out()),
            Err(error) => {
                tracing::error!(%error, "cannot read console sessions");
                Err(ApiError::from_kind(error.kind()))
            }
        }
    }
}

/// Checks that `X-CSRF-Token` carries the session's CSRF token: another site
/// can make a browser send the cookie, but cannot read the token to echo it.
pub(crate) fn require_csrf(headers: &HeaderMap, user: &StaffUser) -> Result<(), StatusCode> {
    let sent = headers
        .get(CSRF_HEADER)
        .map(HeaderValue::as_bytes)
        .unwrap_or_default();
    if equal_in_constant_time(sent, user.csrf.as_bytes()) {
        Ok(())
    } else {
        Err(StatusCode::FORBIDDEN)
    }
}

/// Whether the request comes from this server's own pages: no `Origin` (not
/// a browser, or a same-origin GET) or `Origin` equal to `http(s)://<Host>`.
pub(crate) fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_host = origin.to_str().ok().and_then(|origin| {
        origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"))
    });
    matches!((origin_host, host), (Some(origin), Some(host)) if origin.eq_ignore_ascii_case(host))
}

#[derive(Deserialize)]
struct LoginRequest {
    name: String,
    password: String,
}

/// What the console learns about whoever is signed in.
#[derive(Serialize)]
struct Identity<'a> {
    name: &'a str,
    role: Role,
    languages: &'a [LangTag],
    topics: &'a [String],
    csrf: &'a str,
}

impl<'a> Identity<'a> {
    fn of(agent: &'a Agent, csrf: &'a str) -> Identity<'a> {
        Identity {
            name: &agent.name,
            role: agent.role,
            languages: &agent.languages,
            topics: &agent.topics,
            csrf,
        }
    }
}

async fn login(
    State(app): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    if !same_origin(&headers) {
        return Err(ApiError::cross_origin());
    }
    let request: LoginRequest = serde_json::from_slice(&body).map_err(|_| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "bad-request",
            "expected json with a name and a password",
        )
    })?;
    let address = client_address(peer.ip(), &headers, app.config.server.trust_forwarded_for);
    let lifetime = Duration::from_secs(app.config.staff.session_hours.saturating_mul(3600));
    let signed_in = sign_in(
        &app.store,
        &app.logins,
        &request.name,
        request.password,
        address,
        lifetime,
    )
    .await
    .map_err(ApiError::from_sign_in)?;
    let cookie = session_cookie(&signed_in.token, lifetime, &headers);
    let identity = Identity::of(&signed_in.agent, &signed_in.csrf);
    Ok(private([(header::SET_COOKIE, cookie)], Json(identity)))
}

async fn logout(
    State(app): State<AppState>,
    user: StaffUser,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    require_csrf(&headers, &user).map_err(|_| ApiError::bad_csrf())?;
    if let Some(token) = session_token(&headers) {
        app.store.delete_session(token).await.map_err(|error| {
            tracing::error!(%error, "cannot end a console session");
            ApiError::from_kind(error.kind())
        })?;
    }
    tracing::info!(agent = %user.agent.name, "console sign-out");
    let expired = format!("{COOKIE}=; {}; Max-Age=0", cookie_flags(&headers));
    Ok(private(
        [(header::SET_COOKIE, expired)],
        StatusCode::NO_CONTENT,
    ))
}

async fn me(user: StaffUser) -> Response {
    private((), Json(Identity::of(&user.agent, &user.csrf)))
}

/// Marks a response with account details or a session as never to be cached.
fn private(headers: impl axum::response::IntoResponseParts, body: impl IntoResponse) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], headers, body).into_response()
}

fn session_cookie(token: &str, lifetime: Duration, headers: &HeaderMap) -> String {
    format!(
        "{COOKIE}={token}; {}; Max-Age={}",
        cookie_flags(headers),
        lifetime.as_secs()
    )
}

/// `Secure` only when the console is served over TLS (its `Origin` is
/// https): browsers drop a `Secure` cookie set over plain http, which would
/// make sign-in impossible on a local http set-up.
fn cookie_flags(headers: &HeaderMap) -> &'static str {
    let over_tls = headers
        .get(header::ORIGIN)
        .is_some_and(|origin| origin.as_bytes().starts_with(b"https://"));
    if over_tls {
        "HttpOnly; SameSite=Strict; Path=/; Secure"
    } else {
        "HttpOnly; SameSite=Strict; Path=/"
    }
}

/// The session token from the `Cookie` headers, if one is well formed.
fn session_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, token)| token)
        .filter(|token| is_token(token))
}

/// Compares without stopping at the first difference, so response times do
/// not reveal how much of a guessed token was right.
fn equal_in_constant_time(left: &[u8], right: &[u8]) -> bool {
    left.len() == right.len()
        && left
            .iter()
            .zip(right)
            .fold(0_u8, |differences, (a, b)| differences | (a ^ b))
            == 0
}

/// A refusal, as JSON: `{"error": code, "message": text}`. The code is stable
/// (and doubles as a message id); the text is for people; neither carries
/// internal details, which are logged instead.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: &'static str,
    /// Seconds to wait, for `Retry-After`.
    retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: &'static str) -> ApiError {
        ApiError {
            status,
            code,
            message,
            retry_after: None,
        }
    }

    fn signed_out() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "signed-out",
            "sign in to the console first",
        )
    }

    fn cross_origin() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "cross-origin",
            "sign-in is only accepted from the console's own site",
        )
    }

    fn bad_csrf() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "bad-csrf-token",
            "the request did not carry this session's csrf token",
        )
    }

    fn from_sign_in(error: SignInError) -> ApiError {
        match error {
            SignInError::Refused => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "wrong-credentials",
                "wrong name or password",
            ),
            SignInError::Throttled(wait) => ApiError {
                // Rounded up, so a client that waits exactly this long is let in.
                retry_after: Some(wait.as_secs() + u64::from(wait.subsec_nanos() > 0)),
                ..ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too-many-attempts",
                    "too many failed sign-ins; try again later",
                )
            },
            SignInError::Store(error) => {
                tracing::error!(%error, "console sign-in failed");
                ApiError::from_kind(error.kind())
            }
        }
    }

    /// The generic refusal for an error of this kind.
    pub(crate) fn from_kind(kind: ErrorKind) -> ApiError {
        let (status, code, message) = match kind {
            ErrorKind::BadRequest => (
                StatusCode::BAD_REQUEST,
                "bad-request",
                "the request is not valid",
            ),
            ErrorKind::NotFound => (StatusCode::NOT_FOUND, "not-found", "not found"),
            ErrorKind::Unauthorised => (StatusCode::UNAUTHORIZED, "signed-out", "sign in first"),
            ErrorKind::Forbidden => (StatusCode::FORBIDDEN, "forbidden", "not allowed"),
            ErrorKind::Conflict => (
                StatusCode::CONFLICT,
                "conflict",
                "that clashes with a change made meanwhile",
            ),
            ErrorKind::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the service is unavailable; try again shortly",
            ),
            ErrorKind::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "something went wrong",
            ),
        };
        ApiError::new(status, code, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(serde_json::json!({"error": self.code, "message": self.message}));
        let mut response = (self.status, body).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| (name.clone(), value.parse().unwrap()))
            .collect()
    }

    #[test]
    fn same_origin_means_no_origin_or_this_host_over_either_scheme() {
        let host = (header::HOST, "council.example:8080");
        assert!(same_origin(&headers(std::slice::from_ref(&host))));
        for origin in [
            "http://council.example:8080",
            "https://COUNCIL.example:8080",
        ] {
            assert!(
                same_origin(&headers(&[host.clone(), (header::ORIGIN, origin)])),
                "{origin}"
            );
        }
        for origin in ["https://evil.example", "null", "ftp://council.example:8080"] {
            assert!(
                !same_origin(&headers(&[host.clone(), (header::ORIGIN, origin)])),
                "{origin}"
            );
        }
        assert!(!same_origin(&headers(&[(
            header::ORIGIN,
            "https://council.example"
        )])));
    }

    #[test]
    fn the_session_token_is_read_from_among_other_cookies() {
        let token = "ab".repeat(32);
        let cookie = format!("theme=dark; {COOKIE}={token}; other=1");
        assert_eq!(
            session_token(&headers(&[(header::COOKIE, &cookie)])),
            Some(token.as_str())
        );
        let junk = format!("{COOKIE}=../../etc");
        assert_eq!(session_token(&headers(&[(header::COOKIE, &junk)])), None);
    }
}
