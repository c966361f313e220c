//! The inspector: one page and its scripts and style sheet, embedded in the binary (no build step), served
//! at `/_emulator/ui`. The page holds no data: it reads everything through the admin API, sending the admin
//! token (taken from the page's `#token=` fragment or typed in, kept in the tab's session storage) when the
//! emulator asks for one, so the assets are served without it.

use super::reply::{self, AdminRequest};
use crate::state::AppState;
use axum::response::Response;
use http::{header, HeaderValue};

/// The embedded files: name, content type, text.
const FILES: &[(&str, &str, &str)] = &[
    (
        "index.html",
        "text/html; charset=utf-8",
        include_str!("ui/index.html"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("ui/style.css"),
    ),
    (
        "api.js",
        "text/javascript; charset=utf-8",
        include_str!("ui/api.js"),
    ),
    (
        "dom.js",
        "text/javascript; charset=utf-8",
        include_str!("ui/dom.js"),
    ),
    (
        "log.js",
        "text/javascript; charset=utf-8",
        include_str!("ui/log.js"),
    ),
    (
        "gauges.js",
        "text/javascript; charset=utf-8",
        include_str!("ui/gauges.js"),
    ),
    (
        "faults.js",
        "text/javascript; charset=utf-8",
        include_str!("ui/faults.js"),
    ),
    (
        "data.js",
        "text/javascript; charset=utf-8",
        include_str!("ui/data.js"),
    ),
    (
        "clock.js",
        "text/javascript; charset=utf-8",
        include_str!("ui/clock.js"),
    ),
    (
        "main.js",
        "text/javascript; charset=utf-8",
        include_str!("ui/main.js"),
    ),
];

fn serve(name: &str) -> Response {
    let Some((_, content_type, text)) = FILES.iter().find(|(n, _, _)| *n == name) else {
        return reply::not_found(format!("the inspector has no file {name}"));
    };
    let mut resp = Response::new(axum::body::Body::from(*text));
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             connect-src 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    resp
}

/// `GET /ui`: the page.
pub fn page(_: &AppState, _: &AdminRequest) -> Response {
    serve("index.html")
}

/// `GET /ui/{file}`: a script or the style sheet.
pub fn file(_: &AppState, req: &AdminRequest) -> Response {
    serve(req.param("file"))
}
